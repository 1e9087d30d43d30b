import Foundation

/// Small text helpers shared by the importers.
enum ImportText {
    /// Collapses runs of whitespace (spaces, tabs, no-break spaces, newlines) to one space and trims:
    /// Word tables copied out as text are full of doubled and trailing spaces that mean nothing.
    static func squash<S: StringProtocol>(_ s: S) -> String {
        // By Unicode scalar, with ASCII tested first: Character.isWhitespace looks up Unicode
        // properties for every character and was a fifth of the time of a 100,000-row import.
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in s.unicodeScalars {
            let v = scalar.value
            let white = v < 0x80 ? (v == 0x20 || (v >= 0x09 && v <= 0x0D)) : (v == 0x85 || v == 0xA0 || scalar.properties.isWhitespace)
            if white {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" ") }
            pendingSpace = false
            out.append(scalar)
        }
        return String(out)
    }

    /// True when the text has nothing but white space. Stops at the first other character (squashing
    /// a whole 10 MB file only to test it for emptiness was a tenth of a large import).
    static func isBlank<S: StringProtocol>(_ s: S) -> Bool {
        s.unicodeScalars.allSatisfy { v in v.value < 0x80 ? (v.value == 0x20 || (v.value >= 0x09 && v.value <= 0x0D)) : (v.value == 0x85 || v.value == 0xA0 || v.properties.isWhitespace) }
    }

    /// The first line with something on it, without splitting the whole text into lines.
    static func firstNonBlankLine(_ text: String) -> String? {
        var rest = Substring(text)
        while !rest.isEmpty {
            let end = rest.firstIndex { $0 == "\n" || $0 == "\r" || $0 == "\r\n" } ?? rest.endIndex
            if !isBlank(rest[..<end]) { return String(rest[..<end]) }
            rest = end == rest.endIndex ? "" : rest[rest.index(after: end)...]
        }
        return nil
    }

    /// Tab-separated cells, keeping empty ones (their position says which column they are).
    static func cells(_ line: String) -> [String] {
        line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    }

    /// True when the first letter-or-digit of the text is a lowercase letter: the line continues a
    /// sentence from the line above (a cell wrapped across table rows or pages).
    static func startsLowercase(_ s: String) -> Bool {
        guard let first = s.first(where: { $0.isLetter || $0.isNumber }) else { return false }
        return first.isLowercase
    }

    static func hasLetterOrDigit(_ s: String) -> Bool {
        s.contains { $0.isLetter || $0.isNumber }
    }

    /// Joins a wrapped piece onto text: "Re-" + "schedule" → "Re-schedule", else with one space.
    static func join(_ a: String, _ b: String) -> String {
        if a.isEmpty { return b }
        if b.isEmpty { return a }
        let chars = Array(a)
        if chars.count >= 2, chars[chars.count - 1] == "-", chars[chars.count - 2].isLetter { return a + b }
        return a + " " + b
    }

    /// Removes HTML paragraph tags left by a conversion (`<p>Action</p> <p>…</p>`).
    static func stripParagraphTags(_ s: String) -> String {
        guard s.contains("<") else { return s }
        var out = s
        for tag in ["<p>", "</p>", "<P>", "</P>"] { out = out.replacingOccurrences(of: tag, with: " ") }
        return out
    }

    /// "Month outcome to be complete d in …" → "monthoutcometobecompletedin…": for matching labels
    /// that a conversion broke with stray spaces.
    static func compact(_ s: String) -> String {
        String(s.lowercased().filter { !$0.isWhitespace })
    }

    /// Does `text` end with `tail`, ignoring case and spacing?
    static func endsWith(_ text: String, _ tail: String) -> Bool {
        let a = squash(text).lowercased(), b = squash(tail).lowercased()
        return !b.isEmpty && a.hasSuffix(b)
    }
}

extension ImportText {
    /// Each line squashed, blank lines at the ends dropped: a cell's text with its line breaks kept.
    static func trimLines(_ s: String) -> String {
        // Most cells are one line: squashed without Foundation's replace (two per cell were a fifth
        // of a large council CSV's import).
        if !s.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" }) { return squash(s) }
        // "\r\n" is one Character, so it is a separator of its own.
        var lines = s.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }).map { squash($0) }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        while let first = lines.first, first.isEmpty { lines.removeFirst() }
        return lines.joined(separator: "\n")
    }
}
