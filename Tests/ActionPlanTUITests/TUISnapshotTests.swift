import ActionPlanCore
@testable import ActionPlanTUI
import XCTest

/// Every screen and box of the UI as a whole screen (text, styles and cursor) at 80×24, 120×40 and
/// 60×16, compared with the golden files in Snapshots/ (see Snapshot.swift; `make snapshots`
/// re-records them). The states are reached with keys, as a user would, from the sample plan.
final class TUISnapshotTests: XCTestCase {
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 60, height: 16)]

    /// The screens of one state built at each size (a state depends on its size: scrolling, paging).
    func check(_ name: String, plan: Plan = Sample.plan(), glyphs: Glyphs = .unicode, file: StaticString = #filePath, line: UInt = #line,
               _ build: (AppState) -> AppState) {
        var screens: [(String, Grid)] = []
        for size in Self.sizes {
            let state = build(Sample.opened(plan, size: size, glyphs: glyphs))
            let grid = render(state, size: size)
            grid.assertAligned(file: file, line: line)
            screens.append((name, grid))
        }
        Snapshot.assert(screens, named: name, file: file, line: line)
    }

    func onTarget(_ id: String, _ s: AppState) -> AppState {
        var s = moveTo(.target(id), in: s)
        s.message = nil
        return s
    }

    /// My targets (issue 12): GS's targets from the sample and a second plan, at each size.
    func checkMyTargets(_ name: String, officer: String = "GS", glyphs: Glyphs = .unicode, file: StaticString = #filePath, line: UInt = #line,
                        _ build: (AppState) -> AppState) {
        var screens: [(String, Grid)] = []
        for size in Self.sizes {
            let state = build(MyTargetsSample.state(officer: officer, size: size, glyphs: glyphs))
            let grid = render(state, size: size)
            grid.assertAligned(file: file, line: line)
            screens.append((name, grid))
        }
        Snapshot.assert(screens, named: name, file: file, line: line)
    }

    func testMyTargets() {
        let t3 = MyTargetsSample.item("disability", "t3")
        checkMyTargets("my-targets") { moveTo(t3, inMyTargets: $0) }
        checkMyTargets("my-targets-opened") { $0 } // as `actionplan --officer GS` opens: the count in the status line
        checkMyTargets("my-targets-ascii", glyphs: .ascii) { moveTo(t3, inMyTargets: $0) }
        checkMyTargets("my-targets-overdue") { send($0, .char("!")).0 }
        checkMyTargets("my-targets-forecast") { send(moveTo(t3, inMyTargets: $0), [.char("f")] + type("By March 2007")).0 }
        checkMyTargets("my-targets-nobody", officer: "Head of RH") { $0 }
        checkMyTargets("my-targets-picker") { s in
            var s = send(s, .escape).0 // the plans list, then o: every plan's officers
            s = update(s, .allPlansLoaded(MyTargetsSample.plans().map { Sample.loaded($0) }, unreadable: [])).0
            return send(s, type("g")).0
        }
    }

    func testPlansScreen() {
        check("plans") { s in
            var s = send(s, .char("q")).0 // from the plan back to the list (two plans: the sample and "Other plan 0")
            s.message = nil
            return s
        }
    }

    func testTree() {
        check("tree") { self.onTarget("t3", $0) }
        check("tree-issue") { s in var s = s; s.message = nil; return s }
        check("tree-detail-focus") { send(self.onTarget("t4", $0), .tab).0 }
        check("tree-filtered") { s in
            var s = send(s, .char("o")).0
            s = send(s, type("GS") + [.enter]).0
            return s
        }
        check("tree-ascii", glyphs: .ascii) { self.onTarget("t3", $0) }
    }

    func testBoxesOverTheTree() {
        check("editor") { send(self.onTarget("t1", $0), [.char("c")] + type(" More to say.")).0 }
        check("search") { send(self.onTarget("t1", $0), [.char("/")] + type("equality")).0 }
        check("officer-picker") { send(self.onTarget("t1", $0), .char("o"), .char("s")).0 }
        check("status-picker") { send(self.onTarget("t1", $0), .char("s"), .down, .char(" ")).0 }
        check("help") { send(self.onTarget("t1", $0), .char("?")).0 }
        check("help-scrolled") { send(self.onTarget("t1", $0), .char("?"), .pageDown).0 }
        check("start-review") { send(self.onTarget("t1", $0), .char("R")).0 }
        check("close-review", plan: TUIMeetingTests.planWithReviews()) { send(self.onTarget("t1", $0), .char("R")).0 }
        check("report") { send(self.onTarget("t1", $0), .char("r"), .down).0 }
        check("recovery") { s in
            let offer = EditRecovery(planID: "sample", targetID: "t2", field: .comment, text: "Half-written after the forum",
                                     who: "jo", when: "2007-01-15T10:00:00Z")
            return update(self.onTarget("t1", s), .session(.recoveryFound(offer))).0
        }
    }

    func testTreeEditBoxes() {
        check("add-target-form") { send(self.onTarget("t1", $0), [.char("a")] + type("Train managers on the duty") + [.tab] + type("c")).0 }
        check("officers-form") { send(self.onTarget("t1", $0), [.char("L"), .char("G"), .down]).0 }
        check("timescale-form") { send(self.onTarget("t2", $0), [.char("t"), .ctrl("a")] + type("Sept 07 ")).0 }
        check("add-key-issue-form") { send($0, [.char("A")] + type("Access to services")).0 }
        check("remove-objective") { send(self.onTarget("t1", $0), .up, .char("d")).0 }
        check("remove-target") { send(self.onTarget("t3", $0), .char("d")).0 }
        check("meeting-add-target", plan: TUIMeetingTests.planWithReviews()) {
            send(self.onTarget("t3", $0), [.char("M"), .char("+")] + type("Agreed: publish the results")).0
        }
    }

    func testMeeting() {
        let plan = TUIMeetingTests.planWithReviews()
        check("meeting", plan: plan) { send(self.onTarget("t3", $0), .char("M")).0 }
        check("meeting-not-met-prompt", plan: plan) { send(self.onTarget("t4", $0), .char("M"), .char("x")).0 }
        check("meeting-summary", plan: plan) { send(self.onTarget("t1", $0), .char("M"), .char("m"), .char("p"), .char("q")).0 }
        check("meeting-help", plan: plan) { send(self.onTarget("t1", $0), .char("M"), .char("?")).0 }
    }

    func testTooSmall() {
        let size = Size(width: 50, height: 12)
        let s = update(Sample.opened(), .resize(size)).0
        Snapshot.assert([("too small", render(s, size: size))], named: "too-small")
    }
}
