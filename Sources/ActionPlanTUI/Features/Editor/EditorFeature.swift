import ActionPlanCore

/// The comment and forecast editor: its own state (the text being typed, and what it replaces) and
/// its own keys (`KeyMap.editor`). It never saves anything itself: it tells whoever opened it that
/// the text is to be saved or dropped, and the tree or the meeting decides what that means.
public struct EditSession: Sendable, Equatable {
    public var targetID: String
    public var field: TargetField
    public var original: String
    public var editor: LineEditor

    public init(targetID: String, field: TargetField, original: String, editor: LineEditor) {
        self.targetID = targetID
        self.field = field
        self.original = original
        self.editor = editor
    }

    /// What a key in the editor comes to.
    public enum Output: Sendable, Equatable {
        /// Still typing.
        case editing
        /// Enter: save this text.
        case save(String)
        /// Esc: leave without saving.
        case cancel
    }

    public mutating func handle(_ input: KeyInput) -> Output {
        switch input {
        case .command(.editExternal): return .editing // the app asks for the external editor (ExternalEditor.swift)
        case .command(.editSave): return .save(editor.text)
        case .command(.editCancel): return .cancel
        case .command(.editNewline): editor.insertNewline()
        default: editor.apply(input)
        }
        return .editing
    }
}

extension LineEditor {
    /// A typed character or one of the text-editing commands shared by the editor and every prompt
    /// (`KeyBinding.Context.textEditing`). Returns false for anything else.
    @discardableResult
    public mutating func apply(_ input: KeyInput) -> Bool {
        switch input {
        case .typed(let c): insert(c)
        case .command(.editLeft): left()
        case .command(.editRight): right()
        case .command(.editHome): home()
        case .command(.editEnd): end()
        case .command(.editBackspace): backspace()
        case .command(.editDelete): delete()
        default: return false
        }
        return true
    }
}

/// The tree's use of the editor: opening it on the selected target, and saving what it returns.
extension AppState {
    mutating func startEditing(_ field: TargetField, _ command: Command) {
        guard let target = doc?.selectedTarget else {
            message = Message("\(KeyTable.keys(for: command)) edits a target's \(field.rawValue); this is \(cursorKind): move to one of its targets")
            return
        }
        let value = target.value(of: field)
        mode = .editing(EditSession(targetID: target.id, field: field, original: value, editor: LineEditor(value)))
    }

    /// A key while the editor is open: to the editor; when it closes, to the meeting (if one is on)
    /// or the tree.
    mutating func editorInput(_ input: KeyInput, session: EditSession, _ fx: inout [Effect]) {
        if case .command(.editExternal) = input {
            fx.append(.externalEdit(session))
            return
        }
        var s = session
        let output = s.handle(input)
        guard output != .editing else {
            mode = .editing(s)
            return
        }
        mode = .normal
        if screen == .myTargets {
            myTargetsEditorClosed(s, output, &fx)
            return
        }
        if let m = activeMeeting, let context = meetingContext {
            var meeting = m
            let requests = meeting.editorClosed(s, output, context)
            self.meeting = meeting
            if let requests {
                perform(requests, &fx)
                return
            }
        }
        let before = doc?.plan.target(id: s.targetID)?.value(of: s.field)
        finishEdit(s, output, &fx)
        if let after = doc?.plan.target(id: s.targetID)?.value(of: s.field), after != before {
            meeting?.edited(s.targetID)
        }
    }

    /// The editor closed in the tree: save the text (when it changed) or say nothing changed.
    mutating func finishEdit(_ s: EditSession, _ output: EditSession.Output, _ fx: inout [Effect]) {
        switch output {
        case .save(let text):
            if doc?.plan.target(id: s.targetID) == nil {
                message = Message("Target \(s.targetID) is no longer in the plan (someone removed it); nothing saved", isError: true)
            } else if text == s.original {
                message = Message("\(s.field == .comment ? "Comment" : "Forecast") unchanged")
            } else {
                change(s.targetID, s.field, to: text, &fx)
                message = Message("\(s.targetID): \(s.field.rawValue) \(text.isEmpty ? "cleared" : "set")")
            }
        case .cancel:
            message = Message("Edit cancelled; nothing changed")
        case .editing:
            break
        }
    }
}
