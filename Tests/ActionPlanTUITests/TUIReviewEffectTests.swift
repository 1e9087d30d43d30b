import ActionPlanCore
@testable import ActionPlanTUI
import XCTest

/// R and r against a real (temporary) data directory: the review is started and closed in the plan
/// file through PlanStore.update, the report is written under reports/, and the UI shows the result.
final class TUIReviewEffectTests: XCTestCase {
    var dir = ""
    var store: PlanStore!
    var runner: EffectRunner!

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "tui-review-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        store = PlanStore(directory: dir)
        _ = try store.write(Sample.plan())
        runner = EffectRunner(store: store, who: "chair")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: dir)
    }

    /// Keys through update, every effect performed and its events fed back, as the backend does.
    func keys(_ state: AppState, _ keys: [Key]) -> AppState {
        runner.drive(state, keys: keys)
    }

    func opened() throws -> AppState {
        var s = AppState(options: Sample.options())
        s.plans = [PlanSummary(plan: Sample.plan(), asOf: Sample.asOf)]
        return update(s, .planOpened(id: "sample", .success(try store.load("sample")))).0
    }

    func testStartAMeetingChangeTargetsAndCloseTheReviewOnDisk() throws {
        var s = try opened()
        s = keys(s, [.char("R"), .tab] + type("DAAF January") + [.enter])
        XCTAssertEqual(s.message?.text, "Opened review 1 as at 15 January 2007: DAAF January — R closes it after the meeting")
        var onDisk = try store.load("sample").plan
        XCTAssertEqual(onDisk.openReview?.number, 1)
        XCTAssertEqual(onDisk.openReview?.title, "DAAF January")
        XCTAssertEqual(onDisk.asAt, Sample.asOf, "the review's date is the plan's as-at date")
        XCTAssertEqual(s.doc?.plan.openReview?.number, 1)
        XCTAssertEqual(s.doc?.base.fingerprint, store.fingerprintOnDisk("sample"), "the UI's base is the file as saved")

        // The meeting: t2 met, t5 not met with a forecast; then the summary and the tree.
        s = keys(s, [.char("M"), .char("n"), .char("m"), .char("n"), .char("n"), .char("x")] + type(" By April") + [.enter])
        XCTAssertEqual(s.meeting?.current, "t6")
        XCTAssertTrue(s.doc!.pending.isEmpty, "saved")
        s = keys(s, [.char("a")])
        XCTAssertEqual(s.meetingContext!.scope().filter { s.meetingContext!.matches($0.target, s.meeting!) }.map(\.target.id), ["t1", "t3", "t4", "t6"],
                       "t2 and t5 were changed since review 1 opened")
        s = keys(s, [.char("q")])
        XCTAssertEqual(s.meetingContext!.summary(s.meeting!).changes.map(\.targetID), ["t2", "t5"])
        XCTAssertEqual(s.meetingContext!.summary(s.meeting!).notYetAssessed, 4)

        // Close from the summary (asks first).
        s = keys(s, [.char("R")])
        XCTAssertEqual(s.prompt, .closeReview(number: 1, asAt: Sample.asOf))
        s = keys(s, [.char("y")])
        XCTAssertEqual(s.message?.text, "Closed review 1: 6 targets frozen (2 met · 1 partly · 2 not met · 1 not assessed)")
        onDisk = try store.load("sample").plan
        XCTAssertNil(onDisk.openReview)
        let review = try XCTUnwrap(onDisk.reviews.first)
        XCTAssertNotNil(review.closedAt)
        XCTAssertEqual(review.snapshot.first { $0.id == "t5" }, TargetSnapshot(id: "t5", status: .notMet, comment: "", forecast: "Expected by March 2007. By April"))
        XCTAssertEqual(review.snapshot.first { $0.id == "t2" }?.status, .met)
        let t5 = try XCTUnwrap(onDisk.target(id: "t5"))
        XCTAssertEqual(t5.history.map(\.field), [.status, .forecast])
        XCTAssertTrue(t5.history.allSatisfy { $0.who == "chair" && $0.when >= review.openedAt })
        XCTAssertNil(s.doc?.plan.openReview)
        XCTAssertEqual(s.doc?.base.fingerprint, store.fingerprintOnDisk("sample"))

        // The meeting now compares with review 1.
        s = keys(s, [.enter, .char("a"), .char("g")])
        let text = render(s, size: Size(width: 120, height: 40)).text
        XCTAssertTrue(text.contains("✓ Met in review 1, as at 15 January 2007   → same"), text)
    }

    func testStartingAReviewTwiceIsRefusedWithTheCoresReason() throws {
        var plan = Sample.plan()
        try plan.startReview(asAt: Sample.asOf, openedAt: "2007-01-15T09:00:00Z")
        _ = try store.write(plan)
        var s = try opened()
        // Someone else's review appeared after the UI loaded the plan it shows without one.
        var stale = Sample.plan()
        stale.reviews = []
        s.doc!.plan = stale
        s = keys(s, [.char("R"), .enter])
        XCTAssertEqual(s.message?.isError, true)
        XCTAssertEqual(s.message?.text, "Could not start a review: review 1 of sample (as at 2007-01-15) is already open; close it first with `actionplan review close sample`")
    }

    func testRWritesTheHTMLReportUnderReports() throws {
        var s = try opened()
        s = keys(s, [.char("r"), .enter])
        let path = dir + "/reports/sample-2007-01-10.html"
        XCTAssertEqual(s.message?.text, "Wrote the HTML report: \(path)")
        let html = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"), String(html.prefix(40)))
        XCTAssertTrue(html.contains("Outcomes Progress Report as at 10 January 2007"))
        XCTAssertEqual(try store.planIDs(), ["sample"], "reports/ is never read as a plan")
        // Markdown and CSV beside it; written again, a report is replaced.
        s = keys(s, [.char("r"), .char("m"), .char("r"), .char("c"), .char("r"), .enter])
        let names = try FileManager.default.contentsOfDirectory(atPath: dir + "/reports").sorted()
        XCTAssertEqual(names, ["sample-2007-01-10.csv", "sample-2007-01-10.html", "sample-2007-01-10.md"])
        let csv = try Data(contentsOf: URL(fileURLWithPath: dir + "/reports/sample-2007-01-10.csv"))
        XCTAssertEqual(Array(csv.prefix(3)), [0xEF, 0xBB, 0xBF], "with the byte order mark Excel needs")
    }

    func testAReportThatCannotBeWrittenSaysWhy() throws {
        try "not a folder".write(toFile: dir + "/reports", atomically: true, encoding: .utf8)
        var s = try opened()
        s = keys(s, [.char("r"), .enter])
        XCTAssertEqual(s.message?.isError, true)
        XCTAssertTrue(s.message!.text.hasPrefix("Could not write the report: "), s.message!.text)
    }

    /// `r` then Tab: the committee paper; `e` and `o` narrow it as `report --exceptions --officer` do;
    /// `w` writes it as Word. The file is a real .docx of the paper.
    func testRWritesTheCommitteePaperAsWordWithTheOptions() throws {
        var plan = Sample.plan()
        plan.paper.to = "Scrutiny Committee"
        _ = try store.write(plan)
        var s = try opened()
        s = keys(s, [.char("r"), .tab])
        guard case .report(let choice)? = s.prompt else { return XCTFail("the prompt stays open: \(String(describing: s.prompt))") }
        XCTAssertTrue(choice.paper)
        XCTAssertFalse(choice.formats.contains(.csv), "the paper has no CSV form")
        var text = render(s, size: Size(width: 80, height: 24)).text
        XCTAssertTrue(text.contains("Write the committee paper"), text)
        XCTAssertTrue(text.contains("To reports/sample-paper-2007-01-10.html"), text)
        XCTAssertTrue(text.contains("Full paper: covering report + Appendix 1"), text)
        s = keys(s, [.char("c")])
        XCTAssertEqual(s.message?.text, "The committee paper has no CSV form: Tab back to the appendix for CSV")
        s = keys(s, [.char("o")])
        XCTAssertTrue(s.message!.text.hasPrefix("No officer filter is set"), s.message!.text)
        s = keys(s, [.char("e")])
        text = render(s, size: Size(width: 80, height: 24)).text
        XCTAssertTrue(text.contains("[x] exceptions only in the detail"), text)
        s = keys(s, [.char("w")])
        let path = dir + "/reports/sample-paper-2007-01-10.docx"
        XCTAssertEqual(s.message?.text, "Wrote the Word committee paper: \(path)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertEqual(Array(bytes.prefix(2)), [0x50, 0x4B])
        let expected = try ReportDocument.render(plan: try store.load("sample").plan,
                                                 options: ReportOptions(exceptionsOnly: true, today: Sample.asOf),
                                                 kind: .paper(plan.paper, date: Sample.asOf), format: .docx)
        XCTAssertEqual([UInt8](bytes), expected, "the same document `actionplan report --paper --exceptions --format docx` writes")
        // With the tree's officer filter, o narrows the report to that officer.
        s.doc!.filters.officer = "GS"
        s = keys(s, [.char("r"), .char("o")])
        guard case .report(let narrowed)? = s.prompt else { return XCTFail("prompt") }
        XCTAssertEqual(narrowed.officer, "GS")
        XCTAssertTrue(render(s, size: Size(width: 80, height: 24)).text.contains("[x] only “GS”"))
        s = keys(s, [.char("m")])
        let md = try String(contentsOfFile: dir + "/reports/sample-2007-01-10.md", encoding: .utf8)
        XCTAssertTrue(md.contains("only targets led by “GS”"), md)
    }
}
