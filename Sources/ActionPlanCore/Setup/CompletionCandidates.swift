/// What shell completion offers from a data directory: plan ids, target addresses (PLAN_ID/t…) and lead
/// officers' names. Best effort by design: a missing directory or a file that does not load offers nothing
/// (or skips that plan) rather than printing an error into the user's command line.
public enum CompletionCandidates {
    public static func planIDs(in directory: String, prefix: String) -> [String] {
        ((try? PlanStore(directory: directory).planIDs()) ?? []).filter { $0.hasPrefix(prefix) }
    }

    /// `PLAN_ID/TARGET_ID` for every target of the plan named before the `/`; before any `/`, the plans
    /// that match with a `/` after them, or every target of the one plan that matches (so that one tab
    /// goes straight to `plan/t`).
    public static func targetAddresses(in directory: String, prefix: String) -> [String] {
        let store = PlanStore(directory: directory)
        if let slash = prefix.firstIndex(of: "/") {
            let id = String(prefix[..<slash])
            guard let plan = try? store.load(id).plan else { return [] }
            return plan.allTargets.map { "\(id)/\($0.id)" }.filter { $0.hasPrefix(prefix) }
        }
        let plans = planIDs(in: directory, prefix: prefix)
        if plans.count == 1, let plan = try? store.load(plans[0]).plan {
            return plan.allTargets.map { "\(plans[0])/\($0.id)" }
        }
        return plans.map { $0 + "/" }
    }

    /// `PLAN_ID` and `PLAN_ID/ID` for every Key Issue, objective and target (document order).
    public static func itemAddresses(in directory: String, prefix: String) -> [String] {
        let store = PlanStore(directory: directory)
        func items(_ plan: Plan) -> [String] {
            var ids: [String] = [plan.id]
            for k in plan.keyIssues {
                ids.append("\(plan.id)/\(k.id)")
                for o in k.objectives { ids.append("\(plan.id)/\(o.id)"); ids += o.targets.map { "\(plan.id)/\($0.id)" } }
            }
            return ids
        }
        if let slash = prefix.firstIndex(of: "/") {
            guard let plan = try? store.load(String(prefix[..<slash])).plan else { return [] }
            return items(plan).filter { $0.hasPrefix(prefix) }
        }
        let plans = planIDs(in: directory, prefix: prefix)
        if plans.count == 1, let plan = try? store.load(plans[0]).plan { return items(plan) }
        return plans
    }

    /// Every lead officer named in the plans (or in one plan), once each, sorted.
    public static func officers(in directory: String, plan: String? = nil, prefix: String) -> [String] {
        let store = PlanStore(directory: directory)
        let ids = plan.map { [$0] } ?? ((try? store.planIDs()) ?? [])
        var names = Set<String>()
        for id in ids {
            guard let loaded = try? store.load(id) else { continue }
            for target in loaded.plan.allTargets { names.formUnion(target.leadOfficers) }
        }
        let wanted = prefix.lowercased()
        return names.filter { !$0.isEmpty && $0.lowercased().hasPrefix(wanted) }.sorted()
    }
}
