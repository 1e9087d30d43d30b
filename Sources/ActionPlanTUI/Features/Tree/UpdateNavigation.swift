import ActionPlanCore

/// Moving in the tree and the detail pane; expand, collapse, keeping the cursor in view.
extension AppState {
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
            if canLeavePlan { quitOrLeave(&fx, leaving: true) }
            return
        }
        if Tree.isExpandable(node) && d.expanded.contains(node) {
            d.expanded.remove(node)
        } else if let parent = Tree.parent(of: node, in: d.plan) {
            d.cursor = parent
            d.detailScroll = 0
        } else if canLeavePlan {
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
        if screen == .myTargets { keepMyTargetsVisible(); return }
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
}
