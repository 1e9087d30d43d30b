import ActionPlanCore

/// The title bar's "also open by …" text.
extension AppState {
    /// The right of a plan's title bar: "also open by …" before the as-at text, shortened to fit in
    /// two thirds of the width (fewer names, then without the as-at text).
    func titleBarRight(_ asAt: String, width: Int) -> String {
        guard alsoOpenBy() != nil else { return asAt }
        let room = width * 2 / 3 - 1
        let separator = glyphs == .unicode ? " · " : " - "
        for names in [2, 1] {
            let text = alsoOpenBy(maxNames: names)! + separator + asAt
            if DisplayWidth.of(text) <= room { return text }
        }
        return DisplayWidth.truncate(alsoOpenBy(maxNames: 1)!, to: room)
    }

    /// "also open by jo@host, sam@pc2 +1" for the title bar; nil when no one else has the plan open.
    func alsoOpenBy(maxNames: Int = 2) -> String? {
        guard let others = doc?.othersOpen, !others.isEmpty else { return nil }
        var text = "also open by " + others.prefix(maxNames).map(clean).joined(separator: ", ")
        if others.count > maxNames { text += " +\(others.count - maxNames)" }
        return text
    }
}
