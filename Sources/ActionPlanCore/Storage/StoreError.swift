/// What can go wrong between a command and the data directory, each with a message a user can act on.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    case noDataDirectory(String)
    case planNotFound(String, available: [String])
    case targetNotFound(TargetAddress)
    case invalidPlanID(String, reason: String)
    case planExists(String)
    case file(PlanFileError)
    case save(SaveError)
    /// A change that cannot be made (nothing was saved).
    case change(ChangeError)

    public var description: String {
        switch self {
        case .noDataDirectory(let path):
            return "data directory \(path) does not exist (create it with actionplan init, or choose another with --data DIR, ACTIONPLAN_DATA or data in the config file)"
        case .planNotFound(let id, let available):
            let list = available.isEmpty ? "there are no plans in the data directory" : "plans: " + available.joined(separator: ", ")
            return "no plan with id \"\(Sanitizer.clean(id))\" (\(list))"
        case .targetNotFound(let address):
            return "no target \"\(Sanitizer.clean(address.targetID))\" in plan \(address.planID) (see `actionplan list --plan \(address.planID)`)"
        case .invalidPlanID(let id, let reason):
            return "invalid plan id \"\(Sanitizer.clean(id))\": \(reason)"
        case .planExists(let id):
            return "a plan with id \"\(id)\" already exists (use --replace to overwrite it, or --id to choose another id)"
        case .file(let error): return error.description
        case .save(let error): return error.description
        case .change(let error): return error.description
        }
    }
}
