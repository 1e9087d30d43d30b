import Foundation

/// Whether output may use Unicode symbols (✓ ✗ ◐ · and box drawing) or must stay ASCII.
public enum Glyphs: Sendable {
    case unicode, ascii

    /// UTF-8 when the locale says so (LC_ALL, then LC_CTYPE, then LANG), the way setlocale reads them.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) -> Glyphs {
        let locale = [env["LC_ALL"], env["LC_CTYPE"], env["LANG"]].compactMap { $0 }.first { !$0.isEmpty } ?? ""
        let l = locale.lowercased()
        return l.contains("utf-8") || l.contains("utf8") ? .unicode : .ascii
    }

    public func symbol(_ status: Status) -> String {
        self == .unicode ? status.unicodeSymbol : status.asciiSymbol
    }

    /// Symbol and word together: status is never conveyed by a symbol or colour alone.
    public func label(_ status: Status) -> String { "\(symbol(status)) \(status.word)" }

    /// `clean(text)` with its display width, in one pass for the common case of plain ASCII
    /// (listings clean and measure every cell of thousands of rows).
    public func cleanMeasured(_ text: String) -> (text: String, width: Int) {
        if isPlainASCII(text) { return (text, text.utf8.count) }
        let cleaned = clean(text)
        return (cleaned, DisplayWidth.of(cleaned))
    }

    /// Text safe for this terminal: control characters replaced; in ASCII mode, non-ASCII shown as `?`.
    public func clean(_ text: String, keepNewlines: Bool = false) -> String {
        let cleaned = Sanitizer.clean(text, keepNewlines: keepNewlines)
        guard self == .ascii else { return cleaned }
        var out = ""
        for s in cleaned.unicodeScalars {
            if s.isASCII { out.unicodeScalars.append(s) } else { out += asciiFallback(s) }
        }
        return out
    }

    private func asciiFallback(_ s: Unicode.Scalar) -> String {
        switch s {
        case "‘", "’": return "'"
        case "“", "”": return "\""
        case "–", "—": return "-"
        case "…": return "..."
        case "•": return "*"
        case "✓": return "Y"
        case "£": return "GBP"
        // The program's own messages use arrows ("t1: [ ] Not assessed → [Y] Met"); without these a
        // C-locale terminal showed "Not assessed ? [Y] Met".
        case "→": return "->"
        case "←": return "<-"
        default:
            if let cat = Optional(s.properties.generalCategory), cat == .nonspacingMark { return "" }
            return Glyphs.oneCellStandIn[String(s)] ?? "?"
        }
    }

    /// An ASCII character for each symbol the program draws or writes (and common punctuation of
    /// pasted text), one cell wide, so a grid made ASCII keeps its columns (`Grid.makeASCII`). `clean`
    /// uses it too, after its own wider stand-ins ("..." for "…"): one table, so the import
    /// preview's "a · b" is "a . b" in a C locale, as the screen's is, not "a ? b".
    public static let oneCellStandIn: [String: String] = [
        "…": ".", "—": "-", "–": "-", "─": "-", "│": "|", "·": ".", "“": "\"", "”": "\"", "‘": "'", "’": "'",
        "›": ">", "▶": ">", "▾": "-", "▸": "+", "✎": "*", "☑": "x", "☐": " ", "⚠": "!", "✓": "Y", "✗": "N",
        "◐": "P", "×": "x", "█": "#", "▒": "+", "░": ".", "▲": "^", "▼": "v", "┌": "+", "┐": "+", "└": "+",
        "┘": "+", "•": "*", "→": ">", "←": "<", "↑": "^", "↓": "v", "£": "L",
    ]
}
