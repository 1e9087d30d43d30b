import XCTest
@testable import ActionPlanCore

final class DayTests: XCTestCase {
    /// Day(iso:) has a fast path for `dddd-dd-dd`; it must answer exactly as the general parser always did.
    func testISOParsingAgreesWithTheGeneralParser() {
        var texts = ["2006-08-31", "2008-02-29", "2007-02-29", "2006-13-01", "2006-00-10", "0000-01-01", "9999-12-31",
                     "2006-04-31", "2006-1-01", "2006-01-1", "+206-01-01", "2006-+1-01", "2006-01-+1", "-2006-01-01",
                     "2006/01/01", " 2006-01-01", "2006-01-01 ", "2006-01-01T00:00:00Z", "", "--", "２００６-01-01",
                     "2006-0a-01", "2006-01-0\u{301}", "2006\u{301}-01-01", "20060-1-01", "2006-01-001"]
        var random = SplitMix64(seed: 31)
        let alphabet = Array("0123456789-+ a\u{301}")
        for _ in 0..<3_000 {
            texts.append(String((0..<(8 + random.below(4))).map { _ in alphabet[random.below(alphabet.count)] }))
        }
        for text in texts {
            XCTAssertEqual(Day(iso: text), generalParse(text), text)
        }
    }

    /// Day(iso:) as it was before the fast path.
    private func generalParse(_ text: String) -> Day? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        return Day(year: y, month: m, day: d)
    }
}
