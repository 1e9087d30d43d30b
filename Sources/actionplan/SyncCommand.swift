import ActionPlanCore
import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Exchange plan changes with other machines through git: commit, fetch, merge per target, push.",
        discussion: """
        The data directory is a git repository (sync --init makes it one). sync commits every plan saved \
        since the last sync (the message names the targets and fields; the author is the person history \
        records), fetches from the remote (sync.remote in the config file, $ACTIONPLAN_SYNC_REMOTE or \
        --remote; default origin), merges plan files target by target and field by field (a field changed \
        on both sides: the later change by its history time wins, the other stays in history), and pushes. \
        A push rejected because someone pushed first is fetched, merged and pushed again, up to 3 times. \
        Without a remote it only commits. Prints what came in and what went out.

        sync --init [REMOTE] makes the directory a repository if it is not, writes .gitattributes \
        (*.json merge=actionplan) and .gitignore, and sets merge.actionplan.driver in the repository's \
        own config, so git pull and git merge use the plan merge too; REMOTE (a URL or path) becomes the \
        remote. Run it once in every clone. Exit status 4 when the sync could not finish (the message \
        says why and what to do; everything saved stays committed here).
        """
    )

    @OptionGroup var dataOptions: DataOptions
    @Flag(help: "Set up the data directory for sync (a git repository, attributes, the merge driver), then sync.") var `init` = false
    @Argument(help: ArgumentHelp("With --init: the remote repository to sync with (URL or path).", valueName: "remote-url")) var remoteURL: String?
    @Option(help: "The git remote to use (default: sync.remote from the config file, else origin).") var remote: String?
    @Flag(help: "Only say what is not synced yet (plans changed, commits not pushed); change nothing.") var status = false
    @Option(help: "Who syncs, when history does not say (default: $ACTIONPLAN_USER, else user in the config file, else your login name).") var by: String?

    func validate() throws {
        if remoteURL != nil && !`init` { throw ValidationError("a remote URL is given only with --init (sync --init URL)") }
        if status && `init` { throw ValidationError("give either --init or --status") }
    }

    func run() throws {
        try reportingErrors {
            let store = dataOptions.store()
            var info = stat()
            let exists = stat(store.directory, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
            guard exists || `init` else { throw StoreError.noDataDirectory(store.directory) }
            if `init` && !exists {
                guard mkdir(store.directory, 0o700) == 0 else { throw StoreError.noDataDirectory(store.directory) }
            }
            let sync = SyncCommand.makeSync(store: store, remote: remote, who: Identity.current(override: by))
            do throws(SyncError) {
                if status {
                    let pending = try sync.pending()
                    if pending.isEmpty { print("everything is synced"); return }
                    for path in pending.changedPlans { print("changed, not committed: \(glyphs.clean(path))") }
                    if let n = pending.unpushedCommits, n > 0 { print("\(n) commit\(n == 1 ? "" : "s") not yet pushed to \(sync.remote)") }
                    return
                }
                if `init` {
                    let done = try sync.initialise(remoteURL: remoteURL)
                    for line in done { print(glyphs.clean(line)) }
                }
                let report = try sync.run()
                for line in report.lines { print(glyphs.clean(line)) }
            } catch {
                printError(error.description)
                throw ExitCode(Exit.syncFailed)
            }
        }
    }

    /// The sync of a store as this process is set up: the remote from --remote or the setting, the
    /// merge driver as this very executable.
    static func makeSync(store: PlanStore, remote: String?, who: String) -> Sync {
        Sync(store: store, remote: remote ?? environmentValue(.syncRemote) ?? SettingKey.syncRemote.defaultValue(environment: [:]) ?? "origin",
             who: who, driverCommand: Sync.driverCommand(executable: executablePath()))
    }

    /// This executable, absolute (git runs the driver from the repository's directory).
    static func executablePath() -> String {
        if let real = realpath("/proc/self/exe", nil) {
            defer { free(real) }
            return String(cString: real)
        }
        return CommandLine.arguments[0]
    }
}
