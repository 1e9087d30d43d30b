import ActionPlanCore
import ArgumentParser

struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a Key Issue, objective or target; prints the new item's address.",
        subcommands: [AddIssue.self, AddObjective.self, AddTarget.self]
    )
}

/// Where an add puts the new item: last in its parent, or before/after a sibling.
struct PlacementOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Put it right before this item of the same kind (its id, e.g. t4).", valueName: "id")) var before: String?
    @Option(help: ArgumentHelp("Put it right after this item of the same kind.", valueName: "id")) var after: String?

    func validate() throws {
        if before != nil && after != nil { throw ValidationError("give --before or --after, not both") }
    }

    func destination(parent: String?) -> Destination {
        if let before { return .before(Self.id(before)) }
        if let after { return .after(Self.id(after)) }
        return .end(of: parent)
    }

    /// `PLAN/t4` or `t4`: the id part.
    static func id(_ text: String) -> String { text.split(separator: "/").last.map(String.init) ?? text }
}

struct AddIssue: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "issue", abstract: "Add a Key Issue to a plan.")
    @OptionGroup var dataOptions: DataOptions
    @Argument(help: ArgumentHelp("The plan.", valueName: "plan-id"), completion: .planID) var plan: String
    @Option(help: "The Key Issue's title.") var title: String
    @Option(help: "The paragraph under the heading.") var statement: String = ""
    @Option(help: "Its number (default: one more than the highest).") var number: Int?
    @OptionGroup var placement: PlacementOptions
    @OptionGroup var byOption: ByOption

    func run() throws {
        try reportingErrors {
            let store = dataOptions.store()
            let address = try ChangeCommand.address(plan, in: store)
            guard address.itemID == nil else { throw ValidationError("a Key Issue is added to a plan: give PLAN_ID, not \"\(Sanitizer.clean(plan))\"") }
            let current = try store.load(address.planID).plan
            let n = number ?? ((current.keyIssues.map(\.number).max() ?? 0) + 1)
            let result = try ChangeCommand.save([.addKeyIssue(KeyIssue(number: n, title: title, statement: statement),
                                                              to: placement.destination(parent: nil))],
                                                to: address.planID, store: store, by: byOption.by)
            for id in result.added { print("\(address.planID)/\(id)") }
        }
    }
}

struct AddObjective: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "objective", abstract: "Add an objective to a Key Issue.")
    @OptionGroup var dataOptions: DataOptions
    @Argument(help: ArgumentHelp("The Key Issue, as PLAN_ID/kN.", valueName: "plan-id/key-issue-id"), completion: .itemAddress) var keyIssue: String
    @Option(help: "The objective's text.") var text: String
    @Option(help: "Its code, e.g. CCS1.") var code: String?
    @Option(help: "Its number.") var number: Int?
    @Option(help: "The expected outcome.") var expected: String = ""
    @OptionGroup var placement: PlacementOptions
    @OptionGroup var byOption: ByOption

    func run() throws {
        try reportingErrors {
            let store = dataOptions.store()
            let address = try ChangeCommand.address(keyIssue, in: store)
            guard let parent = address.itemID else { throw ValidationError("an objective is added to a Key Issue: give PLAN_ID/kN") }
            let objective = Objective(number: number, code: code, text: text, expectedOutcome: expected)
            let result = try ChangeCommand.save([.addObjective(objective, to: placement.destination(parent: parent))],
                                                to: address.planID, store: store, by: byOption.by)
            for id in result.added { print("\(address.planID)/\(id)") }
        }
    }
}

struct AddTarget: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "target", abstract: "Add a target to an objective.",
        discussion: "The due date follows the time scale; one the program cannot read is kept as text, with a warning."
    )
    @OptionGroup var dataOptions: DataOptions
    @Argument(help: ArgumentHelp("The objective, as PLAN_ID/oN.", valueName: "plan-id/objective-id"), completion: .itemAddress) var objective: String
    @Option(help: "The target's text.") var text: String
    @Option(help: ArgumentHelp("Lead officers as the documents write them: \"GS/CSO\", \"Head of HR\".", valueName: "officers"), completion: .officer) var lead: String = ""
    @Option(help: ArgumentHelp("The time scale as written: \"Sept 26\", \"Ongoing\".", valueName: "text")) var timescale: String = ""
    @OptionGroup var placement: PlacementOptions
    @OptionGroup var byOption: ByOption

    func run() throws {
        try reportingErrors {
            let store = dataOptions.store()
            let address = try ChangeCommand.address(objective, in: store)
            guard let parent = address.itemID else { throw ValidationError("a target is added to an objective: give PLAN_ID/oN") }
            let target = Target(id: "", text: text, leadOfficers: LeadOfficerParser.parse(lead), timescale: timescale)
            let result = try ChangeCommand.save([.addTarget(target, to: placement.destination(parent: parent))],
                                                to: address.planID, store: store, by: byOption.by)
            for id in result.added { print("\(address.planID)/\(id)") }
        }
    }
}
