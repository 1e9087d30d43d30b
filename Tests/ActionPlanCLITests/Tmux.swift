import ActionPlanTestSupport
import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

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

    static func find() -> String? { Subprocess.which("tmux") }

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

extension Tmux {
    /// The pid of the program (the child of the pane's shell).
    func programPID(file: StaticString = #filePath, line: UInt = #line) throws -> Int32 {
        let shell = try XCTUnwrap(Int32(display("#{pane_pid}")), file: file, line: line)
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        return try XCTUnwrap(children.split(separator: " ").compactMap { Int32($0) }.first, "no child of \(shell)", file: file, line: line)
    }

    /// Polls the screen until `text` is gone.
    func waitForAbsence(_ text: String, timeout: TimeInterval = 15, file: StaticString = #filePath, line: UInt = #line) throws {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < deadline {
            screen = capture()
            if !screen.contains(text) { return }
            usleep(20_000)
        }
        XCTFail("\"\(text)\" never went away; the screen was:\n\(screen)", file: file, line: line)
        throw TmuxError.timeout(text)
    }

}

extension XCTestCase {
    /// Polls a condition (every 20 ms, up to `timeout`), failing if it never holds; a condition that
    /// throws (a file not there yet) counts as not yet.
    func waitUntil(_ what: String, timeout: TimeInterval = 15, file: StaticString = #filePath, line: UInt = #line,
                   _ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if (try? condition()) == true { return }
            usleep(20_000)
        }
        XCTFail("never true: \(what)", file: file, line: line)
        throw Tmux.TmuxError.timeout(what)
    }
}

/// A test of the real program in a real terminal: a scratch data directory with copies of sample
/// plans, and private tmux servers (one made in setUp; `newServer()` for a second session), all
/// killed afterwards. Skipped without tmux; a failure without the binary (`swift build` first).
class TmuxTestCase: XCTestCase {
    /// The sample plans from data/ copied into the scratch directory; a subclass names its own.
    class var samplePlans: [String] { ["luton-children-learning-2006-07"] }
    var dataDir = ""
    /// The first server, made when a test first uses it.
    lazy var tmux: Tmux = newServer()
    private var servers: [Tmux] = []
    private var tmuxPath = ""

    override func setUpWithError() throws {
        try super.setUpWithError()
        guard let path = Tmux.find() else { throw XCTSkip("tmux is not installed") }
        tmuxPath = path
        guard FileManager.default.isExecutableFile(atPath: CLI.binary) else {
            XCTFail("\(CLI.binary) is missing: run `swift build` before `swift test`")
            throw XCTSkip("no binary")
        }
        dataDir = try CLI.scratchData(copying: Self.samplePlans.map { "\($0).json" })
    }

    override func tearDownWithError() throws {
        let socketDir = (ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp") + "/tmux-\(getuid())"
        for server in servers {
            server.killServer()
            unlink("\(socketDir)/\(server.socket)") // tmux leaves the socket file of a killed server behind
        }
        if !dataDir.isEmpty { try? FileManager.default.removeItem(atPath: dataDir) }
        try super.tearDownWithError()
    }

    /// Another private server (its own socket, so several sessions can run at once).
    func newServer() -> Tmux {
        let server = Tmux(path: tmuxPath, socket: "ap-e2e-\(getpid())-\(UUID().uuidString.prefix(8))", binary: CLI.binary)
        servers.append(server)
        return server
    }

    /// A plan file in the scratch directory.
    func planPath(_ id: String = samplePlans[0]) -> String { "\(dataDir)/\(id).json" }

    /// A JSON file (a plan, a recovery file) as read back from disk.
    func json(_ path: String) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    }

    /// A plan file as read back from disk, as JSON.
    func planJSON(_ id: String = samplePlans[0]) throws -> [String: Any] { try json(planPath(id)) }

    /// Every target of a plan file on disk, by id.
    func targets(_ json: [String: Any]) throws -> [String: [String: Any]] {
        var out: [String: [String: Any]] = [:]
        for issue in try XCTUnwrap(json["keyIssues"] as? [[String: Any]]) {
            for objective in try XCTUnwrap(issue["objectives"] as? [[String: Any]]) {
                for t in try XCTUnwrap(objective["targets"] as? [[String: Any]]) { out[t["id"] as? String ?? ""] = t }
            }
        }
        return out
    }

    /// One target of a plan file on disk.
    func target(_ id: String, of plan: String = samplePlans[0]) throws -> [String: Any] {
        guard let t = try targets(try planJSON(plan))[id] else { throw Tmux.TmuxError.failed("no target \(id) in \(plan)") }
        return t
    }

    /// The target at `index` in the first objective of the first Key Issue of a plan file.
    func target(_ index: Int, in path: String) throws -> [String: Any] {
        let issues = try XCTUnwrap(try json(path)["keyIssues"] as? [[String: Any]])
        let objectives = try XCTUnwrap(issues[0]["objectives"] as? [[String: Any]])
        return try XCTUnwrap(objectives[0]["targets"] as? [[String: Any]])[index]
    }

    /// Waits until the line the terminal cursor is on contains `text` (the cursor sits on what is selected).
    func waitForCursor(on text: String, in server: Tmux? = nil, file: StaticString = #filePath, line: UInt = #line) throws {
        let server = server ?? tmux
        let deadline = Date().addingTimeInterval(15)
        var last = ""
        while Date() < deadline {
            let xy = server.display("#{cursor_x},#{cursor_y}").split(separator: ",").compactMap { Int($0) }
            let lines = server.capture().components(separatedBy: "\n")
            if xy.count == 2, xy[1] < lines.count {
                last = "\(xy[0]),\(xy[1]): \"\(lines[xy[1]])\""
                if lines[xy[1]].contains(text) { return }
            }
            usleep(20_000)
        }
        XCTFail("the cursor is at \(last), not on \"\(text)\"\n\(server.capture())", file: file, line: line)
        throw Tmux.TmuxError.timeout(text)
    }
}
