import Foundation
import XCTest

/// `review`, `summary --compare` and `report` as an officer runs them, on a scratch copy of seed 004's
/// plan (data/luton-disability-equality-2008.json).
final class ReviewReportCommandTests: ScratchPlanTestCase {
    override class var samplePlan: String { "luton-disability-equality-2008" }
    private var file: String { "\(dir)/\(plan).json" }

    @discardableResult
    private func run(_ args: [String]) throws -> CLI.Result {
        try CLI.run(args + ["--data", dir])
    }

    private func json(_ path: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
    }

    func testReviewStartCloseListRoundTrip() throws {
        let none = try run(["review", "list", plan])
        XCTAssertEqual(none.status, 0, none.stderr)
        XCTAssertTrue(none.stdout.contains("has no reviews"), none.stdout)

        let closeNone = try run(["review", "close", plan])
        XCTAssertEqual(closeNone.status, 1)
        XCTAssertEqual(closeNone.stderr, "actionplan: no review of \(plan) is open; open one with `actionplan review start \(plan)`\n")

        let start = try run(["review", "start", plan, "--as-at", "2008-01-21", "--title", "DAAF January 2008"])
        XCTAssertEqual(start.status, 0, start.stderr)
        XCTAssertEqual(start.stdout, "opened review 1 of \(plan) as at 21 January 2008: DAAF January 2008\nsaved \(file)\n")
        var onDisk = try json(file)
        var reviews = onDisk["reviews"] as! [[String: Any]]
        XCTAssertEqual(reviews.count, 1)
        XCTAssertEqual(reviews[0]["number"] as? Int, 1)
        XCTAssertEqual(reviews[0]["asAt"] as? String, "2008-01-21")
        XCTAssertEqual(reviews[0]["title"] as? String, "DAAF January 2008")
        XCTAssertNil(reviews[0]["closedAt"])
        XCTAssertNotNil((reviews[0]["openedAt"] as? String)?.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"#, options: .regularExpression))

        let before = CLI.read(file)
        let again = try run(["review", "start", plan])
        XCTAssertEqual(again.status, 1)
        XCTAssertEqual(again.stderr, "actionplan: review 1 of \(plan) (as at 2008-01-21) is already open; close it first with `actionplan review close \(plan)`\n")
        XCTAssertEqual(CLI.read(file), before, "a refused start changes nothing")

        let close = try run(["review", "close", plan])
        XCTAssertEqual(close.status, 0, close.stderr)
        XCTAssertTrue(close.stdout.hasPrefix("closed review 1 of \(plan) as at 21 January 2008: 55 targets frozen (27 met, 1 partially met, 22 not met, 5 not assessed, 0 overdue)\n"), close.stdout)
        onDisk = try json(file)
        reviews = onDisk["reviews"] as! [[String: Any]]
        let snapshot = reviews[0]["snapshot"] as! [[String: Any]]
        XCTAssertEqual(snapshot.count, 55)
        XCTAssertEqual(snapshot[0]["id"] as? String, "t1")
        XCTAssertEqual(snapshot[0]["status"] as? String, "met")
        XCTAssertEqual(snapshot[0]["comment"] as? String, "Major contracts reviewed")
        XCTAssertNotNil(reviews[0]["closedAt"] as? String)
        XCTAssertEqual(try run(["validate", file]).status, 0, "the file stays valid")

        let list = try run(["review", "list", plan])
        XCTAssertEqual(list.status, 0, list.stderr)
        let lines = list.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 2, list.stdout)
        XCTAssertEqual(lines[0].split(separator: " ", omittingEmptySubsequences: true).first, "NO")
        let row = lines[1].split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        XCTAssertEqual(Array(row.prefix(2)) + [row[2]] + Array(row[4...9]), ["1", "2008-01-21", "closed", "27", "1", "22", "5", "0", "49%"])
        XCTAssertTrue(lines[1].hasSuffix("DAAF January 2008"))
        let listJSON = try run(["review", "list", plan, "--format", "json"])
        XCTAssertTrue(listJSON.stdout.contains("\"open\": false"), listJSON.stdout)
    }

    func testNoSuchPlanAndBadArguments() throws {
        let missing = try run(["review", "start", "nope"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("no plan with id \"nope\""), missing.stderr)
        XCTAssertEqual(try run(["review", "start", plan, "--as-at", "32/01/2008"]).status, 64)
        XCTAssertEqual(try run(["report", plan, "--format", "doc"]).status, 64)
        XCTAssertEqual(try run(["report", plan, "--bom"]).status, 64, "--bom is for csv")
        XCTAssertEqual(try run(["summary", "--review", "1"]).status, 64, "--review needs --plan")
        XCTAssertEqual(try run(["report", "nope"]).status, 2)
    }

    /// Review 1 as the seed stands; then three changes: t3 not met → met, t8 not met → partly met,
    /// t1 met → not met. Customer and Corporate Services: met 6 → 6, partly met 0 → 1: better.
    private func reviewThenChange() throws {
        try run(["review", "start", plan, "--as-at", "2008-01-21", "--title", "January"])
        try run(["review", "close", plan])
        XCTAssertEqual(try run(["set", "\(plan)/t3", "met"]).status, 0)
        XCTAssertEqual(try run(["set", "\(plan)/t8", "partially-met"]).status, 0)
        XCTAssertEqual(try run(["set", "\(plan)/t1", "not-met"]).status, 0)
    }

    /// The wiring of --compare and --review (what they print: ReviewOutputTests, in-process).
    func testSummaryCompare() throws {
        let noReview = try run(["summary", "--plan", plan, "--compare", "--as-of", "2008-01-21"])
        XCTAssertEqual(noReview.status, 0, noReview.stderr)
        XCTAssertTrue(noReview.stdout.contains("no closed review to compare with"), noReview.stdout)

        try reviewThenChange()
        let r = try run(["summary", "--plan", plan, "--compare", "--as-of", "2008-01-21"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout.components(separatedBy: "\n")[3], "targets: 2 better, 52 same, 1 worse, 0 new")
        let missing = try run(["summary", "--plan", plan, "--review", "4"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(missing.stderr, "actionplan: plan \(plan) has no review 4 (reviews: 1)\n")
        try run(["review", "start", plan, "--as-at", "2009-01-31"])
        let open = try run(["summary", "--plan", plan, "--review", "2"])
        XCTAssertEqual(open.status, 1)
        XCTAssertTrue(open.stderr.contains("review 2 of \(plan) is still open"), open.stderr)
        let report = try run(["report", plan, "--review", "2"])
        XCTAssertEqual(report.status, 1)
        XCTAssertTrue(report.stderr.contains("still open"), report.stderr)
        XCTAssertEqual(try run(["report", plan, "--review", "9"]).status, 2)
    }

    /// A file name is text too: one with an escape sequence in it is printed harmlessly.
    func testOutputPathsArePrintedCleaned() throws {
        let hostile = "\(dir)/r\u{1b}]0;owned\u{7}\u{1b}[2J.html"
        let report = try run(["report", plan, "--format", "html", "-o", hostile])
        XCTAssertEqual(report.status, 0, report.stderr)
        let export = try run(["export", plan, "-o", hostile + ".csv"])
        XCTAssertEqual(export.status, 0, export.stderr)
        for out in [report.stdout, export.stdout] {
            XCTAssertFalse(out.unicodeScalars.contains { $0 == "\u{1b}" || $0 == "\u{7}" }, out.debugDescription)
            XCTAssertTrue(out.contains("/r"), out)
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: hostile), "the file itself keeps the name asked for")
    }

    func testReportMatchesTheGoldenFilesAndWritesAtomically() throws {
        let golden = CLI.repoRoot.appendingPathComponent("Tests/ActionPlanCoreTests/Golden")
        // Each format against its golden file is ReportTests' (in-process); through the binary one is enough.
        for format in ["csv"] {
            let r = try run(["report", plan, "--format", format, "--as-at", "2008-01-21"])
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertEqual(r.stdout, CLI.read(golden.appendingPathComponent("\(plan).\(format)").path), "report --format \(format)")
        }
        let out = "\(dir)/out/report.html"
        try FileManager.default.createDirectory(atPath: "\(dir)/out", withIntermediateDirectories: true)
        let w = try run(["report", plan, "--format", "html", "--as-at", "2008-01-21", "-o", out])
        XCTAssertEqual(w.status, 0, w.stderr)
        XCTAssertEqual(w.stdout, "wrote \(out)\n")
        XCTAssertEqual(CLI.read(out), CLI.read(golden.appendingPathComponent("\(plan).html").path))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: "\(dir)/out"), ["report.html"], "no temporary file left")
        let bom = try run(["report", plan, "--format", "csv", "--bom", "-o", "\(dir)/out/r.csv"])
        XCTAssertEqual(bom.status, 0, bom.stderr)
        XCTAssertEqual(Array((FileManager.default.contents(atPath: "\(dir)/out/r.csv") ?? Data()).prefix(3)), [0xEF, 0xBB, 0xBF])
        let failed = try CLI.run(["report", plan, "--data", dir, "-o", "\(dir)/out/x.md"], environment: ["ACTIONPLAN_FAULT": "write:ENOSPC"])
        XCTAssertEqual(failed.status, 3, failed.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: "\(dir)/out/x.md"))
    }
}
