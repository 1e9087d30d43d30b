import ActionPlanCore

/// `?`: every key, generated from the KeyTable.
enum HelpScreen {
    static func draw(_ state: AppState, scroll: Int, rect: Rect, into grid: inout Grid) {
        let arrows = state.glyphs == .unicode ? "↑/↓ PgUp/PgDn" : "Up/Down PgUp/PgDn"
        grid.put(" Keys  (\(arrows) scroll · Esc, q or ? closes)", row: rect.row, column: rect.column, style: .bold, maxWidth: rect.width)
        let lines = KeyTable.helpLines(width: rect.width, ascii: state.glyphs == .ascii)
        let height = rect.height - 1
        let first = max(0, min(scroll, lines.count - height))
        grid.focus = (first == 0 ? rect.row : rect.row + 1, rect.column)
        for (n, entry) in lines.dropFirst(first).prefix(height).enumerated() {
            let text = state.glyphs == .unicode ? entry.text : state.glyphs.clean(entry.text)
            grid.put(" " + text, row: rect.row + 1 + n, column: rect.column,
                     style: entry.isHeading ? Style(bold: true, underline: true, role: .header) : .plain, maxWidth: rect.width)
        }
        if first + height < lines.count {
            grid.put(state.glyphs == .unicode ? "▼ more" : "v more", row: rect.bottom - 1, column: rect.column + rect.width - 7, style: .dimmed)
        }
    }
}
