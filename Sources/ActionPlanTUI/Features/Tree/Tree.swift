import ActionPlanCore

/// One visible line of the plan tree.
public struct TreeRow: Sendable, Equatable {
    public var node: NodeID
    public var depth: Int
    public var issue: Int
    public var objective: Int?
    public var target: Int?
}

/// Which lines the tree shows: Key Issues, then (when expanded) their objectives, then targets.
/// Under a filter only targets that pass are shown, with the objectives and Key Issues above them.
public enum Tree {
    /// `expanded == nil` means everything expanded (for search order and roll-ups).
    public static func rows(_ plan: Plan, filter: TargetFilter?, expanded: Set<NodeID>?) -> [TreeRow] {
        var rows: [TreeRow] = []
        for (i, issue) in plan.keyIssues.enumerated() {
            var issueRows: [TreeRow] = []
            var issueHasMatch = false
            let issueOpen = expanded?.contains(.issue(i)) ?? true
            for (o, objective) in issue.objectives.enumerated() {
                let objectiveOpen = expanded?.contains(.objective(i, o)) ?? true
                var targetRows: [TreeRow] = []
                targetRows.reserveCapacity(objective.targets.count)
                // By index, reading only what is needed: copying whole targets every frame was most of
                // the cost of drawing a large plan.
                for t in objective.targets.indices {
                    if let filter, !filter.matches(objective.targets[t], objective: objective, issue: issue) { continue }
                    targetRows.append(TreeRow(node: .target(objective.targets[t].id), depth: 2, issue: i, objective: o, target: t))
                }
                if filter != nil && targetRows.isEmpty { continue }
                issueHasMatch = true
                issueRows.append(TreeRow(node: .objective(i, o), depth: 1, issue: i, objective: o, target: nil))
                if objectiveOpen { issueRows += targetRows }
            }
            if filter != nil && !issueHasMatch { continue }
            rows.append(TreeRow(node: .issue(i), depth: 0, issue: i, objective: nil, target: nil))
            if issueOpen { rows += issueRows }
        }
        return rows
    }

    /// The parent line of a node (nil for a Key Issue).
    public static func parent(of node: NodeID, in plan: Plan) -> NodeID? {
        switch node {
        case .issue: return nil
        case .objective(let i, _): return .issue(i)
        case .target(let id):
            guard let p = plan.indexPath(ofTarget: id) else { return nil }
            return .objective(p.issue, p.objective)
        }
    }

    /// The nodes that must be expanded for this one to show.
    public static func ancestors(of node: NodeID, in plan: Plan) -> [NodeID] {
        var out: [NodeID] = []
        var n = parent(of: node, in: plan)
        while let p = n { out.append(p); n = parent(of: p, in: plan) }
        return out
    }

    /// Position in document order, to find "the next line after this one" across expansions.
    public static func order(of node: NodeID, in plan: Plan) -> (Int, Int, Int)? {
        switch node {
        case .issue(let i): return i < plan.keyIssues.count ? (i, -1, -1) : nil
        case .objective(let i, let o):
            return i < plan.keyIssues.count && o < plan.keyIssues[i].objectives.count ? (i, o, -1) : nil
        case .target(let id):
            guard let p = plan.indexPath(ofTarget: id) else { return nil }
            return (p.issue, p.objective, p.target)
        }
    }

    /// Whether a node has children that expanding would show.
    public static func isExpandable(_ node: NodeID) -> Bool {
        if case .target = node { return false }
        return true
    }

    /// Every issue and objective, for "expand all".
    public static func allBranches(_ plan: Plan) -> Set<NodeID> {
        var set = Set<NodeID>()
        for (i, issue) in plan.keyIssues.enumerated() {
            set.insert(.issue(i))
            for o in issue.objectives.indices { set.insert(.objective(i, o)) }
        }
        return set
    }

    /// The tally of the targets under a node that pass the filter, counted in place (no copies).
    public static func tally(under node: NodeID, in plan: Plan, filter: TargetFilter?, asOf: Day) -> Tally {
        var tally = Tally()
        func add(_ issue: KeyIssue, _ objective: Objective) {
            for t in objective.targets.indices where filter?.matches(objective.targets[t], objective: objective, issue: issue) ?? true {
                tally.add(objective.targets[t], asOf: asOf)
            }
        }
        switch node {
        case .issue(let i):
            guard i < plan.keyIssues.count else { return tally }
            for o in plan.keyIssues[i].objectives.indices { add(plan.keyIssues[i], plan.keyIssues[i].objectives[o]) }
        case .objective(let i, let o):
            guard i < plan.keyIssues.count, o < plan.keyIssues[i].objectives.count else { return tally }
            add(plan.keyIssues[i], plan.keyIssues[i].objectives[o])
        case .target(let id):
            if let t = plan.target(id: id) { tally.add(t, asOf: asOf) }
        }
        return tally
    }
}

extension PlanDoc {
    public func targetFilter(asOf: Day) -> TargetFilter? {
        filters.isEmpty ? nil : filters.targetFilter(asOf: asOf)
    }

    public func visibleRows(asOf: Day) -> [TreeRow] {
        Tree.rows(plan, filter: targetFilter(asOf: asOf), expanded: expanded)
    }

    public var selectedTarget: Target? {
        guard case .target(let id) = cursor else { return nil }
        return plan.target(id: id)
    }
}
