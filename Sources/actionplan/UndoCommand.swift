import ActionPlanCore
import ArgumentParser

struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Take back the last change to a plan, of any kind (as u does in the UI).",
        discussion: """
        The last change is the last save that is not itself an undo and has not been undone, whoever made \
        it: all its entries are taken back together (an officer renamed on 14 targets is one change). \
        Undo again to go further back. The undo is recorded in history, as "undo".
        """
    )

    @OptionGroup var dataOptions: DataOptions
    @Argument(help: ArgumentHelp("The plan.", valueName: "plan-id"), completion: .planID) var plan: String
    @OptionGroup var byOption: ByOption

    func run() throws {
        try reportingErrors {
            let store = dataOptions.store()
            let id = try resolvedPlanID(plan, in: store)
            var found = false
            // Worked out under the lock, on the file as it is now: the last change is the one on disk.
            let result = try store.commit(to: id, who: Identity.current(override: byOption.by)) { (plan: Plan) throws(ChangeError) in
                guard let step = PlanUndo.last(in: plan) else { return ([], nil) }
                found = true
                return (step.changes, step.number)
            }
            guard found else {
                print("\(id): nothing to undo (changes saved before this version are not numbered and cannot be undone)")
                return
            }
            ChangeCommand.report(result, planID: id, store: store)
        }
    }
}
