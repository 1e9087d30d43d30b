import ActionPlanCore
@testable import ActionPlanTUI
import XCTest

/// The tree's structural keys as pure updates: what each opens, what its form accepts and refuses,
/// and the change it asks to save (`Effect.structure`). Saving them for real, undo and other
/// writers are in TUITreeEditSessionTests.
final class TUITreeEditTests: XCTestCase {
    /// The core changes the effects ask to save.
    func structureEdits(_ effects: [Effect]) -> [PlanChange] {
        effects.compactMap { if case .structure(_, let edit, _) = $0 { return edit.change } else { return nil } }
    }

    func form(_ s: AppState, file: StaticString = #filePath, line: UInt = #line) -> ItemForm? {
        guard case .itemForm(let f) = s.mode else { XCTFail("no form open: \(s.mode)", file: file, line: line); return nil }
        return f
    }

    func testAddTargetAfterTheSelectedOneWithOfficerCompletionAndTheDueDateAsTyped() throws {
        var s = moveTo(.target("t1"), in: Sample.opened())
        s = send(s, .char("a")).0
        var f = try XCTUnwrap(form(s))
        XCTAssertEqual(f.purpose, .addTarget(objective: "o1", after: "t1"))
        XCTAssertEqual(f.fields.map(\.label), ["Text", "Lead", "Time scale"])
        // Letters are typed, not taken as tree keys (d, m, x …).
        s = send(s, type("Train managers on the duty")).0
        XCTAssertEqual(form(s)?.fields[0].editor.text, "Train managers on the duty")
        // The lead officers: "c" narrows the plan's officers to CSO and Jo Fisher, Service Manager.
        s = send(s, [.tab] + type("c")).0
        f = try XCTUnwrap(form(s))
        XCTAssertEqual(f.completions(from: s.officersInPlan().map(\.name)), ["CSO", "Jo Fisher, Service Manager", "WC"], "any part of a name, any case")
        XCTAssertEqual(f.completion, 0, "nothing chosen until ↓")
        s = send(s, .down, .enter).0 // ↓ chooses CSO, Enter puts it in (and does not save)
        XCTAssertEqual(form(s)?.fields[1].editor.text, "CSO; ")
        s = send(s, type("G") + [.down, .enter]).0
        XCTAssertEqual(form(s)?.fields[1].editor.text, "CSO; GS; ")
        XCTAssertTrue(render(s, size: Size(width: 80, height: 24)).text.contains("No officer of this plan matches") == false)
        // The time scale, with the due date it gives as it is typed.
        s = send(s, [.tab] + type("Sept 07")).0
        XCTAssertTrue(render(s, size: Size(width: 80, height: 24)).text.contains("Due 30 Sep 2007"), render(s, size: Size(width: 80, height: 24)).text)
        let (done, fx) = send(s, .enter)
        XCTAssertEqual(done.mode, .normal)
        XCTAssertEqual(structureEdits(fx), [.addTarget(Target(id: "", text: "Train managers on the duty", leadOfficers: ["CSO", "GS"],
                                                              timescale: "Sept 07"), to: .after("t1"))])
    }

    func testAnEmptyTextIsRefusedAndEscSavesNothing() {
        var s = send(moveTo(.target("t4"), in: Sample.opened()), .char("a")).0
        s = send(s, type("   ") + [.enter]).0
        XCTAssertEqual(form(s)?.error, "Text cannot be empty")
        let (after, fx) = send(s, .escape)
        XCTAssertEqual(after.mode, .normal)
        XCTAssertTrue(structureEdits(fx).isEmpty)
        XCTAssertEqual(after.message?.text, "Cancelled; nothing changed")
    }

    func testAddTargetOnAnObjectiveGoesAtItsEndAndOnAKeyIssueSaysWhere() {
        let s = send(moveTo(.objective(1, 0), in: Sample.opened()), .char("a")).0
        XCTAssertEqual(form(s)?.purpose, .addTarget(objective: "o3", after: nil))
        let onIssue = send(moveTo(.issue(0), in: Sample.opened()), .char("a")).0
        XCTAssertEqual(onIssue.mode, .normal)
        XCTAssertEqual(onIssue.message?.text, "a adds a target: move to an objective or a target (A adds an objective or a Key Issue)")
    }

    func testShiftAAddsAnObjectiveOrAKeyIssue() {
        let onTarget = send(moveTo(.target("t4"), in: Sample.opened()), .char("A")).0
        XCTAssertEqual(form(onTarget)?.purpose, .addObjective(issue: "k1", after: "o2"))
        XCTAssertEqual(form(onTarget)?.title, "New objective after objective CCS2")
        let onIssue = send(moveTo(.issue(1), in: Sample.opened()), .char("A")).0
        XCTAssertEqual(form(onIssue)?.purpose, .addKeyIssue(after: "k2"))
        let (_, fx) = send(onIssue, type("Access to services") + [.enter])
        XCTAssertEqual(structureEdits(fx), [.addKeyIssue(KeyIssue(number: 3, title: "Access to services"), to: .after("k2"))])
        var empty = Sample.plan()
        empty.keyIssues = []
        let none = send(Sample.opened(empty), .char("A")).0
        XCTAssertEqual(form(none)?.purpose, .addKeyIssue(after: nil))
    }

    func testEditTextIsPrefilledAndUnchangedTextSavesNothing() {
        var s = send(moveTo(.objective(0, 1), in: Sample.opened()), .char("e")).0
        XCTAssertEqual(form(s)?.fields.first?.editor.text, "Promote equality through procurement")
        let (same, none) = send(s, .enter)
        XCTAssertTrue(structureEdits(none).isEmpty)
        XCTAssertEqual(same.message?.text, "Text unchanged")
        s = send(s, type(" and grants") + [.enter]).0
        s = send(moveTo(.issue(1), in: s), .char("e")).0
        XCTAssertEqual(form(s)?.fields.first?.label, "Title")
        let (_, fx) = send(s, [.end] + type(" (revised)") + [.enter])
        XCTAssertEqual(structureEdits(fx), [.edit(item: "k2", field: .title, new: "Employment and Training (revised)", expectedOld: "Employment and Training")])
    }

    func testOfficersAndTimescaleWorkOnTargetsOnly() throws {
        let onObjective = send(moveTo(.objective(0, 0), in: Sample.opened()), .char("L")).0
        XCTAssertEqual(onObjective.mode, .normal)
        XCTAssertEqual(onObjective.message?.text, "L edits a target's lead officers; this is an objective: move to one of its targets")
        var s = send(moveTo(.target("t1"), in: Sample.opened()), .char("L")).0
        XCTAssertEqual(form(s)?.fields.first?.editor.text, "GS; CSO; ", "ready for another name")
        s = send(s, Array(repeating: Key.backspace, count: 5) + type("Jo")).0
        let f = try XCTUnwrap(form(s))
        XCTAssertEqual(f.completions(from: s.officersInPlan().map(\.name)), ["Jo Fisher, Service Manager"])
        let (_, fx) = send(s, .down, .enter, .enter)
        XCTAssertEqual(structureEdits(fx), [.edit(item: "t1", field: .leadOfficers, new: "GS\nJo Fisher, Service Manager", expectedOld: "GS\nCSO")],
                       "one name per line, as the core carries them")

        s = send(moveTo(.target("t2"), in: Sample.opened()), .char("t")).0
        XCTAssertEqual(form(s)?.fields.first?.editor.text, "Ongoing")
        s = send(s, [.backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace] + type("when funded")).0
        XCTAssertTrue(render(s, size: Size(width: 80, height: 24)).text.contains("No date in that: kept as written"))
        let (_, ts) = send(s, .enter)
        XCTAssertEqual(structureEdits(ts), [.edit(item: "t2", field: .timescale, new: "when funded", expectedOld: "Ongoing")])
    }

    func testOfficerNamesSplitAtSemicolonsOnly() {
        XCTAssertEqual(ItemForm.officerNames("Jo Fisher, Service Manager; GS/CSO ;; GS/CSO; "), ["Jo Fisher, Service Manager", "GS/CSO"])
        XCTAssertEqual(ItemForm.officerNames("  "), [])
    }

    func testTimescalePreview() {
        XCTAssertEqual(ItemForm.timescalePreview("Aug 06").text, "Due 31 Aug 2006")
        XCTAssertEqual(ItemForm.timescalePreview("Quarterly").text, "Quarterly")
        XCTAssertEqual(ItemForm.timescalePreview("Ongoing").text, "Ongoing")
        XCTAssertEqual(ItemForm.timescalePreview("").text, "No time scale: no due date")
        XCTAssertFalse(ItemForm.timescalePreview("when the money comes").readable)
    }

    func testMoveDestinations() {
        let plan = Sample.loaded().plan // with ids: k1 (o1, o2), k2 (o3)
        XCTAssertEqual(Tree.destination(moving: .target("t1"), down: true, in: plan), .after("t2"))
        XCTAssertNil(Tree.destination(moving: .target("t1"), down: false, in: plan), "the first target of the plan")
        XCTAssertEqual(Tree.destination(moving: .target("t3"), down: true, in: plan), .before("t4"), "into the next objective, first")
        XCTAssertEqual(Tree.destination(moving: .target("t4"), down: false, in: plan), .end(of: "o1"), "into the one before, last")
        XCTAssertEqual(Tree.destination(moving: .target("t4"), down: true, in: plan), .before("t5"), "across Key Issues")
        XCTAssertNil(Tree.destination(moving: .target("t6"), down: true, in: plan))
        XCTAssertEqual(Tree.destination(moving: .objective(0, 1), down: true, in: plan), .before("o3"))
        XCTAssertEqual(Tree.destination(moving: .objective(1, 0), down: false, in: plan), .end(of: "k1"))
        XCTAssertEqual(Tree.destination(moving: .issue(0), down: true, in: plan), .after("k2"))
        XCTAssertNil(Tree.destination(moving: .issue(1), down: true, in: plan))
    }

    func testJAndKAskForTheMoveOrSayWhyNot() {
        let (_, fx) = send(moveTo(.target("t2"), in: Sample.opened()), .char("J"))
        XCTAssertEqual(structureEdits(fx), [.move(item: "t2", to: .after("t3"))])
        let (first, none) = send(moveTo(.issue(0), in: Sample.opened()), .char("K"))
        XCTAssertTrue(structureEdits(none).isEmpty)
        XCTAssertEqual(first.message?.text, "Key Issue 1 is already the first")
    }

    func testRemoveAsksFirstSayingHowManyTargets() {
        var s = send(moveTo(.objective(0, 0), in: Sample.opened()), .char("d")).0
        guard case .confirmRemove(let c) = s.mode else { return XCTFail("no confirmation: \(s.mode)") }
        XCTAssertEqual(c.targets, 3)
        let screen = render(s, size: Size(width: 80, height: 24)).text
        XCTAssertTrue(screen.contains("Remove objective 1.?"), screen)
        XCTAssertTrue(screen.contains("It holds 3 targets, which all go with it."), screen)
        // Another key neither removes nor closes it.
        var (still, fx) = send(s, .char("x"))
        XCTAssertTrue(structureEdits(fx).isEmpty)
        XCTAssertEqual(still.message?.text, "y removes objective 1.; n or Esc keeps it")
        (still, fx) = send(still, .char("n"))
        XCTAssertEqual(still.mode, .normal)
        XCTAssertEqual(still.message?.text, "Kept objective 1.")
        XCTAssertTrue(structureEdits(fx).isEmpty)
        s = send(moveTo(.target("t5"), in: Sample.opened()), .char("d")).0
        (still, fx) = send(s, .char("y"))
        XCTAssertEqual(structureEdits(fx), [.remove(item: "t5")])
    }

    func testPlusInAMeetingAddsAfterTheTargetOnScreenAndStaysInTheMeeting() {
        var s = send(moveTo(.target("t2"), in: Sample.opened()), .char("M")).0
        s = send(s, .char("+")).0
        XCTAssertEqual(form(s)?.purpose, .addTarget(objective: "o1", after: "t2"))
        XCTAssertEqual(form(s)?.inMeeting, true)
        XCTAssertEqual(s.keyMap, .itemForm)
        let cancelled = send(s, .escape).0
        XCTAssertNotNil(cancelled.activeMeeting, "still in the meeting")
        XCTAssertEqual(cancelled.keyMap, .meeting)
        let (saved, fx) = send(s, type("Agreed at the forum") + [.enter])
        XCTAssertNotNil(saved.activeMeeting)
        XCTAssertEqual(structureEdits(fx), [.addTarget(Target(id: "", text: "Agreed at the forum"), to: .after("t2"))])
    }

    func testTheNewKeysAreInTheTreeMapAndTheHelp() {
        let expected: [(Key, Command)] = [(.char("a"), .addTarget), (.char("A"), .addBranch), (.char("e"), .editText), (.char("L"), .editOfficers),
                                          (.char("t"), .editTimescale), (.char("J"), .moveItemDown), (.char("K"), .moveItemUp), (.char("d"), .removeItem)]
        for (key, command) in expected { XCTAssertEqual(KeyTable.command(for: key), command, key.name) }
        XCTAssertEqual(KeyTable.meetingCommand(for: .char("+")), .meetingAddTarget)
        let help = KeyTable.helpLines(width: 100).map(\.text)
        XCTAssertTrue(help.contains("Changing the plan (on the tree)"))
        XCTAssertTrue(help.contains("In the add and edit forms (a, A, e, L, t)"))
    }
}
