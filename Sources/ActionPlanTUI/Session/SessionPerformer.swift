import ActionPlanCore

/// Performs the session effects: presence markers and recovery files beside the plan.
extension EffectRunner {
    func performSession(_ effect: SessionEffect) -> [Event] {
        switch effect {
        case .enterPresence(let id):
            presence?.enter(id)
            return []
        case .leavePresence(let id):
            presence?.leave(id)
            return []
        case .checkPresence(let id):
            guard let presence else { return [] }
            return [.session(.othersOpen(planID: id, viewers: presence.others(id).map(\.description)))]
        case .lookForRecovery(let id):
            guard let found = EditRecovery.load(in: store.directory, planID: id) else { return [] }
            return [.session(.recoveryFound(found))]
        case .saveRecovery(var recovery):
            if recovery.when.isEmpty { recovery.when = Timestamp.iso() }
            let path = EditRecovery.path(in: store.directory, planID: recovery.planID)
            let what = "the unsaved \(recovery.field.rawValue) for \(recovery.planID)/\(recovery.targetID)"
            do throws(SaveError) {
                try recovery.save(in: store.directory)
                return [.session(.farewell("kept \(what) in \(path); it is offered back when the plan is next opened"))]
            } catch {
                return [.session(.farewell("could not keep \(what): \(error)"))]
            }
        case .discardRecovery(let id):
            EditRecovery.discard(in: store.directory, planID: id)
            return []
        }
    }
}
