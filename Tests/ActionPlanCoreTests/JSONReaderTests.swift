import Foundation
import XCTest
@testable import ActionPlanCore

/// The pull reader driven value by value (as PlanDecoder drives it: known-key tables, readString/readNumber,
/// skipValue) against the same reader's whole-value parse (JSONParser.parse): on any input both must accept
/// the same documents (giving the same values) and reject the rest with the same message, line and column.
final class JSONReaderTests: XCTestCase {
    // MARK: - Same decision and same error as the tree parser

    func testJSONTestSuiteCorpusAgreesWithTreeParser() throws {
        let corpus = Fixtures.repoRoot.appendingPathComponent("../shared/jsontestsuite/test_parsing").standardizedFileURL
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        XCTAssertGreaterThan(names.count, 300, "JSONTestSuite corpus missing; looked in \(corpus.path)")
        for name in names {
            let bytes = try [UInt8](Data(contentsOf: corpus.appendingPathComponent(name)))
            assertAgreesWithTreeParser(bytes, name)
        }
    }

    func testMutatedPlansAgreeWithTreeParser() throws {
        var documents = [Array(JSONFuzzTests.planDocument.utf8), PlanFile.encode(Fixtures.samplePlan())]
        let dataDir = Fixtures.repoRoot.appendingPathComponent("data")
        for file in try FileManager.default.contentsOfDirectory(atPath: dataDir.path).filter({ $0.hasSuffix(".json") }).sorted().prefix(2) {
            documents.append(Array(try Data(contentsOf: dataDir.appendingPathComponent(file))))
        }
        var random = SplitMix64(seed: 0x9011_2026)
        let inserts = Array(#"{}[],:"\ 0-tfn"#.utf8) + [0x09, 0x0A, 0x0D, 0x80, 0xC3, 0xE2, 0xED, 0xFF]
        var rejected = 0
        for round in 0..<1_500 {
            var bytes = documents[round % documents.count]
            for _ in 0..<(1 + random.below(3)) {
                let at = random.below(bytes.count + 1)
                switch random.below(5) {
                case 0 where at < bytes.count: bytes[at] ^= UInt8(truncatingIfNeeded: 1 << random.below(8))
                case 1 where at < bytes.count: bytes.removeSubrange(at..<min(bytes.count, at + 1 + random.below(8)))
                case 2: bytes.insert(inserts[random.below(inserts.count)], at: at)
                case 3 where at < bytes.count:
                    // Copy a stretch elsewhere: makes duplicate keys and repeated members.
                    let end = min(bytes.count, at + 1 + random.below(60))
                    bytes.insert(contentsOf: bytes[at..<end], at: random.below(bytes.count + 1))
                default: bytes.removeSubrange(at...)
                }
            }
            if (try? JSONParser.parse(bytes)) == nil { rejected += 1 }
            assertAgreesWithTreeParser(bytes, "round \(round)", seed: UInt64(round))
        }
        XCTAssertGreaterThan(rejected, 1_000)
    }

    func testDuplicateKeysAgreeWithTreeParser() {
        let many = (0..<20).map { "\"k\($0)\": \($0), " }.joined()
        for text in [
            #"{"id": 1, "status": 2, "id": 3}"#,                       // a known key twice
            #"{"status": 1, "st\u0061tus": 2}"#,                        // spelt with an escape
            #"{"x": 1, "id": 2, "x": 3}"#,                              // an unknown key twice
            "{" + many + #""k3": 0}"#,                                  // past 16 unknown keys
            #"{"\u00e9": 1, "e\u0301": 2, "\u00e9": 3}"#,               // canonically equal is not equal
            #"{"a": {"id": 1}, "b": {"id": 2, "text": {"id": 3, "id": 4}}}"#,
        ] {
            assertAgreesWithTreeParser(Array(text.utf8), text)
        }
    }

    // MARK: - The interface

    func testReadsScalarsAndReportsKinds() throws {
        try withReader(#"[ "s", -1.5e1, true, false, null, {}, [] ]"#) { reader in
            var array = try XCTUnwrap(reader.beginArray())
            XCTAssertEqual(try reader.nextElement(&array), 0)
            XCTAssertEqual(try reader.peek(), .string)
            XCTAssertNil(try reader.readNumber())  // another kind: nil, nothing read
            XCTAssertEqual(try reader.readString(), "s")
            XCTAssertEqual(try reader.nextElement(&array), 1)
            XCTAssertEqual(try reader.readNumber(), -15)
            XCTAssertEqual(try reader.nextElement(&array), 2)
            XCTAssertEqual(try reader.readBool(), true)
            XCTAssertEqual(try reader.nextElement(&array), 3)
            XCTAssertNil(try reader.readString())
            XCTAssertEqual(try reader.readBool(), false)
            XCTAssertEqual(try reader.nextElement(&array), 4)
            XCTAssertFalse(try reader.readBool() != nil)
            XCTAssertTrue(try reader.readNull())
            XCTAssertEqual(try reader.nextElement(&array), 5)
            XCTAssertEqual(try reader.peek(), .object)
            XCTAssertNil(try reader.beginArray())
            XCTAssertEqual(try reader.parseValue(), .object([]))
            XCTAssertEqual(try reader.nextElement(&array), 6)
            XCTAssertEqual(try reader.peek().typeName, "an array")
            try reader.skipValue()
            XCTAssertNil(try reader.nextElement(&array))
            try reader.finish()
        }
    }

    func testKnownKeysAndOtherKeys() throws {
        try withReader(#"{"id": "t1", "ragRating": {"a": [1]}, "st\u0061tus": "met"}"#) { reader in
            var object = try XCTUnwrap(reader.beginObject())
            var seen: [String] = []
            while let key = try reader.nextKey(&object, TestKey.table) {
                switch key {
                case .known(.id), .known(.status): seen.append("\(key.name)=\(try reader.readString()!)")
                case .known: XCTFail("unexpected \(key.name)")
                case .other(let name): seen.append("\(name)=\(try reader.parseValue())")
                }
            }
            try reader.finish()
            XCTAssertEqual(seen, ["id=t1", "ragRating=\(JSONValue.object([JSONMember("a", .array([.number(1)]))]))", "status=met"])
        }
    }

    func testErrorsMatchTreeParserMessages() {
        assertReaderRejects(#"{"a": 1,}"#, at: 1, 8, "trailing comma before '}'")
        assertReaderRejects("[1, 2,]", at: 1, 6, "trailing comma before ']'")
        assertReaderRejects(#"{"id": 1, "id": 2}"#, at: 1, 11, #"duplicate key "id" (first at line 1, column 2)"#)
        assertReaderRejects("[,1]", at: 1, 2, "expected a JSON value or ']', found ','")
        assertReaderRejects("[1,", at: 1, 4, "expected a JSON value, found end of file")
        assertReaderRejects("[+1]", at: 1, 2, "numbers cannot start with '+'")
        assertReaderRejects("[tru]", at: 1, 2, "expected 'true', found 'tru'")
        assertReaderRejects("{} x", at: 1, 4, "expected end of file after the JSON value, found 'x'")
        assertReaderRejects(String(repeating: "[", count: 65) + String(repeating: "]", count: 65), at: 1, 65, "nesting deeper than 64 levels")
        assertReaderRejects("[1]", at: 1, 1, "file is larger than the 2-byte limit", limits: JSONLimits(maxBytes: 2))
        assertReaderRejects(bytes: [0xFF, 0xFE, 0x5B, 0x00], at: 1, 1, "the file is UTF-16 (little-endian) encoded; save it as UTF-8")
        assertReaderRejects(bytes: [0x5B, 0x22, 0xE9, 0x22, 0x5D], at: 1, 3, "invalid UTF-8 sequence 0xE9 0x22")
    }

    // MARK: - Helpers

    private typealias Outcome = Result<JSONValue, JSONSyntaxError>

    private func withReader(_ text: String, _ body: (inout JSONReader) throws -> Void) throws {
        try Array(text.utf8).withUnsafeBufferPointer { buffer in
            var reader = try JSONReader(buffer, limits: .default)
            try body(&reader)
        }
    }

    private func assertReaderRejects(_ text: String, at line: Int, _ column: Int, _ message: String,
                                     limits: JSONLimits = .default, file: StaticString = #filePath, line testLine: UInt = #line) {
        assertReaderRejects(bytes: Array(text.utf8), at: line, column, message, limits: limits, file: file, line: testLine)
    }

    private func assertReaderRejects(bytes input: [UInt8], at line: Int, _ column: Int, _ message: String,
                                     limits: JSONLimits = .default, file: StaticString = #filePath, line testLine: UInt = #line) {
        let expected = JSONSyntaxError(line: line, column: column, message: message)
        XCTAssertEqual(Self.tree(input, limits: limits), .failure(expected), "tree parser", file: file, line: testLine)
        for mode in ReadMode.allCases {
            XCTAssertEqual(Self.pull(input, mode, limits: limits), .failure(expected), "\(mode)", file: file, line: testLine)
        }
    }

    /// Every way of reading `bytes` with the reader agrees with the tree parser.
    private func assertAgreesWithTreeParser(_ bytes: [UInt8], _ label: String, seed: UInt64 = 1,
                                            file: StaticString = #filePath, line: UInt = #line) {
        let expected = Self.tree(bytes)
        for mode in ReadMode.allCases {
            let actual = Self.pull(bytes, mode, seed: seed)
            switch (expected, actual, mode) {
            case (.success, .success, .skip): break  // skipping gives no value to compare
            default: XCTAssertEqual(actual.map(Self.numbersAsValues), expected.map(Self.numbersAsValues), "\(label), \(mode)", file: file, line: line)
            }
        }
    }

    /// The tree keeps each number's text; the reader's readNumber gives a Double. Compared as Doubles.
    private static func numbersAsValues(_ value: JSONValue) -> JSONValue {
        switch value {
        case .number(let n): return .number(n.value)
        case .array(let elements): return .array(elements.map(numbersAsValues))
        case .object(let members): return .object(members.map { JSONMember($0.key, numbersAsValues($0.value)) })
        default: return value
        }
    }

    private static func tree(_ bytes: [UInt8], limits: JSONLimits = .default) -> Outcome {
        Result { () throws(JSONSyntaxError) in try JSONParser.parse(bytes, limits: limits) }
    }

    /// How the reader is driven: key by key (as strings, or through a table of known keys), whole values at once
    /// (parseValue, skipValue), or a random mix of descending and parseValue.
    enum ReadMode: CaseIterable {
        case walk, keyed, parse, skip, mixed
    }

    private static func pull(_ bytes: [UInt8], _ mode: ReadMode, seed: UInt64 = 1, limits: JSONLimits = .default) -> Outcome {
        bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONSyntaxError) -> JSONValue in
                var reader = try JSONReader(buffer, limits: limits)
                var random = SplitMix64(seed: seed)
                let value: JSONValue
                switch mode {
                case .parse: value = try reader.parseValue()
                case .skip: try reader.skipValue(); value = .null
                case .walk, .keyed, .mixed: value = try read(&reader, mode, &random)
                }
                try reader.finish()
                return value
            }
        }
    }

    /// Builds the tree from the reader's calls alone.
    private static func read(_ reader: inout JSONReader, _ mode: ReadMode, _ random: inout SplitMix64) throws(JSONSyntaxError) -> JSONValue {
        if mode == .mixed && random.below(3) == 0 { return try reader.parseValue() }
        switch try reader.peek() {
        case .string: return .string(try reader.readString()!)
        case .number:
            // The value as the decoder reads it, compared with the tree's text read as a Double (see `numbersAsValues`).
            return .number(try reader.readNumber()!)
        case .bool: return .bool(try reader.readBool()!)
        case .null:
            guard try reader.readNull() else { fatalError("peek said null") }
            return .null
        case .array:
            var array = try reader.beginArray()!
            var elements: [JSONValue] = []
            while let i = try reader.nextElement(&array) {
                precondition(i == elements.count)
                elements.append(try read(&reader, mode, &random))
            }
            return .array(elements)
        case .object:
            var object = try reader.beginObject()!
            var members: [JSONMember] = []
            if mode == .keyed {
                // Known keys exercise the bit-per-key duplicate check; the rest the general one.
                while let key = try reader.nextKey(&object, TestKey.table) {
                    members.append(JSONMember(key.name, try read(&reader, mode, &random)))
                }
            } else {
                while let key = try reader.nextKey(&object) {
                    members.append(JSONMember(key, try read(&reader, mode, &random)))
                }
            }
            return .object(members)
        }
    }
}

/// Known keys for the tests: a few that the corpus and the plans use, so both duplicate checks get exercised.
private enum TestKey: String, CaseIterable {
    case id, status, text, a, b
    static let table = JSONKeyTable(Self.self)
}
