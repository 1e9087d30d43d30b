import ActionPlanCore
import ArgumentParser

struct MoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "move",
        abstract: "Move a target, objective or Key Issue: before or after another of its kind, or into another parent.",
        discussion: "Ids never change when items move. A target goes --into an objective (PLAN_ID/oN), an objective into a Key Issue (PLAN_ID/kN)."
    )

    @OptionGroup var dataOptions: DataOptions
    @Argument(help: ArgumentHelp("What to move: PLAN_ID/ID.", valueName: "address"), completion: .itemAddress) var address: String
    @Option(help: ArgumentHelp("Right before this item.", valueName: "address"), completion: .itemAddress) var before: String?
    @Option(help: ArgumentHelp("Right after this item.", valueName: "address"), completion: .itemAddress) var after: String?
    @Option(help: ArgumentHelp("Last in this parent.", valueName: "address"), completion: .itemAddress) var into: String?
    @OptionGroup var byOption: ByOption

    func validate() throws {
        if [before, after, into].compactMap({ $0 }).count != 1 { throw ValidationError("give exactly one of --before, --after or --into") }
    }

    func run() throws {
        try reportingErrors {
            let store = dataOptions.store()
            let address = try ChangeCommand.address(self.address, in: store)
            guard let item = address.itemID else { throw ValidationError("a plan cannot be moved: give PLAN_ID/ID") }
            for other in [before, after, into].compactMap({ $0 }) where other.contains("/") {
                let o = try ChangeCommand.address(other, in: store)
                if o.planID != address.planID { throw ValidationError("items move within their plan: \"\(Sanitizer.clean(other))\" is in another plan") }
            }
            let destination: Destination
            if let before { destination = .before(PlacementOptions.id(before)) }
            else if let after { destination = .after(PlacementOptions.id(after)) }
            else { destination = .end(of: PlacementOptions.id(into!)) }
            try ChangeCommand.save([.move(item: item, to: destination)], to: address.planID, store: store, by: byOption.by)
        }
    }
}
