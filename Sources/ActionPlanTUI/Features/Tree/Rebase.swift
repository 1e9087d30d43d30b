import ActionPlanCore

extension AppState {
    /// A newer version of the plan (saved by us or someone else) becomes the base, with unsaved
    /// changes on top. Tree lines name Key Issues and objectives by position, so the cursor and what
    /// is expanded are carried across by the items' stable ids: the cursor stays on the item it was on,
    /// wherever someone else's add, move or removal put it; new Key Issues and objectives show expanded.
    func rebase(_ d: inout PlanDoc, onto loaded: PlanFile.Loaded) {
        let old = d.plan
        d.base = loaded
        d.plan = loaded.plan
        for c in d.pending { d.plan.setValue(c.new, of: c.field, target: c.targetID) }
        let oldIDs = Set(Tree.allBranches(old).compactMap { Tree.itemID(of: $0, in: old) })
        var expanded = Set<NodeID>()
        for node in d.expanded {
            if let id = Tree.itemID(of: node, in: old), let now = Tree.node(ofItem: id, in: d.plan) { expanded.insert(now) }
        }
        for branch in Tree.allBranches(d.plan) {
            if let id = Tree.itemID(of: branch, in: d.plan), !oldIDs.contains(id) { expanded.insert(branch) }
        }
        d.expanded = expanded
        if let cursor = d.cursor, let id = Tree.itemID(of: cursor, in: old), let now = Tree.node(ofItem: id, in: d.plan) {
            d.cursor = now
        }
    }
}
