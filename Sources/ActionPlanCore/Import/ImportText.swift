import Foundation

/// Small text helpers shared by the importers.
enum ImportText {
    /// Collapses runs of whitespace (spaces, tabs, no-break spaces, newlines) to one space and trims:
    /// Word tables copied out as text are full of doubled and trailing spaces that mean nothing.
    static func squash<S: StringProtocol>(_ s: S) -> String {
        var out = ""
        var pendingSpace = false
        for ch in s {
            if ch.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" ") }
            pendingSpace = false
            out.append(ch)
        }
        return out
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
        var lines = s.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map { squash($0) }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        while let first = lines.first, first.isEmpty { lines.removeFirst() }
        return lines.joined(separator: "\n")
    }
}
