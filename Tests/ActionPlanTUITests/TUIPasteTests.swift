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

/// Issue 12: typing £, é and – in a non-UTF-8 locale (the backend reads bytes and decodes them here).
final class ByteTextTests: XCTestCase {
    private func decodeAll(_ bytes: [UInt8], _ fallback: ByteText.Fallback) -> (String, [[UInt8]]) {
        var queue = bytes[...]
        var text = ""
        var problems: [[UInt8]] = []
        while let b = queue.popFirst() {
            if b < 0x80 { text.append(Character(Unicode.Scalar(b))); continue }
            let (result, leftover) = ByteText.decode(first: b, next: { queue.popFirst() }, fallback: fallback)
            queue = (leftover + queue)[...]
            switch result {
            case .character(let c): text.append(c)
            case .undecodable(let bad): problems.append(bad)
            }
        }
        return (text, problems)
    }

    func testUTF8FromTheTerminalIsReadInEveryLocale() {
        let typed = "Budget of £5k agreed – café"
        for fallback in [ByteText.Fallback.none, .latin1] {
            let (text, problems) = decodeAll(Array(typed.utf8), fallback)
            XCTAssertEqual(text, typed)
            XCTAssertEqual(problems, [])
        }
    }

    func testLatin1FromALatin1TerminalAndRefusalInTheCLocale() {
        let latin1: [UInt8] = Array("Budget of ".utf8) + [0xA3] + Array("5k caf".utf8) + [0xE9]
        XCTAssertEqual(decodeAll(latin1, .latin1).0, "Budget of £5k café")
        let (text, problems) = decodeAll(latin1, .none)
        XCTAssertEqual(text, "Budget of 5k caf", "the rest is kept, not lost after the first odd byte")
        XCTAssertEqual(problems, [[0xA3], [0xE9]])
        XCTAssertTrue(ByteText.problem([0xA3], codeset: "ANSI_X3.4-1968").contains("bytes A3"))
        XCTAssertEqual(ByteText.Fallback(codeset: "ISO-8859-1"), .latin1)
        XCTAssertEqual(ByteText.Fallback(codeset: "ISO-8859-15"), .latin1)
        XCTAssertEqual(ByteText.Fallback(codeset: "ANSI_X3.4-1968"), .none)
        // A lead byte cut short by an ASCII byte: the ASCII byte is not lost.
        XCTAssertEqual(decodeAll([0xC2, 0x41], .none).0, "A")
    }
}

/// Issue 12: long text in the user's own editor (Ctrl-X in the editor, E on a target), saved with history.
final class TUIExternalEditorTests: XCTestCase {
    private var dir = ""
    private var store: PlanStore!

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "tui-external-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        store = PlanStore(directory: dir, keepBackups: 0)
        _ = try store.write(Sample.plan())
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

    private func runtime(editor: String, handedOver: UnsafeMutablePointer<Int>? = nil) -> Runtime {
        var o = Sample.options()
        o.dataDirectory = dir
        let (state, effects) = Startup.initialState(store: store, options: o)
        var runner = EffectRunner(store: store, who: "me")
        runner.editorCommand = editor
        runner.handOverTerminal = { body in body() }
        var r = Runtime(state: state, runner: runner)
        XCTAssertFalse(r.start(events: [.resize(Size(width: 80, height: 24))], effects: effects))
        return r
    }

    private func goToT3(_ r: inout Runtime) {
        _ = r.handle([.key(.char("g"))])
        for _ in 0..<20 where r.state.doc?.cursor != .target("t3") { _ = r.handle([.key(.down)]) }
        XCTAssertEqual(r.state.doc?.cursor, .target("t3"))
    }

    func testCtrlXInTheEditorSavesWhatTheEditorLeftWithHistory() throws {
        var r = runtime(editor: "sed -i 's/restructure/restructure; a second paragraph follows/; $a\\\nSecond paragraph.'")
        goToT3(&r)
        _ = r.handle([.key(.char("c")), .key(.ctrl("x"))])
        XCTAssertEqual(r.state.mode, .normal, "saved and closed when the editor exited")
        let t3 = try store.load("sample").plan.target(id: "t3")!
        XCTAssertEqual(t3.comment, "Delayed by the restructure; a second paragraph follows.\nSecond paragraph.")
        XCTAssertEqual(t3.history.last?.field, .comment)
        XCTAssertEqual(t3.status, .notMet, "no status changed")
    }

    func testEOnATargetOpensTheCommentInTheEditor() throws {
        var r = runtime(editor: "printf 'Written in vi\\n' >")
        goToT3(&r)
        _ = r.handle([.key(.char("E"))])
        XCTAssertEqual(try store.load("sample").plan.target(id: "t3")?.comment, "Written in vi")
    }

    func testAFailingEditorSavesNothingAndKeepsTheText() throws {
        var r = runtime(editor: "false")
        goToT3(&r)
        _ = r.handle([.key(.char("c"))] + "!".map { .key(.char($0)) } + [.key(.ctrl("x"))])
        guard case .editing(let session) = r.state.mode else { return XCTFail("\(r.state.mode)") }
        XCTAssertEqual(session.editor.text, "Delayed by the restructure.!")
        XCTAssertEqual(r.state.message?.text, "Nothing saved: the editor exited with status 1; the text is still in the editor")
        XCTAssertEqual(try store.load("sample").plan.target(id: "t3")?.comment, "Delayed by the restructure.")
        var missing = runtime(editor: "/nonexistent/editor")
        goToT3(&missing)
        _ = missing.handle([.key(.char("E"))])
        XCTAssertTrue(missing.state.message?.text.contains("could not be started") == true, missing.state.message?.text ?? "")
    }
}
