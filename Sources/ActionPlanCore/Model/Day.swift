import Foundation

/// A calendar date with no time or zone: due dates, as-at dates and review dates are all days.
/// Kept as three integers (not Foundation.Date) so comparisons in hot filters cost nothing.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), year >= 1, year <= 9999,
              day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The last day of a month: a time scale of "Aug 06" means "by the end of August 2006".
    public static func endOf(month: Int, year: Int) -> Day? {
        guard (1...12).contains(month) else { return nil }
        return Day(year: year, month: month, day: daysIn(month: month, year: year))
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(iso text: String) {
        // Fast path for what files hold, ten ASCII bytes `dddd-dd-dd`: the general code below gives the same
        // answer for those (splitting a String is slow, and a plan has a date per target).
        var text = text
        if let (y, m, d) = text.withUTF8(Day.digitsOfCanonicalISO) {
            self.init(year: y, month: m, day: d)
            return
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Year, month and day of `dddd-dd-dd` (ASCII digits); nil for any other text.
    private static func digitsOfCanonicalISO(_ b: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int)? {
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                let digit = Int(b[i]) - 0x30
                guard digit >= 0 && digit <= 9 else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        return (year, month, day)
    }

    /// Today in the local time zone: what "overdue" is judged against by default.
    public static func today(in calendar: Calendar = .current) -> Day {
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    public var description: String {
        // YYYY-MM-DD from digits directly: listings format a date for every row.
        var bytes = [UInt8](repeating: UInt8(ascii: "-"), count: 10)
        var y = year
        for i in stride(from: 3, through: 0, by: -1) { bytes[i] = UInt8(ascii: "0") + UInt8(y % 10); y /= 10 }
        bytes[5] = UInt8(ascii: "0") + UInt8(month / 10)
        bytes[6] = UInt8(ascii: "0") + UInt8(month % 10)
        bytes[8] = UInt8(ascii: "0") + UInt8(day / 10)
        bytes[9] = UInt8(ascii: "0") + UInt8(day % 10)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// "21 January 2008": the form committee reports use.
    public var longDescription: String {
        "\(day) \(Day.monthNames[month - 1]) \(year)"
    }

    /// "Aug 2006".
    public var shortMonthYear: String {
        "\(Day.monthNames[month - 1].prefix(3)) \(year)"
    }

    public static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    public static func < (a: Day, b: Day) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}

/// A month of a year: plan periods run from one month to another.
public struct YearMonth: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (1...12).contains(month), year >= 1, year <= 9999 else { return nil }
        self.year = year
        self.month = month
    }

    /// Parses exactly `YYYY-MM`.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        self.init(year: y, month: m)
    }

    public var description: String {
        (year < 1000 ? String(repeating: "0", count: 4 - String(year).count) : "") + "\(year)-" + (month < 10 ? "0" : "") + "\(month)"
    }

    /// "Apr 2006".
    public var shortDescription: String { "\(Day.monthNames[month - 1].prefix(3)) \(year)" }

    public static func < (a: YearMonth, b: YearMonth) -> Bool { (a.year, a.month) < (b.year, b.month) }
}
