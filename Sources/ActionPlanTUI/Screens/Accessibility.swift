import ActionPlanCore

/// How the screen looks: `--theme` (the `theme` setting).
public enum Theme: String, Sendable, CaseIterable {
    case standard = "default"
    /// No dim text anywhere; status colours in bold. For low vision and washed-out screens.
    case highContrast = "high-contrast"
    /// High contrast, and the meeting screen gives the Key Issue and objective in full (wrapped).
    case projector

    /// Dim text (ESC[2m) is unreadable on a projector: these themes never use it.
    var avoidsDim: Bool { self != .standard }
}

/// What the theme and screen-reader mode do to a finished grid. Done once, after every screen has
/// drawn, so each screen keeps one way of drawing and these modes cannot be forgotten by one of them.
enum Accessibility {
    static func apply(_ options: AppOptions, to grid: inout Grid) {
        if options.theme.avoidsDim {
            grid.restyleAll { style in
                if style.dim || style.role == .dim {
                    style.dim = false
                    if style.role == .dim { style.role = nil }
                }
                if let role = style.role, [.met, .notMet, .partial, .overdue, .error].contains(role) { style.bold = true }
            }
        }
        if options.screenReader { grid.removeDecoration() }
    }
}

extension Grid {
    /// Changes the style of every cell.
    mutating func restyleAll(_ change: (inout Style) -> Void) {
        for r in 0..<height { restyle(row: r, change) }
    }

    /// Screen-reader mode: box lines, dividers, bar charts and scroll arrows become spaces, so a screen
    /// reader reads words, not "box drawings light horizontal" (what they said is on screen as text:
    /// "25% met of 4", "▼ more" keeps its word).
    mutating func removeDecoration() {
        for r in 0..<height {
            for c in 0..<width {
                let cell = rows[r][c]
                guard cell.width == 1, let scalar = cell.text.unicodeScalars.first, cell.text.unicodeScalars.count == 1 else { continue }
                if Grid.isDecoration(scalar) { setBlank(row: r, column: c) }
            }
        }
    }

    static func isDecoration(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2500...0x259F: return true // box drawing, block elements (bars)
        // Strip cells and scroll arrows; ▸/▾ stay: they say whether a Key Issue is open.
        case 0x25A0, 0x25A1, 0x25A3, 0x25B2, 0x25BC: return true
        default: return false
        }
    }
}
