import Foundation
import XCTest
@testable import ActionPlanCore

/// The plan codec against files: `PlanFixtures/valid/NAME.json` must load and save as `NAME.expected` (the
/// canonical bytes), `PlanFixtures/damaged/NAME.json` must be refused with exactly the problems listed in
/// `NAME.expected` (one `file: location: message` a line, in order). Re-record the .expected files after a
/// deliberate change of messages or layout with
///
///     RECORD_PLAN_FIXTURES=1 swift test --disable-swift-testing --filter PlanFixtureTests
///
/// and read the diff before committing it: it is the change users will see.
final class PlanFixtureTests: XCTestCase {
    private static let root = Fixtures.repoRoot.appendingPathComponent("Tests/ActionPlanCoreTests/PlanFixtures")
    private static let recording = ProcessInfo.processInfo.environment["RECORD_PLAN_FIXTURES"] != nil

    func testValidPlansLoadAndSaveCanonically() throws {
        let names = try Self.fixtures("valid")
        XCTAssertGreaterThanOrEqual(names.count, 5)
        for name in names {
            let bytes = try Self.bytes("valid", name + ".json")
            let outcome = PlanFile.decode(bytes, file: name + ".json", expectedID: nil)
            guard let plan = outcome.loaded?.plan else {
                XCTFail("\(name): \(outcome.problems)")
                continue
            }
            let saved = PlanFile.encode(plan)
            try check(saved, against: "valid", name)
            // Saving is a fixed point: what was written reads back with the same unknown keys (now in sorted
            // order) and writes the same bytes.
            let again = PlanFile.decode(saved, file: name, expectedID: nil)
            XCTAssertEqual(again.loaded?.unknownKeys.sorted(), outcome.loaded?.unknownKeys.sorted(), name)
            XCTAssertEqual(again.loaded.map { String(decoding: PlanFile.encode($0.plan), as: UTF8.self) }, String(decoding: saved, as: UTF8.self), name)
        }
    }

    func testDamagedPlansAreRefusedWithTheirMessages() throws {
        let names = try Self.fixtures("damaged")
        XCTAssertGreaterThanOrEqual(names.count, 40)
        for name in names {
            let bytes = try Self.bytes("damaged", name + ".json")
            let outcome = PlanFile.decode(bytes, file: name + ".json", expectedID: nil)
            XCTAssertNil(outcome.loaded, "\(name) loaded")
            let report = outcome.problems.map { $0.description + "\n" }.joined()
            try check(Array(report.utf8), against: "damaged", name)
        }
    }

    /// Every file of JSONTestSuite given to the plan decoder: nothing crashes, a file that is not JSON is
    /// refused with a line and column, and a JSON value that is not a plan is refused for its content.
    func testJSONTestSuiteThroughThePlanDecoder() throws {
        let corpus = Fixtures.repoRoot.appendingPathComponent("../shared/jsontestsuite/test_parsing").standardizedFileURL
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        XCTAssertGreaterThan(names.count, 300, "JSONTestSuite corpus missing; looked in \(corpus.path)")
        for name in names {
            let bytes = try [UInt8](Data(contentsOf: corpus.appendingPathComponent(name)))
            let outcome = PlanFile.decode(bytes, file: name, expectedID: nil)
            XCTAssertNil(outcome.loaded, name)
            guard let first = outcome.problems.first else { XCTFail("\(name): refused without a problem"); continue }
            let syntax = first.location.hasPrefix("line ")
            if name.hasPrefix("n_") { XCTAssertTrue(syntax && outcome.problems.count == 1, "\(name): \(first)") }
            if name.hasPrefix("y_") && !name.contains("duplicated_key") { XCTAssertFalse(syntax, "\(name): \(first)") }
        }
    }

    // MARK: - Helpers

    private func check(_ actual: [UInt8], against folder: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = Self.root.appendingPathComponent(folder).appendingPathComponent(name + ".expected")
        if Self.recording {
            try Data(actual).write(to: url)
            return
        }
        guard let expected = try? Data(contentsOf: url) else {
            return XCTFail("\(folder)/\(name).expected is missing (record it: see PlanFixtureTests)", file: file, line: line)
        }
        XCTAssertEqual(String(decoding: actual, as: UTF8.self), String(decoding: expected, as: UTF8.self), "\(folder)/\(name)", file: file, line: line)
    }

    private static func fixtures(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }

    private static func bytes(_ folder: String, _ file: String) throws -> [UInt8] {
        Array(try Data(contentsOf: root.appendingPathComponent(folder).appendingPathComponent(file)))
    }
}
