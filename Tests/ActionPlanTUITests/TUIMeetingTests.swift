import ActionPlanCore
@testable import ActionPlanTUI
import XCTest

/// Meeting mode in `update`: navigation, status-and-advance, the `a` and `e` filters, the not-met
/// forecast prompt, the summary; and the review and report keys, as effects.
///
/// The sample plan: t1 met, t2 not assessed (ongoing), t3 not met (overdue), t4 partly met
/// (quarterly), t5 not assessed (overdue, with a forecast), t6 not assessed (due after 15 Jan 2007).
final class TUIMeetingTests: XCTestCase {
    func meeting(_ state: AppState = Sample.opened(), at node: NodeID? = nil) -> AppState {
        var s = state
        if let node { s = moveTo(node, in: s) }
        return send(s, .char("M")).0
    }

    func current(_ s: AppState) -> String? { s.meeting?.current }

    /// Saves the pending changes in a scratch directory and feeds the result back, as the runner would.
    func saveAll(_ s: AppState) -> AppState {
        let dir = NSTemporaryDirectory() + "tui-meeting-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = PlanStore(directory: dir)
        _ = try! store.write(s.doc!.base.plan)
        let result = try! store.commit(s.doc!.pending, to: s.doc!.id, who: "tester")
        return update(s, .saved(planID: s.doc!.id, changes: s.doc!.pending, .success(result), time: "10:00")).0
    }

    func position(_ s: AppState) -> String {
        let m = s.meeting!
        let list = s.meetingContext!.list(m)
        guard let here = s.meetingContext!.current(m, in: list) else { return "none" }
        return "\(here.index + 1) of \(list.count)"
    }

    /// A plan with review 1 closed (t3 was partly met then) and review 2 open since 12 January 2007;
    /// t3 was changed after review 2 opened.
    static func planWithReviews() -> Plan {
        var plan = Sample.plan()
        var closed = Review(number: 1, asAt: Day(year: 2006, month: 10, day: 31)!, title: "October")
        closed.openedAt = "2006-10-30T09:00:00Z"
        closed.closedAt = "2006-10-31T17:00:00Z"
        closed.snapshot = plan.snapshot()
        closed.snapshot[2].status = .partiallyMet // t3
        closed.snapshot.removeLast() // t6 is new since
        var open = Review(number: 2, asAt: Day(year: 2007, month: 1, day: 12)!, title: "January")
        open.openedAt = "2007-01-12T09:00:00Z"
        plan.reviews = [closed, open]
        plan.keyIssues[0].objectives[0].targets[2].history.append(
            HistoryEntry(when: "2007-01-12T10:30:00Z", who: "jo", field: .comment, old: "", new: "Delayed by the restructure."))
        return plan
    }

    // MARK: - Starting and moving

    func testMStartsAtTheTargetUnderTheCursorOrTheFirstUnderAKeyIssue() {
        var s = meeting(at: .target("t3"))
        XCTAssertEqual(current(s), "t3")
        XCTAssertEqual(position(s), "3 of 6")
        XCTAssertTrue(s.message!.text.hasPrefix("Meeting mode: no review open (R starts one)"), s.message!.text)
        s = meeting(at: .issue(1))
        XCTAssertEqual(current(s), "t5")
        s = meeting(at: .objective(0, 1))
        XCTAssertEqual(current(s), "t4")
        s = meeting(Sample.opened())
        XCTAssertEqual(current(s), "t1", "the cursor starts on Key Issue 1")
        XCTAssertEqual(send(s, .char("M")).0.message?.text, "Already in meeting mode (q ends it)")
    }

    func testArrowsAndBNStepAndTheEndsSaySo() {
        var s = meeting()
        s = send(s, .right).0
        XCTAssertEqual(current(s), "t2")
        s = send(s, .char("n"), .char("n")).0
        XCTAssertEqual(current(s), "t4")
        s = send(s, .left, .char("b")).0
        XCTAssertEqual(current(s), "t2")
        s = send(s, .char("b"), .char("b")).0
        XCTAssertEqual(current(s), "t1")
        XCTAssertEqual(s.message?.text, "This is the first target")
        s = send(s, .char("G")).0
        XCTAssertEqual(current(s), "t6")
        s = send(s, .end, .home).0
        XCTAssertEqual(current(s), "t1")
        // Past the last target: the summary; Enter goes back to the last target.
        s = send(s, .char("G"), .right).0
        XCTAssertEqual(s.meeting?.phase, .summary(scroll: 0))
        XCTAssertTrue(s.message!.text.hasPrefix("That was the last target"))
        s = send(s, .enter).0
        XCTAssertEqual(s.meeting?.phase, .focus)
        XCTAssertEqual(current(s), "t6")
    }

    func testStatusKeysSetTheStatusAndMoveOn() {
        var s = meeting()
        var fx: [Effect]
        // t1 is met already: kept (nothing to save), and the meeting moves on.
        (s, fx) = send(s, .char("m"))
        XCTAssertTrue(fx.isEmpty)
        XCTAssertEqual(current(s), "t2")
        XCTAssertEqual(s.message?.text, "t1: already ✓ Met, kept")
        (s, fx) = send(s, .char("m"))
        XCTAssertEqual(fx.first?.changes, [TargetChange(targetID: "t2", field: .status, expectedOld: "notAssessed", new: "met")])
        XCTAssertEqual(s.doc?.plan.target(id: "t2")?.status, .met)
        XCTAssertEqual(current(s), "t3")
        XCTAssertEqual(s.message?.text, "t2: · Not assessed → ✓ Met")
        s = saveAll(s)
        (s, fx) = send(s, .char("p"))
        XCTAssertEqual(fx.first?.changes?.last, TargetChange(targetID: "t3", field: .status, expectedOld: "notMet", new: "partiallyMet"))
        XCTAssertEqual(current(s), "t4")
        // Space: no change, move on.
        (s, fx) = send(s, .char(" "))
        XCTAssertTrue(fx.isEmpty)
        XCTAssertEqual(s.doc?.plan.target(id: "t4")?.status, .partiallyMet)
        XCTAssertEqual(s.message?.text, "t4: kept as ◐ Partly met")
        XCTAssertEqual(current(s), "t5")
        (s, fx) = send(s, .char("-"))
        XCTAssertTrue(fx.isEmpty, "t5 is not assessed already")
        XCTAssertEqual(current(s), "t6")
        // The last target: set, then the summary.
        (s, fx) = send(s, .char("m"))
        XCTAssertEqual(fx.count, 1)
        XCTAssertEqual(s.meeting?.phase, .summary(scroll: 0))
        XCTAssertEqual(s.message?.text, "t6: · Not assessed → ✓ Met · that was the last target: the summary (Enter goes back, q leaves)")
        XCTAssertEqual(s.meeting?.confirmed, ["t1", "t2", "t3", "t4", "t5", "t6"])
        XCTAssertEqual(s.meeting?.changed, ["t2", "t3", "t6"])
    }

    func testCommentAndForecastEditStayOnTheTarget() {
        var s = meeting(at: .target("t2"))
        var fx: [Effect]
        s = send(s, .char("c")).0
        guard case .editing(let session) = s.mode else { return XCTFail("c opens the editor") }
        XCTAssertEqual(session.field, .comment)
        (s, fx) = send(s, type("Met the forum") + [.enter])
        XCTAssertEqual(fx.last?.changes, [TargetChange(targetID: "t2", field: .comment, expectedOld: "", new: "Met the forum")])
        XCTAssertEqual(current(s), "t2")
        XCTAssertEqual(s.mode, .normal)
        XCTAssertEqual(s.meeting?.changed, ["t2"])
        s = send(s, .char("f"), .escape).0
        XCTAssertEqual(s.message?.text, "Edit cancelled; nothing changed")
        XCTAssertEqual(current(s), "t2")
    }

    // MARK: - Not met asks for the forecast

    func testXAsksForTheForecastAndSavesNotMetWithItInOneCommit() {
        var s = meeting(at: .target("t5"))
        var fx: [Effect]
        (s, fx) = send(s, .char("x"))
        XCTAssertTrue(fx.isEmpty, "nothing is saved until the forecast is")
        guard case .editing(let session) = s.mode else { return XCTFail("x opens the forecast editor") }
        XCTAssertEqual(session.field, .forecast)
        XCTAssertEqual(session.editor.text, "Expected by March 2007.", "pre-filled with the forecast")
        XCTAssertEqual(s.meeting?.notMetPrompt, "t5")
        XCTAssertTrue(render(s, size: Size(width: 80, height: 24)).text.contains("Not met — when will it be met, or why not?"))
        XCTAssertEqual(s.doc?.plan.target(id: "t5")?.status, .notAssessed, "not yet marked")

        (s, fx) = send(s, [.end] + Array(repeating: Key.backspace, count: 11) + type("June 2007: waiting for the panel") + [.enter])
        XCTAssertEqual(fx.count, 1, "one save")
        XCTAssertEqual(fx.first?.changes, [
            TargetChange(targetID: "t5", field: .status, expectedOld: "notAssessed", new: "notMet"),
            TargetChange(targetID: "t5", field: .forecast, expectedOld: "Expected by March 2007.", new: "Expected by June 2007: waiting for the panel"),
        ])
        XCTAssertEqual(s.doc?.plan.target(id: "t5")?.status, .notMet)
        XCTAssertEqual(current(s), "t6", "and moves on")
        XCTAssertEqual(s.mode, .normal)
        XCTAssertNil(s.meeting?.notMetPrompt)
        XCTAssertEqual(s.message?.text, "t5: · Not assessed → ✗ Not met; forecast set")
        // u undoes the forecast, then the status, and goes back to t5.
        (s, fx) = send(s, .char("u"))
        XCTAssertEqual(current(s), "t5")
        XCTAssertEqual(s.doc?.plan.target(id: "t5")?.forecast, "Expected by March 2007.")
        (s, fx) = send(s, .char("u"))
        XCTAssertEqual(s.doc?.plan.target(id: "t5")?.status, .notAssessed)
    }

    func testEscAfterXChangesNothingAndStays() {
        var s = meeting(at: .target("t2"))
        var fx: [Effect]
        (s, fx) = send(s, [.char("x")] + type("Soon") + [.escape])
        XCTAssertTrue(fx.isEmpty)
        XCTAssertEqual(s.doc?.plan, Sample.plan())
        XCTAssertEqual(current(s), "t2")
        XCTAssertEqual(s.mode, .normal)
        XCTAssertNil(s.meeting?.notMetPrompt)
        XCTAssertEqual(s.message?.text, "Nothing changed: t2 stays · Not assessed, not marked not met (Esc)")
    }

    /// Issue 12: on a target already not met, Esc must not claim it "is not marked not met".
    func testEscAfterXOnATargetAlreadyNotMetSaysItIsStillNotMet() {
        var s = meeting(at: .target("t3"))
        var fx: [Effect]
        (s, fx) = send(s, [.char("x")] + type("By June") + [.escape])
        XCTAssertTrue(fx.isEmpty)
        XCTAssertEqual(s.doc?.plan.target(id: "t3")?.status, .notMet)
        XCTAssertEqual(s.message?.text, "Nothing changed: t3 is still ✗ Not met, forecast unchanged (Esc)")
    }

    func testXOnATargetAlreadyNotMetEditsOnlyTheForecast() {
        var s = meeting(at: .target("t3"))
        var fx: [Effect]
        (s, fx) = send(s, .char("x"), .enter)
        XCTAssertTrue(fx.isEmpty, "forecast unchanged, status unchanged")
        XCTAssertEqual(current(s), "t4")
        XCTAssertEqual(s.message?.text, "t3: still ✗ Not met; forecast unchanged")
        s = send(s, .char("b")).0
        (s, fx) = send(s, [.char("x")] + type("Level 4 by 2008") + [.enter])
        XCTAssertEqual(fx.first?.changes, [TargetChange(targetID: "t3", field: .forecast, expectedOld: "", new: "Level 4 by 2008")])
    }

    func testFOnANotMetTargetAsksWhenOrWhyNot() {
        var s = meeting(at: .target("t3"))
        s = send(s, .char("f")).0
        guard case .editing(let session) = s.mode else { return XCTFail() }
        XCTAssertNil(s.meeting?.notMetPrompt, "f changes only the forecast")
        XCTAssertEqual(MeetingScreen.promptText(s, s.meeting!, session: session), "Not met — when will it be met, or why not?")
        XCTAssertTrue(render(s, size: Size(width: 120, height: 40)).text.contains("Not met — when will it be met, or why not?"))
        var fx: [Effect]
        (s, fx) = send(s, type("By 2008") + [.enter])
        XCTAssertEqual(fx.first?.changes, [TargetChange(targetID: "t3", field: .forecast, expectedOld: "", new: "By 2008")])
        XCTAssertEqual(current(s), "t3", "f stays on the target")
        // On a target that is met, the usual question.
        s = send(s, .char("g"), .char("f")).0
        guard case .editing(let other) = s.mode else { return XCTFail() }
        XCTAssertEqual(MeetingScreen.promptText(s, s.meeting!, session: other), "Expected to be met? If so, when; if not, why not?")
        // In ASCII mode the dash is ASCII.
        var ascii = meeting(Sample.opened(glyphs: .ascii), at: .target("t3"))
        ascii = send(ascii, .char("f")).0
        guard case .editing(let a) = ascii.mode else { return XCTFail() }
        XCTAssertEqual(MeetingScreen.promptText(ascii, ascii.meeting!, session: a), "Not met - when will it be met, or why not?")
    }

    // MARK: - Filters

    func testANotYetAssessedWithoutAReviewMeansStatusNotAssessed() {
        var s = meeting()
        s = send(s, .char("a")).0
        XCTAssertEqual(current(s), "t2", "t1 is met: the meeting moves to the first target not assessed")
        XCTAssertEqual(s.meetingContext!.scope().filter { s.meetingContext!.matches($0.target, s.meeting!) }.map(\.target.id), ["t2", "t5", "t6"])
        XCTAssertEqual(s.message?.text, "3 targets · not yet assessed only: on · exceptions only: off (no review is open: status not assessed)")
        XCTAssertEqual(position(s), "1 of 3")
        s = send(s, .char("m")).0
        XCTAssertEqual(current(s), "t5")
        XCTAssertEqual(position(s), "1 of 2", "t2 is assessed now")
        // Space counts as assessed too.
        s = send(s, .char(" ")).0
        XCTAssertEqual(current(s), "t6")
        XCTAssertEqual(position(s), "1 of 1")
        s = send(s, .char("b")).0
        XCTAssertEqual(current(s), "t6", "nothing before it is left")
        s = send(s, .char("a")).0
        XCTAssertEqual(position(s), "6 of 6")
    }

    func testANotYetAssessedInTheOpenReviewMeansNoChangeSinceItOpened() {
        var s = meeting(Sample.opened(Self.planWithReviews()))
        XCTAssertTrue(s.message!.text.hasPrefix("Meeting mode: review 2 open"), s.message!.text)
        s = send(s, .char("a")).0
        // t3's comment was changed after review 2 opened; t1's history is older than the review.
        XCTAssertEqual(s.meetingContext!.scope().filter { s.meetingContext!.matches($0.target, s.meeting!) }.map(\.target.id), ["t1", "t2", "t4", "t5", "t6"])
        XCTAssertTrue(s.message!.text.hasSuffix("(not changed since review 2 opened)"), s.message!.text)
        XCTAssertEqual(current(s), "t1")
        s = send(s, .char("m")).0 // t1 is met already: confirmed, so assessed
        XCTAssertEqual(current(s), "t2")
        XCTAssertEqual(position(s), "1 of 4")
        // A save brings history: the target stays assessed after the meeting's own record is gone.
        var plan = s.doc!.plan
        plan.keyIssues[0].objectives[0].targets[1].history.append(
            HistoryEntry(when: "2007-01-15T10:00:00Z", who: "tester", field: .status, old: "notAssessed", new: "met"))
        let fresh = MeetingState(planID: "sample", before: plan.snapshot(), current: nil)
        var other = s
        other.doc!.plan = plan
        XCTAssertFalse(other.meetingContext!.isNotYetAssessed(plan.target(id: "t2")!, meeting: fresh))
        XCTAssertTrue(other.meetingContext!.isNotYetAssessed(plan.target(id: "t4")!, meeting: fresh))
        XCTAssertFalse(other.meetingContext!.isNotYetAssessed(plan.target(id: "t3")!, meeting: fresh))
    }

    func testEExceptionsAreNotMetPartlyMetOrOverdue() {
        var s = meeting()
        s = send(s, .char("e")).0
        XCTAssertEqual(s.meetingContext!.scope().filter { s.meetingContext!.matches($0.target, s.meeting!) }.map(\.target.id), ["t3", "t4", "t5"])
        XCTAssertEqual(current(s), "t3")
        XCTAssertEqual(position(s), "1 of 3")
        s = send(s, .char("m")).0
        XCTAssertEqual(current(s), "t4")
        XCTAssertEqual(position(s), "1 of 2", "t3 is met now: no longer an exception")
        s = send(s, .char("a")).0
        XCTAssertEqual(s.meetingContext!.scope().filter { s.meetingContext!.matches($0.target, s.meeting!) }.map(\.target.id), ["t5"], "both filters")
        XCTAssertEqual(current(s), "t5")
        XCTAssertEqual(s.meeting?.filterDescription, "not yet assessed exceptions only")
        s = send(s, .char("e"), .char("a")).0
        XCTAssertNil(s.meeting?.filterDescription)
    }

    func testTheTreesFiltersChooseTheMeetingsTargets() {
        var s = Sample.opened(officer: "GS")
        s = send(s, .char("M")).0
        XCTAssertEqual(s.meetingContext!.scope().map(\.target.id), ["t1", "t3"])
        s = send(s, .char("m"), .char("m")).0
        XCTAssertEqual(s.meeting?.phase, .summary(scroll: 0))
        var empty = Sample.opened(officer: "Nobody")
        empty = send(empty, .char("M")).0
        XCTAssertNil(empty.meeting)
        XCTAssertEqual(empty.message?.text, "No targets match the filters (* clears them)")
    }

    // MARK: - Summary

    func testSummaryListsWhatChangedAndWhatIsOutstanding() {
        var s = meeting(at: .target("t2"))
        s = send(s, .char("m")).0                                   // t2 → met
        s = send(s, .char("n"), .char("n"), .char("x")).0           // t5 → not met, with a forecast
        s = send(s, type(" Slipped") + [.enter]).0
        s = send(s, .char("c")).0                                   // t6: a comment
        s = send(s, type("Draft report seen") + [.enter]).0
        s = send(s, .char("g"), .char("m")).0                       // t1: kept (no change)
        s = send(s, .char("q")).0
        XCTAssertEqual(s.meeting?.phase, .summary(scroll: 0))
        let summary = s.meetingContext!.summary(s.meeting!)
        XCTAssertEqual(summary.changes, [
            MeetingChange(targetID: "t2", text: Sample.plan().target(id: "t2")!.text, oldStatus: .notAssessed, newStatus: .met,
                          commentChanged: false, forecastChanged: false),
            MeetingChange(targetID: "t5", text: Sample.plan().target(id: "t5")!.text, oldStatus: .notAssessed, newStatus: .notMet,
                          commentChanged: false, forecastChanged: true),
            MeetingChange(targetID: "t6", text: Sample.plan().target(id: "t6")!.text, oldStatus: .notAssessed, newStatus: .notAssessed,
                          commentChanged: true, forecastChanged: false),
        ])
        XCTAssertEqual(summary.outstanding.map(\.id), ["t3", "t4", "t5", "t6"])
        XCTAssertEqual(summary.outstandingTally.notMet, 2)
        XCTAssertEqual(summary.outstandingTally.partiallyMet, 1)
        XCTAssertEqual(summary.outstandingTally.overdue, 2)
        XCTAssertEqual(summary.outstandingTally.notAssessed, 1)
        XCTAssertNil(summary.notYetAssessed, "no review is open")

        let text = render(s, size: Size(width: 120, height: 40)).text
        XCTAssertTrue(text.contains("MEETING SUMMARY   3 targets changed in this meeting"), text)
        XCTAssertTrue(text.contains("t2   · Not assessed → ✓ Met"), text)
        XCTAssertTrue(text.contains("t5   · Not assessed → ✗ Not met · forecast changed"), text)
        XCTAssertTrue(text.contains("t6   status unchanged (· Not assessed) · comment changed"), text)
        XCTAssertTrue(text.contains("Still outstanding (4)  ✗ 2 not met · ◐ 1 partly met · ⚠ 2 overdue · · 1 not assessed"), text)
        XCTAssertTrue(text.contains("t3   ✗ Not met      ⚠ overdue Contribute to achieving"), text)

        // A change undone is no longer a change of the meeting.
        s = send(s, .enter).0
        XCTAssertEqual(current(s), "t2", "m on t1 moved on to t2 before q")
        s = send(s, .char("u")).0 // the comment of t6
        XCTAssertEqual(current(s), "t6", "undo goes back to its target")
        XCTAssertEqual(s.meetingContext!.summary(s.meeting!).changes.map(\.targetID), ["t2", "t5"])

        // q leaves the summary for the tree, on the target the meeting was at.
        s = send(s, .char("q"), .char("q")).0
        XCTAssertNil(s.meeting)
        XCTAssertEqual(s.doc?.cursor, .target("t6"))
        XCTAssertEqual(s.message?.text, "Left meeting mode: 2 targets changed in the meeting")
        XCTAssertEqual(s.screen, .plan)
    }

    func testSummaryScrollsAndEscLeaves() {
        var s = update(meeting(), .resize(Size(width: 60, height: 16))).0
        s = send(s, .char("q")).0
        s = send(s, .down, .down, .pageDown).0
        guard case .summary(let scroll)? = s.meeting?.phase else { return XCTFail() }
        XCTAssertGreaterThan(scroll, 2)
        s = send(s, .char("k")).0
        XCTAssertEqual(s.meeting?.phase, .summary(scroll: scroll - 1))
        XCTAssertEqual(send(s, .char("z")).0.message?.text, "z does nothing here: Enter goes back into the meeting, q leaves meeting mode")
        s = send(s, .escape).0
        XCTAssertNil(s.meeting)
    }

    func testActionplanMeetOpensStraightIntoMeetingMode() {
        var options = Sample.options()
        options.startInMeeting = true
        var s = AppState(options: options)
        s = update(s, .planOpened(id: "sample", .success(Sample.loaded()))).0
        XCTAssertEqual(s.meeting?.current, "t1")
        XCTAssertFalse(s.options.startInMeeting, "only once")
        // Leaving goes to the tree; opening the plan again does not restart the meeting.
        s = send(s, .char("q"), .char("q")).0
        XCTAssertNil(s.meeting)
        XCTAssertEqual(s.screen, .plan)
    }

    func testKeysOutsideTheMeetingTableSaySoAndHelpWorks() {
        var s = meeting()
        s = send(s, .char("/")).0
        XCTAssertEqual(s.message?.text, "/ does nothing in meeting mode (? shows the keys, q ends the meeting)")
        s = update(s, .resize(Size(width: 120, height: 40))).0
        s = send(s, .char("?")).0
        guard case .help(let scroll) = s.mode else { return XCTFail("? opens the help") }
        XCTAssertGreaterThan(scroll, 0, "scrolled to the meeting's keys")
        let grid = render(s, size: Size(width: 120, height: 40))
        let help = grid.text
        XCTAssertTrue(grid.lines.contains { $0.hasPrefix(" Meeting mode   ") }, help)
        XCTAssertTrue(help.contains("Mark met and move on to the next target"), help)
        s = send(s, .escape).0
        XCTAssertEqual(s.mode, .normal)
        XCTAssertNotNil(s.meeting)
        XCTAssertTrue(send(s, .ctrl("c")).1.contains { $0.isQuit })
    }

    // MARK: - Reviews and reports

    func reviewEffect(_ fx: [Effect]) -> ReviewEffect? {
        for e in fx { if case .review(let r) = e { return r } }
        return nil
    }

    func testRAsksForTheDateAndTitleAndStartsAReview() {
        var s = moveTo(.target("t2"), in: Sample.opened())
        var fx: [Effect]
        s = send(s, .char("R")).0
        guard case .startReview(let form)? = s.prompt else { return XCTFail("R opens the form") }
        XCTAssertEqual(form.date.text, "2007-01-15", "today (--as-of) pre-filled")
        XCTAssertTrue(render(s, size: Size(width: 80, height: 24)).text.contains("Start review 1"))
        (s, fx) = send(s, [.tab] + type("DAAF January") + [.enter])
        XCTAssertNil(s.prompt)
        guard case .start(let id, let asAt, let title)? = reviewEffect(fx) else { return XCTFail("\(fx)") }
        XCTAssertEqual(id, "sample")
        XCTAssertEqual(asAt, Sample.asOf)
        XCTAssertEqual(title, "DAAF January")
        // A date that is not a date stays in the form with the reason.
        s = send(s, .char("R")).0
        (s, fx) = send(s, Array(repeating: Key.backspace, count: 3) + type("x") + [.enter])
        XCTAssertTrue(fx.isEmpty)
        guard case .startReview(let bad)? = s.prompt else { return XCTFail() }
        XCTAssertEqual(bad.error, "“2007-01x” is not a date: type it as YYYY-MM-DD")
        (s, fx) = send(s, .escape)
        XCTAssertNil(s.prompt)
        XCTAssertEqual(s.message?.text, "No review started")
        XCTAssertTrue(fx.isEmpty)
    }

    func testANewReviewCannotBeEarlierThanTheLast() {
        var plan = Self.planWithReviews()
        plan.reviews.removeLast()
        var s = Sample.opened(plan)
        var fx: [Effect]
        (s, fx) = send(s, [.char("R"), .home] + Array(repeating: Key.delete, count: 10) + type("2006-09-30") + [.enter])
        XCTAssertTrue(fx.isEmpty)
        guard case .startReview(let form)? = s.prompt else { return XCTFail() }
        XCTAssertEqual(form.error, "Review 1 is as at 2006-10-31: a new review cannot be earlier")
    }

    func testRWithAReviewOpenAsksBeforeClosingIt() {
        var s = Sample.opened(Self.planWithReviews())
        XCTAssertTrue(render(s, size: Size(width: 120, height: 40)).lines[0].contains("Review 2 open (as at 12 January 2007)"))
        XCTAssertTrue(render(s, size: Size(width: 60, height: 16)).lines[0].contains("Review 2 open (as at 2007-01-12)"))
        var fx: [Effect]
        s = send(s, .char("R")).0
        XCTAssertEqual(s.prompt, .closeReview(number: 2, asAt: Day(year: 2007, month: 1, day: 12)!))
        XCTAssertTrue(render(s, size: Size(width: 80, height: 24)).text.contains("Close review 2?"))
        (s, fx) = send(s, .char("n"))
        XCTAssertTrue(fx.isEmpty)
        XCTAssertEqual(s.message?.text, "Review 2 stays open")
        (s, fx) = send(s, .char("R"), .char("y"))
        guard case .close(let id)? = reviewEffect(fx) else { return XCTFail("\(fx)") }
        XCTAssertEqual(id, "sample")
        // Not while changes are unsaved.
        s = moveTo(.target("t2"), in: s)
        s = send(s, .char("m")).0
        (s, fx) = send(s, .char("R"), .char("y"))
        XCTAssertNil(reviewEffect(fx))
        XCTAssertEqual(s.message?.text, "Review 2 not closed: 1 change is not saved yet (w retries)")
    }

    func testRWorksInAMeetingAndItsSummary() {
        var s = meeting(Sample.opened(Self.planWithReviews()))
        var fx: [Effect]
        (s, fx) = send(s, .char("R"), .char("y"))
        XCTAssertNotNil(reviewEffect(fx))
        XCTAssertNotNil(s.meeting, "still in the meeting")
        (s, fx) = send(s, .char("q"), .char("r"), .enter)
        guard case .writeReport? = reviewEffect(fx) else { return XCTFail("\(fx)") }
        XCTAssertTrue(s.meeting!.isSummary)
    }

    func testLowercaseRWritesTheReportHTMLByDefault() {
        var s = Sample.opened()
        var fx: [Effect]
        s = send(s, .char("r")).0
        XCTAssertEqual(s.prompt, .report(selection: 0))
        let text = render(s, size: Size(width: 80, height: 24)).text
        XCTAssertTrue(text.contains("To reports/sample-2007-01-10.html"), text)
        (s, fx) = send(s, .enter)
        guard case .writeReport(let plan, let format, let today, let name)? = reviewEffect(fx) else { return XCTFail("\(fx)") }
        XCTAssertEqual(plan, s.doc?.plan)
        XCTAssertEqual(format, .html)
        XCTAssertEqual(today, Sample.asOf)
        XCTAssertEqual(name, "sample-2007-01-10.html", "named by the plan's as-at date")
        (s, fx) = send(s, .char("r"), .char("c"))
        guard case .writeReport(_, .csv, _, "sample-2007-01-10.csv")? = reviewEffect(fx) else { return XCTFail("\(fx)") }
        (s, fx) = send(s, .char("r"), .down, .enter)
        guard case .writeReport(_, .md, _, _)? = reviewEffect(fx) else { return XCTFail("\(fx)") }
        (s, fx) = send(s, .char("r"), .escape)
        XCTAssertTrue(fx.isEmpty)
        XCTAssertEqual(s.message?.text, "No report written")
        // Without an as-at date, the file is dated --as-of.
        var undated = Sample.plan()
        undated.asAt = nil
        XCTAssertEqual(Sample.opened(undated).reportFileName(.html), "sample-2007-01-15.html")
    }

    func testReviewKeysOnThePlansListSayToOpenAPlan() {
        var s = AppState(options: Sample.options())
        s.plans = [PlanSummary(plan: Sample.plan(), asOf: Sample.asOf)]
        for key in ["M", "R", "r"] {
            let (after, fx) = send(s, .char(Character(key)))
            XCTAssertTrue(fx.isEmpty)
            XCTAssertNil(after.prompt)
            XCTAssertNil(after.meeting)
            XCTAssertEqual(after.message?.text, "Open a plan first: move to it and press Enter")
        }
    }

    func testOutcomesUpdateThePlanAndSayWhatHappened() throws {
        var s = Sample.opened()
        var plan = Sample.plan()
        let review = try plan.startReview(asAt: Sample.asOf, title: "DAAF", openedAt: "2007-01-15T09:00:00Z")
        s = update(s, .review(.started(planID: "sample", review: review, loaded: Sample.loaded(plan)))).0
        XCTAssertEqual(s.doc?.plan.openReview?.number, 1)
        XCTAssertEqual(s.message?.text, "Opened review 1 as at 15 January 2007: DAAF — R closes it after the meeting")
        XCTAssertTrue(render(s, size: Size(width: 120, height: 40)).lines[0].contains("Review 1 open (as at 15 January 2007)"))
        let closed = try plan.closeReview(closedAt: "2007-01-15T12:00:00Z")
        s = update(s, .review(.closed(planID: "sample", review: closed, tally: plan.tally(of: closed), loaded: Sample.loaded(plan)))).0
        XCTAssertNil(s.doc?.plan.openReview)
        XCTAssertEqual(s.message?.text, "Closed review 1: 6 targets frozen (1 met · 1 partly · 1 not met · 3 not assessed)")
        XCTAssertTrue(render(s, size: Size(width: 120, height: 40)).lines[0].contains("as at 15 January 2007"))
        s = update(s, .review(.reportWritten(planID: "sample", path: "/tmp/plans/reports/sample-2007-01-15.html", format: .html))).0
        XCTAssertEqual(s.message?.text, "Wrote the HTML report: /tmp/plans/reports/sample-2007-01-15.html")
        s = update(s, .review(.failed(planID: "sample", action: "close the review", message: "no review of sample is open"))).0
        XCTAssertEqual(s.message, Message("Could not close the review: no review of sample is open", isError: true))
    }
}
