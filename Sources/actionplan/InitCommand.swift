import ActionPlanCore
import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the data directory (mode 0700), optionally with the sample plans.",
        discussion: """
        DIR is the directory to create (default: the data directory in use: --data, $ACTIONPLAN_DATA, the \
        config file, else ~/.local/share/actionplan). An existing directory is kept as it is; --samples then \
        adds the sample plans it does not have yet, never replacing a plan. For a directory shared by a \
        team, make it group-owned afterwards (chgrp TEAM DIR; chmod 2770 DIR).
        """
    )

    @OptionGroup var dataOptions: DataOptions
    @Flag(help: "Copy the five sample plans into it.") var samples = false
    @Argument(help: ArgumentHelp("The directory to create.", valueName: "dir"), completion: .directory) var dir: String?

    func run() throws {
        try reportingErrors {
            let directory = dir ?? dataOptions.directory
            try create(directory)
            guard samples else {
                print("Next: actionplan import FILE, or actionplan init --samples to try the sample plans.")
                return
            }
            guard let source = Samples.directory() else {
                printError("no sample plans found (looked for share/actionplan/samples beside the binary; set ACTIONPLAN_SAMPLES=DIR)")
                throw ExitCode(Exit.notFound)
            }
            let store = PlanStore(directory: directory)
            var added = 0
            for file in Samples.files(in: source) {
                let loaded = try PlanFile.loadWithFingerprint(path: file)
                do {
                    _ = try store.write(loaded.plan, mustBeNew: true)
                    added += 1
                    print("added \(loaded.plan.id)")
                } catch StoreError.planExists(let id) {
                    print("kept \(id) (already there)")
                }
            }
            print("\(added) sample plan\(added == 1 ? "" : "s") added. Next: actionplan (the review UI) or actionplan plans.")
        }
    }

    /// mkdir -p, the last component with mode 0700 exactly (whatever the umask). An existing directory is
    /// left alone, its mode too: init never widens (or narrows) what someone set up.
    private func create(_ directory: String) throws {
        var info = stat()
        if stat(directory, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                throw StoreError.noDataDirectory(directory)
            }
            print("Data directory \(glyphs.clean(directory)) already exists.")
            return
        }
        let parent = (directory as NSString).deletingLastPathComponent
        if !parent.isEmpty && access(parent, F_OK) != 0 {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        }
        guard mkdir(directory, 0o700) == 0 else {
            printError("cannot create \(directory): \(String(cString: strerror(errno)))")
            throw ExitCode(Exit.saveFailed)
        }
        chmod(directory, 0o700)
        print("Created data directory \(glyphs.clean(directory)) (mode 0700).")
    }
}
