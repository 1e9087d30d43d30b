/// `remove` of an objective or Key Issue that still holds something needs `--yes`: this says what it holds.
public enum RemovalCheck {
    /// nil when the item can go without asking (a target, or an empty objective or Key Issue, or an unknown id:
    /// the change itself then says it is unknown).
    public static func refusal(of item: String, in plan: Plan) -> String? {
        if let k = plan.keyIssue(id: item), !k.objectives.isEmpty {
            let targets = k.objectives.reduce(0) { $0 + $1.targets.count }
            return "\(plan.id)/\(item) is a Key Issue with \(k.objectives.count) objective\(k.objectives.count == 1 ? "" : "s") and \(targets) target\(targets == 1 ? "" : "s"); remove it with all of them with --yes (undo brings them back)"
        }
        if let o = plan.objective(id: item), !o.targets.isEmpty {
            return "\(plan.id)/\(item) is an objective with \(o.targets.count) target\(o.targets.count == 1 ? "" : "s"); remove it with all of them with --yes (undo brings them back)"
        }
        return nil
    }
}
