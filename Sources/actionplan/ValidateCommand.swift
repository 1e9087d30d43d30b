import ActionPlanCore
import ArgumentParser
import Foundation

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check plan files and report every problem (file, where, what was expected).",
        discussion: "PATH is a plan file or a directory of them (default: the data directory). Exit code 1 if any problem was found."
    )

    @OptionGroup var dataOptions: DataOptions
    @Argument(help: "A plan file or a directory.") var path: String?

    func run() throws {
        let target = path ?? dataOptions.directory
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) else {
            printError("\(target): no such file or directory")
            throw ExitCode(Exit.invalidData)
        }
        var files: [String] = []
        if isDirectory.boolValue {
            // The store's listing (its one readdir helper): the same names every other command sees as plans.
            files = ((try? PlanStore(directory: target).planIDs()) ?? []).map { "\(target)/\($0).json" }
            if files.isEmpty { print("\(target): no plan files (*.json)") }
        } else {
            files = [target]
        }
        var problemCount = 0
        for file in files {
            let (loaded, problems) = PlanFile.inspect(path: file)
            if let loaded {
                let plan = loaded.plan
                print(glyphs.clean("ok: \(file) (\(plan.keyIssues.count) key issues, \(plan.keyIssues.reduce(0) { $0 + $1.objectives.count }) objectives, \(plan.allTargets.count) targets)"))
                for key in loaded.unknownKeys { print(glyphs.clean("  note: \(key): unknown key, kept as it is")) }
            }
            for problem in problems { printError(problem.description) }
            problemCount += problems.count
        }
        if problemCount > 0 {
            printError("\(problemCount) problem\(problemCount == 1 ? "" : "s") found")
            throw ExitCode(Exit.invalidData)
        }
    }
}
