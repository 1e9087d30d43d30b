import ActionPlanCore

/// Officer, status and overdue filters; search and n/N.
extension AppState {
    mutating func applyFilters(_ filters: Filters) {
        guard var d = doc else { return }
        d.filters = filters
        d.expanded.formUnion(Tree.allBranches(d.plan))
        doc = d
        fixCursor()
        let shown = Tree.rows(d.plan, filter: d.targetFilter(asOf: options.asOf), expanded: nil).filter {
            if case .target = $0.node { return true }
            return false
        }.count
        if filters.isEmpty {
            message = Message("Showing all targets")
        } else {
            message = Message("\(shown) target\(shown == 1 ? "" : "s") match: \(filterDescription(filters))")
        }
    }

    func filterDescription(_ f: Filters) -> String {
        var parts: [String] = []
        if let o = f.officer { parts.append("officer “\(clean(o))”") }
        if !f.statuses.isEmpty {
            parts.append(StatusPicker.order.filter(f.statuses.contains).map(\.word).joined(separator: " or "))
        }
        if f.overdueOnly { parts.append("overdue") }
        return parts.joined(separator: " · ")
    }

    /// Nodes whose text contains the search (any case), in document order, among what the filters show.
    func searchMatches() -> [NodeID] {
        guard let d = doc, let needle = d.search?.lowercased(), !needle.isEmpty else { return [] }
        var out: [NodeID] = []
        let plan = d.plan
        for row in Tree.rows(plan, filter: d.targetFilter(asOf: options.asOf), expanded: nil) {
            let issue = plan.keyIssues[row.issue]
            let fields: [String]
            switch row.node {
            case .issue: fields = [issue.title, issue.statement]
            case .objective:
                let o = issue.objectives[row.objective!]
                fields = [o.text, o.code ?? "", o.expectedOutcome]
            case .target:
                let t = issue.objectives[row.objective!].targets[row.target!]
                fields = [t.text, t.comment, t.forecast]
            }
            if fields.contains(where: { $0.lowercased().contains(needle) }) { out.append(row.node) }
        }
        return out
    }

    mutating func jumpToMatch(forward: Bool, includeCurrent: Bool = false) {
        guard let d = doc else { return }
        guard let needle = d.search, !needle.isEmpty else {
            message = Message("No search yet: press / to search")
            return
        }
        let matches = searchMatches()
        guard !matches.isEmpty else {
            message = Message("No match for “\(clean(needle))”")
            return
        }
        let all = Tree.rows(d.plan, filter: d.targetFilter(asOf: options.asOf), expanded: nil).map(\.node)
        let here = d.cursor.flatMap { all.firstIndex(of: $0) } ?? -1
        let positions = matches.compactMap { all.firstIndex(of: $0) }
        var pick: Int
        if forward {
            pick = positions.firstIndex { includeCurrent ? $0 >= here : $0 > here } ?? 0
        } else {
            pick = positions.lastIndex { $0 < here } ?? positions.count - 1
        }
        pick = max(0, min(pick, matches.count - 1))
        reveal(matches[pick])
        message = Message("Match \(pick + 1) of \(matches.count) for “\(clean(needle))” (n next, N previous)")
    }

    /// Lead officers named in the open plan, with how many targets each leads, by name.
    func officersInPlan() -> [(name: String, count: Int)] {
        guard let d = doc else { return [] }
        var counts: [String: Int] = [:]
        for t in d.plan.allTargets { for o in Set(t.leadOfficers) where !o.isEmpty { counts[o, default: 0] += 1 } }
        return counts.map { ($0.key, $0.value) }.sorted { ($0.name.lowercased(), $0.name) < ($1.name.lowercased(), $1.name) }
    }
}
