import ActionPlanCore
import ArgumentParser

/// What the commands that change a plan share: resolving `PLAN_ID[/ID]`, saving through the locked,
/// merging commit, and printing what was saved (the lines are shaped in the core, `ChangeOutput`).
enum ChangeCommand {
    static func address(_ text: String, in store: PlanStore) throws -> ItemAddress {
        try ItemAddress.resolve(text, among: store.planIDs())
    }

    /// Saves the changes and prints one line per history entry; notes (someone else's change met this one)
    /// and warnings go to stderr. Returns the result.
    @discardableResult
    static func save(_ changes: [PlanChange], to planID: String, store: PlanStore, by: String?) throws -> PlanStore.ChangeResult {
        let result = try store.commit(changes, to: planID, who: Identity.current(override: by))
        report(result, planID: planID, store: store)
        return result
    }

    static func report(_ result: PlanStore.ChangeResult, planID: String, store: PlanStore) {
        for note in ChangeOutput.notes(conflicts: result.conflicts, warnings: result.warnings) { printError(note) }
        if result.entries.isEmpty {
            print("\(planID): unchanged")
            return
        }
        for line in ChangeOutput.lines(result.entries, planID: planID, glyphs: glyphs) { print(line) }
        if let path = try? store.path(for: planID) { print("saved \(path)") }
    }
}

/// `--by NAME`, shared by the commands that change a plan.
struct ByOption: ParsableArguments {
    @Option(help: "Who is making the change (default: $ACTIONPLAN_USER, else user in the config file, else your login name).") var by: String?
}

/// A refusal the user can override (`remove` of a non-empty item without `--yes`): exit 1, nothing written.
struct Refusal: Error, CustomStringConvertible {
    var description: String
}
