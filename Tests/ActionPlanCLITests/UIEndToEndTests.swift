import Foundation
import XCTest

/// Runs the real `actionplan` binary inside tmux (a real pty and terminal emulator): keys go in with
/// send-keys, the screen comes back with capture-pane, and the plan file is checked on disk.
/// Needs `swift build` first (the Makefile's `make test` does it) and tmux (skipped without it).
final class UIEndToEndTests: XCTestCase {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let planID = "luton-children-learning-2006-07"

    var tmux: Tmux!
    var dataDir = ""

    override func setUpWithError() throws {
        guard let tmuxPath = Tmux.find() else { throw XCTSkip("tmux is not installed") }
        let binary = Self.repoRoot.appendingPathComponent(".build/debug/actionplan").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            XCTFail("\(binary) is missing: run `swift build` before `swift test`")
            throw XCTSkip("no binary")
        }
        dataDir = NSTemporaryDirectory() + "actionplan-ui-e2e-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dataDir, withIntermediateDirectories: true)
        tmux = Tmux(path: tmuxPath, socket: "apui-\(getpid())-\(UUID().uuidString.prefix(8))", binary: binary)
    }

    override func tearDownWithError() throws {
        tmux?.killServer()
        if !dataDir.isEmpty { try? FileManager.default.removeItem(atPath: dataDir) }
    }

    /// Copies the sample plan (never touching data/ itself), optionally changing it first.
    func copySamplePlan(_ change: ((inout [String: Any]) -> Void)? = nil) throws -> String {
        let source = Self.repoRoot.appendingPathComponent("data/\(Self.planID).json")
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

    func firstTarget(in path: String) throws -> [String: Any] {
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        let issues = try XCTUnwrap(json["keyIssues"] as? [[String: Any]])
        let objectives = try XCTUnwrap(issues[0]["objectives"] as? [[String: Any]])
        let targets = try XCTUnwrap(objectives[0]["targets"] as? [[String: Any]])
        return targets[0]
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
        XCTAssertEqual(try firstTarget(in: file)["status"] as? String, "met")
        let coloured = tmux.capture(escapes: true)
        XCTAssertTrue(coloured.contains("\u{1b}[32m✓ 1 met"), "met is green when colours are on: \(coloured.prefix(400).debugDescription)")

        tmux.keys("c")
        try tmux.waitFor("Comment for target t1")
        tmux.literal("Reviewed ✓ 完成 at the forum")
        try tmux.waitFor("Reviewed ✓ 完成 at the forum")
        tmux.keys("Enter")
        try tmux.waitFor("Comment     Reviewed ✓ 完成 at the forum")
        XCTAssertEqual(try firstTarget(in: file)["comment"] as? String, "Reviewed ✓ 完成 at the forum")

        tmux.keys("u")
        try tmux.waitFor("Undid t1 comment")
        try tmux.waitFor("Comment     (none: c adds one)")

        let title = tmux.paneTitle()
        tmux.keys("q")
        try tmux.waitForExit()
        XCTAssertEqual(tmux.exitStatus(), 0)
        XCTAssertFalse(title.contains("pwned"))

        let t1 = try firstTarget(in: file)
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
        XCTAssertTrue(screen.contains("! overdue"))
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

/// A private tmux server on its own socket, running one program in one pane.
final class Tmux {
    let path: String
    let socket: String
    let binary: String
    let session = "ui"

    init(path: String, socket: String, binary: String) {
        self.path = path
        self.socket = socket
        self.binary = binary
    }

    static func find() -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") + ["/usr/bin", "/usr/local/bin"] {
            let p = "\(dir)/tmux"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }

    /// Runs a tmux command with posix_spawn and waitpid. Output goes through a file, not a pipe:
    /// the server that new-session starts would inherit a pipe and keep it open.
    @discardableResult
    func run(_ args: [String]) -> (status: Int32, output: String) {
        let outPath = NSTemporaryDirectory() + "tmux-out-\(UUID().uuidString)"
        defer { unlink(outPath) }
        let argv = [path, "-L", socket, "-f", "/dev/null"] + args
        var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for a in cArgs { free(a) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, path, &actions, nil, &cArgs, environ)
        guard rc == 0 else { return (-1, "posix_spawn failed: \(rc)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let output = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let exited = (status & 0x7f) == 0
        return (exited ? (status >> 8) & 0xff : -1, output)
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    func start(arguments: [String], environment: [String: String], width: Int = 120, height: Int = 40) throws {
        let env = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\(Tmux.quote($0.value))" }.joined(separator: " ")
        // The shell records the exit status in a file (tmux 3.3 does not always report #{pane_dead_status}).
        let command = "env -u NO_COLOR \(env) \(Tmux.quote(binary)) " + arguments.map(Tmux.quote).joined(separator: " ")
            + "; echo $? > \(Tmux.quote(statusPath))"
        let r = run(["new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)", command])
        guard r.status == 0 else { throw TmuxError.failed("new-session: \(r.output)") }
        run(["set-option", "-t", session, "remain-on-exit", "on"])
        run(["set-option", "-t", session, "allow-rename", "on"])
        run(["set-window-option", "-t", session, "automatic-rename", "off"])
    }

    func keys(_ keys: String...) { run(["send-keys", "-t", session] + keys) }
    func literal(_ text: String) { run(["send-keys", "-t", session, "-l", text]) }

    func capture(escapes: Bool = false) -> String {
        run(["capture-pane", "-p", "-t", session] + (escapes ? ["-e"] : [])).output
    }

    func display(_ format: String) -> String {
        run(["display-message", "-p", "-t", session, format]).output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func paneTitle() -> String { display("#{pane_title}") }
    func windowName() -> String { display("#{window_name}") }
    var statusPath: String { NSTemporaryDirectory() + "\(socket).status" }

    /// The program's exit status, once it has exited.
    func exitStatus() -> Int32? {
        guard let text = try? String(contentsOfFile: statusPath, encoding: .utf8) else { return nil }
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    func resize(width: Int, height: Int) {
        run(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Polls the screen until it shows `text` (no fixed sleeps).
    func waitFor(_ text: String, timeout: TimeInterval = 15, file: StaticString = #filePath, line: UInt = #line) throws {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < deadline {
            screen = capture()
            if screen.contains(text) { return }
            usleep(20_000)
        }
        XCTFail("timed out waiting for \"\(text)\"; the screen was:\n\(screen)", file: file, line: line)
        throw TmuxError.timeout(text)
    }

    func waitForExit(timeout: TimeInterval = 15, file: StaticString = #filePath, line: UInt = #line) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if display("#{pane_dead}") == "1" && exitStatus() != nil { return }
            usleep(20_000)
        }
        XCTFail("the program did not exit; the screen was:\n\(capture())", file: file, line: line)
        throw TmuxError.timeout("exit")
    }

    func killServer() {
        run(["kill-server"])
        unlink(statusPath)
    }

    enum TmuxError: Error {
        case failed(String)
        case timeout(String)
    }
}
