import ActionPlanTestSupport
import Foundation
import XCTest

/// Issue 16 item 4 through the real binary: JSON and CSV (and reports) printed to a terminal carry no
/// escape sequence from the data, the same commands into a pipe write the data exactly, and the
/// argument parser's messages are cleaned. Also the wiring of the forgiving addresses and the
/// officer notice. (What each output holds is tested in-process: OutputSafetyTests, ListShowLayoutTests.)
final class TerminalOutputCommandTests: XCTestCase {
    private var dir = ""
    private static let hostile = "esc\\u001b]0;pwned\\u0007 csi\\u009b31m rlo\\u202eX"

    override func setUpWithError() throws {
        dir = try CLI.scratchData()
        CLI.write("""
        {"id": "demo-plan", "schemaVersion": 1, "title": "Demo \(Self.hostile)",
         "keyIssues": [{"number": 1, "title": "=HYPERLINK(\\"http://x\\")", "objectives": [{"number": 1, "text": "Improve",
           "targets": [{"id": "t1", "leadOfficers": ["Head of HR"], "status": "notMet", "text": "-2+3 \(Self.hostile)",
                        "timescale": "Aug 06", "comment": "\(Self.hostile)"}]}]}]}
        """, to: "\(dir)/demo-plan.json")
        // A change with hostile text, so history has something to show.
        let set = try CLI.run(["set", "demo-plan/t1", "met", "--forecast", "@SUM \u{1B}]0;pwned\u{07} \u{9B}", "--by", "gs", "--data", dir])
        XCTAssertEqual(set.status, 0, set.stderr)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: dir)
    }

    private let commands: [[String]] = [
        ["list", "--format", "csv"], ["list", "--format", "json"], ["plans", "--format", "csv"], ["plans", "--format", "json"],
        ["history", "demo-plan", "--format", "csv"], ["history", "demo-plan", "--format", "json"],
        ["report", "demo-plan", "--format", "csv"], ["report", "demo-plan"], ["report", "demo-plan", "--format", "html"],
        ["export", "demo-plan"], ["show", "demo-plan/t1", "--format", "json"], ["summary", "--format", "json"],
        ["review", "list", "demo-plan", "--format", "json"], ["list"], ["show", "t1"],
    ]

    private static let forbidden: [(String, [UInt8])] = [
        ("ESC", [0x1B]), ("BEL", [0x07]), ("U+009B as UTF-8", [0xC2, 0x9B]), ("U+202E as UTF-8", [0xE2, 0x80, 0xAE]),
    ]

    private func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= bytes.count else { return false }
        return (0...(bytes.count - needle.count)).contains { bytes[$0] == needle[0] && Array(bytes[$0..<$0 + needle.count]) == needle }
    }

    func testDataFormatsOnATerminalCarryNoEscapes() throws {
        // Every command in one shell on one pseudo-terminal; "END <n>" after each marks it ran.
        let script = commands.enumerated().map { n, args in
            ([CLI.binary] + args + ["--data", dir]).map(shellQuoted).joined(separator: " ") + "; echo END \(n) $?"
        }.joined(separator: "; ")
        let out = NSTemporaryDirectory() + "pty-cli-\(UUID().uuidString).bin"
        defer { unlink(out) }
        let run = try CLI.runScript(["/usr/bin/python3", CLI.repoRoot.appendingPathComponent("scripts/pty_capture.py").path, out,
                                     "--cols", "80", "--rows", "24", "--env", "LC_ALL=C.UTF-8", "--", "/bin/sh", "-c", script])
        XCTAssertEqual(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "0", run.stderr)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: out)))
        let text = String(decoding: bytes, as: UTF8.self)
        for n in commands.indices { XCTAssertTrue(text.contains("END \(n) 0"), "\(commands[n]) did not succeed: \(text.suffix(600))") }
        for (name, needle) in Self.forbidden { XCTAssertFalse(contains(bytes, needle), "\(name) reached the terminal") }
        XCTAssertTrue(text.contains("esc␛]0;pwned␇"), "CSV and reports show the escape as text does")
        XCTAssertTrue(text.contains("esc\\u001b]0;pwned\\u0007 csi\\u009b31m rlo\\u202eX"), "JSON escapes them exactly")
        XCTAssertTrue(text.contains("'=HYPERLINK"), "CSV for people is neutralised")
    }

    func testIntoAPipeTheDataIsWrittenExactly() throws {
        let csv = try CLI.run(["list", "--format", "csv", "--data", dir])
        XCTAssertEqual(csv.status, 0, csv.stderr)
        XCTAssertTrue(csv.stdout.contains("'-2+3 esc\u{1B}]0;pwned\u{07} csi\u{9B}31m rlo\u{202E}X"), csv.stdout)
        let raw = try CLI.run(["export", "demo-plan", "--raw", "--data", dir])
        XCTAssertTrue(raw.stdout.contains(",\"=HYPERLINK(\"\"http://x\"\")\","), raw.stdout)
        let json = try CLI.run(["show", "demo-plan/t1", "--format", "json", "--data", dir])
        XCTAssertTrue(json.stdout.contains("esc\\u001b]0;pwned\\u0007 csi\u{9B}31m rlo\u{202E}X"), "a file gets the JSON writer's form: \(json.stdout)")
        let report = try CLI.run(["report", "demo-plan", "--format", "csv", "--raw", "--data", dir])
        XCTAssertTrue(report.stdout.contains("@SUM \u{1B}]0;pwned\u{07} \u{9B}"), report.stdout)
    }

    func testTextFitsCOLUMNSOrTheWidthOptionAndAPipeGetsWholeLines() throws {
        CLI.write(CLI.read("\(dir)/demo-plan.json").replacingOccurrences(of: "-2+3", with: String(repeating: "Equality ", count: 30)),
                  to: "\(dir)/demo-plan.json")
        func widest(_ text: String) -> Int { text.split(separator: "\n").map(\.count).max() ?? 0 }
        let whole = try CLI.run(["list", "--data", dir])
        XCTAssertGreaterThan(widest(whole.stdout), 270, "no limit into a pipe")
        let columns = try CLI.run(["list", "--data", dir], environment: ["COLUMNS": "80"])
        XCTAssertLessThanOrEqual(widest(columns.stdout), 80, columns.stdout)
        let option = try CLI.run(["show", "demo-plan/t1", "--width", "60", "--data", dir], environment: ["COLUMNS": "200"])
        XCTAssertLessThanOrEqual(widest(option.stdout), 60, option.stdout)
        XCTAssertFalse(option.stdout.contains("Equ\n"), "words are never split")
    }

    func testArgumentErrorsAreCleaned() throws {
        for args in [["set", "demo-plan/t1", "\u{1B}]0;pwned\u{07}"], ["show", "\u{1B}]0;pwned\u{07}/t1"],
                     ["list", "--as-of", "\u{1B}]0;pwned\u{07}"], ["list", "--\u{1B}]0;pwned\u{07}"]] {
            let r = try CLI.run(args + ["--data", dir])
            XCTAssertEqual(r.status, 64, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("␛]0;pwned␇"), r.stderr)
            XCTAssertFalse(r.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, r.stderr)
        }
        let help = try CLI.run(["list", "--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.contains("USAGE: actionplan list"), help.stdout)
    }

    func testForgivingAddressesDatesAndTheOfficerNotice() throws {
        CLI.write(CLI.read("\(dir)/demo-plan.json").replacingOccurrences(of: "\"demo-plan\"", with: "\"demo-other\""), to: "\(dir)/demo-other.json")
        let ambiguous = try CLI.run(["show", "t1", "--data", dir])
        XCTAssertEqual(ambiguous.status, 64)
        XCTAssertEqual(ambiguous.stderr, "actionplan: \"t1\" is a target in 2 plans: demo-other, demo-plan; give PLAN_ID/t1 or --plan PLAN_ID\n")
        let prefix = try CLI.run(["set", "demo-p/t1", "partly", "--data", dir, "--by", "gs"])
        XCTAssertEqual(prefix.status, 0, prefix.stderr)
        XCTAssertTrue(prefix.stdout.contains("demo-plan/t1: ✓ Met → ◐ Partly met"), prefix.stdout)
        let withPlan = try CLI.run(["show", "t1", "--plan", "demo-o", "--data", dir, "--as-of", "28 Feb 2009"])
        XCTAssertEqual(withPlan.status, 0, withPlan.stderr)
        XCTAssertTrue(withPlan.stdout.hasPrefix("Target         demo-other/t1\n"), withPlan.stdout)
        let prefixOfTwo = try CLI.run(["report", "demo", "--data", dir])
        XCTAssertEqual(prefixOfTwo.status, 64)
        XCTAssertTrue(prefixOfTwo.stderr.contains("could be any of 2 plans: demo-other, demo-plan"), prefixOfTwo.stderr)
        let nobody = try CLI.run(["list", "--officer", "head of h", "--data", dir])
        XCTAssertEqual(nobody.status, 0)
        XCTAssertEqual(nobody.stderr, "actionplan: no lead officer matches \"head of h\"; did you mean \"Head of HR\"?\n")
    }

    private func shellQuoted(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}

extension CLI {
    /// Any program, e.g. python3 with scripts/pty_capture.py around the binary.
    static func runScript(_ command: [String]) throws -> Result {
        Result(try Subprocess.run(command[0], Array(command.dropFirst())))
    }
}
