import Foundation
@testable import ActionPlanCore
import XCTest

/// Issue 12: dates, statuses, addresses and officer names as people type them (shared with the UI's prompts).
final class ForgivingInputTests: XCTestCase {
    private let today = Day(iso: "2009-03-01")!

    func testDatesInEveryAcceptedForm() {
        let feb28 = Day(iso: "2009-02-28")!
        for text in ["2009-02-28", "28/02/2009", "28/2/2009", "28-02-2009", "28.02.2009", "28/02/09", "28 Feb 2009",
                     "28 feb 2009", "28 February 2009", "28th February 2009", "28-Feb-2009", " 28 FEB 2009 ", "yesterday", "2009-2-28"] {
            XCTAssertEqual(DayInput.parse(text, today: today), feb28, text)
        }
        XCTAssertEqual(DayInput.parse("today", today: today), today)
        XCTAssertEqual(DayInput.parse("Today", today: today), today)
        XCTAssertEqual(DayInput.parse("tomorrow", today: today), Day(iso: "2009-03-02"))
        XCTAssertEqual(DayInput.parse("yesterday", today: Day(iso: "2009-01-01")!), Day(iso: "2008-12-31"))
        XCTAssertEqual(DayInput.parse("1 Sept 2006", today: today), Day(iso: "2006-09-01"))
        XCTAssertEqual(DayInput.parse("03/04/2009", today: today), Day(iso: "2009-04-03"), "UK order: day, then month")
    }

    func testBadDatesSayWhatIsWrong() {
        func message(_ text: String) -> String {
            do { _ = try DayInput.parseOrExplain(text, today: today); return "accepted" } catch { return error.description }
        }
        XCTAssertEqual(message("02/28/2009"), "not a date: \"02/28/2009\" (there is no month 28 (dates are day/month/year)); expected \(DayInput.accepted)")
        XCTAssertTrue(message("29/02/2009").contains("February 2009 has no day 29"), message("29/02/2009"))
        XCTAssertTrue(message("28 Fbr 2009").contains("\"fbr\" is not a month"), message("28 Fbr 2009"))
        XCTAssertTrue(message("soon").hasPrefix("not a date: \"soon\"; expected"), message("soon"))
        XCTAssertTrue(message("\u{1B}]0;x").contains("␛"), "the input is cleaned in the message")
        XCTAssertNil(DayInput.parse("28 Feb 209", today: today))
        XCTAssertNil(DayInput.parse("", today: today))
    }

    func testDayArithmetic() {
        XCTAssertEqual(Day(iso: "2008-03-01")!.adding(days: -1), Day(iso: "2008-02-29"))
        XCTAssertEqual(Day(iso: "2008-12-31")!.adding(days: 1), Day(iso: "2009-01-01"))
        XCTAssertEqual(Day(iso: "2008-01-15")!.adding(days: 400), Day(iso: "2009-02-18"))
    }

    func testStatusWordsPeopleUse() {
        let expected: [String: Status] = [
            "met": .met, "done": .met, "yes": .met, "Yes": .met, "no": .notMet, "not met": .notMet, "NOT-MET": .notMet,
            "notMet": .notMet, "partly": .partiallyMet, "partial": .partiallyMet, "partly met": .partiallyMet,
            "partially_met": .partiallyMet, "not assessed": .notAssessed, "notAssessed": .notAssessed,
        ]
        for (word, status) in expected { XCTAssertEqual(Status(argument: word), status, word) }
        XCTAssertNil(Status(argument: "finished"))
        XCTAssertNil(Status(argument: "maybe"))
    }

    // MARK: - Addresses

    private let ids = ["luton-disability-equality-2008", "luton-children-learning-2006-07", "luton-chief-executive-2006-07", "kent"]

    func testPlanPrefixes() throws {
        XCTAssertEqual(try AddressResolution.planID("luton-dis", among: ids), "luton-disability-equality-2008")
        XCTAssertEqual(try AddressResolution.planID("kent", among: ids + ["kent-2"]), "kent", "an exact id wins over a prefix")
        XCTAssertThrowsError(try AddressResolution.planID("luton-chi", among: ids)) { error in
            XCTAssertEqual(error as? AddressError, .ambiguousPlan("luton-chi", candidates: ["luton-chief-executive-2006-07", "luton-children-learning-2006-07"]))
            XCTAssertEqual((error as? AddressError)?.description,
                           "\"luton-chi\" could be any of 2 plans: luton-chief-executive-2006-07, luton-children-learning-2006-07; give more of the id")
        }
        XCTAssertThrowsError(try AddressResolution.planID("cumbria", among: ids)) { error in
            XCTAssertEqual((error as? AddressError)?.isNotFound, true)
        }
    }

    func testTargetsByIdAlone() throws {
        let holders: [String: [String]] = ["t12": ["luton-disability-equality-2008"], "t1": ["kent", "luton-chief-executive-2006-07"]]
        func resolve(_ text: String, plan: String? = nil) throws -> TargetAddress {
            try AddressResolution.target(text, plan: plan, among: ids) { holders[$0] ?? [] }
        }
        XCTAssertEqual(try resolve("t12"), TargetAddress(planID: "luton-disability-equality-2008", targetID: "t12"))
        XCTAssertEqual(try resolve("luton-dis/t12"), TargetAddress(planID: "luton-disability-equality-2008", targetID: "t12"))
        XCTAssertEqual(try resolve("t1", plan: "kent"), TargetAddress(planID: "kent", targetID: "t1"))
        XCTAssertEqual(try resolve("t1", plan: "luton-chie"), TargetAddress(planID: "luton-chief-executive-2006-07", targetID: "t1"))
        XCTAssertThrowsError(try resolve("t1")) { error in
            XCTAssertEqual((error as? AddressError)?.description,
                           "\"t1\" is a target in 2 plans: kent, luton-chief-executive-2006-07; give PLAN_ID/t1 or --plan PLAN_ID")
        }
        XCTAssertThrowsError(try resolve("t99")) { XCTAssertEqual(($0 as? AddressError)?.isNotFound, true) }
        XCTAssertThrowsError(try resolve("a/b/c")) { XCTAssertEqual($0 as? AddressError, .malformed("a/b/c")) }
        XCTAssertThrowsError(try resolve("kent/t1", plan: "luton-dis")) {
            XCTAssertEqual($0 as? AddressError, .conflictingPlans("kent/t1", option: "luton-dis"))
        }
        XCTAssertThrowsError(try resolve("../etc/t1"))
    }

    // MARK: - Officers

    func testOfficerSuggestions() {
        let officers = ["Head of HR", "Head of Housing", "Corporate Procurement Manager", "GS", "CSO", "Jo Fisher, Service Manager"]
        XCTAssertEqual(OfficerSuggestion.suggestions(for: "head of h", among: officers), ["Head of HR", "Head of Housing"])
        XCTAssertEqual(OfficerSuggestion.suggestions(for: "Head of RH", among: officers).first, "Head of HR")
        XCTAssertEqual(OfficerSuggestion.suggestions(for: "hed of hr", among: officers).first, "Head of HR")
        XCTAssertEqual(OfficerSuggestion.suggestions(for: "procurement", among: officers), ["Corporate Procurement Manager"])
        XCTAssertEqual(OfficerSuggestion.suggestions(for: "jo fsher", among: officers), ["Jo Fisher, Service Manager"])
        XCTAssertEqual(OfficerSuggestion.suggestions(for: "zzzz", among: officers), [])
        XCTAssertEqual(OfficerSuggestion.distance("kitten", "sitting", limit: 5), 3)
    }

    /// `meet --officer` with a name that leads nothing would open an empty meeting: it is refused
    /// before the screen opens, with the close names (no terminal needed to see it).
    func testMeetWithAnUnknownOfficerSuggestsCloseNames() throws {
        let dir = try CLI.scratchData(copying: ["luton-chief-executive-2006-07.json"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try CLI.run(["meet", "luton-chief-executive-2006-07", "--data", dir, "--officer", "H of X"])
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertEqual(r.stderr, "actionplan: no lead officer of luton-chief-executive-2006-07 matches \"H of X\"; did you mean \"All H of S\" or \"H of S\"?\n")
        let none = try CLI.run(["meet", "luton-chief-executive-2006-07", "--data", dir, "--officer", "Zebedee"])
        XCTAssertEqual(none.status, 2)
        XCTAssertEqual(none.stderr, "actionplan: no lead officer of luton-chief-executive-2006-07 matches \"Zebedee\"\n")
    }

    func testListSaysWhenTheOfficerMatchesNobody() {
        let plan = OutputFixtures.smallPlan()
        var filter = TargetFilter(asOf: Day(iso: "2008-01-21")!)
        filter.officer = OfficerQuery("head of h")
        let list = ListOutput(format: .text, filter: filter, glyphs: .unicode)
        list.add(plan, filter)
        XCTAssertEqual(list.officerNotice, "no lead officer matches \"head of h\"; did you mean \"Head of HR\"?")
        filter.officer = OfficerQuery("head of hr")
        filter.statuses = [.met] // matches an officer, just no target with these conditions: nothing to say
        let matching = ListOutput(format: .text, filter: filter, glyphs: .unicode)
        matching.add(plan, filter)
        XCTAssertNil(matching.officerNotice)
    }
}
