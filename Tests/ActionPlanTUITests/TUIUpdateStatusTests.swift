import ActionPlanCore
@testable import ActionPlanTUI
import XCTest

final class TUIUpdateStatusTests: XCTestCase {
    func testStatusKeysOnATargetChangeItAndAskForASave() {
        var s = moveTo(.target("t2"), in: Sample.opened())
        var fx: [Effect]
        (s, fx) = send(s, .char("m"))
        XCTAssertEqual(s.doc?.plan.target(id: "t2")?.status, .met, "shown at once")
        XCTAssertEqual(fx.count, 1)
        XCTAssertEqual(fx.first?.changes, [TargetChange(targetID: "t2", field: .status, expectedOld: "notAssessed", new: "met")])
        XCTAssertEqual(s.message?.text, "t2: · Not assessed → ✓ Met")

        (s, fx) = send(s, .char("x"))
        XCTAssertEqual(s.doc?.plan.target(id: "t2")?.status, .notMet)
        (s, fx) = send(s, .char("p"))
        XCTAssertEqual(s.doc?.plan.target(id: "t2")?.status, .partiallyMet)
        (s, fx) = send(s, .char("-"))
        XCTAssertEqual(s.doc?.plan.target(id: "t2")?.status, .notAssessed)
        XCTAssertEqual(fx.count, 1)
    }

    func testSpaceCyclesNotAssessedMetPartlyNotMet() {
        var s = moveTo(.target("t2"), in: Sample.opened())
        var seen: [Status] = []
        for _ in 0..<4 {
            s = send(s, .char(" ")).0
            seen.append(s.doc!.plan.target(id: "t2")!.status)
        }
        XCTAssertEqual(seen, [.met, .partiallyMet, .notMet, .notAssessed])
    }

    func testSameStatusAgainSavesNothing() {
        let s = moveTo(.target("t1"), in: Sample.opened())
        let (after, fx) = send(s, .char("m"))
        XCTAssertTrue(fx.isEmpty)
        XCTAssertEqual(after.message?.text, "Already ✓ Met")
    }

    func testStatusKeysOnAnObjectiveOrKeyIssueSayWhy() {
        var s = Sample.opened()
        var fx: [Effect]
        (s, fx) = send(s, .char("m"))
        XCTAssertTrue(fx.isEmpty)
        XCTAssertEqual(s.message?.text, "m sets a target's status; this is a Key Issue: move to one of its targets")
        s = send(s, .down).0
        (s, fx) = send(s, .char(" "))
        XCTAssertTrue(fx.isEmpty)
        XCTAssertEqual(s.message?.text, "Space sets a target's status; this is an objective: move to one of its targets")
        (s, fx) = send(s, .char("c"))
        XCTAssertEqual(s.mode, .normal)
        XCTAssertTrue(s.message!.text.contains("edits a target's comment"))
        XCTAssertEqual(s.doc?.plan, Sample.plan(), "nothing changed")
    }

    func testUndoAndRedoAreSavedChangesWithNotes() {
        var s = moveTo(.target("t2"), in: Sample.opened())
        s = send(s, .char("m")).0
        s = update(s, .saved(planID: "sample", changes: s.doc!.pending, .success(commitResult(s)), time: "14:02")).0
        XCTAssertTrue(s.doc!.pending.isEmpty)
        s = send(s, .char("g")).0 // move away: undo brings the cursor back

        var fx: [Effect]
        (s, fx) = send(s, .char("u"))
        XCTAssertEqual(fx.first?.changes, [TargetChange(targetID: "t2", field: .status, expectedOld: "met", new: "notAssessed", note: "undo")])
        XCTAssertEqual(s.doc?.plan.target(id: "t2")?.status, .notAssessed)
        XCTAssertEqual(s.doc?.cursor, .target("t2"))
        XCTAssertEqual(s.message?.text, "Undid t2 status: ✓ Met → · Not assessed")
        s = update(s, .saved(planID: "sample", changes: s.doc!.pending, .success(commitResult(s)), time: "14:03")).0

        (s, fx) = send(s, .ctrl("r"))
        XCTAssertEqual(fx.first?.changes, [TargetChange(targetID: "t2", field: .status, expectedOld: "notAssessed", new: "met", note: "redo")])
        XCTAssertEqual(s.doc?.plan.target(id: "t2")?.status, .met)

        (s, fx) = send(s, .ctrl("r"))
        XCTAssertTrue(fx.isEmpty)
        XCTAssertEqual(s.message?.text, "Nothing to redo")
    }

    func testUndoWithNothingToUndo() {
        let (s, fx) = send(Sample.opened(), .char("u"))
        XCTAssertTrue(fx.isEmpty)
        XCTAssertEqual(s.message?.text, "Nothing to undo")
    }

    func testANewChangeClearsRedo() {
        var s = moveTo(.target("t2"), in: Sample.opened())
        s = send(s, .char("m"), .char("u"), .char("x")).0
        XCTAssertTrue(s.doc!.redo.isEmpty)
        XCTAssertEqual(s.doc!.undo.count, 1)
    }

    func testSavedSetsTheTimeAndTheNewBase() {
        var s = moveTo(.target("t2"), in: Sample.opened())
        s = send(s, .char("m")).0
        let result = commitResult(s)
        s = update(s, .saved(planID: "sample", changes: s.doc!.pending, .success(result), time: "14:02")).0
        XCTAssertEqual(s.lastSaved, "14:02")
        XCTAssertNil(s.saveError)
        XCTAssertEqual(s.doc?.base.fingerprint, result.loaded.fingerprint)
        XCTAssertEqual(s.doc?.plan.target(id: "t2")?.history.last?.new, "met")
        let grid = render(s, size: Size(width: 120, height: 40))
        XCTAssertTrue(grid.lines.last!.contains("Saved 14:02"))
    }

    func testAFailedSaveKeepsTheChangeMarkedUnsavedAndRetriesIt() {
        var s = moveTo(.target("t2"), in: Sample.opened())
        s = send(s, .char("m")).0
        let failure = StoreError.save(SaveError(step: .fsync, path: "/tmp/plans/sample.json", code: EIO))
        s = update(s, .saved(planID: "sample", changes: s.doc!.pending, .failure(failure), time: "14:02")).0
        XCTAssertEqual(s.doc?.plan.target(id: "t2")?.status, .met, "the change stays on screen")
        XCTAssertEqual(s.doc?.pending.count, 1)
        XCTAssertTrue(s.message!.isError)
        XCTAssertTrue(s.message!.text.hasPrefix("Save failed: "))
        var grid = render(s, size: Size(width: 120, height: 40))
        XCTAssertTrue(grid.lines.last!.contains("✎ unsaved"), grid.lines.last!)
        XCTAssertTrue(grid.text.contains("✎ unsaved"), "the detail pane marks the target too")

        // w retries everything pending.
        var fx: [Effect]
        (s, fx) = send(s, .char("w"))
        XCTAssertEqual(fx.first?.changes, [TargetChange(targetID: "t2", field: .status, expectedOld: "notAssessed", new: "met")])

        // A further change to the same field is merged into the pending one (one change from what is on disk).
        (s, fx) = send(s, .char("x"))
        XCTAssertEqual(fx.first?.changes, [TargetChange(targetID: "t2", field: .status, expectedOld: "notAssessed", new: "notMet")])

        // q warns once before quitting with unsaved changes.
        (s, fx) = send(s, .char("q"))
        XCTAssertTrue(fx.isEmpty)
        XCTAssertTrue(s.message!.text.contains("not saved"))
        s = update(s, .saved(planID: "sample", changes: s.doc!.pending, .success(commitResult(s)), time: "14:05")).0
        grid = render(s, size: Size(width: 120, height: 40))
        XCTAssertFalse(grid.text.contains("unsaved"))
        XCTAssertTrue(grid.lines.last!.contains("Saved 14:05"))
    }

    func testWWithNothingPending() {
        let (s, fx) = send(Sample.opened(), .char("w"))
        XCTAssertTrue(fx.isEmpty)
        XCTAssertEqual(s.message?.text, "Nothing to save: every change is saved")
    }

    func testReloadFromDiskKeepsTheCursorOnTheSameTargetAndTheEditorText() {
        var s = moveTo(.target("t5"), in: Sample.opened())
        s = send(s, [.char("c")] + type("half-typed")).0
        var other = Sample.plan()
        // Someone else inserted a target before t5 and ticked t5.
        other.keyIssues[0].objectives[0].targets.insert(Target(id: "t7", text: "New target"), at: 0)
        other.keyIssues[1].objectives[0].targets[0].status = .met
        s = update(s, .changedOnDisk(planID: "sample", .success(Sample.loaded(other)))).0
        XCTAssertEqual(s.doc?.cursor, .target("t5"))
        XCTAssertEqual(s.doc?.plan.target(id: "t5")?.status, .met)
        guard case .editing(let session) = s.mode else { return XCTFail("the editor closed") }
        XCTAssertEqual(session.editor.text, "half-typed")
        XCTAssertTrue(s.doc!.visibleRows(asOf: Sample.asOf).contains { $0.node == .target("t7") })
    }

    /// What a successful commit of the pending changes would return (computed with the core).
    func commitResult(_ s: AppState) -> PlanStore.CommitResult {
        let dir = NSTemporaryDirectory() + "tui-status-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = PlanStore(directory: dir)
        _ = try! store.write(s.doc!.base.plan)
        return try! store.commit(s.doc!.pending, to: "sample", who: "tester")
    }
}
