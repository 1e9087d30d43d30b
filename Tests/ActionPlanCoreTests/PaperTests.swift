@testable import ActionPlanCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// The committee paper's model and its Markdown and HTML: fields with placeholders, sections written
/// from the data, the direction of travel after a review closes, the trend, the one exception rule,
/// the remembered fields in the plan file.
final class PaperTests: XCTestCase {
    typealias F = PaperFixtures

    private func paper(_ plan: Plan, _ details: PaperDetails = PaperDetails(), review: Int? = nil,
                       asAt: Day? = nil) throws -> CommitteePaper {
        let report = try ProgressReport(plan: plan, options: F.options(asAt: asAt, review: review))
        return CommitteePaper(report: report, details: details, date: Day(iso: "2008-02-04")!)
    }

    func testMissingFieldsAreMarkedPlaceholdersNeverContent() throws {
        let p = try paper(try F.luton())
        let fields = Dictionary(uniqueKeysWithValues: p.fields.map { ($0.label, $0.lines) })
        XCTAssertEqual(p.fields.map(\.label), ["By", "To", "Date", "Subject", "Classification", "Summary"], "Kent's order")
        XCTAssertEqual(fields["To"], [.placeholder("committee")])
        XCTAssertTrue(fields["By"]![0].isPlaceholder)
        XCTAssertTrue(fields["Classification"]![0].isPlaceholder)
        XCTAssertEqual(fields["Date"], [.content("4 February 2008")])
        XCTAssertFalse(fields["Subject"]![0].isPlaceholder, "the subject has a default from the plan")
        XCTAssertTrue(p.contact.allSatisfy(\.isPlaceholder))
        XCTAssertTrue(p.recommendations[0].text.hasPrefix("Members of the committee are asked to note the progress made against"))
        let md = PaperMarkdown.render(p)
        XCTAssertTrue(md.contains("**To:** **\\[To be completed: committee\\]**"), md)
        let html = HTMLReport.render(p)
        XCTAssertTrue(html.contains("<span class=\"placeholder\">[To be completed: committee]</span>"))

        let given = try paper(try F.luton(), F.details())
        XCTAssertEqual(given.fields[1].lines, [.content("Disability Access and Advisory Forum")])
        XCTAssertEqual(given.fields[0].lines.map(\.text), F.details().by)
        XCTAssertTrue(given.recommendations[0].text.hasPrefix("Members of the Disability Access and Advisory Forum are asked to note"))
        XCTAssertTrue(given.recommendations[0].text.contains("the exceptions set out in section 3"))
        XCTAssertFalse(PaperMarkdown.render(given).contains("To be completed"))
        XCTAssertEqual(given.author, "Head of Equalities")
    }

    func testSectionsAreNumberedAndWrittenFromTheData() throws {
        let p = try paper(try F.luton(), F.details())
        XCTAssertEqual(p.sections.map(\.heading), ["Introduction", "Progress by Key Issue", "Exceptions", "Not yet assessed"])
        XCTAssertEqual(p.sections.map(\.number), [1, 2, 3, 4])
        let progress = p.sections[1].paragraphs
        XCTAssertEqual(progress.map(\.number), ["2.1", "2.2", "2.3", "2.4", "2.5", "2.6"])
        XCTAssertEqual(progress[1].text, "Key Issue 1, Customer and Corporate Services: of 13 targets, 6 are met, none partially met, 7 not met and none not assessed (46% met); none overdue.")
        let exceptions = p.sections[2].paragraphs[0]
        XCTAssertEqual(exceptions.bullets.count, p.appendix.exceptions.count)
        XCTAssertEqual(exceptions.bullets.count, 22)
        XCTAssertTrue(exceptions.bullets[0].hasPrefix("CCS1, May 2008: All new contracts"), exceptions.bullets[0])
        XCTAssertTrue(exceptions.bullets[2].hasSuffix("– not met. No forecast given."), exceptions.bullets[2])
        let notAssessed = p.sections[3].paragraphs[0]
        XCTAssertEqual(notAssessed.text, "5 targets have not yet been assessed:")
        XCTAssertEqual(notAssessed.bullets.count, 2, "one line per Key Issue that has any")
        XCTAssertFalse(p.sections[0].paragraphs[2].text.contains("direction of travel compares"),
                       "no review yet: no direction of travel, and it says so")
        let md = PaperMarkdown.render(p)
        for heading in ["## 1 Introduction", "## 2 Progress by Key Issue", "## 3 Exceptions", "## 4 Not yet assessed", "## Recommendations",
                        "**Background Documents:**", "**Appendix 1**", "## Summary by Key Issue"] {
            XCTAssertTrue(md.contains(heading), heading)
        }
        XCTAssertLessThan(md.range(of: "## Recommendations")!.lowerBound, md.range(of: "**Appendix 1**")!.lowerBound, "the appendix follows")
    }

    /// The issue's proof: open a review, change five targets, close it, report — the direction of
    /// travel shows the five changes (not "same" against the review just closed).
    func testAfterClosingTheFirstReviewTheDirectionShowsTheMeetingsFiveChanges() throws {
        var plan = try F.luton()
        try plan.startReview(asAt: Day(iso: "2008-01-21")!, title: "DAAF January 2008", openedAt: "2008-01-21T10:00:00Z")
        // Three chosen (one made worse), and the next two not met in CCS made met.
        let others = plan.keyIssues[0].objectives.flatMap(\.targets).filter { $0.status == .notMet && !["t3", "t8"].contains($0.id) }.prefix(2)
        let changes: [(String, Status)] = [("t3", .met), ("t8", .partiallyMet), ("t1", .notMet)] + others.map { ($0.id, Status.met) }
        XCTAssertEqual(changes.count, 5)
        var before: [String: Status] = [:]
        for (id, status) in changes {
            let i = plan.indexPath(ofTarget: id)!
            before[id] = plan.keyIssues[i.issue].objectives[i.objective].targets[i.target].status
            plan.keyIssues[i.issue].objectives[i.objective].targets[i.target].status = status
        }
        XCTAssertTrue(changes.allSatisfy { before[$0.0] != $0.1 }, "five real changes: \(before)")
        try plan.closeReview(closedAt: "2008-01-21T12:00:00Z")

        let report = try ProgressReport(plan: plan, options: F.options())
        XCTAssertEqual(report.baseline?.kind, .opening)
        XCTAssertEqual(report.baseline?.review.number, 1)
        let lines = report.total.lines
        let moved = lines.filter { $0.direction == .better || $0.direction == .worse }
        XCTAssertEqual(Set(moved.map(\.targetID)), Set(changes.map(\.0)), "exactly the five changed targets moved")
        XCTAssertEqual(lines.first { $0.targetID == "t1" }?.direction, .worse)
        XCTAssertEqual(lines.first { $0.targetID == "t3" }?.direction, .better)
        XCTAssertNotEqual(report.summary[0].direction, .same, "CCS had four of the five changes")
        XCTAssertTrue(report.basis.contains("the position when review 1 (“DAAF January 2008”) was opened"), report.basis)

        let p = CommitteePaper(report: report, details: F.details(), date: Day(iso: "2008-01-22")!)
        XCTAssertTrue(p.sections[0].paragraphs[2].text.contains("compares this position with the position when review 1"))
        let ccs = p.sections[1].paragraphs[1]
        XCTAssertTrue(ccs.text.contains("Direction of travel since the opening of review 1: better"), ccs.text)
        XCTAssertTrue(ccs.bullets.contains { $0.hasPrefix("Met since the opening of review 1: (CCS1") }, "\(ccs.bullets)")
        XCTAssertTrue(ccs.bullets.contains { $0.hasPrefix("Worse than at the opening of review 1:") && $0.contains("met → not met") }, "\(ccs.bullets)")
        let md = MarkdownReport.render(report)
        XCTAssertFalse(md.contains("| **All Key Issues** | 27 | 1 | 22 | 5 | 0 | 49% | → same |"), "not the same as itself")
        XCTAssertTrue(HTMLReport.render(report).contains("better than at the opening of review 1"))
    }

    func testAfterClosingALaterReviewTheDirectionIsAgainstTheReviewBefore() throws {
        var plan = try F.threeReviews()
        let now = try ProgressReport(plan: plan, options: F.options())
        XCTAssertEqual(now.baseline?.kind, .closedReview)
        XCTAssertEqual(now.baseline?.review.number, 2, "review 3 was just closed: compared with review 2")
        XCTAssertEqual(Set(now.total.lines.filter { $0.direction == .better }.map(\.targetID)), ["t2", "t3", "t4"])
        let r2 = try ProgressReport(plan: plan, options: F.options(review: 2))
        XCTAssertEqual(r2.baseline?.review.number, 1)
        // With review 4 open, the current position is compared with review 3.
        try plan.startReview(asAt: Day(iso: "2008-07-31")!, openedAt: "2008-08-01T10:00:00Z")
        XCTAssertEqual(try ProgressReport(plan: plan, options: F.options()).baseline?.review.number, 3)
        // No reviews: nothing to compare with; an old review without an opening position: nothing either.
        var none = plan
        none.reviews = []
        XCTAssertNil(none.directionBaseline())
        var old = try F.threeReviews()
        old.reviews = [old.reviews[0]]
        old.reviews[0].opening = nil
        XCTAssertNil(old.directionBaseline())
    }

    func testTrendAcrossReviews() throws {
        let plan = try F.threeReviews()
        let r = try ProgressReport(plan: plan, options: F.options())
        XCTAssertEqual(r.trend.map { $0.review?.number }, [1, 2, 3, nil])
        XCTAssertEqual(r.trend.map(\.tally.met), [0, 1, 3, 3])
        XCTAssertEqual(r.trend.map(\.tally.partiallyMet), [1, 2, 2, 2])
        XCTAssertEqual(r.trend.map { $0.issues[2]?.partiallyMet }, [0, 1, 1, 1])
        XCTAssertEqual(r.trend.map(\.direction), [nil, .better, .better, .same])
        XCTAssertEqual(r.trend[1].label, "Review 2 (“Winter”), 31 January 2008")
        let md = MarkdownReport.render(r)
        XCTAssertTrue(md.contains("## Trend across reviews"))
        XCTAssertTrue(md.contains("| Review 3 (“Spring”), 30 April 2008 | 3 | 2 | 0 | 1 | 50% | ↑ better |"), md)
        let html = HTMLReport.render(r)
        XCTAssertTrue(html.contains("<h2 id=\"trend\">Trend across reviews</h2>"))
        XCTAssertTrue(html.contains("<title id=\"trend-title\">Targets by status at each closed review</title>"), "an SVG chart of the trend")
        XCTAssertTrue(html.contains("Review 3 (“Spring”), 30 April 2008 — 3 met, 2 partially met, 0 not met, 1 not assessed"))
        XCTAssertNoThrow(try XMLDocument(data: Data(html.dropFirst(html.range(of: "<html")!.lowerBound.utf16Offset(in: html)).utf8)))
        // Per Key Issue: a column per point.
        XCTAssertEqual(r.trendByKeyIssue.columns, ["Review 1", "Review 2", "Review 3", "Now"])
        XCTAssertEqual(r.trendByKeyIssue.rows[1].cells[1], "0 met, 1 partly, 0 not met, 1 not assessed")
        XCTAssertTrue(md.contains("| 2. Employment | 0 met, 0 partly, 0 not met, 2 not assessed | 0 met, 1 partly, 0 not met, 1 not assessed |"), md)
        // CSV: the status at each closed review, as columns after the fixed ones.
        let csv = CSVReport.render(r)
        let lines = csv.components(separatedBy: "\r\n")
        XCTAssertTrue(lines[0].hasSuffix(",direction,statusAtReview1,statusAtReview2,statusAtReview3"), lines[0])
        XCTAssertTrue(lines[1].hasSuffix(",not-met,met,met"), "t1: not met, met, met: \(lines[1])")
        // Review 2's report stops at review 2, without "now".
        XCTAssertEqual(try ProgressReport(plan: plan, options: F.options(review: 2)).trend.map { $0.review?.number }, [1, 2])
        let p = CommitteePaper(report: r, details: PaperDetails(), date: Day(iso: "2008-05-02")!)
        XCTAssertEqual(p.sections.last?.heading, "Trend across reviews")
        XCTAssertEqual(p.sections.last?.paragraphs[0].bullets.count, 4)
    }

    func testOneExceptionRuleForTheReportAndTheMeeting() throws {
        let asOf = Day(iso: "2008-06-30")!
        let partly = Target(id: "a", text: "", due: Day(iso: "2009-01-01"), status: .partiallyMet)
        let partlyOverdue = Target(id: "b", text: "", due: Day(iso: "2008-01-01"), status: .partiallyMet)
        let notMet = Target(id: "c", text: "", status: .notMet)
        let met = Target(id: "d", text: "", due: Day(iso: "2008-01-01"), status: .met)
        XCTAssertFalse(partly.isException(asOf: asOf), "partially met and not overdue is progress")
        XCTAssertTrue(partlyOverdue.isException(asOf: asOf))
        XCTAssertTrue(notMet.isException(asOf: asOf))
        XCTAssertFalse(met.isException(asOf: asOf))
        var plan = Plan(id: "rule", title: "Rule")
        plan.keyIssues = [KeyIssue(number: 1, title: "K", objectives: [Objective(text: "O", targets: [partly, partlyOverdue, notMet, met])])]
        let report = try ProgressReport(plan: plan, options: F.options(asAt: asOf))
        XCTAssertEqual(report.exceptions.map(\.targetID), ["b", "c"])
    }

    func testPaperFieldsAndOpeningPositionRoundTripThroughThePlanFile() throws {
        var plan = try F.threeReviews()
        plan.paper = F.details()
        plan.paper.recommendations = ["Note the progress.", "Agree the <revised> timetable & \"plan\"."]
        plan.paper.backgroundDocuments = ["Disability Equality Scheme 2007"]
        plan.paper.summary = "Line one\nline two"
        plan.assignMissingIds() // as every loaded or imported plan has them
        let bytes = PlanFile.encode(plan)
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertTrue(text.contains("\"paper\": {"))
        XCTAssertTrue(text.contains("\"opening\": ["))
        let back = PlanFile.decode(bytes, file: "reviews.json", expectedID: "reviews")
        XCTAssertEqual(back.problems.map(\.description), [])
        XCTAssertEqual(back.loaded?.plan.paper, plan.paper)
        XCTAssertEqual(back.loaded?.plan.reviews.map(\.opening), plan.reviews.map(\.opening))
        XCTAssertEqual(back.loaded?.plan, plan)
        XCTAssertEqual(PlanFile.encode(back.loaded!.plan), bytes, "written back byte for byte")
        // Options given to a paper replace only what they give.
        var given = PaperDetails()
        given.to = "Scrutiny Committee"
        let merged = plan.paper.merging(given)
        XCTAssertEqual(merged.to, "Scrutiny Committee")
        XCTAssertEqual(merged.by, plan.paper.by)
        XCTAssertEqual(merged.recommendations, plan.paper.recommendations)
    }

    func testAPaperOfAHostilePlanHasNoRawMarkupInMarkdownOrHTML() throws {
        let p = try paper(F.hostilePlan(), F.details(), asAt: Day(iso: "2008-06-30"))
        let md = PaperMarkdown.render(p)
        XCTAssertFalse(md.contains("<w:p>") || md.contains("<script>"))
        XCTAssertFalse(md.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x202E })
        let html = HTMLReport.render(p)
        XCTAssertFalse(html.contains("<script>") || html.contains("<w:p>"))
        XCTAssertTrue(html.contains("&lt;w:p&gt;"))
        // Well-formed XML (as the template promises), with the forbidden characters shown as placeholders.
        XCTAssertNoThrow(try XMLDocument(data: Data(html.dropFirst(html.range(of: "<html")!.lowerBound.utf16Offset(in: html)).utf8)))
        XCTAssertTrue(p.sections[1].paragraphs.contains { $0.text.hasPrefix("Key Issue 2, An empty Key Issue: no targets.") })
        XCTAssertTrue(p.appendix.sections.allSatisfy { !$0.objectives.isEmpty })
    }

    func testMeasuresOverTimeFromTheSnapshots() throws {
        var p = Plan(id: "measures", title: "Measures")
        var bv = Target(id: "t1", text: "BV11a: top 5% of earners who are women", timescale: "March 2009", due: Day(iso: "2009-03-31"))
        bv.measure = Measure(unit: "%", baseline: 52.5, target: 55, actual: 50, better: .higher)
        p.keyIssues = [KeyIssue(number: 1, title: "Employment", objectives: [Objective(code: "E1", text: "Employ", targets: [
            bv, Target(id: "t2", text: "No measure"),
        ])])]
        p.nextTargetId = 3
        p.assignMissingIds() // as every loaded or imported plan has them
        func actual(_ v: Double) { p.keyIssues[0].objectives[0].targets[0].measure?.actual = v }
        try p.startReview(asAt: Day(iso: "2008-01-31")!, openedAt: "a")
        actual(53.1)
        try p.closeReview(closedAt: "b")
        try p.startReview(asAt: Day(iso: "2008-06-30")!, openedAt: "c")
        actual(54.25)
        try p.closeReview(closedAt: "d")
        actual(56)
        XCTAssertEqual(p.reviews.map { $0.snapshot[0].actual }, [53.1, 54.25], "the actual is frozen with each review")
        let back = PlanFile.decode(PlanFile.encode(p), file: "measures.json", expectedID: "measures")
        XCTAssertEqual(back.loaded?.plan, p, "the snapshot's actual round-trips")

        let r = try ProgressReport(plan: p, options: F.options())
        XCTAssertEqual(r.measures.count, 1)
        XCTAssertEqual(r.measures[0].actuals, [53.1, 54.25, 56])
        XCTAssertEqual(r.measures[0].goal, "52.5% → 55% (higher is better)")
        let md = MarkdownReport.render(r)
        XCTAssertTrue(md.contains("## Measures over time"))
        XCTAssertTrue(md.contains("| E1 | BV11a: top 5% of earners who are women | 52.5% → 55% (higher is better) | 53.1% | 54.25% | 56% |"), md)
        XCTAssertTrue(HTMLReport.render(r).contains("<h2 id=\"measures\">Measures over time</h2>"))
        // Review 1's report stops at review 1.
        XCTAssertEqual(try ProgressReport(plan: p, options: F.options(review: 1)).measures[0].actuals, [53.1])
        // A plan without measures has no such section.
        XCTAssertFalse(MarkdownReport.render(try ProgressReport(plan: F.threeReviews(), options: F.options())).contains("Measures over time"))
    }
}
