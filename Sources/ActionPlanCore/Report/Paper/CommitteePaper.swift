import Foundation

/// The committee paper: a covering report (seed 002, Kent: By / To / Date / Subject / Classification /
/// Summary, numbered sections, Recommendations, contact, Background Documents; seed 003, Cumbria:
/// numbered 1.0 … sections, authors and date) with the progress report as its Appendix 1 (seed 004,
/// Luton). Built once from the plan's progress report and the paper's details; rendered as Markdown,
/// HTML and Word. Text here is as in the plan (each renderer escapes it for its format).
///
/// A field no option and no earlier paper gives is a `Text` with `isPlaceholder` set ("[To be
/// completed: committee]"), which every format marks as such: a paper is never refused for a missing
/// field, and a reader never takes a placeholder for content.
public struct CommitteePaper: Sendable {
    /// A run of text: content, or a marked placeholder.
    public struct Text: Sendable, Equatable {
        public var text: String
        public var isPlaceholder: Bool

        public static func content(_ s: String) -> Text { Text(text: s, isPlaceholder: false) }
        public static func placeholder(_ what: String) -> Text { Text(text: "[To be completed: \(what)]", isPlaceholder: true) }
    }

    /// "By:", "To:", … with one or more lines.
    public struct Field: Sendable {
        public var label: String
        public var lines: [Text]
    }

    /// "2.3 …" with optional bullets under it.
    public struct Paragraph: Sendable {
        public var number: String
        public var text: String
        public var bullets: [String]
    }

    public struct Section: Sendable {
        public var number: Int
        public var heading: String
        public var paragraphs: [Paragraph]
    }

    /// The title of the whole document (the subject).
    public var title: String
    /// The authors, for the document's properties ("" when none is given).
    public var author: String
    public var date: Day
    public var fields: [Field]
    public var sections: [Section]
    public var recommendations: [Text]
    public var contact: [Text]
    public var backgroundDocuments: [String]
    /// "Appendix 1" and its progress report.
    public var appendixLabel = "Appendix 1"
    public var appendix: ProgressReport

    /// Builds the paper. `details` are the plan's remembered fields merged with this paper's options.
    public init(report r: ProgressReport, details d: PaperDetails, date: Day) {
        let plan = ProgressReport.baseTitle(r.planTitle)
        let subject = d.subject.isEmpty ? "\(plan): progress report" : d.subject
        title = subject
        author = d.by.first ?? ""
        self.date = date
        appendix = r
        let committee = d.to.isEmpty ? "the committee" : d.to.lowercased().hasPrefix("the ") ? d.to : "the \(d.to)"
        let summary = d.summary.isEmpty
            ? "This report presents a summary of progress against the \(plan) as at \(r.asAt.longDescription)." : d.summary
        fields = [
            Field(label: "By", lines: d.by.isEmpty ? [.placeholder("author(s) and cabinet member")] : d.by.map(Text.content)),
            Field(label: "To", lines: [d.to.isEmpty ? .placeholder("committee") : .content(d.to)]),
            Field(label: "Date", lines: [.content(date.longDescription)]),
            Field(label: "Subject", lines: [.content(subject)]),
            Field(label: "Classification", lines: [d.classification.isEmpty ? .placeholder("classification, e.g. Unrestricted") : .content(d.classification)]),
            Field(label: "Summary", lines: [.content(summary)]),
        ]
        sections = CommitteePaper.sections(of: r, plan: plan, appendix: appendixLabel)
        let exceptionsSection = sections.first { $0.heading == CommitteePaper.exceptionsHeading }?.number
        recommendations = d.recommendations.isEmpty
            ? [.content("Members of \(committee) are asked to note the progress made against the \(plan) as at \(r.asAt.longDescription)"
                + (r.exceptions.isEmpty || exceptionsSection == nil ? "." : ", and the exceptions set out in section \(exceptionsSection!).")
                + " A further report on progress will be provided after the next review.")]
            : d.recommendations.map(Text.content)
        contact = d.contact.isEmpty ? [.placeholder("contact name, post, telephone, email")] : d.contact.map(Text.content)
        backgroundDocuments = d.backgroundDocuments.isEmpty ? [r.planTitle] : d.backgroundDocuments
    }

    static let exceptionsHeading = "Exceptions"

    // MARK: - The numbered sections, written from the data

    static func sections(of r: ProgressReport, plan: String, appendix: String) -> [Section] {
        var out: [Section] = []
        func add(_ heading: String, _ paragraphs: [(String, [String])]) {
            let n = out.count + 1
            out.append(Section(number: n, heading: heading, paragraphs: paragraphs.enumerated().map { i, p in
                Paragraph(number: "\(n).\(i + 1)", text: p.0, bullets: p.1)
            }))
        }
        let lines = r.total.lines
        let objectives = Set(lines.map { "\($0.issueNumber)/\($0.objectiveRef)" }).count
        var intro: [(String, [String])] = [
            ("This report presents progress against the \(plan)"
                + ([r.organisation, r.department].filter { !$0.isEmpty }.map { " (\($0))" }.joined())
                + " as at \(r.asAt.longDescription). The full progress report is attached as \(appendix).", []),
            ("The plan has \(count(r.summary.count, "Key Issue")), \(count(objectives, "objective")) and \(count(lines.count, "target"))"
                + (r.scope.isEmpty ? "." : " in the scope of this report (\(r.scope.joined(separator: "; "))).")
                + " A target is an exception when it is \(Target.exceptionRule).", []),
        ]
        intro.append((directionRule(r), []))
        add("Introduction", intro)

        var progress: [(String, [String])] = [("Overall: " + tallySentence(r.total.tally) + direction(r.total, r.baseline), [])]
        for row in r.summary {
            var bullets: [String] = []
            if let b = r.baseline {
                let met = row.lines.filter(\.metSinceBaseline)
                bullets.append(met.isEmpty ? "No target has been met since \(b.shortName)."
                    : "Met since \(b.shortName): " + list(met))
                let worse = row.lines.filter { $0.direction == .worse }
                if !worse.isEmpty {
                    bullets.append("Worse than at \(b.shortName): " + worse.map {
                        "\(ref($0)) \($0.text) (\($0.previousStatus?.reportWord.lowercased() ?? "") → \($0.status.reportWord.lowercased()))"
                    }.joined(separator: "; ") + ".")
                }
            }
            progress.append(("Key Issue \(row.number ?? 0), \(row.title): " + tallySentence(row.tally) + direction(row, r.baseline), bullets))
        }
        add("Progress by Key Issue", progress)

        var exceptions: [(String, [String])] = []
        if r.exceptions.isEmpty {
            exceptions.append(("There are no exceptions: no target is \(Target.exceptionRule).", []))
        } else {
            exceptions.append(("\(count(r.exceptions.count, "target", verb: ("is", "are"))) \(Target.exceptionRule). Each is listed with its forecast:",
                               r.exceptions.map(exceptionBullet)))
        }
        add(exceptionsHeading, exceptions)

        let notAssessed = lines.filter { $0.status == .notAssessed }
        if notAssessed.isEmpty {
            add("Not yet assessed", [("Every target in this report has been assessed.", [])])
        } else {
            var byIssue: [(Int, String, [ProgressReport.Line])] = []
            for row in r.summary {
                let l = row.lines.filter { $0.status == .notAssessed }
                if !l.isEmpty { byIssue.append((row.number ?? 0, row.title, l)) }
            }
            add("Not yet assessed", [("\(count(notAssessed.count, "target", verb: ("has", "have"))) not yet been assessed:",
                                      byIssue.map { n, title, l in
                                          "Key Issue \(n), \(title): " + list(l)
                                      })])
        }

        if r.trend.count > 1 {
            let points = r.trend.map { p in
                "\(p.label): \(p.tally.met) of \(p.tally.total) met (\(p.tally.percentMet)%)"
                    + (p.direction.map { ", \($0.word) than the point before" } ?? "")
            }
            add("Trend across reviews", [("The position at each closed review" + (r.review == nil ? " and now" : "") + ":", points)])
        }
        return out
    }

    /// Text as a sentence: a full stop added unless it already ends in punctuation.
    static func sentence(_ s: String) -> String {
        let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let last = t.unicodeScalars.last else { return t }
        return ".!?…".unicodeScalars.contains(last) ? t : t + "."
    }

    /// A list of targets as one sentence: "(CCS1, March 2008) text; (CE1) text."
    static func list(_ lines: [ProgressReport.Line]) -> String {
        sentence(lines.map { "\(ref($0)) " + $0.text.trimmingCharacters(in: .whitespacesAndNewlines).trimmingCharacters(in: CharacterSet(charactersIn: ".;")) }
            .joined(separator: "; "))
    }

    /// "CCS1, March 2008"
    static func ref(_ l: ProgressReport.Line) -> String {
        "(\(l.objectiveRef)" + (l.month.isEmpty ? ")" : ", \(l.month))")
    }

    static func exceptionBullet(_ l: ProgressReport.Line) -> String {
        var s = "\(l.objectiveRef)" + (l.month.isEmpty ? "" : ", \(l.month)") + ": \(l.text)"
        if !l.officers.isEmpty { s += " (\(l.officers.joined(separator: " / ")))" }
        var state = [l.status == .notMet ? "not met" : l.status.reportWord.lowercased()]
        if l.overdue { state.append("overdue" + (l.due.map { ", due \($0.longDescription)" } ?? "")) }
        s += " – " + state.joined(separator: "; ") + "."
        s += l.forecast.isEmpty ? " No forecast given." : " Forecast: " + sentence(l.forecast)
        if !l.comment.isEmpty { s += " Comment: " + sentence(l.comment) }
        return s
    }

    /// "of 13 targets, 6 are met, 1 partially met, 6 not met and none not assessed (46% met); 6 overdue."
    static func tallySentence(_ t: Tally) -> String {
        guard t.total > 0 else { return "no targets." }
        func n(_ x: Int) -> String { x == 0 ? "none" : "\(x)" }
        return "of \(count(t.total, "target")), \(n(t.met)) \(t.met == 1 ? "is" : "are") met, \(n(t.partiallyMet)) partially met, "
            + "\(n(t.notMet)) not met and \(n(t.notAssessed)) not assessed (\(t.percentMet)% met); \(n(t.overdue)) overdue."
    }

    static func direction(_ row: ProgressReport.SummaryRow, _ b: Baseline?) -> String {
        guard let b, let d = row.direction else { return "" }
        let moved = row.lines.filter { $0.direction == .better }.count
        let fell = row.lines.filter { $0.direction == .worse }.count
        let new = row.lines.filter { $0.direction == .new }.count
        var parts = ["\(count(moved, "target")) better", "\(fell) worse"]
        if new > 0 { parts.append("\(new) new") }
        return " Direction of travel since \(b.shortName): \(d.word) (\(parts.joined(separator: ", ")))."
    }

    static func directionRule(_ r: ProgressReport) -> String {
        guard let b = r.baseline else {
            return "There is no earlier review to compare with, so no direction of travel is given."
        }
        return "The direction of travel compares this position with \(b.longName)"
            + (b.kind == .opening ? " (there is no earlier closed review)" : "")
            + ". A Key Issue is better when more of its targets are met; with as many met, when more are at least "
            + "partially met; with as many of those, when more have been assessed."
    }

    /// "1 target", "3 targets", "no targets"; with a verb: "1 target is", "3 targets are".
    static func count(_ n: Int, _ noun: String, verb: (String, String)? = nil) -> String {
        let word = n == 1 ? noun : noun + "s"
        let number = n == 0 ? "no" : "\(n)"
        guard let verb else { return "\(number) \(word)" }
        return "\(number == "no" ? "No" : number) \(word) \(n == 1 ? verb.0 : verb.1)"
    }
}
