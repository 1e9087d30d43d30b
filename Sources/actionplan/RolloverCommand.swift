import ActionPlanCore
import ArgumentParser

struct RolloverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollover",
        abstract: "Start next year's plan from this one: same Key Issues and objectives, targets not met carried over.",
        discussion: """
        Carried targets keep their ids, text, officers and time scale, start as not assessed with a comment \
        giving their last status, comment and forecast, and name where they came from (carriedFrom). Met \
        targets are left out unless --keep-met. The old plan is not changed. --dry-run shows what would be carried.
        """
    )

    @OptionGroup var dataOptions: DataOptions
    @Argument(help: ArgumentHelp("The plan to roll over.", valueName: "plan-id"), completion: .planID) var plan: String
    @Option(help: ArgumentHelp("The new plan's id.", valueName: "new-id")) var to: String
    @Option(help: ArgumentHelp("The months the new plan covers: YYYY-MM..YYYY-MM.", valueName: "period")) var period: String
    @Option(help: "The new plan's title (default: the old one's).") var title: String?
    @Flag(help: "Carry met targets over too.") var keepMet = false
    @Flag(help: "Show what would be carried; write nothing.") var dryRun = false

    func run() throws {
        try reportingErrors {
            if let reason = PlanID.problem(with: to) { throw StoreError.invalidPlanID(to, reason: reason) }
            guard let p = PeriodText.parse(period) else {
                throw ValidationError("--period: expected YYYY-MM..YYYY-MM, the end not before the start, found \"\(Sanitizer.clean(period))\"")
            }
            let store = dataOptions.store()
            let old = try store.load(resolvedPlanID(plan, in: store)).plan
            let result = Rollover.make(from: old, id: to, period: p, title: title, keepMet: keepMet)
            print(glyphs.clean("\(dryRun ? "would carry" : "carried") \(result.carried.count) target\(result.carried.count == 1 ? "" : "s") from \(old.id) to \(to):"))
            for line in result.carried { print(glyphs.clean("  \(line)")) }
            if !result.leftOut.isEmpty {
                print("left out \(result.leftOut.count) met target\(result.leftOut.count == 1 ? "" : "s") (--keep-met carries them):")
                for line in result.leftOut { print(glyphs.clean("  \(line)")) }
            }
            guard !dryRun else { return }
            _ = try store.write(result.plan, mustBeNew: true)
            print("created \(to) (\(try store.path(for: to)))")
        }
    }
}
