/// A plan as CSV, one row per target with every field (ids and statuses included), in the layout
/// `actionplan import` reads back: export → import gives the same plan content, value for value
/// (line breaks, spaces and tabs inside cells included). An objective with no targets, or a Key Issue
/// with no objectives, gets a row of its own so it is not lost. The plan's title, organisation,
/// department, period and as-at date are on every row (Plan Title … Plan As At), so a sorted or
/// filtered sheet still carries them; a target's status word as written and the extra columns of a
/// council's own table ("Extra: Budget") are columns too.
/// Not in the CSV: the plan's notes, reviews and target history, and JSON members this version does
/// not know — `import --into` keeps those when a CSV updates a plan.
public enum PlanCSVExporter {
    /// The fixed columns; `header(for:)` adds one "Extra: KEY" column per extra field a plan has.
    public static let header: [String] = CSVColumn.allCases.map(\.name)

    public static func header(for plan: Plan) -> [String] { header + extraKeys(plan).map { CSVColumn.extraPrefix + $0 } }

    /// `neutralise`: cells that a spreadsheet would run as a formula get a leading apostrophe, which
    /// import removes again (`CSVText.neutralised`); false (`export --raw`) writes values exactly.
    public static func render(_ plan: Plan, byteOrderMark: Bool = false, neutralise: Bool = true) -> String {
        CSVText.render(header: header(for: plan), rows: rows(plan), byteOrderMark: byteOrderMark, neutralise: neutralise)
    }

    /// Keys of the targets' `extra` maps, in order of first appearance.
    static func extraKeys(_ plan: Plan) -> [String] {
        var keys: [String] = []
        var seen: Set<String> = []
        for t in plan.allTargets {
            for column in t.importedColumns where !seen.contains(column.heading) {
                seen.insert(column.heading)
                keys.append(column.heading)
            }
        }
        return keys
    }

    public static func rows(_ plan: Plan) -> [[String]] {
        var rows: [[String]] = []
        let keys = extraKeys(plan)
        for issue in plan.keyIssues {
            if issue.objectives.isEmpty { rows.append(row(plan, issue, nil, nil, keys)) }
            for objective in issue.objectives {
                if objective.targets.isEmpty { rows.append(row(plan, issue, objective, nil, keys)) }
                for target in objective.targets { rows.append(row(plan, issue, objective, target, keys)) }
            }
        }
        return rows
    }

    private static func row(_ plan: Plan, _ issue: KeyIssue, _ objective: Objective?, _ target: Target?, _ keys: [String]) -> [String] {
        var extra: [String: String] = [:]
        for column in target?.importedColumns ?? [] { extra[column.heading] = column.value }
        return fixed(plan, issue, objective, target) + keys.map { extra[$0] ?? "" }
    }

    private static func fixed(_ plan: Plan, _ issue: KeyIssue, _ objective: Objective?, _ target: Target?) -> [String] {
        CSVColumn.allCases.map { column in
            switch column {
            case .keyIssueNumber: return String(issue.number)
            case .keyIssue: return issue.title
            case .statement: return issue.statement
            case .objectiveNumber: return objective?.number.map(String.init) ?? ""
            case .objectiveCode: return objective?.code ?? ""
            case .objective: return objective?.text ?? ""
            case .expectedOutcome: return objective?.expectedOutcome ?? ""
            case .targetID: return target?.id ?? ""
            case .target: return target?.text ?? ""
            case .officers: return target.map { officers($0.leadOfficers) } ?? ""
            case .timescale: return target?.timescale ?? ""
            case .due: return target?.due?.description ?? ""
            case .status: return target?.status.argument ?? ""
            case .comment: return target?.comment ?? ""
            case .forecast: return target?.forecast ?? ""
            case .unit: return target?.measure?.unit ?? ""
            case .baseline: return number(target?.measure?.baseline)
            case .measureTarget: return number(target?.measure?.target)
            case .actual: return number(target?.measure?.actual)
            case .better: return target?.measure?.better?.rawValue ?? ""
            case .statusAsWritten: return target?.statusAsWritten ?? ""
            case .planTitle: return plan.title
            case .organisation: return plan.organisation
            case .department: return plan.department
            case .period: return plan.period.map { "\($0.start.description)..\($0.end.description)" } ?? ""
            case .asAt: return plan.asAt?.description ?? ""
            }
        }
    }

    /// "GS; CSO". A single officer that import would split ("Service Manager/Team Leader" as one
    /// entry) gets a trailing ";" so it reads back as one. When a name would not survive "; " (it
    /// contains ";" or a tab, or has spaces at its ends or doubled), the officers are written one a
    /// line instead, which import reads exactly. (A name with a line break in it cannot be written
    /// either way: it comes back as two officers — the one normalisation left, documented in the README.)
    static func officers(_ list: [String]) -> String {
        let plain = list.allSatisfy { $0 == ImportText.squash($0) && !$0.isEmpty && !$0.contains(";") }
        // One officer alone gets a final line break, so that the cell still reads as one-a-line.
        if !plain { return list.joined(separator: "\n") + (list.count == 1 ? "\n" : "") }
        if list.count == 1, LeadOfficerParser.parse(list[0]) != list { return list[0] + ";" }
        return list.joined(separator: "; ")
    }

    static func number(_ value: Double?) -> String {
        guard let value else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }
}
