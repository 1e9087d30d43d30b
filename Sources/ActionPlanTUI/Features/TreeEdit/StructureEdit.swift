import ActionPlanCore

/// A change to the plan's structure or to a target's own fields, as the tree asks for it. The
/// runner turns it into the core's change and saves it with `PlanStore.commit` (one history entry
/// per change, under the lock, merged with whatever else was saved meanwhile).
public enum StructureEdit: Sendable, Equatable {
    case addTarget(objective: NodeID, after: String?, text: String, officers: [String], timescale: String)
    case addObjective(issue: NodeID, after: NodeID?, text: String)
    case addKeyIssue(after: NodeID?, title: String)
    case setText(NodeID, String)
    case setOfficers(targetID: String, [String])
    case setTimescale(targetID: String, String)
    case move(NodeID, to: Destination)
    case remove(NodeID)

    /// Where a moved item goes: before or after a sibling, or at the end of a parent.
    public enum Destination: Sendable, Equatable {
        case before(NodeID)
        case after(NodeID)
        case endOf(NodeID)
        /// The plan's list of Key Issues, at the end.
        case end
    }

    /// "Added a target", "Moved t3" … for the status bar.
    public var verb: String {
        switch self {
        case .addTarget: return "Added target"
        case .addObjective: return "Added objective"
        case .addKeyIssue: return "Added Key Issue"
        case .setText: return "Changed the text of"
        case .setOfficers: return "Changed the lead officers of"
        case .setTimescale: return "Changed the time scale of"
        case .move: return "Moved"
        case .remove: return "Removed"
        }
    }
}

extension Tree {
    /// Where `J` (down) or `K` (up) takes an item: past its neighbour among its siblings; past the
    /// last (first) into the start (end) of the next (previous) parent, as the lines are ordered on
    /// screen. Nil when it is already the last (first) of the plan.
    public static func destination(moving node: NodeID, down: Bool, in plan: Plan) -> StructureEdit.Destination? {
        switch node {
        case .issue(let i):
            let j = down ? i + 1 : i - 1
            guard j >= 0, j < plan.keyIssues.count else { return nil }
            return down ? .after(.issue(j)) : .before(.issue(j))
        case .objective(let i, let o):
            guard i < plan.keyIssues.count else { return nil }
            let siblings = plan.keyIssues[i].objectives
            let p = down ? o + 1 : o - 1
            if p >= 0, p < siblings.count { return down ? .after(.objective(i, p)) : .before(.objective(i, p)) }
            // Into the next Key Issue (first) or the previous one (last).
            let j = down ? i + 1 : i - 1
            guard j >= 0, j < plan.keyIssues.count else { return nil }
            if down, let first = plan.keyIssues[j].objectives.indices.first { return .before(.objective(j, first)) }
            return .endOf(.issue(j))
        case .target(let id):
            guard let at = plan.indexPath(ofTarget: id) else { return nil }
            let siblings = plan.keyIssues[at.issue].objectives[at.objective].targets
            let p = down ? at.target + 1 : at.target - 1
            if p >= 0, p < siblings.count { return down ? .after(.target(siblings[p].id)) : .before(.target(siblings[p].id)) }
            // Into the next objective in document order (at its start) or the previous one (at its end).
            let objectives = plan.keyIssues.enumerated().flatMap { i, issue in issue.objectives.indices.map { (i, $0) } }
            guard let here = objectives.firstIndex(where: { $0 == (at.issue, at.objective) }) else { return nil }
            let n = down ? here + 1 : here - 1
            guard n >= 0, n < objectives.count else { return nil }
            let (i, o) = objectives[n]
            if down, let first = plan.keyIssues[i].objectives[o].targets.first { return .before(.target(first.id)) }
            return .endOf(.objective(i, o))
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
}
