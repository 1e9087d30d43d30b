import ActionPlanCore
@testable import ActionPlanTUI
import XCTest

final class TUIRenderTests: XCTestCase {
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 60, height: 16)]

    func plansState() -> AppState {
        var s = AppState(options: Sample.options())
        s.plans = [
            PlanSummary(plan: Sample.plan(), asOf: Sample.asOf),
            PlanSummary(id: "broken", title: "broken", error: "broken.json: line 3, column 7: expected ',' or '}'"),
        ]
        return s
    }

    func testPlansScreenShowsTalliesPeriodAndErrors() {
        for size in Self.sizes {
            let grid = render(plansState(), size: size)
            grid.assertAligned()
            let text = grid.text
            XCTAssertTrue(grid.lines[0].contains("actionplan"), "\(size)")
            XCTAssertTrue(text.contains("2 plans in /tmp/plans"))
            XCTAssertTrue(text.contains("▶ Sample Equalities Action Plan 2006/07"))
            XCTAssertTrue(text.contains("16% met of 6  Apr 2006 – Mar 2007 · as at 2007-01-10") || size.width < 80, text)
            XCTAssertTrue(text.contains("    ✓ 1 met  ◐ 1 partly  ✗ 1 not met  · 3 not assessed  ⚠ 2 overdue") || size.width < 80, text)
            XCTAssertTrue(text.contains("    ✓ 1 met  ◐ 1 partly  ✗ 1 not met"), text)
            XCTAssertTrue(text.contains("16% met of 6"), text)
            XCTAssertTrue(text.contains("broken.json cannot be loaded"))
            XCTAssertTrue(text.contains("expected ','"))
            XCTAssertTrue(grid.lines.last!.contains("? help"))
        }
    }

    func testPlanScreenAt120x40HasTreeAndDetailSideBySide() {
        let s = moveTo(.target("t3"), in: Sample.opened(size: Size(width: 120, height: 40)))
        let grid = render(s, size: Size(width: 120, height: 40))
        grid.assertAligned()
        let lines = grid.lines
        XCTAssertTrue(lines[0].contains("Sample Equalities Action Plan 2006/07"))
        XCTAssertTrue(lines[0].contains("as at 10 January 2007"))
        XCTAssertTrue(lines[1].contains("✓ 1 met  ◐ 1 partly  ✗ 1 not met  · 3 not assessed  ⚠ 2 overdue  (6 targets)"), lines[1])
        XCTAssertEqual(lines[2], DisplayWidth.pad(" Plans › Sample Equalities Action Plan 2006/07 › Key Issue 1 › Objective 1 › Target t3", to: 120))
        // Roll-ups on Key Issues and objectives.
        XCTAssertTrue(grid.treeRow( "Key Issue 1: Leadership")!.contains("[1/4 met] ⚠ 1 overdue"))
        XCTAssertTrue(grid.treeRow( "1. Improve performance")!.contains("[1/3 met]"))
        XCTAssertTrue(grid.treeRow( "CCS2 Promote")!.contains("[0/1 met]"))
        XCTAssertTrue(grid.treeRow( "Key Issue 2: Employment")!.contains("[0/2 met] ⚠ 1 overdue"))
        // Target lines: status symbol and word, text, officers, due date, overdue mark.
        let t3 = grid.treeRow( "Contribute to achieving")!
        XCTAssertTrue(t3.contains("✗ Not met"))
        XCTAssertTrue(t3.contains("GS"))
        XCTAssertTrue(t3.contains("Apr 2006"))
        XCTAssertTrue(t3.contains("⚠"), "the overdue flag (its symbol alone: the tree is under 100 columns)")
        XCTAssertTrue(grid.treeRow( "Implement action plans")!.contains("✓ Met"))
        XCTAssertTrue(grid.treeRow( "All relevant contracts")!.contains("◐ Partly met"))
        XCTAssertTrue(grid.treeRow( "Actively engage")!.contains("· Not assessed"))
        XCTAssertTrue(grid.treeRow( "Actively engage")!.contains("ongoing"))
        XCTAssertFalse(grid.treeRow( "Actively engage")!.contains("overdue"))
        // The detail pane is beside the tree (after the divider).
        XCTAssertTrue(lines.contains { $0.contains("│ Target t3") })
        XCTAssertTrue(grid.text.contains("│ Status      ✗ Not met"))
        XCTAssertTrue(grid.text.contains("│ Lead        GS"))
        XCTAssertTrue(grid.text.contains("│ Time scale  April 06 — due 30 April 2006"))
        XCTAssertTrue(grid.text.contains("OVERDUE"))
        XCTAssertTrue(grid.text.contains("│ Comment     Delayed by the restructure."))
        XCTAssertTrue(grid.text.contains("│ Forecast    (none: f adds one)"))
        XCTAssertTrue(grid.lines.last!.contains("? help"))
        // The selected line is in reverse video.
        let row = lines.firstIndex { $0.hasPrefix("   ✗ Not met       Contribute to achieving") }!
        XCTAssertTrue(grid.rows[row][5].style.reverse)
        XCTAssertFalse(grid.rows[row - 1][5].style.reverse)
    }

    func testPlanScreenAt80x24StacksTheDetailBelowTheTree() {
        let s = moveTo(.target("t4"), in: Sample.opened(size: Size(width: 80, height: 24)))
        let grid = render(s, size: Size(width: 80, height: 24))
        grid.assertAligned()
        let lines = grid.lines
        let dividerRow = lines.firstIndex { $0.hasPrefix("── Details") }!
        XCTAssertEqual(dividerRow, 3 + 11)
        let below = lines[(dividerRow + 1)...].joined(separator: "\n")
        XCTAssertTrue(below.contains("Target t4"))
        XCTAssertTrue(below.contains("Status      ◐ Partly met"))
        XCTAssertTrue(below.contains("▼ more"), "the pane says there is more to scroll")
        XCTAssertTrue(lines[..<dividerRow].joined().contains("◐ Partly met"))
        // Scrolling the detail pane shows the measure.
        let scrolled = send(s, .tab, .pageDown).0
        let after = render(scrolled, size: Size(width: 80, height: 24)).text
        XCTAssertTrue(after.contains("Measure     baseline 40% · target 100% · actual 70% · (higher is better)"), after)
    }

    func testPlanScreenAt60x16() {
        let s = moveTo(.target("t5"), in: Sample.opened(size: Size(width: 60, height: 16)))
        let grid = render(s, size: Size(width: 60, height: 16))
        grid.assertAligned()
        XCTAssertTrue(grid.lines[1].contains("✓ 1 met"))
        XCTAssertTrue(grid.lines[2].contains("Target t5"))
        let t5 = grid.treeRow( "Ensure recruitment")!
        XCTAssertTrue(t5.contains("· Not assessed"))
        XCTAssertTrue(t5.contains("Sep 2006"))
        XCTAssertTrue(t5.contains("⚠"))
        XCTAssertTrue(grid.text.contains("Details"))
        XCTAssertTrue(grid.lines.last!.contains("? help"))
    }

    func testKeyIssueAndObjectiveDetails() {
        var s = Sample.opened()
        var grid = render(s, size: Size(width: 120, height: 40))
        XCTAssertTrue(grid.text.contains("│ Key Issue 1: Leadership and Corporate"))
        XCTAssertTrue(grid.text.contains("The Council recognises the need to lead."))
        XCTAssertTrue(grid.text.contains("Targets     4, [1/4 met]"))
        s = moveTo(.objective(0, 1), in: s)
        grid = render(s, size: Size(width: 120, height: 40))
        XCTAssertTrue(grid.text.contains("CCS2 Promote equality through procurement"))
        XCTAssertTrue(grid.text.contains("Expected    Contracts include equality"))
    }

    func testTheCouncilsStatusWordAndColumnsKeptByImportAreInTheDetailPane() {
        var plan = Sample.plan()
        plan.keyIssues[0].objectives[0].targets[0].extras = [
            JSONMember("statusAsWritten", .string("On track")),
            JSONMember("extra", .object([JSONMember("Budget", .string("£20,000")), JSONMember("Ref", .string("A\u{1B}]0;x\u{07}1"))])),
        ]
        let s = moveTo(.target("t1"), in: Sample.opened(plan))
        let lines = render(s, size: Size(width: 120, height: 40)).lines
        XCTAssertTrue(lines.contains { $0.contains("Status      ✓ Met  (as written: On track)") }, lines.joined(separator: "\n"))
        XCTAssertTrue(lines.contains { $0.contains("Imported    Budget: £20,000") }, lines.joined(separator: "\n"))
        XCTAssertTrue(lines.contains { $0.contains("            Ref: A␛]0;x␇1") }, "one label, the text cleaned")
    }

    func testHistoryIsShownLatestFirst() {
        var plan = Sample.plan()
        plan.keyIssues[0].objectives[0].targets[0].history.append(
            HistoryEntry(when: "2006-10-02T09:30:00Z", who: "sam", field: .comment, old: "", new: "All action plans in place.", note: "undo"))
        let s = moveTo(.target("t1"), in: Sample.opened(plan))
        let lines = render(s, size: Size(width: 120, height: 40)).lines
        let jo = lines.firstIndex { $0.contains("• 2006-09-01 10:00 UTC jo status: · Not") }
        let sam = lines.firstIndex { $0.contains("• 2006-10-02 09:30 UTC sam comment: “All") }
        XCTAssertNotNil(jo)
        XCTAssertNotNil(sam)
        XCTAssertLessThan(sam ?? 99, jo ?? 0, "latest first")
        XCTAssertTrue(lines.contains { $0.contains("History (latest first, 2 in all)") })
        XCTAssertTrue(lines.joined().contains("(undo)"))
    }

    func testHelpListsEveryKeyFromTheKeyTable() {
        var s = send(Sample.opened(), .char("?")).0
        let tall = Size(width: 120, height: 320) // every key on one screen, meeting mode's and the boxes' too
        s = update(s, .resize(tall)).0
        let text = render(s, size: tall).text
        for binding in KeyTable.bindings {
            XCTAssertTrue(text.contains(binding.keyNames), "help lacks \(binding.keyNames)")
            XCTAssertTrue(text.contains(binding.help), "help lacks \(binding.help)")
        }
        XCTAssertTrue(text.contains("Status (on a target)"))
        s = send(s, .escape).0
        XCTAssertEqual(s.mode, .normal)
        // At 60x16 the help scrolls.
        var small = update(send(Sample.opened(), .char("?")).0, .resize(Size(width: 60, height: 16))).0
        let first = render(small, size: Size(width: 60, height: 16))
        first.assertAligned()
        small = send(small, .char("G")).0
        let last = render(small, size: Size(width: 60, height: 16)).text
        XCTAssertTrue(last.contains("Quit at once"))
        XCTAssertFalse(first.text.contains("Quit at once"))
    }

    func testTooSmallShowsOnlyTheMessageAndRecovers() {
        let s = Sample.opened()
        let grid = render(s, size: Size(width: 59, height: 16))
        XCTAssertEqual(grid.lines[0], DisplayWidth.pad("terminal too small (need 60×16)", to: 59))
        XCTAssertTrue(grid.lines[1...].allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty })
        XCTAssertTrue(render(s, size: Size(width: 80, height: 15)).lines[0].hasPrefix("terminal too small"))
        let narrow = render(s, size: Size(width: 10, height: 3))
        XCTAssertEqual(narrow.lines, ["terminal  ", "too small ", "(need     "])
        narrow.assertAligned()
        XCTAssertTrue(render(s, size: Size(width: 60, height: 16)).lines[0].contains("Sample"), "recovers when enlarged")
    }

    func testTinyAndEmptySizesDoNotCrash() {
        for size in [Size(width: 1, height: 1), Size(width: 0, height: 0), Size(width: 0, height: 5), Size(width: 5, height: 0), Size(width: -3, height: -3)] {
            for state in [Sample.opened(), plansState(), send(Sample.opened(), .char("?")).0, send(moveTo(.target("t1"), in: Sample.opened()), .char("c")).0] {
                let grid = render(state, size: size)
                XCTAssertEqual(grid.rows.count, size.height)
            }
        }
        XCTAssertEqual(render(Sample.opened(), size: Size(width: 1, height: 1)).lines, ["t"])
    }

    func testOverlaysStayAlignedAtEverySize() {
        let base = moveTo(.target("t6"), in: Sample.opened())
        let states = [send(base, .char("c")).0, send(base, .char("o")).0, send(base, .char("s")).0, send(base, .char("?")).0, send(base, .char("/")).0]
        for size in Self.sizes {
            for s in states {
                var sized = update(s, .resize(size)).0
                sized = update(sized, .tick(now: 0)).0
                render(sized, size: size).assertAligned()
            }
        }
    }

    func testASCIIModeUsesASCIISymbolsAndBoxLines() {
        var s = moveTo(.target("t3"), in: Sample.opened(glyphs: .ascii))
        var grid = render(s, size: Size(width: 120, height: 40))
        for line in grid.lines { XCTAssertTrue(line.unicodeScalars.allSatisfy(\.isASCII), line) }
        XCTAssertTrue(grid.treeRow( "Contribute to")!.contains("[N] Not met"))
        XCTAssertTrue(grid.treeRow( "Implement action")!.contains("[Y] Met"))
        XCTAssertTrue(grid.treeRow( "All relevant")!.contains("[P] Partly met"))
        XCTAssertTrue(grid.treeRow( "Actively engage")!.contains("[ ] Not assessed"))
        XCTAssertTrue(grid.treeRow( "Contribute to")!.hasSuffix("! "), "the overdue flag, its symbol alone in a tree under 100 columns")
        XCTAssertTrue(grid.text.contains("|"), grid.text)
        s = send(s, .char("o")).0
        grid = render(s, size: Size(width: 120, height: 40))
        XCTAssertTrue(grid.text.contains("+- Officer filter -"), grid.text)
        for line in grid.lines { XCTAssertTrue(line.unicodeScalars.allSatisfy(\.isASCII), line) }
        XCTAssertTrue(render(Sample.opened(glyphs: .ascii), size: Size(width: 40, height: 10)).lines[0].contains("60x16"))
    }

    func testASCIIModeSaysAStatusChangeWithAnASCIIArrow() {
        let s = send(moveTo(.target("t3"), in: Sample.opened(glyphs: .ascii)), .char("m")).0
        let bottom = render(s, size: Size(width: 80, height: 24)).lines.last ?? ""
        XCTAssertTrue(bottom.contains("t3: [N] Not met -> [Y] Met"), bottom)
    }
}
