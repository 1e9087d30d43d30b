import Mustache

/// The progress report as one self-contained HTML file (inline CSS, inline SVG, no script, nothing
/// fetched), rendered with a Mustache template (Templates/ReportTemplate.swift).
///
/// Escaping: every value reaches the page through `{{ }}` (never `{{{ }}}`), and the template switches
/// the escaping to `ReportText.html` with the pragma `{{% CONTENT_TYPE: ACTIONPLAN_HTML }}`. The
/// package's own HTML escaping works on Characters and misses a quote or `<` that carries a combining
/// mark (see `ReportText.html`); ours works on scalars and also replaces control characters.
public enum HTMLReport {
    public static func render(_ report: ProgressReport) -> String {
        template.render(Page(report, paper: nil))
    }

    /// The committee paper: the covering report (an A4 portrait page or more), then the progress report
    /// as its appendix (A4 landscape), in one file.
    public static func render(_ paper: CommitteePaper) -> String {
        template.render(Page(paper.appendix, paper: paper))
    }

    /// The content type the template's pragma names.
    public static let contentTypeName = "ACTIONPLAN_HTML"

    struct Escaping: MustacheContentType {
        func escapeText(_ text: String) -> String { ReportText.html(text) }
    }

    /// Parsed once. The content type is registered first because the parser looks the pragma up.
    static let template: MustacheTemplate = {
        MustacheContentTypes.register(Escaping(), named: contentTypeName)
        do {
            return try MustacheTemplate(string: ReportTemplate.html)
        } catch {
            preconditionFailure("the built-in report template does not parse: \(error)")
        }
    }()

    // MARK: - View model (stored properties only: Mustache reads them by reflection)

    struct Page {
        let documentTitle: String
        let heading: String
        let scope: [String]
        let meta: String?
        let basis: String
        let running: String
        let chart: Chart
        let summaryCaption: String
        let summaryRows: [SummaryRow]
        let totalRow: SummaryRow
        let exceptionsIntro: String
        let exceptionsCaption: String
        let exceptions: [ExceptionRow]
        let hasExceptions: Bool
        let issues: [Issue]
        let summaryHeadings: [Heading]
        let exceptionHeadings: [Heading]
        let targetHeadings: [Heading]
        let trendHeadings: [Heading]
        let trend: [TrendRow]
        let hasTrend: Bool
        let trendChart: Chart?
        let trendColumns: [String]
        let trendIssues: [TrendIssueRow]
        let hasMeasures: Bool
        let measureColumns: [String]
        let measureRows: [TrendIssueRow]
        let paper: PaperView?

        init(_ r: ProgressReport, paper p: CommitteePaper?) {
            paper = p.map(PaperView.init)
            documentTitle = p?.title ?? r.heading
            heading = r.title
            scope = r.scope
            let metaParts = [r.organisation, r.department].filter { !$0.isEmpty }
            meta = metaParts.isEmpty ? nil : metaParts.joined(separator: " · ")
            basis = r.basis
            running = "\(ProgressReport.baseTitle(r.planTitle)) · Outcomes Progress Report as at \(r.asAt.longDescription)"
                + (r.scope.isEmpty ? "" : " · filtered")
            chart = Chart(r)
            summaryCaption = "Targets by status per Key Issue, as at \(r.asAt.longDescription)"
            summaryRows = r.summary.map(SummaryRow.init)
            totalRow = SummaryRow(r.total)
            exceptionsIntro = "Targets \(ProgressReport.exceptionRule), with their forecast: \(r.exceptions.count)."
            exceptionsCaption = "Exceptions as at \(r.asAt.longDescription)"
            exceptions = r.exceptions.map(ExceptionRow.init)
            hasExceptions = !r.exceptions.isEmpty
            issues = r.sections.map { Issue($0, baseline: r.baseline) }
            summaryHeadings = ReportColumns.summary.map(Heading.init)
            exceptionHeadings = ReportColumns.exceptions.map(Heading.init)
            targetHeadings = ReportColumns.targets.map(Heading.init)
            trendHeadings = ReportColumns.trend.map(Heading.init)
            trend = r.trend.map(TrendRow.init)
            hasTrend = r.trend.count > 1
            trendChart = hasTrend ? Chart(trend: r) : nil
            let byIssue = r.trendByKeyIssue
            trendColumns = byIssue.columns
            trendIssues = byIssue.rows.map { TrendIssueRow(name: $0.name, cells: $0.cells) }
            hasMeasures = !r.measures.isEmpty
            measureColumns = r.measuresTable.columns
            measureRows = r.measuresTable.rows.map { TrendIssueRow(name: $0.name, cells: $0.cells) }
        }
    }

    /// The covering report.
    struct PaperView {
        struct TextView {
            let text: String
            let cssClass: String
            init(_ t: CommitteePaper.Text) {
                text = t.text
                cssClass = t.isPlaceholder ? "placeholder" : "content"
            }
        }
        struct FieldView {
            let label: String
            let lines: [TextView]
        }
        struct ParagraphView {
            let number: String
            let text: String
            let bullets: [String]
            let hasBullets: Bool
        }
        struct SectionView {
            let sectionAnchor: String
            let number: Int
            let heading: String
            let paragraphs: [ParagraphView]
        }
        let title: String
        let fields: [FieldView]
        let sections: [SectionView]
        let recommendations: [TextView]
        let contact: [TextView]
        let background: [String]
        let appendixLabel: String

        init(_ p: CommitteePaper) {
            title = p.title
            fields = p.fields.map { FieldView(label: $0.label, lines: $0.lines.map(TextView.init)) }
            sections = p.sections.map { s in
                SectionView(sectionAnchor: "paper-\(s.number)", number: s.number, heading: s.heading, paragraphs: s.paragraphs.map {
                    ParagraphView(number: $0.number, text: $0.text, bullets: $0.bullets, hasBullets: !$0.bullets.isEmpty)
                })
            }
            recommendations = p.recommendations.map(TextView.init)
            contact = p.contact.map(TextView.init)
            background = p.backgroundDocuments
            appendixLabel = p.appendixLabel
        }
    }

    /// A column heading from `ReportColumns` (the one place that knows them).
    struct Heading {
        let text: String
        let cssClass: String
        let width: Int

        init(_ c: ReportColumns.Column) {
            text = c.heading
            cssClass = c.numeric ? "num" : "text"
            width = c.width
        }
    }

    struct TrendIssueRow {
        let name: String
        let cells: [String]
    }

    struct TrendRow {
        let label: String
        let met: Int
        let partiallyMet: Int
        let notMet: Int
        let notAssessed: Int
        let percent: String
        let arrow: String?
        let directionWord: String

        init(_ p: ProgressReport.TrendPoint) {
            label = p.label
            met = p.tally.met
            partiallyMet = p.tally.partiallyMet
            notMet = p.tally.notMet
            notAssessed = p.tally.notAssessed
            percent = "\(p.tally.percentMet)%"
            arrow = p.direction.flatMap { $0.arrow.isEmpty ? nil : $0.arrow }
            directionWord = p.direction?.word ?? "first review"
        }
    }

    struct SummaryRow {
        let rowLabel: String
        let met: Int
        let partiallyMet: Int
        let notMet: Int
        let notAssessed: Int
        let overdue: Int
        let percent: String
        let arrow: String?
        let directionWord: String

        init(_ r: ProgressReport.SummaryRow) {
            rowLabel = r.number.map { "\($0). \(r.title)" } ?? r.title
            met = r.tally.met
            partiallyMet = r.tally.partiallyMet
            notMet = r.tally.notMet
            notAssessed = r.tally.notAssessed
            overdue = r.tally.overdue
            percent = r.percentMet
            arrow = r.direction.flatMap { $0.arrow.isEmpty ? nil : $0.arrow }
            directionWord = r.direction?.word ?? "no earlier review"
        }
    }

    /// How a status shows: a symbol (hidden from screen readers, which read the word) and the word.
    struct Mark {
        let symbol: String?
        let word: String
        let cssClass: String

        init(_ s: Status) {
            switch s {
            case .met: symbol = "✓"
            case .notMet: symbol = "X"
            case .partiallyMet: symbol = "◐"
            case .notAssessed: symbol = nil
            }
            word = s.reportWord
            cssClass = "st-" + s.rawValue
        }
    }

    struct ExceptionRow {
        let ref: String
        let month: String
        let dueText: String?
        let text: String
        let officers: String
        let mark: Mark
        let overdue: Bool
        let comment: String
        let forecast: String

        init(_ l: ProgressReport.Line) {
            comment = l.comment
            ref = l.objectiveRef
            month = l.month
            dueText = l.overdue ? l.due.map { "due \($0.longDescription)" } : nil
            text = l.text
            officers = l.officers.joined(separator: " / ")
            mark = Mark(l.status)
            overdue = l.overdue
            forecast = l.forecast
        }
    }

    struct Issue {
        let issueAnchor: String
        let issueHeading: String
        let objectives: [ObjectiveView]

        init(_ s: ProgressReport.IssueSection, baseline: Baseline?) {
            issueAnchor = "ki-\(s.number)"
            issueHeading = "Key Issue \(s.number): \(s.title)"
            objectives = s.objectives.enumerated().map { ObjectiveView($1, anchor: "ki-\(s.number)-o\($0 + 1)", baseline: baseline) }
        }
    }

    struct ObjectiveView {
        let objectiveAnchor: String
        let objectiveHeading: String
        let action: String
        let expected: String?
        let lines: [LineView]

        init(_ o: ProgressReport.ObjectiveSection, anchor: String, baseline: Baseline?) {
            objectiveAnchor = anchor
            objectiveHeading = o.heading
            action = o.action
            expected = o.expectedOutcome.isEmpty ? nil : o.expectedOutcome
            lines = o.lines.map { LineView($0, baseline: baseline) }
        }
    }

    struct LineView {
        let month: String
        let overdue: Bool
        let text: String
        let officers: String
        let mark: Mark
        /// Shown only when the status moved since the previous review ("↑ better than at review 1").
        let change: String?
        let comment: String
        let forecast: String

        init(_ l: ProgressReport.Line, baseline: Baseline?) {
            month = l.month
            overdue = l.overdue
            text = l.text
            officers = l.officers.joined(separator: " / ")
            mark = Mark(l.status)
            if let d = l.direction, d != .same, let baseline {
                change = ReportText.change(d, baseline: baseline)
            } else {
                change = nil
            }
            comment = l.comment
            forecast = l.forecast
        }
    }

    // MARK: - Chart

    /// A horizontal stacked bar per Key Issue, drawn to one scale (the largest Key Issue fills the
    /// width). Each bar has a line of text above it with the counts in words, and the fills differ
    /// by pattern as well as colour, so nothing depends on telling colours apart.
    struct Chart {
        let height: Int
        let label: String
        let description: String
        let legend: [LegendItem]
        let rows: [ChartRow]

        static let width = 1000
        static let top = 44
        static let rowHeight = 54
        static let barHeight = 20
        static let maxCaption = 110

        init(_ r: ProgressReport) {
            self.init(bars: r.summary.map { ("\($0.number ?? 0). \($0.title)", $0.tally) },
                      label: "Targets by status per Key Issue, as at \(r.asAt.longDescription)")
        }

        /// One bar per point of the trend (each closed review, then now), for the whole plan.
        init(trend r: ProgressReport) {
            self.init(bars: r.trend.map { ($0.label, $0.tally) }, label: "Targets by status at each closed review")
        }

        init(bars rowsIn: [(name: String, tally: Tally)], label: String) {
            let largest = max(1, rowsIn.map(\.tally.total).max() ?? 1)
            self.label = label
            var texts: [String] = []
            var rows: [ChartRow] = []
            for (i, row) in rowsIn.enumerated() {
                let t = row.tally
                let counts = "\(t.met) met, \(t.partiallyMet) partially met, \(t.notMet) not met, \(t.notAssessed) not assessed"
                let name = row.name
                texts.append("\(name): \(counts)")
                let y = Chart.top + i * Chart.rowHeight
                var x = 0
                var segments: [Segment] = []
                for status in [Status.met, .partiallyMet, .notMet, .notAssessed] {
                    let n = t.count(status)
                    guard n > 0 else { continue }
                    let w = max(2, n * Chart.width / largest)
                    segments.append(Segment(x: x, y: y + 8, width: min(w, Chart.width - x), height: Chart.barHeight,
                                            fill: Chart.fill(status), title: "\(n) \(status.reportWord.lowercased())"))
                    x += w
                }
                var caption = "\(name) — \(counts)"
                if caption.count > Chart.maxCaption {
                    // The full title is in the table and the description; the chart's line stays on the page.
                    let room = max(10, Chart.maxCaption - counts.count - 4)
                    caption = String(name.prefix(room)) + "… — " + counts
                }
                rows.append(ChartRow(caption: caption, textY: y, segments: segments))
            }
            self.rows = rows
            description = texts.joined(separator: "; ") + "."
            height = Chart.top + rowsIn.count * Chart.rowHeight + 4
            legend = [Status.met, .partiallyMet, .notMet, .notAssessed].enumerated().map { i, s in
                LegendItem(x: i * 220, boxX: i * 220, textX: i * 220 + 30, fill: Chart.fill(s), word: s.reportWord)
            }
        }

        static func fill(_ s: Status) -> String {
            switch s {
            case .met: return "url(#fill-met)"
            case .partiallyMet: return "url(#fill-partly)"
            case .notMet: return "url(#fill-notmet)"
            case .notAssessed: return "url(#fill-na)"
            }
        }
    }

    struct ChartRow {
        let caption: String
        let textY: Int
        let segments: [Segment]
    }

    struct Segment {
        let x: Int
        let y: Int
        let width: Int
        let height: Int
        let fill: String
        let title: String
    }

    struct LegendItem {
        let x: Int
        let boxX: Int
        let textX: Int
        let fill: String
        let word: String
    }
}
