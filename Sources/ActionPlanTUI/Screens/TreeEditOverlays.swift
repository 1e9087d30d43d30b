import ActionPlanCore

/// The add/edit form and "Remove …?", drawn over the tree or the meeting in the style of the
/// review prompts.
enum TreeEditOverlays {
    /// Completions shown under the lead-officers field at most.
    static let completionRows = 4

    static func rect(_ layout: Layout, rows: Int) -> Rect {
        let body = layout.body
        let width = min(72, layout.size.width - 4)
        let height = min(body.height, rows + 2)
        return Rect(row: body.row + max(0, (body.height - height) / 2), column: (layout.size.width - width) / 2, width: width, height: height)
    }

    /// Rows a field takes: a text field up to three wrapped lines, the lead officers its completion
    /// list while focused, the time scale a line with the due date it gives.
    static func rows(of field: ItemForm.Field, focused: Bool, completions: Int) -> Int {
        switch field.kind {
        case .text: return 3
        case .officers: return 1 + (focused ? min(completionRows, max(1, completions)) : 0)
        case .timescale: return 2
        }
    }

    static func form(_ state: AppState, form: ItemForm, layout: Layout, into grid: inout Grid) {
        let officers = state.officersInPlan().map(\.name)
        let completions = form.completions(from: officers)
        var needed = 3 // the error or purpose line, the keys line, a blank
        for (n, f) in form.fields.enumerated() { needed += rows(of: f, focused: n == form.focus, completions: completions.count) }
        let r = rect(layout, rows: needed)
        grid.box(r, title: state.clean(form.title), glyphs: state.glyphs, style: Style(role: .accent))
        let x = r.column + 2, w = r.width - 4
        let labelWidth = 12
        let fieldWidth = max(1, w - labelWidth)
        var y = r.row + 1
        let u = state.glyphs == .unicode
        for (n, field) in form.fields.enumerated() where y < r.bottom - 2 {
            let focused = n == form.focus
            grid.put(field.label, row: y, column: x, style: focused ? .bold : .plain, maxWidth: labelWidth - 1)
            switch field.kind {
            case .text:
                let laid = field.editor.layout(width: fieldWidth)
                let first = max(0, laid.cursorRow - 2)
                for k in 0..<3 where y + k < r.bottom - 2 {
                    grid.fill(row: y + k, from: x + labelWidth, to: x + labelWidth + fieldWidth, style: Style(underline: true))
                    let i = first + k
                    if i < laid.lines.count {
                        let line = u ? laid.lines[i] : state.glyphs.clean(laid.lines[i])
                        grid.put(line, row: y + k, column: x + labelWidth, style: Style(underline: true), maxWidth: fieldWidth)
                    }
                }
                if focused { grid.cursor = (y + laid.cursorRow - first, x + labelWidth + laid.cursorColumn) }
                y += 3
            case .officers, .timescale:
                line(state, field.editor, row: y, column: x + labelWidth, width: fieldWidth, focused: focused,
                     placeholder: field.kind == .officers ? "names, ; between them" : "e.g. Sept 26, Quarterly, Ongoing", into: &grid)
                y += 1
                if field.kind == .timescale {
                    let preview = ItemForm.timescalePreview(field.editor.text)
                    grid.put((u ? "→ " : "-> ") + state.clean(preview.text), row: y, column: x + labelWidth,
                             style: preview.readable ? .dimmed : Style(bold: true, role: .error), maxWidth: fieldWidth)
                    y += 1
                } else if focused {
                    if completions.isEmpty {
                        grid.put(officers.isEmpty ? "No officers in this plan yet" : "No officer of this plan matches",
                                 row: y, column: x + labelWidth, style: .dimmed, maxWidth: fieldWidth)
                        y += 1
                    } else {
                        let first = max(0, form.completion - completionRows)
                        for (k, name) in completions.dropFirst(first).prefix(completionRows).enumerated() {
                            let chosen = first + k + 1 == form.completion
                            let mark = chosen ? (u ? "▸ " : "> ") : "  "
                            grid.put(DisplayWidth.pad(mark + state.clean(name), to: fieldWidth), row: y, column: x + labelWidth,
                                     style: chosen ? .reverse : .dimmed, maxWidth: fieldWidth)
                            y += 1
                        }
                    }
                }
            }
        }
        if let error = form.error {
            grid.put(state.clean(error), row: r.bottom - 3, column: x, style: Style(bold: true, role: .error), maxWidth: w)
        }
        let arrows = u ? "↓/↑" : "Down/Up"
        let keys = form.focused.kind == .officers
            ? "\(arrows) choose an officer · Enter puts it in, or saves · Esc cancels"
            : (form.fields.count > 1 ? "Tab next field · Enter saves · Esc cancels" : "Enter saves · Esc cancels")
        grid.put(keys, row: r.bottom - 2, column: x, style: .dimmed, maxWidth: w)
    }

    /// A one-line field that scrolls so the cursor stays in it.
    static func line(_ state: AppState, _ editor: LineEditor, row: Int, column: Int, width: Int, focused: Bool, placeholder: String,
                     into grid: inout Grid) {
        grid.fill(row: row, from: column, to: column + width, style: Style(underline: true))
        let text = state.clean(editor.text)
        if text.isEmpty {
            grid.put(placeholder, row: row, column: column, style: Style(dim: true, underline: true), maxWidth: width)
        }
        let before = state.clean(String(editor.characters.prefix(editor.cursor)))
        let shift = max(0, DisplayWidth.of(before) - width + 1)
        var shown = text
        var cut = 0
        while cut < shift, let first = shown.first { cut += DisplayWidth.of(first); shown.removeFirst() }
        grid.put(shown, row: row, column: column, style: Style(underline: true), maxWidth: width)
        if focused { grid.cursor = (row, column + min(width - 1, DisplayWidth.of(before) - cut)) }
    }

    static func confirmRemove(_ state: AppState, confirm: RemoveConfirm, layout: Layout, into grid: inout Grid) {
        let width = min(72, layout.size.width - 4) - 4
        let quoted = state.glyphs == .unicode ? "“\(state.clean(confirm.text))”" : "\"\(state.clean(confirm.text))\""
        let lines = Wrap.lines(quoted, width: max(1, width), limit: 3)
        let r = rect(layout, rows: lines.count + 4)
        grid.box(r, title: "Remove \(state.clean(confirm.name))?", glyphs: state.glyphs, style: Style(role: .error))
        let x = r.column + 2, w = r.width - 4
        var y = r.row + 1
        for line in lines where y < r.bottom - 4 {
            grid.put(line, row: y, column: x, maxWidth: w)
            y += 1
        }
        grid.put(confirm.consequence, row: r.bottom - 4, column: x, style: .bold, maxWidth: w)
        grid.put("It is recorded in the plan's history; u undoes it.", row: r.bottom - 3, column: x, style: .dimmed, maxWidth: w)
        grid.put("y removes it · n or Esc keeps it", row: r.bottom - 2, column: x, style: .bold, maxWidth: w)
        // The terminal cursor on what is asked about: the box's title line.
        grid.cursor = (r.row, r.column + 2)
    }
}

extension TreeEditOverlays {
    /// The status bar while the form or the confirmation is open.
    static func hint(_ state: AppState) -> String {
        switch state.mode {
        case .itemForm(let form):
            return form.fields.count > 1 ? "Tab next field · Enter saves · Esc cancels (nothing saved)" : "Enter saves · Esc cancels (nothing saved)"
        case .confirmRemove: return "y removes it (u undoes) · n or Esc keeps it"
        default: return ""
        }
    }
}
