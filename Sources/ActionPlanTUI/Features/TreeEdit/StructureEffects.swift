import ActionPlanCore

extension EffectRunner {
    /// Saves a structural change. (Waits for the core's structural change type.)
    func performStructure(_ edit: StructureEdit, planID: String, base: PlanFile.Loaded) -> Result<PlanFile.Loaded, StoreError> {
        .failure(.file(PlanFileError(file: planID, location: "", message: "structural changes cannot be saved yet")))
    }
}

extension AppState {
    /// The result of a structural change: the plan as saved becomes the base (unsaved changes stay on
    /// top), the cursor goes to what was changed.
    mutating func structureSaved(planID: String, edit: StructureEdit, result: Result<PlanFile.Loaded, StoreError>, time: String) {
        guard doc?.id == planID else { return }
        switch result {
        case .success(let loaded):
            adoptSaved(loaded)
            lastSaved = time
            saveError = nil
            message = Message(edit.verb)
        case .failure(let error):
            message = Message("Not saved: \(error)", isError: true)
        }
    }
}
