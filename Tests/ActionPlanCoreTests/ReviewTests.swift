import Foundation
import XCTest
@testable import ActionPlanCore

/// Reviews (start, close, snapshot, the plan at a review) and direction of travel.
final class ReviewTests: XCTestCase {
    private func day(_ s: String) -> Day { Day(iso: s)! }

    /// Three targets in two Key Issues, no reviews.
    private func plan() -> Plan {
        var p = Plan(id: "rv", title: "Review plan")
        p.keyIssues = [
            KeyIssue(number: 1, title: "One", objectives: [Objective(code: "A1", text: "a", targets: [
                Target(id: "t1", text: "first", timescale: "March 2008", due: day("2008-03-31"), status: .notMet),
                Target(id: "t2", text: "second", timescale: "Ongoing", status: .met),
            ])]),
            KeyIssue(number: 2, title: "Two", objectives: [Objective(code: "B1", text: "b", targets: [
                Target(id: "t3", text: "third", timescale: "June 2008", due: day("2008-06-30"), status: .notAssessed),
            ])]),
        ]
        p.nextTargetId = 4
        return p
    }

    func testStartNumbersReviewsSetsAsAtAndRefusesASecondOpenReview() throws {
        var p = plan()
        let r1 = try p.startReview(asAt: day("2008-01-21"), title: "January", openedAt: "2026-11-24T10:00:00Z")
        XCTAssertEqual(r1.number, 1)
        XCTAssertEqual(p.asAt, day("2008-01-21"))
        XCTAssertEqual(p.openReview?.number, 1)
        XCTAssertNil(p.reviews[0].closedAt)
        XCTAssertEqual(p.reviews[0].openedAt, "2026-11-24T10:00:00Z")
        XCTAssertThrowsError(try p.startReview(asAt: day("2008-02-01"), openedAt: "x")) { error in
            XCTAssertEqual(error as? ReviewError, .alreadyOpen(planID: "rv", number: 1, asAt: day("2008-01-21")))
        }
        XCTAssertEqual(p.reviews.count, 1, "a refused start adds nothing")
    }

    func testCloseFreezesEveryTargetAndCloseWithoutOpenIsRefused() throws {
        var p = plan()
        XCTAssertThrowsError(try p.closeReview(closedAt: "x")) { XCTAssertEqual($0 as? ReviewError, .noneOpen(planID: "rv")) }
        try p.startReview(asAt: day("2008-01-21"), openedAt: "2026-11-24T10:00:00Z")
        p.keyIssues[0].objectives[0].targets[0].comment = "slipping"
        p.keyIssues[0].objectives[0].targets[0].forecast = "June"
        let closed = try p.closeReview(closedAt: "2026-11-24T11:00:00Z")
        XCTAssertEqual(closed.closedAt, "2026-11-24T11:00:00Z")
        XCTAssertEqual(closed.snapshot, [
            TargetSnapshot(id: "t1", status: .notMet, comment: "slipping", forecast: "June"),
            TargetSnapshot(id: "t2", status: .met, comment: "", forecast: ""),
            TargetSnapshot(id: "t3", status: .notAssessed, comment: "", forecast: ""),
        ])
        XCTAssertNil(p.openReview)
        XCTAssertThrowsError(try p.closeReview(closedAt: "y")) { XCTAssertEqual($0 as? ReviewError, .noneOpen(planID: "rv")) }
        // The next review goes forward in time.
        XCTAssertThrowsError(try p.startReview(asAt: day("2008-01-01"), openedAt: "z")) { error in
            XCTAssertEqual(error as? ReviewError, .asAtBeforePrevious(planID: "rv", asAt: day("2008-01-01"), previous: 1, previousAsAt: day("2008-01-21")))
        }
        XCTAssertEqual(try p.startReview(asAt: day("2008-01-21"), openedAt: "z").number, 2, "the same day is allowed")
    }

    func testStartAndCloseThroughTheStoreLeaveTheSnapshotOnDisk() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = Fixtures.write(plan(), in: dir)
        let store = PlanStore(directory: dir, writer: AtomicWriter(fault: nil))
        try store.update("rv") { try $0.startReview(asAt: day("2008-01-21"), title: "DAAF", openedAt: "2026-11-24T10:00:00Z") }
        let opened = Fixtures.bytes(path)
        XCTAssertThrowsError(try store.update("rv") { try $0.startReview(asAt: day("2008-02-01"), openedAt: "x") }) {
            XCTAssertEqual($0 as? ReviewError, .alreadyOpen(planID: "rv", number: 1, asAt: day("2008-01-21")))
        }
        XCTAssertEqual(Fixtures.bytes(path), opened, "a refused start leaves the file byte for byte")
        try store.update("rv") { try $0.closeReview(closedAt: "2026-11-24T11:00:00Z") }
        let reloaded = try store.load("rv").plan
        XCTAssertEqual(reloaded.reviews.count, 1)
        XCTAssertEqual(reloaded.reviews[0].title, "DAAF")
        XCTAssertEqual(reloaded.reviews[0].closedAt, "2026-11-24T11:00:00Z")
        XCTAssertEqual(reloaded.reviews[0].snapshot.map(\.id), ["t1", "t2", "t3"])
        XCTAssertEqual(reloaded.reviews[0].snapshot.map(\.status), [.notMet, .met, .notAssessed])
        XCTAssertEqual(reloaded.asAt, day("2008-01-21"))
        let text = String(decoding: Fixtures.bytes(path), as: UTF8.self)
        XCTAssertTrue(text.contains("\"snapshot\": ["), text)
        XCTAssertTrue(text.contains("\"closedAt\": \"2026-11-24T11:00:00Z\""))
        XCTAssertThrowsError(try store.update("rv") { try $0.closeReview(closedAt: "x") }) {
            XCTAssertEqual($0 as? ReviewError, .noneOpen(planID: "rv"))
        }
    }

    func testTargetDirectionByStatusRank() {
        let order: [Status] = [.notAssessed, .notMet, .partiallyMet, .met]
        for (i, now) in order.enumerated() {
            for (j, then) in order.enumerated() {
                let expected: Direction = i > j ? .better : i < j ? .worse : .same
                XCTAssertEqual(Direction.of(now, then: then), expected, "\(then) → \(now)")
            }
            XCTAssertEqual(Direction.of(now, then: nil), .new)
        }
    }

    func testTallyDirectionComparesMetThenPartlyThenAssessed() {
        func t(_ met: Int, _ part: Int, _ not: Int, _ na: Int) -> Tally {
            var x = Tally()
            x.met = met; x.partiallyMet = part; x.notMet = not; x.notAssessed = na
            return x
        }
        XCTAssertEqual(Direction.of(t(15, 0, 7, 0), then: t(12, 0, 10, 0)), .better, "more met")
        XCTAssertEqual(Direction.of(t(11, 5, 0, 0), then: t(12, 0, 4, 0)), .worse, "fewer met, however many partly met")
        XCTAssertEqual(Direction.of(t(5, 3, 2, 0), then: t(5, 2, 3, 0)), .better, "as many met, more partly met")
        XCTAssertEqual(Direction.of(t(5, 1, 4, 0), then: t(5, 2, 3, 0)), .worse, "as many met, fewer at least partly met")
        XCTAssertEqual(Direction.of(t(5, 2, 3, 0), then: t(5, 2, 1, 2)), .better, "more assessed at all")
        XCTAssertEqual(Direction.of(t(5, 2, 3, 1), then: t(5, 2, 3, 1)), .same)
        XCTAssertEqual(Direction.of(t(5, 2, 3, 4), then: t(5, 2, 3, 0)), .same, "new unassessed targets change nothing")
        XCTAssertEqual(Direction.of(Tally(), then: Tally()), .same)
    }

    func testCompareWithAClosedReview() throws {
        var p = plan()
        try p.startReview(asAt: day("2008-01-21"), openedAt: "a")
        let r1 = try p.closeReview(closedAt: "b")
        // t1 not met → met (better), t2 met → partly met (worse), t3 unchanged, t4 new.
        p.keyIssues[0].objectives[0].targets[0].status = .met
        p.keyIssues[0].objectives[0].targets[1].status = .partiallyMet
        p.keyIssues[1].objectives[0].targets.append(Target(id: "t4", text: "fourth", status: .met))
        let c = p.compare(with: r1, asOf: day("2008-07-01"))
        XCTAssertEqual(c.targets, ["t1": .better, "t2": .worse, "t3": .same, "t4": .new])
        XCTAssertEqual([c.count(.better), c.count(.same), c.count(.worse), c.count(.new)], [1, 1, 1, 1])
        // Key Issue 1: met 1 → 1, partly 0 → 1: better.
        XCTAssertEqual(c.keyIssues[0].change.then.met, 1)
        XCTAssertEqual(c.keyIssues[0].change.now.partiallyMet, 1)
        XCTAssertEqual(c.keyIssues[0].change.direction, .better)
        // Key Issue 2: the new met target counts now only: met 0 → 1.
        XCTAssertEqual(c.keyIssues[1].change.then.total, 1)
        XCTAssertEqual(c.keyIssues[1].change.now.total, 2)
        XCTAssertEqual(c.keyIssues[1].change.direction, .better)
        // Overdue then is judged at the review's date, now at asOf: t3 (due June 2008) is overdue now only.
        XCTAssertEqual(c.keyIssues[1].change.then.overdue, 0)
        XCTAssertEqual(c.keyIssues[1].change.now.overdue, 1)
        XCTAssertEqual(c.plan.then.met, 1)
        XCTAssertEqual(c.plan.now.met, 2)
        XCTAssertEqual(c.plan.direction, .better)
        XCTAssertEqual(p.previousClosedReview()?.number, 1)
        XCTAssertNil(p.previousClosedReview(before: 1))
    }

    func testThePlanAtAReviewAndTheSnapshotTally() throws {
        var p = plan()
        p.keyIssues[0].objectives[0].targets[0].comment = "then"
        try p.startReview(asAt: day("2008-04-15"), openedAt: "a")
        XCTAssertEqual(p.tally(of: p.openReview!).overdue, 1, "an open review tallies the current position at its date")
        let r1 = try p.closeReview(closedAt: "b")
        p.keyIssues[0].objectives[0].targets[0].status = .met
        p.keyIssues[0].objectives[0].targets[0].comment = "now"
        p.keyIssues[1].objectives[0].targets.append(Target(id: "t4", text: "later", status: .met))
        let frozen = p.atReview(r1)
        XCTAssertEqual(frozen.target(id: "t1")?.status, .notMet)
        XCTAssertEqual(frozen.target(id: "t1")?.comment, "then")
        XCTAssertNil(frozen.target(id: "t4"), "targets added after the review are not in it")
        XCTAssertEqual(frozen.asAt, day("2008-04-15"))
        let tally = p.tally(of: r1)
        XCTAssertEqual([tally.met, tally.partiallyMet, tally.notMet, tally.notAssessed], [1, 0, 1, 1])
        XCTAssertEqual(tally.overdue, 1, "t1 was due 31 March 2008 and not met at 15 April 2008")
        XCTAssertEqual(try p.closedReview(number: 1).number, 1)
        XCTAssertThrowsError(try p.closedReview(number: 7)) {
            XCTAssertEqual($0 as? ReviewError, .noSuchReview(planID: "rv", number: 7, available: [1]))
        }
        try p.startReview(asAt: day("2008-05-01"), openedAt: "c")
        XCTAssertThrowsError(try p.closedReview(number: 2)) { XCTAssertEqual($0 as? ReviewError, .stillOpen(planID: "rv", number: 2)) }
        XCTAssertEqual(p.previousClosedReview()?.number, 1, "the open review is never compared with")
    }

    func testDirectionLabelsAreWordsInASCII() {
        XCTAssertEqual(Glyphs.unicode.label(Direction.better), "↑ better")
        XCTAssertEqual(Glyphs.unicode.label(Direction.same), "→ same")
        XCTAssertEqual(Glyphs.unicode.label(Direction.worse), "↓ worse")
        XCTAssertEqual(Glyphs.unicode.label(Direction.new), "new")
        XCTAssertEqual(Direction.allCases.map { Glyphs.ascii.label($0) }, ["better", "same", "worse", "new"])
        XCTAssertEqual(Glyphs.ascii.change("12", "15"), "12 -> 15")
        XCTAssertEqual(Glyphs.unicode.change("12", "15"), "12 → 15")
    }
}
