import Foundation
import XCTest

/// My targets (issue 12) in a real terminal: `actionplan --officer JC` over two of the sample plans
/// (JC leads a target in each), the cursor on the selected line, `m` saved to the right plan's file,
/// and `o` on the plans list. Everything else about the view is tested in-process (TUIMyTargetsTests).
final class UIMyTargetsEndToEndTests: XCTestCase {
    static let plans = ["luton-chief-executive-2006-07", "luton-children-learning-2006-07"]
    private var tmux: Tmux!
    private var dataDir = ""

    override func setUpWithError() throws {
        guard let tmuxPath = Tmux.find() else { throw XCTSkip("tmux is not installed") }
        let binary = UIEndToEndTests.repoRoot.appendingPathComponent(".build/debug/actionplan").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            XCTFail("\(binary) is missing: run `swift build` before `swift test`")
            throw XCTSkip("no binary")
        }
        dataDir = NSTemporaryDirectory() + "actionplan-mytargets-e2e-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dataDir, withIntermediateDirectories: true)
        for id in Self.plans {
            let source = UIEndToEndTests.repoRoot.appendingPathComponent("data/\(id).json")
            try Data(contentsOf: source).write(to: URL(fileURLWithPath: dataDir + "/\(id).json"))
        }
        tmux = Tmux(path: tmuxPath, socket: "apmine-\(getpid())-\(UUID().uuidString.prefix(8))", binary: binary)
    }

    override func tearDownWithError() throws {
        tmux?.killServer()
        if !dataDir.isEmpty { try? FileManager.default.removeItem(atPath: dataDir) }
    }

    private func target(_ id: String, of plan: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: dataDir + "/\(plan).json"))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        for issue in json["keyIssues"] as? [[String: Any]] ?? [] {
            for objective in issue["objectives"] as? [[String: Any]] ?? [] {
                for t in objective["targets"] as? [[String: Any]] ?? [] where t["id"] as? String == id { return t }
            }
        }
        throw Tmux.TmuxError.failed("no target \(id) in \(plan)")
    }

    /// Waits (with a deadline, never a fixed sleep) until the line the terminal cursor is on contains `text`.
    private func waitForCursor(on text: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let deadline = Date().addingTimeInterval(15)
        var last = ""
        while Date() < deadline {
            let xy = tmux.display("#{cursor_x},#{cursor_y}").split(separator: ",").compactMap { Int($0) }
            let lines = tmux.capture().components(separatedBy: "\n")
            if xy.count == 2, xy[1] < lines.count {
                last = "\(xy[0]),\(xy[1]): \(lines[xy[1]])"
                if lines[xy[1]].contains(text) { return }
            }
            usleep(20_000)
        }
        XCTFail("the cursor is at \(last), not on \"\(text)\"\n\(tmux.capture())", file: file, line: line)
        throw Tmux.TmuxError.timeout(text)
    }

    private func waitFor(_ what: String, _ condition: () throws -> Bool, file: StaticString = #filePath, line: UInt = #line) throws {
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            if (try? condition()) == true { return }
            usleep(20_000)
        }
        XCTFail("timed out waiting for \(what)", file: file, line: line)
        throw Tmux.TmuxError.timeout(what)
    }

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
        try waitFor("t6 met in its own plan's file") {
            try self.target("t6", of: Self.plans[1])["status"] as? String == "met"
        }
        let history = try XCTUnwrap(try target("t6", of: Self.plans[1])["history"] as? [[String: Any]])
        XCTAssertEqual(history.last?["who"] as? String, "mine-tester")
        XCTAssertEqual(try target("t23", of: Self.plans[0])["status"] as? String, "notAssessed")
        XCTAssertEqual(try target("t6", of: Self.plans[0])["status"] as? String, "notAssessed", "the other plan's t6 is untouched")

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
