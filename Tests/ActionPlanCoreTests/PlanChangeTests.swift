import XCTest
@testable import ActionPlanCore

/// Every kind of `PlanChange` on the pure core (`PlanChanges.apply`), the upgrade of version 1 files, undo,
/// and the merge rules with two writers on one directory (README, "Changing a plan").
final class PlanChangeTests: XCTestCase {
    private let when = "2026-12-01T10:00:00Z"
    private func apply(_ changes: [PlanChange], to plan: Plan = Fixtures.samplePlan(), who: String = "jo") throws -> PlanChanges.Outcome {
        try PlanChanges.apply(changes, onto: plan, who: who, when: when)
    }

    // MARK: - Ids and the upgrade

    func testVersion1FileIsUpgradedOnLoadWithIdsInDocumentOrder() throws {
        let v1 = #"{"schemaVersion": 1, "id": "p", "title": "P", "nextTargetId": 3, "keyIssues": [{"number": 1, "title": "A", "objectives": [{"text": "x", "targets": [{"id": "t1", "text": "a", "leadOfficers": [], "timescale": "", "status": "met"}]}, {"text": "y", "targets": []}]}, {"number": 2, "title": "B", "objectives": [{"text": "z", "targets": []}]}]}"#
        let plan = try XCTUnwrap(PlanFile.decode(Array(v1.utf8), file: "p.json", expectedID: "p").loaded?.plan)
        XCTAssertEqual(plan.keyIssues.map(\.id), ["k1", "k2"])
        XCTAssertEqual(plan.keyIssues.flatMap { $0.objectives.map(\.id) }, ["o1", "o2", "o3"])
        XCTAssertEqual(plan.nextKeyIssueId, 3)
        XCTAssertEqual(plan.nextObjectiveId, 4)
        XCTAssertEqual(plan.allTargets.map(\.status), [.met], "nothing else changes")
        let saved = String(decoding: PlanFile.encode(plan), as: UTF8.self)
        XCTAssertTrue(saved.contains("\"schemaVersion\": 2"))
        XCTAssertTrue(saved.contains("\"id\": \"o3\""))
        // Loading twice gives the same ids: the upgrade is deterministic.
        XCTAssertEqual(PlanFile.decode(Array(v1.utf8), file: "p.json", expectedID: "p").loaded?.plan, plan)
    }

    func testDuplicateAndCollidingItemIdsAreRefused() {
        let dup = #"{"schemaVersion": 2, "id": "p", "title": "P", "keyIssues": [{"id": "k1", "number": 1, "title": "A", "objectives": [{"id": "t1", "text": "x", "targets": [{"id": "t1", "text": "a", "leadOfficers": [], "timescale": "", "status": "met"}]}]}, {"id": "k1", "number": 2, "title": "B", "objectives": []}]}"#
        let problems = PlanFile.decode(Array(dup.utf8), file: "p.json", expectedID: "p").problems.map(\.description)
        XCTAssertEqual(problems, [
            "p.json: $.keyIssues[1].id: duplicate id \"k1\" (first used at $.keyIssues[0].id)",
            "p.json: $.keyIssues[0].objectives[0].id: id \"t1\" is also a target's id; ids are unique across Key Issues, objectives and targets",
        ])
    }

    func testRemovedIdsAreNeverReused() throws {
        var out = try apply([.remove(item: "k2")])
        out = try apply([.addKeyIssue(KeyIssue(number: 3, title: "New"), to: .end(of: nil)),
                         .addObjective(Objective(text: "New objective"), to: .end(of: "k1"))], to: out.plan)
        XCTAssertEqual(out.added, ["k3", "o3"], "k2 and o2 were removed: their ids stay retired")
        // Through the file as well: the counters are saved.
        let reread = try XCTUnwrap(PlanFile.decode(PlanFile.encode(out.plan), file: "sample.json", expectedID: "sample").loaded?.plan)
        XCTAssertEqual(reread.nextKeyIssueId, 4)
        XCTAssertEqual(reread.nextObjectiveId, 4)
        XCTAssertEqual(reread.nextTargetId, 5)
        XCTAssertEqual(reread, out.plan, "removed content in history reads back whole")
    }

    // MARK: - Each edit

    func testAddTargetObjectiveAndKeyIssueWithHistory() throws {
        let out = try apply([
            .addTarget(Target(id: "", text: "Agreed at the meeting", leadOfficers: ["GS"], timescale: "Sept 26"), to: .after("t1")),
            .addObjective(Objective(code: "CCS9", text: "Another"), to: .end(of: "k2")),
            .addKeyIssue(KeyIssue(number: 3, title: "Workforce"), to: .before("k1")),
        ])
        XCTAssertEqual(out.added, ["t5", "o3", "k3"])
        XCTAssertEqual(out.plan.keyIssues.map(\.id), ["k3", "k1", "k2"])
        XCTAssertEqual(out.plan.keyIssues[1].objectives[0].targets.map(\.id), ["t1", "t5", "t2"])
        let t5 = try XCTUnwrap(out.plan.target(id: "t5"))
        XCTAssertEqual(t5.due, Day(iso: "2026-09-30"), "the due date follows the time scale")
        XCTAssertEqual(t5.history.map(\.action), [.added])
        XCTAssertEqual(t5.history[0].to, Place(parent: "o1", index: 1))
        XCTAssertEqual(out.plan.history.map { "\($0.action!.rawValue) \($0.item!)" }, ["added o3", "added k3"])
        XCTAssertEqual(Set(out.entries.map(\.change)), [1])
        XCTAssertEqual(out.plan.lastChange, 1)
    }

    func testEditEveryKindOfField() throws {
        let out = try apply([
            .edit(item: nil, field: .title, new: "Plan 2026/27"),
            .edit(item: nil, field: .period, new: "2026-04..2027-03"),
            .edit(item: "k1", field: .title, new: "Leadership"),
            .edit(item: "o2", field: .code, new: "CCS2"),
            .edit(item: "t3", field: .timescale, new: "March 2009"),
            .edit(item: "t3", field: .leadOfficers, new: "Anne Futcher\nCB"),
            .edit(item: "t2", field: .measure, new: "baseline=52.5 target=60 actual=58 unit=% better=higher"),
        ])
        XCTAssertEqual(out.plan.title, "Plan 2026/27")
        XCTAssertEqual(out.plan.period.map(PeriodText.format), "2026-04..2027-03")
        XCTAssertEqual(out.plan.keyIssues[0].title, "Leadership")
        XCTAssertEqual(out.plan.keyIssues[1].objectives[0].code, "CCS2")
        let t3 = try XCTUnwrap(out.plan.target(id: "t3"))
        XCTAssertEqual(t3.due, Day(iso: "2009-03-31"), "a time scale edit re-derives the due date")
        XCTAssertEqual(t3.leadOfficers, ["Anne Futcher", "CB"])
        XCTAssertEqual(out.plan.target(id: "t2")?.measure?.target, 60)
        XCTAssertEqual(t3.history.map(\.field), [.timescale, .leadOfficers])
        XCTAssertEqual(t3.history[0].old, "Nov 06")
        // The plan's fields and the Key Issue's and objective's are in the plan's own history.
        XCTAssertEqual(out.plan.history.map { "\($0.item ?? "plan") \($0.field!.rawValue)" }, ["plan title", "plan period", "k1 title", "o2 code"])
        XCTAssertEqual(out.plan.history[1].old, "2006-04..2007-03")
    }

    func testUnreadableTimescaleIsKeptAsTextWithAWarning() throws {
        let out = try apply([.edit(item: "t3", field: .timescale, new: "when the budget allows")])
        XCTAssertEqual(out.plan.target(id: "t3")?.timescale, "when the budget allows")
        XCTAssertNil(out.plan.target(id: "t3")?.due)
        XCTAssertEqual(out.warnings.count, 1)
        XCTAssertTrue(out.warnings[0].contains("names no date"), out.warnings[0])
        XCTAssertTrue(try apply([.edit(item: "t3", field: .timescale, new: "Ongoing")]).warnings.isEmpty, "Ongoing is understood")
    }

    func testMoveBeforeAfterAndInto() throws {
        var out = try apply([.move(item: "t4", to: .before("t1"))])
        XCTAssertEqual(out.plan.keyIssues[0].objectives[0].targets.map(\.id), ["t4", "t1", "t2"])
        XCTAssertEqual(out.plan.target(id: "t4")?.history.last?.from, Place(parent: "o2", index: 1))
        XCTAssertEqual(out.plan.target(id: "t4")?.history.last?.to, Place(parent: "o1", index: 0))
        out = try apply([.move(item: "t1", to: .after("t2"))])
        XCTAssertEqual(out.plan.keyIssues[0].objectives[0].targets.map(\.id), ["t2", "t1"])
        out = try apply([.move(item: "o1", to: .end(of: "k2"))])
        XCTAssertEqual(out.plan.keyIssues.map { $0.objectives.map(\.id) }, [[], ["o2", "o1"]])
        out = try apply([.move(item: "k2", to: .before("k1"))])
        XCTAssertEqual(out.plan.keyIssues.map(\.id), ["k2", "k1"])
        XCTAssertTrue(try apply([.move(item: "t1", to: .before("t2"))]).entries.isEmpty, "already there: nothing recorded")
    }

    func testRemoveKeepsTheContentAndUndoPutsItBack() throws {
        let before = Fixtures.samplePlan()
        let removed = try apply([.remove(item: "o1")], to: before)
        XCTAssertNil(removed.plan.target(id: "t1"))
        let entry = try XCTUnwrap(removed.plan.history.last)
        XCTAssertEqual(entry.action, .removed)
        XCTAssertEqual(entry.from, Place(parent: "k1", index: 0))
        XCTAssertEqual(entry.removed?.targetCount, 2)
        let step = try XCTUnwrap(PlanUndo.last(in: removed.plan))
        let undone = try PlanChanges.apply(step.changes, onto: removed.plan, who: "jo", when: when, undoing: step.number)
        XCTAssertEqual(undone.plan.keyIssues, before.keyIssues, "back where it was, with the same targets and histories")
        XCTAssertEqual(undone.plan.history.last?.action, .restored)
        XCTAssertEqual(undone.plan.history.last?.undoes, 1)
    }

    func testUndoTakesBackEachKindInTurn() throws {
        var plan = Fixtures.samplePlan()
        let original = plan
        let steps: [[PlanChange]] = [
            [.addTarget(Target(id: "", text: "New"), to: .end(of: "o2"))],
            [.edit(item: "t1", field: .text, new: "Reworded"), .edit(item: nil, field: .department, new: "Corporate")],
            [.move(item: "t3", to: .after("t1"))],
            [.renameOfficer(old: "CB", new: "Carol Baker")],
            [.remove(item: "k1")],
            [.edit(item: "t4", field: .status, new: "met")],
        ]
        var t = 0
        for changes in steps {
            t += 1
            plan = try PlanChanges.apply(changes, onto: plan, who: "jo", when: "2026-12-01T10:00:0\(t)Z").plan
        }
        while let step = PlanUndo.last(in: plan) {
            plan = try PlanChanges.apply(step.changes, onto: plan, who: "jo", when: when, undoing: step.number).plan
        }
        XCTAssertEqual(plan.keyIssues.map { $0.objectives.map { $0.targets.map { "\($0.id) \($0.text) \($0.leadOfficers) \($0.status)" } } },
                       original.keyIssues.map { $0.objectives.map { $0.targets.map { "\($0.id) \($0.text) \($0.leadOfficers) \($0.status)" } } })
        XCTAssertEqual(plan.department, original.department)
        XCTAssertNil(plan.target(id: "t5"), "the added target is gone again")
        XCTAssertEqual(plan.lastChange, 12, "six changes and six undos, each numbered")
    }

    func testOfficerRenameChangesEveryTargetThatNamesIt() throws {
        var plan = Fixtures.samplePlan()
        plan = try apply([.edit(item: "t4", field: .leadOfficers, new: "Anne Fatcher\nHead of HR")], to: plan).plan
        let out = try apply([.renameOfficer(old: "Head of HR", new: "Anne Fatcher")], to: plan)
        XCTAssertEqual(out.plan.target(id: "t4")?.leadOfficers, ["Anne Fatcher"], "merged, not named twice")
        XCTAssertEqual(out.entries.map(\.note), ["officer renamed"])
    }

    // MARK: - Refused

    func testBadChangesAreRefusedAndChangeNothing() {
        func error(_ c: PlanChange) -> String {
            do { _ = try apply([.edit(item: "t1", field: .comment, new: "first"), c]); return "applied" } catch { return "\(error)" }
        }
        XCTAssertEqual(error(.addTarget(Target(id: "", text: "x"), to: .end(of: "t1"))),
                       "cannot add a target: \"t1\" is a target, expected an objective")
        XCTAssertEqual(error(.move(item: "o1", to: .end(of: "o1"))), "cannot move \"o1\" into itself")
        XCTAssertEqual(error(.edit(item: "t1", field: .text, new: "  ")), "the text of \"t1\" must not be empty")
        XCTAssertEqual(error(.addTarget(Target(id: "", text: ""), to: .end(of: "o1"))), "the text of \"the new target\" must not be empty")
        XCTAssertEqual(error(.edit(item: "k9", field: .title, new: "x")), "no Key Issue, objective or target \"k9\" in plan sample (see `actionplan list --plan sample`)")
        XCTAssertEqual(error(.edit(item: "k1", field: .timescale, new: "x")),
                       "a Key Issue has no field timescale (it has: number, title, statement)")
        XCTAssertEqual(error(.edit(item: nil, field: .period, new: "2027-03..2026-04")),
                       "period: expected a period as YYYY-MM..YYYY-MM, the end not before the start, found \"2027-03..2026-04\"")
        XCTAssertEqual(error(.move(item: "t1", to: .before("o2"))), "cannot move t1: \"o2\" is an objective, expected a target")
    }

    // MARK: - Two writers on one directory (the merge rules)

    private func twoStores() -> (PlanStore, PlanStore, String) {
        let dir = Fixtures.temporaryDirectory()
        _ = Fixtures.write(Fixtures.samplePlan(), in: dir)
        return (PlanStore(directory: dir), PlanStore(directory: dir), dir)
    }

    func testTwoAddsToTheSameObjectiveAreBothKeptWithDistinctIds() throws {
        let (a, b, dir) = twoStores()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let baseA = try a.load("sample"), baseB = try b.load("sample")
        let ra = try a.commit([.addTarget(Target(id: "", text: "From A"), to: .end(of: "o1"))], to: "sample", base: baseA, who: "ann")
        let rb = try b.commit([.addTarget(Target(id: "", text: "From B"), to: .end(of: "o1"))], to: "sample", base: baseB, who: "bob")
        XCTAssertEqual(ra.added, ["t5"])
        XCTAssertEqual(rb.added, ["t6"], "allocated under the lock on the version A saved")
        XCTAssertTrue(rb.merged)
        let plan = try a.load("sample").plan
        XCTAssertEqual(plan.keyIssues[0].objectives[0].targets.map(\.text).suffix(2), ["From A", "From B"])
    }

    func testAnEditOfATargetAnotherRemovedIsRecordedAndReportedNotApplied() throws {
        let (a, b, dir) = twoStores()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let baseA = try a.load("sample"), baseB = try b.load("sample")
        _ = try a.commit([.remove(item: "t3")], to: "sample", base: baseA, who: "ann")
        let rb = try b.commit([.edit(item: "t3", field: .comment, new: "Progress at last", expectedOld: "")], to: "sample", base: baseB, who: "bob")
        XCTAssertEqual(rb.conflicts.count, 1)
        XCTAssertTrue(rb.conflicts[0].description.contains("t3 was removed by ann"), rb.conflicts[0].description)
        let plan = try a.load("sample").plan
        XCTAssertNil(plan.target(id: "t3"), "the removal wins")
        let lost = try XCTUnwrap(plan.history.last)
        XCTAssertEqual(lost.action, .notApplied)
        XCTAssertEqual(lost.who, "bob")
        XCTAssertEqual(lost.new, "Progress at last", "bob's text is kept in history")
        // And an add into an objective another removed keeps the new target's content.
        let rc = try b.commit([.remove(item: "o1")], to: "sample", who: "ann")
        XCTAssertTrue(rc.conflicts.isEmpty)
        let rd = try a.commit([.addTarget(Target(id: "", text: "Agreed late"), to: .end(of: "o1"))], to: "sample", base: baseA, who: "bob")
        XCTAssertEqual(rd.conflicts.count, 1)
        if case .target(let t)? = try a.load("sample").plan.history.last?.removed { XCTAssertEqual(t.text, "Agreed late") } else { XCTFail("content not kept") }
    }

    func testAMoveAndAnEditOfTheSameTargetBothApply() throws {
        let (a, b, dir) = twoStores()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let baseA = try a.load("sample"), baseB = try b.load("sample")
        _ = try a.commit([.move(item: "t3", to: .end(of: "o1"))], to: "sample", base: baseA, who: "ann")
        let rb = try b.commit([.edit(item: "t3", field: .text, new: "Reworded", expectedOld: baseB.plan.target(id: "t3")!.text)],
                              to: "sample", base: baseB, who: "bob")
        XCTAssertTrue(rb.conflicts.isEmpty)
        let plan = try a.load("sample").plan
        XCTAssertEqual(plan.place(of: "t3"), Place(parent: "o1", index: 2))
        XCTAssertEqual(plan.target(id: "t3")?.text, "Reworded")
        XCTAssertEqual(plan.target(id: "t3")?.history.map { $0.action?.rawValue ?? $0.field!.rawValue }, ["moved", "text"])
    }

    func testTwoEditsOfOneFieldLaterWinsAndEarlierIsReported() throws {
        let (a, b, dir) = twoStores()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let baseA = try a.load("sample"), baseB = try b.load("sample")
        _ = try a.commit([.edit(item: "k1", field: .title, new: "Ann's title", expectedOld: "Leadership and Corporate Commitment")], to: "sample", base: baseA, who: "ann")
        let rb = try b.commit([.edit(item: "k1", field: .title, new: "Bob's title", expectedOld: "Leadership and Corporate Commitment")], to: "sample", base: baseB, who: "bob")
        XCTAssertEqual(rb.conflicts.map(\.description), ["k1 title was changed by ann to \"Ann's title\" meanwhile; saved yours (\"Bob's title\"), theirs is kept in history"])
        let plan = try a.load("sample").plan
        XCTAssertEqual(plan.keyIssues[0].title, "Bob's title")
        XCTAssertEqual(plan.history.map(\.new), ["Ann's title", "Bob's title"])
    }

    func testARefusedChangeWritesNothing() throws {
        let (a, _, dir) = twoStores()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let before = Fixtures.bytes("\(dir)/sample.json")
        XCTAssertThrowsError(try a.commit([.edit(item: "t1", field: .comment, new: "ok"), .move(item: "k1", to: .end(of: "k1"))], to: "sample", who: "jo"))
        XCTAssertEqual(Fixtures.bytes("\(dir)/sample.json"), before)
    }
}
