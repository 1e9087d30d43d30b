import ActionPlanCore
import ArgumentParser

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case md, html, csv
}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "A committee-ready progress report of a plan, as Markdown, HTML or CSV.",
        discussion: """
        Laid out as an "Outcomes Progress Report": a summary per Key Issue (met, partially met, not met, \
        not assessed, overdue, % met, direction of travel against the previous closed review), the \
        exceptions (targets not met, or overdue) with their forecast, then per Key Issue and objective \
        the action, its expected outcome and a table of its targets.

        The as-at date is --as-at, else the review's with --review, else the plan's, else today. \
        --review N reports the snapshot frozen when review N was closed. --officer and --exceptions \
        narrow the report, and its heading says so (--officer narrows everything; --exceptions narrows \
        the detail, while the summary still counts every target). Written to stdout, or with -o to a \
        file, atomically (the path is printed). HTML is one self-contained file, for screen and A4 print. \
        In CSV a value that begins with = + - @ TAB or CR is written with a leading apostrophe, so a \
        spreadsheet shows it instead of running it as a formula; --raw writes values exactly. Printed to a \
        terminal, control and bidi characters in the data are shown as placeholders (␛, ⟨U+202E⟩); into \
        a file or a pipe the report is written exactly.
        """
    )

    @OptionGroup var dataOptions: DataOptions
    @Argument(help: ArgumentHelp("The plan.", valueName: "plan-id"), completion: .planID) var planID: String
    @Option(help: "md, html or csv.") var format: ReportFormat = .md
    @Option(help: ArgumentHelp("The report's as-at date (overdue is judged against it).", valueName: "date"), transform: DayArgument.parse) var asAt: DayArgument?
    @Option(help: ArgumentHelp("Report the frozen snapshot of this closed review.", valueName: "n")) var review: Int?
    @Option(help: "Only targets led by this officer.", completion: .officer) var officer: String?
    @Flag(help: "Only exceptions (not met, or overdue) in the detail.") var exceptions = false
    @Flag(help: "Start CSV with a byte order mark, so Excel reads it as UTF-8.") var bom = false
    @Flag(help: "CSV: write every value exactly (no apostrophe before a leading = + - @ TAB CR).") var raw = false
    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file"))
    var output: String?
    @Flag(help: "With -o: replace an existing symbolic link or another user's file (a link is replaced, never followed).")
    var force = false

    func validate() throws {
        if bom && format != .csv { throw ValidationError("--bom is for --format csv") }
        if raw && format != .csv { throw ValidationError("--raw is for --format csv") }
        if let review, review < 1 { throw ValidationError("--review takes a review number (1, 2, …); see `actionplan review list \(planID)`") }
    }

    func run() throws {
        try reportingErrors {
            let store = dataOptions.store()
            let plan = try store.load(resolvedPlanID(planID, in: store)).plan
            let options = ReportOptions(asAt: asAt?.day, review: review, officer: officer, exceptionsOnly: exceptions,
                                        today: Day.today())
            let report = try ProgressReport(plan: plan, options: options)
            let text: String
            switch format {
            case .md: text = MarkdownReport.render(report)
            case .html: text = HTMLReport.render(report)
            case .csv: text = CSVReport.render(report, byteOrderMark: bom, neutralise: !raw)
            }
            if let output {
                try AtomicWriter().write(Array(text.utf8), to: output, as: .output(force: force))
                print("wrote \(glyphs.clean(output))")
            } else {
                Output.data(text)
            }
        }
    }
}
