import ActionPlanCore

/// Commands on an open plan: moving in the tree, ticking targets, undo, filters and search.
extension AppState {
    mutating func planCommand(_ command: Command, _ fx: inout [Effect]) {
        guard doc != nil else { screen = .plans; return }
        switch command {
        case .moveUp, .moveDown, .pageUp, .pageDown, .top, .bottom: move(command)
        case .open: openNode()
        case .back: back(&fx)
        case .toggleFocus:
            doc!.focus = doc!.focus == .tree ? .detail : .tree
        case .setMet: setStatus(.met, command, &fx)
        case .setNotMet: setStatus(.notMet, command, &fx)
        case .setPartial: setStatus(.partiallyMet, command, &fx)
        case .setNotAssessed: setStatus(.notAssessed, command, &fx)
        case .cycleStatus: setStatus(nil, command, &fx)
        case .editComment: startEditing(.comment, command)
        case .editForecast: startEditing(.forecast, command)
        case .undo: undo(&fx)
        case .redo: redo(&fx)
        case .search: mode = .searching(LineEditor())
        case .nextMatch: jumpToMatch(forward: true)
        case .previousMatch: jumpToMatch(forward: false)
        case .officerFilter:
            var picker = OfficerPicker()
            picker.selection = 0
            mode = .officerPicker(picker)
        case .statusFilter:
            mode = .statusPicker(StatusPicker(selection: 0, ticked: doc!.filters.statuses))
        case .overdueOnly:
            var f = doc!.filters
            f.overdueOnly.toggle()
            applyFilters(f)
        case .clearFilters:
            doc!.search = nil
            applyFilters(Filters())
            message = Message("Filters and search cleared")
        case .retrySave:
            if doc!.pending.isEmpty {
                message = Message("Nothing to save: every change is saved")
            } else {
                fx.append(.commit(planID: doc!.id, changes: doc!.pending, base: doc!.base))
            }
        case .help: mode = .help(scroll: 0)
        case .quit: quitOrLeave(&fx, leaving: plans.count > 1)
        case .forceQuit: fx.append(.quit)
        default: break
        }
    }

    // MARK: - Moving

    mutating func move(_ command: Command) {
        guard var d = doc else { return }
        let layout = Layout(size)
        if d.focus == .detail {
            let page = max(1, layout.detail.height - 1)
            switch command {
            case .moveUp: d.detailScroll -= 1
            case .moveDown: d.detailScroll += 1
            case .pageUp: d.detailScroll -= page
            case .pageDown: d.detailScroll += page
            case .top: d.detailScroll = 0
            case .bottom: d.detailScroll = Int.max / 2
            default: break
            }
            let total = DetailPane.lines(for: self, width: max(1, layout.detail.width - 2)).count
            d.detailScroll = max(0, min(d.detailScroll, total - max(1, layout.detail.height - 1)))
            doc = d
            return
        }
        let rows = d.visibleRows(asOf: options.asOf)
        guard !rows.isEmpty else { return }
        let current = rows.firstIndex { $0.node == d.cursor } ?? 0
        var target = current
        switch command {
        case .moveUp: target -= 1
        case .moveDown: target += 1
        case .pageUp: target -= layout.treePage
        case .pageDown: target += layout.treePage
        case .top: target = 0
        case .bottom: target = rows.count - 1
        default: break
        }
        target = max(0, min(target, rows.count - 1))
        if rows[target].node != d.cursor { d.detailScroll = 0 }
        d.cursor = rows[target].node
        doc = d
        keepCursorVisible()
    }

    mutating func openNode() {
        guard var d = doc, let node = d.cursor else { return }
        if d.focus == .detail { return }
        guard Tree.isExpandable(node) else {
            message = Message("On a target: m met · x not met · p partly · Space cycles · c comment · f forecast")
            return
        }
        if !d.expanded.contains(node) {
            d.expanded.insert(node)
            doc = d
        } else {
            let rows = d.visibleRows(asOf: options.asOf)
            if let i = rows.firstIndex(where: { $0.node == node }), i + 1 < rows.count, rows[i + 1].depth > rows[i].depth {
                d.cursor = rows[i + 1].node
                d.detailScroll = 0
            }
            doc = d
        }
        keepCursorVisible()
    }

    mutating func back(_ fx: inout [Effect]) {
        guard var d = doc else { return }
        if d.focus == .detail { d.focus = .tree; doc = d; return }
        guard let node = d.cursor else {
            if plans.count > 1 { quitOrLeave(&fx, leaving: true) }
            return
        }
        if Tree.isExpandable(node) && d.expanded.contains(node) {
            d.expanded.remove(node)
        } else if let parent = Tree.parent(of: node, in: d.plan) {
            d.cursor = parent
            d.detailScroll = 0
        } else if plans.count > 1 {
            quitOrLeave(&fx, leaving: true)
            return
        } else {
            message = Message("Top of the plan (q quits)")
        }
        doc = d
        keepCursorVisible()
    }

    /// Scrolls the tree so the cursor's line is on screen.
    mutating func keepCursorVisible() {
        guard var d = doc else {
            let perPlan = 3
            let visible = max(1, Layout(size).body.height / perPlan)
            if plansCursor < plansScroll { plansScroll = plansCursor }
            if plansCursor >= plansScroll + visible { plansScroll = plansCursor - visible + 1 }
            return
        }
        let height = max(1, Layout(size).tree.height)
        let rows = d.visibleRows(asOf: options.asOf)
        guard let i = rows.firstIndex(where: { $0.node == d.cursor }) else { d.treeScroll = 0; doc = d; return }
        if i < d.treeScroll { d.treeScroll = i }
        if i >= d.treeScroll + height { d.treeScroll = i - height + 1 }
        d.treeScroll = max(0, min(d.treeScroll, max(0, rows.count - height)))
        doc = d
    }

    /// After the visible lines changed (a filter, a reload): keep the cursor where it was, or on
    /// the nearest line after it in document order.
    mutating func fixCursor() {
        guard var d = doc else { return }
        let rows = d.visibleRows(asOf: options.asOf)
        if let cursor = d.cursor, rows.contains(where: { $0.node == cursor }) {
            keepCursorVisible()
            return
        }
        guard !rows.isEmpty else { keepCursorVisible(); return }
        if let cursor = d.cursor, let here = Tree.order(of: cursor, in: d.plan) {
            d.cursor = rows.first { row in Tree.order(of: row.node, in: d.plan).map { $0 >= here } ?? false }?.node ?? rows.last?.node
        } else {
            d.cursor = rows.first?.node
        }
        d.detailScroll = 0
        doc = d
        keepCursorVisible()
    }

    // MARK: - Changes

    /// What the cursor is, in words, for "this key works on targets" hints.
    var cursorKind: String {
        switch doc?.cursor {
        case .issue?: return "a Key Issue"
        case .objective?: return "an objective"
        default: return "nothing"
        }
    }

    mutating func setStatus(_ status: Status?, _ command: Command, _ fx: inout [Effect]) {
        guard let target = doc?.selectedTarget else {
            message = Message("\(KeyTable.keys(for: command)) sets a target's status; this is \(cursorKind): move to one of its targets")
            return
        }
        let new = status ?? target.status.next
        if new == target.status {
            message = Message("Already \(glyphs.label(new))")
            return
        }
        change(target.id, .status, to: new.rawValue, &fx)
        message = Message("\(target.id): \(glyphs.label(target.status)) → \(glyphs.label(new))")
    }

    mutating func startEditing(_ field: TargetField, _ command: Command) {
        guard let target = doc?.selectedTarget else {
            message = Message("\(KeyTable.keys(for: command)) edits a target's \(field.rawValue); this is \(cursorKind): move to one of its targets")
            return
        }
        let value = target.value(of: field)
        mode = .editing(EditSession(targetID: target.id, field: field, original: value, editor: LineEditor(value)))
    }

    /// Applies a change on screen at once and asks for it to be saved (with any earlier unsaved ones).
    mutating func change(_ targetID: String, _ field: TargetField, to new: String, note: String? = nil,
                         recordUndo: Bool = true, _ fx: inout [Effect]) {
        guard var d = doc, let target = d.plan.target(id: targetID) else { return }
        let old = target.value(of: field)
        guard old != new else { return }
        let c = TargetChange(targetID: targetID, field: field, expectedOld: old, new: new, note: note)
        d.plan.setValue(new, of: field, target: targetID)
        if let i = d.pending.firstIndex(where: { $0.targetID == targetID && $0.field == field }) {
            // A change to a field whose earlier change is still unsaved: one change from the value on disk.
            d.pending[i].new = new
            d.pending[i].note = note
        } else {
            d.pending.append(c)
        }
        if recordUndo {
            d.undo.append(UndoRecord(targetID: targetID, field: field, before: old, after: new))
            d.redo.removeAll()
        }
        doc = d
        fx.append(.commit(planID: d.id, changes: d.pending, base: d.base))
    }

    mutating func undo(_ fx: inout [Effect]) {
        guard var d = doc, let record = d.undo.popLast() else {
            message = Message("Nothing to undo")
            return
        }
        d.redo.append(record)
        doc = d
        reveal(.target(record.targetID))
        change(record.targetID, record.field, to: record.before, note: "undo", recordUndo: false, &fx)
        message = Message("Undid \(describe(record, from: record.after, to: record.before))")
    }

    mutating func redo(_ fx: inout [Effect]) {
        guard var d = doc, let record = d.redo.popLast() else {
            message = Message("Nothing to redo")
            return
        }
        d.undo.append(record)
        doc = d
        reveal(.target(record.targetID))
        change(record.targetID, record.field, to: record.after, note: "redo", recordUndo: false, &fx)
        message = Message("Redid \(describe(record, from: record.before, to: record.after))")
    }

    func describe(_ r: UndoRecord, from: String, to: String) -> String {
        switch r.field {
        case .status:
            let a = Status(rawValue: from).map(glyphs.label) ?? from
            let b = Status(rawValue: to).map(glyphs.label) ?? to
            return "\(r.targetID) status: \(a) → \(b)"
        case .comment, .forecast:
            return "\(r.targetID) \(r.field.rawValue)"
        }
    }

    /// Expands what is above a node and puts the cursor on it (when the filters let it show).
    mutating func reveal(_ node: NodeID) {
        guard var d = doc else { return }
        for a in Tree.ancestors(of: node, in: d.plan) { d.expanded.insert(a) }
        if d.visibleRows(asOf: options.asOf).contains(where: { $0.node == node }) {
            if d.cursor != node { d.detailScroll = 0 }
            d.cursor = node
        }
        d.focus = .tree
        doc = d
        keepCursorVisible()
    }

    // MARK: - Filters and search

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
