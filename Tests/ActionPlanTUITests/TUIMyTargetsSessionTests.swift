import ActionPlanCore
@testable import ActionPlanTUI
import XCTest

/// My targets against a real temporary data directory through `Runtime` (the backend's loop without
/// the terminal): `--officer` without `--plan` opens it, a change made there lands in the right
/// plan's JSON with its history, undo is recorded, and someone else's save is picked up.
final class TUIMyTargetsSessionTests: XCTestCase {
    var dir = ""
    var store: PlanStore!

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "tui-mytargets-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        store = PlanStore(directory: dir, keepBackups: 2)
        for plan in MyTargetsSample.plans() { _ = try store.write(plan) }
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: dir)
    }

    func started(officer: String? = "GS", file: StaticString = #filePath, line: UInt = #line) -> Runtime {
        var options = Sample.options(officer: officer)
        options.dataDirectory = dir
        let (state, effects) = Startup.initialState(store: store, options: options)
        var runtime = Runtime(state: state, runner: EffectRunner(store: store, who: "me"))
        XCTAssertFalse(runtime.start(events: [.resize(Size(width: 80, height: 24))], effects: effects), file: file, line: line)
        return runtime
    }

    func keys(_ runtime: inout Runtime, _ keys: [Key], file: StaticString = #filePath, line: UInt = #line) {
        for k in keys { XCTAssertFalse(runtime.handle([.key(k)]), file: file, line: line) }
    }

    func goTo(_ item: MyTargetsItem, _ runtime: inout Runtime, file: StaticString = #filePath, line: UInt = #line) {
        keys(&runtime, [.char("g")])
        for _ in 0..<20 where runtime.state.myTargets?.cursor != item { keys(&runtime, [.down]) }
        XCTAssertEqual(runtime.state.myTargets?.cursor, item, file: file, line: line)
    }

    func testOfficerWithoutPlanOpensMyTargetsAndMetIsSavedToTheRightPlanWithHistory() throws {
        var runtime = started()
        XCTAssertEqual(runtime.state.screen, .myTargets, "--officer without --plan")
        let sampleBefore = store.fingerprintOnDisk("sample")
        goTo(MyTargetsSample.item("disability", "t1"), &runtime)
        keys(&runtime, [.char("m")])
        let disability = try store.load("disability").plan
        XCTAssertEqual(disability.target(id: "t1")?.status, .met)
        let entry = try XCTUnwrap(disability.target(id: "t1")?.history.last)
        XCTAssertEqual(entry.who, "me")
        XCTAssertEqual(entry.field, .status)
        XCTAssertEqual([entry.old, entry.new], ["notAssessed", "met"])
        XCTAssertEqual(store.fingerprintOnDisk("sample"), sampleBefore, "the other plan's file (with its own t1) is not written")
        XCTAssertEqual(try store.load("sample").plan.target(id: "t1")?.history.count, 1)
        XCTAssertEqual(runtime.state.myTargets?.pendingCount, 0)
        let view = try XCTUnwrap(runtime.state.myTargets)
        XCTAssertEqual(view.docs.map(\.id), ["disability", "sample"], "in the plans list's order")
        XCTAssertEqual(view.docs[0].base.fingerprint, store.fingerprintOnDisk("disability"), "the save is the new base")

        // u takes it back, saved and recorded as an undo; a comment is saved beside it.
        keys(&runtime, [.char("u")])
        keys(&runtime, [.char("c")] + type("Audit booked with the access group") + [.enter])
        let after = try store.load("disability").plan.target(id: "t1")
        XCTAssertEqual(after?.status, .notAssessed)
        XCTAssertEqual(after?.comment, "Audit booked with the access group")
        XCTAssertEqual(after?.history.map(\.note), [nil, "undo", nil])
        // Idle ticks afterwards find nothing new: our own saves are not someone else's.
        XCTAssertFalse(runtime.handle([.tick(now: 1000), .tick(now: 2000)]))
        XCTAssertFalse(runtime.state.message?.text.hasPrefix("Reloaded") ?? false, runtime.state.message?.text ?? "")
    }

    func testSomeoneElsesSaveToAnyPlanShownIsPickedUpWithoutLosingTheCursor() throws {
        var runtime = started()
        let item = MyTargetsSample.item("sample", "t3")
        goTo(item, &runtime)
        // Another session marks sample/t3 met and adds a target for GS above it.
        _ = try store.commit([TargetChange(targetID: "t3", field: .status, expectedOld: "notMet", new: "met")], to: "sample", who: "jo")
        XCTAssertFalse(runtime.handle([.tick(now: 1000)]))
        XCTAssertEqual(runtime.state.message?.text, "Reloaded sample: saved by someone else meanwhile")
        XCTAssertEqual(runtime.state.myTargets?.cursor, item)
        XCTAssertEqual(runtime.state.myTargets?.selectedTarget?.status, .met)
        let line = render(runtime.state, size: Size(width: 80, height: 24)).row(containing: "Contribute to achieving")
        XCTAssertTrue(line?.contains("✓ Met") ?? false, line ?? "")
    }

    func testAChangeMadeInTheTreeOpenedFromMyTargetsShowsOnComingBack() throws {
        var runtime = started()
        goTo(MyTargetsSample.item("disability", "t5"), &runtime)
        keys(&runtime, [.enter])
        XCTAssertEqual(runtime.state.screen, .plan)
        XCTAssertEqual(runtime.state.doc?.cursor, .target("t5"))
        keys(&runtime, [.char("p"), .char("q")])
        XCTAssertEqual(runtime.state.screen, .myTargets)
        XCTAssertEqual(runtime.state.myTargets?.cursor, MyTargetsSample.item("disability", "t5"))
        XCTAssertEqual(runtime.state.myTargets?.selectedTarget?.status, .partiallyMet)
        XCTAssertEqual(try store.load("disability").plan.target(id: "t5")?.status, .partiallyMet)
        XCTAssertFalse(runtime.state.message?.text.hasPrefix("Reloaded") ?? false, "our own save in the tree is not someone else's")
        XCTAssertEqual(runtime.state.myTargets?.docs[0].base.fingerprint, store.fingerprintOnDisk("disability"))
        // And someone else's save meanwhile to the other plan is picked up on the way back.
        goTo(MyTargetsSample.item("sample", "t3"), &runtime)
        keys(&runtime, [.enter])
        _ = try store.commit([TargetChange(targetID: "t1", field: .comment, expectedOld: "", new: "Checked by audit")],
                             to: "disability", who: "jo")
        keys(&runtime, [.char("q")])
        XCTAssertEqual(runtime.state.screen, .myTargets)
        XCTAssertEqual(runtime.state.myTargets?.docs[0].plan.target(id: "t1")?.comment, "Checked by audit")
        XCTAssertEqual(runtime.state.message?.text, "Reloaded disability: saved by someone else meanwhile")
    }

    func testAnOfficerWhoLeadsNothingIsToldSoWithCloseNames() {
        let runtime = started(officer: "head of h")
        XCTAssertEqual(runtime.state.screen, .myTargets)
        XCTAssertEqual(runtime.state.message?.text, "No lead officer of any plan matches \"head of h\"; did you mean \"Head of HR\"?")
    }

    func testWithoutOfficerStartupIsUnchanged() {
        let runtime = started(officer: nil)
        XCTAssertEqual(runtime.state.screen, .plans)
        XCTAssertNil(runtime.state.myTargets)
    }
}
