@testable import ActionPlanTUI
import ActionPlanCore
import XCTest

/// Issue 12: the screen at 80×24 for everyone — nothing cut that carries meaning.
final class TUIAccessibilityTests: XCTestCase {
    private let small = Size(width: 80, height: 24)

    /// A message longer than the status bar is shown in full, wrapped upwards, its last line on the
    /// status row; the key hint is cut only between whole items.
    func testLongStatusMessagesWrapInsteadOfBeingCut() {
        var state = Sample.opened(size: small)
        let long = "Cannot save t3: the plan file changed on disk while you were editing and the change could not be merged; press w to retry or u to undo your change"
        state.message = Message(long, isError: true)
        let grid = render(state, size: small)
        grid.assertAligned()
        let bottom = grid.lines.suffix(3).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        XCTAssertTrue(bottom.contains(long), bottom)
        XCTAssertTrue(grid.lines[23].contains("? help"), grid.lines[23])

        state.message = nil
        let hint = render(state, size: Size(width: 60, height: 16)).lines[15]
        XCTAssertTrue(hint.contains("c comment"), hint)
        let items = hint.components(separatedBy: "? help")[0].trimmingCharacters(in: .whitespaces).components(separatedBy: " · ")
        let full = ["m met", "x not met", "p partly", "c comment", "f forecast", "u undo", "/ search", "o officer", "q back"]
        XCTAssertEqual(items.last, "q back", "the way out is always shown: \(hint)")
        XCTAssertEqual(items.dropLast(), full.prefix(items.count - 1), "whole items only: \(hint)")
    }

    /// The plans screen shows every plan's id whole at 80 (and 60) columns: the title is cut instead.
    func testPlansScreenNeverCutsThePlanID() {
        var state = AppState(options: Sample.options())
        state.plans = [
            PlanSummary(id: "luton-disability-equality-2008", title: "Luton Borough Council Disability Equality Scheme Action Plan: Progress Report January 2008"),
            PlanSummary(id: "cumbria-childrens-services-2012-13", title: "Cumbria County Council Children's Services Directorate Equality Action Plan 2012-13"),
        ]
        for size in [small, Size(width: 60, height: 16)] {
            state = update(state, .resize(size)).0
            let grid = render(state, size: size)
            grid.assertAligned()
            XCTAssertNotNil(grid.row(containing: "luton-disability-equality-2008"), grid.text)
            XCTAssertNotNil(grid.row(containing: "cumbria-childrens-services-2012-13"), grid.text)
            XCTAssertNotNil(grid.row(containing: "Luton Borough Council"), grid.text)
        }
    }

    /// Meeting mode lists every lead officer (one to a line), not a line cut after the first names;
    /// when the screen has no room left it says how many more there are.
    func testMeetingShowsEveryLeadOfficer() {
        var plan = Sample.plan()
        let names = ["Trevor Morrow", "Michael McMahon", "Seona Gordon", "Sandra Legate, Head of Service Development and Planning"]
        plan.keyIssues[0].objectives[0].targets[0].leadOfficers = names
        for size in [small, Size(width: 120, height: 40)] {
            let s = send(Sample.opened(plan, size: size), .char("M")).0
            let grid = render(s, size: size)
            grid.assertAligned()
            for name in names { XCTAssertTrue(grid.text.contains(name), "\(size): \(name) missing\n\(grid.text)") }
            XCTAssertTrue(grid.text.contains("Lead officers  Trevor Morrow"), grid.text)
        }
        let tiny = Size(width: 60, height: 16)
        let grid = render(send(Sample.opened(plan, size: tiny), .char("M")).0, size: tiny)
        grid.assertAligned()
        XCTAssertTrue(grid.text.contains("Trevor Morrow"), grid.text)
        XCTAssertTrue(grid.text.contains("more)") || grid.text.contains("Sandra Legate"), grid.text)
    }

    // MARK: - The terminal cursor on what is selected

    private func focusedLine(_ grid: Grid, file: StaticString = #filePath, line: UInt = #line) -> String {
        guard let f = grid.focus else { XCTFail("no focus", file: file, line: line); return "" }
        XCTAssertNil(grid.cursor, "no caret on this screen", file: file, line: line)
        return grid.lines[f.row]
    }

    /// Issue 12: the cursor rests at the start of the selected line on every screen (a screen reader
    /// reads there), and follows the selection; never parked at the bottom-right corner.
    func testTheCursorRestsOnWhatIsSelectedOnEveryScreen() {
        for size in [small, Size(width: 120, height: 40)] {
            // Plans: the selected plan's title line.
            var plans = AppState(options: Sample.options())
            plans.plans = [PlanSummary(plan: Sample.plan(), asOf: Sample.asOf), PlanSummary(id: "other", title: "Other plan")]
            plans = update(plans, .resize(size)).0
            XCTAssertTrue(focusedLine(render(plans, size: size)).contains("Sample Equalities"))
            plans = send(plans, .down).0
            XCTAssertTrue(focusedLine(render(plans, size: size)).contains("Other plan"))

            // Tree: the selected row, from its first column; it follows j.
            var s = moveTo(.target("t2"), in: Sample.opened(size: size))
            var grid = render(s, size: size)
            XCTAssertTrue(focusedLine(grid).contains("Actively engage"), focusedLine(grid))
            XCTAssertEqual(grid.focus?.column, 0)
            XCTAssertTrue(grid.rows[grid.focus!.row][2].style.reverse, "the focus row is the highlighted row")
            s = send(s, .char("j")).0
            XCTAssertTrue(focusedLine(render(s, size: size)).contains("Contribute to achieving"))

            // Detail pane focused: its first line.
            let detail = send(s, .tab).0
            grid = render(detail, size: size)
            let f = grid.focus!
            XCTAssertGreaterThanOrEqual(f.column, Layout(size).detail.column)
            XCTAssertGreaterThan(f.row, Layout(size).detail.row - 1)

            // Help: its first line.
            grid = render(send(s, .char("?")).0, size: size)
            XCTAssertTrue(focusedLine(grid).contains("Keys"), focusedLine(grid))

            // Status picker: the highlighted choice, and it follows ↓.
            var picker = send(s, .char("s")).0
            XCTAssertTrue(focusedLine(render(picker, size: size)).contains("Any status"))
            picker = send(picker, .down).0
            XCTAssertTrue(focusedLine(render(picker, size: size)).contains("Met"), focusedLine(render(picker, size: size)))

            // Meeting: the target being discussed; the summary: its heading.
            var meeting = send(s, .char("M")).0
            meeting.message = nil
            XCTAssertTrue(focusedLine(render(meeting, size: size)).contains("Contribute to achieving"))
            meeting = send(meeting, .char(" ")).0
            XCTAssertTrue(focusedLine(render(meeting, size: size)).contains("All relevant contracts"))
            meeting = send(meeting, .char("q")).0
            XCTAssertTrue(focusedLine(render(meeting, size: size)).contains("MEETING SUMMARY"))
        }
        // Too small: the top-left corner, where the message is.
        let tiny = render(Sample.opened(), size: Size(width: 40, height: 10))
        XCTAssertEqual(tiny.focus?.row, 0)
        XCTAssertEqual(tiny.focus?.column, 0)
    }

    // MARK: - Screen reader and themes

    private func states(_ options: (inout AppOptions) -> Void, size: Size) -> [AppState] {
        var plan = Sample.plan()
        plan.keyIssues[0].objectives[0].text = "Improve performance on the duty to promote equality, so as to ensure that appropriate action is taken to eliminate unlawful discrimination and promote equality of opportunity"
        var s = Sample.opened(plan, size: size)
        options(&s.options)
        s = moveTo(.target("t2"), in: s)
        var plans = s
        plans.screen = .plans
        plans.doc = nil
        let meeting = send(s, .char("M")).0
        return [plans, s, send(s, .char("s")).0, send(s, .char("?")).0, meeting, send(meeting, .char("q")).0, send(s, .tab).0]
    }

    /// `--screen-reader`: no box lines, dividers, bar charts or strip cells anywhere; their meaning in words.
    func testScreenReaderModeHasNoDecorationAndSaysTalliesInWords() {
        for size in [small, Size(width: 120, height: 40)] {
            for state in states({ $0.screenReader = true }, size: size) {
                let grid = render(state, size: size)
                grid.assertAligned()
                for line in grid.lines {
                    XCTAssertFalse(line.unicodeScalars.contains { (0x2500...0x259F).contains($0.value) || "■□▣".unicodeScalars.contains($0) },
                                   "decoration for a screen reader to read out: \(line)")
                }
            }
            let all = states({ $0.screenReader = true }, size: size)
            XCTAssertTrue(render(all[0], size: size).text.contains("1 of 6 met"), render(all[0], size: size).text)
            XCTAssertTrue(render(all[4], size: size).text.contains("1 of 4 met"), render(all[4], size: size).text)
            // Without the mode the bar charts are there.
            XCTAssertTrue(render(states({ _ in }, size: size)[0], size: size).text.contains("█"))
        }
    }

    /// High-contrast and projector themes: no dim text on any screen (the meeting's Key Issue,
    /// objective and key hints were ESC[2m); statuses are bold.
    func testHighContrastAndProjectorThemesHaveNoDimText() {
        for theme in [Theme.highContrast, .projector] {
            for state in states({ $0.theme = theme }, size: small) {
                let grid = render(state, size: small)
                for (y, row) in grid.rows.enumerated() {
                    for cell in row { XCTAssertFalse(cell.style.dim || cell.style.role == .dim, "\(theme): dim on row \(y): \(grid.lines[y])") }
                }
            }
        }
        let standard = render(states({ _ in }, size: small)[4], size: small)
        XCTAssertTrue(standard.rows.contains { $0.contains { $0.style.dim } }, "the default theme does dim the meeting's breadcrumbs")
    }

    /// On a projector at 200×50 the meeting uses the width: the objective in full, not cut.
    func testProjectorMeetingShowsTheObjectiveInFull() {
        let size = Size(width: 200, height: 50)
        let meeting = states({ $0.theme = .projector }, size: size)[4]
        let text = render(meeting, size: size).lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        XCTAssertTrue(text.contains("appropriate action is taken to eliminate unlawful discrimination and promote equality of opportunity"), text)
    }
}
