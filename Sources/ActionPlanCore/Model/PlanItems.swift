/// Finding Key Issues and objectives by their stable ids, and handing out new ids. Ids of the three
/// kinds share one namespace in a plan (`k2`, `o7`, `t31`), so `PLAN_ID/ID` names one item whatever it is.
extension Plan {
    /// The index of the Key Issue with this id.
    public func keyIssueIndex(id: String) -> Int? {
        keyIssues.firstIndex { $0.id == id }
    }

    /// Where the objective with this id is: (Key Issue index, objective index).
    public func objectivePath(id: String) -> (issue: Int, objective: Int)? {
        for (i, issue) in keyIssues.enumerated() {
            if let o = issue.objectives.firstIndex(where: { $0.id == id }) { return (i, o) }
        }
        return nil
    }

    public func keyIssue(id: String) -> KeyIssue? { keyIssueIndex(id: id).map { keyIssues[$0] } }

    public func objective(id: String) -> Objective? {
        objectivePath(id: id).map { keyIssues[$0.issue].objectives[$0.objective] }
    }

    /// What kind of item the id names in this plan (nil: none). The plan's own id names the plan.
    public func kind(of itemID: String) -> ItemKind? {
        if keyIssueIndex(id: itemID) != nil { return .keyIssue }
        if objectivePath(id: itemID) != nil { return .objective }
        if indexPath(ofTarget: itemID) != nil { return .target }
        return nil
    }

    /// Where an item sits now (nil: not in the plan).
    public func place(of itemID: String) -> Place? {
        if let i = keyIssueIndex(id: itemID) { return Place(parent: nil, index: i) }
        if let p = objectivePath(id: itemID) { return Place(parent: keyIssues[p.issue].id, index: p.objective) }
        if let p = indexPath(ofTarget: itemID) {
            return Place(parent: keyIssues[p.issue].objectives[p.objective].id, index: p.target)
        }
        return nil
    }

    /// The Key Issue that holds an objective, or the objective that holds a target.
    public func parent(of itemID: String) -> String? { place(of: itemID)?.parent }

    /// Every objective id in document order.
    public var allObjectiveIDs: [String] { keyIssues.flatMap { $0.objectives.map(\.id) } }

    /// Hands out a fresh Key Issue id (`k<N>`) and advances the counter; never one in use by any item.
    public mutating func makeKeyIssueId() -> String {
        let (id, next) = freshId("k", from: nextKeyIssueId)
        nextKeyIssueId = next
        return id
    }

    /// Hands out a fresh objective id (`o<N>`) and advances the counter.
    public mutating func makeObjectiveId() -> String {
        let (id, next) = freshId("o", from: nextObjectiveId)
        nextObjectiveId = next
        return id
    }

    private func usedItemIds() -> Set<String> {
        var used = Set(keyIssues.map(\.id))
        for issue in keyIssues { for o in issue.objectives { used.insert(o.id); for t in o.targets { used.insert(t.id) } } }
        return used
    }

    private func freshId(_ prefix: String, from counter: Int) -> (String, Int) {
        let used = usedItemIds()
        var n = max(counter, 1)
        while used.contains("\(prefix)\(n)") { n += 1 }
        return ("\(prefix)\(n)", n + 1)
    }

    /// Gives every Key Issue and objective without an id one, in document order, and moves the counters
    /// past every id in use. This is the upgrade of a schemaVersion 1 file (which had none) and what makes a
    /// plan built in memory (an import) savable. Deterministic: the same plan always gets the same ids.
    public mutating func assignMissingIds() {
        nextKeyIssueId = max(nextKeyIssueId, (keyIssues.compactMap { ItemID.number(in: $0.id, prefix: "k") }.max() ?? 0) + 1)
        nextObjectiveId = max(nextObjectiveId, (keyIssues.flatMap { $0.objectives.compactMap { ItemID.number(in: $0.id, prefix: "o") } }.max() ?? 0) + 1)
        guard keyIssues.contains(where: { $0.id.isEmpty || $0.objectives.contains { $0.id.isEmpty } }) else { return }
        // The ids in use are collected once, not per new id (`freshId` does it per call), so that
        // an import of 100k rows stays linear.
        var used = usedItemIds()
        func next(_ prefix: String, _ counter: inout Int) -> String {
            var n = max(counter, 1)
            while used.contains("\(prefix)\(n)") { n += 1 }
            counter = n + 1
            used.insert("\(prefix)\(n)")
            return "\(prefix)\(n)"
        }
        for i in keyIssues.indices {
            if keyIssues[i].id.isEmpty { keyIssues[i].id = next("k", &nextKeyIssueId) }
            for o in keyIssues[i].objectives.indices where keyIssues[i].objectives[o].id.isEmpty {
                keyIssues[i].objectives[o].id = next("o", &nextObjectiveId)
            }
        }
    }

    /// This plan with ids for every item (see `assignMissingIds`).
    public func withIds() -> Plan {
        var p = self
        p.assignMissingIds()
        return p
    }
}

/// Key Issue and objective ids: the same alphabet as target ids (`TargetID`).
public enum ItemID {
    /// 7 for ("o7", "o"); nil for other shapes or numbers above `TargetID.maxNumber`.
    public static func number(in id: String, prefix: Character) -> Int? {
        guard id.first == prefix, let n = Int(id.dropFirst()), n >= 0, n <= TargetID.maxNumber else { return nil }
        return n
    }
}
