/// Due dates from the time scales councils write, beyond what `Timescale` (the model's parser of the
/// sample plans' spellings: "Aug 06", "April 2007", "Ongoing", "Monthly") reads. Tried after it:
///
///     12/24, 03/16          MM/YY            → the end of that month
///     31/03/2025, 1/4/25    UK day/month/year → that day
///     2025-03-31            ISO               → that day
///     Q3 2024/25            UK financial year quarter (Q1 = April–June … Q4 = January–March) → its last day
///     2024/25, 2024-25      a financial year  → 31 March 2025
///     April 2023 – June 2023, Apr–Jun 2024    a range → the end of the range
///     By end of Oct 2015    "by", "end of", "by the end of" are dropped → 31 October 2015
///     By 2018, 2018         a year alone      → 31 December 2018
///     Summer 2024           spring → 31 May, summer → 31 August, autumn → 30 November, winter → 28/29 February of the next year
///     Six monthly, 31 August (annually), Within three months of …   → no due date (recurring or relative)
enum ImportDates {
    static func due(_ text: String) -> Day? {
        let t = ImportText.squash(text)
        if t.isEmpty { return nil }
        // "April 2023 – June 2023": the end of the range (the model's parser would take the start).
        for sep in [" – ", " — ", " - ", " to "] where t.contains(sep) {
            let parts = t.components(separatedBy: sep)
            if parts.count == 2, let end = due(parts[1]) { return end }
        }
        if let d = Timescale(t).due { return d }
        let lower = t.lowercased()
        if lower.contains("annually") || lower.contains("monthly") || lower.contains("within ") || lower.contains("weekly") || lower.contains("quarterly") { return nil }
        if let d = Day(iso: t) { return d }
        if let d = slashDate(t) { return d }
        if let d = quarter(lower) { return d }
        if let d = financialYear(lower) { return d }
        var stripped = lower
        for prefix in ["by the end of ", "by end of ", "end of ", "by ", "before ", "no later than ", "from "] where stripped.hasPrefix(prefix) {
            stripped = String(stripped.dropFirst(prefix.count))
        }
        if stripped != lower, let d = due(stripped) { return d }
        // A range: the part after the last dash or "to".
        for sep in [" – ", " - ", " — ", "–", " to ", "-"] where stripped.contains(sep) {
            if let last = stripped.components(separatedBy: sep).last, last != stripped, let d = due(last) { return d }
        }
        if let d = season(stripped) { return d }
        if stripped.count == 4, let y = Int(stripped), (1990...2100).contains(y) { return Day(year: y, month: 12, day: 31) }
        return nil
    }

    /// "12/24" (MM/YY) or "31/03/2025", "1/4/25" (day/month/year).
    static func slashDate(_ t: String) -> Day? {
        let parts = t.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isNumber) }) else { return nil }
        let n = parts.compactMap { Int($0) }
        func year(_ s: String, _ v: Int) -> Int { s.count == 2 ? 2000 + v : v }
        if n.count == 2, (1...12).contains(n[0]), parts[1].count == 2 || parts[1].count == 4 {
            return Day.endOf(month: n[0], year: year(parts[1], n[1]))
        }
        if n.count == 3, parts[2].count == 2 || parts[2].count == 4 {
            return Day(year: year(parts[2], n[2]), month: n[1], day: n[0])
        }
        return nil
    }

    /// "q3 2024/25", "q1 2023-24", "2024/25 q4".
    static func quarter(_ t: String) -> Day? {
        let words = t.replacingOccurrences(of: ",", with: " ").split(separator: " ").map(String.init)
        guard let q = words.first(where: { $0.count == 2 && $0.hasPrefix("q") }).flatMap({ Int($0.dropFirst()) }), (1...4).contains(q),
              let fy = words.lazy.compactMap(financialYearStart).first else { return nil }
        switch q {
        case 1: return Day.endOf(month: 6, year: fy)
        case 2: return Day.endOf(month: 9, year: fy)
        case 3: return Day.endOf(month: 12, year: fy)
        default: return Day.endOf(month: 3, year: fy + 1)
        }
    }

    /// "2024/25" or "2024-25" or "2024/2025" → 2024 (the April it starts).
    static func financialYearStart(_ w: String) -> Int? {
        let parts = w.split(whereSeparator: { $0 == "/" || $0 == "-" }).map(String.init)
        guard parts.count == 2, parts[0].count == 4, let a = Int(parts[0]), let b = Int(parts[1]) else { return nil }
        let second = parts[1].count == 2 ? (a / 100) * 100 + b : b
        return second == a + 1 ? a : nil
    }

    static func financialYear(_ t: String) -> Day? {
        guard let start = financialYearStart(t) else { return nil }
        return Day(year: start + 1, month: 3, day: 31)
    }

    static func season(_ t: String) -> Day? {
        let words = t.split(separator: " ").map(String.init)
        guard words.count == 2, let y = Int(words[1].count == 2 ? "20" + words[1] : words[1]) else { return nil }
        switch words[0] {
        case "spring": return Day(year: y, month: 5, day: 31)
        case "summer": return Day(year: y, month: 8, day: 31)
        case "autumn", "fall": return Day(year: y, month: 11, day: 30)
        case "winter": return Day.endOf(month: 2, year: y + 1)
        default: return nil
        }
    }
}
