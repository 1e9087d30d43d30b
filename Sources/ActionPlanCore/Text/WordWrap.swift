/// Wrapping by display width for the command line's text output (`show`, `list` on a narrow
/// terminal): breaks at spaces, so a word is never split ("Equ / ality") unless it is wider than the
/// whole width by itself; keeps the text's own line breaks. Text is expected already cleaned.
public enum WordWrap {
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [text] }
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            wrap(paragraph, width: width, into: &result)
        }
        return result
    }

    private static func wrap(_ paragraph: Substring, width: Int, into result: inout [String]) {
        var line = ""
        var used = 0
        for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
            var word = String(word)
            var w = DisplayWidth.of(word)
            if used > 0 && used + 1 + w <= width {
                line += " " + word
                used += 1 + w
                continue
            }
            if used > 0 { result.append(line) }
            // A word wider than the line on its own is cut into pieces of the width.
            while w > width {
                let piece = prefix(word, width: width)
                result.append(piece)
                word = String(word.dropFirst(piece.count))
                w = DisplayWidth.of(word)
            }
            line = word
            used = w
        }
        result.append(line)
    }

    /// The longest start of `word` that fits `width` columns (at least one character).
    private static func prefix(_ word: String, width: Int) -> String {
        var out = ""
        var used = 0
        for c in word {
            let w = DisplayWidth.of(c)
            if used + w > width && !out.isEmpty { break }
            out.append(c)
            used += w
        }
        return out
    }
}
