import Foundation

/// A date as a person types it, on the command line or in a prompt of the UI. UK order: day before
/// month. Accepted: `2009-02-28`, `28/02/2009` (also `28-02-2009`, `28.02.2009`, two-digit years as
/// 20YY), `28 Feb 2009`, `28 February 2009` (also `28th Feb 2009`, `28-Feb-2009`), `today`,
/// `yesterday`, `tomorrow`; any case, surrounding spaces ignored. `today` is passed in, so the answer
/// never depends on when a test runs.
public enum DayInput {
    /// What the error messages and `--help` list.
    public static let accepted = "YYYY-MM-DD, DD/MM/YYYY, 28 Feb 2009, 28 February 2009, today or yesterday"

    public static func parse(_ input: String, today: Day) -> Day? {
        try? parseOrExplain(input, today: today)
    }

    /// The day, or an error saying what was wrong ("no 31st in February 2009", "expected …").
    public static func parseOrExplain(_ input: String, today: Day) throws(DayInputError) -> Day {
        let text = input.trimmingCharacters(in: .whitespaces).lowercased()
        switch text {
        case "today": return today
        case "yesterday": return today.adding(days: -1)
        case "tomorrow": return today.adding(days: 1)
        default: break
        }
        if let day = Day(iso: text) { return day }
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." || $0 == " " || $0 == "," })
        guard parts.count == 3 else { throw DayInputError(input: input, reason: nil) }
        // 2009-2-28 (ISO order with one-digit parts) is taken too: a four-digit first part is a year.
        if parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) {
            return try day(y, m, d, input)
        }
        guard let d = Int(parts[0].prefix(while: { $0.isNumber })), ordinalSuffixOK(parts[0]) else {
            throw DayInputError(input: input, reason: nil)
        }
        let month: Int
        if let m = Int(parts[1]) {
            month = m
        } else if let m = monthNumber(String(parts[1])) {
            month = m
        } else {
            throw DayInputError(input: input, reason: "\"\(Sanitizer.clean(String(parts[1])))\" is not a month")
        }
        guard let y = Int(parts[2]), parts[2].count == 4 || parts[2].count == 2 else {
            throw DayInputError(input: input, reason: "the year should have four digits")
        }
        return try day(parts[2].count == 2 ? 2000 + y : y, month, d, input)
    }

    private static func day(_ y: Int, _ m: Int, _ d: Int, _ input: String) throws(DayInputError) -> Day {
        guard (1...12).contains(m) else {
            throw DayInputError(input: input, reason: "there is no month \(m) (dates are day/month/year)")
        }
        guard let day = Day(year: y, month: m, day: d) else {
            throw DayInputError(input: input, reason: "\(Day.monthNames[m - 1]) \(y) has no day \(d)")
        }
        return day
    }

    /// "28", "28th", "1st", "2nd", "3rd".
    private static func ordinalSuffixOK(_ part: Substring) -> Bool {
        let suffix = part.drop(while: { $0.isNumber })
        return suffix.isEmpty || ["st", "nd", "rd", "th"].contains(String(suffix))
    }

    /// "feb", "february", "sept" → 2.
    static func monthNumber(_ word: String) -> Int? {
        if word == "sept" { return 9 }
        guard word.count >= 3 else { return nil }
        for (i, name) in Day.monthNames.enumerated() where name.lowercased().hasPrefix(word) { return i + 1 }
        return nil
    }
}

public struct DayInputError: Error, CustomStringConvertible, Equatable {
    public let input: String
    public let reason: String?
    public var description: String {
        "not a date: \"\(Sanitizer.clean(input))\"" + (reason.map { " (\($0))" } ?? "") + "; expected \(DayInput.accepted)"
    }
}

extension Day {
    /// The day `days` after (or before, when negative) this one.
    public func adding(days: Int) -> Day {
        var (y, m, d) = (year, month, day + days)
        while d < 1 {
            m -= 1
            if m < 1 { m = 12; y -= 1 }
            d += Day.daysIn(month: m, year: y)
        }
        while d > Day.daysIn(month: m, year: y) {
            d -= Day.daysIn(month: m, year: y)
            m += 1
            if m > 12 { m = 1; y += 1 }
        }
        return Day(year: y, month: m, day: d) ?? self
    }
}
