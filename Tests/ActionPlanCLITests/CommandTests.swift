import Foundation
import XCTest

/// The command line as a script or an officer uses it, through the binary: exit codes, wiring and what
/// lands on disk. What each command prints is tested in-process (CommandOutputTests).
final class CommandTests: XCTestCase {
    private let planFile = """
    {
      "id": "demo",
      "keyIssues": [
        {
          "number": 1,
          "objectives": [
            {
              "number": 1,
              "targets": [
                {"id": "t1", "leadOfficers": ["GS", "CSO"], "status": "notAssessed", "text": "Implement action plans", "timescale": "Aug 06"},
                {"id": "t2", "leadOfficers": ["GSX"], "status": "met", "text": "Publish results", "timescale": "Sept 06"},
                {"id": "t3", "leadOfficers": ["Jo Fisher, Service Manager"], "status": "notMet", "text": "Consult \\u001b]0;pwned\\u0007 groups", "timescale": "Ongoing"}
              ],
              "text": "Improve performance"
            }
          ],
          "title": "Leadership and Corporate Commitment"
        },
        {
          "number": 2,
          "objectives": [
            {"text": "Service", "targets": [{"id": "t4", "leadOfficers": ["CB"], "status": "partiallyMet", "text": "Monitor take-up", "timescale": "Quarterly"}]}
          ],
          "title": "Service Delivery"
        }
      ],
      "period": {"end": "2007-03", "start": "2006-04"},
      "schemaVersion": 1,
      "title": "Demo Plan"
    }
    """

    private var dir = ""

    override func setUpWithError() throws {
        dir = try CLI.scratchData()
        CLI.write(planFile, to: "\(dir)/demo.json")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: dir)
    }

    func testPlansShowsTallies() throws {
        let r = try CLI.run(["plans", "--data", dir, "--as-of", "2007-01-01"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        XCTAssertTrue(lines[0].hasPrefix("ID"))
        // id, title, period, met, partly, not met, not assessed, overdue, % met
        XCTAssertEqual(lines[1].split(separator: " ", omittingEmptySubsequences: true).map(String.init),
                       ["demo", "Demo", "Plan", "Apr", "2006", "–", "Mar", "2007", "1", "1", "1", "1", "1", "25%"])
        let json = try CLI.run(["plans", "--data", dir, "--as-of", "2007-01-01", "--format", "json"])
        XCTAssertTrue(json.stdout.contains("\"overdue\": 1"), json.stdout)
    }

    func testListFiltersByOfficerWholeEntry() throws {
        let r = try CLI.run(["list", "--data", dir, "--officer", "gs", "--format", "csv"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let rows = r.stdout.split(separator: "\r\n")
        XCTAssertEqual(rows.count, 2, "header + t1 only (GSX does not match gs): \(r.stdout)")
        XCTAssertTrue(rows[1].hasPrefix("demo/t1,demo,1,1.,Implement action plans,GS; CSO,Aug 06,2006-08-31,not-assessed,"))
        let jo = try CLI.run(["list", "--data", dir, "--officer", "jo fisher", "--format", "json"])
        XCTAssertTrue(jo.stdout.contains("\"target\": \"demo/t3\""), jo.stdout)
    }

    func testSetSavesAtomicallyWithHistory() throws {
        let r = try CLI.run(["set", "demo/t1", "partially-met", "--comment", "Half the EIAs done", "--forecast", "March 07", "--by", "gs", "--data", dir])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("demo/t1: · Not assessed → ◐ Partly met"), r.stdout)
        let text = CLI.read("\(dir)/demo.json")
        XCTAssertTrue(text.contains("\"status\": \"partiallyMet\""))
        XCTAssertTrue(text.contains("\"comment\": \"Half the EIAs done\""))
        XCTAssertTrue(text.contains("\"forecast\": \"March 07\""))
        XCTAssertTrue(text.contains("\"who\": \"gs\""))
        XCTAssertTrue(text.hasSuffix("}\n"))
        let show = try CLI.run(["show", "demo/t1", "--data", dir, "--format", "json"])
        XCTAssertTrue(show.stdout.contains("\"field\": \"forecast\""), show.stdout)
        XCTAssertEqual(try CLI.run(["validate", "\(dir)/demo.json"]).status, 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { !$0.hasPrefix(".") }
        XCTAssertEqual(files, ["demo.json"], "no temporary file left")
    }

    func testErrorsNameWhatWasWrongWithDocumentedExitCodes() throws {
        let before = CLI.read("\(dir)/demo.json")
        let badStatus = try CLI.run(["set", "demo/t1", "finished", "--data", dir])
        XCTAssertEqual(badStatus.status, 64)
        XCTAssertTrue(badStatus.stderr.contains("'met', 'not-met', 'partially-met' or 'not-assessed'"), badStatus.stderr)
        let noTarget = try CLI.run(["set", "demo/t9", "met", "--data", dir])
        XCTAssertEqual(noTarget.status, 2)
        XCTAssertEqual(noTarget.stderr, "actionplan: no target \"t9\" in plan demo (see `actionplan list --plan demo`)\n")
        let noPlan = try CLI.run(["show", "nope/t1", "--data", dir])
        XCTAssertEqual(noPlan.status, 2)
        XCTAssertEqual(noPlan.stderr, "actionplan: no plan with id \"nope\" (plans: demo)\n")
        let badDate = try CLI.run(["list", "--as-of", "21/13/2008", "--data", dir])
        XCTAssertEqual(badDate.status, 64)
        XCTAssertTrue(badDate.stderr.contains("21/13/2008"), badDate.stderr)
        let badAddress = try CLI.run(["show", "../etc/t1", "--data", dir])
        XCTAssertEqual(badAddress.status, 64)
        let noDir = try CLI.run(["plans", "--data", dir + "/missing"])
        XCTAssertEqual(noDir.status, 1)
        XCTAssertTrue(noDir.stderr.contains("does not exist"), noDir.stderr)
        XCTAssertEqual(CLI.read("\(dir)/demo.json"), before, "failed commands change nothing")
    }

    func testFailedSaveExitsThreeAndLeavesFileIntact() throws {
        let before = CLI.read("\(dir)/demo.json")
        for fault in ["write:ENOSPC", "fsync:EIO", "rename:EIO", "open:EROFS"] {
            let r = try CLI.run(["set", "demo/t1", "met", "--data", dir], environment: ["ACTIONPLAN_FAULT": fault])
            XCTAssertEqual(r.status, 3, "\(fault): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("the previous version is unchanged"), r.stderr)
            XCTAssertFalse(r.stderr.contains("Backtrace"), r.stderr)
            XCTAssertEqual(CLI.read("\(dir)/demo.json"), before, fault)
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.contains(".tmp.") }
            XCTAssertEqual(leftovers, [], fault)
        }
    }

    func testInvalidFileIsReportedButOthersStillList() throws {
        CLI.write("{\"schemaVersion\": 1, \"id\": \"broken\", \"title\": \"B\", \"keyIssues\": [,]}", to: "\(dir)/broken.json")
        let r = try CLI.run(["plans", "--data", dir])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stdout.contains("demo"), r.stdout)
        XCTAssertTrue(r.stderr.contains("broken.json: line 1, column"), r.stderr)
        let v = try CLI.run(["validate", "--data", dir])
        XCTAssertEqual(v.status, 1)
        XCTAssertTrue(v.stdout.contains("ok: \(dir)/demo.json (2 key issues, 2 objectives, 4 targets)"), v.stdout)
        XCTAssertTrue(v.stderr.contains("1 problem found"), v.stderr)
    }

    func testDataDirectoryFromEnvironment() throws {
        let r = try CLI.run(["plans"], environment: ["ACTIONPLAN_DATA": dir])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("demo"))
        let xdg = try CLI.run(["plans"], environment: ["XDG_DATA_HOME": dir + "/xdg"])
        XCTAssertEqual(xdg.status, 1)
        XCTAssertTrue(xdg.stderr.contains("\(dir)/xdg/actionplan does not exist"), xdg.stderr)
    }
}
