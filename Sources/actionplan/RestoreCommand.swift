import ActionPlanCore
import ArgumentParser

struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "List or restore the previous versions kept of a plan (the newest 10 by default).",
        discussion: """
        Every save first keeps the version it replaces in .backups/PLAN_ID/ in the data directory. \
        $ACTIONPLAN_BACKUPS sets how many are kept (0 turns backups off). The version before each review \
        was opened (`review start`, R in the UI) is pinned: never rotated out, and marked in --list. Restoring is itself a save: \
        the version it replaces becomes backup 1, so a restore can be undone.
        """
    )

    @OptionGroup var dataOptions: DataOptions
    @Argument(help: "The plan id.", completion: .planID) var planID: String
    @Flag(help: "List the versions kept, newest first.") var list = false
    @Option(help: "Restore this version (1 is the newest).") var version: Int?

    func validate() throws {
        if list == (version != nil) { throw ValidationError("give either --list or --version N") }
    }

    func run() throws {
        try reportingErrors {
            let store = dataOptions.store()
            _ = try store.path(for: planID)
            let versions = store.backups.versions(of: planID)
            if list {
                if versions.isEmpty { print("no previous versions of \(planID) are kept"); return }
                let table = TextTable(columns: ["VERSION", "REPLACED AT", "BYTES", "TARGETS", "MET", "PART", "NOT", "N/A"], flexibleColumn: 3)
                for v in versions {
                    let (loaded, problems) = PlanFile.inspect(path: v.path, expectedID: planID)
                    // A pinned version (the plan before review N was opened) is marked in its number.
                    let number = "\(v.number)" + (v.pinnedBeforeReview.map { " (pinned: before review \($0))" } ?? "")
                    if let plan = loaded?.plan {
                        let t = plan.tally(asOf: Day.today())
                        table.add([number, v.replacedAt, "\(v.size)", "\(t.total)", "\(t.met)", "\(t.partiallyMet)", "\(t.notMet)", "\(t.notAssessed)"])
                    } else {
                        table.add([number, v.replacedAt, "\(v.size)", "unreadable: \(problems.first?.message ?? "")", "", "", "", ""])
                    }
                }
                table.print()
                return
            }
            guard let n = version, let chosen = versions.first(where: { $0.number == n }) else {
                printError("no version \(version ?? 0) of \(planID) (there \(versions.count == 1 ? "is 1" : "are \(versions.count)"); see --list)")
                throw ExitCode(Exit.notFound)
            }
            let (loaded, problems) = PlanFile.inspect(path: chosen.path, expectedID: planID)
            guard let plan = loaded?.plan else { throw StoreError.file(problems[0]) }
            _ = try store.write(plan)
            print("restored version \(n) of \(planID) (as it was until \(chosen.replacedAt)); the version it replaced is now backup 1")
        }
    }
}
