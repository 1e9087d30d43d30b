/// Forgiving addresses, for the command line and the UI's prompts: a plan named by an unambiguous
/// prefix of its id (`luton-dis` for `luton-disability-equality-2008`), and a target named by its id
/// alone (`t12`) when a plan is given or only one plan has a target of that id. An exact id always
/// wins over a prefix; an ambiguous name is an error listing the candidates, never a guess.
public enum AddressResolution {
    /// The plan id that `given` names among `ids`: itself when it is one, else the one id it begins.
    /// Throws `.planNotFound` when none matches and `.ambiguousPlan` when several do.
    public static func planID(_ given: String, among ids: [String]) throws(AddressError) -> String {
        if ids.contains(given) { return given }
        let candidates = ids.filter { $0.hasPrefix(given) }.sorted()
        switch candidates.count {
        case 0: throw .planNotFound(given, available: ids.sorted())
        case 1: return candidates[0]
        default: throw .ambiguousPlan(given, candidates: candidates)
        }
    }

    /// The target that `text` names: `PLAN/TARGET` (the plan part may be a prefix), or `TARGET` alone
    /// with `plan` given (itself resolved the same way) or found in exactly one of the plans.
    /// - Parameter plansWithTarget: the ids of the plans that have a target with this id (the caller
    ///   reads the plans; called only when no plan is named).
    public static func target(_ text: String, plan: String?, among ids: [String],
                              plansWithTarget: (String) throws -> [String]) throws -> TargetAddress {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count <= 2 else { throw AddressError.malformed(text) }
        let targetID = parts.count == 2 ? parts[1] : parts[0]
        if let problem = TargetID.problem(with: targetID) { throw AddressError.malformedTarget(text, reason: problem) }
        if parts.count == 2 {
            if let plan, !plan.isEmpty, try planID(plan, among: ids) != planID(parts[0], among: ids) {
                throw AddressError.conflictingPlans(text, option: plan)
            }
            if let problem = PlanID.problem(with: parts[0]) { throw AddressError.malformedTarget(text, reason: problem) }
            return TargetAddress(planID: try planID(parts[0], among: ids), targetID: targetID)
        }
        if let plan { return TargetAddress(planID: try planID(plan, among: ids), targetID: targetID) }
        let holders = try plansWithTarget(targetID).sorted()
        switch holders.count {
        case 0: throw AddressError.targetInNoPlan(targetID, plans: ids.sorted())
        case 1: return TargetAddress(planID: holders[0], targetID: targetID)
        default: throw AddressError.ambiguousTarget(targetID, plans: holders)
        }
    }
}

public enum AddressError: Error, Equatable, CustomStringConvertible {
    case planNotFound(String, available: [String])
    case ambiguousPlan(String, candidates: [String])
    case ambiguousTarget(String, plans: [String])
    case targetInNoPlan(String, plans: [String])
    case malformed(String)
    case malformedTarget(String, reason: String)
    case conflictingPlans(String, option: String)
    case malformedItem(String, reason: String)

    /// Not found (exit 2) rather than a usage mistake (exit 64).
    public var isNotFound: Bool {
        switch self {
        case .planNotFound, .targetInNoPlan: return true
        default: return false
        }
    }

    public var description: String {
        func q(_ s: String) -> String { "\"\(Sanitizer.clean(s))\"" }
        func list(_ ids: [String]) -> String { ids.map { Sanitizer.clean($0) }.joined(separator: ", ") }
        switch self {
        case .planNotFound(let id, let available):
            return "no plan with id \(q(id))" + (available.isEmpty ? " (the data directory has no plans)" : " (plans: \(list(available)))")
        case .ambiguousPlan(let id, let candidates):
            return "\(q(id)) could be any of \(candidates.count) plans: \(list(candidates)); give more of the id"
        case .ambiguousTarget(let id, let plans):
            return "\(q(id)) is a target in \(plans.count) plans: \(list(plans)); give PLAN_ID/\(Sanitizer.clean(id)) or --plan PLAN_ID"
        case .targetInNoPlan(let id, let plans):
            return "no plan has a target \(q(id))" + (plans.isEmpty ? " (the data directory has no plans)" : " (plans: \(list(plans)))")
        case .malformed(let text):
            return "expected PLAN_ID/TARGET_ID or TARGET_ID, found \(q(text))"
        case .malformedTarget(let text, let reason):
            return "\(q(text)) is not a target address: \(reason)"
        case .malformedItem(let text, let reason):
            return "\(q(text)) is not an address: \(reason)"
        case .conflictingPlans(let text, let option):
            return "\(q(text)) names a different plan from --plan \(q(option))"
        }
    }
}
