import ActionPlanCore
import ArgumentParser

/// `import FILE --into PLAN_ID [--prune] [--dry-run]`: the document is read by the ordinary importer, then
/// turned into changes for the plan (`Reimport`) and saved in ONE locked, merging commit, so one `undo`
/// takes the whole update back. The changes are worked out inside the commit, on the plan as it is on
/// disk under the lock, so what is printed is exactly what was saved even if someone saved meanwhile.
struct ReimportRun {
    let command: ImportCommand
    let planID: String

    func run() throws {
        let store = command.dataOptions.store()
        let existing = try store.load(planID) // no such plan: exit 2, before the file is read
        let result = try PlanImporter.importFile(path: command.file, format: command.format, options: command.options)
        printImportNotes(result)
        let who = Identity.current(override: command.byOption.by)
        let source = command.fileName

        if command.dryRun {
            let reimport = Reimport.changes(updating: existing.plan, from: result, prune: command.prune, source: source)
            // Applied in memory only, so a change the plan would refuse is refused here too.
            let outcome: PlanChanges.Outcome
            do { outcome = try PlanChanges.apply(reimport.changes, onto: existing.plan, who: who, when: Timestamp.iso()) }
            catch { throw StoreError.change(error) }
            for note in ChangeOutput.notes(conflicts: outcome.conflicts, warnings: outcome.warnings) { printError(note) }
            for line in ReimportOutput.lines(reimport.lines, planID: planID, dryRun: true, glyphs: glyphs) { print(line) }
            print(glyphs.clean("Dry run: nothing written. \(planID): \(ReimportOutput.summary(reimport.lines, changes: reimport.changes.count, dryRun: true))."))
            return
        }

        var computed = Reimport()
        let saved = try store.commit(to: planID, base: existing, who: who) { (plan: Plan) throws(ChangeError) in
            computed = Reimport.changes(updating: plan, from: result, prune: command.prune, source: source)
            return (computed.changes, nil)
        }
        for note in ChangeOutput.notes(conflicts: saved.conflicts, warnings: saved.warnings) { printError(note) }
        let lines = computed.lines(withAddedIDs: saved.added)
        for line in ReimportOutput.lines(lines, planID: planID, dryRun: false, glyphs: glyphs) { print(line) }
        let changes = saved.entries.isEmpty ? 0 : computed.changes.count
        print(glyphs.clean("\(planID): \(ReimportOutput.summary(lines, changes: changes, dryRun: false))"))
        if !saved.entries.isEmpty, let path = try? store.path(for: planID) {
            print(glyphs.clean("saved \(path) (one change: `actionplan undo \(planID)` takes it all back)"))
        }
    }

    /// What the importer could not place or wants checked: printed, as a new import prints it (with
    /// --into the plan's notes are kept as they are, so this is where they are said).
    private func printImportNotes(_ result: ImportResult) {
        let report = result.report
        if !report.unplaced.isEmpty {
            print(glyphs.clean("Could not place (\(report.unplaced.count)) in \(command.fileName); not imported:"))
            for item in report.unplaced { print(glyphs.clean("  \(item)")) }
        }
        if !report.remarks.isEmpty {
            print(glyphs.clean("Check (\(report.remarks.count)):"))
            for item in report.remarks { print(glyphs.clean("  \(item)")) }
        }
    }
}
