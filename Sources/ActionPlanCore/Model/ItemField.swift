import Foundation

/// Every field a change can edit, of the plan, a Key Issue, an objective or a target. Values travel as
/// text: a status in its JSON spelling, numbers as digits ("" for none), the period as `2026-04..2027-03`,
/// lead officers one name per line. The raw value is what history entries hold in `field`.
public enum ItemField: String, Sendable, CaseIterable {
    // Targets (status, comment and forecast are the review fields of `TargetField`).
    case status, comment, forecast, text, leadOfficers, timescale, due, measure
    // Key Issues and objectives (`text` and `number` too).
    case number, title, statement, code, expectedOutcome
    // The plan (`title` too).
    case organisation, department, period

    public init(_ field: TargetField) {
        switch field {
        case .status: self = .status
        case .comment: self = .comment
        case .forecast: self = .forecast
        }
    }

    /// The review field this is, if it is one (the fields the UI and `set` have always changed).
    public var targetField: TargetField? { TargetField(rawValue: rawValue) }

    /// Which fields each kind of item has (what `edit` accepts for it).
    public static func fields(of kind: ItemKind) -> [ItemField] {
        switch kind {
        case .plan: return [.title, .organisation, .department, .period]
        case .keyIssue: return [.number, .title, .statement]
        case .objective: return [.number, .code, .text, .expectedOutcome]
        case .target: return [.text, .leadOfficers, .timescale, .due, .status, .comment, .forecast, .measure]
        }
    }
}

public enum ItemKind: String, Sendable, CaseIterable {
    case plan, keyIssue, objective, target

    /// "a Key Issue", "an objective" …
    public var withArticle: String { self == .objective ? "an objective" : "a \(name)" }

    /// "Key Issue", "objective" … for messages.
    public var name: String {
        switch self {
        case .plan: return "plan"
        case .keyIssue: return "Key Issue"
        case .objective: return "objective"
        case .target: return "target"
        }
    }
}

/// What happened to an item, in a history entry (absent: one of its fields changed).
public enum HistoryAction: String, Sendable, CaseIterable {
    case added, moved, removed, restored
    /// A change that could not be applied because someone else removed the item (or its parent)
    /// meanwhile: recorded so it is not lost silently (README, "Changing a plan").
    case notApplied
}

/// Where an item sits: in which parent (nil: the plan's list of Key Issues) and at which index (from 0).
/// Written in files as `o3 #2` (`#2` for a Key Issue), the position counted from 1.
public struct Place: Sendable, Equatable, CustomStringConvertible {
    public var parent: String?
    public var index: Int

    public init(parent: String?, index: Int) {
        self.parent = parent
        self.index = index
    }

    public var description: String { (parent.map { "\($0) " } ?? "") + "#\(index + 1)" }

    public init?(_ text: String) {
        let parts = text.split(separator: "#", omittingEmptySubsequences: false)
        guard parts.count == 2, let n = Int(parts[1]), n >= 1 else { return nil }
        let parent = parts[0].trimmingCharacters(in: .whitespaces)
        self.parent = parent.isEmpty ? nil : parent
        index = n - 1
    }
}

/// An item taken out of a plan, whole (a Key Issue with its objectives and targets, …).
public indirect enum RemovedItem: Sendable, Equatable {
    case keyIssue(KeyIssue)
    case objective(Objective)
    case target(Target)

    public var id: String {
        switch self {
        case .keyIssue(let k): return k.id
        case .objective(let o): return o.id
        case .target(let t): return t.id
        }
    }

    public var kind: ItemKind {
        switch self {
        case .keyIssue: return .keyIssue
        case .objective: return .objective
        case .target: return .target
        }
    }

    /// How many targets it holds (itself, for a target).
    public var targetCount: Int {
        switch self {
        case .keyIssue(let k): return k.objectives.reduce(0) { $0 + $1.targets.count }
        case .objective(let o): return o.targets.count
        case .target: return 1
        }
    }
}
