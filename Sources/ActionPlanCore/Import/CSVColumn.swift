import Foundation

/// The columns of a plan CSV: the names `export` writes, and the names (any case) `import` accepts.
public enum CSVColumn: String, CaseIterable, Sendable {
    case keyIssueNumber, keyIssue, statement, objectiveNumber, objectiveCode, objective, expectedOutcome
    case targetID, target, officers, timescale, due, status, comment, forecast
    case unit, baseline, measureTarget, actual, better
    /// The status word as the council wrote it ("Green"), kept beside the status it means.
    case statusAsWritten
    /// The plan's own fields, on every row so that a sorted or filtered sheet still carries them.
    case planTitle, organisation, department, period, asAt

    /// The header `export` writes.
    public var name: String {
        switch self {
        case .keyIssueNumber: return "Key Issue No"
        case .keyIssue: return "Key Issue"
        case .statement: return "Key Issue Statement"
        case .objectiveNumber: return "Objective No"
        case .objectiveCode: return "Objective Code"
        case .objective: return "Objective"
        case .expectedOutcome: return "Expected Outcome"
        case .targetID: return "Target ID"
        case .target: return "Target"
        case .officers: return "Lead Officers"
        case .timescale: return "Time Scale"
        case .due: return "Due"
        case .status: return "Status"
        case .comment: return "Comment"
        case .forecast: return "Forecast"
        case .unit: return "Measure Unit"
        case .baseline: return "Baseline"
        case .measureTarget: return "Measure Target"
        case .actual: return "Actual"
        case .better: return "Better"
        case .statusAsWritten: return "Status As Written"
        case .planTitle: return "Plan Title"
        case .organisation: return "Organisation"
        case .department: return "Department"
        case .period: return "Plan Period"
        case .asAt: return "Plan As At"
        }
    }

    /// Other names people give the column (normalised: lowercase, single spaces, no trailing "." or ":").
    public var synonyms: [String] {
        switch self {
        case .keyIssueNumber: return ["key issue number", "key issue #", "key issue num", "ki no", "issue no", "issue number"]
        case .keyIssue: return ["key issue title", "key issues", "issue"]
        case .statement: return ["statement"]
        case .objectiveNumber: return ["objective number", "objective #", "obj no"]
        case .objectiveCode: return ["code", "action code"]
        case .objective: return ["objectives", "key objective", "key objectives", "action"]
        case .expectedOutcome: return ["objective expected outcome", "objective outcome"]
        case .targetID: return ["id", "targetid"]
        case .target: return ["targets", "targets & outcomes", "targets and outcomes", "targets/outcomes", "target text", "outcome", "outcomes"]
        case .officers: return ["lead officer", "lead officer(s)", "officers", "officer", "responsible officer", "responsible officers", "lead"]
        case .timescale: return ["timescale", "time scales", "timescales", "month"]
        case .due: return ["due date"]
        case .status: return ["met", "mark", "✓ = met x not met"]
        case .comment: return ["comments", "progress comment"]
        case .forecast: return ["is it expected that the action be met, if not already met, and if so when? if not why not?"]
        case .unit: return ["unit"]
        case .baseline: return ["measure baseline"]
        case .measureTarget: return ["target value"]
        case .actual: return ["measure actual"]
        case .better: return ["measure better", "better is"]
        case .statusAsWritten: return []
        case .planTitle: return []
        case .organisation: return []
        case .department: return []
        case .period: return []
        case .asAt: return []
        }
    }

    static func normalise(_ header: String) -> String {
        var s = ImportText.squash(header.replacingOccurrences(of: "\u{FEFF}", with: "").replacingOccurrences(of: "_", with: " ")).lowercased()
        while let last = s.last, last == "." || last == ":" { s.removeLast() }
        return ImportText.squash(s)
    }

    static func named(_ header: String) -> CSVColumn? {
        let n = normalise(header)
        return allCases.first { normalise($0.name) == n || $0.synonyms.contains(n) }
    }

    /// "Extra: Budget" → "Budget": a column the council's own table had, kept on each target.
    static let extraPrefix = "Extra: "
    static func extraKey(_ header: String) -> String? {
        let h = header.replacingOccurrences(of: "\u{FEFF}", with: "")
        guard h.hasPrefix(extraPrefix), h.count > extraPrefix.count else { return nil }
        return String(h.dropFirst(extraPrefix.count))
    }

    /// For error messages: every accepted name.
    public static var acceptedNames: String {
        allCases.map(\.name).joined(separator: ", ")
    }
}
