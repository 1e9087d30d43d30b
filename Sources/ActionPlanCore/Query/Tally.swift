/// Counts of targets by status, plus overdue: the figures a review meeting wants at a glance.
public struct Tally: Sendable, Equatable {
    public var met = 0
    public var partiallyMet = 0
    public var notMet = 0
    public var notAssessed = 0
    public var overdue = 0

    public init() {}

    public init<S: Sequence>(_ targets: S, asOf: Day) where S.Element == Target {
        for t in targets { add(t, asOf: asOf) }
    }

    public mutating func add(_ target: Target, asOf: Day) {
        switch target.status {
        case .met: met += 1
        case .partiallyMet: partiallyMet += 1
        case .notMet: notMet += 1
        case .notAssessed: notAssessed += 1
        }
        if target.isOverdue(asOf: asOf) { overdue += 1 }
    }

    public static func + (a: Tally, b: Tally) -> Tally {
        var t = a
        t.met += b.met
        t.partiallyMet += b.partiallyMet
        t.notMet += b.notMet
        t.notAssessed += b.notAssessed
        t.overdue += b.overdue
        return t
    }

    public var total: Int { met + partiallyMet + notMet + notAssessed }

    public func count(_ status: Status) -> Int {
        switch status {
        case .met: return met
        case .partiallyMet: return partiallyMet
        case .notMet: return notMet
        case .notAssessed: return notAssessed
        }
    }

    /// Percentage of all targets met, rounded down to a whole number; 0 for an empty plan.
    public var percentMet: Int { total == 0 ? 0 : met * 100 / total }
}

extension Plan {
    public func tally(asOf: Day) -> Tally {
        var t = Tally()
        for issue in keyIssues { t = t + issue.tally(asOf: asOf) }
        return t
    }
}

extension KeyIssue {
    public func tally(asOf: Day) -> Tally {
        var t = Tally()
        for o in objectives { for target in o.targets { t.add(target, asOf: asOf) } }
        return t
    }
}

extension Objective {
    public func tally(asOf: Day) -> Tally { Tally(targets, asOf: asOf) }
}
