import ActionPlanCore
@testable import ActionPlanTUI
import XCTest

final class TUIRenderHostileTextTests: XCTestCase {
    func planWith(text: String, comment: String = "", officer: String = "GS", title: String = "Plan") -> Plan {
        var plan = Sample.plan()
        plan.title = title
        plan.keyIssues[0].objectives[0].targets[0].text = text
        plan.keyIssues[0].objectives[0].targets[0].comment = comment
        plan.keyIssues[0].objectives[0].targets[0].leadOfficers = [officer]
        plan.keyIssues[0].title = text
        return plan
    }

    func testWideCharactersKeepEveryRowAligned() {
        let cjk = "漢字テキスト：平等行動計画の目標を達成する。" + String(repeating: "長い文章", count: 20)
        let emoji = "Launch 🎉👍🏽👩‍👩‍👧 party 🇬🇧 done ✅"
        let combining = "Cafe\u{301} re\u{301}sume\u{301} n\u{303}o Zalgo: Z\u{36B}\u{33E}a\u{36B}l\u{312}g\u{34C}o\u{35B}"
        let plan = planWith(text: cjk + " " + emoji, comment: combining + "\n" + emoji, officer: "李小龍", title: "計画 " + emoji)
        for size in TUIRenderTests.sizes + [Size(width: 61, height: 17), Size(width: 101, height: 30), Size(width: 99, height: 30)] {
            var s = Sample.opened(plan, size: size)
            for node in [NodeID.issue(0), .target("t1")] {
                s = moveTo(node, in: s)
                let grid = render(s, size: size)
                grid.assertAligned()
                XCTAssertTrue(grid.text.contains("漢字"))
                XCTAssertTrue(grid.text.contains("🎉") || size.width < 100)
            }
            render(send(s, .char("c")).0, size: size).assertAligned()
        }
    }

    func testWideCharacterAtTheEdgeIsReplacedBySpaceNotSplit() {
        var grid = Grid(size: Size(width: 5, height: 1))
        let used = grid.put("ab漢字", row: 0, column: 0)
        XCTAssertEqual(used, 5)
        XCTAssertEqual(grid.lines[0], "ab漢 ")
        grid.assertAligned()
        grid.put("x", row: 0, column: 3) // overwrite the second half of 漢
        XCTAssertEqual(grid.lines[0], "ab x ")
        grid.assertAligned()
    }

    static let hostile = [
        "\u{1b}]0;pwned\u{07}", "\u{1b}[2J", "\u{9b}31m", "\u{202e}evil", "zero\u{200b}width", "bidi\u{2066}iso\u{2069}",
        "nul\u{0}byte", "bell\u{7}", "del\u{7f}", "\r\ncrlf", "tab\there",
    ].joined(separator: " ")

    func forbidden(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            || v == 0x200B || v == 0x200E || v == 0x200F || v == 0x061C || v == 0xFEFF
    }

    func testHostileTextReachesNoCellAsControlOrBidiCharacters() {
        let longWord = String(repeating: "A", count: 100_000)
        let plan = planWith(text: Self.hostile + " " + longWord, comment: Self.hostile + "\n" + longWord,
                            officer: "\u{1b}[31mGS", title: "\u{1b}]0;pwned\u{07}Title\u{202e}")
        for size in TUIRenderTests.sizes {
            var s = Sample.opened(plan, size: size)
            s = moveTo(.target("t1"), in: s)
            for state in [s, send(s, .char("c")).0, send(s, .tab, .char("G")).0, send(s, .char("o")).0, Sample.opened(plan, size: size)] {
                let grid = render(state, size: size)
                for row in grid.rows {
                    for cell in row {
                        XCTAssertFalse(cell.text.unicodeScalars.contains(where: forbidden), "cell \(cell.text.unicodeScalars.map { String($0.value, radix: 16) })")
                    }
                }
                grid.assertAligned()
            }
        }
        let grid = render(s(plan), size: Size(width: 120, height: 40))
        XCTAssertTrue(grid.text.contains("␛]0;pwned␇"), grid.text)
        XCTAssertTrue(grid.text.contains("␛[2J"))
        XCTAssertTrue(grid.text.contains("⟨U+009B⟩"))
        XCTAssertTrue(grid.text.contains("⟨U+202E⟩evil"))
        XCTAssertTrue(grid.text.contains("zero⟨U+200B⟩width"))
    }

    func s(_ plan: Plan) -> AppState { moveTo(.target("t1"), in: Sample.opened(plan, size: Size(width: 120, height: 40))) }

    func testAHundredThousandCharacterWordWrapsInReasonableTime() {
        let word = String(repeating: "x", count: 100_000)
        let lines = Wrap.lines(word, width: 50)
        XCTAssertEqual(lines.count, 2000)
        XCTAssertTrue(lines.allSatisfy { $0.count == 50 })
        XCTAssertEqual(Wrap.lines("a b  c", width: 3), ["a b", "c"])
        XCTAssertEqual(Wrap.lines("one\n\ntwo", width: 10), ["one", "", "two"])
        let limited = Wrap.lines("aaa bbb ccc ddd eee", width: 7, limit: 2)
        XCTAssertEqual(limited.count, 2)
        XCTAssertTrue(limited[1].hasSuffix("…"))
    }

    func testEditingHostileTextShowsPlaceholders() {
        let plan = planWith(text: "x", comment: "a\u{1b}[2Jb")
        let s = send(moveTo(.target("t1"), in: Sample.opened(plan)), .char("c")).0
        let grid = render(s, size: Size(width: 120, height: 40))
        XCTAssertTrue(grid.text.contains("a␛[2Jb"))
    }
}
