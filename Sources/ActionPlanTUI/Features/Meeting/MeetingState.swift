import ActionPlanCore

/// Meeting mode: the open plan walked one target per screen, for a progress review held with the
/// screen shared or projected. Status keys set the status and move on; at the end (or on `q`) a
/// summary lists what changed in this meeting and what is still outstanding.
///
/// Which targets the meeting walks: those the tree's filters show (all of them when none is set;
/// `actionplan meet --officer NAME` starts filtered to one officer), in document order, narrowed by
/// the meeting's own two filters:
/// - `a`, **not yet assessed in this review**: with a review open, a target is assessed once any of
///   its status, comment or forecast was changed at or after the moment the review was opened (its
///   history has an entry whose time is not before the review's `openedAt`), or once it was changed
///   or confirmed (`m`/`x`/`p`/`-`/`Space`) in this meeting, even to the status it already had;
///   without an open review, "not yet assessed" means the status *not assessed*.
/// - `e`, **exceptions**: `Target.isException` (not met, or overdue as of the UI's `--as-of`, default
///   today), the one definition the report and the committee paper use too.
/// The target on screen stays in the list until the meeting moves off it, so setting a status under
/// a filter never makes the screen jump.
public struct MeetingState: Sendable, Equatable {
    public enum Phase: Sendable, Equatable {
        /// One target per screen.
        case focus
        /// The summary of the meeting, scrolled by this many lines.
        case summary(scroll: Int)
    }

    public var planID: String
    public var phase: Phase = .focus
    /// The target on screen, by id.
    public var current: String?
    /// `a`: only targets not yet assessed in this review.
    public var notYetAssessedOnly = false
    /// `e`: only exceptions (`Target.isException`: not met, or overdue).
    public var exceptionsOnly = false
    /// Status, comment and forecast of every target when the meeting began: the summary compares with this.
    public var before: [String: TargetSnapshot]
    /// Targets whose status, comment or forecast was changed by a key in this meeting.
    public var changed: Set<String> = []
    /// Targets whose status was set or confirmed in this meeting (they count as assessed).
    public var confirmed: Set<String> = []
    /// While the forecast prompt after `x` is open: the target that is marked not met when it is saved.
    public var notMetPrompt: String?

    public init(planID: String, before: [TargetSnapshot], current: String?) {
        self.planID = planID
        var map: [String: TargetSnapshot] = [:]
        for s in before { map[s.id] = s }
        self.before = map
        self.current = current
    }

    public var isSummary: Bool {
        if case .summary = phase { return true }
        return false
    }

    public var filterDescription: String? {
        switch (notYetAssessedOnly, exceptionsOnly) {
        case (false, false): return nil
        case (true, false): return "not yet assessed only"
        case (false, true): return "exceptions only"
        case (true, true): return "not yet assessed exceptions only"
        }
    }
}

/// A target in the meeting, with where it sits in the plan.
public struct MeetingItem: Sendable {
    public var target: Target
    public var issue: Int
    public var objective: Int
}

/// One target changed in this meeting, for the summary.
public struct MeetingChange: Sendable, Equatable {
    public var targetID: String
    public var text: String
    public var oldStatus: Status
    public var newStatus: Status
    public var commentChanged: Bool
    public var forecastChanged: Bool

    public var statusChanged: Bool { oldStatus != newStatus }
}

/// What the summary screen shows.
public struct MeetingSummary: Sendable {
    public var changes: [MeetingChange]
    /// Not met, partially met, overdue or not assessed, in document order (within the meeting's scope).
    public var outstanding: [Target]
    public var outstandingTally: Tally
    /// With a review open: how many targets in scope are not yet assessed in it.
    public var notYetAssessed: Int?
}

/// What the meeting reads of the plan it walks: the plan as shown, the tree's filters and the day
/// overdue is judged by. Built by the parent (`AppState.meetingContext`) for each event and each
/// frame; the meeting never reaches into the parent's state.
public struct MeetingContext: Sendable {
    public let plan: Plan
    public let filter: TargetFilter?
    public let asOf: Day
    public let glyphs: Glyphs
    /// Whether the tree's filters narrow the plan ("in the filtered plan").
    public var isFiltered: Bool { filter != nil }

    public init(plan: Plan, filter: TargetFilter?, asOf: Day, glyphs: Glyphs) {
        self.plan = plan
        self.filter = filter
        self.asOf = asOf
        self.glyphs = glyphs
    }

    /// Every target the meeting may walk: what the tree's filters show, in document order.
    public func scope() -> [MeetingItem] {
        var out: [MeetingItem] = []
        for (i, issue) in plan.keyIssues.enumerated() {
            for (o, objective) in issue.objectives.enumerated() {
                for t in objective.targets where filter?.matches(t, objective: objective, issue: issue) ?? true {
                    out.append(MeetingItem(target: t, issue: i, objective: o))
                }
            }
        }
        return out
    }

    /// Whether a target is an exception, by the core's one definition (`Target.isException`).
    public func isException(_ t: Target) -> Bool { t.isException(asOf: asOf) }

    /// Whether a target is not yet assessed in this review (see `MeetingState`).
    public func isNotYetAssessed(_ t: Target, meeting m: MeetingState) -> Bool {
        if m.confirmed.contains(t.id) || m.changed.contains(t.id) { return false }
        if let review = plan.openReview, !review.openedAt.isEmpty {
            return !t.history.contains { $0.when >= review.openedAt }
        }
        return t.status == .notAssessed
    }

    /// Whether a target passes the meeting's `a` and `e` filters.
    public func matches(_ t: Target, _ m: MeetingState) -> Bool {
        if m.notYetAssessedOnly && !isNotYetAssessed(t, meeting: m) { return false }
        if m.exceptionsOnly && !isException(t) { return false }
        return true
    }

    /// The targets of the meeting: the scope narrowed by `a` and `e`, keeping the one on screen.
    public func list(_ m: MeetingState) -> [MeetingItem] {
        scope().filter { $0.target.id == m.current || matches($0.target, m) }
    }

    /// The target on screen: the current one, or the first of the list when it has gone.
    public func current(_ m: MeetingState, in list: [MeetingItem]) -> (index: Int, item: MeetingItem)? {
        if let id = m.current, let i = list.firstIndex(where: { $0.target.id == id }) { return (i, list[i]) }
        return list.first.map { (0, $0) }
    }

    /// The target on screen, if any.
    public func target(on m: MeetingState) -> Target? {
        current(m, in: list(m))?.item.target
    }

    /// The summary of a meeting: what changed (compared with the plan as the meeting began) and what is outstanding.
    public func summary(_ m: MeetingState) -> MeetingSummary {
        let scope = scope()
        var changes: [MeetingChange] = []
        for t in plan.allTargets where m.changed.contains(t.id) {
            guard let old = m.before[t.id] else {
                changes.append(MeetingChange(targetID: t.id, text: t.text, oldStatus: .notAssessed, newStatus: t.status,
                                             commentChanged: !t.comment.isEmpty, forecastChanged: !t.forecast.isEmpty))
                continue
            }
            let c = MeetingChange(targetID: t.id, text: t.text, oldStatus: old.status, newStatus: t.status,
                                  commentChanged: old.comment != t.comment, forecastChanged: old.forecast != t.forecast)
            if c.statusChanged || c.commentChanged || c.forecastChanged { changes.append(c) }
        }
        // Outstanding is everything not yet met: the exceptions, and the partly met and not assessed.
        let outstanding = scope.map(\.target).filter { $0.status != .met }
        var notYet: Int?
        if plan.openReview != nil {
            notYet = scope.filter { isNotYetAssessed($0.target, meeting: m) }.count
        }
        return MeetingSummary(changes: changes, outstanding: outstanding,
                              outstandingTally: Tally(outstanding, asOf: asOf), notYetAssessed: notYet)
    }
}

extension AppState {
    /// The meeting, when one is running on the open plan.
    public var activeMeeting: MeetingState? {
        guard let m = meeting, screen == .plan, let d = doc, d.id == m.planID else { return nil }
        return m
    }

    /// What the meeting reads: nil with no plan open.
    public var meetingContext: MeetingContext? {
        guard let d = doc else { return nil }
        return MeetingContext(plan: d.plan, filter: d.targetFilter(asOf: options.asOf), asOf: options.asOf, glyphs: glyphs)
    }
}
