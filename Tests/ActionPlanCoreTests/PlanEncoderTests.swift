import Foundation
import XCTest
@testable import ActionPlanCore

/// The plan encoder writes the layout of the generic JSON writer (sorted keys, two-space indent) with unknown
/// keys merged into their sorted places. Checked independently: the bytes parsed to a tree and written back by
/// JSONWriter (which sorts for itself) must be the same bytes, and they must read back as the same plan.
final class PlanEncoderTests: XCTestCase {
    private func assertCanonical(_ plan: Plan, _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        let bytes = PlanEncoder.encode(plan)
        guard let tree = try? JSONParser.parse(bytes) else { return XCTFail("\(label): not JSON", file: file, line: line) }
        XCTAssertEqual(String(decoding: JSONWriter.serialize(tree), as: UTF8.self), String(decoding: bytes, as: UTF8.self), label, file: file, line: line)
        // Reads back as a plan that writes the same bytes (extras come back in file order, which is sorted order).
        let reread = PlanFile.decode(bytes, file: "x", expectedID: nil).loaded?.plan
        XCTAssertEqual(reread.map { String(decoding: PlanEncoder.encode($0), as: UTF8.self) }, String(decoding: bytes, as: UTF8.self), label, file: file, line: line)
    }

    func testEveryDataFileAndTheFixture() throws {
        let dataDir = Fixtures.repoRoot.appendingPathComponent("data")
        for name in try FileManager.default.contentsOfDirectory(atPath: dataDir.path) where name.hasSuffix(".json") {
            let plan = try PlanFile.load(from: dataDir.appendingPathComponent(name))
            assertCanonical(plan, name)
            // And a saved plan reads back as written: the data files are in the canonical form already.
            XCTAssertEqual(PlanEncoder.encode(plan), Array(try Data(contentsOf: dataDir.appendingPathComponent(name))), name)
        }
        assertCanonical(Fixtures.samplePlan(), "fixture (measure, history with note, reviews, period, notes)")
    }

    func testEdgeShapesAndUnknownKeysAtEveryLevel() {
        var plan = Plan(id: "edge", title: "Quotes \" and \\ and \n and \u{1} and ✓")
        assertCanonical(plan, "no key issues")
        plan.keyIssues = [KeyIssue(number: 1, title: "Empty objectives")]
        plan.keyIssues.append(KeyIssue(number: 2, title: "K", objectives: [Objective(text: "no targets")]))
        var t = Target(id: "t1", text: "x")
        t.extras = [JSONMember("zzz", .array([.null, .bool(true), .number(1.5)])), JSONMember("aaa", .object([])), JSONMember("id2", .string("between id and leadOfficers"))]
        t.measure = Measure(unit: "%", actual: 2)
        t.measure?.extras = [JSONMember("b", .string("between baseline? no: after actual")), JSONMember("~", .null)]
        t.history = [HistoryEntry(when: "w", who: "jo", field: .comment, old: "", new: "n")]
        t.history[0].extras = [JSONMember("a", .number(JSONNumber(checkedText: "12345678901234567890"))), JSONMember("z", .object([JSONMember("y", .array([]))]))]
        plan.keyIssues[1].objectives[0].targets = [t, Target(id: "t2", text: "", leadOfficers: [])]
        plan.keyIssues[1].objectives[0].extras = [JSONMember("owner", .string("Jo")), JSONMember("", .string("empty key sorts first"))]
        plan.keyIssues[0].extras = [JSONMember("ragRating", .string("amber"))]
        plan.extras = [JSONMember("owner", .object([JSONMember("name", .string("Jo"))])), JSONMember("é", .number(1))]
        plan.period = Period(start: YearMonth(year: 2006, month: 4)!, end: YearMonth(year: 2007, month: 3)!)
        plan.period?.extras = [JSONMember("fiscal", .bool(true))]
        var review = Review(number: 1, asAt: Day(iso: "2007-01-31")!)
        review.closedAt = "c"
        var snap = TargetSnapshot(id: "t1", status: .met, comment: "", forecast: "")
        snap.extras = [JSONMember("rag", .string("green"))]
        review.snapshot = [snap]
        review.extras = [JSONMember("chair", .string("Cllr"))]
        plan.reviews = [review, Review(number: 2, asAt: Day(iso: "2007-02-28")!)]
        plan.nextTargetId = 3
        assertCanonical(plan, "extras at every level, empty arrays and strings")
    }

    func testAnOpenReviewHasNoSnapshotAndAClosedOneAlwaysHas() throws {
        var plan = Plan(id: "p", title: "P")
        plan.reviews = [Review(number: 1, asAt: Day(iso: "2007-01-31")!), Review(number: 2, asAt: Day(iso: "2007-02-28")!)]
        plan.reviews[0].closedAt = "2026-11-24T11:00:00Z"
        let tree = try JSONParser.parse(PlanEncoder.encode(plan))
        guard case .array(let reviews)? = tree["reviews"] else { return XCTFail("no reviews") }
        XCTAssertEqual(reviews[0]["snapshot"], .array([]))
        XCTAssertNil(reviews[1]["snapshot"], "an open review is written without a snapshot")
    }

    func testNumbersInUnknownKeysKeepTheirText() throws {
        let text = #"{"schemaVersion": 1, "id": "p", "title": "P", "keyIssues": [], "big": 12345678901234567890, "n": [2.50, -0.0, 1E2, 1e-7, 0.1]}"#
        let plan = try XCTUnwrap(PlanFile.decode(Array(text.utf8), file: "p.json", expectedID: nil).loaded?.plan)
        let saved = String(decoding: PlanEncoder.encode(plan), as: UTF8.self)
        XCTAssertTrue(saved.contains("\"big\": 12345678901234567890,"), saved)
        for literal in ["2.50", "-0.0", "1E2", "1e-7", "0.1"] { XCTAssertTrue(saved.contains("  \(literal)"), literal) }
    }
}
