/// The progress report as CSV: one row per target in the report, with every column, RFC 4180 (CRLF,
/// quoted where needed) via `CSVText`, so a spreadsheet can sort and filter what the committee sees.
/// Values are exactly as in the plan (read back with any CSV reader they compare equal), except that a
/// value a spreadsheet would run as a formula gets a leading apostrophe unless `neutralise` is false
/// (`report --raw`; see `CSVText.neutralised`).
public enum CSVReport {
    public static var header: [String] { ReportColumns.csv }

    /// After the fixed columns, the trend: `statusAtReview1`, `statusAtReview2`, … for each closed
    /// review up to the one reported (blank where a target was not in that review's snapshot).
    public static func render(_ report: ProgressReport, byteOrderMark: Bool = false, neutralise: Bool = true) -> String {
        let reviews = report.trend.compactMap(\.review)
        let statuses = reviews.map { r in Dictionary(r.snapshot.map { ($0.id, $0.status) }, uniquingKeysWith: { a, _ in a }) }
        var rows: [[String]] = []
        for issue in report.sections {
            for objective in issue.objectives {
                for l in objective.lines {
                    rows.append(fields(l, report: report) + statuses.map { $0[l.targetID]?.argument ?? "" })
                }
            }
        }
        return CSVText.render(header: header + reviews.map { "statusAtReview\($0.number)" }, rows: rows,
                              byteOrderMark: byteOrderMark, neutralise: neutralise)
    }

    /// `status` is the spelling `list --format csv` uses (met, not-met, partially-met, not-assessed);
    /// `met` is the report mark (✓, X, Partially met, blank); officers are joined with "; "; `objective`
    /// is the code or number as the plan gives it (as `list` prints it).
    static func fields(_ l: ProgressReport.Line, report: ProgressReport) -> [String] {
        [report.planID, report.asAt.description, "\(l.issueNumber)", l.issueTitle, l.objectiveLabel, l.objectiveText,
         l.expectedOutcome, l.targetID, l.text, l.leadOfficersJoined, l.month, l.due?.description ?? "",
         l.status.argument, l.status.reportMark, l.overdue ? "yes" : "no", l.comment, l.forecast,
         l.previousStatus?.argument ?? "", l.direction?.word ?? ""]
    }
}

extension ProgressReport.Line {
    var leadOfficersJoined: String { officers.joined(separator: "; ") }
}
