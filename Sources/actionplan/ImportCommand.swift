import ActionPlanCore
import ArgumentParser
import Foundation

extension ImportFormat: ExpressibleByArgument {}

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Create a plan from a council's document: Word .docx, Excel .xlsx, CSV or text.",
        discussion: """
        Word .docx and Excel .xlsx files, CSV (comma, semicolon or tab; UTF-8, UTF-16 or Windows-1252) \
        and text saved from Word are read whatever their layout: the header row of each table is found \
        by its column names (Action, Lead officer, Timescale, Status, Progress… see the README's \
        "Importing your plan"), Key Issues and objectives from the headings, group rows, merged cells \
        and numbering. Use --dry-run first: it shows which column became which field, every status word \
        and what it became, every officer split and every row it could not place.
        --map 'By when=timescale' names a column's role (target, objective, key-issue, lead, timescale, \
        status, comment, measure, forecast, number, target-id, extra, ignore); --status 'On track=not-assessed' \
        says what a status word means; --sheet NAME picks an Excel sheet.

        The layouts of the sample plans (--format auto picks by content):
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
        Due date, ID. `actionplan export` writes this layout; a CSV with other headings is read as a \
        council's table (above).

        The plan gets target ids t1..tN in document order. Every line the importer could not place is \
        printed and kept in the plan's notes; nothing is dropped silently. A file that is not UTF-8 text, \
        has no table, or names unknown or missing columns is refused and nothing is created. An existing \
        plan is never overwritten without --replace.

        --into PLAN_ID updates an existing plan from a revised document instead, keeping its reviews, \
        history, notes and title: rows are matched to its targets (by the Target ID column of our own \
        CSV export, else by their text within the same objective), changed fields become edits with \
        history, new rows are added, and targets missing from the file are listed, and removed only with \
        --prune. Every change is one save, taken back by one `actionplan undo`. --dry-run lists the \
        changes and writes nothing.
        """
    )

    @OptionGroup var dataOptions: DataOptions
    @Argument(help: "The document to import.") var file: String
    @Option(help: "The plan id (default: made from the title).") var id: String?
    @Option(help: "The plan title (default: the document's title line; for CSV, the file name).") var title: String?
    @Flag(help: "Show what would be imported; write nothing.") var dryRun = false
    @Flag(help: "Overwrite an existing plan with the same id (refused when it has reviews or history, unless --force).") var replace = false
    @Flag(help: "With --replace: overwrite even a plan with reviews or history (they are lost).") var force = false
    @Option(help: "auto, text, report, csv, docx or xlsx.") var format: ImportFormat = .auto
    @Option(name: .customLong("map"), help: ArgumentHelp("A column's role: 'HEADING=ROLE' (repeatable), e.g. 'By when=timescale', 'Ref=ignore'.", valueName: "HEADING=ROLE"))
    var maps: [String] = []
    @Option(name: .customLong("status"), help: ArgumentHelp("What a status word means: 'WORD=STATUS' (repeatable), e.g. 'On track=not-assessed'.", valueName: "WORD=STATUS"))
    var statuses: [String] = []
    @Option(help: "The Excel sheet to import (default: the first with a plan table).") var sheet: String?
    @Option(help: ArgumentHelp("Update this existing plan from the document, keeping its reviews, history, notes and title.", valueName: "plan-id"), completion: .planID)
    var into: String?
    @Flag(help: "With --into: remove the plan's items that the document no longer has (without it they are listed and kept).") var prune = false
    @OptionGroup var byOption: ByOption

    var options: ImportOptions {
        var o = ImportOptions()
        for m in maps { _ = o.addMap(m) }
        for s in statuses { _ = o.addStatus(s) }
        o.sheet = sheet
        return o
    }

    func validate() throws {
        if let into {
            if replace { throw ValidationError("--into updates \(into) in place, keeping its reviews and history; it cannot be combined with --replace") }
            if force { throw ValidationError("--force belongs to --replace; --into never loses reviews or history") }
            if id != nil { throw ValidationError("--id names a new plan; with --into the plan is \(into)") }
            if title != nil { throw ValidationError("--into keeps the plan's title; change it with `actionplan edit \(into) --title …`") }
            if let problem = PlanID.problem(with: into) { throw ValidationError("--into: \(problem)") }
        } else if prune {
            throw ValidationError("--prune needs --into PLAN_ID (it removes what a revised document no longer has)")
        }
        if let id, let problem = PlanID.problem(with: id) { throw ValidationError("--id: \(problem)") }
        if let title, title.allSatisfy(\.isWhitespace) { throw ValidationError("--title must not be empty") }
        var o = ImportOptions()
        for m in maps { if let problem = o.addMap(m) { throw ValidationError(problem) } }
        for s in statuses { if let problem = o.addStatus(s) { throw ValidationError(problem) } }
    }

    func run() throws {
        if let into {
            try reportingErrors { try ReimportRun(command: self, planID: into).run() }
            return
        }
        try reportingErrors {
            let result = try PlanImporter.importFile(path: file, format: format, options: options)
            var plan = result.plan
            plan.title = title ?? (plan.title.isEmpty ? fileStem : plan.title)
            plan.id = try chooseID(for: plan.title)

            let store = dataOptions.store()
            let path = try store.path(for: plan.id)
            let exists = FileManager.default.fileExists(atPath: path)
            if exists && !replace && !dryRun { throw StoreError.planExists(plan.id) }
            // --replace writes a new plan over the old one: its reviews and history would go with it.
            var loss: String?
            if exists && replace, let old = try? store.load(plan.id).plan { loss = ReplaceLoss.describe(old) }
            if let loss, !force && !dryRun {
                printError("\(plan.id) has \(loss); --replace would lose them. Update it keeping them with `import FILE --into \(plan.id)`, or add --force to replace it anyway")
                throw ExitCode(Exit.invalidData)
            }

            printSummary(plan, result)
            if dryRun {
                print(exists && !replace
                      ? "Dry run: nothing written. A plan with id \"\(plan.id)\" already exists: importing would need --replace (or another --id)."
                      : "Dry run: nothing written (would \(exists ? "replace" : "create") \(glyphs.clean(path))).")
                if let loss { print(glyphs.clean("Replacing would lose \(plan.id)'s \(loss)\(force ? " (--force given)" : "; without --force it is refused").")) }
                return
            }
            try ensureDirectory(dataOptions.directory)
            _ = try store.write(plan, mustBeNew: !replace)
            print("\(exists ? "Replaced" : "Created") \(glyphs.clean(path))")
        }
    }

    var fileName: String { String(file.split(separator: "/").last ?? Substring(file)) }

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
        for line in ImportPreview.lines(plan: plan, result: result, file: file) { print(glyphs.clean(line)) }
    }

    private func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
