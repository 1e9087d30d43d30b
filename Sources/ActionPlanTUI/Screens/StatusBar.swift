import ActionPlanCore

/// The bottom line: the last message or save error on the left; save state and `? help` on the right.
/// While searching it is the search prompt; while editing it lists the editor's keys.
enum StatusBar {
    static func draw(_ state: AppState, layout: Layout, into grid: inout Grid) {
        let row = layout.statusRow
        let w = layout.size.width
        let bar = Style(reverse: true)
        grid.fill(row: row, style: bar)
        let g = state.glyphs

        var right: StyledLine = []
        if let doc = state.doc, state.screen == .plan {
            if !doc.pending.isEmpty {
                right.append(Span(g == .unicode ? " ✎ unsaved (w retries) " : " * unsaved (w retries) ", Style(bold: true, reverse: true, role: .error)))
            } else if let saved = state.lastSaved {
                right.append(Span(" Saved \(saved) ", bar))
            }
        }
        right.append(Span(" ? help ", Style(bold: true, reverse: true)))
        let rightWidth = right.reduce(0) { $0 + DisplayWidth.of($1.text) }
        let leftWidth = max(0, w - rightWidth)

        switch state.mode {
        case .searching(let editor):
            let text = state.clean(editor.text)
            grid.put("/" + text, row: row, column: 0, style: bar, maxWidth: leftWidth)
            let before = state.clean(String(editor.characters.prefix(editor.cursor)))
            grid.cursor = (row, min(leftWidth - 1, 1 + DisplayWidth.of(before)))
            grid.put("  Enter finds · Esc cancels", row: row, column: min(leftWidth, 2 + DisplayWidth.of(text)), style: Style(reverse: true, dim: true),
                     maxWidth: max(0, leftWidth - 2 - DisplayWidth.of(text)))
        case .editing:
            grid.put(" Enter saves · Esc cancels · Alt-Enter or Ctrl-J new line", row: row, column: 0, style: bar, maxWidth: leftWidth)
        case .recoveryOffer where state.message == nil:
            grid.put(" " + (g == .unicode ? RecoveryOverlay.statusLine : RecoveryOverlay.statusLine.replacing(" · ", with: ", ")),
                     row: row, column: 0, style: bar, maxWidth: leftWidth)
        case .itemForm, .confirmRemove:
            grid.put(" " + state.clean(state.message?.text ?? TreeEditOverlays.hint(state)), row: row, column: 0,
                     style: state.message?.isError == true ? Style(bold: true, reverse: true, role: .error) : bar, maxWidth: leftWidth)
        case .officerPicker:
            grid.put(g == .unicode ? " Type to narrow · ↑/↓ choose · Enter applies · Esc cancels" : " Type to narrow, Up/Down choose, Enter applies, Esc cancels",
                     row: row, column: 0, style: bar, maxWidth: leftWidth)
        default:
            if let m = state.message {
                grid.put(" " + state.clean(m.text), row: row, column: 0, style: m.isError ? Style(bold: true, reverse: true, role: .error) : bar, maxWidth: leftWidth)
            } else if let problem = state.doc?.diskProblem, state.screen == .plan {
                grid.put(" The plan file on disk cannot be read: showing the last good version (" + state.clean(problem.reason) + ")",
                         row: row, column: 0, style: Style(bold: true, reverse: true, role: .error), maxWidth: leftWidth)
            } else if let error = state.saveError, let doc = state.doc, !doc.pending.isEmpty {
                grid.put(" Save failed: " + state.clean(error), row: row, column: 0, style: Style(bold: true, reverse: true, role: .error), maxWidth: leftWidth)
            } else if let hint = MeetingScreen.statusHint(state) {
                grid.put(" " + hint, row: row, column: 0, style: Style(reverse: true, dim: true), maxWidth: leftWidth)
            } else if state.screen == .plans {
                grid.put(" Enter opens a plan · q quits", row: row, column: 0, style: bar, maxWidth: leftWidth)
            } else {
                grid.put(" m met · x not met · p partly · c comment · f forecast · u undo · / search · o officer · q back",
                         row: row, column: 0, style: Style(reverse: true, dim: true), maxWidth: leftWidth)
            }
        }
        var x = leftWidth
        for span in right { x += grid.put(span.text, row: row, column: x, style: span.style) }
    }
}
