import ActionPlanCore
import ArgumentParser

extension ReportDocument.Format: ExpressibleByArgument {}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "A committee-ready progress report of a plan, or the whole committee paper: Markdown, HTML, CSV, Word or PDF.",
        discussion: """
        Laid out as an "Outcomes Progress Report": a summary per Key Issue (met, partially met, not met, \
        not assessed, overdue, % met, direction of travel), the trend across closed reviews, the \
        exceptions (targets not met, or overdue) with their comments and forecast, then per Key Issue \
        and objective the action, its expected outcome and a table of its targets.

        --paper writes the committee paper: a covering report (By, To, Date, Subject, Classification, \
        Summary; 1 Introduction, 2 Progress by Key Issue, 3 Exceptions, 4 Not yet assessed, 5 Trend; \
        Recommendations; contact; Background Documents) with the progress report as its Appendix 1. Its \
        fields come from --to, --by, --subject, --classification, --summary, --recommendation, --contact \
        and --background, and are remembered in the plan file, so the next paper starts from the last; a \
        field never given is printed as a marked placeholder ("[To be completed: committee]").

        Direction of travel: the position reported belongs to a review (--review N, else the latest \
        review); it is compared with the closed review before that one, or, when there is none, with \
        the position when that review was opened. So a report written straight after `review close` \
        shows what changed since the review before, never "same" against itself.

        The as-at date is --as-at, else the review's with --review, else the plan's, else today. \
        --review N reports the snapshot frozen when review N was closed. --officer and --exceptions \
        narrow the report, and its heading says so (--officer narrows everything; --exceptions narrows \
        the detail, while the summary still counts every target). Written to stdout, or with -o to a \
        file, atomically (the path is printed); docx and pdf are never written to a terminal. HTML is one \
        self-contained file, for screen and A4 print. docx is a Word document (heading styles, header \
        rows repeated on each page, the appendix in landscape, "Page N of M"). pdf is the Word document \
        printed by LibreOffice (or the HTML by Chromium when LibreOffice is missing). In CSV a value that \
        begins with = + - @ TAB or CR is written with a leading apostrophe, so a spreadsheet shows it \
        instead of running it as a formula; --raw writes values exactly. Printed to a terminal, control \
        and bidi characters in the data are shown as placeholders (␛, ⟨U+202E⟩); into a file or a pipe \
        the report is written exactly.
        """
    )

    @OptionGroup var dataOptions: DataOptions
    @Argument(help: ArgumentHelp("The plan.", valueName: "plan-id"), completion: .planID) var planID: String
    @Option(help: "md, html, csv, docx or pdf.") var format: ReportDocument.Format = .md
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

    @Flag(help: "The committee paper: the covering report, with the progress report as its Appendix 1.") var paper = false
    @Option(help: ArgumentHelp("Paper: the committee it goes to (To:).", valueName: "committee")) var to: String?
    @Option(help: ArgumentHelp("Paper: an author or the cabinet member (By:); repeat for each line.", valueName: "name")) var by: [String] = []
    @Option(help: ArgumentHelp("Paper: the date it is dated (default today).", valueName: "date"), transform: DayArgument.parse) var date: DayArgument?
    @Option(help: ArgumentHelp("Paper: its subject (default: the plan's title, progress report).", valueName: "text")) var subject: String?
    @Option(help: ArgumentHelp("Paper: its classification, e.g. Unrestricted.", valueName: "text")) var classification: String?
    @Option(help: ArgumentHelp("Paper: its summary (default: one sentence from the plan).", valueName: "text")) var summary: String?
    @Option(help: ArgumentHelp("Paper: a recommendation; repeat for each (default: to note the progress).", valueName: "text")) var recommendation: [String] = []
    @Option(help: ArgumentHelp("Paper: a line of the contact block (name, post, telephone, email); repeat for each.", valueName: "line")) var contact: [String] = []
    @Option(help: ArgumentHelp("Paper: a background document; repeat for each (default: the plan).", valueName: "title")) var background: [String] = []

    /// sysexits' EX_UNAVAILABLE: `--format pdf` with no converter installed (the message names the package).
    static let unavailable: Int32 = 69

    /// What this run gives of the paper's fields (empty ones keep what the plan remembers).
    var givenDetails: PaperDetails {
        var d = PaperDetails()
        d.to = to ?? ""
        d.by = by
        d.subject = subject ?? ""
        d.classification = classification ?? ""
        d.summary = summary ?? ""
        d.recommendations = recommendation
        d.contact = contact
        d.backgroundDocuments = background
        return d
    }

    func validate() throws {
        if bom && format != .csv { throw ValidationError("--bom is for --format csv") }
        if raw && format != .csv { throw ValidationError("--raw is for --format csv") }
        if let review, review < 1 { throw ValidationError("--review takes a review number (1, 2, …); see `actionplan review list \(planID)`") }
        if paper && format == .csv {
            throw ValidationError("the committee paper has no CSV form (CSV is one row per target): use --format md, html, docx or pdf, or leave out --paper")
        }
        if !paper && (!givenDetails.isEmpty || date != nil) {
            throw ValidationError("--to, --by, --date, --subject, --classification, --summary, --recommendation, --contact and --background are for --paper")
        }
        if format.isBinary && output == nil && Output.isTerminal {
            throw ValidationError("--format \(format.rawValue) writes a binary file: give -o FILE (or redirect stdout to a file)")
        }
    }

    func run() throws {
        try reportingErrors {
            let store = dataOptions.store()
            let id = try resolvedPlanID(planID, in: store)
            var plan = try store.load(id).plan
            var kind = ReportDocument.Kind.appendix
            if paper {
                let given = givenDetails
                let details = plan.paper.merging(given)
                if details != plan.paper {
                    // Remembered for the next paper: saved under the plan's lock, re-read, so a save
                    // made meanwhile by someone else is kept.
                    plan = try store.update(id) { (p: inout Plan) -> Plan in
                        p.paper = p.paper.merging(given)
                        return p
                    }
                }
                kind = .paper(plan.paper, date: date?.day ?? Day.today())
            }
            let options = ReportOptions(asAt: asAt?.day, review: review, officer: officer, exceptionsOnly: exceptions,
                                        today: Day.today())
            let bytes: [UInt8]
            do {
                bytes = try ReportDocument.render(plan: plan, options: options, kind: kind, format: format,
                                                  byteOrderMark: bom, neutralise: !raw)
            } catch let error as ReportDocument.Failure {
                if case .review(let e) = error { throw e }
                printError(error.description)
                if case .pdf(.noConverter) = error { throw ExitCode(Self.unavailable) }
                throw ExitCode(Exit.invalidData)
            }
            if let output {
                try AtomicWriter().write(bytes, to: output, as: .output(force: force))
                print("wrote \(glyphs.clean(output))")
            } else if format.isBinary {
                Output.write(bytes)
            } else {
                Output.data(String(decoding: bytes, as: UTF8.self))
            }
        }
    }
}
