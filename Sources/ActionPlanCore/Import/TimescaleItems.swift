/// Splits a time scale cell into the separate time scales it lists, when every word belongs to one:
/// "April 06 onwards April 06" → ["April 06 onwards", "April 06"]; "Jan.07 Sept.06 Feb.07" → three.
/// Returns the whole text as one item when any word is not part of a time scale ("All Ongoing",
/// "Oct.06 & 6 monthly", "001.00"): then nothing can be matched up item by item.
enum TimescaleItems {
    static func split(_ text: String) -> [String] {
        let words = ImportText.squash(text).split(separator: " ").map(String.init)
        guard !words.isEmpty else { return [] }
        var items: [String] = []
        var i = 0
        while i < words.count {
            let w = words[i]
            let key = w.lowercased().trimmingTrailingDots
            if isGluedDate(w) {
                items.append(w)
            } else if isMonth(key), i + 1 < words.count, isYear(words[i + 1]) {
                items.append(w + " " + words[i + 1])
                i += 1
            } else if ["onwards", "onward"].contains(key), !items.isEmpty {
                items[items.count - 1] += " " + w
            } else if standalone.contains(key) {
                items.append(w)
            } else {
                return [ImportText.squash(text)]
            }
            i += 1
        }
        return items
    }

    private static let standalone: Set<String> = [
        "ongoing", "quarterly", "monthly", "annually", "annual", "review", "tbc", "tba", "continuous",
    ]

    private static let months = [
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    ]

    private static func isMonth(_ word: String) -> Bool {
        word.count >= 3 && (months.contains { $0.hasPrefix(word) } || word == "sept")
    }

    private static func isYear(_ word: String) -> Bool {
        [2, 4].contains(word.count) && word.allSatisfy(\.isNumber)
    }

    /// "Sept.06", "OCT.06", "Jan.07".
    private static func isGluedDate(_ word: String) -> Bool {
        let parts = word.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        return isMonth(parts[0].lowercased()) && isYear(String(parts[1]))
    }
}

extension String {
    var trimmingTrailingDots: String {
        var s = self
        while s.hasSuffix(".") { s.removeLast() }
        return s
    }
}
