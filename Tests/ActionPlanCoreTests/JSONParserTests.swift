import Foundation
import XCTest
@testable import ActionPlanCore

final class JSONParserTests: XCTestCase {
    // MARK: - JSONTestSuite

    /// The y_ files that hold duplicate keys: RFC 8259 only says names SHOULD be unique, but we reject them on purpose.
    private let duplicateKeyFiles: Set<String> = ["y_object_duplicated_key.json", "y_object_duplicated_key_and_value.json"]

    /// The i_ (implementation-defined) files this parser accepts; every other i_ file must be rejected.
    private let acceptedImplementationDefined: Set<String> = [
        "i_number_double_huge_neg_exp.json",  // underflows to 0
        "i_number_real_underflow.json",
        "i_number_too_big_neg_int.json",  // rounded to the nearest double
        "i_number_too_big_pos_int.json",
        "i_number_very_big_negative_int.json",
        "i_structure_UTF-8_BOM_empty_object.json",  // one leading BOM is skipped
    ]

    func testJSONTestSuiteCorpus() throws {
        let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let corpus = repoRoot.appendingPathComponent("../shared/jsontestsuite/test_parsing").standardizedFileURL
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        XCTAssertFalse(names.isEmpty, "JSONTestSuite corpus missing or empty; looked in \(corpus.path)")

        var counts = (y: 0, n: 0, i: 0)
        var acceptedI: Set<String> = []
        for name in names {
            let bytes = try [UInt8](Data(contentsOf: corpus.appendingPathComponent(name)))
            let outcome = Result { () throws(JSONSyntaxError) in try JSONParser.parse(bytes) }
            switch (name.prefix(2), outcome) {
            case ("y_", .success):
                counts.y += 1
                XCTAssertFalse(duplicateKeyFiles.contains(name), "\(name): should be rejected for its duplicate key")
            case ("y_", .failure(let error)):
                counts.y += 1
                XCTAssertTrue(duplicateKeyFiles.contains(name) && error.message.hasPrefix("duplicate key"), "\(name): \(error)")
            case ("n_", .success(let value)):
                counts.n += 1
                XCTFail("\(name): accepted as \(value)")
            case ("n_", .failure(let error)):
                counts.n += 1
                XCTAssert(error.line >= 1 && error.column >= 1 && !error.message.isEmpty, "\(name): \(error)")
            case ("i_", let result):
                counts.i += 1
                if case .success = result { acceptedI.insert(name) }
            default:
                break
            }
        }
        XCTAssertGreaterThanOrEqual(counts.y, 95)
        XCTAssertGreaterThanOrEqual(counts.n, 188)
        XCTAssertGreaterThanOrEqual(counts.i, 35)
        XCTAssertEqual(acceptedI, acceptedImplementationDefined)
    }

    // MARK: - Errors: position and message

    func testTrailingCommaInObject() {
        assertRejects("{\n  \"a\": 1,\n}", at: 2, 9, "trailing comma before '}'")
    }

    func testTrailingCommaInArray() {
        assertRejects("[1, 2,]", at: 1, 6, "trailing comma before ']'")
        assertRejects("[1, 2,\n  \n]", at: 1, 6, "trailing comma before ']'")
    }

    func testMissingSeparators() {
        assertRejects("{\"a\": 1]", at: 1, 8, "expected ',' or '}' after object member, found ']'")
        assertRejects("[1 2]", at: 1, 4, "expected ',' or ']' after array element, found '2'")
        assertRejects("{\"a\" 1}", at: 1, 6, "expected ':' after object key, found '1'")
        assertRejects("{a: 1}", at: 1, 2, "expected a string key or '}', found 'a'")
        assertRejects("{'a': 1}", at: 1, 2, "expected a string key or '}', found \"'\"")
        assertRejects("{\"a\": 1, 2}", at: 1, 10, "expected a string key after ',', found '2'")
        assertRejects("[,1]", at: 1, 2, "expected a JSON value or ']', found ','")
    }

    func testUnexpectedEndOfFile() {
        assertRejects("", at: 1, 1, "expected a JSON value, found end of file")
        assertRejects("  \n ", at: 2, 2, "expected a JSON value, found end of file")
        assertRejects("[1", at: 1, 3, "expected ',' or ']' after array element, found end of file")
        assertRejects("[1,", at: 1, 4, "expected a JSON value, found end of file")
        assertRejects("{\"a\":", at: 1, 6, "expected a JSON value, found end of file")
    }

    func testDuplicateKey() {
        let text = """
            {
              "id": "t1",
              "status": "met",
              "text": "x",
              "status": "notMet"
            }
            """
        assertRejects(text, at: 5, 3, "duplicate key \"status\" (first at line 3, column 3)")
        // The same key in different objects is fine.
        XCTAssertNoThrow(try parse("[{\"a\": 1}, {\"a\": 2, \"b\": {\"a\": 3}}]"))
    }

    func testDuplicateKeyInLargeObject() {
        // Past 16 members the check switches from a scan to a dictionary.
        let members = (0..<40).map { "\"k\($0)\": \($0),\n" }.joined()
        assertRejects("{\n" + members + "\"k7\": 0\n}", at: 42, 1, "duplicate key \"k7\" (first at line 9, column 1)")
        assertRejects("{\n" + members + "\"k39\": 0\n}", at: 42, 1, "duplicate key \"k39\" (first at line 41, column 1)")
        XCTAssertNoThrow(try parse("{\n" + members + "\"k40\": 0\n}"))
    }

    func testDuplicateKeyWrittenWithEscapes() {
        assertRejects(#"{"ab": 1, "a\u0062": 2}"#, at: 1, 11, "duplicate key \"ab\" (first at line 1, column 2)")
        assertRejects(#"{"a\n": 1, "a\n": 2}"#, at: 1, 12, #"duplicate key "a\n" (first at line 1, column 2)"#)
    }

    func testCanonicallyEquivalentKeysAreDistinct() throws {
        // "é" precomposed and "e" + combining acute are equal as Swift Strings but are different JSON keys.
        let small = #"{"\u00e9": 1, "e\u0301": 2}"#
        XCTAssertEqual(try objectKeys(small).count, 2)
        let large = "{" + (0..<20).map { "\"k\($0)\": 0, " }.joined() + #""\u00e9": 1, "e\u0301": 2}"#
        XCTAssertEqual(try objectKeys(large).count, 22)
        assertRejects(#"{"\u00e9": 1, "e\u0301": 2, "\u00e9": 3}"#, at: 1, 29, #"duplicate key "é" (first at line 1, column 2)"#)
    }

    func testInvalidUTF8() {
        assertRejects(bytes: [0x5B, 0x22, 0x61, 0xFF, 0x22, 0x5D], at: 1, 4, "invalid UTF-8 byte 0xFF")
        assertRejects(bytes: [0x5B, 0xFF, 0x5D], at: 1, 2, "invalid UTF-8 byte 0xFF")
        assertRejects(bytes: [0x5B, 0x31, 0x5D, 0x20, 0xC0], at: 1, 5, "invalid UTF-8 byte 0xC0")
        assertRejects(bytes: [0x22, 0xE9, 0x22], at: 1, 2, "invalid UTF-8 sequence 0xE9 0x22")  // Latin-1 "é"
        assertRejects(bytes: [0x22, 0xED, 0xA0, 0x80, 0x22], at: 1, 2, "invalid UTF-8 sequence 0xED 0xA0")  // encoded surrogate
        assertRejects(bytes: [0x22, 0xE2, 0x82], at: 1, 2, "invalid UTF-8 sequence 0xE2 0x82 (cut short by end of file)")
        assertRejects(bytes: [0xFF, 0xFE, 0x5B, 0x00, 0x5D, 0x00], at: 1, 1, "the file is UTF-16 (little-endian) encoded; save it as UTF-8")
    }

    func testUTF8ValidationAgreesWithStandardLibrary() {
        // Every lead byte with continuations at the edges of the allowed ranges, whole and cut short.
        let seconds: [UInt8] = [0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF]
        let laters: [UInt8] = [0x41, 0x80, 0xBF, 0xC0]
        for lead in UInt8(0x80)...0xFF {
            var sequences: [[UInt8]] = [[lead]]
            for b2 in seconds {
                sequences.append([lead, b2])
                for b3 in laters {
                    sequences.append([lead, b2, b3])
                    sequences += laters.map { [lead, b2, b3, $0] }
                }
            }
            for sequence in sequences {
                let parsed = try? JSONParser.parse([0x22] + sequence + [0x22])
                let valid = String(validating: sequence, as: UTF8.self)
                XCTAssertEqual(parsed, valid.map { .string($0) }, "\(sequence.map { String($0, radix: 16) })")
            }
        }
    }

    func testNestingLimit() {
        let ok = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        XCTAssertNoThrow(try parse(ok))
        assertRejects(String(repeating: "[", count: 65) + String(repeating: "]", count: 65), at: 1, 65, "nesting deeper than 64 levels")
        assertRejects(#"{"a":{"b":{"c":{}}}}"#, at: 1, 16, "nesting deeper than 3 levels", limits: JSONLimits(maxDepth: 3))
    }

    func testDeepNestingDoesNotCrash() {
        assertRejects(String(repeating: "[", count: 100_000), at: 1, 65, "nesting deeper than 64 levels")
        assertRejects(String(repeating: "{\"a\":", count: 100_000), at: 1, 5 * 64 + 1, "nesting deeper than 64 levels")
    }

    func testSizeLimitIsCheckedBeforeParsing() {
        let tooBig = [UInt8](repeating: UInt8(ascii: "["), count: (64 << 20) + 1)
        assertRejects(bytes: tooBig, at: 1, 1, "file is larger than the 64 MiB limit")
        let limits = JSONLimits(maxBytes: 10)
        assertRejects("[1, 2, 3, 4]", at: 1, 1, "file is larger than the 10-byte limit", limits: limits)
        XCTAssertNoThrow(try parse("[1, 2, 34]", limits: limits))
    }

    func testControlCharacterInString() {
        assertRejects("{\n  \"a\": \"x\ny\"\n}", at: 2, 10, "control character U+000A in string (escape it as \\n)")
        assertRejects("\"a\tb\"", at: 1, 3, "control character U+0009 in string (escape it as \\t)")
        assertRejects("\"\u{1}\"", at: 1, 2, "control character U+0001 in string (escape it as \\u0001)")
    }

    func testLeadingZeros() {
        assertRejects("[00]", at: 1, 2, "leading zeros are not allowed in numbers")
        assertRejects("-012", at: 1, 1, "leading zeros are not allowed in numbers")
    }

    func testMalformedNumbers() {
        assertRejects("[+1]", at: 1, 2, "numbers cannot start with '+'")
        assertRejects("[-]", at: 1, 3, "expected a digit after '-', found ']'")
        assertRejects("[1.]", at: 1, 4, "expected a digit after the decimal point, found ']'")
        assertRejects("[1e+]", at: 1, 5, "expected a digit in the exponent, found ']'")
        assertRejects("[.5]", at: 1, 2, "expected a JSON value or ']', found '.'")
        assertRejects("0x10", at: 1, 2, "expected end of file after the JSON value, found 'x'")
    }

    func testNaNAndInfinity() {
        assertRejects("NaN", at: 1, 1, "expected a JSON value, found 'N'")
        assertRejects("[Infinity]", at: 1, 2, "expected a JSON value or ']', found 'I'")
        assertRejects("-Infinity", at: 1, 2, "expected a digit after '-', found 'I'")
    }

    func testNumberOutOfRange() {
        assertRejects("[1e309]", at: 1, 2, "number out of range")
        assertRejects("-1" + String(repeating: "0", count: 400), at: 1, 1, "number out of range")
    }

    func testEndOfFileInsideString() {
        assertRejects("{\"a\": \"abc", at: 1, 7, "unexpected end of file inside a string")
        assertRejects("\"ab\\", at: 1, 1, "unexpected end of file inside a string")
        assertRejects("\"\\u00", at: 1, 1, "unexpected end of file inside a string")
    }

    func testBadEscapes() {
        assertRejects(#""\x""#, at: 1, 2, #"invalid escape '\x' in string"#)
        assertRejects(#""\u12G4""#, at: 1, 6, #"expected 4 hex digits after \u, found 'G'"#)
    }

    func testLoneSurrogates() {
        assertRejects(#""\uD800""#, at: 1, 2, #"lone surrogate \uD800"#)
        assertRejects(#"["ab\udc00"]"#, at: 1, 5, #"lone surrogate \uDC00"#)
        assertRejects(#""\uD800\u0041""#, at: 1, 2, #"lone surrogate \uD800"#)
        assertRejects(#""\uDD1E\uD834""#, at: 1, 2, #"lone surrogate \uDD1E"#)
    }

    func testLiteralTypo() {
        assertRejects("[tru]", at: 1, 2, "expected 'true', found 'tru'")
        assertRejects("nul", at: 1, 1, "expected 'null', found 'nul'")
    }

    func testAnythingAfterTheValue() {
        assertRejects("{} {}", at: 1, 4, "expected end of file after the JSON value, found '{'")
        assertRejects("[1]]", at: 1, 4, "expected end of file after the JSON value, found ']'")
        XCTAssertNoThrow(try parse("{}\r\n\n  \t"))
    }

    func testColumnsCountUnicodeScalars() {
        assertRejects("[\"é€𝄞\", x]", at: 1, 9, "expected a JSON value, found 'x'")
        assertRejects("[\"é\",\n \"ü\" ]x", at: 2, 7, "expected end of file after the JSON value, found 'x'")
        assertRejects("[1, \u{A0}]", at: 1, 5, "expected a JSON value, found '\u{A0}' (U+00A0)")
    }

    func testLineBreaksForPositions() {
        assertRejects("{\r\n  \"a\": 1,\r\n}", at: 2, 9, "trailing comma before '}'")
        assertRejects("[\r1,\r]", at: 2, 2, "trailing comma before ']'")  // a lone CR ends a line too
    }

    func testByteOrderMark() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        XCTAssertEqual(try JSONParser.parse(bom + Array("{\"a\": 1}".utf8)), .object([JSONMember("a", .number(1))]))
        // The BOM is not counted as a column, and only one is skipped.
        assertRejects(bytes: bom + Array("[x]".utf8), at: 1, 2, "expected a JSON value or ']', found 'x'")
        assertRejects(bytes: bom + bom + Array("{}".utf8), at: 1, 1, "expected a JSON value, found '\u{FEFF}' (U+FEFF)")
    }

    func testErrorDescription() {
        XCTAssertEqual(JSONSyntaxError(line: 2, column: 9, message: "trailing comma before '}'").description,
                       "line 2, column 9: trailing comma before '}'")
    }

    func testDataOverload() throws {
        XCTAssertEqual(try JSONParser.parse(Data("[1, \"a\"]".utf8)), .array([.number(1), .string("a")]))
        XCTAssertThrowsError(try JSONParser.parse(Data("[1,]".utf8))) { error in
            XCTAssertEqual(error as? JSONSyntaxError, JSONSyntaxError(line: 1, column: 3, message: "trailing comma before ']'"))
        }
    }

    // MARK: - Accepted input

    func testAcceptsAnyTopLevelValue() throws {
        XCTAssertEqual(try parse(" 1 "), .number(1))
        XCTAssertEqual(try parse("\"s\""), .string("s"))
        XCTAssertEqual(try parse("true"), .bool(true))
        XCTAssertEqual(try parse("false"), .bool(false))
        XCTAssertEqual(try parse("null"), .null)
        XCTAssertEqual(try parse("[ ]"), .array([]))
        XCTAssertEqual(try parse("{ }"), .object([]))
    }

    func testKeepsMembersInFileOrder() throws {
        XCTAssertEqual(try parse(#"{"b": 1, "a": [true, null]}"#),
                       .object([JSONMember("b", .number(1)), JSONMember("a", .array([.bool(true), .null]))]))
    }

    func testNumbers() throws {
        XCTAssertEqual(try number("0e1"), 0)
        XCTAssertEqual(try number("1E+2"), 100)
        XCTAssertEqual(try number("-0").sign, .minus)
        XCTAssertEqual(try number("1e308"), 1e308)
        XCTAssertEqual(try number("1.7976931348623157e308"), .greatestFiniteMagnitude)
        XCTAssertEqual(try number("5e-324"), .leastNonzeroMagnitude)
        XCTAssertEqual(try number("1e-400"), 0)
        XCTAssertEqual(try number("1E00000000000000000000000000000002"), 100)
        XCTAssertEqual(try number("-9007199254740993"), -9007199254740992)
        // The fast paths must agree with strtod (Double(String)) exactly.
        for text in ["0.1", "52.5", "123.456e-7", "-3.14159", "1e22", "1e23", "9007199254740993", "0.30000000000000004",
                     "123456789012345678", "4.35", "1.0000000000000002", "2.2250738585072014e-308", "1e-05", "98765.4321e3"] {
            XCTAssertEqual(try number(text), Double(text)!, text)
        }
    }

    func testStringEscapes() throws {
        XCTAssertEqual(try parse(#""\"\\\/\b\f\n\r\t""#), .string("\"\\/\u{8}\u{C}\n\r\t"))
        XCTAssertEqual(try parse(#"["\u0000"]"#), .array([.string("\u{0}")]))
        XCTAssertEqual(try parse(#""\u00e9\u20AC\uD834\uDD1E x""#), .string("é€𝄞 x"))
        XCTAssertEqual(try parse("\"raw é€𝄞\u{7F}\""), .string("raw é€𝄞\u{7F}"))
        XCTAssertEqual(try parse(#""caf\u00e9 “quoted” \n""#), .string("café “quoted” \n"))
    }

    // MARK: - Helpers

    private func parse(_ text: String, limits: JSONLimits = .default) throws -> JSONValue {
        try JSONParser.parse(Array(text.utf8), limits: limits)
    }

    /// The value the decoder computes (JSONReader.readNumber); the tree keeps the text as well, checked here.
    private func number(_ text: String) throws -> Double {
        guard case .number(let kept) = try parse(text) else { throw JSONSyntaxError(line: 0, column: 0, message: "not a number") }
        XCTAssertEqual(kept.text, text, "a number keeps its text in the tree")
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buffer throws -> Double in
            var reader = try JSONReader(buffer, limits: .default)
            guard let value = try reader.readNumber() else { throw JSONSyntaxError(line: 0, column: 0, message: "not a number") }
            try reader.finish()
            return value
        }
    }

    private func objectKeys(_ text: String) throws -> [String] {
        guard case .object(let members) = try parse(text) else { return [] }
        return members.map(\.key)
    }

    private func assertRejects(_ text: String, at line: Int, _ column: Int, _ message: String, limits: JSONLimits = .default,
                               file: StaticString = #filePath, line testLine: UInt = #line) {
        assertRejects(bytes: Array(text.utf8), at: line, column, message, limits: limits, file: file, line: testLine)
    }

    private func assertRejects(bytes: [UInt8], at line: Int, _ column: Int, _ message: String, limits: JSONLimits = .default,
                               file: StaticString = #filePath, line testLine: UInt = #line) {
        do {
            let value = try JSONParser.parse(bytes, limits: limits)
            XCTFail("accepted: \(value)", file: file, line: testLine)
        } catch {
            XCTAssertEqual(error, JSONSyntaxError(line: line, column: column, message: message), file: file, line: testLine)
        }
    }
}
