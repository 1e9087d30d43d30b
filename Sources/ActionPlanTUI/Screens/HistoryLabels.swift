import ActionPlanCore

extension Labels {
    /// One history entry as the detail pane lists it, after the time and who: `status: · Not assessed →
    /// ✓ Met`, `comment: “…”`, `text: “old” → “new”`, `added at o1 #2`, `moved o1 #3 → o2 #1`,
    /// `removed “…” from o1 #2`, with the note (`(undo)`) after it.
    static func historyChange(_ h: HistoryEntry, _ g: Glyphs) -> String {
        func quoted(_ v: String, _ field: ItemField?) -> String {
            if v.isEmpty { return "(none)" }
            // Lead officers travel one name per line.
            return "“" + (field == .leadOfficers ? v.split(separator: "\n").joined(separator: ", ") : v) + "”"
        }
        var s: String
        switch h.action {
        case nil:
            s = "\(h.fieldName): "
            switch h.field {
            case .status?: s += "\(statusText(h.old, g)) → \(statusText(h.new, g))"
            case .comment?, .forecast?: s += h.new.isEmpty ? "cleared" : "“\(h.new)”"
            default: s += "\(quoted(h.old, h.field)) → \(quoted(h.new, h.field))"
            }
        case .added?: s = "added" + (h.to.map { " at \($0)" } ?? "")
        case .restored?: s = "put back" + (h.to.map { " at \($0)" } ?? "")
        case .moved?:
            s = "moved"
            if let from = h.from { s += " from \(from)" }
            if let to = h.to { s += " to \(to)" }
        case .removed?: s = "removed " + quoted(h.old, nil) + (h.from.map { " from \($0)" } ?? "")
        case .notApplied?: s = "not applied" + (h.field.map { " (\($0.rawValue): \(quoted(h.new, $0)))" } ?? "")
        }
        if let note = h.note, !note.isEmpty { s += " (\(note))" }
        return s
    }
}
