import ActionPlanCore

/// My targets: per plan a heading (title, the officer's tallies there), then the officer's targets as
/// the tree shows them (symbol and word for the status, the overdue flag); the selected target's
/// details below (or beside, when wide), its text in full.
enum MyTargetsScreen {
    static func header(_ state: AppState, view: MyTargets, layout: Layout, into grid: inout Grid) {
        let w = layout.size.width
        let g = state.glyphs
        let bar = Style(bold: true, reverse: true, role: .header)
        grid.fill(row: 0, style: bar)
        let right = "overdue as of \(state.options.asOf) "
        let title = " My targets: " + state.clean(view.officer)
        let rightWidth = DisplayWidth.of(right)
        let fitsRight = DisplayWidth.of(title) + 2 + rightWidth <= w
        grid.put(DisplayWidth.truncate(title, to: fitsRight ? w - rightWidth - 1 : w), row: 0, column: 0, style: bar)
        if fitsRight { grid.put(right, row: 0, column: w - rightWidth, style: bar) }

        let asOf = state.options.asOf
        let tally = view.tally(asOf: asOf)
        let plans = Set(view.items(asOf: asOf).map(\.planID)).count
        var line: StyledLine = [Span(" ")] + Labels.tally(tally, g)
        line.append(Span("  (\(tally.total) in \(plans) plan\(plans == 1 ? "" : "s"))", .dimmed))
        grid.draw(line, row: 1, column: 0, width: w)

        let sep = Span(Labels.separator(g), .dimmed)
        var crumb: StyledLine = [Span(" "), Span("Plans", .dimmed), sep, Span("My targets", .dimmed)]
        if let c = view.cursor, let p = view.docIndex(c.planID) {
            crumb += [sep, Span(DisplayWidth.truncate(state.clean(view.docs[p].plan.title), to: max(12, w / 3)), .dimmed),
                      sep, Span("Target \(state.clean(c.targetID))", .bold)]
        }
        var filter: StyledLine = []
        if view.overdueOnly { filter = [Span("Filter: overdue", Style(bold: true, role: .accent)), Span(" (! clears)", .dimmed)] }
        let filterWidth = Header.width(of: filter)
        grid.draw(crumb, row: 2, column: 0, width: max(0, w - filterWidth - 1))
        if !filter.isEmpty { grid.draw(filter, row: 2, column: w - filterWidth - 1, width: filterWidth) }
    }

    static func draw(_ state: AppState, view: MyTargets, layout: Layout, into grid: inout Grid) {
        let asOf = state.options.asOf
        let rows = view.rows(asOf: asOf)
        guard !rows.isEmpty else { return empty(state, view: view, rect: layout.body, into: &grid) }
        let rect = layout.tree
        let cursorIndex = rows.firstIndex { $0.item != nil && $0.item == view.cursor }
        // The scroll kept by update, corrected here for the size drawn (pure: same state, same grid).
        var first = min(view.scroll, max(0, rows.count - rect.height))
        if let c = cursorIndex {
            let top = c > 0 && rows[c - 1].item == nil ? c - 1 : c
            if top < first { first = top }
            if c >= first + rect.height { first = c - rect.height + 1 }
        }
        for (n, row) in rows[first..<min(rows.count, first + rect.height)].enumerated() {
            let y = rect.row + n
            switch row {
            case .heading(let p):
                let d = view.docs[p]
                let tally = view.tally(plan: p, asOf: asOf)
                grid.draw(TreePane.branchLine(prefix: "", label: "", text: state.clean(d.plan.title) + " (\(state.clean(d.id)))",
                                              tally: tally, width: rect.width, style: .bold, state.glyphs),
                          row: y, column: rect.column, width: rect.width)
            case .target(let item, let p):
                guard let target = view.docs[p].plan.target(id: item.targetID) else { continue }
                let unsaved = view.docs[p].pending.contains { $0.targetID == item.targetID }
                grid.draw(TreePane.targetLine(target, state: state, width: rect.width, unsaved: unsaved, oneOfficer: true),
                          row: y, column: rect.column, width: rect.width)
                if first + n == cursorIndex {
                    grid.restyle(row: y, from: rect.column, to: rect.column + rect.width) { $0.reverse = true }
                    grid.focus = (y, rect.column)
                }
            }
        }
        if rows.count > rect.height, rect.width > 0 {
            let u = state.glyphs == .unicode
            if first > 0 { grid.put(u ? "▲" : "^", row: rect.row, column: rect.column + rect.width - 1, style: .dimmed) }
            if first + rect.height < rows.count { grid.put(u ? "▼" : "v", row: rect.bottom - 1, column: rect.column + rect.width - 1, style: .dimmed) }
        }
        PlanScreen.drawDivider(state, layout: layout, detailFocused: false, into: &grid)
        details(state, view: view, rect: layout.detail, into: &grid)
    }

    /// The tree's detail pane, drawn for the selected target's plan (a copy of the state with that
    /// plan as the open one: the pane reads the open plan, and this way it has one way of drawing).
    static func details(_ state: AppState, view: MyTargets, rect: Rect, into grid: inout Grid) {
        guard let c = view.cursor, let p = view.docIndex(c.planID) else { return }
        var d = view.docs[p]
        d.cursor = .target(c.targetID)
        d.focus = .tree
        d.detailScroll = 0
        var shown = state
        shown.doc = d
        DetailPane.draw(shown, doc: d, rect: rect, title: "Target \(state.clean(c.targetID)) of \(state.clean(c.planID))",
                        hint: "  Enter opens it in its plan", into: &grid)
    }

    /// Nobody matched (or nothing is overdue): say so, with close names, and how to go on.
    static func empty(_ state: AppState, view: MyTargets, rect: Rect, into grid: inout Grid) {
        var lines: [(String, Style)] = []
        let name = state.clean(view.officer)
        if view.overdueOnly {
            lines.append(("None of the targets led by “\(name)” is overdue.", .bold))
            lines.append(("! shows them all.", .plain))
        } else {
            lines.append(("No target in any plan is led by “\(name)”.", .bold))
            let close = OfficerSuggestion.suggestions(for: view.officer, among: view.officers().map(\.name))
            if !close.isEmpty {
                lines.append(("Did you mean " + close.map { "“\(state.clean($0))”" }.joined(separator: " or ") + "?", .plain))
            }
            let plans = view.docs.count
            lines.append(("(\(plans) plan\(plans == 1 ? "" : "s") looked at; names match whole words, any case.)", .dimmed))
        }
        lines.append(("o chooses another officer · q goes back to the plans list", .dimmed))
        var y = rect.row + 1
        for (text, style) in lines {
            for l in Wrap.lines(text, width: max(1, rect.width - 4)) where y < rect.bottom {
                grid.put(l, row: y, column: rect.column + 2, style: style, maxWidth: rect.width - 4)
                y += 1
            }
        }
        grid.focus = (rect.row + 1, rect.column + 2)
    }
}
