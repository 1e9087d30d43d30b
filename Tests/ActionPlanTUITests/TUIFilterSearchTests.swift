import ActionPlanCore
@testable import ActionPlanTUI
import XCTest

final class TUIFilterSearchTests: XCTestCase {
    func visibleTargets(_ s: AppState) -> [String] {
        s.doc!.visibleRows(asOf: Sample.asOf).compactMap { row in
            if case .target(let id) = row.node { return id }
            return nil
        }
    }

    func testOverdueOnlyTogglesAndShowsInTheHeader() {
        var s = Sample.opened()
        s = send(s, .char("!")).0
        XCTAssertEqual(visibleTargets(s), ["t3", "t5"])
        XCTAssertEqual(s.message?.text, "2 targets match: overdue")
        let grid = render(s, size: Size(width: 120, height: 40))
        XCTAssertTrue(grid.lines[1].contains("Filter: overdue"), grid.lines[1])
        XCTAssertTrue(grid.lines[1].contains("✗ 1 not met"), "tallies are for the current view")
        XCTAssertTrue(grid.lines[1].contains("(2 targets)"))
        s = send(s, .char("!")).0
        XCTAssertEqual(visibleTargets(s).count, 6)
    }

    func testOfficerPickerNarrowsByTypingAndApplies() {
        var s = Sample.opened()
        s = send(s, .char("o")).0
        guard case .officerPicker = s.mode else { return XCTFail("no picker") }
        var grid = render(s, size: Size(width: 120, height: 40))
        XCTAssertTrue(grid.text.contains("Officer filter"))
        XCTAssertTrue(grid.text.contains("GS  (2)"))
        XCTAssertTrue(grid.text.contains("Jo Fisher, Service Manager  (1)"))
        s = send(s, type("g")).0
        grid = render(s, size: Size(width: 120, height: 40))
        XCTAssertTrue(grid.text.contains("GS  (2)"))
        XCTAssertFalse(grid.text.contains("CSO  (2)"))
        s = send(s, .enter).0
        XCTAssertEqual(s.mode, .normal)
        XCTAssertEqual(s.doc?.filters.officer, "GS")
        XCTAssertEqual(visibleTargets(s), ["t1", "t3"])
        grid = render(s, size: Size(width: 120, height: 40))
        XCTAssertTrue(grid.lines[1].contains("Filter: officer “GS”"), grid.lines[1])
    }

    func testOfficerPickerAppliesTypedWordsWhenNoNameContainsThem() {
        var s = Sample.opened()
        s = send(s, [.char("o")] + type("manager fisher") + [.enter]).0
        XCTAssertEqual(s.doc?.filters.officer, "manager fisher")
        XCTAssertEqual(visibleTargets(s), [], "OfficerQuery wants a run of whole words, in order")
        s = send(s, [.char("o")] + type("jo fisher") + [.down, .up, .enter]).0
        XCTAssertEqual(s.doc?.filters.officer, "jo fisher", "the first line is what was typed")
        XCTAssertEqual(visibleTargets(s), ["t6"])
        s = send(s, .char("o"), .up, .enter).0
        XCTAssertEqual(s.doc?.filters.officer, nil, "with nothing typed, the first line is All officers")
        s = send(s, [.char("o")] + type("jo fisher") + [.enter]).0
        XCTAssertEqual(s.doc?.filters.officer, "Jo Fisher, Service Manager")
        XCTAssertEqual(visibleTargets(s), ["t6"])
    }

    func testStatusPickerChoosesOneOrSeveral() {
        var s = Sample.opened()
        s = send(s, .char("s"), .down, .enter).0 // highlighted: Met
        XCTAssertEqual(s.doc?.filters.statuses, [.met])
        XCTAssertEqual(visibleTargets(s), ["t1"])
        s = send(s, .char("s"), .char("x"), .char("p"), .enter).0 // tick not met and partly (met stays ticked)
        XCTAssertEqual(s.doc?.filters.statuses, [.met, .notMet, .partiallyMet])
        XCTAssertEqual(visibleTargets(s), ["t1", "t3", "t4"])
        let grid = render(s, size: Size(width: 120, height: 40))
        XCTAssertFalse(grid.lines[1].contains("Filter"), "too long to fit beside the tallies")
        XCTAssertTrue(grid.lines[2].hasSuffix("Filter: Met or Partly met or Not met (* clears) "), grid.lines[2])
        XCTAssertTrue(grid.lines[2].hasPrefix(" Plans › "), grid.lines[2])
        s = send(s, .char("s"), .escape).0
        XCTAssertEqual(s.doc?.filters.statuses.count, 3, "Esc changes nothing")
    }

    func testClearFiltersShowsEverythingAgain() {
        var s = Sample.opened(officer: "wc")
        s = send(s, .char("!")).0
        XCTAssertEqual(visibleTargets(s), ["t5"])
        s = send(s, .char("*")).0
        XCTAssertEqual(visibleTargets(s).count, 6)
        XCTAssertTrue(s.doc!.filters.isEmpty)
    }

    func testAFilterHidingTheCursorMovesItToTheNextVisibleLine() {
        var s = moveTo(.target("t2"), in: Sample.opened())
        s = send(s, .char("!")).0
        XCTAssertEqual(s.doc?.cursor, .target("t3"))
    }

    func testFilterMatchingNothingSaysSo() {
        var s = Sample.opened()
        s = send(s, [.char("o")] + type("nobody") + [.enter]).0
        let grid = render(s, size: Size(width: 80, height: 24))
        XCTAssertTrue(grid.text.contains("No targets match the filters (* clears them)."))
        XCTAssertTrue(s.message!.text.hasPrefix("0 targets match"))
    }

    func testSearchFindsTargetsObjectivesAndCommentsAndNCycles() {
        var s = Sample.opened()
        s = send(s, [.char("/")] + type("EQUALITY") + [.enter]).0
        // "equality": t1 text, objective (0,0) text, objective (0,1) text + expected outcome, t3 text ("Equality Standard"), t4 text.
        XCTAssertEqual(s.doc?.cursor, .objective(0, 0))
        XCTAssertEqual(s.message?.text, "Match 1 of 5 for “EQUALITY” (n next, N previous)")
        s = send(s, .char("n")).0
        XCTAssertEqual(s.doc?.cursor, .target("t1"))
        s = send(s, .char("n"), .char("n"), .char("n")).0
        XCTAssertEqual(s.doc?.cursor, .target("t4"))
        s = send(s, .char("n")).0
        XCTAssertEqual(s.doc?.cursor, .objective(0, 0), "wraps around")
        s = send(s, .char("N")).0
        XCTAssertEqual(s.doc?.cursor, .target("t4"), "N goes back, wrapping")
        let grid = render(s, size: Size(width: 120, height: 40))
        XCTAssertTrue(grid.lines[1].contains("Search “EQUALITY”"))
    }

    func testSearchInCommentsRevealsCollapsedLines() {
        var s = Sample.opened()
        s = send(s, .left).0 // collapse Key Issue 1
        s = send(s, [.char("/")] + type("restructure") + [.enter]).0
        XCTAssertEqual(s.doc?.cursor, .target("t3"))
        XCTAssertTrue(s.doc!.expanded.contains(.issue(0)))
        s = send(s, [.char("/")] + type("zzz") + [.enter]).0
        XCTAssertEqual(s.message?.text, "No match for “zzz”")
        XCTAssertEqual(s.doc?.cursor, .target("t3"))
    }

    func testNWithoutASearch() {
        let s = send(Sample.opened(), .char("n")).0
        XCTAssertEqual(s.message?.text, "No search yet: press / to search")
    }

    func testSearchPromptShowsInTheStatusBar() {
        let s = send(Sample.opened(), [.char("/")] + type("fost")).0
        let grid = render(s, size: Size(width: 80, height: 24))
        XCTAssertTrue(grid.lines.last!.hasPrefix("/fost"))
        XCTAssertEqual(grid.cursor?.row, 23)
        XCTAssertEqual(grid.cursor?.column, 5)
    }
}
