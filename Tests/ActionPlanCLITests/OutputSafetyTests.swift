@testable import ActionPlanCore
import Foundation
import XCTest

/// Issue 16 items 4 and 5 in-process: data formats on a terminal, and CSV formula injection.
final class OutputSafetyTests: XCTestCase {
    // MARK: - JSON and CSV on a terminal

    func testJSONForATerminalEscapesC1AndBidiExactly() throws {
        let value = JSONValue.object([JSONMember("comment", .string("csi\u{9B}31m rlo\u{202E}x esc\u{1B}]0;pwned\u{7} ok é"))])
        let raw = String(decoding: JSONWriter.serialize(value), as: UTF8.self)
        XCTAssertTrue(raw.unicodeScalars.contains("\u{9B}"), "the file form is exact")
        let shown = TerminalText.json(raw)
        XCTAssertFalse(shown.unicodeScalars.contains { $0.value == 0x9B || $0.value == 0x202E || $0.value == 0x1B || $0.value == 0x07 }, shown)
        XCTAssertTrue(shown.contains("\\u009b"), shown)
        XCTAssertTrue(shown.contains("\\u202e"), shown)
        XCTAssertTrue(shown.contains("é"), "printable non-ASCII stays as it is in UTF-8")
        // Still the same JSON: read back (by Foundation, an independent reader), the strings are identical.
        XCTAssertEqual(try parsed(shown) as? [String: String], ["comment": "csi\u{9B}31m rlo\u{202E}x esc\u{1B}]0;pwned\u{7} ok é"])
    }

    func testJSONForAnASCIITerminalEscapesEveryNonASCIICharacter() throws {
        let raw = String(decoding: JSONWriter.serialize(.string("café ’ 😀")), as: UTF8.self)
        let shown = TerminalText.json(raw, glyphs: .ascii)
        XCTAssertTrue(shown.unicodeScalars.allSatisfy(\.isASCII), shown)
        XCTAssertEqual(shown, "\"caf\\u00e9 \\u2019 \\ud83d\\ude00\"\n")
        XCTAssertEqual(try parsed("[" + shown + "]") as? [String], ["café ’ 😀"])
    }

    private func parsed(_ json: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])
    }

    func testCSVForATerminalShowsPlaceholdersAndKeepsLineEnds() {
        let csv = CSVText.render(header: ["a", "b"], rows: [["x\u{1B}]0;pwned\u{7}", "two\r\nlines\u{202E} \u{9B}"]])
        let shown = TerminalText.lines(csv)
        XCTAssertEqual(shown, "a,b\r\nx␛]0;pwned␇,\"two\r\nlines⟨U+202E⟩ ⟨U+009B⟩\"\r\n")
        XCTAssertEqual(TerminalText.lines("a\rb\n"), "a␍b\n", "a CR that ends no line is shown")
    }

    func testParserMessagesAreCleaned() {
        XCTAssertEqual(ParserMessage.clean("Error: The value '\u{1B}]0;pwned\u{7}' is invalid\nUsage: x"),
                       "Error: The value '␛]0;pwned␇' is invalid\nUsage: x")
    }

    // MARK: - CSV formula injection

    func testCellsThatSpreadsheetsRunGetAnApostropheAndImportUndoesIt() {
        for value in ["=HYPERLINK(\"http://x\",\"y\")", "+1+2", "-2+3", "@SUM(A1)", "\tx", "\rx"] {
            XCTAssertEqual(CSVText.neutralised(value), "'" + value)
            XCTAssertEqual(CSVText.restored(CSVText.neutralised(value)), value)
        }
        for value in ["", "plain", "a=b", " =x", "'quoted", "'x", "£5"] {
            XCTAssertEqual(CSVText.neutralised(value), value, "left alone: \(value)")
            XCTAssertEqual(CSVText.restored(value), value)
        }
    }

    func testCSVRenderNeutralisesOnlyWhenAsked() {
        let rows = [["=1+1", "ok"]]
        XCTAssertEqual(CSVText.render(header: ["a", "b"], rows: rows, neutralise: true), "a,b\r\n'=1+1,ok\r\n")
        XCTAssertEqual(CSVText.render(header: ["a", "b"], rows: rows), "a,b\r\n=1+1,ok\r\n")
        XCTAssertEqual(CSVText.render(header: ["a"], rows: [["-x,y"]], neutralise: true), "a\r\n\"'-x,y\"\r\n")
    }

    func testExportReportAndListNeutraliseByDefault() {
        var plan = Plan(id: "hostile", title: "H")
        var t = Target(id: "t1", text: "=cmd|' /C calc'!A0", leadOfficers: ["@admin"], timescale: "+1", status: .notMet)
        t.comment = "-2+3"
        t.forecast = "\tTab"
        plan.keyIssues = [KeyIssue(number: 1, title: "=K", objectives: [Objective(number: 1, text: "O", targets: [t])])]
        let exported = PlanCSVExporter.render(plan)
        for cell in ["'=cmd|' /C calc'!A0", "'@admin", "'+1", "'-2+3", "'\tTab", "'=K"] {
            XCTAssertTrue(exported.contains(cell), "\(cell) in \(exported)")
        }
        XCTAssertTrue(PlanCSVExporter.render(plan, neutralise: false).contains(",=cmd|' /C calc'!A0,"))
        let report = try! ProgressReport(plan: plan, options: ReportOptions(asAt: Day(iso: "2009-01-01"), today: Day(iso: "2009-01-01")!))
        XCTAssertTrue(CSVReport.render(report).contains("'-2+3"))
        XCTAssertTrue(CSVReport.render(report, neutralise: false).contains(",-2+3,"))
        let list = ListOutput(format: .csv, filter: TargetFilter(asOf: Day(iso: "2009-01-01")!), glyphs: .unicode)
        list.add(plan, TargetFilter(asOf: Day(iso: "2009-01-01")!))
        let csv = String(decoding: list.render(width: nil), as: UTF8.self)
        XCTAssertTrue(csv.contains("'=cmd"), csv)
        XCTAssertTrue(String(decoding: list.render(width: nil, neutralise: false), as: UTF8.self).contains(",=cmd"))
        // Nothing a spreadsheet would run is left at the start of any cell.
        for line in exported.split(separator: "\r\n").dropFirst() {
            for cell in line.split(separator: ",", omittingEmptySubsequences: false) {
                XCTAssertFalse(cell.first.map { "=+-@\t\r".contains($0) } ?? false, String(cell))
            }
        }
    }
}
