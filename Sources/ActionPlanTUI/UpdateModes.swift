import ActionPlanCore

extension StatusPicker {
    /// The order the status picker lists statuses in (after "Any status").
    public static let order: [Status] = [.met, .partiallyMet, .notMet, .notAssessed]
}

extension OfficerPicker {
    /// Officers whose name contains the typed text (any case).
    public func matches(in officers: [(name: String, count: Int)]) -> [(name: String, count: Int)] {
        let q = query.text.lowercased()
        if q.isEmpty { return officers }
        return officers.filter { $0.name.lowercased().contains(q) }
    }
}

/// Keys in the help screen, the editor, the search prompt and the filter pickers.
extension AppState {
    mutating func helpKey(_ key: Key, scroll: Int) {
        let total = KeyTable.helpLines(width: size.width).count
        let page = max(1, Layout(size).body.height - 1)
        var s = scroll
        switch KeyTable.command(for: key) {
        case .moveUp?: s -= 1
        case .moveDown?: s += 1
        case .pageUp?: s -= page
        case .pageDown?: s += page
        case .top?: s = 0
        case .bottom?: s = total
        case .back?, .quit?, .help?, .open?:
            mode = .normal
            return
        default: break
        }
        mode = .help(scroll: max(0, min(s, max(0, total - page))))
    }

    mutating func editorKey(_ key: Key, session: EditSession, _ fx: inout [Effect]) {
        var s = session
        if case .char(let c) = key {
            s.editor.insert(c)
            mode = .editing(s)
            return
        }
        switch KeyTable.editorCommand(for: key) {
        case .editSave?:
            mode = .normal
            let text = s.editor.text
            if doc?.plan.target(id: s.targetID) == nil {
                message = Message("Target \(s.targetID) is no longer in the plan (someone removed it); nothing saved", isError: true)
            } else if text == s.original {
                message = Message("\(s.field == .comment ? "Comment" : "Forecast") unchanged")
            } else {
                change(s.targetID, s.field, to: text, &fx)
                message = Message("\(s.targetID): \(s.field.rawValue) \(text.isEmpty ? "cleared" : "set")")
            }
            return
        case .editCancel?:
            mode = .normal
            message = Message("Edit cancelled; nothing changed")
            return
        case .editNewline?: s.editor.insertNewline()
        case .editLeft?: s.editor.left()
        case .editRight?: s.editor.right()
        case .editHome?: s.editor.home()
        case .editEnd?: s.editor.end()
        case .editBackspace?: s.editor.backspace()
        case .editDelete?: s.editor.delete()
        default: break
        }
        mode = .editing(s)
    }

    /// Single-line prompts share the editor's keys, without newlines.
    static func promptEdit(_ editor: inout LineEditor, _ key: Key) -> Bool {
        if case .char(let c) = key { editor.insert(c); return true }
        switch KeyTable.editorCommand(for: key) {
        case .editLeft?: editor.left()
        case .editRight?: editor.right()
        case .editHome?: editor.home()
        case .editEnd?: editor.end()
        case .editBackspace?: editor.backspace()
        case .editDelete?: editor.delete()
        default: return false
        }
        return true
    }

    mutating func searchKey(_ key: Key, editor: LineEditor) {
        var e = editor
        switch key {
        case .enter:
            mode = .normal
            let text = e.text
            doc?.search = text.isEmpty ? nil : text
            if text.isEmpty { message = Message("Search cleared"); return }
            jumpToMatch(forward: true, includeCurrent: false)
        case .escape:
            mode = .normal
        default:
            _ = AppState.promptEdit(&e, key)
            mode = .searching(e)
        }
    }

    mutating func officerPickerKey(_ key: Key, picker: OfficerPicker) {
        var p = picker
        let officers = officersInPlan()
        var shown = p.matches(in: officers)
        switch key {
        case .up: p.selection -= 1
        case .down: p.selection += 1
        case .pageUp: p.selection -= 10
        case .pageDown: p.selection += 10
        case .escape:
            mode = .normal
            return
        case .enter:
            mode = .normal
            guard var f = doc?.filters else { return }
            if p.selection == 0 {
                // The first line: what was typed (whole words, as --officer), or "All officers" when nothing was.
                let typed = trimmed(p.query.text)
                f.officer = typed.isEmpty ? nil : typed
            } else {
                f.officer = shown[p.selection - 1].name
            }
            applyFilters(f)
            return
        default:
            let before = p.query.text
            _ = AppState.promptEdit(&p.query, key)
            if p.query.text != before {
                shown = p.matches(in: officers)
                p.selection = shown.isEmpty ? 0 : 1
            }
        }
        p.selection = max(0, min(p.selection, shown.count))
        mode = .officerPicker(p)
    }

    mutating func statusPickerKey(_ key: Key, picker: StatusPicker) {
        var p = picker
        let count = StatusPicker.order.count + 1
        func toggle(_ s: Status) { if p.ticked.contains(s) { p.ticked.remove(s) } else { p.ticked.insert(s) } }
        switch key {
        case .up, .char("k"): p.selection -= 1
        case .down, .char("j"): p.selection += 1
        case .home, .char("g"): p.selection = 0
        case .end, .char("G"): p.selection = count - 1
        case .char(" "):
            if p.selection == 0 { p.ticked = [] } else { toggle(StatusPicker.order[p.selection - 1]) }
        case .char("m"): toggle(.met)
        case .char("p"): toggle(.partiallyMet)
        case .char("x"): toggle(.notMet)
        case .char("-"): toggle(.notAssessed)
        case .escape, .char("q"):
            mode = .normal
            return
        case .enter:
            mode = .normal
            guard var f = doc?.filters else { return }
            if p.ticked.isEmpty && p.selection > 0 { p.ticked = [StatusPicker.order[p.selection - 1]] }
            f.statuses = p.ticked
            applyFilters(f)
            return
        default: break
        }
        p.selection = max(0, min(p.selection, count - 1))
        mode = .statusPicker(p)
    }
}

/// Text without leading and trailing spaces.
func trimmed(_ s: String) -> String {
    var sub = Substring(s)
    while sub.first?.isWhitespace == true { sub = sub.dropFirst() }
    while sub.last?.isWhitespace == true { sub = sub.dropLast() }
    return String(sub)
}
