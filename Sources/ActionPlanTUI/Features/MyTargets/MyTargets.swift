import ActionPlanCore

/// A target in "my targets": named by its plan and its stable id, so the cursor follows it across
/// reloads of any of the plans (someone else's save, our own merged save).
public struct MyTargetsItem: Sendable, Hashable {
    public var planID: String
    public var targetID: String

    public init(planID: String, targetID: String) {
        self.planID = planID
        self.targetID = targetID
    }
}

/// A change made in the view, for `u` and Ctrl-R: which plan, and the tree's own undo record.
public struct MyTargetsUndo: Sendable, Equatable {
    public var planID: String
    public var record: UndoRecord
}

/// One line of the view: a plan's heading, or one of the officer's targets in it.
public enum MyTargetsRow: Sendable, Equatable {
    /// `plan` indexes `MyTargets.docs`.
    case heading(plan: Int)
    case target(MyTargetsItem, plan: Int)

    public var item: MyTargetsItem? {
        if case .target(let item, _) = self { return item }
        return nil
    }
}

/// "My targets" (`actionplan --officer NAME` without `--plan`, or `o` on the plans list): one
/// officer's targets from every plan, grouped by plan. Each plan is held as the tree holds its open
/// plan (a `PlanDoc`: the base of the next commit, unsaved changes on top), so a change here is saved
/// by the same `PlanStore.commit` path, to the right plan's file, with history.
public struct MyTargets: Sendable {
    /// The officer as typed: matched as the tree's officer filter and `list --officer` match (OfficerQuery).
    public var officer: String
    /// Every plan that loaded, in the plans list's order.
    public var docs: [PlanDoc]
    /// Plan files that could not be loaded ("x.json: why"): said, not silently left out.
    public var unreadable: [String]
    public var cursor: MyTargetsItem?
    public var scroll = 0
    /// `!`: only the overdue ones ("what is overdue").
    public var overdueOnly = false
    public var undo: [MyTargetsUndo] = []
    public var redo: [MyTargetsUndo] = []
    /// The plan of the target being edited (the editor's session names only the target).
    public var editingPlan: String?
    /// When the plans on disk were last looked at (monotonic seconds, from ticks).
    public var lastDiskCheck: Double = 0

    public init(officer: String, docs: [PlanDoc], unreadable: [String] = []) {
        self.officer = officer
        self.docs = docs
        self.unreadable = unreadable
    }

    /// The filter that picks the officer's targets: the tree's own (`Filters`), so the same targets match.
    public func filter(asOf: Day) -> TargetFilter {
        Filters(officer: officer, overdueOnly: overdueOnly).targetFilter(asOf: asOf)
    }

    /// The view's lines: per plan with at least one of the officer's targets, its heading and then
    /// those targets in document order (the tree's own filtered rows, so nothing is matched twice over).
    public func rows(asOf: Day) -> [MyTargetsRow] {
        let filter = filter(asOf: asOf)
        var out: [MyTargetsRow] = []
        for (p, d) in docs.enumerated() {
            let targets = Tree.rows(d.plan, filter: filter, expanded: nil).compactMap { row -> MyTargetsRow? in
                guard case .target(let id) = row.node else { return nil }
                return .target(MyTargetsItem(planID: d.id, targetID: id), plan: p)
            }
            guard !targets.isEmpty else { continue }
            out.append(.heading(plan: p))
            out += targets
        }
        return out
    }

    public func items(asOf: Day) -> [MyTargetsItem] { rows(asOf: asOf).compactMap(\.item) }

    /// The officer's tally in one plan (what its heading shows), or over every plan.
    public func tally(plan: Int? = nil, asOf: Day) -> Tally {
        let filter = filter(asOf: asOf)
        var tally = Tally()
        for (p, d) in docs.enumerated() where plan == nil || plan == p {
            for i in d.plan.keyIssues.indices {
                tally = tally + Tree.tally(under: .issue(i), in: d.plan, filter: filter, asOf: asOf)
            }
        }
        return tally
    }

    public func docIndex(_ planID: String) -> Int? { docs.firstIndex { $0.id == planID } }

    public var selectedTarget: Target? {
        guard let c = cursor, let p = docIndex(c.planID) else { return nil }
        return docs[p].plan.target(id: c.targetID)
    }

    public var pendingCount: Int { docs.reduce(0) { $0 + $1.pending.count } }

    /// Every lead officer named in any plan, with how many targets each leads (for the officer picker).
    public func officers() -> [(name: String, count: Int)] {
        var counts: [String: Int] = [:]
        for d in docs {
            for t in d.plan.allTargets { for o in Set(t.leadOfficers) where !o.isEmpty { counts[o, default: 0] += 1 } }
        }
        return counts.map { ($0.key, $0.value) }.sorted { ($0.name.lowercased(), $0.name) < ($1.name.lowercased(), $1.name) }
    }

    // MARK: - Moving (pure)

    public enum Move: Sendable { case previous, next, pageBack, pageOn, first, last }

    /// Moves the cursor over the targets (headings are not stops), `page` lines at a time.
    public mutating func move(_ move: Move, page: Int, asOf: Day) {
        let items = items(asOf: asOf)
        guard !items.isEmpty else { cursor = nil; return }
        let here = cursor.flatMap { items.firstIndex(of: $0) } ?? 0
        var to = here
        switch move {
        case .previous: to -= 1
        case .next: to += 1
        case .pageBack: to -= page
        case .pageOn: to += page
        case .first: to = 0
        case .last: to = items.count - 1
        }
        cursor = items[max(0, min(to, items.count - 1))]
    }

    /// After the lines changed (a reload, a save merged with others' changes, `!`, a status that no
    /// longer passes the filter): the cursor stays on its target if still shown, else goes to the next
    /// one that was after it (or, at the end, the one before), as the tree's cursor does.
    public mutating func followCursor(previous: [MyTargetsItem], asOf: Day) {
        let now = items(asOf: asOf)
        guard !now.isEmpty else { cursor = nil; return }
        guard let c = cursor, !now.contains(c) else { if cursor == nil { cursor = now.first }; return }
        let shown = Set(now)
        if let i = previous.firstIndex(of: c) {
            if let next = previous[(i + 1)...].first(where: shown.contains) { cursor = next; return }
            if let before = previous[..<i].last(where: shown.contains) { cursor = before; return }
        }
        cursor = now.first
    }

    /// Scrolls so the cursor's line (and its plan's heading, for the first target of a plan) is in a
    /// body `height` lines tall.
    public mutating func keepVisible(height: Int, asOf: Day) {
        let rows = rows(asOf: asOf)
        let h = max(1, height)
        guard let i = rows.firstIndex(where: { $0.item == cursor && cursor != nil }) else { scroll = 0; return }
        let top = i > 0 && rows[i - 1].item == nil ? i - 1 : i
        if top < scroll { scroll = top }
        if i >= scroll + h { scroll = i - h + 1 }
        scroll = max(0, min(scroll, max(0, rows.count - h)))
    }
}
