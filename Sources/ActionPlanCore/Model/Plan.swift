/// One equality action plan: Key Issues → Objectives → Targets. Mirrors the plan file (docs/FORMAT.md).
public struct Plan: Sendable, Equatable {
    /// 2: Key Issues and objectives have ids (`k1`, `o1`), the plan has its own history and counters.
    /// A version 1 file is upgraded on load (ids given in document order); it is written as 2 when saved.
    public static let schemaVersion = 2

    public var id: String
    public var title: String
    public var organisation: String = ""
    public var department: String = ""
    public var period: Period?
    public var asAt: Day?
    public var source: String = ""
    public var notes: [String] = []
    /// The number the next new target id uses (`t<N>`): ids are never reused, even after a delete.
    public var nextTargetId: Int = 1
    /// The numbers the next new Key Issue (`k<N>`) and objective (`o<N>`) ids use: never reused either.
    public var nextKeyIssueId: Int = 1
    public var nextObjectiveId: Int = 1
    /// The number of the last change saved (`HistoryEntry.change`): every commit takes the next one, so
    /// `undo` can tell one change (all the entries it made) from the one before.
    public var lastChange: Int = 0
    /// Changes that belong to no one target: the plan's own fields, Key Issues and objectives (added,
    /// edited, moved, removed), removed targets (with their content) and edits that could not be applied.
    public var history: [HistoryEntry] = []
    public var keyIssues: [KeyIssue] = []
    public var reviews: [Review] = []
    /// The committee paper's remembered fields (`report --paper`).
    public var paper = PaperDetails()
    /// Members of the file this version does not know: written back unchanged so nothing is lost.
    /// Every object of the format has such a list (see PlanDecoder and PlanEncoder).
    public var extras: [JSONMember] = []

    public init(id: String, title: String) {
        self.id = id
        self.title = title
    }

    /// Hands out a fresh target id and advances the counter.
    public mutating func makeTargetId() -> String {
        let used = Set(allTargets.map(\.id))
        var n = max(nextTargetId, 1)
        while used.contains("t\(n)") { n += 1 }
        nextTargetId = n + 1
        return "t\(n)"
    }
}

public struct Period: Sendable, Equatable {
    public var start: YearMonth
    public var end: YearMonth
    public var extras: [JSONMember] = []
    public init(start: YearMonth, end: YearMonth) {
        self.start = start
        self.end = end
    }
    /// "Apr 2006 – Mar 2007".
    public var description: String { "\(start.shortDescription) – \(end.shortDescription)" }
}

public struct KeyIssue: Sendable, Equatable {
    /// Stable id, `k1`, `k2` …, unique in the plan and never reused ("" until the plan gives it one).
    public var id: String = ""
    public var number: Int
    public var title: String
    public var statement: String = ""
    public var objectives: [Objective] = []
    public var extras: [JSONMember] = []

    public init(number: Int, title: String, statement: String = "", objectives: [Objective] = []) {
        self.number = number
        self.title = title
        self.statement = statement
        self.objectives = objectives
    }
}

public struct Objective: Sendable, Equatable {
    /// Stable id, `o1`, `o2` …, unique in the plan and never reused ("" until the plan gives it one).
    public var id: String = ""
    public var number: Int?
    public var code: String?
    public var text: String
    public var expectedOutcome: String = ""
    public var targets: [Target] = []
    public var extras: [JSONMember] = []

    public init(number: Int? = nil, code: String? = nil, text: String, expectedOutcome: String = "", targets: [Target] = []) {
        self.number = number
        self.code = code
        self.text = text
        self.expectedOutcome = expectedOutcome
        self.targets = targets
    }

    /// "CCS1", "3." or "" — how the documents label an objective.
    public var label: String {
        if let code, !code.isEmpty { return code }
        if let number { return "\(number)." }
        return ""
    }
}

public struct Target: Sendable, Equatable {
    public var id: String
    public var text: String
    public var leadOfficers: [String] = []
    /// The time scale exactly as written; `due` is what it means.
    public var timescale: String = ""
    public var due: Day?
    public var status: Status = .notAssessed
    public var comment: String = ""
    public var forecast: String = ""
    public var measure: Measure?
    public var history: [HistoryEntry] = []
    /// Where a target carried over by `rollover` came from: `OLD_PLAN_ID/TARGET_ID`.
    public var carriedFrom: String?
    public var extras: [JSONMember] = []

    public init(id: String, text: String, leadOfficers: [String] = [], timescale: String = "",
                due: Day? = nil, status: Status = .notAssessed) {
        self.id = id
        self.text = text
        self.leadOfficers = leadOfficers
        self.timescale = timescale
        self.due = due
        self.status = status
    }

    /// Overdue: a due date before `asOf` and not met. Recurring and open-ended targets are never overdue.
    public func isOverdue(asOf: Day) -> Bool {
        guard let due, status != .met else { return false }
        return due < asOf
    }

    /// The one definition of an exception, shared by the report, the paper and the meeting's `e` filter:
    /// not met, or overdue (due before `asOf` and not met). Partially met is progress, not an exception:
    /// the report lists it under its Key Issue, and counts it in the summary.
    public func isException(asOf: Day) -> Bool {
        status == .notMet || isOverdue(asOf: asOf)
    }

    /// The rule in words, for headings and help.
    public static let exceptionRule = "not met, or overdue (due before the as-at date and not met)"

    public func value(of field: TargetField) -> String {
        switch field {
        case .status: return status.rawValue
        case .comment: return comment
        case .forecast: return forecast
        }
    }
}

/// The fields of a target whose changes are recorded in history.
public enum TargetField: String, Sendable, CaseIterable {
    case status, comment, forecast
}

public enum Better: String, Sendable {
    case higher, lower
}

/// A numeric target: "BV11a: 52.5% / 55%", "75% of staff trained, 16.3% so far".
public struct Measure: Sendable, Equatable {
    public var unit: String?
    public var baseline: Double?
    public var target: Double?
    public var actual: Double?
    public var better: Better?
    public var extras: [JSONMember] = []

    public init(unit: String? = nil, baseline: Double? = nil, target: Double? = nil, actual: Double? = nil, better: Better? = nil) {
        self.unit = unit
        self.baseline = baseline
        self.target = target
        self.actual = actual
        self.better = better
    }

    public var isEmpty: Bool { unit == nil && baseline == nil && target == nil && actual == nil && better == nil && extras.isEmpty }

    /// "baseline 52.5% · target 55% · actual 16.3% (higher is better)".
    public var summary: String {
        func fmt(_ v: Double) -> String {
            let s = v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
            return s + (unit ?? "")
        }
        var parts: [String] = []
        if let baseline { parts.append("baseline \(fmt(baseline))") }
        if let target { parts.append("target \(fmt(target))") }
        if let actual { parts.append("actual \(fmt(actual))") }
        if let better { parts.append("(\(better.rawValue) is better)") }
        return parts.joined(separator: " · ")
    }
}

/// One recorded change: a field of a target, Key Issue, objective or the plan changed (`action` nil),
/// or an item added, moved, removed or restored (see `HistoryAction`). docs/FORMAT.md lists the keys.
public struct HistoryEntry: Sendable, Equatable {
    /// ISO 8601 UTC, e.g. `2026-11-24T14:02:11Z`.
    public var when: String
    public var who: String
    /// The field changed; nil for an add, move, remove or restore.
    public var field: ItemField?
    public var old: String
    public var new: String
    public var note: String?
    /// nil: a field changed. Otherwise what happened to the item.
    public var action: HistoryAction?
    /// The item the entry is about, in the plan's own history (`k2`, `o7`, `t31`); nil for the plan itself.
    public var item: String?
    /// Where the item was before a move or removal, and where it went by a move or add (`Place`).
    public var from: Place?
    public var to: Place?
    /// What a removal took out, all of it (to undo it); also an add that could not be made.
    public var removed: RemovedItem?
    /// The change (commit) this entry belongs to: `Plan.lastChange` when it was saved.
    public var change: Int?
    /// For the entries of an undo: the number of the change they took back.
    public var undoes: Int?
    public var extras: [JSONMember] = []

    public init(when: String, who: String, field: ItemField?, old: String = "", new: String = "", note: String? = nil,
                action: HistoryAction? = nil, item: String? = nil) {
        self.when = when
        self.who = who
        self.field = field
        self.old = old
        self.new = new
        self.note = note
        self.action = action
        self.item = item
    }

    /// The field's name, or for an add, move or removal what happened (`added`, `moved` …).
    public var fieldName: String { field?.rawValue ?? action?.rawValue ?? "" }

    public init(when: String, who: String, field: TargetField, old: String, new: String, note: String? = nil) {
        self.init(when: when, who: who, field: ItemField(field), old: old, new: new, note: note)
    }
}

/// A closed review: the status, comment and forecast of every target frozen at an as-at date.
public struct Review: Sendable, Equatable {
    public var number: Int
    public var asAt: Day
    public var title: String = ""
    public var openedAt: String = ""
    public var closedAt: String?
    /// The position when the review was opened (status, comment, forecast of every target), so that what
    /// changed in the meeting is known after it closes; nil for reviews opened before this was kept.
    public var opening: [TargetSnapshot]?
    public var snapshot: [TargetSnapshot] = []
    public var extras: [JSONMember] = []

    public init(number: Int, asAt: Day, title: String = "") {
        self.number = number
        self.asAt = asAt
        self.title = title
    }
}

public struct TargetSnapshot: Sendable, Equatable {
    public var id: String
    public var status: Status
    public var comment: String
    public var forecast: String
    /// The measure's actual then (targets with a measure): the trend of a numeric target.
    public var actual: Double?
    public var extras: [JSONMember] = []
    public init(id: String, status: Status, comment: String, forecast: String) {
        self.id = id
        self.status = status
        self.comment = comment
        self.forecast = forecast
    }
}
