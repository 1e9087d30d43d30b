/// The filters shared by `actionplan list` and the UI: officer, status, overdue, due before, text.
/// All conditions must hold.
public struct TargetFilter: Sendable {
    public var officer: OfficerQuery?
    public var statuses: Set<Status> = []
    public var overdueOnly = false
    public var dueBefore: Day?
    public var search: String? {
        didSet { searchLowercased = search?.lowercased() }
    }
    public var asOf: Day
    private var searchLowercased: String?

    public init(asOf: Day) {
        self.asOf = asOf
    }

    public var isEmpty: Bool {
        officer == nil && statuses.isEmpty && !overdueOnly && dueBefore == nil && (search ?? "").isEmpty
    }

    /// `objective` and `issue` let a text search match the objective or Key Issue a target sits under.
    public func matches(_ target: Target, objective: Objective? = nil, issue: KeyIssue? = nil) -> Bool {
        if !statuses.isEmpty && !statuses.contains(target.status) { return false }
        if overdueOnly && !target.isOverdue(asOf: asOf) { return false }
        if let dueBefore {
            guard let due = target.due, due < dueBefore else { return false }
        }
        if let officer, !officer.matches(target) { return false }
        if let needle = searchLowercased, !needle.isEmpty {
            let fields = [target.text, target.comment, target.forecast, target.id, objective?.text ?? "", objective?.code ?? "", objective?.expectedOutcome ?? ""]
            guard fields.contains(where: { $0.lowercased().contains(needle) }) else { return false }
        }
        return true
    }
}

/// A target with where it sits: what `list` prints one line of. It keeps only the labels of its Key
/// Issue and objective, not the values themselves, so a long listing does not keep every plan alive.
public struct TargetRow: Sendable {
    public var planID: String
    public var issueNumber: Int
    public var issueTitle: String
    public var objectiveLabel: String
    public var objectiveText: String
    /// The stable ids of the Key Issue and objective (`k2`, `o7`).
    public var issueID: String
    public var objectiveID: String
    public var target: Target

    public init(planID: String, issue: KeyIssue, objective: Objective, target: Target) {
        self.planID = planID
        self.issueNumber = issue.number
        self.issueTitle = issue.title
        self.objectiveLabel = objective.label
        self.objectiveText = objective.text
        self.issueID = issue.id
        self.objectiveID = objective.id
        self.target = target
    }

    public var address: TargetAddress { TargetAddress(planID: planID, targetID: target.id) }
}

extension Plan {
    /// Targets passing the filter, in document order.
    public func rows(matching filter: TargetFilter) -> [TargetRow] {
        var rows: [TargetRow] = []
        forEachTarget(matching: filter) { issue, objective, target in
            rows.append(TargetRow(planID: id, issue: issue, objective: objective, target: target))
        }
        return rows
    }
}

extension Plan {
    /// Visits the targets passing the filter, in document order, with where they sit.
    public func forEachTarget(matching filter: TargetFilter, _ body: (KeyIssue, Objective, Target) -> Void) {
        for issue in keyIssues {
            for objective in issue.objectives {
                for target in objective.targets where filter.matches(target, objective: objective, issue: issue) {
                    body(issue, objective, target)
                }
            }
        }
    }
}
