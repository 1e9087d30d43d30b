/// Direction of travel since the previous closed review.
///
/// - A **target** is better, the same or worse by the rank of its status
///   (not assessed < not met < partially met < met); **new** when the previous snapshot does not
///   have it.
/// - A **Key Issue** or the **plan** compares its counts now with its counts then, highest rank
///   first, cumulatively: more targets met than before is better, fewer is worse; with as many met,
///   more targets at least partially met is better (fewer worse); with as many of those too, more
///   targets assessed at all (met, partially met or not met) is better (fewer worse); otherwise the
///   same. "Then" counts the targets of the Key Issue as it is now that the snapshot has, at their
///   status then; new targets count only now. Overdue counts do not enter into it.
public enum Direction: String, Sendable, CaseIterable {
    case better, same, worse, new

    /// The word, which is always shown: an arrow is never the only sign.
    public var word: String { rawValue }

    public var arrow: String {
        switch self {
        case .better: return "↑"
        case .same: return "→"
        case .worse: return "↓"
        case .new: return ""
        }
    }

    /// "↑ better", "→ same", "↓ worse", "new".
    public var label: String { arrow.isEmpty ? word : "\(arrow) \(word)" }

    /// Direction of one target: its status now against its status in the previous snapshot.
    public static func of(_ now: Status, then: Status?) -> Direction {
        guard let then else { return .new }
        if now.rank > then.rank { return .better }
        if now.rank < then.rank { return .worse }
        return .same
    }

    /// Direction of a Key Issue or a plan from its tallies now and then (see the type's comment).
    public static func of(_ now: Tally, then: Tally) -> Direction {
        for (a, b) in zip(now.cumulativeCounts, then.cumulativeCounts) where a != b {
            return a > b ? .better : .worse
        }
        return .same
    }
}

extension Status {
    /// Order for direction of travel: not assessed 0 < not met 1 < partially met 2 < met 3.
    public var rank: Int {
        switch self {
        case .notAssessed: return 0
        case .notMet: return 1
        case .partiallyMet: return 2
        case .met: return 3
        }
    }
}

extension Tally {
    /// (met, at least partially met, assessed at all): what `Direction.of(_:then:)` compares.
    var cumulativeCounts: [Int] { [met, met + partiallyMet, met + partiallyMet + notMet] }
}

extension Glyphs {
    /// "↑ better" with Unicode; the word alone ("better") in ASCII mode.
    public func label(_ direction: Direction) -> String { self == .unicode ? direction.label : direction.word }

    /// "12 → 15", or "12 -> 15" in ASCII mode.
    public func change(_ then: String, _ now: String) -> String { self == .unicode ? "\(then) → \(now)" : "\(then) -> \(now)" }
}

/// A Key Issue's or a plan's tallies now and at the previous review.
public struct TallyChange: Sendable, Equatable {
    public var then: Tally
    public var now: Tally
    public var direction: Direction { Direction.of(now, then: then) }

    public init(then: Tally, now: Tally) {
        self.then = then
        self.now = now
    }
}

/// The current position (or a review's) against a previous closed review.
public struct Comparison: Sendable {
    public struct IssueChange: Sendable {
        public var number: Int
        public var title: String
        public var change: TallyChange
    }

    /// The review compared with.
    public var previous: Review
    public var plan: TallyChange
    public var keyIssues: [IssueChange]
    /// Direction of every target of the plan, by id.
    public var targets: [String: Direction]
    /// Status of each target in the previous snapshot, by id (absent for new targets).
    public var previousStatus: [String: Status]

    /// How many targets went each way.
    public func count(_ direction: Direction) -> Int { targets.values.reduce(0) { $0 + ($1 == direction ? 1 : 0) } }
}

extension Plan {
    /// Compares this plan's position (its current statuses, overdue as of `asOf`) with a closed
    /// review: tallies then and now for the plan and each Key Issue, and each target's direction.
    public func compare(with previous: Review, asOf: Day) -> Comparison {
        var before: [String: Status] = [:]
        for s in previous.snapshot { before[s.id] = s.status }
        var targets: [String: Direction] = [:]
        var issues: [Comparison.IssueChange] = []
        var planThen = Tally(), planNow = Tally()
        for issue in keyIssues {
            var then = Tally(), now = Tally()
            for objective in issue.objectives {
                for t in objective.targets {
                    now.add(t, asOf: asOf)
                    targets[t.id] = Direction.of(t.status, then: before[t.id])
                    if let old = before[t.id] {
                        var past = t
                        past.status = old
                        then.add(past, asOf: previous.asAt)
                    }
                }
            }
            issues.append(Comparison.IssueChange(number: issue.number, title: issue.title, change: TallyChange(then: then, now: now)))
            planThen = planThen + then
            planNow = planNow + now
        }
        return Comparison(previous: previous, plan: TallyChange(then: planThen, now: planNow), keyIssues: issues,
                          targets: targets, previousStatus: before)
    }
}
