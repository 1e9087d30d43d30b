import Foundation
import XCTest

/// A progress meeting with the real binary in tmux: review 1 opened and closed with the CLI, review 2
/// opened with R in `actionplan meet`, three targets set with m, x (with a forecast) and p, the
/// summary, the report; then the CLI closes review 2 and `summary --compare` shows the change.
/// Uses the Tmux helper (Tmux.swift: real pty, send-keys in, capture-pane out).
final class MeetingEndToEndTests: TmuxTestCase {
    static let planID = "luton-children-learning-2006-07"
    override class var samplePlans: [String] { [planID] }

    func cli(_ arguments: [String]) throws -> CLI.Result {
        try CLI.run(arguments + ["--data", dataDir], environment: ["ACTIONPLAN_USER": "clerk"])
    }

    func testAMeetingSetsThreeTargetsAndTheClosedReviewShowsTheChange() throws {
        // Review 1 as a baseline, with the CLI.
        var r = try cli(["review", "start", Self.planID, "--as-at", "2007-01-10", "--title", "Baseline"])
        XCTAssertEqual(r.status, 0, r.stderr)
        r = try cli(["review", "close", Self.planID])
        XCTAssertEqual(r.status, 0, r.stderr)

        try tmux.start(arguments: ["meet", Self.planID, "--data", dataDir, "--as-of", "2007-02-28"],
                       environment: ["LC_ALL": "C.UTF-8", "TERM": "xterm-256color", "ACTIONPLAN_USER": "chair"])
        try tmux.waitFor("MEETING")
        try tmux.waitFor("Target 1 of 29")
        try tmux.waitFor("Implement action plans on the 2005/06 equality impact assessments")
        try tmux.waitFor("Last review    · Not assessed in review 1, as at 10 January 2007   → same")
        XCTAssertTrue(tmux.capture().contains("Key Issue 1: ✓ 0 ◐ 0 ✗ 0 · 7"), tmux.capture())

        // Review 2 with R: the date is pre-filled (--as-of), the title typed.
        tmux.keys("R")
        try tmux.waitFor("Start review 2")
        try tmux.waitFor("As at   2007-02-28")
        tmux.keys("Tab")
        tmux.literal("DAAF February 2007")
        tmux.keys("Enter")
        try tmux.waitFor("Review 2 open (as at 28 February 2007)")
        try tmux.waitFor("Opened review 2 as at 28 February 2007: DAAF February 2007")

        // m on t1, x on t2 (with the forecast asked for), p on t3: each moves on.
        tmux.keys("m")
        try tmux.waitFor("Target 2 of 29")
        // (Not the status bar's "t1: · Not assessed → ✓ Met": a disk check queued before the save was
        // handled can replace it with "Reloaded: …"; the screen's content is what counts.)
        tmux.keys("x")
        try tmux.waitFor("Forecast for target t2")
        try tmux.waitFor("Not met — when will it be met, or why not?")
        tmux.literal("Consultation plan by April 2007")
        tmux.keys("Enter")
        try tmux.waitFor("Target 3 of 29")
        tmux.keys("p")
        try tmux.waitFor("Target 4 of 29")
        try tmux.waitFor("Saved ")

        // Back to t2 and t3: the changes show, with the direction against review 1.
        tmux.keys("b")
        try tmux.waitFor("Status         ◐ Partly met  (was · Not assessed before this meeting)")
        try tmux.waitFor("↑ better")
        try tmux.waitFor("Key Issue 1: ✓ 1 ◐ 1 ✗ 1 · 4")
        try tmux.waitFor("3 changed in this meeting")
        tmux.keys("Left")
        try tmux.waitFor("Forecast       Consultation plan by April 2007")
        try tmux.waitFor("Status         ✗ Not met  (was · Not assessed before this meeting)")

        // The summary: three changes, and what is outstanding.
        tmux.keys("q")
        try tmux.waitFor("MEETING SUMMARY")
        try tmux.waitFor("3 targets changed in this meeting")
        let summary = tmux.capture()
        XCTAssertTrue(summary.contains("t1   · Not assessed → ✓ Met"), summary)
        XCTAssertTrue(summary.contains("t2   · Not assessed → ✗ Not met · forecast changed"), summary)
        XCTAssertTrue(summary.contains("t3   · Not assessed → ◐ Partly met"), summary)
        XCTAssertTrue(summary.contains("Still outstanding (28)"), summary)
        XCTAssertTrue(summary.contains("26 targets are not yet assessed in review 2"), summary)

        // r writes the HTML report into reports/.
        tmux.keys("r")
        try tmux.waitFor("Write the progress report")
        tmux.keys("Enter")
        let reportPath = "\(dataDir)/reports/\(Self.planID)-2007-02-28.html"
        try tmux.waitFor("Wrote the HTML report:")
        XCTAssertTrue(FileManager.default.fileExists(atPath: reportPath), reportPath)
        let html = try String(contentsOfFile: reportPath, encoding: .utf8)
        XCTAssertTrue(html.contains("Outcomes Progress Report as at 28 February 2007"))

        // q leaves for the tree; q again quits (the only plan).
        tmux.keys("q")
        try tmux.waitFor("Left meeting mode: 3 targets changed in the meeting")
        try tmux.waitFor("Review 2 open (as at 28 February 2007)")
        tmux.keys("q")
        try tmux.waitForExit()
        XCTAssertEqual(tmux.exitStatus(), 0)

        // The CLI sees the change against review 1, closes review 2, and the file holds it all.
        r = try cli(["summary", "--plan", Self.planID, "--compare", "--as-of", "2007-02-28"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("compared with review 1 “Baseline” as at 10 January 2007"), r.stdout)
        XCTAssertTrue(r.stdout.contains("met 0 → 1, partially met 0 → 1, not met 0 → 1, not assessed 29 → 26"), r.stdout)
        r = try cli(["review", "close", Self.planID])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("closed review 2 of \(Self.planID) as at 28 February 2007: 29 targets frozen (1 met, 1 partially met, 1 not met, 26 not assessed"), r.stdout)
        r = try cli(["summary", "--plan", Self.planID, "--review", "1", "--as-of", "2007-02-28"])
        XCTAssertTrue(r.stdout.contains("met 0 → 1"), r.stdout)

        let json = try planJSON()
        let reviews = try XCTUnwrap(json["reviews"] as? [[String: Any]])
        XCTAssertEqual(reviews.count, 2)
        XCTAssertEqual(reviews[1]["title"] as? String, "DAAF February 2007")
        XCTAssertEqual(reviews[1]["asAt"] as? String, "2007-02-28")
        XCTAssertNotNil(reviews[1]["closedAt"])
        let snapshot = try XCTUnwrap(reviews[1]["snapshot"] as? [[String: Any]])
        XCTAssertEqual(snapshot.count, 29)
        let frozen = Dictionary(uniqueKeysWithValues: snapshot.map { ($0["id"] as! String, $0) })
        XCTAssertEqual(frozen["t1"]?["status"] as? String, "met")
        XCTAssertEqual(frozen["t2"]?["status"] as? String, "notMet")
        XCTAssertEqual(frozen["t2"]?["forecast"] as? String, "Consultation plan by April 2007")
        XCTAssertEqual(frozen["t3"]?["status"] as? String, "partiallyMet")
        XCTAssertEqual(frozen["t4"]?["status"] as? String, "notAssessed")

        let all = try targets(json)
        let openedAt = try XCTUnwrap(reviews[1]["openedAt"] as? String)
        for (id, fields) in [("t1", ["status"]), ("t2", ["status", "forecast"]), ("t3", ["status"])] {
            let history = try XCTUnwrap(all[id]?["history"] as? [[String: Any]], id)
            XCTAssertEqual(history.map { $0["field"] as? String }, fields, id)
            XCTAssertTrue(history.allSatisfy { $0["who"] as? String == "chair" }, id)
            XCTAssertTrue(history.allSatisfy { ($0["when"] as? String ?? "") >= openedAt }, "\(id) changed during review 2")
        }
        XCTAssertEqual(all["t2"]?["forecast"] as? String, "Consultation plan by April 2007")
        XCTAssertNil(all["t4"]?["history"])
    }

    func testMeetWithAnOfficerAndInASCII() throws {
        try tmux.start(arguments: ["meet", Self.planID, "--data", dataDir, "--officer", "CSO", "--ascii", "--as-of", "2007-02-28"],
                       environment: ["LC_ALL": "C.UTF-8", "TERM": "xterm-256color", "NO_COLOR": "1"], width: 80, height: 24)
        try tmux.waitFor("Target 1 of ")
        try tmux.waitFor("CSO")
        let screen = tmux.capture()
        XCTAssertTrue(screen.unicodeScalars.allSatisfy(\.isASCII), screen)
        XCTAssertTrue(screen.contains("Status         [ ] Not assessed"), screen)
        XCTAssertTrue(screen.contains("Last review    no closed review yet"), screen)
        tmux.keys("e")
        try tmux.waitFor("exceptions only")
        tmux.keys("q")
        try tmux.waitFor("MEETING SUMMARY")
        try tmux.waitFor("0 targets changed in this meeting")
        tmux.keys("Escape")
        try tmux.waitFor("Left meeting mode")
        tmux.keys("C-c")
        try tmux.waitForExit()
        XCTAssertEqual(tmux.exitStatus(), 0)
    }

    func testMeetAnUnknownOrBrokenPlanSaysSoBeforeTheScreenOpens() throws {
        var r = try cli(["meet", "no-such-plan"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("no-such-plan"), r.stderr)
        try "{ \"id\": ".write(toFile: "\(dataDir)/broken.json", atomically: true, encoding: .utf8)
        r = try cli(["meet", "broken"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("broken.json"), r.stderr)
        r = try cli(["meet", "../etc"])
        XCTAssertEqual(r.status, 64)
    }
}
