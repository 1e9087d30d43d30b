import Foundation
import XCTest

/// Issue 12 in a real terminal (tmux): where the cursor is, screen-reader mode, typing in a
/// non-UTF-8 locale, pastes, Ctrl-S and Ctrl-Z. Everything else is tested in-process.
final class UIAccessibilityEndToEndTests: TmuxTestCase {
    private func start(_ extra: [String] = [], environment: [String: String] = ["LC_ALL": "C.UTF-8"]) throws {
        var env = environment
        env["TERM"] = "xterm-256color"
        env["ACTIONPLAN_USER"] = "a11y-tester"
        try tmux.start(arguments: ["--data", dataDir, "--as-of", "2007-02-28"] + extra, environment: env, width: 80, height: 24)
        try tmux.waitFor("Key Issue 1: ")
    }

    /// The screen line the terminal cursor is on, and the cursor's column.
    private func cursorLine() -> (line: String, x: Int, y: Int) {
        let xy = tmux.display("#{cursor_x},#{cursor_y}").split(separator: ",").compactMap { Int($0) }
        let lines = tmux.capture().components(separatedBy: "\n")
        guard xy.count == 2, xy[1] < lines.count else { return ("", -1, -1) }
        return (lines[xy[1]], xy[0], xy[1])
    }

    // MARK: - The cursor follows the selection

    func testTheCursorIsOnTheSelectedLineNotParkedBottomRight() throws {
        try start()
        try waitForCursor(on: "Key Issue 1: ")
        XCTAssertEqual(cursorLine().x, 0)
        tmux.keys("j")
        try waitForCursor(on: "Improve performance")
        tmux.keys("j")
        try waitForCursor(on: "Implement action plans")
        XCTAssertNotEqual(cursorLine().y, 23)
        XCTAssertEqual(tmux.display("#{cursor_flag}"), "0", "hidden without --screen-reader")
        tmux.keys("?")
        try waitForCursor(on: "Keys")
        tmux.keys("q")
        try waitForCursor(on: "Implement action plans")
        tmux.keys("C-c")
        try tmux.waitForExit()
    }

    func testScreenReaderModeShowsTheCursorOnTheSelection() throws {
        try start(["--screen-reader"])
        try waitForCursor(on: "Key Issue 1: ")
        XCTAssertEqual(tmux.display("#{cursor_flag}"), "1", "shown for a screen reader")
        tmux.keys("j", "j")
        try waitForCursor(on: "Implement action plans")
        tmux.keys("C-c")
        try tmux.waitForExit()
    }

    private func onT1() throws {
        tmux.keys("j")
        try waitForCursor(on: "Improve performance")
        tmux.keys("j")
        try waitForCursor(on: "Implement action plans")
    }

    // MARK: - Typing in a non-UTF-8 locale

    func testTypingPoundSignsAndAccentsUnderLANGCKeepsTheText() throws {
        try start(environment: ["LANG": "C", "LC_ALL": "C"])
        try onT1()
        tmux.keys("f")
        try tmux.waitFor("Forecast for target t1")
        tmux.literal("Budget of £5k agreed – café")
        tmux.keys("Enter")
        try waitUntil("the forecast saved") { try target("t1")["forecast"] as? String == "Budget of £5k agreed – café" }
        XCTAssertEqual(try target("t1")["status"] as? String, "notAssessed")
        tmux.keys("C-c")
        try tmux.waitForExit()
    }

    // MARK: - Pastes

    func testABracketedPasteIntoTheCommentIsTextAndChangesNoStatus() throws {
        try start()
        try onT1()
        let before = try target("t1")["status"] as? String
        tmux.keys("c")
        try tmux.waitFor("Comment for target t1")
        tmux.run(["set-buffer", "-b", "a11y", "First paragraph.\nm\nx\n\u{1b}[31mSecond paragraph."])
        tmux.run(["paste-buffer", "-p", "-b", "a11y", "-t", tmux.session])
        try tmux.waitFor("Second paragraph.")
        try tmux.waitFor("Comment for target t1") // still editing: no line break saved it
        tmux.keys("Enter")
        try waitUntil("the comment saved") { (try target("t1")["comment"] as? String)?.contains("Second paragraph.") == true }
        XCTAssertEqual(try target("t1")["comment"] as? String, "First paragraph.\nm\nx\n[31mSecond paragraph.")
        XCTAssertEqual(try target("t1")["status"] as? String, before, "no status changed")
        // Outside an editor, a paste is ignored and said.
        tmux.run(["set-buffer", "-b", "keys", "m\nx\np\n"])
        tmux.run(["paste-buffer", "-p", "-b", "keys", "-t", tmux.session])
        try tmux.waitFor("Paste ignored")
        XCTAssertEqual(try target("t1")["status"] as? String, before)
        tmux.keys("C-c")
        try tmux.waitForExit()
    }

    func testAPasteWithoutBracketsIntoTheEditorDoesNotSaveAtTheFirstLineBreak() throws {
        try start()
        try onT1()
        tmux.keys("c")
        try tmux.waitFor("Comment for target t1")
        // tmux sends the buffer in one write, line breaks as Enter (CR), without the paste markers.
        tmux.run(["set-buffer", "-b", "plain", "Line one\nm\nx\nLine four"])
        tmux.run(["paste-buffer", "-b", "plain", "-t", tmux.session])
        try tmux.waitFor("Line four")
        try tmux.waitFor("Comment for target t1")
        XCTAssertNil(try target("t1")["comment"] as? String, "nothing saved yet")
        XCTAssertEqual(try target("t1")["status"] as? String, "notAssessed")
        tmux.keys("Enter")
        try waitUntil("the comment saved") { try target("t1")["comment"] as? String == "Line one\nm\nx\nLine four" }
        XCTAssertEqual(try target("t1")["status"] as? String, "notAssessed")
        tmux.keys("C-c")
        try tmux.waitForExit()
    }

    // MARK: - Ctrl-S and Ctrl-Z

    func testCtrlSDoesNotFreezeTheScreen() throws {
        try start()
        tmux.keys("C-s")
        tmux.keys("j")
        try waitForCursor(on: "Improve performance")
        tmux.keys("C-q", "j")
        try waitForCursor(on: "Implement action plans")
        tmux.keys("C-c")
        try tmux.waitForExit()
        XCTAssertEqual(tmux.exitStatus(), 0)
    }

    /// Ctrl-Z as a user meets it: an interactive shell (job control), Ctrl-Z stops the program with
    /// the terminal restored, `fg` brings the screen back and the keys work.
    func testCtrlZSuspendsAndFgRestoresTheScreen() throws {
        let r = tmux.run(["new-session", "-d", "-s", tmux.session, "-x", "80", "-y", "24", "env PS1='shell$ ' bash --norc --noprofile -i"])
        XCTAssertEqual(r.status, 0, r.output)
        try tmux.waitFor("shell$")
        let command = "LC_ALL=C.UTF-8 TERM=xterm-256color ACTIONPLAN_USER=a11y \(Tmux.quote(tmux.binary)) --data \(Tmux.quote(dataDir)) --as-of 2007-02-28"
        tmux.literal(command)
        tmux.keys("Enter")
        try tmux.waitFor("Key Issue 1: ")
        tmux.keys("C-z")
        try tmux.waitFor("Stopped")
        XCTAssertEqual(tmux.display("#{alternate_on}"), "0", "the terminal was handed back")
        tmux.literal("fg")
        tmux.keys("Enter")
        try tmux.waitFor("Key Issue 1: ")
        tmux.keys("j")
        try waitForCursor(on: "Improve performance")
        tmux.keys("C-c")
        try waitUntil("the alternate screen left") { tmux.display("#{alternate_on}") == "0" }
        tmux.literal("echo \"exit=$?\"")
        tmux.keys("Enter")
        try tmux.waitFor("exit=0")
    }
}
