import ActionPlanCore

/// The offer to restore text that was in the editor when an earlier session ended: which target
/// and field, who typed it and when, the text itself, and the keys.
enum RecoveryOverlay {
    static let keysLine = "Enter or r restores it into the editor · d discards it · Esc decides later"
    /// The status bar's shorter form.
    static let statusLine = "Enter/r restore · d discard · Esc later"

    static func draw(_ state: AppState, offer: EditRecovery, layout: Layout, into grid: inout Grid) {
        let body = layout.body
        let width = min(84, layout.size.width - 2)
        let inner = width - 4
        let target = state.doc?.plan.target(id: offer.targetID)
        let field = offer.field == .comment ? "Comment" : "Forecast"
        var head: [(String, Style)] = []
        let targetText = target.map { state.clean($0.text) } ?? "(no longer in the plan: it cannot be restored)"
        head.append(("Target \(state.clean(offer.targetID)): " + targetText, .bold))
        var byline = "\(field), typed"
        if !offer.who.isEmpty { byline += " by \(state.clean(offer.who))" }
        if !offer.when.isEmpty { byline += " at \(state.clean(offer.when))" }
        byline += " (not saved)"
        head.append((byline, .dimmed))
        let keys = state.glyphs == .unicode ? keysLine : keysLine.replacing(" · ", with: ", ")
        let keyLines = Wrap.lines(keys, width: max(1, inner))
        // Box edges, the two heading lines, blank lines around the text, the keys.
        let fixed = 2 + head.count + 2 + keyLines.count
        let textRoom = max(1, min(10, body.height - fixed))
        let text = offer.text.isEmpty ? "(empty: the \(field.lowercased()) was being cleared)" : state.clean(offer.text)
        let lines = Wrap.lines(text, width: max(1, inner - 2), limit: textRoom)
        let height = min(body.height, fixed + lines.count)
        let rect = Rect(row: body.row + max(0, (body.height - height) / 2), column: (layout.size.width - width) / 2,
                        width: width, height: height)
        grid.box(rect, title: "Unsaved text from an earlier session", glyphs: state.glyphs, style: Style(role: .accent))
        let x = rect.column + 2
        var y = rect.row + 1
        grid.focus = (y, x)
        for (line, style) in head where y < rect.bottom - 1 {
            grid.put(DisplayWidth.truncate(line, to: inner), row: y, column: x, style: style, maxWidth: inner)
            y += 1
        }
        y += 1
        for line in lines where y < rect.bottom - 1 - keyLines.count {
            grid.put(line, row: y, column: x + 2, maxWidth: inner - 2)
            y += 1
        }
        y = rect.bottom - 1 - keyLines.count
        for line in keyLines where y < rect.bottom - 1 {
            grid.put(line, row: y, column: x, style: Style(bold: true, role: .accent), maxWidth: inner)
            y += 1
        }
    }
}
