import ActionPlanCore
@testable import ActionPlanTUI
import XCTest

final class TUIEditorTests: XCTestCase {
    func testEditingByGraphemeWithMultibyteText() {
        var e = LineEditor("café")
        e.insert("👍🏽")
        e.insert("漢")
        XCTAssertEqual(e.text, "café👍🏽漢")
        e.backspace()
        XCTAssertEqual(e.text, "café👍🏽")
        e.backspace()
        XCTAssertEqual(e.text, "café", "a skin-toned emoji is one grapheme")
        e.left()
        e.backspace()
        XCTAssertEqual(e.text, "caé")
        e.insert("f")
        e.delete()
        XCTAssertEqual(e.text, "caf")
        var typed = LineEditor()
        typed.insert("e")
        typed.insert("\u{301}") // a combining acute typed on its own joins the e
        XCTAssertEqual(typed.characters.count, 1)
        typed.backspace()
        XCTAssertEqual(typed.text, "")
        var combining = LineEditor("e\u{301}x") // e + combining acute
        combining.left()
        combining.left()
        combining.delete()
        XCTAssertEqual(combining.text, "x")
    }

    func testHomeEndWorkOnTheCurrentLine() {
        var e = LineEditor("first\nsecond")
        e.home()
        e.insert(">")
        XCTAssertEqual(e.text, "first\n>second")
        e.end()
        e.insert("!")
        for _ in 0..<8 { e.left() }
        XCTAssertEqual(e.cursor, 6, "the start of the second line")
        e.home()
        XCTAssertEqual(e.cursor, 6, "Home stays on this line")
        e.left()
        e.home()
        XCTAssertEqual(e.cursor, 0)
        e.end()
        XCTAssertEqual(e.cursor, 5)
    }

    func testLayoutWrapsWordsAndPlacesTheCursor() {
        let e = LineEditor("the quick brown fox jumps")
        let l = e.layout(width: 10)
        XCTAssertEqual(l.lines.map { $0.trimmingCharacters(in: .whitespaces) }, ["the quick", "brown fox", "jumps"])
        XCTAssertEqual(l.cursorRow, 2)
        XCTAssertEqual(l.cursorColumn, 5)
        let wide = LineEditor("漢字漢字漢字").layout(width: 5)
        XCTAssertEqual(wide.lines, ["漢字", "漢字", "漢字"])
        XCTAssertEqual(wide.cursorColumn, 4)
        let multi = LineEditor("a\nb").layout(width: 10)
        XCTAssertEqual(multi.lines, ["a", "b"])
        XCTAssertEqual(multi.cursorRow, 1)
        XCTAssertEqual(LineEditor(String(repeating: "x", count: 25)).layout(width: 10).lines.count, 3)
    }

    func testCommentEditingThroughKeysSavesOnEnter() {
        var s = moveTo(.target("t2"), in: Sample.opened())
        s = send(s, .char("c")).0
        guard case .editing(let session) = s.mode else { return XCTFail("not editing") }
        XCTAssertEqual(session.field, .comment)
        XCTAssertEqual(session.editor.text, "")
        var fx: [Effect]
        (s, fx) = send(s, type("Réunion tenue 会議") + [.altEnter] + type("2e") + [.ctrl("j")] + type("ok") + [.backspace, .left, .delete] + type("K"))
        XCTAssertTrue(fx.isEmpty, "nothing saved while typing")
        guard case .editing(let typing) = s.mode else { return XCTFail("not editing") }
        XCTAssertEqual(typing.editor.text, "Réunion tenue 会議\n2e\nK")
        // Keys that are commands elsewhere are just typed in the editor.
        (s, fx) = send(s, type("mqu"))
        (s, fx) = send(s, .enter)
        XCTAssertEqual(s.mode, .normal)
        XCTAssertEqual(fx.first?.changes, [TargetChange(targetID: "t2", field: .comment, expectedOld: "", new: "Réunion tenue 会議\n2e\nKmqu")])
        XCTAssertEqual(s.doc?.plan.target(id: "t2")?.comment, "Réunion tenue 会議\n2e\nKmqu")
        XCTAssertEqual(s.doc?.undo.last, UndoRecord(targetID: "t2", field: .comment, before: "", after: "Réunion tenue 会議\n2e\nKmqu"))
    }

    func testForecastEditStartsWithTheCurrentTextAndEscCancels() {
        var s = moveTo(.target("t5"), in: Sample.opened())
        s = send(s, .char("f")).0
        guard case .editing(let session) = s.mode else { return XCTFail("not editing") }
        XCTAssertEqual(session.field, .forecast)
        XCTAssertEqual(session.editor.text, "Expected by March 2007.")
        var fx: [Effect]
        (s, fx) = send(s, type(" Maybe") + [.escape])
        XCTAssertTrue(fx.isEmpty)
        XCTAssertEqual(s.mode, .normal)
        XCTAssertEqual(s.doc?.plan.target(id: "t5")?.forecast, "Expected by March 2007.")
        (s, fx) = send(s, .char("f"), .enter)
        XCTAssertTrue(fx.isEmpty, "unchanged text is not saved")
        XCTAssertEqual(s.message?.text, "Forecast unchanged")
    }

    func testEditorRendersWithACursor() {
        var s = moveTo(.target("t2"), in: Sample.opened(size: Size(width: 80, height: 24)))
        s = send(s, [.char("c")] + type("hello wörld")).0
        let grid = render(s, size: Size(width: 80, height: 24))
        XCTAssertTrue(grid.text.contains("Comment for target t2"))
        XCTAssertTrue(grid.text.contains("hello wörld"))
        XCTAssertTrue(grid.lines.last!.contains("Enter saves"))
        let cursor = try! XCTUnwrap(grid.cursor)
        XCTAssertTrue(grid.lines[cursor.row].contains("hello wörld"))
        XCTAssertEqual(cursor.column, 2 + DisplayWidth.of("hello wörld"))
        grid.assertAligned()
    }
}
