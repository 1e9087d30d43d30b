import ActionPlanCore

extension Labels {
    /// One history entry as the detail pane lists it, after the time and who. Structural entries and
    /// most fields in the words `history` and `show` use (`HistoryText`); the review fields as the pane
    /// always showed them (`status: · Not assessed → ✓ Met`, `comment: “…”`), and lead officers on one
    /// line (`“GS, KG”`: they travel one name per line).
    static func historyChange(_ h: HistoryEntry, _ g: Glyphs) -> String {
        let note = h.note.map { $0.isEmpty ? "" : " (\($0))" } ?? ""
        guard h.action == nil, let field = h.field else { return HistoryText.describe(h, glyphs: g) }
        switch field {
        case .status: return "status: \(statusText(h.old, g)) → \(statusText(h.new, g))" + note
        case .comment, .forecast: return "\(field.rawValue): " + (h.new.isEmpty ? "cleared" : "“\(h.new)”") + note
        case .leadOfficers:
            func names(_ v: String) -> String { v.isEmpty ? "(none)" : "“" + v.split(separator: "\n").joined(separator: ", ") + "”" }
            return "leadOfficers: \(names(h.old)) → \(names(h.new))" + note
        default: return "\(field.rawValue): " + HistoryText.describe(h, glyphs: g)
        }
    }
}
