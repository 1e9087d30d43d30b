@testable import ActionPlanCore
import XCTest

/// What `plans`, `list`, `show` and `summary` print, built in-process from the core (the commands only
/// read plans and write these bytes; CommandTests runs the binary for exit codes and wiring).
final class CommandOutputTests: XCTestCase {
    private let plan = OutputFixtures.smallPlan()

    private func list(_ configure: (inout TargetFilter) -> Void = { _ in }, format: ListOutput.Format = .csv, asOf: String = "2007-01-01") -> String {
        var filter = TargetFilter(asOf: Day(iso: asOf)!)
        configure(&filter)
        let output = ListOutput(format: format, filter: filter, glyphs: .unicode)
        output.add(plan, filter)
        return String(decoding: output.render(width: nil), as: UTF8.self)
    }

    private func targets(_ configure: (inout TargetFilter) -> Void, asOf: String = "2007-01-01") -> [String] {
        list(configure, asOf: asOf).split(separator: "\r\n").dropFirst().map { String($0.prefix { $0 != "," }) }
    }

    func testPlansShowsTallies() {
        var plans = PlansOutput()
        plans.add(plan, asOf: Day(iso: "2007-01-01")!)
        let lines = String(decoding: plans.text(glyphs: .unicode, width: nil), as: UTF8.self).split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        XCTAssertEqual(lines[0].split(separator: " ").map(String.init), ["ID", "TITLE", "PERIOD", "MET", "PART", "NOT", "N/A", "OVERDUE", "%", "MET"])
        // id, title, period, met, partly, not met, not assessed, overdue, % met
        XCTAssertEqual(lines[1].split(separator: " ").map(String.init),
                       ["demo", "Demo", "Plan", "Apr", "2006", "–", "Mar", "2007", "1", "1", "1", "1", "1", "25%"])
        XCTAssertTrue(String(decoding: plans.json(), as: UTF8.self).contains("\"overdue\": 1"))
        XCTAssertEqual(plans.csv(), "id,title,periodStart,periodEnd,met,partiallyMet,notMet,notAssessed,overdue,total,percentMet\r\n"
            + "demo,Demo Plan,2006-04,2007-03,1,1,1,1,1,4,25\r\n")
    }

    func testListFiltersByOfficerWholeEntry() {
        let rows = list { $0.officer = OfficerQuery("gs") }.split(separator: "\r\n")
        XCTAssertEqual(rows.count, 2, "header + t1 only (GSX does not match gs)")
        XCTAssertEqual(rows[1], "demo/t1,demo,1,1.,Implement action plans,GS; CSO,Aug 06,2006-08-31,not-assessed,yes,Half done,")
        XCTAssertTrue(list({ $0.officer = OfficerQuery("jo fisher") }, format: .json).contains("\"target\": \"demo/t3\""))
    }

    func testListOverdueStatusSearchAndDueBefore() {
        XCTAssertEqual(targets({ $0.overdueOnly = true }, asOf: "2006-10-01"), ["demo/t1"])
        XCTAssertEqual(targets({ $0.overdueOnly = true }, asOf: "2006-08-31"), [])
        XCTAssertEqual(targets { $0.statuses = [.notMet, .partiallyMet] }, ["demo/t3", "demo/t4"])
        XCTAssertEqual(targets { $0.search = "PUBLISH" }, ["demo/t2"])
        XCTAssertEqual(targets { $0.dueBefore = Day(iso: "2006-09-01") }, ["demo/t1"])
        XCTAssertEqual(targets { $0.officer = OfficerQuery("head of hr") }, ["demo/t4"])
    }

    func testTextOutputNeverCarriesControlCharacters() {
        let asOf = Day(iso: "2007-01-01")!
        var plans = PlansOutput()
        plans.add(plan, asOf: asOf)
        let texts = [
            list(format: .text),
            TargetDetail(plan: plan, targetID: "t3", asOf: asOf)!.text(glyphs: .unicode, width: nil),
            String(decoding: SummaryOutput(plan: plan, comparison: nil, compared: false, asOf: asOf).text(glyphs: .unicode, width: 80), as: UTF8.self),
            String(decoding: plans.text(glyphs: .unicode, width: nil), as: UTF8.self),
        ]
        for text in texts {
            XCTAssertFalse(text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, text)
        }
        XCTAssertTrue(texts[1].contains("Consult ␛]0;pwned␇ groups"), texts[1])
    }

    func testShowPrintsTheWholeTarget() {
        let text = TargetDetail(plan: plan, targetID: "t1", asOf: Day(iso: "2007-01-01")!)!.text(glyphs: .unicode, width: nil)
        XCTAssertEqual(text, """
            Target         demo/t1
            Plan           Demo Plan
            Key Issue      1. Leadership and Corporate Commitment
            Objective      1. Improve performance
            Text           Implement action plans
            Lead officers  GS, CSO
            Time scale     Aug 06 — due 31 August 2006 (OVERDUE)
            Status         · Not assessed
            Comment        Half done

            """)
        XCTAssertNil(TargetDetail(plan: plan, targetID: "t9", asOf: Day(iso: "2007-01-01")!))
    }

    func testSummaryPerKeyIssue() {
        let text = String(decoding: SummaryOutput(plan: plan, comparison: nil, compared: false, asOf: Day(iso: "2007-01-01")!)
            .text(glyphs: .unicode, width: nil), as: UTF8.self)
        let lines = text.split(separator: "\n")
        XCTAssertEqual(lines[0], "Demo Plan (demo)")
        let issue1 = lines.first { $0.hasPrefix("1. Leadership") }.map(String.init) ?? ""
        XCTAssertEqual(issue1.split(separator: " ").suffix(7).map(String.init), ["1", "0", "1", "1", "1", "3", "33%"])
        let none = String(decoding: SummaryOutput(plan: plan, comparison: nil, compared: true, asOf: Day(iso: "2007-01-01")!)
            .text(glyphs: .unicode, width: nil), as: UTF8.self)
        XCTAssertTrue(none.contains("no closed review to compare with (see `actionplan review list demo`)\n"), none)
    }

    func testHistoryNewestFirstAndFiltered() {
        var p = plan
        p.keyIssues[0].objectives[0].targets[0].history = [
            HistoryEntry(when: "2026-11-24T10:00:00Z", who: "gs", field: .status, old: "notAssessed", new: "met"),
            HistoryEntry(when: "2026-11-25T10:00:00Z", who: "CSO", field: .comment, old: "", new: "=1+1", note: "meeting"),
        ]
        let all = HistoryOutput(plan: p)
        XCTAssertEqual(all.entries.map(\.entry.who), ["CSO", "gs"])
        XCTAssertEqual(HistoryOutput(plan: p, by: "cso").entries.count, 1)
        XCTAssertEqual(HistoryOutput(plan: p, since: Day(iso: "2026-11-25")).entries.count, 1)
        XCTAssertEqual(HistoryOutput(plan: p, targetID: "t2").entries.count, 0)
        let text = String(decoding: all.text(glyphs: .unicode, width: nil), as: UTF8.self)
        XCTAssertTrue(text.contains("demo/t1  status   · Not assessed → ✓ Met"), text)
        XCTAssertTrue(text.contains("demo/t1  comment  \"\" → \"=1+1\" (meeting)"), text)
        XCTAssertTrue(all.csv().contains(",'=1+1,meeting"), "history CSV is neutralised too")
        XCTAssertTrue(all.csv(neutralise: false).contains(",=1+1,meeting"))
    }
}
