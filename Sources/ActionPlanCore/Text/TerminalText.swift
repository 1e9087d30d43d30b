/// Data formats (JSON, CSV, a Markdown or HTML report) printed to standard output: written exactly when
/// stdout is a file or a pipe, made safe by these two when it is a terminal, so a comment holding
/// `ESC]0;…BEL` cannot retitle the window, fill the paste buffer (OSC 52) or reorder what is read.
/// The executable decides which (it alone may ask `isatty`); these are pure so tests call them directly.
public enum TerminalText {
    /// JSON for a terminal: every character the sanitiser would replace (C1, bidi controls, invisible
    /// format characters) written as a `\uXXXX` escape, so the JSON still means exactly the same
    /// (a program reading it back gets the same strings). In ASCII mode every non-ASCII character is
    /// escaped too: UTF-8 bytes 0x80–0x9F are C1 controls to an 8-bit terminal. C0 controls inside
    /// strings are already escaped by the JSON writer; newlines outside strings are the layout.
    public static func json(_ text: String, glyphs: Glyphs = .unicode) -> String {
        func needsEscape(_ s: Unicode.Scalar) -> Bool {
            if s == "\n" { return false }
            return Sanitizer.needsReplacement(s) || (glyphs == .ascii && !s.isASCII)
        }
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else { out.append(scalar); continue }
            for unit in String(scalar).utf16 { out.append(contentsOf: escape(unit).unicodeScalars) }
        }
        return String(out)
    }

    /// Line-oriented text (CSV, Markdown, HTML) for a terminal: shown as text output shows data, with
    /// control and bidi characters as visible placeholders (`␛`, `⟨U+202E⟩`), but its line ends kept:
    /// LF, and CR when it ends a line (CSV's CRLF). A CR anywhere else is shown as `␍`.
    public static func lines(_ text: String, glyphs: Glyphs = .unicode) -> String {
        // Split on scalars: "\r\n" is one Character in Swift, so a Character split would miss it.
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var first = true
        for line in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            if !first { result += "\n" }
            first = false
            var body = line
            let crlf = body.last == "\r"
            if crlf { body = body.dropLast() }
            result += glyphs.clean(String(String.UnicodeScalarView(body)))
            if crlf { result += "\r" }
        }
        return result
    }

    private static func escape(_ unit: UInt16) -> String {
        let hex = String(unit, radix: 16, uppercase: false)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}

/// Messages of the argument parser: they quote what was typed, which may hold escape sequences.
public enum ParserMessage {
    /// Control and bidi characters shown as placeholders; the message's own line breaks kept.
    public static func clean(_ message: String) -> String {
        Sanitizer.clean(message, keepNewlines: true)
    }
}
