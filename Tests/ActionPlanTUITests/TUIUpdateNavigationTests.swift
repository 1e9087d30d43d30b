import ActionPlanCore
@testable import ActionPlanTUI
import XCTest

final class TUIUpdateNavigationTests: XCTestCase {
    func testOpeningShowsEverythingExpandedWithTheCursorOnTheFirstKeyIssue() {
        let s = Sample.opened()
        XCTAssertEqual(s.screen, .plan)
        XCTAssertEqual(s.doc?.cursor, .issue(0))
        let rows = s.doc!.visibleRows(asOf: Sample.asOf).map(\.node)
        XCTAssertEqual(rows, [.issue(0), .objective(0, 0), .target("t1"), .target("t2"), .target("t3"),
                              .objective(0, 1), .target("t4"), .issue(1), .objective(1, 0), .target("t5"), .target("t6")])
    }

    func testMoveDownUpAndBothArrowAndVimKeys() {
        var s = Sample.opened()
        s = send(s, .down, .char("j")).0
        XCTAssertEqual(s.doc?.cursor, .target("t1"))
        s = send(s, .char("k")).0
        XCTAssertEqual(s.doc?.cursor, .objective(0, 0))
        s = send(s, .up, .up, .up).0
        XCTAssertEqual(s.doc?.cursor, .issue(0), "stops at the top")
    }

    func testTopBottomAndPaging() {
        var s = Sample.opened(size: Size(width: 80, height: 24))
        s = send(s, .char("G")).0
        XCTAssertEqual(s.doc?.cursor, .target("t6"))
        s = send(s, .home).0
        XCTAssertEqual(s.doc?.cursor, .issue(0))
        s = send(s, .end).0
        XCTAssertEqual(s.doc?.cursor, .target("t6"))
        s = send(s, .char("g"), .pageDown).0
        // 80x24 is narrow: the tree has 11 rows, so a page moves 10 lines: from the first line to the 11th.
        XCTAssertEqual(s.doc?.cursor, .target("t6"))
        s = send(s, .pageUp).0
        XCTAssertEqual(s.doc?.cursor, .issue(0))
    }

    func testCollapseAndExpandAndGoToParent() {
        var s = Sample.opened()
        s = send(s, .down).0 // objective 0,0
        s = send(s, .left).0
        XCTAssertFalse(s.doc!.expanded.contains(.objective(0, 0)))
        XCTAssertFalse(s.doc!.visibleRows(asOf: Sample.asOf).contains { $0.node == .target("t1") })
        s = send(s, .char("l")).0
        XCTAssertTrue(s.doc!.expanded.contains(.objective(0, 0)))
        s = send(s, .right).0
        XCTAssertEqual(s.doc?.cursor, .target("t1"), "→ on an expanded line goes into it")
        s = send(s, .char("h")).0
        XCTAssertEqual(s.doc?.cursor, .objective(0, 0), "← on a target goes to its objective")
        s = send(s, .escape, .escape).0 // collapses the objective, then goes up to its Key Issue
        XCTAssertEqual(s.doc?.cursor, .issue(0))
        XCTAssertFalse(s.doc!.expanded.contains(.objective(0, 0)))
        XCTAssertTrue(s.doc!.expanded.contains(.issue(0)))
        s = send(s, .escape).0
        XCTAssertFalse(s.doc!.expanded.contains(.issue(0)))
        s = send(s, .enter).0
        XCTAssertTrue(s.doc!.expanded.contains(.issue(0)))
    }

    func testEnterOnATargetExplainsTheKeys() {
        var s = moveTo(.target("t2"), in: Sample.opened())
        s = send(s, .enter).0
        XCTAssertEqual(s.doc?.cursor, .target("t2"))
        XCTAssertTrue(s.message!.text.contains("m met"))
    }

    func testBackAtTheTopReturnsToThePlansListWhenThereAreSeveral() {
        var s = Sample.opened()
        s = send(s, .left).0 // collapse issue 0
        s = send(s, .left).0 // at the top: back to the plans list
        XCTAssertEqual(s.screen, .plans)
        XCTAssertNil(s.doc)
        XCTAssertEqual(s.plans[s.plansCursor].id, "sample")
    }

    func testQuitGoesBackToThePlansListFirstThenQuits() {
        var (s, fx) = send(Sample.opened(), .char("q"))
        XCTAssertEqual(s.screen, .plans)
        XCTAssertTrue(fx.allSatisfy(\.isSession), "only the presence marker is removed: \(fx)")
        (s, fx) = send(s, .char("q"))
        XCTAssertTrue(fx.contains { $0.isQuit })
    }

    func testQuitWithOnlyOnePlanQuitsAtOnce() {
        let (_, fx) = send(Sample.opened(otherPlans: 0), .char("q"))
        XCTAssertTrue(fx.contains { $0.isQuit })
    }

    func testCtrlCAndSignalsQuitFromAnywhere() {
        var s = moveTo(.target("t1"), in: Sample.opened())
        s = send(s, .char("c")).0 // in the editor
        XCTAssertTrue(send(s, .ctrl("c")).1.contains { $0.isQuit })
        XCTAssertTrue(update(s, .signal).1.contains { $0.isQuit })
    }

    func testPlansScreenMovesAndOpens() {
        var s = AppState(options: Sample.options())
        s.plans = [PlanSummary(id: "a", title: "A"), PlanSummary(id: "b", title: "B"), PlanSummary(id: "bad", title: "bad", error: "bad.json: line 1, column 1: expected a value")]
        var fx: [Effect]
        (s, fx) = send(s, .down, .enter)
        guard case .openPlan("b")? = fx.first else { return XCTFail("expected openPlan(b), got \(fx)") }
        (s, fx) = send(s, .char("j"), .enter)
        XCTAssertTrue(fx.isEmpty, "a file that failed to load is not opened")
        XCTAssertTrue(s.message!.isError)
        XCTAssertTrue(s.message!.text.contains("expected a value"))
        (s, fx) = send(s, .char("m"))
        XCTAssertTrue(s.message!.text.contains("Open a plan first"))
    }

    func testTabMovesFocusToTheDetailPaneWhichThenScrolls() {
        var s = moveTo(.target("t1"), in: Sample.opened(size: Size(width: 60, height: 16)))
        s = send(s, .tab).0
        XCTAssertEqual(s.doc?.focus, .detail)
        s = send(s, .down, .down).0
        XCTAssertEqual(s.doc?.cursor, .target("t1"), "the tree cursor stays")
        XCTAssertEqual(s.doc?.detailScroll, 2)
        s = send(s, .char("g")).0
        XCTAssertEqual(s.doc?.detailScroll, 0)
        s = send(s, .escape).0
        XCTAssertEqual(s.doc?.focus, .tree)
    }

    func testResizeKeepsTheCursorVisible() {
        var s = Sample.opened(size: Size(width: 120, height: 40))
        s = send(s, .char("G")).0
        s = update(s, .resize(Size(width: 60, height: 16))).0
        let layout = Layout(s.size)
        let index = s.doc!.visibleRows(asOf: Sample.asOf).firstIndex { $0.node == s.doc!.cursor }!
        XCTAssertTrue((s.doc!.treeScroll..<(s.doc!.treeScroll + layout.tree.height)).contains(index))
    }

    func testOfficerOptionStartsFiltered() {
        let s = Sample.opened(officer: "gs")
        XCTAssertEqual(s.doc?.filters.officer, "gs")
        let targets = s.doc!.visibleRows(asOf: Sample.asOf).compactMap { row -> String? in
            if case .target(let id) = row.node { return id }
            return nil
        }
        XCTAssertEqual(targets, ["t1", "t3"])
    }

    func testTickChecksTheDiskAtMostEveryTwoSeconds() {
        var s = Sample.opened()
        var fx: [Effect]
        (s, fx) = update(s, .tick(now: 100))
        XCTAssertEqual(fx.count, 2, "the disk, and who else has the plan open")
        guard case .checkDisk("sample", _, 100)? = fx.first, fx[1].isSession else { return XCTFail("\(fx)") }
        (s, fx) = update(s, .tick(now: 101))
        XCTAssertTrue(fx.isEmpty)
        (s, fx) = update(s, .tick(now: 102.5))
        XCTAssertEqual(fx.count, 2)
    }
}
