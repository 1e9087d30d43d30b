import ActionPlanCore

/// A change to the plan's structure or to an item's own fields, as the tree asks for it: the core's
/// `PlanChange`, saved with `PlanStore.commit` (under the lock, merged with whatever else was saved
/// meanwhile, one numbered history entry per item), and what the UI does once it is saved.
public struct StructureEdit: Sendable, Equatable {
    public var change: PlanChange
    /// What the status bar says once it is saved ("Added target", "Moved target t3").
    public var done: String
    /// Why it is being saved: a new change, or `u`/Ctrl-R taking one back or doing it again.
    public var reason: Reason = .new
    /// The item it is about (nil for an add: the saved result names the new id).
    public var item: String?
    /// Asked for in a meeting (`+`): once saved, the meeting goes to the new target.
    public var inMeeting = false

    public enum Reason: Sendable, Equatable {
        case new
        /// Taking back the change with this number (its entries say `undoes`).
        case undo(number: Int)
        case redo
    }

    public init(_ change: PlanChange, done: String, item: String?, reason: Reason = .new) {
        self.change = change
        self.done = done
        self.item = item
        self.reason = reason
    }

    /// The change that takes this one back, from what it did (`entries`: the history entries its save
    /// made; `added`: the ids it gave). The same rules as `PlanUndo` (which takes back the plan's last
    /// change, whoever made it), for the one change this session made: `u` undoes your own change even
    /// when someone else saved after it.
    public func inverse(entries: [HistoryEntry], added: [String]) -> PlanChange? {
        switch change {
        case .addTarget, .addObjective, .addKeyIssue:
            return added.first.map { .remove(item: $0) }
        case .restore(let content, _):
            return .remove(item: content.id)
        case .edit(let item, let field, _, _, _):
            guard let e = entries.last(where: { $0.field == field && $0.action == nil }) else { return nil }
            return .edit(item: item, field: field, new: e.old, expectedOld: e.new)
        case .move(let item, _):
            guard let from = entries.last(where: { $0.action == .moved })?.from else { return nil }
            return .move(item: item, to: .place(from))
        case .remove:
            guard let e = entries.last(where: { $0.action == .removed }), let content = e.removed, let from = e.from else { return nil }
            return .restore(content, at: from)
        case .renameOfficer(let old, let new):
            return .renameOfficer(old: new, new: old)
        }
    }
}

extension Tree {
    /// Where `J` (down) or `K` (up) takes an item: past its neighbour among its siblings; from the last
    /// (first) into the start (end) of the next (previous) parent, as the lines are ordered on screen.
    /// Nil when it is already the last (first) of the plan.
    public static func destination(moving node: NodeID, down: Bool, in plan: Plan) -> Destination? {
        switch node {
        case .issue(let i):
            let j = down ? i + 1 : i - 1
            guard j >= 0, j < plan.keyIssues.count else { return nil }
            return down ? .after(plan.keyIssues[j].id) : .before(plan.keyIssues[j].id)
        case .objective(let i, let o):
            guard i < plan.keyIssues.count else { return nil }
            let siblings = plan.keyIssues[i].objectives
            let p = down ? o + 1 : o - 1
            if p >= 0, p < siblings.count { return down ? .after(siblings[p].id) : .before(siblings[p].id) }
            // Into the next Key Issue (first) or the previous one (last).
            let j = down ? i + 1 : i - 1
            guard j >= 0, j < plan.keyIssues.count else { return nil }
            if down, let first = plan.keyIssues[j].objectives.first { return .before(first.id) }
            return .end(of: plan.keyIssues[j].id)
        case .target(let id):
            guard let at = plan.indexPath(ofTarget: id) else { return nil }
            let siblings = plan.keyIssues[at.issue].objectives[at.objective].targets
            let p = down ? at.target + 1 : at.target - 1
            if p >= 0, p < siblings.count { return down ? .after(siblings[p].id) : .before(siblings[p].id) }
            // Into the next objective in document order (at its start) or the previous one (at its end).
            let objectives = plan.keyIssues.flatMap(\.objectives)
            let flat = plan.keyIssues[..<at.issue].reduce(0) { $0 + $1.objectives.count } + at.objective
            let n = down ? flat + 1 : flat - 1
            guard n >= 0, n < objectives.count else { return nil }
            if down, let first = objectives[n].targets.first { return .before(first.id) }
            return .end(of: objectives[n].id)
        }
    }

    /// How many targets are under a node (1 for a target).
    public static func targetCount(under node: NodeID, in plan: Plan) -> Int {
        switch node {
        case .issue(let i): return i < plan.keyIssues.count ? plan.keyIssues[i].objectives.reduce(0) { $0 + $1.targets.count } : 0
        case .objective(let i, let o):
            return i < plan.keyIssues.count && o < plan.keyIssues[i].objectives.count ? plan.keyIssues[i].objectives[o].targets.count : 0
        case .target: return 1
        }
    }

    /// The stable id of the item on a line (`k2`, `o7`, `t31`).
    public static func itemID(of node: NodeID, in plan: Plan) -> String? {
        switch node {
        case .issue(let i): return i < plan.keyIssues.count ? plan.keyIssues[i].id : nil
        case .objective(let i, let o):
            return i < plan.keyIssues.count && o < plan.keyIssues[i].objectives.count ? plan.keyIssues[i].objectives[o].id : nil
        case .target(let id): return id
        }
    }

    /// The line of an item, by its id, wherever it is now (nil: not in the plan).
    public static func node(ofItem id: String, in plan: Plan) -> NodeID? {
        if let i = plan.keyIssueIndex(id: id) { return .issue(i) }
        if let p = plan.objectivePath(id: id) { return .objective(p.issue, p.objective) }
        if plan.indexPath(ofTarget: id) != nil { return .target(id) }
        return nil
    }
}
