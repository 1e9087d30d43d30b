/// One edit to one field of one target, as the UI or `set` makes it. `expectedOld` is the value the
/// editor saw; if the file on disk holds something else by the time the change is saved, another
/// person changed it meanwhile and the save reports a conflict (the later save still wins, and the
/// earlier value stays in history).
public struct TargetChange: Sendable, Equatable {
    public var targetID: String
    public var field: TargetField
    public var expectedOld: String?
    public var new: String
    public var note: String?

    public init(targetID: String, field: TargetField, expectedOld: String? = nil, new: String, note: String? = nil) {
        self.targetID = targetID
        self.field = field
        self.expectedOld = expectedOld
        self.new = new
        self.note = note
    }

    public static func status(_ id: String, _ status: Status, expectedOld: Status? = nil, note: String? = nil) -> TargetChange {
        TargetChange(targetID: id, field: .status, expectedOld: expectedOld?.rawValue, new: status.rawValue, note: note)
    }
}

/// Someone else changed the same field of the same target since this editor loaded the plan.
public struct Conflict: Sendable, Equatable, CustomStringConvertible {
    public var targetID: String
    public var field: TargetField
    /// Their value, which this save replaced (it stays in history).
    public var theirValue: String
    public var theirWho: String?
    public var mine: String

    public var description: String {
        let who = theirWho.map { " by \($0)" } ?? ""
        return "\(targetID) \(field.rawValue) was changed\(who) to \"\(Sanitizer.clean(theirValue))\" meanwhile; saved yours (\"\(Sanitizer.clean(mine))\"), theirs is kept in history"
    }
}

extension Plan {
    /// Where a target sits: (key issue, objective, target) indexes.
    public func indexPath(ofTarget id: String) -> (issue: Int, objective: Int, target: Int)? {
        for (i, issue) in keyIssues.enumerated() {
            for (o, objective) in issue.objectives.enumerated() {
                if let t = objective.targets.firstIndex(where: { $0.id == id }) { return (i, o, t) }
            }
        }
        return nil
    }

    public func target(id: String) -> Target? {
        guard let p = indexPath(ofTarget: id) else { return nil }
        return keyIssues[p.issue].objectives[p.objective].targets[p.target]
    }

    /// Applies one change and records it in the target's history. Returns the entry, or nil when the
    /// value was already what was asked (nothing to record). Throws if the target does not exist or a
    /// status value is not a status.
    @discardableResult
    public mutating func apply(_ change: TargetChange, who: String, when: String) throws(StoreError) -> HistoryEntry? {
        guard let p = indexPath(ofTarget: change.targetID) else {
            throw .targetNotFound(TargetAddress(planID: id, targetID: change.targetID))
        }
        var target = keyIssues[p.issue].objectives[p.objective].targets[p.target]
        let old = target.value(of: change.field)
        guard old != change.new else { return nil }
        switch change.field {
        case .status:
            guard let status = Status(rawValue: change.new) else {
                throw .file(PlanFileError(file: id, location: change.targetID, message: "not a status: \(change.new)"))
            }
            target.status = status
        case .comment: target.comment = change.new
        case .forecast: target.forecast = change.new
        }
        let entry = HistoryEntry(when: when, who: who, field: change.field, old: old, new: change.new, note: change.note)
        target.history.append(entry)
        keyIssues[p.issue].objectives[p.objective].targets[p.target] = target
        return entry
    }
}
