import ActionPlanCore
@testable import ActionPlanTUI
import XCTest

/// The UI's part of "no acknowledged change is lost, and the program says what happened", against a
/// real temporary data directory through `Runtime` (the backend's loop without the terminal): our own
/// save is never reported as someone else's.
final class TUISessionTests: XCTestCase {
    var dir = ""
    var store: PlanStore!
    static let reloaded = "Reloaded: this plan was saved by someone else meanwhile"

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "tui-session-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        store = PlanStore(directory: dir, keepBackups: 2)
        _ = try store.write(Sample.plan())
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: dir)
    }

    var options: AppOptions {
        var o = Sample.options()
        o.dataDirectory = dir
        return o
    }

    /// The app started on the directory as the backend starts it, at 120×40.
    func started(screen: Screen = .plan, file: StaticString = #filePath, line: UInt = #line) -> Runtime {
        let (state, effects) = Startup.initialState(store: store, options: options)
        var runtime = Runtime(state: state, runner: EffectRunner(store: store, who: "me"))
        XCTAssertFalse(runtime.start(events: [.resize(Size(width: 120, height: 40))], effects: effects), file: file, line: line)
        XCTAssertEqual(runtime.state.screen, screen, file: file, line: line)
        return runtime
    }

    func keys(_ runtime: inout Runtime, _ keys: [Key]) {
        for k in keys { XCTAssertFalse(runtime.handle([.key(k)])) }
    }

    func goTo(_ node: NodeID, _ runtime: inout Runtime) {
        keys(&runtime, [.char("g")])
        for _ in 0..<50 where runtime.state.doc?.cursor != node { keys(&runtime, [.down]) }
        XCTAssertEqual(runtime.state.doc?.cursor, node)
    }

    // MARK: - Our own save is not "saved by someone else"

    /// The bug seen in tmux: a key that saves and an idle tick read in the same pass of the loop.
    /// The tick used to be handled before the save's result, so it compared the disk with the base
    /// from before our own save and reported a reload.
    func testAKeyThatSavesAndATickTogetherDoNotReportOurOwnSaveAsSomeoneElses() throws {
        var runtime = started()
        goTo(.target("t2"), &runtime)
        XCTAssertFalse(runtime.handle([.key(.char("p")), .tick(now: 1000)]))
        XCTAssertNotEqual(runtime.state.message?.text, Self.reloaded)
        keys(&runtime, [.char("c")] + type("Seen at the forum"))
        XCTAssertFalse(runtime.handle([.key(.enter), .tick(now: 2000)]))
        XCTAssertEqual(runtime.state.message?.text, "t2: comment set")
        XCTAssertEqual(runtime.state.doc?.base.fingerprint, store.fingerprintOnDisk("sample"))
        // Idle ticks afterwards find nothing new.
        XCTAssertFalse(runtime.handle([.tick(now: 3000), .tick(now: 4000)]))
        XCTAssertEqual(runtime.state.message?.text, "t2: comment set")
        XCTAssertEqual(try store.load("sample").plan.target(id: "t2")?.comment, "Seen at the forum")
    }

    /// The same at the level of `update`: a disk check asked for before our save's result was
    /// handled finds our own version on disk; that is not a change by someone else.
    func testACheckAskedForBeforeOurSaveIsHandledFindsOurOwnVersionAndSaysNothing() throws {
        let runner = EffectRunner(store: store, who: "me")
        var s = update(Sample.opened(), .planOpened(id: "sample", .success(try store.load("sample")))).0
        s = moveTo(.target("t2"), in: s)
        var (afterKey, fx) = update(s, .key(.char("m")))
        guard case .commit? = fx.first else { return XCTFail("m saves: \(fx)") }
        let (afterTick, tickFx) = update(afterKey, .tick(now: 1000))
        guard case .checkDisk(_, let checked, _)? = tickFx.first else { return XCTFail("the tick checks the disk: \(tickFx)") }
        XCTAssertEqual(checked, s.doc?.base.fingerprint, "the check compares with the base before the save")
        afterKey = afterTick
        // The save happens, then the check (in the old order of the loop).
        let savedEvents = runner.perform(fx[0])
        let checkEvents = runner.perform(tickFx[0])
        guard case .changedOnDisk? = checkEvents.first else { return XCTFail("the disk differs from the old base: \(checkEvents)") }
        for e in savedEvents + checkEvents { afterKey = update(afterKey, e).0 }
        XCTAssertNotEqual(afterKey.message?.text, Self.reloaded)
        XCTAssertEqual(afterKey.doc?.base.fingerprint, store.fingerprintOnDisk("sample"))
        XCTAssertTrue(afterKey.doc?.pending.isEmpty ?? false)
    }

    func testAnotherProcessesSaveIsStillReported() throws {
        var runtime = started()
        goTo(.target("t2"), &runtime)
        keys(&runtime, [.char("m")])
        _ = try store.commit([.status("t5", .met)], to: "sample", who: "jo")
        XCTAssertFalse(runtime.handle([.tick(now: 1000)]))
        XCTAssertEqual(runtime.state.message?.text, Self.reloaded)
        XCTAssertEqual(runtime.state.doc?.plan.target(id: "t5")?.status, .met)
        XCTAssertEqual(runtime.state.doc?.plan.target(id: "t2")?.status, .met)
    }
}
