import ActionPlanCore

/// Pasted text goes in as text, never as keys: a paste of two paragraphs from an e-mail must not
/// save at its first line break and run the rest as status keys (issue 12).
extension AppState {
    mutating func pasted(_ raw: String) {
        switch mode {
        case .editing(var session):
            session.editor.insert(Paste.cleaned(raw, keepNewlines: true))
            mode = .editing(session)
        case .searching(var editor):
            editor.insert(Paste.cleaned(raw, keepNewlines: false))
            mode = .searching(editor)
        case .officerPicker(var picker):
            picker.query.insert(Paste.cleaned(raw, keepNewlines: false))
            picker.selection = 0
            mode = .officerPicker(picker)
        default:
            let onTargets = (screen == .plan && doc != nil) || (screen == .myTargets && myTargets?.cursor != nil)
            let what = onTargets ? "press c to edit the comment (or f the forecast) first" : "open a plan and press c to edit a comment first"
            message = Message("Paste ignored — \(what); nothing was changed")
        }
    }
}

enum Paste {
    /// The pasted text with its line ends made "\n" (or spaces, for a one-line field), tabs made
    /// spaces, and every other control, escape, C1 and bidi character dropped.
    static func cleaned(_ raw: String, keepNewlines: Bool) -> String {
        var out = String.UnicodeScalarView()
        var afterCR = false
        for s in raw.unicodeScalars {
            defer { afterCR = s == "\r" }
            switch s {
            case "\r": out.append(keepNewlines ? "\n" : " ")
            case "\n": if !afterCR { out.append(keepNewlines ? "\n" : " ") }
            case "\t": out.append(" ")
            default: if !Sanitizer.needsReplacement(s) { out.append(s) }
            }
        }
        return String(out)
    }
}
