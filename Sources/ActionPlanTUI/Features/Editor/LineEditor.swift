import ActionPlanCore

/// The inline text editor for comments and forecasts. Works on grapheme clusters (an emoji, a
/// CJK character or a letter with combining marks is one step of the cursor and one Backspace).
public struct LineEditor: Sendable, Equatable {
    public private(set) var characters: [Character]
    /// Index into `characters`: the cursor sits before this character.
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String { String(characters) }

    public mutating func insert(_ c: Character) {
        // A combining mark typed on its own joins the character before it (one grapheme, as it shows).
        if cursor > 0 {
            let merged = String(characters[cursor - 1]) + String(c)
            if merged.count == 1 {
                characters[cursor - 1] = Character(merged)
                return
            }
        }
        characters.insert(c, at: cursor)
        cursor += 1
    }

    public mutating func insert(_ s: String) { for c in s { insert(c) } }

    public mutating func insertNewline() { insert("\n") }

    public mutating func left() { if cursor > 0 { cursor -= 1 } }
    public mutating func right() { if cursor < characters.count { cursor += 1 } }

    /// Start of the current line (after the previous newline).
    public mutating func home() {
        while cursor > 0 && characters[cursor - 1] != "\n" { cursor -= 1 }
    }

    /// End of the current line (before the next newline).
    public mutating func end() {
        while cursor < characters.count && characters[cursor] != "\n" { cursor += 1 }
    }

    public mutating func backspace() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    public mutating func delete() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    /// The text word-wrapped to `width` columns, with where the cursor falls. Characters are
    /// cleaned for display (a typed control picture stays visible); newlines break lines.
    public func layout(width: Int) -> (lines: [String], cursorRow: Int, cursorColumn: Int) {
        guard width > 0 else { return ([], 0, 0) }
        let widths = characters.map { $0 == "\n" ? 0 : max(DisplayWidth.of(Sanitizer.clean(String($0))), 0) }
        var ranges: [Range<Int>] = []
        var start = 0
        var used = 0
        var lastBreak: Int?
        var i = 0
        let n = characters.count
        while i < n {
            let c = characters[i]
            if c == "\n" {
                ranges.append(start..<i)
                start = i + 1
                used = 0
                lastBreak = nil
                i += 1
                continue
            }
            if c == " " {
                used += 1
                lastBreak = i + 1
                i += 1
                continue
            }
            let w = widths[i]
            if used + w > width && i > start {
                if let b = lastBreak, b > start {
                    ranges.append(start..<b)
                    start = b
                    used = widths[b..<i].reduce(0, +)
                } else {
                    ranges.append(start..<i)
                    start = i
                    used = 0
                }
                lastBreak = nil
                continue
            }
            used += w
            i += 1
        }
        ranges.append(start..<n)
        var row = 0
        for (k, r) in ranges.enumerated() where r.lowerBound <= cursor { row = k }
        let column = min(width - 1, widths[ranges[row].lowerBound..<min(cursor, ranges[row].upperBound)].reduce(0, +))
        let lines = ranges.map { r in Sanitizer.clean(String(characters[r])) }
        return (lines, row, max(0, column))
    }
}
