import Foundation
import XCTest

/// My targets (issue 12) in a real terminal: `actionplan --officer JC` over two of the sample plans
/// (JC leads a target in each), the cursor on the selected line, `m` saved to the right plan's file,
/// and `o` on the plans list. Everything else about the view is tested in-process (TUIMyTargetsTests).
final class UIMyTargetsEndToEndTests: TmuxTestCase {
    override class var samplePlans: [String] { ["luton-chief-executive-2006-07", "luton-children-learning-2006-07"] }

    func testOfficerWithoutPlanShowsTheirTargetsFromEveryPlanAndMetIsSavedToItsPlan() throws {
        try tmux.start(arguments: ["--data", dataDir, "--officer", "jc", "--as-of", "2007-02-28"],
                       environment: ["LC_ALL": "C.UTF-8", "TERM": "xterm-256color", "ACTIONPLAN_USER": "mine-tester"], width: 80, height: 24)
        try tmux.waitFor("My targets: jc")
        try tmux.waitFor("2 targets led by “jc” in 2 plans")
        let screen = tmux.capture()
        XCTAssertTrue(screen.contains("Chief Executive Dept.") && screen.contains("Children & Learning"), screen)
        try waitForCursor(on: "Support the work of Luton Multi")
        tmux.keys("j")
        try waitForCursor(on: "Increase awareness and reporting")
        tmux.keys("m")
        try tmux.waitFor("luton-children-learning-2006-07/t6: · Not assessed → ✓ Met")
        try waitUntil("t6 met in its own plan's file") {
            try self.target("t6", of: Self.samplePlans[1])["status"] as? String == "met"
        }
        let history = try XCTUnwrap(try target("t6", of: Self.samplePlans[1])["history"] as? [[String: Any]])
        XCTAssertEqual(history.last?["who"] as? String, "mine-tester")
        XCTAssertEqual(try target("t23", of: Self.samplePlans[0])["status"] as? String, "notAssessed")
        XCTAssertEqual(try target("t6", of: Self.samplePlans[0])["status"] as? String, "notAssessed", "the other plan's t6 is untouched")

        // Esc: the plans list; o there chooses another officer from every plan's names.
        tmux.keys("Escape")
        try tmux.waitFor("o my targets")
        tmux.keys("o")
        try tmux.waitFor("My targets: whose?")
        tmux.literal("NP")
        tmux.keys("Enter")
        try tmux.waitFor("My targets: NP")
        try tmux.waitFor("6 targets led by “NP” in 2 plans")
        tmux.keys("C-c")
        try tmux.waitForExit()
    }
}
