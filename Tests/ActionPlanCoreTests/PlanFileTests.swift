import XCTest
@testable import ActionPlanCore

final class PlanFileTests: XCTestCase {
    func testRoundTripKeepsEveryField() throws {
        let plan = Fixtures.samplePlan()
        let bytes = PlanFile.encode(plan)
        let decoded = PlanFile.decode(bytes, file: "sample.json", expectedID: "sample")
        XCTAssertEqual(decoded.problems, [])
        XCTAssertEqual(decoded.loaded?.plan, plan)
        // Encoding what was decoded gives the same bytes: saving an unchanged plan changes nothing.
        XCTAssertEqual(PlanFile.encode(decoded.loaded!.plan), bytes)
    }

    func testUnknownKeysAreKeptOnSave() throws {
        var text = String(decoding: PlanFile.encode(Fixtures.samplePlan()), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"id\": \"t3\",", with: "\"id\": \"t3\",\n\"ragRating\": \"amber\",")
        text = text.replacingOccurrences(of: "\"schemaVersion\": 2,", with: "\"schemaVersion\": 2,\n\"owner\": {\"name\": \"Jo\"},")
        let loaded = try XCTUnwrap(PlanFile.decode(Array(text.utf8), file: "x", expectedID: nil).loaded)
        XCTAssertEqual(Set(loaded.unknownKeys), ["$.owner", "$.keyIssues[1].objectives[0].targets[0].ragRating"])
        let again = String(decoding: PlanFile.encode(loaded.plan), as: UTF8.self)
        XCTAssertTrue(again.contains("\"ragRating\": \"amber\""))
        XCTAssertTrue(again.contains("\"owner\": {\n    \"name\": \"Jo\"\n  }"))
    }

    func testFileFormatIsSortedPrettyWithTrailingNewline() {
        let text = String(decoding: PlanFile.encode(Fixtures.samplePlan()), as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("{\n  \"asAt\": \"2008-01-21\",\n  \"department\": \"Children & Learning\",\n"))
        XCTAssertTrue(text.hasSuffix("}\n"))
        XCTAssertFalse(text.hasSuffix("}\n\n"))
        XCTAssertTrue(text.contains("\"baseline\": 52.5,"))
        XCTAssertTrue(text.contains("\"target\": 55"), "whole numbers are written without .0")
        XCTAssertTrue(text.contains("Ünïcödé ✓ note"), "non-ASCII is written as is")
        XCTAssertTrue(text.contains("\"comment\": \"Done, see report\\nsecond line\""))
    }

    func testDueIsDerivedFromTimescaleWhenAbsent() throws {
        let json = plainPlan(target: #"{"id": "t1", "text": "x", "leadOfficers": [], "timescale": "Sept. 06", "status": "met"}"#)
        let plan = try XCTUnwrap(PlanFile.decode(Array(json.utf8), file: "p.json", expectedID: "p").loaded?.plan)
        XCTAssertEqual(plan.allTargets[0].due, Day(iso: "2006-09-30"))
        XCTAssertEqual(plan.nextTargetId, 2)
    }

    // MARK: - Validation: every kind of bad file gets file, where and what was expected.

    private func problems(_ json: String, expectedID: String? = "p") -> [String] {
        PlanFile.decode(Array(json.utf8), file: "p.json", expectedID: expectedID).problems.map(\.description)
    }

    private func plainPlan(target: String, extra: String = "") -> String {
        #"{"schemaVersion": 1, "id": "p", "title": "P", \#(extra) "keyIssues": [{"number": 1, "title": "K", "objectives": [{"text": "O", "targets": [\#(target)]}]}]}"#
    }

    private let goodTarget = #"{"id": "t1", "text": "x", "leadOfficers": ["GS"], "timescale": "Aug 06", "status": "met"}"#

    func testMalformedJSONNamesLineAndColumn() {
        let p = problems("{\n  \"schemaVersion\": 1,\n  \"id\": \"p\",,\n}")
        XCTAssertEqual(p.count, 1)
        XCTAssertTrue(p[0].hasPrefix("p.json: line 3, column 13: "), p[0])
    }

    func testDuplicateKeysAreRejectedNotSilentlyDropped() {
        let p = problems(#"{"schemaVersion": 1, "id": "p", "id": "q", "title": "P", "keyIssues": []}"#)
        XCTAssertEqual(p.count, 1)
        XCTAssertTrue(p[0].contains("duplicate key \"id\""), p[0])
    }

    func testWrongTypes() {
        XCTAssertEqual(problems(plainPlan(target: goodTarget.replacingOccurrences(of: #"["GS"]"#, with: #""GS""#))),
                       [#"p.json: $.keyIssues[0].objectives[0].targets[0].leadOfficers: expected an array, found a string"#])
        XCTAssertEqual(problems(#"{"schemaVersion": "1", "id": "p", "title": "P", "keyIssues": []}"#),
                       [#"p.json: $.schemaVersion: expected a whole number, found a string"#])
        XCTAssertEqual(problems("[1, 2]"), ["p.json: $: expected the plan object ({ … }), found an array"])
    }

    func testMissingRequiredFields() {
        XCTAssertEqual(problems(#"{"schemaVersion": 1, "id": "p", "keyIssues": []}"#),
                       [#"p.json: $: missing required key "title""#])
        let noStatus = goodTarget.replacingOccurrences(of: #", "status": "met""#, with: "")
        XCTAssertEqual(problems(plainPlan(target: noStatus)),
                       [#"p.json: $.keyIssues[0].objectives[0].targets[0]: missing required key "status" (met, notMet, partiallyMet or notAssessed)"#])
    }

    func testDuplicateTargetIds() {
        let p = problems(plainPlan(target: goodTarget + ", " + goodTarget))
        XCTAssertEqual(p, [#"p.json: $.keyIssues[0].objectives[0].targets[1].id: duplicate target id "t1" (first used at $.keyIssues[0].objectives[0].targets[0])"#])
    }

    func testUnknownStatus() {
        let p = problems(plainPlan(target: goodTarget.replacingOccurrences(of: #""met""#, with: #""done""#)))
        XCTAssertEqual(p, [#"p.json: $.keyIssues[0].objectives[0].targets[0].status: expected one of met, notMet, partiallyMet, notAssessed; found "done""#])
    }

    func testReviewNumbersAreUniqueAndAtMostOneIsOpen() {
        let reviews = #""reviews": [{"number": 1, "asAt": "2008-01-21"}, {"number": 1, "asAt": "2008-02-21", "closedAt": "x"}, {"number": 0, "asAt": "2008-03-21"}],"#
        XCTAssertEqual(problems(plainPlan(target: goodTarget, extra: reviews)), [
            "p.json: $.reviews[1].number: duplicate review number 1",
            "p.json: $.reviews[2].number: expected a review number of 1 or more, found 0",
            #"p.json: $.reviews[2]: review 0 is open, but so is review 1; at most one review may be open (give one a "closedAt")"#,
        ])
    }

    func testNewerSchemaVersionIsRefused() {
        let p = problems(#"{"schemaVersion": 3, "id": "p", "title": "P", "keyIssues": []}"#)
        XCTAssertEqual(p, ["p.json: $.schemaVersion: schemaVersion 3 is newer than this program understands (2); upgrade actionplan to open this file"])
    }

    func testBadDatesAndIdMismatch() {
        let p = problems(plainPlan(target: goodTarget, extra: #""asAt": "21/01/2008","#))
        XCTAssertEqual(p, [#"p.json: $.asAt: expected a date as YYYY-MM-DD, found "21/01/2008""#])
        let q = problems(plainPlan(target: goodTarget), expectedID: "other")
        XCTAssertEqual(q, [#"p.json: $.id: the id "p" does not match the file name (expected "other", as in other.json)"#])
    }

    func testPathEscapingIdsAreRejected() {
        for bad in ["../etc", "/abs", "a/b", ".hidden", "nul\u{0}x", ""] {
            XCTAssertNotNil(PlanID.problem(with: bad), bad)
        }
        XCTAssertNil(PlanID.problem(with: "luton-children-learning-2006-07"))
        XCTAssertNil(TargetAddress("../x/t1"))
        XCTAssertEqual(TargetAddress("plan/t1")?.targetID, "t1")
        XCTAssertThrowsError(try PlanStore(directory: "/tmp").path(for: "../../etc/passwd"))
    }

    func testValidationCollectsEveryProblem() {
        let bad = #"{"schemaVersion": 1, "id": "p", "title": 5, "keyIssues": [{"number": 1, "objectives": [{"text": "O", "targets": [{"id": "t1", "text": "x", "leadOfficers": [], "timescale": "", "status": "nope"}]}]}]}"#
        let p = problems(bad)
        XCTAssertEqual(p.count, 3, p.joined(separator: "\n"))
    }

    func testOversizedFileIsRefusedBeforeReading() throws {
        let dir = Fixtures.temporaryDirectory()
        let path = "\(dir)/big.json"
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(PlanFile.maxBytes + 1))
        try handle.close()
        let (loaded, problems) = PlanFile.inspect(path: path)
        XCTAssertNil(loaded)
        XCTAssertTrue(problems[0].message.contains("larger than the 64 MiB limit"), problems[0].message)
    }
}

final class TargetNumberLimitTests: XCTestCase {
    /// A valid but enormous id must not overflow the next-id counter (it used to crash loading).
    func testHugeTargetNumberDoesNotCrash() throws {
        let json = #"{"schemaVersion": 1, "id": "p", "title": "P", "keyIssues": [{"number": 1, "title": "K", "objectives": [{"text": "O", "targets": [{"id": "t9223372036854775807", "text": "x", "leadOfficers": [], "timescale": "", "status": "met"}]}]}]}"#
        var plan = try XCTUnwrap(PlanFile.decode(Array(json.utf8), file: "p.json", expectedID: "p").loaded?.plan)
        XCTAssertEqual(plan.nextTargetId, 1, "an id beyond the counted range is a hand-made id")
        XCTAssertEqual(plan.makeTargetId(), "t1")
        let big = json.replacingOccurrences(of: #""schemaVersion": 1,"#, with: #""schemaVersion": 1, "nextTargetId": 5000000000,"#)
        let problems = PlanFile.decode(Array(big.utf8), file: "p.json", expectedID: "p").problems.map(\.description)
        XCTAssertEqual(problems.count, 1)
        XCTAssertTrue(problems[0].contains("$.nextTargetId: expected a number from 1 to 1000000000"), problems[0])
    }
}
