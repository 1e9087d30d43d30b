import XCTest
@testable import ActionPlanCore

/// The three-way merge of a plan file (what git's merge driver runs): field rules, structure rules,
/// and the property that the result does not depend on which side is "ours".
final class PlanMergeTests: XCTestCase {
    private func set(_ plan: inout Plan, _ id: String, _ field: TargetField, _ value: String, who: String, when: String) {
        XCTAssertNoThrow(try plan.apply(TargetChange(targetID: id, field: field, new: value), who: who, when: when))
    }

    private func both(_ base: Plan, _ a: Plan, _ b: Plan, file: StaticString = #filePath, line: UInt = #line) throws -> PlanMerge.Outcome {
        let ab = try PlanMerge.merge(base: base, ours: a, theirs: b)
        let ba = try PlanMerge.merge(base: base, ours: b, theirs: a)
        XCTAssertEqual(ab.plan, ba.plan, "merging both ways differs", file: file, line: line)
        return ab
    }

    func testChangesToDifferentTargetsAndFieldsAreAllKept() throws {
        let base = Fixtures.samplePlan()
        var a = base, b = base
        set(&a, "t2", .status, "met", who: "jo", when: "2026-12-01T10:00:00Z")
        set(&b, "t2", .comment, "on track", who: "sam", when: "2026-12-01T11:00:00Z")
        set(&b, "t3", .forecast, "by March", who: "sam", when: "2026-12-01T11:00:01Z")
        let merged = try both(base, a, b).plan
        XCTAssertEqual(merged.target(id: "t2")?.status, .met)
        XCTAssertEqual(merged.target(id: "t2")?.comment, "on track")
        XCTAssertEqual(merged.target(id: "t3")?.forecast, "by March")
        XCTAssertEqual(merged.target(id: "t2")?.history.map(\.who), ["jo", "sam"])
    }

    func testTheSameFieldKeepsTheLaterChangeAndTheOtherStaysInHistory() throws {
        let base = Fixtures.samplePlan()
        var a = base, b = base
        set(&a, "t4", .status, "met", who: "jo", when: "2026-12-01T10:00:00Z")
        set(&b, "t4", .status, "notMet", who: "sam", when: "2026-12-01T09:00:00Z")
        let outcome = try both(base, a, b)
        let t4 = try XCTUnwrap(outcome.plan.target(id: "t4"))
        XCTAssertEqual(t4.status, .met, "jo's change is later")
        XCTAssertTrue(t4.history.contains { $0.who == "sam" && $0.new == "notMet" }, "the losing value is in history")
        let decision = try XCTUnwrap(t4.history.last)
        XCTAssertEqual(decision.old, "notMet")
        XCTAssertEqual(decision.new, "met")
        XCTAssertTrue(decision.note?.contains("sam") ?? false, "\(decision)")
        XCTAssertEqual(outcome.notes.count, 1)
        XCTAssertTrue(outcome.notes[0].hasPrefix("t4 status: changed on both sides"), outcome.notes[0])
    }

    func testTargetsAddedOnBothSidesAreKeptAndACollidingIdIsReallocated() throws {
        let base = Fixtures.samplePlan()
        var a = base, b = base
        let idA = a.makeTargetId(), idB = b.makeTargetId()
        XCTAssertEqual(idA, idB, "both machines hand out the same next id offline")
        a.keyIssues[0].objectives[0].targets.append(Target(id: idA, text: "Train every manager"))
        b.keyIssues[1].objectives[0].targets.append(Target(id: idB, text: "Publish the scheme"))
        set(&b, idB, .status, "met", who: "sam", when: "2026-12-01T12:00:00Z")
        let outcome = try both(base, a, b)
        let texts = outcome.plan.allTargets.map(\.text)
        XCTAssertTrue(texts.contains("Train every manager") && texts.contains("Publish the scheme"), "\(texts)")
        XCTAssertEqual(Set(outcome.plan.allTargets.map(\.id)).count, outcome.plan.targetCount, "ids are unique")
        let published = try XCTUnwrap(outcome.plan.allTargets.first { $0.text == "Publish the scheme" })
        XCTAssertEqual(published.status, .met, "the re-allocated target keeps its fields")
        XCTAssertTrue(outcome.plan.notes.contains { $0.hasPrefix("Merged: \(idA) was added on two machines") }, "\(outcome.plan.notes)")
        XCTAssertGreaterThan(outcome.plan.nextTargetId, 6)
    }

    func testARemovalWinsOverAnEditAndTheEditIsRecordedNotApplied() throws {
        let base = Fixtures.samplePlan()
        var a = base, b = base
        a.keyIssues[1].objectives[0].targets.removeAll { $0.id == "t3" || $0.id == "t4" }
        set(&b, "t4", .comment, "still needed", who: "sam", when: "2026-12-01T12:00:00Z")
        let outcome = try both(base, a, b)
        XCTAssertNil(outcome.plan.target(id: "t3"), "removed and unchanged elsewhere: gone")
        XCTAssertNil(outcome.plan.target(id: "t4"), "the removal wins, as in a save (README, Changing a plan)")
        let record = try XCTUnwrap(outcome.plan.history.first { $0.action == .notApplied && $0.item == "t4" })
        XCTAssertEqual(record.new, "still needed", "the edit is not lost silently: it is in the plan's history")
        XCTAssertEqual(record.who, "sam")
        XCTAssertTrue(outcome.notes.contains { $0.hasPrefix("t4 was removed on one side and changed on the other") }, "\(outcome.notes)")
    }

    func testAMoveOnOneSideAndAnEditOnTheOtherBothApply() throws {
        let base = Fixtures.samplePlan()
        var a = base, b = base
        let t2 = a.keyIssues[0].objectives[0].targets.remove(at: 1)
        a.keyIssues[1].objectives[0].targets.insert(t2, at: 0)
        set(&b, "t2", .status, "met", who: "sam", when: "2026-12-01T12:00:00Z")
        let merged = try both(base, a, b).plan
        XCTAssertEqual(merged.keyIssues[1].objectives[0].targets.map(\.id), ["t2", "t3", "t4"])
        XCTAssertEqual(merged.target(id: "t2")?.status, .met)
    }

    func testAReviewClosedOnOneSideBeatsTheSameReviewStillOpenOnTheOther() throws {
        var base = Fixtures.samplePlan()
        var open = Review(number: 2, asAt: Day(iso: "2026-11-30")!, title: "Winter")
        open.openedAt = "2026-12-01T09:00:00Z"
        base.reviews.append(open)
        var a = base, b = base
        a.reviews[1].closedAt = "2026-12-01T17:00:00Z"
        a.reviews[1].snapshot = [TargetSnapshot(id: "t1", status: .met, comment: "", forecast: "")]
        b.reviews[1].title = "Winter review"
        let outcome = try both(base, a, b)
        XCTAssertEqual(outcome.plan.reviews.count, 2)
        XCTAssertEqual(outcome.plan.reviews[1].closedAt, "2026-12-01T17:00:00Z")
    }

    func testBothSidesChangingThePlanTitleIsAConflictNotAGuess() {
        let base = Fixtures.samplePlan()
        var a = base, b = base
        a.title = "A"
        b.title = "B"
        XCTAssertThrowsError(try PlanMerge.merge(base: base, ours: a, theirs: b)) { error in
            XCTAssertTrue("\(error)".contains("both sides changed"), "\(error)")
        }
    }

    // MARK: - The driver git runs

    func testTheDriverWritesAValidPlanOverOursAndRefusesANonPlanLeavingOursAlone() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let base = Fixtures.samplePlan()
        var a = base, b = base
        set(&a, "t2", .status, "met", who: "jo", when: "2026-12-01T10:00:00Z")
        set(&b, "t3", .comment, "x", who: "sam", when: "2026-12-01T10:00:00Z")
        for (name, plan) in [("O", base), ("A", a), ("B", b)] {
            FileManager.default.createFile(atPath: "\(dir)/\(name)", contents: Data(PlanFile.encode(plan)))
        }
        let result = MergeDriver.run(base: "\(dir)/O", ours: "\(dir)/A", theirs: "\(dir)/B", pathName: "sample.json")
        XCTAssertTrue(result.ok, "\(result.messages)")
        let merged = try PlanFile.loadWithFingerprint(path: "\(dir)/A", displayName: "A")
        XCTAssertEqual(merged.plan.target(id: "t2")?.status, .met)
        XCTAssertEqual(merged.plan.target(id: "t3")?.comment, "x")

        FileManager.default.createFile(atPath: "\(dir)/B", contents: Data("<<<<<<< not json".utf8))
        let before = Fixtures.bytes("\(dir)/A")
        let refused = MergeDriver.run(base: "\(dir)/O", ours: "\(dir)/A", theirs: "\(dir)/B", pathName: "sample.json")
        XCTAssertFalse(refused.ok)
        XCTAssertEqual(refused.messages.count, 1)
        XCTAssertTrue(refused.messages[0].hasPrefix("cannot merge sample.json: theirs is not a valid plan: line 1, column 1"), refused.messages[0])
        XCTAssertEqual(Fixtures.bytes("\(dir)/A"), before, "ours is left as it was")
        let notPlan = MergeDriver.run(base: "\(dir)/O", ours: "\(dir)/A", theirs: "\(dir)/B", pathName: "notes.txt")
        XCTAssertFalse(notPlan.ok)
        XCTAssertTrue(notPlan.messages[0].contains("not a plan file name"), notPlan.messages[0])
    }

    // MARK: - Property: random edits on two sides, merged both ways, give the same plan, and lose nothing

    func testRandomEditSequencesMergeTheSameBothWaysAndLoseNoHistory() throws {
        var decided = 0, reallocated = 0
        for seed in UInt64(1)...120 {
            var rng = SplitMix64(seed: seed)
            let base = Fixtures.samplePlan()
            var a = base, b = base
            randomEdits(&a, who: "jo", &rng)
            randomEdits(&b, who: "sam", &rng)
            let ab: PlanMerge.Outcome, ba: PlanMerge.Outcome
            do {
                ab = try PlanMerge.merge(base: base, ours: a, theirs: b)
                ba = try PlanMerge.merge(base: base, ours: b, theirs: a)
            } catch {
                return XCTFail("seed \(seed): \(error)")
            }
            XCTAssertEqual(ab.plan, ba.plan, "seed \(seed): merging A into B and B into A differ")
            if ab.notes.contains(where: { $0.contains("changed on both sides") }) { decided += 1 }
            if ab.notes.contains(where: { $0.contains("added on two machines") }) { reallocated += 1 }
            XCTAssertEqual(PlanFile.encode(ab.plan), PlanFile.encode(ba.plan), "seed \(seed)")
            // Every history entry either side made is in the merged plan (on a target that is kept).
            let mergedHistory = ab.plan.allTargets.flatMap(\.history)
            for side in [a, b] {
                for target in side.allTargets where ab.plan.target(id: target.id) != nil || target.history.isEmpty {
                    for entry in target.history { XCTAssertTrue(mergedHistory.contains(entry), "seed \(seed): lost \(entry)") }
                }
            }
            // The result is a valid plan file.
            let decoded = PlanFile.decode(PlanFile.encode(ab.plan), file: "merged", expectedID: base.id)
            XCTAssertNotNil(decoded.loaded, "seed \(seed): \(decoded.problems)")
        }
        // The sequences do reach the interesting cases (not only disjoint edits).
        XCTAssertGreaterThan(decided, 10)
        XCTAssertGreaterThan(reallocated, 10)
    }

    private func randomEdits(_ plan: inout Plan, who: String, _ rng: inout SplitMix64) {
        let values: [TargetField: [String]] = [.status: Status.allCases.map(\.rawValue), .comment: ["", "on track", "late", "done"],
                                               .forecast: ["", "May", "June"]]
        for step in 0..<Int(rng.next() % 8) {
            let ids = plan.allTargets.map(\.id)
            let when = "2026-12-01T1\(rng.next() % 10):0\(rng.next() % 10):00Z"
            switch rng.next() % 6 {
            case 0 where !plan.keyIssues.isEmpty:
                let id = plan.makeTargetId()
                let i = Int(rng.next() % UInt64(plan.keyIssues.count))
                plan.keyIssues[i].objectives[0].targets.append(Target(id: id, text: "\(who) target \(step)"))
            case 1 where ids.count > 1:
                let id = ids[Int(rng.next() % UInt64(ids.count))]
                plan.updateEachTarget { _, _ in }
                for i in plan.keyIssues.indices { for o in plan.keyIssues[i].objectives.indices { plan.keyIssues[i].objectives[o].targets.removeAll { $0.id == id } } }
            default:
                guard !ids.isEmpty else { continue }
                let id = ids[Int(rng.next() % UInt64(ids.count))]
                let field = TargetField.allCases[Int(rng.next() % 3)]
                let options = values[field] ?? [""]
                _ = try? plan.apply(TargetChange(targetID: id, field: field, new: options[Int(rng.next() % UInt64(options.count))]), who: who, when: when)
            }
        }
    }
}

/// A small seeded generator, so a failing seed can be replayed.
