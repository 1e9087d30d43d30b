import ActionPlanCore
@testable import ActionPlanTUI
import XCTest

/// The tree's structural changes saved for real, through `Runtime` and the `EffectRunner` on a
/// temporary data directory (the backend's loop without the terminal): add, edit, move and remove in
/// the tree and in meeting mode, each undone with `u`; and another writer's structural change
/// (another `PlanStore` on the same directory) arriving while the cursor and typed text stay put.
final class TUITreeEditSessionTests: XCTestCase {
    var dir = ""
    var store: PlanStore!

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "tui-treeedit-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        store = PlanStore(directory: dir, keepBackups: 2)
        _ = try store.write(Sample.plan())
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: dir)
    }

    func started(file: StaticString = #filePath, line: UInt = #line) -> Runtime {
        var o = Sample.options()
        o.dataDirectory = dir
        let (state, effects) = Startup.initialState(store: store, options: o)
        var runtime = Runtime(state: state, runner: EffectRunner(store: store, who: "me"))
        XCTAssertFalse(runtime.start(events: [.resize(Size(width: 120, height: 40))], effects: effects), file: file, line: line)
        XCTAssertEqual(runtime.state.screen, .plan, file: file, line: line)
        return runtime
    }

    func keys(_ runtime: inout Runtime, _ keys: [Key], file: StaticString = #filePath, line: UInt = #line) {
        for k in keys { XCTAssertFalse(runtime.handle([.key(k)]), file: file, line: line) }
    }

    func goTo(_ node: NodeID, _ runtime: inout Runtime, file: StaticString = #filePath, line: UInt = #line) {
        keys(&runtime, [.char("g")])
        for _ in 0..<60 where runtime.state.doc?.cursor != node { keys(&runtime, [.down]) }
        XCTAssertEqual(runtime.state.doc?.cursor, node, file: file, line: line)
    }

    /// The detail pane's lines, unwrapped (wide).
    func detail(_ state: AppState) -> String {
        DetailPane.lines(for: state, width: 300).map { $0.map(\.text).joined() }.joined(separator: "\n")
    }

    func onDisk() throws -> Plan { try store.load("sample").plan }

    func targetIDs(_ plan: Plan, _ i: Int, _ o: Int) -> [String] { plan.keyIssues[i].objectives[o].targets.map(\.id) }

    // MARK: - In the tree

    func testAddATargetAfterTheSelectedOneThenUndoIt() throws {
        var runtime = started()
        goTo(.target("t1"), &runtime)
        keys(&runtime, [.char("a")] + type("Train every manager on the duty") + [.tab] + type("G") + [.down, .enter]
             + [.tab] + type("Sept 07") + [.enter])
        var plan = try onDisk()
        XCTAssertEqual(targetIDs(plan, 0, 0), ["t1", "t7", "t2", "t3"], "after the selected target, with the next free id")
        let added = try XCTUnwrap(plan.target(id: "t7"))
        XCTAssertEqual(added.text, "Train every manager on the duty")
        XCTAssertEqual(added.leadOfficers, ["GS"])
        XCTAssertEqual(added.timescale, "Sept 07")
        XCTAssertEqual(added.due, Day(year: 2007, month: 9, day: 30), "the due date follows the time scale")
        XCTAssertEqual(runtime.state.doc?.cursor, .target("t7"), "the cursor goes to the new target")
        XCTAssertNil(runtime.state.saveError)
        keys(&runtime, [.char("u")])
        plan = try onDisk()
        XCTAssertEqual(targetIDs(plan, 0, 0), ["t1", "t2", "t3"], "u takes the add back")
        XCTAssertNotEqual(runtime.state.doc?.cursor, .target("t7"))
        keys(&runtime, [.ctrl("r")])
        XCTAssertEqual(targetIDs(try onDisk(), 0, 0).count, 4, "Ctrl-R does it again")
    }

    func testEditTextOfficersAndTimescaleThenUndoEach() throws {
        var runtime = started()
        goTo(.target("t2"), &runtime)
        keys(&runtime, [.char("e"), .end] + type(" every quarter") + [.enter])
        XCTAssertEqual(try onDisk().target(id: "t2")?.text, "Actively engage with disabled people, BME and LGBT groups. every quarter")
        keys(&runtime, [.char("L")] + type("Head of HR") + [.enter])
        XCTAssertEqual(try onDisk().target(id: "t2")?.leadOfficers, ["CSO", "Head of HR"])
        keys(&runtime, [.char("t"), .ctrl("a"), .ctrl("e")] + Array(repeating: Key.backspace, count: 7) + type("Mar 07") + [.enter])
        var t2 = try XCTUnwrap(try onDisk().target(id: "t2"))
        XCTAssertEqual(t2.timescale, "Mar 07")
        XCTAssertEqual(t2.due, Day(year: 2007, month: 3, day: 31))
        XCTAssertEqual(runtime.state.doc?.cursor, .target("t2"))
        keys(&runtime, [.char("u")])
        t2 = try XCTUnwrap(try onDisk().target(id: "t2"))
        XCTAssertEqual(t2.timescale, "Ongoing")
        XCTAssertNil(t2.due)
        keys(&runtime, [.char("u")])
        XCTAssertEqual(try onDisk().target(id: "t2")?.leadOfficers, ["CSO"])
        keys(&runtime, [.char("u")])
        XCTAssertEqual(try onDisk().target(id: "t2")?.text, "Actively engage with disabled people, BME and LGBT groups.")
        XCTAssertEqual(runtime.state.message?.text.hasPrefix("Undid"), true, runtime.state.message?.text ?? "")
    }

    func testMoveDownAcrossObjectivesKeepsTheCursorOnItThenUndo() throws {
        var runtime = started()
        goTo(.target("t3"), &runtime)
        keys(&runtime, [.char("J")])
        var plan = try onDisk()
        XCTAssertEqual(targetIDs(plan, 0, 0), ["t1", "t2"])
        XCTAssertEqual(targetIDs(plan, 0, 1), ["t3", "t4"], "from the last of its objective to the start of the next")
        XCTAssertEqual(runtime.state.doc?.cursor, .target("t3"))
        keys(&runtime, [.char("K"), .char("K")])
        plan = try onDisk()
        XCTAssertEqual(targetIDs(plan, 0, 0), ["t1", "t3", "t2"])
        keys(&runtime, [.char("u"), .char("u"), .char("u")])
        XCTAssertEqual(targetIDs(try onDisk(), 0, 0), ["t1", "t2", "t3"])
        XCTAssertEqual(targetIDs(try onDisk(), 0, 1), ["t4"])
    }

    func testMoveAnObjectiveKeepsTheCursorOnTheSameObjective() throws {
        var runtime = started()
        goTo(.objective(0, 1), &runtime)
        keys(&runtime, [.char("K")])
        let plan = try onDisk()
        XCTAssertEqual(plan.keyIssues[0].objectives.map(\.text).first, "Promote equality through procurement")
        XCTAssertEqual(runtime.state.doc?.cursor, .objective(0, 0), "still on the objective that moved")
        XCTAssertTrue(render(runtime.state, size: Size(width: 120, height: 40)).text.contains("Objective o2"), "the detail pane names it by its id")
        let screen = detail(runtime.state)
        XCTAssertTrue(screen.contains("me moved k1 #2 → k1 #1"), "and lists the move in its history:\n\(screen)")
    }

    func testTheDetailPaneListsATargetsStructuralHistory() throws {
        var runtime = started()
        goTo(.target("t1"), &runtime)
        keys(&runtime, [.char("a")] + type("New one") + [.enter])
        keys(&runtime, [.char("e"), .end] + type(", revised") + [.enter])
        keys(&runtime, [.char("L")] + type("GS; KG") + [.enter])
        let screen = detail(runtime.state)
        XCTAssertTrue(screen.contains("me leadOfficers: (none) → “GS, KG”"), screen)
        XCTAssertTrue(screen.contains("me text: \"New one\" → \"New one, revised\""), screen)
        XCTAssertTrue(screen.contains("me added at o1 #2"), screen)
    }

    func testRemoveAnObjectiveAsksThenUndoBringsItBackWithItsTargetsAndHistory() throws {
        var runtime = started()
        goTo(.objective(0, 0), &runtime)
        keys(&runtime, [.char("d")])
        XCTAssertEqual(runtime.state.keyMap, .confirmRemove)
        XCTAssertEqual(try onDisk().keyIssues[0].objectives.count, 2, "nothing removed before y")
        keys(&runtime, [.char("y")])
        var plan = try onDisk()
        XCTAssertEqual(plan.keyIssues[0].objectives.count, 1)
        XCTAssertNil(plan.target(id: "t1"))
        XCTAssertEqual(runtime.state.message?.text.contains("3 targets"), true, runtime.state.message?.text ?? "")
        keys(&runtime, [.char("u")])
        plan = try onDisk()
        XCTAssertEqual(targetIDs(plan, 0, 0), ["t1", "t2", "t3"], "back, in its place, with its ids")
        XCTAssertEqual(plan.target(id: "t1")?.comment, "All action plans in place.")
        XCTAssertEqual(plan.target(id: "t1")?.history.first?.who, "jo", "and its history")
    }

    func testAddAKeyIssueAndAnObjective() throws {
        var runtime = started()
        goTo(.issue(1), &runtime)
        keys(&runtime, [.char("A")] + type("Access to services") + [.enter])
        var plan = try onDisk()
        XCTAssertEqual(plan.keyIssues.map(\.title).last, "Access to services")
        XCTAssertEqual(runtime.state.doc?.cursor, .issue(2))
        goTo(.target("t4"), &runtime)
        keys(&runtime, [.char("A")] + type("Publish equality information") + [.enter])
        plan = try onDisk()
        XCTAssertEqual(plan.keyIssues[0].objectives.map(\.text).last, "Publish equality information")
        XCTAssertEqual(runtime.state.doc?.cursor, .objective(0, 2))
        keys(&runtime, [.char("a")] + type("First target of it") + [.enter])
        XCTAssertEqual(try onDisk().keyIssues[0].objectives[2].targets.map(\.text), ["First target of it"])
    }

    // MARK: - In a meeting

    func testPlusInAMeetingAddsATargetTheMeetingGoesOnAtItAndUUndoesIt() throws {
        var runtime = started()
        goTo(.target("t2"), &runtime)
        keys(&runtime, [.char("M"), .char("+")] + type("Agreed: publish the results") + [.tab] + type("CSO") + [.enter])
        XCTAssertNotNil(runtime.state.activeMeeting, "still in the meeting")
        XCTAssertEqual(targetIDs(try onDisk(), 0, 0), ["t1", "t2", "t7", "t3"])
        XCTAssertEqual(runtime.state.meeting?.current, "t7", "the meeting is at the new target")
        keys(&runtime, [.char("m")])
        XCTAssertEqual(try onDisk().target(id: "t7")?.status, .met, "it can be marked at once")
        keys(&runtime, [.char("u"), .char("u")])
        XCTAssertNil(try onDisk().target(id: "t7"), "u takes back the status, then the add")
        XCTAssertNotNil(runtime.state.activeMeeting)
        XCTAssertNotEqual(runtime.state.meeting?.current, "t7")
    }

    // MARK: - Another writer

    /// Someone else inserts a Key Issue at the top and removes a target while this UI has a comment
    /// half typed: the tree shows their change, the cursor stays on the same target (now further
    /// down) and the editor keeps the text.
    func testAnotherWritersStructuralChangeKeepsTheCursorAndTheTextBeingTyped() throws {
        var runtime = started()
        goTo(.target("t5"), &runtime)
        keys(&runtime, [.char("c")] + type("Half written"))
        let other = PlanStore(directory: dir, keepBackups: 2)
        try other.update("sample") { plan in
            plan.keyIssues.insert(KeyIssue(number: 0, title: "Inserted by someone else", objectives: [
                Objective(text: "Their objective", targets: [Target(id: plan.makeTargetId(), text: "Their target")]),
            ]), at: 0)
            plan.keyIssues[1].objectives[0].targets.removeAll { $0.id == "t2" }
        }
        XCTAssertFalse(runtime.handle([.tick(now: 1000)]))
        XCTAssertEqual(runtime.state.doc?.plan.keyIssues.first?.title, "Inserted by someone else")
        XCTAssertNil(runtime.state.doc?.plan.target(id: "t2"))
        XCTAssertEqual(runtime.state.doc?.cursor, .target("t5"))
        guard case .editing(let session) = runtime.state.mode else { return XCTFail("the editor closed: \(runtime.state.mode)") }
        XCTAssertEqual(session.editor.text, "Half written")
        keys(&runtime, type(" and finished") + [.enter])
        XCTAssertEqual(try onDisk().target(id: "t5")?.comment, "Half written and finished")
        XCTAssertEqual(try onDisk().keyIssues.count, 3, "theirs kept")
    }

    /// The form is open on a target someone else removes: saving says so, nothing is applied to any
    /// other item, and the text is kept in the plan's history (the removal wins, not silently).
    func testSavingTheFormOnATargetSomeoneRemovedSaysSoAndKeepsTheTextInHistory() throws {
        var runtime = started()
        goTo(.target("t5"), &runtime)
        keys(&runtime, [.char("e"), .end] + type(" by 2008"))
        try PlanStore(directory: dir, keepBackups: 2).commit([.remove(item: "t5")], to: "sample", who: "ann")
        XCTAssertFalse(runtime.handle([.tick(now: 1000)]))
        XCTAssertEqual(runtime.state.keyMap, .itemForm, "the form stays open over the reload")
        keys(&runtime, [.enter])
        let message = try XCTUnwrap(runtime.state.message)
        XCTAssertTrue(message.isError)
        XCTAssertTrue(message.text.contains("t5 was removed by ann"), message.text)
        let plan = try onDisk()
        XCTAssertNil(plan.target(id: "t5"))
        let kept = try XCTUnwrap(plan.history.last)
        XCTAssertEqual(kept.action, .notApplied)
        XCTAssertEqual(kept.item, "t5")
        XCTAssertEqual(kept.new, "Ensure recruitment of foster carers reflects the community. by 2008")
        XCTAssertNotEqual(runtime.state.doc?.undo.last?.targetID, "t5", "nothing to undo: nothing was applied")
    }

    /// The same with the cursor on an objective and its text being edited in the form: the cursor
    /// follows the objective to its new place, and the edit saves to that objective (by its id).
    func testAnotherWritersInsertKeepsTheCursorOnTheSameObjectiveAndTheFormsText() throws {
        var runtime = started()
        goTo(.objective(1, 0), &runtime)
        keys(&runtime, [.char("e"), .end] + type(" at every level"))
        try PlanStore(directory: dir, keepBackups: 2).update("sample") { plan in
            plan.keyIssues.insert(KeyIssue(number: 0, title: "Inserted by someone else"), at: 0)
        }
        XCTAssertFalse(runtime.handle([.tick(now: 1000)]))
        XCTAssertEqual(runtime.state.doc?.cursor, .objective(2, 0), "the same objective, now under the third Key Issue")
        guard case .itemForm(let form) = runtime.state.mode else { return XCTFail("the form closed: \(runtime.state.mode)") }
        XCTAssertEqual(form.fields[0].editor.text, "Ensure the workforce reflects the community at every level")
        keys(&runtime, [.enter])
        let plan = try onDisk()
        XCTAssertEqual(plan.keyIssues[2].objectives[0].text, "Ensure the workforce reflects the community at every level")
        XCTAssertEqual(plan.keyIssues[0].title, "Inserted by someone else", "not theirs")
    }
}
