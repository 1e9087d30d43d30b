/// Text from data files never reaches a terminal raw. Control characters (C0, DEL, C1, and so every
/// escape sequence's ESC), bidirectional overrides and invisible format characters are replaced with
/// visible placeholders, so a hostile comment cannot retitle the terminal, clear the screen or
/// reorder what an officer reads.
public enum Sanitizer {
    /// - Parameter keepNewlines: keep `\n` (multi-line comments in a wrapped view); otherwise show `⏎`.
    public static func clean(_ text: String, keepNewlines: Bool = false) -> String {
        // Fast path: plain printable text is returned as is (the common case in every list).
        if isPlainASCII(text) || !text.unicodeScalars.contains(where: needsReplacement) { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\n" && keepNewlines { out.append(scalar); continue }
            if !needsReplacement(scalar) { out.append(scalar); continue }
            out.append(contentsOf: placeholder(for: scalar).unicodeScalars)
        }
        return String(out)
    }

    public static func needsReplacement(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x20 || (0x7F...0x9F).contains(v) { return true }
        if v < 0x200B { return v == 0x061C || v == 0x00AD || v == 0x180E }
        switch v {
        case 0x200B...0x200F, // zero-width space/joiners, LRM, RLM
             0x2028, 0x2029,  // line/paragraph separators
             0x202A...0x202E, // bidi embeddings and overrides
             0x2060...0x206F, // word joiner, invisible operators, bidi isolates
             0xFEFF,          // zero-width no-break space / BOM
             0xFFF9...0xFFFB: // interlinear annotations
            return true
        default:
            return false
        }
    }

    /// A visible stand-in: the Control Pictures block for C0 (`␛` for ESC), else `⟨U+202E⟩`.
    public static func placeholder(for s: Unicode.Scalar) -> String {
        switch s.value {
        case 0x09: return "→"
        case 0x0A: return "⏎"
        case 0x00..<0x20: return String(Unicode.Scalar(0x2400 + s.value)!)
        case 0x7F: return "␡"
        default:
            let hex = String(s.value, radix: 16, uppercase: true)
            return "⟨U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "⟩"
        }
    }
}
