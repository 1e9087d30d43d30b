import XCTest
@testable import ActionPlanCore

/// The direct writer must give exactly the bytes of the tree path (PlanEncoder + JSONWriter).
final class PlanWriterTests: XCTestCase {
    private func assertSameBytes(_ plan: Plan, _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        let tree = JSONWriter.serialize(PlanEncoder.encode(plan))
        let direct = PlanWriter.encode(plan)
        XCTAssertEqual(String(decoding: direct, as: UTF8.self), String(decoding: tree, as: UTF8.self), label, file: file, line: line)
    }

    func testEveryDataFileAndTheFixture() throws {
        let dataDir = Fixtures.repoRoot.appendingPathComponent("data")
        for name in try FileManager.default.contentsOfDirectory(atPath: dataDir.path) where name.hasSuffix(".json") {
            let plan = try PlanFile.load(from: dataDir.appendingPathComponent(name))
            assertSameBytes(plan, name)
            // And a saved plan reads back as written: the data files are in the canonical form already.
            XCTAssertEqual(PlanWriter.encode(plan), Array(try Data(contentsOf: dataDir.appendingPathComponent(name))), name)
        }
        assertSameBytes(Fixtures.samplePlan(), "fixture (measure, history with note, reviews, period, notes)")
    }

    func testEdgeShapes() {
        var plan = Plan(id: "edge", title: "Quotes \" and \\ and \n and \u{1} and ✓")
        assertSameBytes(plan, "no key issues")
        plan.keyIssues = [KeyIssue(number: 1, title: "Empty objectives")]
        plan.keyIssues.append(KeyIssue(number: 2, title: "K", objectives: [Objective(text: "no targets")]))
        var t = Target(id: "t1", text: "x")
        t.extras = [JSONMember("zzz", .array([.null, .bool(true), .number(1.5)])), JSONMember("aaa", .object([]))]
        plan.keyIssues[1].objectives[0].targets = [t, Target(id: "t2", text: "", leadOfficers: [])]
        plan.keyIssues[0].extras = [JSONMember("ragRating", .string("amber"))]
        plan.extras = [JSONMember("owner", .object([JSONMember("name", .string("Jo"))]))]
        assertSameBytes(plan, "extras at several levels, empty arrays and strings")
    }
}
