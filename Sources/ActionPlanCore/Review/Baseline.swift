/// What the direction of travel is measured against: one rule, for the report, the committee paper and
/// the trend, stated in the README ("A true direction of travel") and in the report's heading.
///
/// The position reported (the current one, or review N's snapshot) belongs to a review: review N with
/// `--review N`, else the latest review, open or closed. It is compared with
/// 1. the last closed review *before* that one, or
/// 2. when there is none, the position when that review was opened (`Review.opening`), so the first
///    review's paper shows what changed in its meeting;
/// 3. and with nothing when the plan has no review, or only an old one with no opening position.
///
/// So a report written straight after `review close` compares with the review before, never with the
/// one just closed (which would show every Key Issue as "same").
public struct Baseline: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A closed review's snapshot.
        case closedReview
        /// The position when the reported review was opened.
        case opening
    }

    public var kind: Kind
    /// The closed review compared with, or the review whose opening position is compared with.
    public var review: Review
    /// Status, comment and forecast of every target then.
    public var snapshot: [TargetSnapshot]

    /// The as-at date of the position compared with (overdue then is judged at it).
    public var asAt: Day { review.asAt }

    /// "review 1", "the opening of review 1": how a line names it ("↑ better than at review 1").
    public var shortName: String {
        kind == .closedReview ? "review \(review.number)" : "the opening of review \(review.number)"
    }

    /// "review 1 (“January”), as at 21 January 2008", "the position when review 1 (“January”) was opened".
    public var longName: String {
        let title = review.title.isEmpty ? "" : " (“\(review.title)”)"
        switch kind {
        case .closedReview: return "review \(review.number)\(title), as at \(review.asAt.longDescription)"
        case .opening: return "the position when review \(review.number)\(title) was opened"
        }
    }

    /// The baseline as a review whose snapshot is the position then, for `Plan.compare(with:asOf:)`.
    public var asReview: Review {
        var r = review
        r.snapshot = snapshot
        return r
    }
}

extension Plan {
    /// The baseline of the direction of travel for the position of review `number` (nil: the current
    /// position); see `Baseline` for the rule.
    public func directionBaseline(reporting number: Int? = nil) -> Baseline? {
        guard let reported = number.flatMap({ review(number: $0) }) ?? reviews.max(by: { $0.number < $1.number }) else {
            return nil
        }
        if let earlier = previousClosedReview(before: reported.number) {
            return Baseline(kind: .closedReview, review: earlier, snapshot: earlier.snapshot)
        }
        if let opening = reported.opening {
            return Baseline(kind: .opening, review: reported, snapshot: opening)
        }
        return nil
    }

    /// Every closed review in number order: the points of the trend.
    public var closedReviews: [Review] {
        reviews.filter { !$0.isOpen }.sorted { $0.number < $1.number }
    }
}
