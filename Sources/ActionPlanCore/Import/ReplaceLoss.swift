/// What `import --replace` would throw away with an existing plan: the reviews and history that a
/// new document cannot carry. nil when there is nothing to lose.
public enum ReplaceLoss {
    public static func describe(_ plan: Plan) -> String? {
        let targets = plan.allTargets
        let entries = targets.reduce(0) { $0 + $1.history.count }
        let withHistory = targets.filter { !$0.history.isEmpty }.count
        var parts: [String] = []
        if !plan.reviews.isEmpty {
            let closed = plan.reviews.filter { $0.closedAt != nil }.count
            parts.append("\(plan.reviews.count) review\(plan.reviews.count == 1 ? "" : "s") (\(closed) closed)")
        }
        if entries > 0 {
            parts.append("\(entries) history entr\(entries == 1 ? "y" : "ies") on \(withHistory) target\(withHistory == 1 ? "" : "s")")
        }
        return parts.isEmpty ? nil : parts.joined(separator: " and ")
    }
}
