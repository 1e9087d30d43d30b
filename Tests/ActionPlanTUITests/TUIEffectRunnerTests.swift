import ActionPlanCore
@testable import ActionPlanTUI
import XCTest

/// The effects against a real (temporary) data directory: open, save through PlanStore.commit,
/// notice another process's save and reload.
final class TUIEffectRunnerTests: XCTestCase {
    var dir = ""
    var store: PlanStore!

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "tui-effects-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        store = PlanStore(directory: dir)
        _ = try store.write(Sample.plan())
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: dir)
    }

    /// Runs an event through update and performs every effect, as the backend does.
    func run(_ state: AppState, _ event: Event, runner: EffectRunner) -> (AppState, quit: Bool) {
        runner.drive(state, event)
    }

    func keys(_ state: AppState, _ keys: [Key], runner: EffectRunner) -> AppState {
        keys.reduce(state) { run($0, .key($1), runner: runner).0 }
    }

    func testStartupListsPlansWithABadFileAndOpensOnlyWhenOne() throws {
        var (state, fx) = Startup.initialState(store: store, options: Sample.options())
        XCTAssertEqual(state.plans.map(\.id), ["sample"])
        guard case .openPlan("sample")? = fx.first else { return XCTFail("one plan opens directly: \(fx)") }
        try "{ not json".write(toFile: dir + "/broken.json", atomically: true, encoding: .utf8)
        (state, fx) = Startup.initialState(store: store, options: Sample.options())
        XCTAssertEqual(state.plans.map(\.id), ["broken", "sample"])
        XCTAssertNotNil(state.plans[0].error)
        XCTAssertNil(state.plans[1].error)
        XCTAssertEqual(state.plans[1].tally.met, 1)
        XCTAssertTrue(fx.isEmpty, "two files: the list is shown")
        var options = Sample.options()
        options.planID = "sample"
        (state, fx) = Startup.initialState(store: store, options: options)
        guard case .openPlan("sample")? = fx.first else { return XCTFail("--plan opens it") }
    }

    func testAStatusKeySavesWithHistoryAndUndoIsRecordedToo() throws {
        let runner = EffectRunner(store: store, who: "tester")
        var (s, fx) = Startup.initialState(store: store, options: Sample.options())
        s = update(s, .resize(Size(width: 120, height: 40))).0
        for e in fx { for ev in runner.perform(e) { s = run(s, ev, runner: runner).0 } }
        XCTAssertEqual(s.screen, .plan)
        s = moveTo(.target("t2"), in: s)
        s = keys(s, [.char("m"), .char("c")] + type("Met at the May forum") + [.enter, .char("u")], runner: runner)
        XCTAssertNotNil(s.lastSaved)
        XCTAssertNil(s.saveError)
        let saved = try store.load("sample").plan.target(id: "t2")!
        XCTAssertEqual(saved.status, .met)
        XCTAssertEqual(saved.comment, "", "the comment was undone")
        XCTAssertEqual(saved.history.map(\.field), [.status, .comment, .comment])
        XCTAssertEqual(saved.history.map(\.who), ["tester", "tester", "tester"])
        XCTAssertEqual(saved.history.last?.note, "undo")
        XCTAssertEqual(saved.history.last?.old, "Met at the May forum")
        XCTAssertEqual(s.doc?.base.fingerprint, store.fingerprintOnDisk("sample"), "the saved file is the new base")
    }

    func testAFailedSaveIsKeptAndRetriedWithW() throws {
        var failing = store!
        failing.writer = AtomicWriter(fault: FaultPlan(step: .fsync, code: EIO))
        var s = Sample.opened(Sample.loaded(try store.load("sample").plan).plan)
        s = update(s, .planOpened(id: "sample", .success(try store.load("sample")))).0
        s = moveTo(.target("t2"), in: s)
        s = keys(s, [.char("x")], runner: EffectRunner(store: failing, who: "tester"))
        XCTAssertNotNil(s.saveError)
        XCTAssertEqual(s.doc?.pending.count, 1)
        XCTAssertEqual(try store.load("sample").plan.target(id: "t2")?.status, .notAssessed, "the file is unchanged")
        s = keys(s, [.char("w")], runner: EffectRunner(store: store, who: "tester"))
        XCTAssertNil(s.saveError)
        XCTAssertEqual(s.doc?.pending.count, 0)
        XCTAssertEqual(try store.load("sample").plan.target(id: "t2")?.status, .notMet)
    }

    func testAnotherProcessesSaveIsNoticedOnATickAndMerged() throws {
        let runner = EffectRunner(store: store, who: "me")
        var s = AppState(options: Sample.options())
        s.plans = [PlanSummary(plan: Sample.plan(), asOf: Sample.asOf)]
        s = update(s, .planOpened(id: "sample", .success(try store.load("sample")))).0
        s = moveTo(.target("t6"), in: s)
        s = keys(s, [.char("f")] + type("Soon"), runner: runner)
        // Someone else ticks t6 and t2.
        _ = try store.commit([.status("t6", .met), .status("t2", .partiallyMet)], to: "sample", who: "jo")
        s = run(s, .tick(now: 1000), runner: runner).0
        XCTAssertEqual(s.doc?.plan.target(id: "t6")?.status, .met)
        XCTAssertEqual(s.doc?.cursor, .target("t6"))
        guard case .editing(let session) = s.mode else { return XCTFail("the editor closed") }
        XCTAssertEqual(session.editor.text, "Soon")
        XCTAssertEqual(s.message?.text, "Reloaded: this plan was saved by someone else meanwhile")
        // Finishing the edit saves on top of their change.
        s = keys(s, [.enter], runner: runner)
        let t6 = try store.load("sample").plan.target(id: "t6")!
        XCTAssertEqual(t6.status, .met)
        XCTAssertEqual(t6.forecast, "Soon")
        XCTAssertEqual(t6.history.map(\.who), ["jo", "me"])
        // A tick with nothing new on disk changes nothing.
        let before = s.doc!.base.fingerprint
        s = run(s, .tick(now: 2000), runner: runner).0
        XCTAssertEqual(s.doc!.base.fingerprint, before)
    }

    func testSavingOverAStaleBaseMergesAndReportsTheConflict() throws {
        let runner = EffectRunner(store: store, who: "me")
        var s = AppState(options: Sample.options())
        s.plans = [PlanSummary(plan: Sample.plan(), asOf: Sample.asOf)]
        s = update(s, .planOpened(id: "sample", .success(try store.load("sample")))).0
        s = moveTo(.target("t2"), in: s)
        _ = try store.commit([.status("t2", .notMet)], to: "sample", who: "jo")
        s = keys(s, [.char("m")], runner: runner)
        XCTAssertTrue(s.message!.text.hasPrefix("Saved "))
        XCTAssertTrue(s.message!.text.contains("merged"))
        XCTAssertTrue(s.message!.text.contains("t2 status was changed by jo"))
        XCTAssertEqual(try store.load("sample").plan.target(id: "t2")?.status, .met)
    }
}
