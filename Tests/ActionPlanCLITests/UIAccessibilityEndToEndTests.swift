import Foundation
import XCTest

/// Issue 12 in a real terminal (tmux): where the cursor is, screen-reader mode, typing in a
/// non-UTF-8 locale, pastes, Ctrl-S and Ctrl-Z. Everything else is tested in-process.
final class UIAccessibilityEndToEndTests: XCTestCase {
    static let planID = UIEndToEndTests.planID
    private var tmux: Tmux!
    private var dataDir = ""
    private var planFile: String { dataDir + "/\(Self.planID).json" }

    override func setUpWithError() throws {
        guard let tmuxPath = Tmux.find() else { throw XCTSkip("tmux is not installed") }
        let binary = UIEndToEndTests.repoRoot.appendingPathComponent(".build/debug/actionplan").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            XCTFail("\(binary) is missing: run `swift build` before `swift test`")
            throw XCTSkip("no binary")
        }
        dataDir = NSTemporaryDirectory() + "actionplan-a11y-e2e-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dataDir, withIntermediateDirectories: true)
        let source = UIEndToEndTests.repoRoot.appendingPathComponent("data/\(Self.planID).json")
        try Data(contentsOf: source).write(to: URL(fileURLWithPath: planFile))
        tmux = Tmux(path: tmuxPath, socket: "apa11y-\(getpid())-\(UUID().uuidString.prefix(8))", binary: binary)
    }

    override func tearDownWithError() throws {
        tmux?.killServer()
        if !dataDir.isEmpty { try? FileManager.default.removeItem(atPath: dataDir) }
    }

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

    /// Waits (with a deadline, never a fixed sleep) until the cursor's line contains `text`.
    private func waitForCursor(on text: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let deadline = Date().addingTimeInterval(15)
        var last = cursorLine()
        while Date() < deadline {
            last = cursorLine()
            if last.line.contains(text) { return }
            usleep(20_000)
        }
        XCTFail("the cursor is at \(last.x),\(last.y) on \"\(last.line)\", not on \"\(text)\"\n\(tmux.capture())", file: file, line: line)
        throw Tmux.TmuxError.timeout(text)
    }

    private func json() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: planFile))) as! [String: Any]
    }

    private func target(_ id: String) throws -> [String: Any] {
        let plan = try json()
        for issue in plan["keyIssues"] as! [[String: Any]] {
            for objective in issue["objectives"] as! [[String: Any]] {
                for t in objective["targets"] as! [[String: Any]] where t["id"] as? String == id { return t }
            }
        }
        throw Tmux.TmuxError.failed("no target \(id)")
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
}
