/// One history entry in words, the same in `history`, `show` and the UI's detail pane: a field change as
/// `"old" → "new"`, and the structural entries as what happened (`added at o1 #2`, `moved o2 #2 → o1 #1`,
/// `removed from k1 #1: "…" (2 targets)`). Text from the file is cleaned for the terminal by the caller's
/// output (TextTable, Glyphs.clean) as every other value is.
public enum HistoryText {
    public static func describe(_ e: HistoryEntry, glyphs: Glyphs) -> String {
        let note = e.note.map { " (\($0))" } ?? ""
        switch e.action {
        case nil:
            return HistoryOutput.change(e, glyphs: glyphs)
        case .added?:
            return "added" + (e.to.map { " at \($0)" } ?? "") + note
        case .moved?:
            return "moved " + glyphs.change(e.from?.description ?? "?", e.to?.description ?? "?") + note
        case .restored?:
            return "put back" + (e.to.map { " at \($0)" } ?? "") + note
        case .removed?:
            var s = "removed" + (e.from.map { " from \($0)" } ?? "")
            if !e.old.isEmpty { s += ": \"\(e.old)\"" }
            if let r = e.removed, r.kind != .target { s += " (with \(r.targetCount) target\(r.targetCount == 1 ? "" : "s"))" }
            return s + note
        case .notApplied?:
            var s = e.field.map { glyphs.change($0.rawValue, HistoryOutput.shown(e, e.new, glyphs: glyphs)) } ?? ""
            if let r = e.removed { s = "\(r.kind.name) \"\(ChangeText.text(of: r))\"" }
            return s + note
        }
    }
}

enum ChangeText {
    static func text(of item: RemovedItem) -> String {
        switch item {
        case .keyIssue(let k): return k.title
        case .objective(let o): return o.text
        case .target(let t): return t.text
        }
    }
}
