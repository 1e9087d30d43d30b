import Foundation
import XCTest

/// Runs the real `actionplan` binary inside tmux (a real pty and terminal emulator): keys go in with
/// send-keys, the screen comes back with capture-pane, and the plan file is checked on disk.
/// Needs `swift build` first (the Makefile's `make test` does it) and tmux (skipped without it).
final class UIEndToEndTests: TmuxTestCase {
    static let planID = "luton-children-learning-2006-07"
    /// Each test copies the plan itself (some change it first).
    override class var samplePlans: [String] { [] }

    /// Copies the sample plan (never touching data/ itself), optionally changing it first.
    func copySamplePlan(_ change: ((inout [String: Any]) -> Void)? = nil) throws -> String {
        let source = CLI.repoRoot.appendingPathComponent("data/\(Self.planID).json")
        let target = dataDir + "/\(Self.planID).json"
        var data = try Data(contentsOf: source)
        if let change {
            var json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
            change(&json)
            data = try JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted, .sortedKeys])
        }
        try data.write(to: URL(fileURLWithPath: target))
        return target
    }

    func testReviewATargetInTheRealTerminalUI() throws {
        let file = try copySamplePlan()
        try tmux.start(arguments: ["--data", dataDir, "--plan", Self.planID, "--as-of", "2007-01-15"],
                       environment: ["LC_ALL": "C.UTF-8", "TERM": "xterm-256color", "ACTIONPLAN_USER": "e2e-tester"])
        try tmux.waitFor("Children & Learning Draft Equalities Action Plan")
        try tmux.waitFor("Key Issue 1: Leadership")
        XCTAssertTrue(tmux.capture().contains("· Not assessed"))

        // Down twice: Key Issue 1 → objective 1 → its first target (t1).
        tmux.keys("j", "Down")
        try tmux.waitFor("Target t1")
        try tmux.waitFor("Status      · Not assessed")

        tmux.keys("m")
        try tmux.waitFor("Status      ✓ Met")
        try tmux.waitFor("Saved ")
        XCTAssertTrue(tmux.capture().contains("t1: · Not assessed → ✓ Met"))
        XCTAssertTrue(tmux.capture().contains("✓ 1 met"))
        XCTAssertEqual(try target(0, in: file)["status"] as? String, "met")
        let coloured = tmux.capture(escapes: true)
        XCTAssertTrue(coloured.contains("\u{1b}[32m✓ 1 met"), "met is green when colours are on: \(coloured.prefix(400).debugDescription)")

        tmux.keys("c")
        try tmux.waitFor("Comment for target t1")
        tmux.literal("Reviewed ✓ 完成 at the forum")
        try tmux.waitFor("Reviewed ✓ 完成 at the forum")
        tmux.keys("Enter")
        try tmux.waitFor("Comment     Reviewed ✓ 完成 at the forum")
        XCTAssertEqual(try target(0, in: file)["comment"] as? String, "Reviewed ✓ 完成 at the forum")

        tmux.keys("u")
        try tmux.waitFor("Undid t1 comment")
        try tmux.waitFor("Comment     (none: c adds one)")

        let title = tmux.paneTitle()
        tmux.keys("q")
        try tmux.waitForExit()
        XCTAssertEqual(tmux.exitStatus(), 0)
        XCTAssertFalse(title.contains("pwned"))

        let t1 = try target(0, in: file)
        XCTAssertEqual(t1["status"] as? String, "met")
        XCTAssertNil(t1["comment"], "the undone comment is empty again")
        let history = try XCTUnwrap(t1["history"] as? [[String: Any]])
        XCTAssertEqual(history.count, 3)
        XCTAssertEqual(history.map { $0["field"] as? String }, ["status", "comment", "comment"])
        XCTAssertEqual(history[0]["old"] as? String, "notAssessed")
        XCTAssertEqual(history[0]["new"] as? String, "met")
        XCTAssertEqual(history[1]["new"] as? String, "Reviewed ✓ 完成 at the forum")
        XCTAssertEqual(history[2]["old"] as? String, "Reviewed ✓ 完成 at the forum")
        XCTAssertEqual(history[2]["new"] as? String, "")
        XCTAssertEqual(history[2]["note"] as? String, "undo")
        XCTAssertTrue(history.allSatisfy { $0["who"] as? String == "e2e-tester" })
    }

    func testHostileTextIsShownAsPlaceholdersAndCannotRetitleThePane() throws {
        let hostile = "Pay \u{1b}]0;pwned\u{07} now \u{1b}[2J cleared \u{9b}31m red \u{202e}reversed"
        _ = try copySamplePlan { json in
            var issues = json["keyIssues"] as! [[String: Any]]
            var objectives = issues[0]["objectives"] as! [[String: Any]]
            var targets = objectives[0]["targets"] as! [[String: Any]]
            targets[0]["text"] = hostile
            targets[0]["comment"] = hostile
            objectives[0]["targets"] = targets
            issues[0]["objectives"] = objectives
            json["keyIssues"] = issues
            json["title"] = "\u{1b}]2;pwned\u{07}Hostile plan"
        }
        try tmux.start(arguments: ["--data", dataDir, "--plan", Self.planID],
                       environment: ["LC_ALL": "C.UTF-8", "TERM": "xterm-256color"])
        try tmux.waitFor("Hostile plan")
        tmux.keys("j", "j")
        try tmux.waitFor("Target t1")
        let screen = tmux.capture()
        XCTAssertTrue(screen.contains("␛]0;pwned␇"), screen)
        XCTAssertTrue(screen.contains("␛[2J cleared"), screen)
        XCTAssertTrue(screen.contains("⟨U+009B⟩31m"), screen)
        XCTAssertTrue(screen.contains("⟨U+202E⟩reversed"), screen)
        XCTAssertTrue(screen.contains("Key Issue 1"), "the screen was not cleared")
        XCTAssertFalse(tmux.paneTitle().contains("pwned"), "pane title: \(tmux.paneTitle())")
        XCTAssertFalse(tmux.windowName().contains("pwned"))
        tmux.keys("q")
        try tmux.waitForExit()
    }

    func testASCIIAndNoColourInACLocale() throws {
        _ = try copySamplePlan()
        try tmux.start(arguments: ["--data", dataDir, "--as-of", "2007-01-15"],
                       environment: ["LC_ALL": "C", "TERM": "xterm-256color", "NO_COLOR": "1"])
        try tmux.waitFor("Key Issue 1: Leadership")
        tmux.keys("j", "j")
        try tmux.waitFor("Status      [ ] Not assessed")
        let screen = tmux.capture()
        XCTAssertTrue(screen.unicodeScalars.allSatisfy(\.isASCII), screen)
        // At 80 columns a row's overdue flag is its symbol alone; the header's tally says what it means.
        XCTAssertTrue(screen.contains("! 16 overdue"), screen)
        XCTAssertTrue(screen.contains("Aug 2006  !"), screen)
        let styled = tmux.capture(escapes: true)
        for colour in 30...37 { XCTAssertFalse(styled.contains("\u{1b}[\(colour)m"), "no colours under NO_COLOR") }
        XCTAssertFalse(styled.contains("38;5;"))
        tmux.keys("?")
        try tmux.waitFor("Up / k")
        tmux.keys("G")
        try tmux.waitFor("Quit at once")
        tmux.keys("Escape")
        try tmux.waitFor("Status      [ ] Not assessed")
        // Ctrl-C quits at once.
        tmux.keys("C-c")
        try tmux.waitForExit()
        XCTAssertEqual(tmux.exitStatus(), 0)
    }

    func testSIGTERMRestoresTheTerminalAndExitsCleanly() throws {
        _ = try copySamplePlan()
        try tmux.start(arguments: ["--data", dataDir], environment: ["LC_ALL": "C.UTF-8", "TERM": "xterm-256color"])
        try tmux.waitFor("Key Issue 1: Leadership")
        // The pane runs a shell that runs actionplan: signal that child (a process this test started).
        let shell = try XCTUnwrap(Int32(tmux.display("#{pane_pid}")))
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        let pid = try XCTUnwrap(children.split(separator: " ").compactMap { Int32($0) }.first, "no child of \(shell)")
        XCTAssertEqual(kill(pid, SIGTERM), 0)
        try tmux.waitForExit()
        XCTAssertEqual(tmux.exitStatus(), 143, "terminated, not quit: 128 + SIGTERM")
        XCTAssertEqual(tmux.display("#{alternate_on}"), "0", "the terminal left the alternate screen (endwin ran)")
    }

    func testResizeBelowTheMinimumAndBack() throws {
        _ = try copySamplePlan()
        try tmux.start(arguments: ["--data", dataDir], environment: ["LC_ALL": "C.UTF-8", "TERM": "xterm-256color"])
        try tmux.waitFor("Key Issue 1: Leadership")
        tmux.resize(width: 50, height: 12)
        try tmux.waitFor("terminal too small (need 60×16)")
        tmux.resize(width: 100, height: 30)
        try tmux.waitFor("Key Issue 1: Leadership")
        tmux.keys("q")
        try tmux.waitForExit()
    }
}
