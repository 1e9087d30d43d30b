/// What a document's title line says about the plan: "… APRIL 2006 TO MARCH 2007" (the period),
/// "… Progress Report as at 21st January 2008" (the as-at day).
enum DocumentTitle {
    static func period(in title: String) -> Period? {
        let words = words(of: title)
        guard words.count >= 5 else { return nil }
        for i in 0...(words.count - 5) where words[i + 2] == "to" {
            if let m1 = month(words[i]), let y1 = year(words[i + 1]), let m2 = month(words[i + 3]), let y2 = year(words[i + 4]),
               let start = YearMonth(year: y1, month: m1), let end = YearMonth(year: y2, month: m2), start <= end {
                return Period(start: start, end: end)
            }
        }
        return nil
    }

    static func asAt(in title: String) -> Day? {
        let words = words(of: title)
        guard words.count >= 5 else { return nil }
        for i in 0...(words.count - 5) where words[i] == "as" && words[i + 1] == "at" {
            var dayWord = words[i + 2]
            for suffix in ["st", "nd", "rd", "th"] where dayWord.hasSuffix(suffix) { dayWord.removeLast(2) }
            if let d = Int(dayWord), let m = month(words[i + 3]), let y = year(words[i + 4]),
               let day = Day(year: y, month: m, day: d) {
                return day
            }
        }
        return nil
    }

    private static func words(of text: String) -> [String] {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    private static func month(_ word: String) -> Int? {
        guard word.count >= 3 else { return nil }
        let names = ["january", "february", "march", "april", "may", "june",
                     "july", "august", "september", "october", "november", "december"]
        return names.firstIndex { $0.hasPrefix(word) }.map { $0 + 1 }
    }

    private static func year(_ word: String) -> Int? {
        guard word.count == 4, let y = Int(word), (1990...2100).contains(y) else { return nil }
        return y
    }
}
