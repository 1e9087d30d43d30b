import XCTest
@testable import ActionPlanCore

/// Every time scale written in the seed documents, with what it must mean.
final class TimescaleTests: XCTestCase {
    private func day(_ s: String) -> Day { Day(iso: s)! }

    func testEveryTimescaleInTheSeedsHasTheRightMeaning() {
        let dated: [(String, String)] = [
            // 000 Children & Learning
            ("Aug 06", "2006-08-31"), ("April 06", "2006-04-30"), ("May 06 April 06", "2006-04-30"),
            ("Sept 06", "2006-09-30"), ("June 06", "2006-06-30"), ("July 06", "2006-07-31"),
            ("Nov 06", "2006-11-30"), ("Oct 06", "2006-10-31"), ("Sept 06 Sept 06", "2006-09-30"),
            // 001 Chief Executive
            ("Jan.07 Sept.06 Feb.07", "2006-09-30"), ("April 06", "2006-04-30"), ("Ongoing Oct.06", "2006-10-31"),
            ("Oct. 06", "2006-10-31"), ("Oct.06", "2006-10-31"), ("Sept. 06", "2006-09-30"),
            ("Ongoing Sept.06", "2006-09-30"), ("Ongoing Sept. 06", "2006-09-30"), ("May 06", "2006-05-31"),
            ("March 2007", "2007-03-31"), ("OCT.06", "2006-10-31"), ("October 06", "2006-10-31"),
            ("March 07", "2007-03-31"), ("Oct.06 & 6 monthly", "2006-10-31"),
            // 004 progress report (months), including the typo "Feb 008"
            ("March 2008", "2008-03-31"), ("April 2008", "2008-04-30"), ("May 2008", "2008-05-31"),
            ("December 2008", "2008-12-31"), ("February 2009", "2009-02-28"), ("July 2008", "2008-07-31"),
            ("October 2008", "2008-10-31"), ("June 2008", "2008-06-30"), ("September 2008", "2008-09-30"),
            ("January 2009", "2009-01-31"), ("December 2007", "2007-12-31"), ("December 2009", "2009-12-31"),
            ("Feb 008", "2008-02-29"), ("October 2009", "2009-10-31"), ("March 2009", "2009-03-31"),
            // 003: a day, and other date shapes people type
            ("31 March 2013", "2013-03-31"), ("2013-03-31", "2013-03-31"), ("31/03/2013", "2013-03-31"),
            ("1.4.2008", "2008-04-01"),
        ]
        for (text, due) in dated {
            XCTAssertEqual(Timescale(text).due, day(due), "time scale \"\(text)\"")
        }
    }

    /// Council plans since 2010 write financial-year terms: the year runs April to March, so Q1 is
    /// April–June and Q4 is January–March of the second calendar year.
    func testFinancialYearQuartersYearsAndSeasonsHaveDueDates() {
        let dated: [(String, String)] = [
            ("Q1 2024/25", "2024-06-30"), ("Q2 2024/25", "2024-09-30"), ("Q3 2024/25", "2024-12-31"),
            ("Q4 2024/25", "2025-03-31"), ("q3 2024/25", "2024-12-31"), ("Q4 2024-25", "2025-03-31"),
            ("Q2 2024/2025", "2024-09-30"), ("By Q3 2024/25", "2024-12-31"),
            ("2024/25", "2025-03-31"), ("2024-25", "2025-03-31"), ("2024/2025", "2025-03-31"),
            ("Spring 2025", "2025-05-31"), ("Summer 2025", "2025-08-31"), ("Autumn 2025", "2025-11-30"),
            ("Winter 2025", "2026-02-28"), ("by end of March 2025", "2025-03-31"),
            ("Ongoing, review Q1 2025/26", "2025-06-30"),
        ]
        for (text, due) in dated {
            XCTAssertEqual(Timescale(text).due, day(due), "time scale \"\(text)\"")
        }
        // Not financial years: the second year must follow the first.
        XCTAssertNil(Timescale("2024/27").due)
        XCTAssertEqual(Timescale("Q5 2024/25").due, day("2025-03-31"), "no fifth quarter: the year alone is read")
        XCTAssertNil(Timescale("Spring").due, "a season without a year has no date")
    }

    func testRecurringOpenEndedAndUnreadable() {
        XCTAssertEqual(Timescale("Quarterly").meaning, .recurring("quarterly"))
        XCTAssertEqual(Timescale("Oct.06 & 6 monthly").recurrence, "6 monthly")
        XCTAssertEqual(Timescale("Oct.06 & 6 monthly").summary, "due 31 Oct 2006, then 6 monthly")
        XCTAssertEqual(Timescale("Ongoing").meaning, .openEnded)
        XCTAssertEqual(Timescale("All Ongoing").meaning, .openEnded)
        XCTAssertEqual(Timescale("Review").meaning, .openEnded)
        // "April 06 onwards" names a start, not a deadline: never overdue.
        XCTAssertEqual(Timescale("April 06 onwards").meaning, .openEnded)
        XCTAssertTrue(Timescale("April 06 onwards").isOngoing)
        // Conversion damage: kept as text, no date.
        XCTAssertEqual(Timescale("001.00").meaning, .unknown)
        XCTAssertEqual(Timescale("").meaning, .unknown)
        XCTAssertEqual(Timescale("sometime soon").meaning, .unknown)
        XCTAssertEqual(Timescale("October").meaning, .unknown, "a month without a year has no date")
    }

    func testParserNeverFailsOnArbitraryText() {
        var rng = SplitMix64(seed: 7)
        let alphabet = Array("0123456789 ./-&JanFebSeptOctongoingQuarterly\u{0}\u{1b}é🙂")
        for _ in 0..<2_000 {
            let text = String((0..<Int(rng.next() % 24)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
            let t = Timescale(text)
            XCTAssertEqual(t.text, text)
            if let due = t.due { XCTAssertTrue(t.dates.contains(due)) }
        }
    }

    func testASCIILettersAreExactlyTheAlphabeticASCIIScalars() {
        // The tokenizer answers "is this a letter?" for ASCII without the Unicode tables; that must change nothing.
        for value in UInt8(0)...0x7F {
            let scalar = Unicode.Scalar(value)
            XCTAssertEqual(("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar), scalar.properties.isAlphabetic, "\(value)")
        }
    }

    func testOverdueUsesDueDateAndStatus() {
        var t = Target(id: "t1", text: "x", timescale: "Aug 06", due: Timescale("Aug 06").due)
        XCTAssertTrue(t.isOverdue(asOf: day("2006-09-01")))
        XCTAssertFalse(t.isOverdue(asOf: day("2006-08-31")), "due by the end of the month: not overdue on that day")
        t.status = .partiallyMet
        XCTAssertTrue(t.isOverdue(asOf: day("2006-09-01")))
        t.status = .met
        XCTAssertFalse(t.isOverdue(asOf: day("2006-09-01")))
        let ongoing = Target(id: "t2", text: "x", timescale: "Ongoing")
        XCTAssertFalse(ongoing.isOverdue(asOf: day("2030-01-01")))
    }
}

final class DayFormattingTests: XCTestCase {
    func testDescriptionIsZeroPaddedISO() {
        XCTAssertEqual(Day(year: 2006, month: 8, day: 31)!.description, "2006-08-31")
        XCTAssertEqual(Day(year: 987, month: 1, day: 2)!.description, "0987-01-02")
        XCTAssertEqual(Day(year: 2024, month: 12, day: 9)!.description, "2024-12-09")
        for y in [1, 999, 2000, 9999] { XCTAssertEqual(Day(iso: Day(year: y, month: 2, day: 28)!.description), Day(year: y, month: 2, day: 28)) }
    }
}
