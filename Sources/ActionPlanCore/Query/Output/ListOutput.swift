/// What `actionplan list` prints, built here so tests call it in-process: the text table, the JSON and
/// the CSV of the targets that pass a filter. The command only reads plans and writes the result.
public final class ListOutput {
    public enum Format: Sendable { case text, json, csv }

    public let format: Format
    public let asOf: Day
    private let glyphs: Glyphs
    private let table: TextTable?
    private var rows: [TargetRow] = []
    private let labels: [Status: (text: String, width: Int)]
    /// Every lead officer seen (for "did you mean …?") and whether the officer filter alone matched any target.
    public private(set) var officers: Set<String> = []
    public private(set) var officerMatchedAny = false
    private let officerQuery: OfficerQuery?

    public static let textColumns = ["TARGET", "STATUS", "DUE", "LEAD OFFICERS", "TIME SCALE", "TEXT"]

    /// - Parameter wrap: wrap the text inside its column instead of cutting it (text format, narrow widths).
    public init(format: Format, filter: TargetFilter, glyphs: Glyphs, wrap: Bool = false) {
        self.format = format
        self.asOf = filter.asOf
        self.glyphs = glyphs
        self.officerQuery = filter.officer
        if format == .text {
            let table = TextTable(columns: Self.textColumns, glyphs: glyphs, flexibleColumn: 5, shrinkable: [3, 4])
            table.wrap = wrap
            self.table = table
        } else {
            table = nil
        }
        var labels: [Status: (text: String, width: Int)] = [:]
        for status in Status.allCases {
            let label = glyphs.label(status)
            labels[status] = (label, DisplayWidth.of(label))
        }
        self.labels = labels
    }

    /// Adds the plan's targets that pass `filter`. Text is formatted as the plans are read (no rows to
    /// copy); JSON and CSV collect rows.
    public func add(_ plan: Plan, _ filter: TargetFilter) {
        if let officerQuery, !officerMatchedAny {
            for t in plan.allTargets {
                officers.formUnion(t.leadOfficers)
                if officerQuery.matches(t) { officerMatchedAny = true }
            }
        }
        guard let table else {
            rows.append(contentsOf: plan.rows(matching: filter))
            return
        }
        plan.forEachTarget(matching: filter) { _, _, t in
            var due = t.due?.description ?? "-"
            if t.isOverdue(asOf: asOf) { due += " overdue" }
            table.add(measured: [
                glyphs.cleanMeasured(plan.id + "/" + t.id), labels[t.status]!, (due, due.utf8.count),
                glyphs.cleanMeasured(t.leadOfficers.joined(separator: ", ")),
                glyphs.cleanMeasured(t.timescale), glyphs.cleanMeasured(t.text),
            ])
        }
    }

    /// "no lead officer matches "head of h"; did you mean "Head of HR"?" when `--officer` matched no target
    /// at all (not merely none passing the other conditions); nil otherwise.
    public var officerNotice: String? {
        guard let officerQuery, !officerMatchedAny else { return nil }
        return OfficerSuggestion.noMatchNotice(for: officerQuery.text, among: officers.sorted())
    }

    /// The output. `width`: the text table's width (nil: no limit); `neutralise`: CSV cells protected
    /// against formula injection (`--raw` turns it off).
    public func render(width: Int?, neutralise: Bool = true) -> [UInt8] {
        switch format {
        case .text: return table!.renderBytes(width: width)
        case .json: return JSONWriter.serialize(.array(rows.map { $0.json(asOf: asOf) }))
        case .csv:
            return Array(CSVText.render(header: TargetRow.csvHeader, rows: rows.map { $0.csvFields(asOf: asOf) },
                                        neutralise: neutralise).utf8)
        }
    }
}

extension TargetRow {
    public static let csvHeader = ["target", "plan", "keyIssue", "objective", "text", "leadOfficers", "timescale", "due",
                                   "status", "overdue", "comment", "forecast"]

    public func csvFields(asOf: Day) -> [String] {
        [address.description, planID, "\(issueNumber)", objectiveLabel, target.text,
         target.leadOfficers.joined(separator: "; "), target.timescale, target.due?.description ?? "",
         target.status.argument, target.isOverdue(asOf: asOf) ? "yes" : "no", target.comment, target.forecast]
    }

    public func json(asOf: Day) -> JSONValue {
        var m: [JSONMember] = [
            JSONMember("target", .string(address.description)),
            JSONMember("plan", .string(planID)),
            JSONMember("id", .string(target.id)),
            JSONMember("keyIssue", .number(Double(issueNumber))),
            JSONMember("objective", .string(objectiveLabel)),
            JSONMember("keyIssueId", .string(issueID)),
            JSONMember("objectiveId", .string(objectiveID)),
            JSONMember("text", .string(target.text)),
            JSONMember("leadOfficers", .array(target.leadOfficers.map { .string($0) })),
            JSONMember("timescale", .string(target.timescale)),
            JSONMember("status", .string(target.status.rawValue)),
            JSONMember("overdue", .bool(target.isOverdue(asOf: asOf))),
            JSONMember("comment", .string(target.comment)),
            JSONMember("forecast", .string(target.forecast)),
        ]
        if let due = target.due { m.append(JSONMember("due", .string(due.description))) }
        return .object(m)
    }
}

extension Tally {
    public var json: JSONValue {
        .object([
            JSONMember("met", .number(Double(met))), JSONMember("partiallyMet", .number(Double(partiallyMet))),
            JSONMember("notMet", .number(Double(notMet))), JSONMember("notAssessed", .number(Double(notAssessed))),
            JSONMember("overdue", .number(Double(overdue))), JSONMember("total", .number(Double(total))),
            JSONMember("percentMet", .number(Double(percentMet))),
        ])
    }

    /// "29 met, 1 partially met, 21 not met, 4 not assessed, 0 overdue".
    public var sentence: String {
        "\(met) met, \(partiallyMet) partially met, \(notMet) not met, \(notAssessed) not assessed, \(overdue) overdue"
    }
}
