import XCTest
@testable import ActionPlanCore

final class QueryTests: XCTestCase {
    let asOf = Day(iso: "2007-01-01")!

    func testOfficerMatchesWholeEntriesOrWholeWords() {
        let gs = OfficerQuery("gs")
        XCTAssertTrue(gs.matches(officer: "GS"))
        XCTAssertFalse(gs.matches(officer: "GSX"))
        XCTAssertFalse(gs.matches(officer: "CSO"))
        XCTAssertTrue(OfficerQuery("jo fisher").matches(officer: "Jo Fisher, Service Manager for children with disabilities"))
        XCTAssertFalse(OfficerQuery("fish").matches(officer: "Jo Fisher"))
        XCTAssertTrue(OfficerQuery("head of hr").matches(officer: "Head of HR"))
        XCTAssertFalse(OfficerQuery("").matches(officer: "GS"))
    }

    func testTallyAndFilters() {
        let plan = Fixtures.samplePlan()
        let tally = plan.tally(asOf: asOf)
        XCTAssertEqual([tally.met, tally.partiallyMet, tally.notMet, tally.notAssessed, tally.overdue, tally.total], [1, 1, 1, 1, 1, 4])
        XCTAssertEqual(tally.percentMet, 25)

        var filter = TargetFilter(asOf: asOf)
        filter.officer = OfficerQuery("cso")
        XCTAssertEqual(plan.rows(matching: filter).map(\.target.id), ["t1"])
        filter = TargetFilter(asOf: asOf)
        filter.overdueOnly = true
        XCTAssertEqual(plan.rows(matching: filter).map(\.target.id), ["t3"])
        filter = TargetFilter(asOf: asOf)
        filter.statuses = [.notMet, .partiallyMet]
        XCTAssertEqual(plan.rows(matching: filter).map(\.target.id), ["t2", "t3"])
        filter = TargetFilter(asOf: asOf)
        filter.dueBefore = Day(iso: "2006-09-01")
        XCTAssertEqual(plan.rows(matching: filter).map(\.target.id), ["t1"])
        filter = TargetFilter(asOf: asOf)
        filter.search = "SECOND LINE"
        XCTAssertEqual(plan.rows(matching: filter).map(\.target.id), ["t1"], "search looks in comments, any case")
        filter.search = "procurement"
        XCTAssertEqual(plan.rows(matching: filter).map(\.target.id), ["t3", "t4"], "and in the objective")
    }

    func testStatusArgumentsAcceptDashedAndJSONSpellings() {
        XCTAssertEqual(Status(argument: "not-met"), .notMet)
        XCTAssertEqual(Status(argument: "notMet"), .notMet)
        XCTAssertEqual(Status(argument: "Partially-Met"), .partiallyMet)
        XCTAssertEqual(Status(argument: "not_assessed"), .notAssessed)
        XCTAssertNil(Status(argument: "done"))
        XCTAssertEqual(Status.notAssessed.next, .met)
        XCTAssertEqual(Status.notMet.next, .notAssessed)
    }

    func testSanitizerShowsControlsAsPlaceholders() {
        let hostile = "a\u{1b}]0;pwned\u{07}b\u{1b}[2Jc\u{9b}d\u{202e}e\u{200b}f"
        let clean = Sanitizer.clean(hostile)
        XCTAssertEqual(clean, "a␛]0;pwned␇b␛[2Jc⟨U+009B⟩d⟨U+202E⟩e⟨U+200B⟩f")
        XCTAssertFalse(clean.unicodeScalars.contains { Sanitizer.needsReplacement($0) })
        XCTAssertEqual(Sanitizer.clean("line1\nline2", keepNewlines: true), "line1\nline2")
        XCTAssertEqual(Sanitizer.clean("line1\nline2"), "line1⏎line2")
        XCTAssertEqual(Sanitizer.clean("Café ✓ 中文"), "Café ✓ 中文")
    }

    func testDisplayWidth() {
        XCTAssertEqual(DisplayWidth.of("abc"), 3)
        XCTAssertEqual(DisplayWidth.of("中文"), 4)
        XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1, "combining accent takes no column")
        XCTAssertEqual(DisplayWidth.of("🙂"), 2)
        XCTAssertEqual(DisplayWidth.of("✓"), 1)
        XCTAssertEqual(DisplayWidth.truncate("中文中文", to: 5), "中文…")
        XCTAssertEqual(DisplayWidth.of(DisplayWidth.pad("中文", to: 7)), 7)
    }
}
