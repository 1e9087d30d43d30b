import ActionPlanCore

/// Word wrapping by display width: breaks at spaces, splits a word longer than the width, keeps
/// hard line breaks. Linear in the text length (a 100,000-character word is just many lines).
public enum Wrap {
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            wrapParagraph(Substring(paragraph), width: width, into: &result)
        }
        return result
    }

    /// Lines wrapped for display, at most `limit` of them (the last ends with `…` if text was cut).
    public static func lines(_ text: String, width: Int, limit: Int) -> [String] {
        var all = lines(text, width: width)
        guard limit >= 0, all.count > limit else { return all }
        all.removeSubrange(limit...)
        if limit > 0 { all[limit - 1] = DisplayWidth.truncate(all[limit - 1] + " …", to: width) }
        return all
    }

    private static func wrapParagraph(_ paragraph: Substring, width: Int, into result: inout [String]) {
        var line = ""
        var lineWidth = 0
        var word = ""
        var wordWidth = 0

        func flushWord() {
            guard !word.isEmpty else { return }
            if lineWidth > 0 && lineWidth + 1 + wordWidth > width {
                result.append(line)
                line = ""
                lineWidth = 0
            }
            if lineWidth > 0 { line += " "; lineWidth += 1 }
            line += word
            lineWidth += wordWidth
            word = ""
            wordWidth = 0
        }

        for character in paragraph {
            if character == " " {
                flushWord()
                continue
            }
            let w = DisplayWidth.of(character)
            if wordWidth + w > width {
                // A word wider than the line: emit what fits, carry on with the rest.
                if lineWidth > 0 { result.append(line); line = ""; lineWidth = 0 }
                result.append(word)
                word = ""
                wordWidth = 0
            }
            word.append(character)
            wordWidth += w
        }
        flushWord()
        result.append(line)
    }
}
