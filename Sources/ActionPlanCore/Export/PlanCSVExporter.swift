/// A plan as CSV, one row per target with every field (ids and statuses included), in the layout
/// `actionplan import` reads back: export → import gives the same plan content. An objective with no
/// targets, or a Key Issue with no objectives, gets a row of its own so it is not lost.
/// Not in the CSV: the plan's title, period, notes, reviews and target history (plan-level data).
public enum PlanCSVExporter {
    public static let header: [String] = CSVColumn.allCases.map(\.name)

    /// `neutralise`: cells that a spreadsheet would run as a formula get a leading apostrophe, which
    /// import removes again (`CSVText.neutralised`); false (`export --raw`) writes values exactly.
    public static func render(_ plan: Plan, byteOrderMark: Bool = false, neutralise: Bool = true) -> String {
        CSVText.render(header: header, rows: rows(plan), byteOrderMark: byteOrderMark, neutralise: neutralise)
    }

    public static func rows(_ plan: Plan) -> [[String]] {
        var rows: [[String]] = []
        for issue in plan.keyIssues {
            if issue.objectives.isEmpty { rows.append(row(issue, nil, nil)) }
            for objective in issue.objectives {
                if objective.targets.isEmpty { rows.append(row(issue, objective, nil)) }
                for target in objective.targets { rows.append(row(issue, objective, target)) }
            }
        }
        return rows
    }

    private static func row(_ issue: KeyIssue, _ objective: Objective?, _ target: Target?) -> [String] {
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
            }
        }
    }

    /// "GS; CSO". A single officer that import would split ("Service Manager/Team Leader" as one
    /// entry) gets a trailing ";" so it reads back as one.
    static func officers(_ list: [String]) -> String {
        if list.count == 1, LeadOfficerParser.parse(list[0]) != list { return list[0] + ";" }
        return list.joined(separator: "; ")
    }

    static func number(_ value: Double?) -> String {
        guard let value else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }
}
