@testable import ActionPlanTUI
import ActionPlanCore
import XCTest

/// Issue 12: a paste never saves, never changes a status, and its control text is cleaned.
final class TUIPasteTests: XCTestCase {
    private let email = "Two paragraphs from an e-mail.\r\nm\r\nx\r\n\r\nSecond paragraph\u{1b}[31m with\tcolour \u{202e}and bidi\u{07}.\n"

    func testAPasteIntoTheEditorIsTextWithItsLineBreaks() {
        var s = moveTo(.target("t2"), in: Sample.opened())
        s = send(s, .char("c")).0
        let (pasted, fx) = update(s, .paste(email))
        XCTAssertTrue(fx.allSatisfy { ($0.changes ?? []).isEmpty }, "nothing saved by a paste: \(fx)")
        guard case .editing(let session) = pasted.mode else { return XCTFail("the editor closed: \(pasted.mode)") }
        XCTAssertEqual(session.editor.text, "Two paragraphs from an e-mail.\nm\nx\n\nSecond paragraph[31m with colour and bidi.\n")
        XCTAssertEqual(pasted.doc?.plan, s.doc?.plan, "no status or text changed")
        // Enter then saves it all, as one comment.
        let (saved, saveFx) = send(pasted, .enter)
        XCTAssertTrue(saved.doc?.plan.target(id: "t2")?.comment.contains("Second paragraph") == true)
        XCTAssertEqual(saved.doc?.plan.target(id: "t2")?.status, .notAssessed)
        XCTAssertEqual(saveFx.flatMap { $0.changes ?? [] }.map(\.field), [.comment])
    }

    func testAPasteOutsideAnEditorIsIgnoredWithAMessage() {
        let s = moveTo(.target("t2"), in: Sample.opened())
        let (after, fx) = update(s, .paste("m\nx\np\n"))
        XCTAssertTrue(fx.isEmpty)
        XCTAssertEqual(after.doc?.plan, s.doc?.plan)
        XCTAssertEqual(after.message?.text, "Paste ignored — press c to edit the comment (or f the forecast) first; nothing was changed")
        // In meeting mode too.
        var meeting = send(s, .char("M")).0
        meeting.message = nil
        let (m2, fx2) = update(meeting, .paste("m\n"))
        XCTAssertTrue(fx2.isEmpty)
        XCTAssertEqual(m2.doc?.plan, s.doc?.plan)
        XCTAssertTrue(m2.message?.text.hasPrefix("Paste ignored") == true)
    }

    func testAPasteIntoASearchIsOneLine() {
        var s = Sample.opened()
        s = send(s, .char("/")).0
        s = update(s, .paste("equality\nclauses\u{1b}")).0
        guard case .searching(let editor) = s.mode else { return XCTFail("\(s.mode)") }
        XCTAssertEqual(editor.text, "equality clauses")
    }
}
