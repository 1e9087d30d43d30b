import ActionPlanCore
@testable import ActionPlanTUI
import XCTest

/// Issue 12, "my targets": one officer's targets from every plan, grouped by plan, with the status
/// keys, comment and forecast editing and undo saving to the right plan (in-process: update and
/// render with the injected day, effects inspected rather than performed).
final class TUIMyTargetsTests: XCTestCase {
    typealias M = MyTargetsSample
    let small = Size(width: 60, height: 16)
    let standard = Size(width: 80, height: 24)

    func commits(_ fx: [Effect]) -> [(plan: String, changes: [TargetChange])] {
        fx.compactMap { if case .commit(let plan, let changes, _) = $0 { return (plan, changes) } else { return nil } }
    }

    // MARK: - What is shown

    func testTheOfficersTargetsFromEveryPlanGroupedByPlanMatchedAsListOfficerMatches() {
        let s = M.state(officer: "gs")
        XCTAssertEqual(s.screen, .myTargets)
        XCTAssertEqual(s.keyMap, .myTargets)
        let view = s.myTargets!
        XCTAssertEqual(view.items(asOf: Sample.asOf), [M.item("sample", "t1"), M.item("sample", "t3"),
                                                       M.item("disability", "t1"), M.item("disability", "t3"), M.item("disability", "t5")])
        // The same targets `list --officer gs` lists (OfficerQuery: whole entry or a run of whole words, never GSX).
        let query = OfficerQuery("gs")
        let expected = M.plans().flatMap { p in p.allTargets.filter(query.matches).map { M.item(p.id, $0.id) } }
        XCTAssertEqual(view.items(asOf: Sample.asOf), expected)
        XCTAssertEqual(view.rows(asOf: Sample.asOf).first, .heading(plan: 0))
        XCTAssertEqual(view.cursor, M.item("sample", "t1"), "the cursor starts on the first target, not a heading")
        XCTAssertEqual(s.message?.text, "5 targets led by “gs” in 2 plans")
    }

    func testHeadingsGiveEachPlansTitleAndTheOfficersTalliesThere() {
        let grid = render(M.state(), size: standard)
        grid.assertAligned()
        let sample = grid.row(containing: "Sample Equalities Action Plan")!
        XCTAssertTrue(sample.contains("[1/2 met]"), sample)
        XCTAssertTrue(sample.contains("⚠ 1 overdue"), sample)
        let disability = grid.row(containing: "Disability Equality Scheme")!
        XCTAssertTrue(disability.contains("[0/3 met]") && disability.contains("⚠ 1 overdue"), disability)
        XCTAssertTrue(grid.lines[0].contains("My targets: GS"), grid.lines[0])
        XCTAssertTrue(grid.lines[1].contains("✓ 1 met") && grid.lines[1].contains("⚠ 2 overdue") && grid.lines[1].contains("(5 in 2 plans)"), grid.lines[1])
        // Status as symbol and word; overdue as its symbol (the header names it); no officer column (it is one officer).
        let t3 = grid.row(containing: "Contribute to achieving")!
        XCTAssertTrue(t3.contains("✗ Not met") && t3.contains("⚠"), t3)
        XCTAssertFalse(grid.text.contains("GS/CSO "), "no officer column")
    }

    func testTheTerminalCursorIsOnTheSelectedLineAndFollowsIt() {
        var s = M.state()
        for size in [standard, small] {
            s = update(s, .resize(size)).0
            s = moveTo(M.item("disability", "t3"), inMyTargets: s)
            let grid = render(s, size: size)
            let focus = try! XCTUnwrap(grid.focus)
            XCTAssertTrue(grid.lines[focus.row].contains("Review reasonable"), "\(size): \(grid.lines[focus.row])")
            XCTAssertEqual(focus.column, 0)
            XCTAssertTrue(grid.rows[focus.row][4].style.reverse, "the selected line is in reverse video")
            // Its text in full, wrapped, in the details, with the plan it belongs to.
            XCTAssertTrue(grid.text.contains("Target t3 of disability"), grid.text)
        }
    }

    func testAt60x16EveryRowFitsAndScrollingKeepsTheCursorShown() {
        var s = M.state(size: small)
        for _ in 0..<6 {
            let grid = render(s, size: small)
            grid.assertAligned()
            let focus = try! XCTUnwrap(grid.focus)
            XCTAssertLessThan(focus.row, Layout(small).tree.bottom)
            s = send(s, .down).0
        }
        XCTAssertEqual(s.myTargets?.cursor, M.item("disability", "t5"), "↓ stops at the last target")
        // The first target of a plan shows with its plan's heading above it.
        s = moveTo(M.item("disability", "t1"), inMyTargets: s)
        let grid = render(s, size: small)
        let focus = grid.focus!
        XCTAssertTrue(grid.lines[focus.row - 1].contains("Disability Equality"), grid.lines[focus.row - 1])
    }

    func testASCIIAndNoColourStillSayTheStatusInWords() {
        let grid = render(moveTo(M.item("sample", "t3"), inMyTargets: M.state(glyphs: .ascii)), size: standard)
        grid.assertAligned()
        XCTAssertTrue(grid.text.unicodeScalars.allSatisfy { $0.isASCII }, grid.text)
        XCTAssertTrue(grid.row(containing: "Contribute to achieving")!.contains("[N] Not met"))
        XCTAssertTrue(grid.row(containing: "Implement action plans")!.contains("[Y] Met"))
    }

    func testANameThatMatchesNobodySaysSoAndSuggestsCloseNames() {
        let s = M.state(officer: "Head of RH")
        XCTAssertEqual(s.myTargets?.cursor, nil)
        XCTAssertEqual(s.message?.text, "No lead officer of any plan matches \"Head of RH\"; did you mean \"Head of HR\"?")
        let grid = render(s, size: standard)
        grid.assertAligned()
        XCTAssertTrue(grid.text.contains("No target in any plan is led by “Head of RH”."), grid.text)
        XCTAssertTrue(grid.text.contains("Did you mean “Head of HR”?"), grid.text)
        XCTAssertNotNil(grid.focus)
        // Keys that need a target say so instead of doing anything.
        let (after, fx) = send(s, .char("m"))
        XCTAssertTrue(commits(fx).isEmpty)
        XCTAssertTrue(after.message!.text.contains("works on a target"), after.message!.text)
    }

    // MARK: - Changes go to the right plan

    func testStatusKeysSaveToTheSelectedTargetsOwnPlan() {
        var s = moveTo(M.item("disability", "t1"), inMyTargets: M.state())
        var fx: [Effect]
        (s, fx) = send(s, .char("m"))
        XCTAssertEqual(commits(fx).map(\.plan), ["disability"])
        XCTAssertEqual(commits(fx).first?.changes, [TargetChange(targetID: "t1", field: .status, expectedOld: "notAssessed", new: "met")])
        XCTAssertEqual(s.message?.text, "disability/t1: · Not assessed → ✓ Met")
        XCTAssertEqual(s.myTargets?.docs[1].plan.target(id: "t1")?.status, .met)
        XCTAssertEqual(s.myTargets?.docs[0].plan.target(id: "t1")?.status, .met, "the sample's own t1 (already met) is untouched")
        for (key, status) in [(Key.char("x"), Status.notMet), (.char("p"), .partiallyMet), (.char("-"), .notAssessed), (.char(" "), .met)] {
            (s, fx) = send(s, key)
            XCTAssertEqual(commits(fx).map(\.plan), ["disability"], key.name)
            XCTAssertEqual(s.myTargets?.selectedTarget?.status, status, key.name)
        }
        // The status shows on the line at once, marked unsaved until the save's result comes back.
        let line = render(s, size: standard).row(containing: "Audit the accessibility")!
        XCTAssertTrue(line.contains("✓ Met") && line.contains("✎"), line)
    }

    func testCommentAndForecastEditingSaveToTheRightPlan() {
        var s = moveTo(M.item("sample", "t3"), inMyTargets: M.state())
        var fx: [Effect]
        (s, fx) = send(s, [.char("c"), .ctrl("a")] + type("Restructure done; ") + [.enter])
        XCTAssertEqual(commits(fx).map(\.plan), ["sample"])
        XCTAssertEqual(commits(fx).first?.changes.first?.new, "Restructure done; Delayed by the restructure.")
        XCTAssertEqual(s.message?.text, "sample/t3: comment set")
        s = moveTo(M.item("disability", "t3"), inMyTargets: s)
        (s, fx) = send(s, [.char("f")] + type("By March 2007") + [.enter])
        XCTAssertEqual(commits(fx).map(\.plan), ["disability"])
        XCTAssertEqual(commits(fx).first?.changes, [TargetChange(targetID: "t3", field: .forecast, expectedOld: "", new: "By March 2007")])
        XCTAssertEqual(s.myTargets?.docs[1].plan.target(id: "t3")?.forecast, "By March 2007")
        // Esc in the editor saves nothing.
        (s, fx) = send(s, [.char("c")] + type("never mind") + [.escape])
        XCTAssertTrue(commits(fx).filter { $0.changes.contains { $0.field == .comment } }.isEmpty)
        XCTAssertEqual(s.message?.text, "Edit cancelled; nothing changed")
    }

    func testUndoAndRedoGoBackToThePlanTheChangeWasMadeIn() {
        var s = moveTo(M.item("sample", "t3"), inMyTargets: M.state())
        s = send(s, .char("m")).0
        s = moveTo(M.item("disability", "t5"), inMyTargets: s)
        var fx: [Effect]
        (s, fx) = send(s, .char("u"))
        XCTAssertEqual(commits(fx).map(\.plan), ["sample"])
        XCTAssertEqual(commits(fx).first?.changes.last?.note, "undo")
        XCTAssertEqual(s.myTargets?.cursor, M.item("sample", "t3"), "the cursor goes to what was undone")
        XCTAssertEqual(s.myTargets?.selectedTarget?.status, .notMet)
        XCTAssertEqual(s.message?.text, "Undid sample/t3 status: ✓ Met → ✗ Not met")
        (s, fx) = send(s, .ctrl("r"))
        XCTAssertEqual(commits(fx).first?.changes.last?.note, "redo")
        XCTAssertEqual(s.myTargets?.selectedTarget?.status, .met)
        XCTAssertEqual(send(send(s, .char("u")).0, .char("u")).0.message?.text, "Nothing to undo")
    }

    func testOverdueOnlyShowsWhatIsOverdueAndMarkingOneMetMovesOn() {
        var s = send(M.state(), .char("!")).0
        XCTAssertEqual(s.myTargets?.items(asOf: Sample.asOf), [M.item("sample", "t3"), M.item("disability", "t1")])
        XCTAssertEqual(s.message?.text, "2 overdue targets (! shows them all)")
        XCTAssertTrue(render(s, size: standard).lines[2].contains("Filter: overdue"))
        s = send(s, .char("m")).0
        XCTAssertEqual(s.myTargets?.cursor, M.item("disability", "t1"), "met is no longer overdue: on to the next")
        s = send(s, .char("!")).0
        XCTAssertEqual(s.myTargets?.items(asOf: Sample.asOf).count, 5)
        XCTAssertEqual(s.myTargets?.cursor, M.item("disability", "t1"))
    }

    // MARK: - Others' saves

    func testSomeoneElsesSaveIsShownAndTheCursorStaysOnItsTarget() {
        var s = moveTo(M.item("disability", "t3"), inMyTargets: M.state())
        // Someone adds a target for GS before t3 and marks t3 met, in the disability plan.
        var changed = M.disabilityPlan()
        changed.keyIssues[0].objectives[0].targets.insert(Target(id: "t6", text: "Provide hearing loops at every reception.",
                                                                 leadOfficers: ["GS"], timescale: "Jan 07"), at: 0)
        changed.keyIssues[1].objectives[0].targets[0].status = .met
        s = update(s, .changedOnDisk(planID: "disability", .success(Sample.loaded(changed)))).0
        XCTAssertEqual(s.message?.text, "Reloaded disability: saved by someone else meanwhile")
        XCTAssertEqual(s.myTargets?.cursor, M.item("disability", "t3"))
        XCTAssertEqual(s.myTargets?.selectedTarget?.status, .met)
        XCTAssertTrue(s.myTargets!.items(asOf: Sample.asOf).contains(M.item("disability", "t6")))
        // Then t3 is given to someone else: the cursor goes to the next of GS's targets.
        changed.keyIssues[1].objectives[0].targets[0].leadOfficers = ["Head of HR"]
        s = update(s, .changedOnDisk(planID: "disability", .success(Sample.loaded(changed)))).0
        XCTAssertEqual(s.myTargets?.cursor, M.item("disability", "t5"))
    }

    func testIdleTicksLookAtEveryPlanOnDiskAtTheTreesPace() {
        let s = M.state()
        let (after, fx) = update(s, .tick(now: 1000))
        let checked = fx.compactMap { if case .checkDisk(let id, _, _) = $0 { return id } else { return nil } }
        XCTAssertEqual(checked, ["sample", "disability"])
        XCTAssertTrue(update(after, .tick(now: 1000.5)).1.isEmpty, "not again before the interval")
    }

    // MARK: - Getting there and back

    func testOOnThePlansListLoadsEveryPlanAndOffersEveryPlansOfficers() {
        var s = AppState(options: Sample.options())
        s.plans = M.plans().map { PlanSummary(plan: $0, asOf: Sample.asOf) }
        s = update(s, .resize(standard)).0
        var fx: [Effect]
        (s, fx) = send(s, .char("o"))
        XCTAssertTrue(fx.contains { if case .loadAllPlans = $0 { return true } else { return false } })
        s = update(s, .allPlansLoaded(M.plans().map { Sample.loaded($0) }, unreadable: [])).0
        guard case .officerPicker = s.mode else { return XCTFail("no picker: \(s.mode)") }
        let grid = render(s, size: standard)
        XCTAssertTrue(grid.text.contains("My targets: whose?"), grid.text)
        XCTAssertTrue(grid.text.contains("Head of HR  (2)"), "an officer of the second plan only: \(grid.text)")
        XCTAssertTrue(grid.text.contains("GS  (4)"), "GS leads two targets in each plan: \(grid.text)")
        s = send(s, type("head") + [.enter]).0
        XCTAssertEqual(s.screen, .myTargets)
        XCTAssertEqual(s.myTargets?.officer, "Head of HR")
        XCTAssertEqual(s.myTargets?.items(asOf: Sample.asOf), [M.item("disability", "t2"), M.item("disability", "t3")])
        // o again chooses another officer; Esc leaves the picker as it was.
        s = send(s, .char("o"), .escape).0
        XCTAssertEqual(s.screen, .myTargets)
        // Esc goes back to the plans list.
        s = send(s, .escape).0
        XCTAssertEqual(s.screen, .plans)
        XCTAssertNil(s.myTargets)
    }

    func testEnterOpensTheTargetInItsPlansTreeAndLeavingItComesBack() {
        var s = moveTo(M.item("disability", "t3"), inMyTargets: M.state())
        var fx: [Effect]
        (s, fx) = send(s, .enter)
        XCTAssertTrue(fx.contains { if case .openPlan("disability") = $0 { return true } else { return false } })
        s = update(s, .planOpened(id: "disability", .success(Sample.loaded(M.disabilityPlan())))).0
        XCTAssertEqual(s.screen, .plan)
        XCTAssertEqual(s.doc?.cursor, .target("t3"))
        XCTAssertEqual(s.doc?.filters.officer, "GS")
        (s, fx) = send(s, .char("q"))
        XCTAssertEqual(s.screen, .myTargets)
        XCTAssertEqual(s.myTargets?.cursor, M.item("disability", "t3"))
        let checked = fx.compactMap { if case .checkDisk(let id, _, _) = $0 { return id } else { return nil } }
        XCTAssertEqual(checked, ["sample", "disability"], "what the tree saved is looked for at once")
    }

    func testLeavingWithUnsavedChangesWarnsFirst() {
        var s = moveTo(M.item("sample", "t3"), inMyTargets: M.state())
        s = send(s, .char("m")).0
        s = update(s, .saved(planID: "sample", changes: s.myTargets!.docs[0].pending, .failure(.noDataDirectory("/gone")), time: "10:00")).0
        XCTAssertTrue(render(s, size: standard).lines[23].contains("unsaved"))
        s = send(s, .escape).0
        XCTAssertEqual(s.screen, .myTargets)
        XCTAssertTrue(s.message!.text.contains("1 change is not saved"), s.message!.text)
        let (retried, fx) = send(s, .char("w"))
        XCTAssertEqual(commits(fx).map(\.plan), ["sample"])
        s = send(retried, .escape, .escape).0
        XCTAssertEqual(s.screen, .plans)
    }

    func testAPasteOutsideTheEditorChangesNothingAndOneInsideIsText() {
        var s = moveTo(M.item("disability", "t1"), inMyTargets: M.state())
        var fx: [Effect]
        (s, fx) = update(s, .paste("m\nx\n p"))
        XCTAssertTrue(commits(fx).isEmpty)
        XCTAssertEqual(s.myTargets?.selectedTarget?.status, .notAssessed)
        XCTAssertEqual(s.message?.text, "Paste ignored — press c to edit the comment (or f the forecast) first; nothing was changed")
        s = send(s, .char("c")).0
        s = update(s, .paste("Booked.\nWith the access group.")).0
        (s, fx) = send(s, .enter)
        XCTAssertEqual(commits(fx).map(\.plan), ["disability"])
        XCTAssertEqual(s.myTargets?.selectedTarget?.comment, "Booked.\nWith the access group.")
        XCTAssertEqual(s.myTargets?.selectedTarget?.status, .notAssessed)
    }

    func testTheCommentInTheUsersOwnEditorIsSavedToTheRightPlan() {
        var s = moveTo(M.item("disability", "t3"), inMyTargets: M.state())
        var fx: [Effect]
        (s, fx) = send(s, .char("E"))
        XCTAssertTrue(fx.contains { if case .externalEdit(let session) = $0 { return session.targetID == "t3" } else { return false } })
        (s, fx) = update(s, .externalEdited(targetID: "t3", field: .comment, .success("Adjustments agreed with HR\n")))
        XCTAssertEqual(commits(fx).map(\.plan), ["disability"])
        XCTAssertEqual(s.myTargets?.docs[1].plan.target(id: "t3")?.comment.hasPrefix("Adjustments agreed with HR"), true)
        XCTAssertEqual(s.myTargets?.docs[0].plan.target(id: "t3")?.comment, "Delayed by the restructure.", "the sample's t3 is untouched")
    }

    func testScreenReaderModeAndTheProjectorThemeKeepTheWordsAndTheCursor() {
        var s = moveTo(M.item("sample", "t3"), inMyTargets: M.state())
        s.options.screenReader = true
        s.options.theme = .projector
        let grid = render(s, size: standard)
        XCTAssertFalse(grid.text.contains("─"), "no box lines for a screen reader")
        XCTAssertTrue(grid.lines[grid.focus!.row].contains("✗ Not met") && grid.lines[grid.focus!.row].contains("Contribute"))
        XCTAssertFalse(grid.rows.joined().contains { $0.style.dim }, "no dim text on a projector")
    }

    /// The officer name comes from the command line and the titles, ids and officers from the files:
    /// none reaches a cell as a control, escape or bidi character, in any state of the view.
    func testHostileOfficerNamesAndTitlesReachNoCellRaw() {
        var plan = M.disabilityPlan()
        plan.title = "\u{1b}]0;pwned\u{07}Scheme\u{202e}"
        plan.keyIssues[0].objectives[0].targets[0].leadOfficers = ["\u{1b}[31mGS"]
        plan.keyIssues[0].objectives[0].targets[0].text = TUIRenderHostileTextTests.hostile
        let hostileOfficer = "GS\u{1b}[2J\u{9b}31m\u{202e}"
        func forbidden(_ s: Unicode.Scalar) -> Bool { // as TUIRenderHostileTextTests
            let v = s.value
            return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
                || v == 0x200B || v == 0x200E || v == 0x200F || v == 0x061C || v == 0xFEFF
        }
        for officer in ["GS", hostileOfficer] {
            for size in [standard, small] {
                let s = M.state(officer: officer, plans: [Sample.plan(), plan], size: size)
                for state in [s, send(s, .down, .down).0, send(s, .char("o")).0, send(s, .char("!")).0, send(s, .char("c")).0] {
                    let grid = render(state, size: size)
                    grid.assertAligned()
                    for row in grid.rows {
                        for cell in row { XCTAssertFalse(cell.text.unicodeScalars.contains(where: forbidden), "\(officer) at \(size): \(grid.text)") }
                    }
                }
                XCTAssertFalse(s.message?.text.unicodeScalars.contains(where: forbidden) ?? false)
            }
        }
    }

    func testHelpListsMyTargetsKeys() {
        let s = send(M.state(), .char("?")).0
        guard case .help = s.mode else { return XCTFail("no help") }
        XCTAssertTrue(KeyTable.helpLines(width: 80).contains { $0.text.contains("My targets") })
        XCTAssertEqual(KeyTable.command(for: .char("!"), in: .myTargets), .overdueOnly)
        XCTAssertEqual(KeyTable.command(for: .char("m"), in: .myTargets), .setMet)
        XCTAssertNil(KeyTable.command(for: .char("a"), in: .myTargets), "no structural edits here")
    }
}
