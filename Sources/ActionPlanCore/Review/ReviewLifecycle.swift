/// Reviews: dated checkpoints of a plan. A review is *opened* (a number, an as-at date, a title) while
/// a meeting goes through the targets, and *closed* when the status, comment and forecast of every
/// target are frozen into its snapshot. At most one review is open at a time. Everything here is a
/// pure function of the plan, so the CLI and the review UI share it; saving goes through
/// `PlanStore.update`.
public enum ReviewError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `review start` while review `number` is open.
    case alreadyOpen(planID: String, number: Int, asAt: Day)
    /// `review close` with no open review.
    case noneOpen(planID: String)
    /// A new review's as-at date is before the as-at date of the latest review.
    case asAtBeforePrevious(planID: String, asAt: Day, previous: Int, previousAsAt: Day)
    /// `--review N` names a review the plan does not have.
    case noSuchReview(planID: String, number: Int, available: [Int])
    /// `--review N` names a review that is still open: it has no snapshot yet.
    case stillOpen(planID: String, number: Int)
    /// A comparison was asked for a plan with no closed review.
    case noClosedReview(planID: String)

    public var description: String {
        switch self {
        case .alreadyOpen(let id, let n, let asAt):
            return "review \(n) of \(id) (as at \(asAt)) is already open; close it first with `actionplan review close \(id)`"
        case .noneOpen(let id):
            return "no review of \(id) is open; open one with `actionplan review start \(id)`"
        case .asAtBeforePrevious(let id, let asAt, let n, let previous):
            return "the as-at date \(asAt) is before review \(n) of \(id) (as at \(previous)); reviews go forward in time"
        case .noSuchReview(let id, let n, let available):
            let list = available.isEmpty ? "it has no reviews" : "reviews: " + available.map(String.init).joined(separator: ", ")
            return "plan \(id) has no review \(n) (\(list))"
        case .stillOpen(let id, let n):
            return "review \(n) of \(id) is still open and has no snapshot yet; close it with `actionplan review close \(id)`, or report the current position without --review"
        case .noClosedReview(let id):
            return "plan \(id) has no closed review to compare with (see `actionplan review list \(id)`)"
        }
    }
}

extension Review {
    public var isOpen: Bool { closedAt == nil }
}

extension Plan {
    /// The review being held now, if any.
    public var openReview: Review? { reviews.last(where: \.isOpen) }

    public func review(number: Int) -> Review? { reviews.first { $0.number == number } }

    /// The review `number`, closed (it has a snapshot), or why not.
    public func closedReview(number: Int) throws(ReviewError) -> Review {
        guard let review = review(number: number) else {
            throw .noSuchReview(planID: id, number: number, available: reviews.map(\.number))
        }
        guard !review.isOpen else { throw .stillOpen(planID: id, number: number) }
        return review
    }

    /// The closed review the current position (or review `number`) is compared with: the closed
    /// review with the highest number, below `number` when one is given.
    public func previousClosedReview(before number: Int? = nil) -> Review? {
        reviews.filter { !$0.isOpen && (number == nil || $0.number < number!) }.max { $0.number < $1.number }
    }

    /// Opens review N+1: records the as-at date, title and opening time, and makes the as-at date the
    /// plan's. Refused while another review is open, or if the date is before the latest review's.
    @discardableResult
    public mutating func startReview(asAt: Day, title: String = "", openedAt: String) throws(ReviewError) -> Review {
        if let open = openReview { throw .alreadyOpen(planID: id, number: open.number, asAt: open.asAt) }
        if let latest = reviews.max(by: { $0.number < $1.number }), asAt < latest.asAt {
            throw .asAtBeforePrevious(planID: id, asAt: asAt, previous: latest.number, previousAsAt: latest.asAt)
        }
        var review = Review(number: (reviews.map(\.number).max() ?? 0) + 1, asAt: asAt, title: title)
        review.openedAt = openedAt
        // The opening position: what the direction of travel compares with when there is no earlier
        // closed review, and what "changed in this meeting" is measured against after the close.
        review.opening = snapshot()
        reviews.append(review)
        self.asAt = asAt
        return review
    }

    /// Closes the open review: freezes every target's status, comment and forecast into its snapshot.
    @discardableResult
    public mutating func closeReview(closedAt: String) throws(ReviewError) -> Review {
        guard let index = reviews.lastIndex(where: \.isOpen) else { throw .noneOpen(planID: id) }
        reviews[index].snapshot = snapshot()
        reviews[index].closedAt = closedAt
        return reviews[index]
    }

    /// Status, comment and forecast of every target, in document order.
    public func snapshot() -> [TargetSnapshot] {
        var result: [TargetSnapshot] = []
        for issue in keyIssues {
            for objective in issue.objectives {
                for t in objective.targets {
                    var entry = TargetSnapshot(id: t.id, status: t.status, comment: t.comment, forecast: t.forecast)
                    entry.actual = t.measure?.actual
                    result.append(entry)
                }
            }
        }
        return result
    }

    /// The plan as it stood at a closed review: each target's status, comment and forecast from the
    /// snapshot; targets the snapshot does not have (added since) are left out; everything else
    /// (texts, officers, time scales, due dates) is as it is now. The as-at date is the review's.
    public func atReview(_ review: Review) -> Plan {
        var frozen = self
        var byID: [String: TargetSnapshot] = [:]
        for s in review.snapshot { byID[s.id] = s }
        for i in frozen.keyIssues.indices {
            for o in frozen.keyIssues[i].objectives.indices {
                frozen.keyIssues[i].objectives[o].targets = frozen.keyIssues[i].objectives[o].targets.compactMap { t in
                    guard let s = byID[t.id] else { return nil }
                    var t = t
                    t.status = s.status
                    t.comment = s.comment
                    t.forecast = s.forecast
                    return t
                }
            }
        }
        frozen.asAt = review.asAt
        return frozen
    }

    /// The tallies of a review's snapshot, overdue judged at the review's as-at date (due dates are
    /// the targets' as they are now; a snapshot entry whose target has since gone counts by status
    /// only). For an open review, the current position as at its date.
    public func tally(of review: Review) -> Tally {
        guard !review.isOpen else { return tally(asOf: review.asAt) }
        var dueByID: [String: Day] = [:]
        for t in allTargets { if let due = t.due { dueByID[t.id] = due } }
        var tally = Tally()
        for s in review.snapshot {
            var t = Target(id: s.id, text: "", due: dueByID[s.id], status: s.status)
            t.comment = s.comment
            tally.add(t, asOf: review.asAt)
        }
        return tally
    }
}
