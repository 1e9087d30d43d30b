import ActionPlanCore
import ArgumentParser

struct SetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Set a target's status (and optionally comment and forecast); saved at once, with history.",
        discussion: """
        STATUS is met, not-met, partially-met or not-assessed (also done or yes for met, no for not met, \
        partly or partial; the JSON spellings notMet, partiallyMet, notAssessed work too). The plan in the \
        address may be an unambiguous start of its id (luton-dis/t12). The change is recorded in the target's history with the time and who made \
        it (--by, else your login name). If someone else saved the plan meanwhile, both changes are kept.
        """
    )

    @OptionGroup var dataOptions: DataOptions
    @Argument(help: ArgumentHelp("The target, as PLAN_ID/TARGET_ID (or TARGET_ID with --plan, or alone when only one plan has it).", valueName: "plan-id/target-id"), completion: .targetAddress)
    var target: String
    @Argument(help: ArgumentHelp("met, not-met, partially-met or not-assessed (also done, yes, no, partly).", valueName: "status")) var status: Status
    @Option(help: "The plan, when the target is given by its id alone.", completion: .planID) var plan: String?
    @Option(help: "Progress comment.") var comment: String?
    @Option(help: "If not met: when will it be, or why not?") var forecast: String?
    @Option(help: "Who is making the change (default: $ACTIONPLAN_USER, else user in the config file, else your login name).") var by: String?

    func run() throws {
        try reportingErrors {
            let store = dataOptions.store()
            let address = try resolvedTarget(target, plan: plan, in: store)
            let id = address.targetID
            var changes = [TargetChange.status(id, status)]
            if let comment { changes.append(TargetChange(targetID: id, field: .comment, new: comment)) }
            if let forecast { changes.append(TargetChange(targetID: id, field: .forecast, new: forecast)) }
            let result = try store.commit(changes, to: address.planID, who: Identity.current(override: by))
            for conflict in result.conflicts { printError("note: \(conflict)") }
            if result.applied.isEmpty {
                print("\(address): unchanged (already \(glyphs.label(status)))")
                return
            }
            for entry in result.applied {
                switch entry.field {
                case .status?:
                    let old = Status(rawValue: entry.old).map(glyphs.label) ?? entry.old
                    print("\(address): \(glyphs.change(old, glyphs.label(status)))")
                default:
                    print("\(address): \(entry.fieldName) set")
                }
            }
            print("saved \(try store.path(for: address.planID))")
        }
    }
}
