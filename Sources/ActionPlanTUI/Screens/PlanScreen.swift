import ActionPlanCore

/// An open plan: the tree, a divider, and the detail pane (beside the tree when wide, below when narrow).
enum PlanScreen {
    static func draw(_ state: AppState, layout: Layout, into grid: inout Grid) {
        guard let doc = state.doc else { return }
        TreePane.draw(state, doc: doc, rect: layout.tree, into: &grid)
        drawDivider(state, layout: layout, detailFocused: doc.focus == .detail, into: &grid)
        DetailPane.draw(state, doc: doc, rect: layout.detail, into: &grid)
    }

    /// The line between the tree and the details: a column when they sit side by side, else a rule
    /// titled "Details" (bold while the details have the focus). The my-targets screen draws it too.
    static func drawDivider(_ state: AppState, layout: Layout, detailFocused: Bool, into grid: inout Grid) {
        let d = layout.divider
        let u = state.glyphs == .unicode
        if layout.isWide {
            for y in d.row..<d.bottom { grid.put(u ? "│" : "|", row: y, column: d.column, style: .dimmed) }
        } else {
            grid.put(String(repeating: u ? "─" : "-", count: d.width), row: d.row, column: 0, style: .dimmed)
            grid.put(u ? "─ Details " : "- Details ", row: d.row, column: 1, style: detailFocused ? .bold : .dimmed)
        }
    }
}

enum TreePane {
    static func draw(_ state: AppState, doc: PlanDoc, rect: Rect, into grid: inout Grid) {
        let asOf = state.options.asOf
        let rows = doc.visibleRows(asOf: asOf)
        if rows.isEmpty {
            let text = doc.filters.isEmpty ? "This plan has no Key Issues." : "No targets match the filters (* clears them)."
            grid.put(text, row: rect.row + 1, column: rect.column + 2, maxWidth: rect.width - 2)
            grid.focus = (rect.row + 1, rect.column + 2)
            return
        }
        let cursorIndex = rows.firstIndex { $0.node == doc.cursor }
        var first = min(doc.treeScroll, max(0, rows.count - rect.height))
        if let c = cursorIndex {
            if c < first { first = c }
            if c >= first + rect.height { first = c - rect.height + 1 }
        }
        let filter = doc.targetFilter(asOf: asOf)
        let pendingIDs = Set(doc.pending.map(\.targetID))
        for (n, row) in rows[first..<min(rows.count, first + rect.height)].enumerated() {
            let y = rect.row + n
            let line = self.line(for: row, state: state, doc: doc, filter: filter, width: rect.width, unsaved: pendingIDs)
            grid.draw(line, row: y, column: rect.column, width: rect.width)
            if first + n == cursorIndex {
                grid.restyle(row: y, from: rect.column, to: rect.column + rect.width) {
                    if doc.focus == .tree { $0.reverse = true } else { $0.underline = true }
                }
                if doc.focus == .tree { grid.focus = (y, rect.column) }
            }
        }
        if rows.count > rect.height, rect.width > 0 {
            // A scroll hint in the top and bottom right corners.
            let u = state.glyphs == .unicode
            if first > 0 { grid.put(u ? "▲" : "^", row: rect.row, column: rect.column + rect.width - 1, style: .dimmed) }
            if first + rect.height < rows.count { grid.put(u ? "▼" : "v", row: rect.bottom - 1, column: rect.column + rect.width - 1, style: .dimmed) }
        }
    }

    static func line(for row: TreeRow, state: AppState, doc: PlanDoc, filter: TargetFilter?, width: Int, unsaved: Set<String>) -> StyledLine {
        let g = state.glyphs
        let asOf = state.options.asOf
        let plan = doc.plan
        let issue = plan.keyIssues[row.issue]
        let open = doc.expanded.contains(row.node)
        let arrow = g == .unicode ? (open ? "▾ " : "▸ ") : (open ? "- " : "+ ")
        switch row.node {
        case .issue:
            let tally = Tree.tally(under: row.node, in: plan, filter: filter, asOf: asOf)
            return branchLine(prefix: arrow, label: "Key Issue \(issue.number): ", text: state.clean(issue.title),
                              tally: tally, width: width, style: .bold, g)
        case .objective:
            let objective = issue.objectives[row.objective!]
            let tally = Tree.tally(under: row.node, in: plan, filter: filter, asOf: asOf)
            let label = state.clean(objective.label)
            return branchLine(prefix: " " + arrow, label: label.isEmpty ? "" : label + " ", text: state.clean(objective.text),
                              tally: tally, width: width, style: .plain, g)
        case .target:
            let target = issue.objectives[row.objective!].targets[row.target!]
            return targetLine(target, state: state, width: width, unsaved: unsaved.contains(target.id))
        }
    }

    static func branchLine(prefix: String, label: String, text: String, tally: Tally, width: Int, style: Style, _ g: Glyphs) -> StyledLine {
        var right = " " + Labels.rollUp(tally)
        if tally.overdue > 0 { right += " \(Labels.overdueSymbol(g)) \(tally.overdue) overdue" }
        right += " "
        let rightWidth = DisplayWidth.of(right)
        let leftWidth = max(0, width - rightWidth)
        let left = DisplayWidth.pad(prefix + label + text, to: leftWidth)
        return [Span(left, style), Span(right, tally.overdue > 0 ? Style(role: .overdue) : Style(role: tally.met == tally.total && tally.total > 0 ? .met : .dim))]
    }

    /// `oneOfficer`: the view shows one officer's targets (the officer column would repeat it); by
    /// default, whether the tree is filtered to one.
    static func targetLine(_ target: Target, state: AppState, width: Int, unsaved: Bool, oneOfficer: Bool? = nil) -> StyledLine {
        let g = state.glyphs
        let statusWidth = Labels.statusWidth(g)
        let overdue = target.isOverdue(asOf: state.options.asOf)
        let dueWidth = 9
        // Below 100 columns the target text needs the room (at least 40 columns at 80): the overdue
        // flag is its symbol alone (the header counts them in words, the detail pane says OVERDUE),
        // and the officer column goes when the view is filtered to one officer (it would repeat it).
        let narrow = width < 100
        let flag = narrow ? Span(Labels.overdueSymbol(g), Style(bold: true, role: .overdue)) : Labels.overdueSpan(g)
        let flagWidth = DisplayWidth.of(flag.text)
        let oneOfficer = oneOfficer ?? (state.doc?.filters.officer != nil)
        let officerWidth = oneOfficer ? 0 : width >= 64 ? (width >= 90 ? 12 : 7) : 0
        let indent = "   "
        // indent, status, unsaved mark, text, officers, due, overdue flag, right margin
        let fixed = DisplayWidth.of(indent) + statusWidth + 2 + 1 + (officerWidth > 0 ? officerWidth + 1 : 0) + dueWidth + 1 + flagWidth + 1
        let textWidth = max(1, width - fixed)
        var line: StyledLine = [Span(indent)]
        var status = Labels.statusSpan(target.status, g)
        status.text = DisplayWidth.pad(status.text, to: statusWidth)
        line.append(status)
        line.append(Span(unsaved ? (g == .unicode ? "✎ " : "* ") : "  ", Style(bold: true, role: .error)))
        line.append(Span(DisplayWidth.pad(state.clean(target.text), to: textWidth) + " "))
        if officerWidth > 0 {
            let officers = state.clean(target.leadOfficers.joined(separator: "/"))
            line.append(Span(DisplayWidth.pad(officers, to: officerWidth) + " ", Style(role: .accent)))
        }
        line.append(Span(DisplayWidth.pad(state.clean(Labels.dueShort(target)), to: dueWidth) + " ", overdue ? Style(role: .overdue) : .dimmed))
        if overdue {
            line.append(flag)
        } else {
            line.append(Span(String(repeating: " ", count: flagWidth)))
        }
        return line
    }
}
