import ActionPlanCore
import ArgumentParser

struct RemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove a target, or with --yes an objective or Key Issue with everything under it.",
        discussion: "The removal is recorded in the plan's history with everything removed, so actionplan undo PLAN_ID puts it back."
    )

    @OptionGroup var dataOptions: DataOptions
    @Argument(help: ArgumentHelp("What to remove: PLAN_ID/ID.", valueName: "address"), completion: .itemAddress) var address: String
    @Flag(help: "Remove an objective or Key Issue that still holds targets (or objectives).") var yes = false
    @OptionGroup var byOption: ByOption

    func run() throws {
        try reportingErrors {
            let store = dataOptions.store()
            let address = try ChangeCommand.address(self.address, in: store)
            guard let item = address.itemID else { throw ValidationError("remove takes PLAN_ID/ID; a whole plan file is not removed by actionplan") }
            let plan = try store.load(address.planID).plan
            if !yes, let refusal = RemovalCheck.refusal(of: item, in: plan) {
                printError(refusal)
                throw ExitCode(Exit.invalidData)
            }
            try ChangeCommand.save([.remove(item: item)], to: address.planID, store: store, by: byOption.by)
        }
    }
}
