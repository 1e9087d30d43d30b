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
}
