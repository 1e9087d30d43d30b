import ActionPlanCore

/// Boxes drawn over the plan: the comment/forecast editor and the filter pickers.
enum Overlays {
    static func editor(_ state: AppState, session: EditSession, layout: Layout, into grid: inout Grid) {
        let body = layout.body
        let height = min(body.height, max(7, body.height / 2))
        let rect = Rect(row: body.bottom - height, column: 0, width: layout.size.width, height: height)
        let name = session.field == .comment ? "Comment" : "Forecast"
        // In my targets the same target id may be in several plans: say which.
        let plan = state.screen == .myTargets ? state.myTargets?.editingPlan.map { " of " + state.clean($0) } ?? "" : ""
        grid.box(rect, title: "\(name) for target \(state.clean(session.targetID))\(plan)", glyphs: state.glyphs, style: Style(role: .accent))
        let inner = Rect(row: rect.row + 1, column: rect.column + 2, width: rect.width - 4, height: rect.height - 3)
        if session.field == .forecast, inner.height > 3 {
            grid.put("Expected to be met? If so, when; if not, why not?", row: rect.row + rect.height - 2,
                     column: inner.column, style: .dimmed, maxWidth: inner.width)
        }
        let laid = session.editor.layout(width: max(1, inner.width))
        let first = max(0, laid.cursorRow - inner.height + 1)
        for (n, line) in laid.lines.dropFirst(first).prefix(inner.height).enumerated() {
            grid.put(state.glyphs == .ascii ? state.glyphs.clean(line) : line, row: inner.row + n, column: inner.column, maxWidth: inner.width)
        }
        grid.cursor = (inner.row + laid.cursorRow - first, inner.column + laid.cursorColumn)
    }

    static func pickerRect(_ layout: Layout, rows: Int) -> Rect {
        let body = layout.body
        let width = min(56, layout.size.width - 4)
        let height = min(body.height, rows + 2)
        return Rect(row: body.row + max(0, (body.height - height) / 2), column: (layout.size.width - width) / 2, width: width, height: height)
    }

    static func officerPicker(_ state: AppState, picker: OfficerPicker, layout: Layout, into grid: inout Grid) {
        let officers = picker.matches(in: state.pickerOfficers())
        let rect = pickerRect(layout, rows: officers.count + 3)
        // On the plans list and in my targets it chooses whose targets to show, from every plan.
        let forMyTargets = state.screen != .plan
        grid.box(rect, title: forMyTargets ? "My targets: whose? (every plan)" : "Officer filter", glyphs: state.glyphs, style: Style(role: .accent))
        let x = rect.column + 2, w = rect.width - 4
        let typed = state.clean(picker.query.text)
        grid.put("Name: ", row: rect.row + 1, column: x, style: .bold)
        grid.put(typed, row: rect.row + 1, column: x + 6, maxWidth: w - 6)
        let beforeCursor = state.clean(String(picker.query.characters.prefix(picker.query.cursor)))
        grid.cursor = (rect.row + 1, min(x + 6 + DisplayWidth.of(beforeCursor), rect.column + rect.width - 2))
        let listHeight = rect.height - 3
        let first = forMyTargets ? "Type a name, or choose one below" : "All officers (no officer filter)"
        var entries: [String] = [typed.isEmpty ? first : "Officers matching “\(typed)” (whole words)"]
        entries += officers.map { "\(state.clean($0.name))  (\($0.count))" }
        let top = max(0, picker.selection - listHeight + 1)
        for (n, entry) in entries.dropFirst(top).prefix(listHeight).enumerated() {
            let y = rect.row + 2 + n
            let selected = top + n == picker.selection
            grid.put(DisplayWidth.pad(" " + entry, to: w), row: y, column: x, style: selected ? .reverse : .plain, maxWidth: w)
        }
        if entries.count == 1 && !typed.isEmpty && listHeight > 1 {
            grid.put("No officer name contains that", row: rect.row + 3, column: x, style: .dimmed, maxWidth: w)
        }
    }

    static func statusPicker(_ state: AppState, picker: StatusPicker, layout: Layout, into grid: inout Grid) {
        let rect = pickerRect(layout, rows: StatusPicker.order.count + 3)
        grid.box(rect, title: "Status filter", glyphs: state.glyphs, style: Style(role: .accent))
        let x = rect.column + 2, w = rect.width - 4
        let u = state.glyphs == .unicode
        let entries: [(String, Bool, Style)] = [("Any status (no status filter)", picker.ticked.isEmpty, .plain)]
            + StatusPicker.order.map { (state.glyphs.label($0), picker.ticked.contains($0), Style(role: Labels.role($0))) }
        for (n, e) in entries.enumerated() where n < rect.height - 3 {
            let box = e.1 ? (u ? "☑ " : "[x] ") : (u ? "☐ " : "[ ] ")
            let selected = n == picker.selection
            var style = e.2
            if selected { style.reverse = true; grid.focus = (rect.row + 1 + n, x) }
            grid.put(DisplayWidth.pad(" " + box + e.0, to: w), row: rect.row + 1 + n, column: x, style: style, maxWidth: w)
        }
        grid.put("Space ticks · Enter applies · Esc cancels", row: rect.bottom - 2, column: x, style: .dimmed, maxWidth: w)
    }
}
