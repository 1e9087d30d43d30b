/// Where a target sits: the indexes of its Key Issue, its objective and itself.
public struct TargetPath: Sendable, Hashable {
    public var issue: Int
    public var objective: Int
    public var target: Int
    public init(issue: Int, objective: Int, target: Int) {
        self.issue = issue
        self.objective = objective
        self.target = target
    }
}

/// The one walk over Key Issues → objectives → targets, in document order. Code that visits every target
/// (reports, exports, snapshots, the tree, the meeting order, look-ups by id) goes through these, so the
/// order of the plan is defined once.
extension Plan {
    /// Visits every target with where it sits.
    public func forEachTarget(_ body: (TargetPath, KeyIssue, Objective, Target) throws -> Void) rethrows {
        for (i, issue) in keyIssues.enumerated() {
            for (o, objective) in issue.objectives.enumerated() {
                for (t, target) in objective.targets.enumerated() {
                    try body(TargetPath(issue: i, objective: o, target: t), issue, objective, target)
                }
            }
        }
    }

    /// Changes every target in place, in document order.
    public mutating func updateEachTarget(_ body: (TargetPath, inout Target) throws -> Void) rethrows {
        for i in keyIssues.indices {
            for o in keyIssues[i].objectives.indices {
                for t in keyIssues[i].objectives[o].targets.indices {
                    try body(TargetPath(issue: i, objective: o, target: t), &keyIssues[i].objectives[o].targets[t])
                }
            }
        }
    }

    /// The first target (in document order) for which `predicate` holds.
    public func firstTargetPath(where predicate: (Target) -> Bool) -> TargetPath? {
        for (i, issue) in keyIssues.enumerated() {
            for (o, objective) in issue.objectives.enumerated() {
                if let t = objective.targets.firstIndex(where: predicate) { return TargetPath(issue: i, objective: o, target: t) }
            }
        }
        return nil
    }

    public subscript(path: TargetPath) -> Target {
        get { keyIssues[path.issue].objectives[path.objective].targets[path.target] }
        set { keyIssues[path.issue].objectives[path.objective].targets[path.target] = newValue }
    }

    /// Every target in document order (a copy: prefer `forEachTarget` on large plans).
    public var allTargets: [Target] {
        var result: [Target] = []
        result.reserveCapacity(targetCount)
        forEachTarget { _, _, _, target in result.append(target) }
        return result
    }

    public var targetCount: Int { keyIssues.reduce(0) { $0 + $1.targetCount } }
    public var objectiveCount: Int { keyIssues.reduce(0) { $0 + $1.objectives.count } }
}

extension KeyIssue {
    public var targetCount: Int { objectives.reduce(0) { $0 + $1.targets.count } }
}
