import ActionPlanCore
import ArgumentParser

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Audit: the changes made to a plan or one target, newest first."
    )

    @OptionGroup var dataOptions: DataOptions
    @Argument(help: ArgumentHelp("A plan id, or one target as PLAN_ID/TARGET_ID.", valueName: "plan-id[/target-id]"), completion: .targetAddress)
    var subject: String
    @Option(help: ArgumentHelp("Only changes on or after this day.", valueName: "date"), transform: DayArgument.parse) var since: DayArgument?
    @Option(help: "Only changes made by this person.") var by: String?
    @Option(help: "Output format: text, json or csv.") var format: OutputFormat = .text
    @Flag(help: "CSV: write every value exactly (no apostrophe before a leading = + - @).") var raw = false

    func run() throws {
        try reportingErrors {
            let parts = subject.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard parts.count <= 2 else { throw ValidationError("expected PLAN_ID or PLAN_ID/TARGET_ID, found \"\(Sanitizer.clean(subject))\"") }
            let store = dataOptions.store()
            let plan = try store.load(resolvedPlanID(parts[0], in: store)).plan
            if parts.count == 2 && plan.target(id: parts[1]) == nil {
                throw StoreError.targetNotFound(TargetAddress(planID: plan.id, targetID: parts[1]))
            }
            let history = HistoryOutput(plan: plan, targetID: parts.count == 2 ? parts[1] : nil, since: since?.day, by: by)
            switch format {
            case .text: Output.write(history.text(glyphs: glyphs, width: Output.width()))
            case .json: Output.data(String(decoding: history.json(), as: UTF8.self), json: true)
            case .csv: Output.data(history.csv(neutralise: !raw))
            }
        }
    }
}
