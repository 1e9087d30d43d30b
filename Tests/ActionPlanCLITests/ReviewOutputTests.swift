@testable import ActionPlanCore
import XCTest

/// `summary --compare` and `report --review` of seed 004's plan, built in-process (the review lifecycle
/// through the binary is in ReviewReportCommandTests).
final class ReviewOutputTests: XCTestCase {
    private let asOf = Day(iso: "2008-01-21")!

    /// Review 1 "January" closed, then t3 met, t8 partly met, t1 not met (as ReviewReportCommandTests does with the binary).
    private func reviewedThenChanged() throws -> Plan {
        var plan = try OutputFixtures.dataPlan("luton-disability-equality-2008")
        _ = try plan.startReview(asAt: asOf, title: "January", openedAt: "2008-01-21T09:00:00Z")
        _ = try plan.closeReview(closedAt: "2008-01-21T17:00:00Z")
        for (id, status) in [("t3", Status.met), ("t8", .partiallyMet), ("t1", .notMet)] {
            let p = try XCTUnwrap(plan.indexPath(ofTarget: id))
            plan.keyIssues[p.issue].objectives[p.objective].targets[p.target].status = status
        }
        return plan
    }

    private func summary(_ plan: Plan, glyphs: Glyphs) throws -> [String] {
        let comparison = plan.previousClosedReview().map { plan.compare(with: $0, asOf: asOf) }
        let text = SummaryOutput(plan: plan, comparison: comparison, compared: true, asOf: asOf).text(glyphs: glyphs, width: nil)
        return String(decoding: text, as: UTF8.self).components(separatedBy: "\n")
    }

    func testSummaryCompare() throws {
        let plan = try reviewedThenChanged()
        let lines = try summary(plan, glyphs: .unicode)
        XCTAssertEqual(lines[0], "\(plan.title) (\(plan.id))")
        XCTAssertEqual(lines[1], "compared with review 1 “January” as at 21 January 2008; now as of 21 January 2008")
        XCTAssertEqual(lines[2], "↑ better: met 27 → 27, partially met 1 → 2, not met 22 → 21, not assessed 5 → 5, overdue 0 → 0")
        XCTAssertEqual(lines[3], "targets: 2 better, 52 same, 1 worse, 0 new")
        let ccs = try XCTUnwrap(lines.first { $0.hasPrefix("1. Customer and Corporate Services") })
        XCTAssertEqual(ccs.components(separatedBy: "  ").filter { !$0.isEmpty }.map { $0.trimmingCharacters(in: .whitespaces) },
                       ["1. Customer and Corporate Services", "6 → 6", "0 → 1", "7 → 6", "0 → 0", "0 → 0", "46% → 46%", "↑ better"])
        let ce = try XCTUnwrap(lines.first { $0.hasPrefix("2. Chief Executives Department") })
        XCTAssertTrue(ce.hasSuffix("→ same"), ce)
        XCTAssertTrue(lines.contains { $0.hasPrefix("All Key Issues") && $0.hasSuffix("↑ better") })

        // ASCII terminals: words only, "->" between counts.
        let ascii = try summary(plan, glyphs: .ascii)
        XCTAssertTrue(ascii.joined(separator: "\n").contains("better: met 27 -> 27, partially met 1 -> 2"), ascii.joined(separator: "\n"))
        XCTAssertFalse(ascii.joined().unicodeScalars.contains { !$0.isASCII })
        XCTAssertTrue(ascii.contains { $0.hasPrefix("2. Chief Executives Department") && $0.hasSuffix("same") })

        let comparison = try plan.closedReview(number: 1)
        let json = String(decoding: JSONWriter.serialize(SummaryOutput(plan: plan, comparison: plan.compare(with: comparison, asOf: asOf),
                                                                       compared: true, asOf: asOf).json), as: UTF8.self)
        XCTAssertTrue(json.contains("\"direction\": \"better\""), json)
        XCTAssertTrue(json.contains("\"better\": 2"), json)
    }

    func testReportOfAReviewAndFilters() throws {
        var plan = try reviewedThenChanged()
        _ = try plan.startReview(asAt: Day(iso: "2009-01-31")!, title: "February", openedAt: "2009-01-31T09:00:00Z")
        _ = try plan.closeReview(closedAt: "2009-01-31T17:00:00Z")
        let today = Day(iso: "2009-02-01")!
        let md = MarkdownReport.render(try ProgressReport(plan: plan, options: ReportOptions(review: 2, today: today)))
        XCTAssertTrue(md.hasPrefix("# Luton Borough Council – Corporate Equality Scheme, Disability Equality Action Plan – Outcomes Progress Report as at 31 January 2009\n"), md)
        XCTAssertTrue(md.contains("Position frozen at review 2 (“February”), as at 31 January 2009. Direction of travel is against review 1 (“January”), as at 21 January 2008."))
        XCTAssertTrue(md.contains("| 1. Customer and Corporate Services | 6 | 1 | 6 | 0 | 6 | 46% | ↑ better |"), md)
        let csv = CSVReport.render(try ProgressReport(plan: plan, options: ReportOptions(review: 2, today: today)))
        let t1 = try XCTUnwrap(csv.components(separatedBy: "\r\n").first { $0.contains(",t1,") })
        XCTAssertTrue(t1.hasSuffix(",met,worse,met,not-met"), "previous status, direction, then the status at reviews 1 and 2: \(t1)")

        let hr = MarkdownReport.render(try ProgressReport(plan: plan, options: ReportOptions(asAt: asOf, officer: "Head of HR", exceptionsOnly: true, today: today)))
        XCTAssertTrue(hr.hasPrefix("# Luton Borough Council – Corporate Equality Scheme, Disability Equality Action Plan – Outcomes Progress Report as at 21 January 2008 (only targets led by “Head of HR”; exceptions only: not met, or overdue (due before the as-at date and not met))\n"), hr)
        XCTAssertFalse(hr.contains("Corporate Procurement Manager"))
        XCTAssertFalse(hr.contains("## Key Issue 2"))

        _ = try plan.startReview(asAt: Day(iso: "2009-06-30")!, openedAt: "2009-06-30T09:00:00Z")
        XCTAssertThrowsError(try ProgressReport(plan: plan, options: ReportOptions(review: 3, today: today))) {
            XCTAssertTrue(String(describing: $0).contains("still open"), String(describing: $0))
        }
        XCTAssertThrowsError(try ProgressReport(plan: plan, options: ReportOptions(review: 9, today: today)))
    }

    func testReviewList() throws {
        var plan = try reviewedThenChanged()
        _ = try plan.startReview(asAt: Day(iso: "2009-01-31")!, title: "February \u{1B}[2J", openedAt: "2009-01-31T09:00:00Z")
        let output = ReviewListOutput(plan: plan)
        let lines = String(decoding: output.text(glyphs: .unicode, width: nil), as: UTF8.self).split(separator: "\n")
        let narrow = String(decoding: output.text(glyphs: .unicode, width: 60), as: UTF8.self)
        XCTAssertLessThanOrEqual(narrow.split(separator: "\n").map { DisplayWidth.of(String($0)) }.max() ?? 0, 60, narrow)
        XCTAssertEqual(lines.count, 3)
        XCTAssertEqual(lines[1].split(separator: " ").map(String.init),
                       ["1", "2008-01-21", "closed", "2008-01-21", "27", "1", "22", "5", "0", "49%", "January"])
        XCTAssertTrue(lines[2].hasPrefix("2   2009-01-31  open (now)"), String(lines[2]))
        XCTAssertTrue(lines[2].hasSuffix("February ␛[2J"), String(lines[2]))
        let json = String(decoding: JSONWriter.serialize(output.json), as: UTF8.self)
        XCTAssertTrue(json.contains("\"closedAt\": \"2008-01-21T17:00:00Z\""), json)
        XCTAssertTrue(json.contains("\"open\": true"), json)
        let none = ReviewListOutput(plan: OutputFixtures.smallPlan()).text(glyphs: .unicode, width: nil)
        XCTAssertEqual(String(decoding: none, as: UTF8.self), "demo has no reviews (open one with `actionplan review start demo`).\n")
    }
}
