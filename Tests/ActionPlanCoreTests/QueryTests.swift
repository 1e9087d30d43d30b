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
        XCTAssertEqual(Status(argument: "done"), .met, "issue 12: the words people type")
        XCTAssertNil(Status(argument: "finished"))
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

final class OfficerQueryFastPathTests: XCTestCase {
    /// The ASCII byte path answers as the general (Unicode) path does, on officers from the seeds and
    /// on random ASCII.
    func testASCIIPathAgreesWithTheGeneralRule() {
        func general(_ q: String, _ o: String) -> Bool {
            if o.lowercased() == q.lowercased() { return true }
            let words = q.lowercased().split { !($0.isLetter || $0.isNumber) }
            guard !words.isEmpty else { return false }
            let entry = o.lowercased().split { !($0.isLetter || $0.isNumber) }
            guard entry.count >= words.count else { return false }
            for s in 0...(entry.count - words.count) where Array(entry[s..<(s + words.count)]) == words { return true }
            return false
        }
        var officers = ["GS", "CSO", "GSX", "All H of S", "Head of HR", "Jo Fisher, Service Manager for children with disabilities",
                        "RH & H of S", "Trevor Morrow", "Sandra Legate", "VG", "h of s", "", " ", "GS/CSO", "GS-CSO"]
        var queries = ["gs", "GS", "cso", "h of s", "of", "jo fisher", "fisher service", "head of hr", "", " ", "gs cso", "G", "s"]
        var rng = SplitMix64(seed: 9)
        let alphabet = Array("GSgs Cc Oo/,-&.1")
        for _ in 0..<400 {
            officers.append(String((0..<rng.below(10)).map { _ in alphabet[rng.below(alphabet.count)] }))
            queries.append(String((0..<rng.below(6)).map { _ in alphabet[rng.below(alphabet.count)] }))
        }
        for q in queries {
            let query = OfficerQuery(q)
            for o in officers {
                XCTAssertEqual(query.matches(officer: o), general(q, o), "query \"\(q)\" officer \"\(o)\"")
            }
        }
    }
}
