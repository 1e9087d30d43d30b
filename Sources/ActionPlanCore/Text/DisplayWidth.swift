/// How many terminal columns text takes, the way wcwidth(3) counts under a UTF-8 locale: East Asian
/// wide and fullwidth characters and emoji take 2, combining marks and format characters take 0.
/// Computed from Unicode data here rather than by calling wcwidth, whose answer depends on the
/// process locale (in the C locale it returns -1 for every non-ASCII character).
public enum DisplayWidth {
    public static func of(_ text: String) -> Int {
        // Fast path: printable ASCII is one column a byte.
        if isPlainASCII(text) { return text.utf8.count }
        // Summing scalar widths equals summing cluster widths unless the text has emoji sequences
        // (ZWJ, VS16, keycaps, skin tones, flags: all at or above U+1F000, or these three), so take the
        // much faster scalar loop when there are none.
        var total = 0
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v >= 0x1F000 || v == 0x200D || v == 0xFE0F || v == 0x20E3 {
                total = 0
                for character in text { total += of(character) }
                return total
            }
            total += of(scalar)
        }
        return total
    }

    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        var width = of(first)
        if scalars.count > 1 {
            // An emoji presentation selector or a ZWJ sequence makes the cluster one wide glyph.
            if scalars.contains(where: { $0.value == 0xFE0F || $0.value == 0x200D }) && width > 0 { width = 2 }
        }
        return width
    }

    public static func of(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        if v < 0x300 { return 1 }
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v == 0x200B { return 0 }
        if (0x1160...0x11FF).contains(v) { return 0 } // Hangul medial vowels and finals combine
        if isWide(v) { return 2 }
        return 1
    }

    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
             0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB,
             0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA,
             0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757,
             0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C, 0x2B50, 0x2B55,
             0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18AFF, 0x1B000...0x1B2FF,
             0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251, 0x1F300...0x1F64F,
             0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB, 0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF,
             0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// Cuts text to at most `width` columns, ending with `…` when something was cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        // Printable ASCII is one column a byte: cut by bytes instead of walking grapheme clusters.
        if isPlainASCII(text) {
            if text.utf8.count <= width { return text }
            return String(decoding: text.utf8.prefix(width - 1), as: UTF8.self) + "…"
        }
        if of(text) <= width { return text }
        var out = ""
        var used = 0
        for c in text {
            let w = of(c)
            if used + w > width - 1 { break }
            out.append(c)
            used += w
        }
        return out + "…"
    }

    /// Pads with spaces to exactly `width` columns (truncating first if needed).
    public static func pad(_ text: String, to width: Int) -> String {
        let t = truncate(text, to: width)
        return t + String(repeating: " ", count: max(0, width - of(t)))
    }
}
