/// What a time scale as written ("Aug 06", "Jan.07 Sept.06 Feb.07", "Ongoing", "Oct.06 & 6 monthly")
/// means. Parsing never fails: text it cannot read keeps its wording and simply has no due date.
public struct Timescale: Sendable, Equatable {
    public enum Meaning: Sendable, Equatable {
        /// Due by this day (end of the month named; the earliest when several are named).
        case due(Day)
        /// Repeats ("Quarterly", "6 monthly") with no single date.
        case recurring(String)
        /// Ongoing, "onwards" or "Review": no end date.
        case openEnded
        /// Blank or unreadable.
        case unknown
    }

    public let text: String
    public let meaning: Meaning
    /// Every date named, in the order written.
    public let dates: [Day]
    /// "quarterly", "6 monthly", … when the text says the work repeats (also alongside a date).
    public let recurrence: String?
    public let isOngoing: Bool

    public var due: Day? {
        if case .due(let day) = meaning { return day }
        return nil
    }

    public init(_ text: String) {
        self.text = text
        let tokens = TimescaleTokenizer.tokens(of: text)
        var dates: [Day] = []
        var recurrence: String?
        var ongoing = false
        var onwards = false
        var review = false
        var consumed = Set<Int>()
        var i = 0
        while i < tokens.count {
            if let (day, used) = Timescale.date(at: i, in: tokens) {
                dates.append(day)
                consumed.formUnion(i..<(i + used))
                i += used
                continue
            }
            let token = tokens[i]
            switch token.text {
            case "ongoing", "continuous", "continuing": ongoing = true
            case "onwards", "onward": onwards = true
            case "review", "tbc", "tba": review = true
            case "monthly", "quarterly", "annually", "annual", "yearly", "weekly", "termly", "biannually", "fortnightly":
                if i > 0, tokens[i - 1].isNumber, !consumed.contains(i - 1) {
                    recurrence = "\(tokens[i - 1].text) \(token.text)"
                } else {
                    recurrence = token.text
                }
            default: break
            }
            i += 1
        }
        self.dates = dates
        self.recurrence = recurrence
        self.isOngoing = ongoing || onwards
        if onwards {
            // "April 06 onwards" names a start, not a deadline.
            meaning = .openEnded
        } else if let earliest = dates.min() {
            meaning = .due(earliest)
        } else if let recurrence {
            meaning = .recurring(recurrence)
        } else if ongoing || review {
            meaning = .openEnded
        } else {
            meaning = .unknown
        }
    }

    /// A short phrase for screens and reports: "due 31 Aug 2006", "quarterly", "ongoing", "no date".
    public var summary: String {
        switch meaning {
        case .due(let day):
            var s = "due \(day.day) \(Day.monthNames[day.month - 1].prefix(3)) \(day.year)"
            if let recurrence { s += ", then \(recurrence)" }
            return s
        case .recurring(let what): return what
        case .openEnded: return isOngoing ? "ongoing" : "open-ended"
        case .unknown: return text.trimmingCharacters(in: .whitespaces).isEmpty ? "no time scale" : "no date"
        }
    }

    // MARK: - Date patterns

    private static func date(at i: Int, in t: [TimescaleToken]) -> (Day, Int)? {
        // 2008-03-31
        if i + 2 < t.count, t[i].isNumber, t[i].text.count == 4, t[i + 1].isNumber, t[i + 2].isNumber,
           t[i + 1].separatorBefore == "-", t[i + 2].separatorBefore == "-",
           let y = Int(t[i].text), let m = Int(t[i + 1].text), let d = Int(t[i + 2].text),
           let day = Day(year: y, month: m, day: d) {
            return (day, 3)
        }
        // Q3 2024/25: a quarter of a financial year (April to March): Q1 ends 30 June, Q4 31 March of the second year.
        if i + 2 < t.count, t[i].text == "q", t[i + 1].isNumber, let q = Int(t[i + 1].text), (1...4).contains(q),
           t[i + 1].separatorBefore.isEmpty, let (start, used) = financialYear(at: i + 2, in: t) {
            let (month, year) = q == 4 ? (3, start + 1) : (3 + 3 * q, start)
            if let day = Day.endOf(month: month, year: year) { return (day, 2 + used) }
        }
        // 2024/25 or 2024-25: a whole financial year, due when it ends on 31 March.
        if let (start, used) = financialYear(at: i, in: t), let day = Day(year: start + 1, month: 3, day: 31) {
            return (day, used)
        }
        // Spring 2025: the end of the season (spring March–May, summer June–August, autumn
        // September–November, winter December–February, so winter 2025 ends in February 2026).
        if i + 1 < t.count, let (month, nextYear) = season(t[i].text), t[i + 1].isNumber, t[i + 1].text.count == 4,
           let y = year(t[i + 1].text), let day = Day.endOf(month: month, year: y + (nextYear ? 1 : 0)) {
            return (day, 2)
        }
        // 31/03/2013 or 1.4.2008 (UK order)
        if i + 2 < t.count, t[i].isNumber, t[i].text.count <= 2, t[i + 1].isNumber, t[i + 1].text.count <= 2,
           t[i + 2].isNumber, [2, 4].contains(t[i + 2].text.count),
           ["/", "."].contains(t[i + 1].separatorBefore), t[i + 2].separatorBefore == t[i + 1].separatorBefore,
           let d = Int(t[i].text), let m = Int(t[i + 1].text), let y = year(t[i + 2].text),
           let day = Day(year: y, month: m, day: d) {
            return (day, 3)
        }
        // 31 March 2013
        if i + 2 < t.count, t[i].isNumber, t[i].text.count <= 2, let m = month(t[i + 1].text),
           t[i + 2].isNumber, let y = year(t[i + 2].text), let d = Int(t[i].text),
           let day = Day(year: y, month: m, day: d) {
            return (day, 3)
        }
        // Aug 06, Sept. 06, OCT.06, March 2007, Feb 008
        if i + 1 < t.count, let m = month(t[i].text), t[i + 1].isNumber, let y = year(t[i + 1].text),
           let day = Day.endOf(month: m, year: y) {
            return (day, 2)
        }
        return nil
    }

    /// "2024/25", "2024-25", "2024/2025": the first year, when the second follows it.
    private static func financialYear(at i: Int, in t: [TimescaleToken]) -> (Int, Int)? {
        guard i + 1 < t.count, t[i].isNumber, t[i].text.count == 4, let first = year(t[i].text),
              t[i + 1].isNumber, ["/", "-"].contains(t[i + 1].separatorBefore), let second = Int(t[i + 1].text) else { return nil }
        switch t[i + 1].text.count {
        case 2 where second == (first + 1) % 100: return (first, 2)
        case 4 where second == first + 1: return (first, 2)
        default: return nil
        }
    }

    /// A season's last month, and whether that month falls in the next calendar year (winter).
    private static func season(_ word: String) -> (Int, Bool)? {
        switch word {
        case "spring": return (5, false)
        case "summer": return (8, false)
        case "autumn", "fall": return (11, false)
        case "winter": return (2, true)
        default: return nil
        }
    }

    /// Two digits mean 20xx (the plans are all this century); "008" is a typo for 2008.
    private static func year(_ digits: String) -> Int? {
        guard let n = Int(digits) else { return nil }
        switch digits.count {
        case 2, 3: return 2000 + n
        case 4: return (1900...2199).contains(n) ? n : nil
        default: return nil
        }
    }

    private static func month(_ word: String) -> Int? {
        guard word.count >= 3 else { return nil }
        for (index, name) in monthWords.enumerated() where name.hasPrefix(word) {
            // "mar" and "march" and "sept" all match; "marc" would too, harmlessly.
            return index + 1
        }
        if word == "sept" { return 9 }
        return nil
    }

    private static let monthWords = [
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    ]
}

struct TimescaleToken {
    var text: String
    var isNumber: Bool
    /// The non-space punctuation right before this token ("-", "/", "."), or "" for none/space.
    var separatorBefore: String
}

enum TimescaleTokenizer {
    /// Splits into lowercased words and digit runs, remembering the punctuation between them.
    static func tokens(of text: String) -> [TimescaleToken] {
        var tokens: [TimescaleToken] = []
        var current = ""
        var currentIsNumber = false
        var separator = ""
        func flush() {
            if !current.isEmpty {
                tokens.append(TimescaleToken(text: current, isNumber: currentIsNumber, separatorBefore: separator))
                separator = ""
                current = ""
            }
        }
        for scalar in text.lowercased().unicodeScalars {
            let isDigit = ("0"..."9").contains(scalar)
            // In ASCII only a-z and A-Z are Alphabetic; asking the Unicode tables costs far more than the rest.
            let isLetter = scalar.isASCII ? ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) : scalar.properties.isAlphabetic
            if isDigit || isLetter {
                if !current.isEmpty && currentIsNumber != isDigit { flush() }
                currentIsNumber = isDigit
                current.unicodeScalars.append(scalar)
            } else {
                flush()
                if scalar == "-" || scalar == "/" || scalar == "." { separator = String(scalar) }
            }
        }
        flush()
        return tokens
    }
}
