import XCTest
@testable import ActionPlanCore

final class JSONWriterTests: XCTestCase {
    func testExactLayout() {
        let value: JSONValue = .object([
            JSONMember("title", .string("Café \"plan\"\n\tline / part")),
            JSONMember("été", .number(2)),
            JSONMember("b", .array([.number(1), .number(52.5), .number(-3), .number(-0.0), .number(1e-5), .bool(true), .null, .array([]), .object([])])),
            JSONMember("a", .object([JSONMember("z", .number(1)), JSONMember("y", .string("x/y"))])),
            JSONMember("ctrl", .string("\u{1}\u{1F}\u{7F}\u{2028}\u{2029}\u{8}\u{C}\r\\")),
            JSONMember("big", .array([.number(9_007_199_254_740_991), .number(9_007_199_254_740_992), .number(-1e21), .number(.infinity)])),
            JSONMember("Zeta", .string("")),
        ])
        let expected = """
            {
              "Zeta": "",
              "a": {
                "y": "x/y",
                "z": 1
              },
              "b": [
                1,
                52.5,
                -3,
                0,
                1e-05,
                true,
                null,
                [],
                {}
              ],
              "big": [
                9007199254740991,
                9007199254740992.0,
                -1e+21,
                null
              ],
              "ctrl": "\\u0001\\u001f\\u007f\\u2028\\u2029\\b\\f\\r\\\\",
              "title": "Café \\"plan\\"\\n\\tline / part",
              "été": 2
            }

            """
        XCTAssertEqual(text(value), expected)
    }

    func testKeepsMemberOrderWhenNotSorting() {
        let value: JSONValue = .object([JSONMember("b", .number(1)), JSONMember("a", .number(2))])
        XCTAssertEqual(text(value, sortKeys: false), "{\n  \"b\": 1,\n  \"a\": 2\n}\n")
    }

    func testSortsByUnicodeScalarsAndIsStable() {
        // Scalar order, not String's: "e" + U+0301 (0x65 ...) sorts before "é" (0xC3 ...); U+FFFF before U+1D11E.
        let value: JSONValue = .object([
            JSONMember("𝄞", .number(1)), JSONMember("\u{FFFF}", .number(2)), JSONMember("é", .number(3)),
            JSONMember("e\u{301}", .number(4)), JSONMember("dup", .number(5)), JSONMember("dup", .number(6)),
        ])
        XCTAssertEqual(text(value), "{\n  \"dup\": 5,\n  \"dup\": 6,\n  \"e\u{301}\": 4,\n  \"é\": 3,\n  \"\u{FFFF}\": 2,\n  \"𝄞\": 1\n}\n")
    }

    func testTopLevelScalarsEndWithOneNewline() {
        XCTAssertEqual(text(.number(3)), "3\n")
        XCTAssertEqual(text(.string("a")), "\"a\"\n")
        XCTAssertEqual(text(.array([])), "[]\n")
        XCTAssertEqual(text(.object([])), "{}\n")
    }

    func testRoundTripAndStability() throws {
        let value = Self.variedValue
        let unsorted = JSONWriter.serialize(value, sortKeys: false)
        XCTAssertEqual(try JSONParser.parse(unsorted), value)
        // Writing sorts the keys, and from then on the bytes do not change.
        let sorted = JSONWriter.serialize(value)
        XCTAssertEqual(JSONWriter.serialize(try JSONParser.parse(sorted)), sorted)
        XCTAssertEqual(JSONWriter.serialize(try JSONParser.parse(unsorted)), sorted)
    }

    func testNumbersRoundTrip() throws {
        for number in [0.1, 52.5, -3, 1e-5, 1e300, -1e-300, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 123456789.123,
                       9_007_199_254_740_994, 1_152_921_504_606_846_976, -0.5, 2.2250738585072014e-308] {
            XCTAssertEqual(try JSONParser.parse(JSONWriter.serialize(.number(number))), .number(number), "\(number)")
        }
    }

    private func text(_ value: JSONValue, sortKeys: Bool = true) -> String {
        String(decoding: JSONWriter.serialize(value, sortKeys: sortKeys), as: UTF8.self)
    }

    /// Every kind of value, nesting, escapes and non-ASCII text; keys deliberately out of order.
    static let variedValue: JSONValue = .object([
        JSONMember("schemaVersion", .number(1)),
        JSONMember("id", .string("luton-cl-2006")),
        JSONMember("title", .string("Children & Learning — “draft” équalities plan\t2006/07")),
        JSONMember("keyIssues", .array([
            .object([
                JSONMember("number", .number(1)),
                JSONMember("title", .string("Leadership\nand \"Corporate\" Commitment \\ \u{0}\u{1B}\u{2028}")),
                JSONMember("objectives", .array([
                    .object([
                        JSONMember("targets", .array([
                            .object([
                                JSONMember("id", .string("t1")),
                                JSONMember("leadOfficers", .array([.string("GS"), .string("CSO")])),
                                JSONMember("measure", .object([JSONMember("baseline", .number(52.5)), JSONMember("target", .number(-1e-7)),
                                                               JSONMember("actual", .number(123456789012))])),
                                JSONMember("done", .bool(false)),
                                JSONMember("comment", .null),
                                JSONMember("history", .array([])),
                                JSONMember("extra", .object([])),
                            ]),
                        ])),
                        JSONMember("text", .string("𝄞 emoji 😀 and CJK 漢字")),
                    ]),
                ])),
            ]),
        ])),
        JSONMember("nested", .array([.array([.array([.number(1e21), .bool(true)])])])),
    ])
}
