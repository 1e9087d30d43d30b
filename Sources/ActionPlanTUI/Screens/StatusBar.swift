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

        let right = rightPart(state)
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
            grid.put(fitted(" Enter saves · Alt-Enter or Ctrl-J new line · Ctrl-X in your $EDITOR · Esc cancels", width: leftWidth),
                     row: row, column: 0, style: bar, maxWidth: leftWidth)
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
            if let (text, style) = longMessage(state) {
                message(text, style: style, row: row, leftWidth: leftWidth, width: w, into: &grid)
            } else if let hint = MeetingScreen.statusHint(state) {
                grid.put(fitted(" " + hint, width: leftWidth), row: row, column: 0, style: Style(reverse: true, dim: true), maxWidth: leftWidth)
            } else if state.screen == .plans {
                grid.put(fitted(" Enter opens a plan · o my targets · q quits", width: leftWidth), row: row, column: 0, style: bar, maxWidth: leftWidth)
            } else if state.screen == .myTargets {
                // `!` early: what is overdue is what an officer looks here for.
                grid.put(fitted(" m met · x not met · p partly · ! overdue · c comment · f forecast · u undo · o officer · Enter its plan · q back",
                                width: leftWidth), row: row, column: 0, style: Style(reverse: true, dim: true), maxWidth: leftWidth)
            } else {
                grid.put(fitted(" m met · x not met · p partly · c comment · f forecast · u undo · / search · o officer · q back", width: leftWidth),
                         row: row, column: 0, style: Style(reverse: true, dim: true), maxWidth: leftWidth)
            }
        }
        var x = leftWidth
        for span in right { x += grid.put(span.text, row: row, column: x, style: span.style) }
    }

    /// Save state and `? help`, on the right of the status row.
    static func rightPart(_ state: AppState) -> StyledLine {
        let g = state.glyphs
        let bar = Style(reverse: true)
        var right: StyledLine = []
        let unsaved = state.screen == .myTargets ? state.myTargets?.pendingCount ?? 0 : state.doc?.pending.count ?? 0
        if state.screen == .plan || state.screen == .myTargets {
            if unsaved > 0 {
                right.append(Span(g == .unicode ? " ✎ unsaved (w retries) " : " * unsaved (w retries) ", Style(bold: true, reverse: true, role: .error)))
            } else if let saved = state.lastSaved {
                right.append(Span(" Saved \(saved) ", bar))
            }
        }
        if state.sync.hasUnsynced {
            // Said in words, not by colour alone: saved here, not yet with the other machines.
            right.append(Span(g == .unicode ? " ⇅ not synced (S) " : " ~ not synced (S) ", Style(bold: true, reverse: true)))
        }
        right.append(Span(" ? help ", Style(bold: true, reverse: true)))
        return right
    }

    /// The message, disk problem or save error to show (each may wrap), with its style.
    static func longMessage(_ state: AppState) -> (String, Style)? {
        switch state.mode {
        case .searching, .editing, .officerPicker: return nil
        case .recoveryOffer where state.message == nil: return nil
        default: break
        }
        let error = Style(bold: true, reverse: true, role: .error)
        if let m = state.message { return (" " + state.clean(m.text), m.isError ? error : Style(reverse: true)) }
        if let problem = state.doc?.diskProblem, state.screen == .plan {
            return (" The plan file on disk cannot be read: showing the last good version (" + state.clean(problem.reason) + ")", error)
        }
        if let saveError = state.saveError, state.screen == .myTargets, state.myTargets?.pendingCount ?? 0 > 0 {
            return (" Save failed: " + state.clean(saveError), error)
        }
        if let saveError = state.saveError, let doc = state.doc, !doc.pending.isEmpty {
            return (" Save failed: " + state.clean(saveError), error)
        }
        return nil
    }

    /// Rows the status bar takes at this size (more than one while a long message wraps upwards):
    /// meeting mode keeps its progress strip above them.
    static func height(_ state: AppState, size: Size) -> Int {
        guard let (text, _) = longMessage(state) else { return 1 }
        let rightWidth = rightPart(state).reduce(0) { $0 + DisplayWidth.of($1.text) }
        return messageLines(text, leftWidth: max(0, size.width - rightWidth), width: size.width).count
    }

    /// Most lines a message takes: it grows up over the bottom of the screen rather than being cut.
    static let maxMessageLines = 3

    /// A message in full: wrapped at word boundaries, its last line on the status row (the one fixed
    /// line a screen reader finds it on) and the lines before it above, each the full width.
    static func message(_ text: String, style: Style, row: Int, leftWidth: Int, width: Int, into grid: inout Grid) {
        let lines = messageLines(text, leftWidth: leftWidth, width: width)
        for (k, line) in lines.enumerated() {
            let y = row - (lines.count - 1 - k)
            let last = k == lines.count - 1
            if !last { grid.fill(row: y, style: style) }
            grid.put(line, row: y, column: 0, style: style, maxWidth: last ? leftWidth : width)
        }
    }

    /// The message's lines: one when it fits beside the right-hand part; else wrapped with the
    /// earlier lines using the whole width (at most `maxMessageLines`, the last ending in …).
    static func messageLines(_ text: String, leftWidth: Int, width: Int) -> [String] {
        if DisplayWidth.of(text) <= leftWidth { return [text] }
        let body = String(text.drop { $0 == " " })
        var lines = Wrap.lines(body, width: max(1, width - 2)).map { " " + $0 }
        // The last line shares the row with the right-hand part: re-wrap what lands there.
        if let last = lines.last, DisplayWidth.of(last) > leftWidth {
            lines.removeLast()
            lines += Wrap.lines(String(last.dropFirst()), width: max(1, leftWidth - 2)).map { " " + $0 }
        }
        if lines.count > maxMessageLines {
            lines = Array(lines.prefix(maxMessageLines))
            lines[maxMessageLines - 1] = " " + DisplayWidth.truncate(String(lines[maxMessageLines - 1].dropFirst()) + " …", to: max(1, leftWidth - 1))
        }
        return lines
    }

    /// A key hint ("m met · x not met · … · q back") cut between items, never inside one: as many
    /// leading items as fit, and always the last (the way out: q back, Esc cancels); `?` lists the rest.
    static func fitted(_ hint: String, width: Int) -> String {
        if DisplayWidth.of(hint) <= width { return hint }
        var items = hint.components(separatedBy: " · ")
        let last = items.removeLast()
        var out = ""
        for item in items {
            let next = out.isEmpty ? item : out + " · " + item
            if DisplayWidth.of(next + " · " + last) > width { break }
            out = next
        }
        return out.isEmpty ? (DisplayWidth.of(items.first ?? "") <= width ? items.first ?? last : last) : out + " · " + last
    }
}
