import ActionPlanCore
import ArgumentParser
import Foundation

extension ImportFormat: ExpressibleByArgument {}

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Create a plan from a document: plan text, a progress report, or CSV.",
        discussion: """
        Formats (--format auto picks by content):
          text    A plan copied out of Word as text: a title line, "Key Issue N: Title" headings with \
        their statement, and tab-separated rows under a header naming Key Objectives, Targets & Outcomes, \
        Lead officers and Time scale (any order, any case).
          report  A progress report: sections such as "Children & Learning 2 (CL2)" with Action, Expected \
        outcome and a table of month rows (month, expected outcome, responsible officer, mark, comments, \
        forecast). Each department is a Key Issue, each section an objective, each month row a target.
          csv     CSV as Excel saves it, one row per target, with a header row. Required columns: Key Issue \
        (or Key Issue No), Objective, Target. Optional: Key Issue No, Key Issue Statement, Objective No, \
        Objective Code, Expected Outcome, Target ID, Lead Officers, Time Scale, Due, Status, Comment, \
        Forecast, Measure Unit, Baseline, Measure Target, Actual, Better. Also accepted: Targets & Outcomes, \
        Targets and Outcomes, Key Objectives, Lead officer, Responsible Officer, Timescale, Comments, Mark, \
        Due date, ID. Any other column is an error. `actionplan export` writes this layout.

        The plan gets target ids t1..tN in document order. Every line the importer could not place is \
        printed and kept in the plan's notes; nothing is dropped silently. A file that is not UTF-8 text, \
        has no table, or names unknown or missing columns is refused and nothing is created. An existing \
        plan is never overwritten without --replace.
        """
    )

    @OptionGroup var dataOptions: DataOptions
    @Argument(help: "The document to import.") var file: String
    @Option(help: "The plan id (default: made from the title).") var id: String?
    @Option(help: "The plan title (default: the document's title line; for CSV, the file name).") var title: String?
    @Flag(help: "Show what would be imported; write nothing.") var dryRun = false
    @Flag(help: "Overwrite an existing plan with the same id.") var replace = false
    @Option(help: "auto, text, report or csv.") var format: ImportFormat = .auto

    func validate() throws {
        if let id, let problem = PlanID.problem(with: id) { throw ValidationError("--id: \(problem)") }
        if let title, title.allSatisfy(\.isWhitespace) { throw ValidationError("--title must not be empty") }
    }

    func run() throws {
        try reportingErrors {
            let result = try PlanImporter.importFile(path: file, format: format)
            var plan = result.plan
            plan.title = title ?? (plan.title.isEmpty ? fileStem : plan.title)
            plan.id = try chooseID(for: plan.title)

            let store = dataOptions.store()
            let path = try store.path(for: plan.id)
            let exists = FileManager.default.fileExists(atPath: path)
            if exists && !replace && !dryRun { throw StoreError.planExists(plan.id) }

            printSummary(plan, result)
            if dryRun {
                print(exists && !replace
                      ? "Dry run: nothing written. A plan with id \"\(plan.id)\" already exists: importing would need --replace (or another --id)."
                      : "Dry run: nothing written (would \(exists ? "replace" : "create") \(glyphs.clean(path))).")
                return
            }
            try ensureDirectory(dataOptions.directory)
            _ = try store.write(plan, mustBeNew: !replace)
            print("\(exists ? "Replaced" : "Created") \(glyphs.clean(path))")
        }
    }

    private var fileStem: String {
        let name = String(file.split(separator: "/").last ?? Substring(file))
        guard let dot = name.lastIndex(of: "."), dot > name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// --id, else a slug of the title, else of the file name.
    private func chooseID(for title: String) throws -> String {
        if let id { return id }
        for candidate in [Slug.make(title), Slug.make(fileStem)] where !candidate.isEmpty {
            if PlanID.problem(with: candidate) == nil { return candidate }
        }
        printError("cannot make a plan id from the title \"\(title)\"; give one with --id")
        throw ExitCode(Exit.usage)
    }

    private func ensureDirectory(_ directory: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            if !isDirectory.boolValue { throw StoreError.noDataDirectory(directory) }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            print("Created data directory \(glyphs.clean(directory))")
        } catch {
            throw StoreError.noDataDirectory(directory)
        }
    }

    private func printSummary(_ plan: Plan, _ result: ImportResult) {
        let report = result.report
        func out(_ s: String) { print(glyphs.clean(s)) }
        out("Imported \(file) (\(result.format.description)) as plan \(plan.id): \"\(plan.title)\"")
        for issue in plan.keyIssues {
            let targets = issue.objectives.reduce(0) { $0 + $1.targets.count }
            out("  Key Issue \(issue.number) \(issue.title): \(count(issue.objectives.count, "objective")), \(count(targets, "target"))")
        }
        let objectives = plan.keyIssues.reduce(0) { $0 + $1.objectives.count }
        let targets = plan.allTargets.count
        let numbered = plan.allTargets.map(\.id) == (0..<targets).map { "t\($0 + 1)" }
        let ids = targets == 0 ? "" : numbered ? (targets == 1 ? " (t1)" : " (t1-t\(targets))") : " (target ids kept from the file; the next new one is t\(plan.nextTargetId))"
        out("  Total: \(count(plan.keyIssues.count, "Key Issue")), \(count(objectives, "objective")), \(count(targets, "target"))\(ids)")
        if !report.furniture.isEmpty {
            out("Skipped page furniture (\(report.furniture.count) line\(report.furniture.count == 1 ? "" : "s")):")
            for item in report.furniture { out("  \(item)") }
        }
        if report.unplaced.isEmpty {
            out("Every line was placed.")
        } else {
            out("Could not place (\(report.unplaced.count)); kept in the plan's notes:")
            for item in report.unplaced { out("  \(item)") }
        }
        if !report.remarks.isEmpty {
            out("Check (\(report.remarks.count)); also in the plan's notes:")
            for item in report.remarks { out("  \(item)") }
        }
    }

    private func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
