/// Bullets inside a target cell: "•", "", "٠" anywhere after a space, and "-" at the start of the
/// cell or glued to the next word after a space (" -Produce"). A spaced dash inside a sentence
/// ("Social Care - monitor", "BV16 - %") and a hyphen ("CPA- Ensure") are text, not bullets.
enum BulletText {
    static let glyphs: Set<Character> = ["•", "\u{F0B7}", "٠", "▪", "◦", "●"]

    struct Segment: Equatable {
        /// True when the segment starts with a bullet; false for text before the first bullet.
        var bullet: Bool
        /// As printed, bullet included.
        var raw: String
        /// Without the bullet, whitespace squashed.
        var text: String
    }

    static func segments(_ text: String) -> [Segment] {
        let chars = Array(ImportText.squash(text))
        var starts: [Int] = []
        for i in chars.indices where isBullet(at: i, in: chars) { starts.append(i) }
        var result: [Segment] = []
        var bounds = starts
        if bounds.first != 0 { bounds.insert(0, at: 0) }
        for (n, start) in bounds.enumerated() {
            let end = n + 1 < bounds.count ? bounds[n + 1] : chars.count
            let raw = ImportText.squash(String(chars[start..<end]))
            if raw.isEmpty { continue }
            let bullet = starts.contains(start)
            let body = bullet ? ImportText.squash(String(raw.dropFirst())) : raw
            if bullet && body.isEmpty { continue }
            result.append(Segment(bullet: bullet, raw: raw, text: body))
        }
        return result
    }

    /// One target's text: the leading bullet removed, other glyph bullets dropped; dashes between
    /// items are kept as printed (they are also hyphens, so removing them could change the words).
    static func clean(_ text: String) -> String {
        var chars = Array(ImportText.squash(text))
        if !chars.isEmpty, isBullet(at: 0, in: chars) { chars.removeFirst() }
        var out: [Character] = []
        for (i, ch) in chars.enumerated() {
            if glyphs.contains(ch), i == 0 || chars[i - 1].isWhitespace { out.append(" "); continue }
            out.append(ch)
        }
        return ImportText.squash(String(out))
    }

    private static func isBullet(at i: Int, in chars: [Character]) -> Bool {
        let ch = chars[i]
        let afterSpace = i == 0 || chars[i - 1].isWhitespace
        if glyphs.contains(ch) { return afterSpace }
        guard ch == "-", afterSpace else { return false }
        guard i + 1 < chars.count else { return false }
        let next = chars[i + 1]
        if i == 0 { return next != "-" }
        return next.isLetter || next.isNumber || next == "(" || next == "'" || next == "\u{2018}"
    }
}
