import Foundation
import XCTest
@testable import ActionPlanCore

/// `import FILE --into PLAN_ID` in the core: a revised document matched to the plan it revises, and the
/// changes saved through `PlanStore.commit` as one change, keeping reviews and history.
final class ReimportTests: XCTestCase {
    private let when = "2026-12-02T10:00:00Z"
    private static let samples = ["cumbria-childrens-services-2012-13", "kent-cfe-equalities-2008-10", "luton-chief-executive-2006-07",
                                  "luton-children-learning-2006-07", "luton-disability-equality-2008"]

    // MARK: - The similarity rule

    func testSimilarityRuleAsTheReadmeStatesIt() {
        XCTAssertEqual(TextSimilarity.normalised("  Review the  Complaints-Procédure! "), "review the complaints procedure")
        XCTAssertEqual(TextSimilarity.similarity("Review the complaints procedure", "review the COMPLAINTS procedure."), 1)
        // One word changed in six: 2·5/(6+6).
        XCTAssertEqual(TextSimilarity.similarity("Train all staff in equality law", "Train all managers in equality law"), 10.0 / 12, accuracy: 1e-9)
        XCTAssertGreaterThanOrEqual(TextSimilarity.similarity("Open reporting centres in every library", "Open reporting centres in every branch library"), TextSimilarity.threshold)
        XCTAssertLessThan(TextSimilarity.similarity("Train library staff to take hate crime reports", "Publish hate crime figures by ward each quarter"), TextSimilarity.threshold)
        XCTAssertEqual(TextSimilarity.similarity("Something", ""), 0)
    }

    func testBestMatchWinsAndEachItemIsMatchedOnce() {
        let file = ["Train all staff in equality law", "Train all staff in equality law and practice"]
        let plan = ["Train all staff in equality law and practice", "Train all staff in equality law"]
        let pairs = BestPairs.pair(fileCount: 2, planCount: 2) { f, p in
            let s = TextSimilarity.similarity(file[f], plan[p])
            return s >= TextSimilarity.threshold ? s : nil
        }
        XCTAssertEqual(pairs, [0: 1, 1: 0], "the exact matches win over the near ones, each plan item used once")
    }

    // MARK: - The proof: each sample plan, exported, edited, imported back

    func testEachSamplePlanTakesBackAnEditedExport() throws {
        for name in Self.samples {
            for withIDs in [true, false] {
                try checkEditedExport(of: name, withIDs: withIDs)
            }
        }
    }

    private func checkEditedExport(of name: String, withIDs: Bool) throws {
        let label = "\(name) (\(withIDs ? "with" : "without") the Target ID column)"
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = PlanStore(directory: dir)
        var plan = try sample(name)
        // Something to lose: a closed review and history on a target, whatever the sample has already.
        plan = try PlanChanges.apply([.edit(item: plan.allTargets[0].id, field: .comment, new: "Checked at the October meeting")],
                                     onto: plan, who: "chair", when: "2026-10-01T09:00:00Z").plan
        if plan.reviews.isEmpty {
            var review = Review(number: 1, asAt: Day(iso: "2026-10-01")!, title: "October review")
            review.closedAt = "2026-10-01T12:00:00Z"
            review.snapshot = plan.allTargets.map { TargetSnapshot(id: $0.id, status: $0.status, comment: $0.comment, forecast: $0.forecast) }
            plan.reviews = [review]
        }
        _ = Fixtures.write(plan, in: dir)
        let before = try store.load(plan.id).plan

        // The user's edits in the spreadsheet.
        var header = PlanCSVExporter.header(for: before)
        var rows = PlanCSVExporter.rows(before)
        func col(_ c: CSVColumn) -> Int { header.firstIndex(of: c.name)! }
        let targetRows = rows.indices.filter { !rows[$0][col(.targetID)].isEmpty }
        XCTAssertGreaterThanOrEqual(targetRows.count, 4, label)
        let slipped = rows[targetRows[0]][col(.targetID)], reworded = rows[targetRows[1]][col(.targetID)]
        let after3 = rows[targetRows[2]][col(.targetID)]
        // The last target that is not alone in its objective (deleting an objective's only row drops the objective).
        let deletedRow = try XCTUnwrap(targetRows.dropFirst(3).last { before.objective(id: before.parent(of: rows[$0][col(.targetID)])!)!.targets.count > 1 }, label)
        let deleted = rows[deletedRow][col(.targetID)]
        rows[targetRows[0]][col(.timescale)] = "March 2027"
        let newText = rows[targetRows[1]][col(.target)] + " annually"
        rows[targetRows[1]][col(.target)] = newText
        var added = rows[targetRows[2]]
        added[col(.targetID)] = ""
        added[col(.target)] = "Publish an easy-read version of this plan for residents"
        rows.remove(at: deletedRow)
        rows.insert(added, at: targetRows[2] + 1)
        if !withIDs {
            let i = col(.targetID)
            header.remove(at: i)
            rows = rows.map { var r = $0; r.remove(at: i); return r }
        }
        let csv = CSVText.render(header: header, rows: rows, neutralise: true)
        let result = try PlanImporter.importBytes(Array(csv.utf8), file: "/tmp/revised.csv")

        // Dry run: the change list, nothing written.
        let bytesBefore = Fixtures.bytes("\(dir)/\(plan.id).json")
        let preview = Reimport.changes(updating: before, from: result, prune: false, source: "revised.csv")
        XCTAssertEqual(preview.lines.filter { if case .edited = $0 { return true } else { return false } }, [
            .edited(item: slipped, field: .timescale, old: before.target(id: slipped)!.timescale, new: "March 2027"),
            .edited(item: reworded, field: .text, old: before.target(id: reworded)!.text, new: newText),
        ], label)
        let objectiveOfNew = before.parent(of: after3)!
        XCTAssertTrue(preview.lines.contains(.added(kind: .target, parent: objectiveOfNew, text: "Publish an easy-read version of this plan for residents", objectives: 0, targets: 1, id: nil)), label)
        XCTAssertTrue(preview.lines.contains(.missing(item: deleted, kind: .target, text: before.target(id: deleted)!.text, targets: 1, removed: false, reason: nil)), label)
        XCTAssertEqual(preview.lines.count, 4, "\(label): \(preview.lines)")
        XCTAssertTrue(Fixtures.bytes("\(dir)/\(plan.id).json") == bytesBefore, label)

        // Saved: only those fields changed, the new target after the one it follows, the deleted one kept.
        let saved = try commit(result, to: plan.id, store: store, prune: false)
        XCTAssertEqual(saved.added.count, 1, label)
        let newID = saved.added[0]
        let after = try store.load(plan.id).plan
        XCTAssertEqual(after.reviews, before.reviews, label)
        XCTAssertEqual(after.title, before.title, label)
        XCTAssertEqual(after.notes, before.notes, label)
        XCTAssertEqual(Array(after.history.prefix(before.history.count)), before.history, label)
        for t in before.allTargets where t.id != slipped && t.id != reworded {
            XCTAssertEqual(after.target(id: t.id), t, "\(label): \(t.id) should be unchanged")
        }
        let s = after.target(id: slipped)!
        XCTAssertEqual(s.timescale, "March 2027", label)
        XCTAssertEqual(s.due, Day(iso: "2027-03-31"), "\(label): the due date follows the time scale")
        XCTAssertEqual(Array(s.history.prefix(before.target(id: slipped)!.history.count)), before.target(id: slipped)!.history, label)
        XCTAssertEqual(s.history.last?.field, .timescale, label)
        XCTAssertEqual(s.history.last?.note, "import of revised.csv", label)
        XCTAssertEqual(after.target(id: reworded)?.text, newText, label)
        XCTAssertEqual(after.target(id: reworded)?.history.last?.old, before.target(id: reworded)!.text, label)
        XCTAssertEqual(after.target(id: newID)?.text, "Publish an easy-read version of this plan for residents", label)
        XCTAssertEqual(after.place(of: newID), Place(parent: objectiveOfNew, index: before.place(of: after3)!.index + 1), label)
        XCTAssertEqual(after.allTargets.count, before.allTargets.count + 1, label)
        XCTAssertNotNil(after.target(id: deleted), "\(label): kept without --prune")
        XCTAssertEqual(Set(saved.entries.compactMap(\.change)), [after.lastChange], "\(label): one change, one undo step")

        // The same file again: no changes, the file byte for byte as it was.
        let savedBytes = Fixtures.bytes("\(dir)/\(plan.id).json")
        let again = try commit(result, to: plan.id, store: store, prune: false)
        XCTAssertTrue(again.entries.isEmpty, "\(label): \(again.entries)")
        XCTAssertTrue(Fixtures.bytes("\(dir)/\(plan.id).json") == savedBytes, label)

        // With --prune the deleted target goes, recorded with its content; undo puts it back.
        let pruned = try commit(result, to: plan.id, store: store, prune: true)
        XCTAssertEqual(pruned.entries.map(\.action), [.removed], label)
        let afterPrune = try store.load(plan.id).plan
        XCTAssertNil(afterPrune.target(id: deleted), label)
        XCTAssertEqual(afterPrune.history.last?.removed, .target(after.target(id: deleted)!), label)
        XCTAssertEqual(afterPrune.reviews, before.reviews, label)
        let step = try XCTUnwrap(PlanUndo.last(in: afterPrune), label)
        _ = try store.commit(step.changes, to: plan.id, who: "jo", when: when, undoing: step.number)
        XCTAssertEqual(try store.load(plan.id).plan.target(id: deleted)?.text, before.target(id: deleted)?.text, label)
    }

    // MARK: - A council's Word layout, re-imported into the plan it created

    func testCouncilWordPlanTakesBackItsRevisedDocument() throws {
        let folder = Fixtures.repoRoot.appendingPathComponent("Tests/ActionPlanCoreTests/Fixtures/Reimport").path
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = PlanStore(directory: dir)
        var plan = try PlanImporter.importFile(path: "\(folder)/council-plan.docx").plan
        plan.id = "council"
        _ = try store.write(plan)
        // The plan is used: a status ticked in a meeting, a review closed.
        _ = try store.commit([.edit(item: "t5", field: .forecast, new: "Kept under review")], to: "council", who: "chair", when: "2026-10-01T09:00:00Z")
        try store.update("council") { p in
            var review = Review(number: 1, asAt: Day(iso: "2026-10-01")!)
            review.closedAt = "2026-10-01T12:00:00Z"
            p.reviews = [review]
        }
        let before = try store.load("council").plan
        let revised = try PlanImporter.importFile(path: "\(folder)/council-plan-revised.docx")
        let changes = Reimport.changes(updating: before, from: revised, prune: false, source: "council-plan-revised.docx")
        XCTAssertEqual(changes.lines, [
            .edited(item: "t1", field: .timescale, old: "October 2026", new: "March 2027"),
            .edited(item: "t2", field: .text, old: "Open third-party reporting centres in every library", new: "Open third-party reporting centres in every branch library"),
            .added(kind: .target, parent: "o1", text: "Train library staff to take hate crime reports", objectives: 0, targets: 1, id: nil),
            .edited(item: "t4", field: .comment, old: "Not yet done this year.", new: "Two groups signed up; the rest in September."),
            .missing(item: "t3", kind: .target, text: "Publish hate crime figures by ward each quarter", targets: 1, removed: false, reason: nil),
        ])
        let saved = try commit(revised, to: "council", store: store, prune: true)
        let after = try store.load("council").plan
        XCTAssertNil(after.target(id: "t3"))
        XCTAssertEqual(after.keyIssues[0].objectives[0].targets.map(\.text), [
            "Run a hate crime awareness week with the police", "Open third-party reporting centres in every branch library",
            "Train library staff to take hate crime reports",
        ])
        XCTAssertEqual(after.target(id: "t5")?.forecast, "Kept under review", "a field the document has no column for is kept")
        XCTAssertEqual(after.target(id: "t5")?.history, before.target(id: "t5")?.history)
        XCTAssertEqual(after.reviews, before.reviews)
        XCTAssertEqual(after.title, before.title)
        XCTAssertEqual(Set(saved.entries.compactMap(\.change)).count, 1)
        XCTAssertTrue(try commit(revised, to: "council", store: store, prune: true).entries.isEmpty, "a second run changes nothing")
    }

    // MARK: - What the file does not carry is kept

    func testStatusesAndCommentsTheFileDoesNotCarryAreKept() throws {
        let plan = Fixtures.samplePlan()
        var header = PlanCSVExporter.header(for: plan)
        var rows = PlanCSVExporter.rows(plan)
        for name in [CSVColumn.status.name, CSVColumn.comment.name, CSVColumn.statusAsWritten.name] {
            let i = header.firstIndex(of: name)!
            header.remove(at: i)
            rows = rows.map { var r = $0; r.remove(at: i); return r }
        }
        let result = try PlanImporter.importBytes(Array(CSVText.render(header: header, rows: rows).utf8), file: "no-status.csv")
        let changes = Reimport.changes(updating: plan, from: result, prune: true, source: "no-status.csv")
        XCTAssertEqual(changes.lines, [], "the file has no Status or Comment column: t1 stays met, with its comment")
    }

    func testNewKeyIssueAndObjectiveAreAddedWithTheirTargetsAndMissingOnesListed() throws {
        let plan = Fixtures.samplePlan()
        var file = plan
        file.keyIssues[1].objectives = [Objective(code: "CCS9", text: "Make every form accessible", targets: [Target(id: "x1", text: "Audit the online forms")])]
        file.keyIssues.append(KeyIssue(number: 3, title: "Workforce", objectives: [
            Objective(number: 1, text: "Reflect the community", targets: [Target(id: "x2", text: "Monitor applicants by ethnicity"), Target(id: "x3", text: "Publish pay gaps")]),
        ]))
        let result = ImportResult(plan: file, report: ImportReport(), format: .text)
        let changes = Reimport.changes(updating: plan, from: result, prune: true, source: "v2.txt")
        XCTAssertEqual(changes.lines, [
            .added(kind: .objective, parent: "k2", text: "Make every form accessible", objectives: 1, targets: 1, id: nil),
            .added(kind: .keyIssue, parent: nil, text: "Workforce", objectives: 1, targets: 2, id: nil),
            .missing(item: "o2", kind: .objective, text: "Undertake a review of procurement", targets: 2, removed: true, reason: nil),
        ])
        let out = try PlanChanges.apply(changes.changes, onto: plan, who: "jo", when: when)
        XCTAssertEqual(out.plan.keyIssues.map(\.title), ["Leadership and Corporate Commitment", "Service Delivery", "Workforce"])
        XCTAssertEqual(out.plan.keyIssues[1].objectives.map(\.text), ["Make every form accessible"])
        XCTAssertEqual(out.plan.keyIssues[2].objectives[0].targets.map(\.text), ["Monitor applicants by ethnicity", "Publish pay gaps"])
        XCTAssertEqual(out.plan.allTargets.count, 5)
        XCTAssertEqual(out.plan.reviews, plan.reviews)
        let step = try XCTUnwrap(PlanUndo.last(in: out.plan))
        let undone = try PlanChanges.apply(step.changes, onto: out.plan, who: "jo", when: when, undoing: step.number).plan
        XCTAssertEqual(undone.keyIssues.map { $0.objectives.map { $0.targets.map(\.id) } }, plan.keyIssues.map { $0.objectives.map { $0.targets.map(\.id) } },
                       "one undo takes the whole import back")
    }

    func testATargetTheFileMovesToAnotherObjectiveIsMovedNotCopied() throws {
        let plan = Fixtures.samplePlan()
        var file = plan
        let t4 = file.keyIssues[1].objectives[0].targets.removeLast()
        file.keyIssues[0].objectives[0].targets.insert(t4, at: 1)
        var report = ImportReport()
        report.targetIDsFromFile = Set(file.allTargets.map(\.id))
        let changes = Reimport.changes(updating: plan, from: ImportResult(plan: file, report: report, format: .csv), prune: true, source: "moved.csv")
        XCTAssertEqual(changes.lines, [.moved(item: "t4", from: "o2", to: "o1")])
        let out = try PlanChanges.apply(changes.changes, onto: plan, who: "jo", when: when).plan
        XCTAssertEqual(out.keyIssues[0].objectives[0].targets.map(\.id), ["t1", "t4", "t2"])
        XCTAssertEqual(out.target(id: "t4")?.history.last?.action, .moved)
    }

    func testChangeListLinesAreCleanedForTheTerminal() {
        let lines = ReimportOutput.lines([.edited(item: "t1", field: .text, old: "a\u{1B}[31m", new: "b\u{202E}c")], planID: "p", dryRun: true, glyphs: .unicode)
        XCTAssertFalse(lines[0].unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" }, lines[0])
    }

    /// Someone saves between the load and the import's save: the changes are worked out again on the file
    /// as it is under the lock, so both are kept and nothing the other person did is undone.
    func testChangesAreWorkedOutOnThePlanAsItIsUnderTheLock() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = PlanStore(directory: dir)
        _ = Fixtures.write(Fixtures.samplePlan(), in: dir)
        let loaded = try store.load("sample")
        var file = loaded.plan
        file.keyIssues[0].objectives[0].targets[1].timescale = "March 2027"
        file.keyIssues[1].objectives[0].targets.removeLast() // t4 is not in the file
        var report = ImportReport()
        report.targetIDsFromFile = Set(file.allTargets.map(\.id))
        report.csvColumns = Set(CSVColumn.allCases)
        let result = ImportResult(plan: file, report: report, format: .csv)
        // Meanwhile: ann sets t3 met and removes t4.
        _ = try store.commit([.edit(item: "t3", field: .status, new: "met"), .remove(item: "t4")], to: "sample", who: "ann", when: when)
        var lines: [Reimport.Line] = []
        let saved = try store.commit(to: "sample", base: loaded, who: "jo", when: when) { (plan: Plan) throws(ChangeError) in
            let r = Reimport.changes(updating: plan, from: result, prune: true, source: "v2.csv")
            lines = r.lines
            return (r.changes, nil)
        }
        XCTAssertTrue(saved.merged)
        XCTAssertEqual(lines, [.edited(item: "t2", field: .timescale, old: "Quarterly", new: "March 2027"),
                               .outOfDate(item: "t3", field: .status, kept: "met", file: "notMet", who: "ann", when: when)],
                       "worked out on ann's version: t4 is already gone, and the file's t3 status is the one before ann's change")
        let after = try store.load("sample").plan
        XCTAssertEqual(after.target(id: "t2")?.timescale, "March 2027")
        XCTAssertEqual(after.target(id: "t3")?.status, .met, "ann's change is not taken back by an older file")
        XCTAssertNil(after.target(id: "t4"))
        XCTAssertEqual(ReimportOutput.lines([lines[1]], planID: "sample", dryRun: false, glyphs: .ascii),
                       ["sample/t3: status kept [Y] Met: the file's [N] Not met is what it was before ann changed it at \(when)"])
    }

    /// The README's example list is what the program prints for it.
    func testReadmeExampleIsTheRealOutput() throws {
        var plan = Plan(id: "eq-2026", title: "Equality Action Plan 2026/27")
        plan.keyIssues = [KeyIssue(number: 1, title: "Leadership", objectives: [Objective(text: "Improve performance on the duty", targets: [
            Target(id: "t1", text: "Train all managers in equality law", leadOfficers: ["GS", "CSO"], timescale: "Sept 26", due: Day(iso: "2026-09-30")),
            Target(id: "t2", text: "Publish the equality scheme", leadOfficers: ["Head of HR"], timescale: "Dec 26", due: Day(iso: "2026-12-31")),
            Target(id: "t3", text: "Review the complaints procedure", leadOfficers: ["CB"], timescale: "Nov 26", due: Day(iso: "2026-11-30")),
        ])])]
        plan.nextTargetId = 4
        plan = plan.withIds()
        let header = PlanCSVExporter.header(for: plan)
        var rows = PlanCSVExporter.rows(plan)
        func col(_ c: CSVColumn) -> Int { header.firstIndex(of: c.name)! }
        rows[0][col(.timescale)] = "March 2027"
        rows[1][col(.target)] = "Publish the equality scheme in easy read"
        var added = rows[1]
        added[col(.targetID)] = ""
        added[col(.target)] = "Consult disabled residents on the scheme"
        rows[2] = added
        let result = try PlanImporter.importBytes(Array(CSVText.render(header: header, rows: rows).utf8), file: "plan.csv")
        let changes = Reimport.changes(updating: plan, from: result, prune: false, source: "plan.csv")
        var printed = ReimportOutput.lines(changes.lines, planID: plan.id, dryRun: true, glyphs: .unicode)
        printed.append("Dry run: nothing written. eq-2026: \(ReimportOutput.summary(changes.lines, changes: changes.changes.count, dryRun: true)).")
        let readme = try String(contentsOfFile: Fixtures.repoRoot.appendingPathComponent("README.md").path, encoding: .utf8)
        XCTAssertEqual(printed.count, 5)
        for line in printed { XCTAssertTrue(readme.contains("\n\(line)\n"), "README's example lacks: \(line)") }
    }

    // MARK: - Helpers

    private func sample(_ name: String) throws -> Plan {
        let path = Fixtures.repoRoot.appendingPathComponent("data/\(name).json").path
        let decoded = PlanFile.decode(Fixtures.bytes(path), file: path, expectedID: name)
        return try XCTUnwrap(decoded.loaded?.plan, "\(decoded.problems)")
    }

    private func commit(_ result: ImportResult, to id: String, store: PlanStore, prune: Bool) throws -> PlanStore.ChangeResult {
        try store.commit(to: id, who: "jo", when: when) { (plan: Plan) throws(ChangeError) in
            (Reimport.changes(updating: plan, from: result, prune: prune, source: "revised.csv").changes, nil)
        }
    }
}
