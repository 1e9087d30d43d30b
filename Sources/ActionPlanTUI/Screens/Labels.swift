import ActionPlanCore

/// Words, symbols and styles shared by the screens.
enum Labels {
    static func role(_ status: Status) -> ColorRole {
        switch status {
        case .met: return .met
        case .notMet: return .notMet
        case .partiallyMet: return .partial
        case .notAssessed: return .notAssessed
        }
    }

    static func statusSpan(_ status: Status, _ glyphs: Glyphs) -> Span {
        Span(glyphs.label(status), Style(bold: status != .notAssessed, role: role(status)))
    }

    /// Width of the widest status label, so the tree's columns line up.
    static func statusWidth(_ glyphs: Glyphs) -> Int {
        Status.allCases.map { DisplayWidth.of(glyphs.label($0)) }.max() ?? 14
    }

    static func overdueSymbol(_ glyphs: Glyphs) -> String { glyphs == .unicode ? "⚠" : "!" }

    static func overdueSpan(_ glyphs: Glyphs) -> Span {
        Span("\(overdueSymbol(glyphs)) overdue", Style(bold: true, role: .overdue))
    }

    static func separator(_ glyphs: Glyphs) -> String { glyphs == .unicode ? " › " : " > " }

    /// "✓ 3 met  ◐ 1 partly  ✗ 2 not met  · 23 not assessed  ⚠ 4 overdue".
    static func tally(_ t: Tally, _ glyphs: Glyphs) -> StyledLine {
        var line: StyledLine = [
            Span("\(glyphs.symbol(.met)) \(t.met) met", Style(role: .met)), Span("  "),
            Span("\(glyphs.symbol(.partiallyMet)) \(t.partiallyMet) partly", Style(role: .partial)), Span("  "),
            Span("\(glyphs.symbol(.notMet)) \(t.notMet) not met", Style(role: .notMet)), Span("  "),
            Span("\(glyphs.symbol(.notAssessed)) \(t.notAssessed) not assessed", Style(role: .notAssessed)),
        ]
        line.append(Span("  "))
        line.append(Span("\(overdueSymbol(glyphs)) \(t.overdue) overdue", t.overdue > 0 ? Style(bold: true, role: .overdue) : .plain))
        return line
    }

    /// "[7/12 met]" for Key Issue and objective lines.
    static func rollUp(_ t: Tally) -> String { "[\(t.met)/\(t.total) met]" }

    /// A bar of met / partly met / the rest.
    static func progressBar(_ t: Tally, width: Int, _ glyphs: Glyphs) -> StyledLine {
        guard width > 0 else { return [] }
        let total = max(1, t.total)
        let met = t.total == 0 ? 0 : t.met * width / total
        let partly = t.total == 0 ? 0 : min(width - met, t.partiallyMet * width / total)
        let rest = width - met - partly
        let (full, half, empty) = glyphs == .unicode ? ("█", "▒", "░") : ("#", "+", ".")
        return [
            Span(String(repeating: full, count: met), Style(role: .met)),
            Span(String(repeating: half, count: partly), Style(role: .partial)),
            Span(String(repeating: empty, count: rest), Style(dim: true)),
        ]
    }

    /// A target's time scale for the tree: "Aug 2006", "ongoing", "quarterly".
    static func dueShort(_ target: Target) -> String {
        if let due = target.due { return due.shortMonthYear }
        let summary = Timescale(target.timescale).summary
        if summary == "no time scale" { return "—" }
        return summary
    }

    /// "Aug 06 — due 31 August 2006".
    static func dueLong(_ target: Target) -> String {
        let written = target.timescale.isEmpty ? "(no time scale)" : target.timescale
        if let due = target.due { return "\(written) — due \(due.longDescription)" }
        let summary = Timescale(target.timescale).summary
        if target.timescale.isEmpty || summary.lowercased() == written.lowercased() { return written }
        return "\(written) — \(summary)"
    }

    /// "2026-11-24T14:02:11Z" → "2026-11-24 14:02 UTC".
    static func historyTime(_ iso: String) -> String {
        guard iso.count >= 16, iso.contains("T") else { return iso }
        let chars = Array(iso)
        return String(chars[0..<10]) + " " + String(chars[11..<16]) + (iso.hasSuffix("Z") ? " UTC" : "")
    }

    static func statusText(_ raw: String, _ glyphs: Glyphs) -> String {
        Status(rawValue: raw).map(glyphs.label) ?? raw
    }
}
