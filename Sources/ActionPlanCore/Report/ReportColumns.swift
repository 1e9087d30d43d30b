/// The one place that knows the report's column headings: the Markdown, HTML and Word writers (and the
/// covering report) take their table headings from here, and the CSV writer its header row, so a
/// heading renamed here is renamed in every format.
public enum ReportColumns {
    /// One column heading; `numeric` columns are right-aligned.
    public struct Column: Sendable, Equatable {
        public var heading: String
        public var numeric: Bool
        /// Share of the table's width, in percent (the HTML colgroup and the Word grid).
        public var width: Int

        public init(_ heading: String, numeric: Bool = false, width: Int) {
            self.heading = heading
            self.numeric = numeric
            self.width = width
        }
    }

    /// Seed 004's forecast column.
    public static let forecastHeading = "Is it expected that the action be met, if not already met, and if so when? If not why not?"
    public static let monthHeading = "Month"
    public static let statusHeading = "Met"

    /// The summary by Key Issue.
    public static let summary: [Column] = [
        Column("Key Issue", width: 30),
        Column("Met", numeric: true, width: 8), Column("Partially met", numeric: true, width: 9),
        Column("Not met", numeric: true, width: 8), Column("Not assessed", numeric: true, width: 9),
        Column("Overdue", numeric: true, width: 8), Column("% met", numeric: true, width: 8),
        Column("Direction of travel", width: 20),
    ]

    /// The exceptions: the six Luton columns with the objective's reference first.
    public static let exceptions: [Column] = [
        Column("Ref", width: 8), Column(monthHeading, width: 10), Column("Expected outcome", width: 20),
        Column("Responsible officer", width: 12), Column(statusHeading, width: 10), Column("Comments", width: 18),
        Column(forecastHeading, width: 22),
    ]

    /// Each objective's targets: seed 004's six columns.
    public static let targets: [Column] = [
        Column(monthHeading, width: 11), Column("Expected outcome", width: 22), Column("Responsible officer", width: 13),
        Column(statusHeading, width: 11), Column("Comments", width: 20), Column(forecastHeading, width: 23),
    ]

    /// The trend across closed reviews (one row per review).
    public static let trend: [Column] = [
        Column("Review", width: 34), Column("Met", numeric: true, width: 11), Column("Partially met", numeric: true, width: 11),
        Column("Not met", numeric: true, width: 11), Column("Not assessed", numeric: true, width: 11),
        Column("% met", numeric: true, width: 11), Column("Direction of travel", width: 11),
    ]

    /// The CSV header: field names a spreadsheet or script addresses, one per target row.
    public static let csv = [
        "plan", "asAt", "keyIssue", "keyIssueTitle", "objective", "objectiveText", "expectedOutcome",
        "target", "text", "leadOfficers", "timescale", "due", "status", "met", "overdue",
        "comment", "forecast", "previousStatus", "direction",
    ]

    public static func headings(_ columns: [Column]) -> [String] { columns.map(\.heading) }
}
