import Foundation
import XCTest
@testable import ActionPlanCore

/// PlanFile.decode (straight from the bytes through JSONReader) against the way it decoded before: the tree
/// parser, then TreePlanDecoder over the tree. Same plan, same problems in the same order with the same
/// locations and messages, same unknown keys, on real plans and on damaged ones.
final class PlanDecoderEquivalenceTests: XCTestCase {
    func testRealPlansDecodeAsBefore() throws {
        for (name, bytes) in try documents() {
            let outcome = assertSameAsTree(bytes, name)
            XCTAssertNotNil(outcome.loaded, name)
        }
    }

    func testByteMutationsDecodeAsBefore() throws {
        let documents = try documents()
        var random = SplitMix64(seed: 0xDEC0_DE01)
        let inserts = Array(#"{}[],:"\ 0123456789-tfn"#.utf8) + [0x00, 0x0A, 0xC3, 0xE2, 0xFF]
        var syntax = 0, content = 0, accepted = 0
        for round in 0..<1_200 {
            let (name, original) = documents[round % documents.count]
            var bytes = original
            for _ in 0..<(1 + random.below(3)) {
                let at = random.below(bytes.count + 1)
                switch random.below(5) {
                case 0 where at < bytes.count: bytes[at] ^= UInt8(truncatingIfNeeded: 1 << random.below(8))
                case 1 where at < bytes.count: bytes.removeSubrange(at..<min(bytes.count, at + 1 + random.below(12)))
                case 2: bytes.insert(inserts[random.below(inserts.count)], at: at)
                case 3 where at < bytes.count:
                    let end = min(bytes.count, at + 1 + random.below(80))
                    bytes.insert(contentsOf: bytes[at..<end], at: random.below(bytes.count + 1))
                default: bytes.removeSubrange(at...)
                }
            }
            let outcome = assertSameAsTree(bytes, "\(name) round \(round)")
            if outcome.loaded != nil { accepted += 1 } else if outcome.problems.first?.location.hasPrefix("line ") == true { syntax += 1 } else { content += 1 }
        }
        XCTAssertGreaterThan(syntax, 500)
        XCTAssertGreaterThan(content, 20)
        XCTAssertGreaterThan(accepted, 20)
    }

    /// Edits that keep the JSON well formed but break the plan: wrong types, bad values, missing and unknown
    /// keys, duplicate target ids. These reach every content check, and the wrong-type skips.
    func testStructuralMutationsDecodeAsBefore() throws {
        let documents = try documents().compactMap { name, bytes in (try? JSONParser.parse(bytes)).map { (name, $0) } }
        var random = SplitMix64(seed: 0x57_2026)
        var content = 0
        for round in 0..<1_500 {
            let (name, original) = documents[round % documents.count]
            var value = original
            for _ in 0..<(1 + random.below(4)) { Self.mutate(&value, &random) }
            let bytes = JSONWriter.serialize(value, sortKeys: random.below(2) == 0)
            let outcome = assertSameAsTree(bytes, "\(name) round \(round)")
            if outcome.loaded == nil { content += 1 }
        }
        XCTAssertGreaterThan(content, 1_000)
    }

    func testEveryKindOfProblemIsReportedAsBefore() {
        let target = #"{"id": "t1", "text": 5, "leadOfficers": "GS", "timescale": [], "status": "done", "due": "2006-02-30", "measure": {"baseline": "x", "better": "up", "extra": [1, {"a": null}]}, "history": [{"when": 1, "field": "colour", "note": null}, 7], "ragRating": "amber"}"#
        let text = #"""
            {"schemaVersion": 1.5, "id": "../p", "title": null, "notes": ["a", 1, null], "asAt": "21/01/2008",
             "period": {"start": "2006-13", "end": 2007, "other": true}, "nextTargetId": "5",
             "keyIssues": [3, {"number": 1e20, "title": "K", "objectives": [{"targets": [\#(target), \#(target), {"id": "t/2"}]}, "x"]}],
             "reviews": [{"number": 1, "asAt": "2007-01-31", "snapshot": [{"id": "t1", "status": "gone", "extra": {}}, []]}, {}],
             "owner": {"name": "Jo"}}
            """#
        let outcome = assertSameAsTree(Array(text.utf8), "every problem")
        XCTAssertGreaterThan(outcome.problems.count, 25)
        // And a syntax error after all of that still wins alone.
        let broken = assertSameAsTree(Array((text + ",").utf8), "syntax error at the end")
        XCTAssertEqual(broken.problems.count, 1)
        XCTAssertEqual(broken.problems.first?.message, "expected end of file after the JSON value, found ','")
    }

    func testSpecialCasesDecodeAsBefore() {
        for text in [
            "", "   ", "[1, 2]", "\"plan\"", "null", "{}", "{} {}", "[1,]",
            #"{"schemaVersion": 1, "id": "p", "title": "P", "keyIssues": []}"#,
            #"{"schemaVersion": 1, "id": "p", "title": "P", "keyIssues": [], "id": "q"}"#,
            #"{"schemaVersion": 1, "id": "p", "title": "P", "keyIssues": [{"number": 1, "title": "K", "objectives": [{"text": "O", "targets": [{"id": "t-5", "text": "x", "leadOfficers": [], "timescale": "", "status": "met"}]}]}]}"#,
            #"{"schemaVersion": 1, "id": "p", "title": "P", "keyIssues": [], "nextTargetId": -3}"#,
            #"{"schemaVersion": 1, "id": "p", "title": "P", "keyIssues": [], "x": {"y": [1, 2,]}}"#,
            #"{"schemaVersion": 1, "id": "p", "title": "P", "keyIssues": [], "period": {"start": "2006-04", "end": "2006-01"}}"#,
            #"{"sch\u0065maVersion": 1, "id": "p", "title": "P", "keyIssues": [], "\u212Aey": 1}"#,
        ] {
            assertSameAsTree(Array(text.utf8), text)
        }
    }

    // MARK: - Helpers

    private func documents() throws -> [(String, [UInt8])] {
        let dataDir = Fixtures.repoRoot.appendingPathComponent("data")
        var documents = [("luton-cl-2006.json", Array(JSONFuzzTests.planDocument.utf8)), ("sample.json", PlanFile.encode(Fixtures.samplePlan()))]
        for file in try FileManager.default.contentsOfDirectory(atPath: dataDir.path).filter({ $0.hasSuffix(".json") }).sorted() {
            documents.append((file, Array(try Data(contentsOf: dataDir.appendingPathComponent(file)))))
        }
        return documents
    }

    /// Decodes `bytes` both ways and checks that everything agrees; returns the new way's outcome.
    @discardableResult
    private func assertSameAsTree(_ bytes: [UInt8], _ label: String, file: StaticString = #filePath, line: UInt = #line)
        -> (loaded: PlanFile.Loaded?, problems: [PlanFileError]) {
        let expectedID = label.hasSuffix(".json") ? String(label.dropLast(5)) : nil
        let actual = PlanFile.decode(bytes, file: "f.json", expectedID: expectedID)
        let expected = Self.decodeThroughTree(bytes, file: "f.json", expectedID: expectedID)
        XCTAssertEqual(actual.problems, expected.problems, label, file: file, line: line)
        XCTAssertEqual(actual.loaded?.plan, expected.loaded?.plan, label, file: file, line: line)
        XCTAssertEqual(actual.loaded?.unknownKeys, expected.loaded?.unknownKeys, label, file: file, line: line)
        XCTAssertEqual(actual.loaded?.fingerprint, expected.loaded?.fingerprint, label, file: file, line: line)
        return actual
    }

    /// PlanFile.decode as it was: parse to a tree, then walk it.
    private static func decodeThroughTree(_ bytes: [UInt8], file: String, expectedID: String?) -> (loaded: PlanFile.Loaded?, problems: [PlanFileError]) {
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes, limits: PlanFile.limits)
        } catch {
            return (nil, [PlanFileError(file: file, location: "line \(error.line), column \(error.column)", message: error.message)])
        }
        var decoder = TreePlanDecoder()
        let plan = decoder.decode(root)
        var problems = decoder.problems.map { PlanFileError(file: file, location: $0.path, message: $0.message) }
        if let plan, let expectedID, problems.isEmpty, plan.id != expectedID {
            problems.append(PlanFileError(file: file, location: "$.id",
                message: "the id \"\(Sanitizer.clean(plan.id))\" does not match the file name (expected \"\(expectedID)\", as in \(expectedID).json)"))
        }
        guard let plan, problems.isEmpty else { return (nil, problems) }
        return (PlanFile.Loaded(plan: plan, fingerprint: Fingerprint(bytes), unknownKeys: decoder.unknownKeys), [])
    }

    // MARK: - Structural mutations

    private static let knownKeys = ["schemaVersion", "id", "title", "organisation", "department", "source", "notes", "asAt",
                                    "period", "nextTargetId", "keyIssues", "reviews", "number", "statement", "objectives", "code",
                                    "text", "expectedOutcome", "targets", "leadOfficers", "timescale", "due", "status", "comment",
                                    "forecast", "measure", "history", "unit", "baseline", "target", "actual", "better", "when",
                                    "who", "field", "old", "new", "note", "openedAt", "closedAt", "snapshot", "start", "end"]

    private static func randomValue(_ random: inout SplitMix64) -> JSONValue {
        switch random.below(14) {
        case 0: return .null
        case 1: return .bool(random.below(2) == 0)
        case 2: return .number(Double(random.below(2000)) - 1000)
        case 3: return .number(1.5)
        case 4: return .number(1e300)
        case 5: return .string("")
        case 6: return .string("2006-02-29")
        case 7: return .string("2007-13")
        case 8: return .string(["met", "notMet", "done", "higher", "status", "t1", "t9", "../x", "Aug 06"][random.below(9)])
        case 9: return .array([])
        case 10: return .array([.string("a"), .number(1)])
        case 11: return .object([])
        case 12: return .object([JSONMember("id", .string("t\(random.below(5))")), JSONMember("text", .string("x"))])
        default: return .string("Ünïcödé \(random.below(10))")
        }
    }

    /// One random edit to an object or array picked uniformly from the whole tree (so deep ones, such as
    /// history entries, get as many edits as the root).
    private static func mutate(_ value: inout JSONValue, _ random: inout SplitMix64) {
        var paths: [[Int]] = []
        collectContainers(value, [], into: &paths)
        edit(&value, at: paths[random.below(paths.count)][...], &random)
    }

    private static func collectContainers(_ value: JSONValue, _ path: [Int], into paths: inout [[Int]]) {
        switch value {
        case .object(let members):
            paths.append(path)
            for (i, member) in members.enumerated() { collectContainers(member.value, path + [i], into: &paths) }
        case .array(let elements):
            paths.append(path)
            for (i, element) in elements.enumerated() { collectContainers(element, path + [i], into: &paths) }
        default: break
        }
    }

    private static func edit(_ value: inout JSONValue, at path: ArraySlice<Int>, _ random: inout SplitMix64) {
        switch value {
        case .object(var members):
            if let i = path.first {
                edit(&members[i].value, at: path.dropFirst(), &random)
            } else {
                switch random.below(4) {
                case 0 where !members.isEmpty: members.remove(at: random.below(members.count))
                case 1:
                    // An unknown key, or a known key from another level (not a duplicate: the writer would write it twice).
                    let key = random.below(2) == 0 ? "extra\(random.below(3))" : knownKeys[random.below(knownKeys.count)]
                    if !members.contains(where: { $0.key == key }) {
                        members.insert(JSONMember(key, randomValue(&random)), at: random.below(members.count + 1))
                    }
                case 2 where !members.isEmpty: members[random.below(members.count)].value = randomValue(&random)
                default: if !members.isEmpty { members.swapAt(random.below(members.count), random.below(members.count)) }
                }
            }
            value = .object(members)
        case .array(var elements):
            if let i = path.first {
                edit(&elements[i], at: path.dropFirst(), &random)
            } else {
                switch random.below(4) {
                case 0 where !elements.isEmpty: elements.remove(at: random.below(elements.count))
                case 1 where !elements.isEmpty: elements.append(elements[random.below(elements.count)])  // duplicate target ids
                case 2 where !elements.isEmpty: elements[random.below(elements.count)] = randomValue(&random)
                default: elements.insert(randomValue(&random), at: random.below(elements.count + 1))
                }
            }
            value = .array(elements)
        default:
            value = randomValue(&random)
        }
    }
}
