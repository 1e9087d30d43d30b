@testable import ActionPlanTUI
import ActionPlanCore
import XCTest

final class TUIKeyTableTests: XCTestCase {
    func testNoKeyIsBoundTwiceInAMap() {
        // Each key map (the tree, the editor, each box, meeting mode, its summary) binds a key at most once.
        for map in KeyMap.allCases {
            var seen: [Key: Command] = [:]
            for b in KeyTable.bindings where map.contexts.contains(b.context) {
                for k in b.keys {
                    XCTAssertNil(seen[k], "\(map): \(k.name) bound to \(seen[k].map { "\($0)" } ?? "") and \(b.command)")
                    seen[k] = b.command
                }
            }
            // The keys shared with the tree (R, r, w, ?, Ctrl-C, Ctrl-R) are not taken by the map's own.
            for b in KeyTable.bindings where KeyMap.tree.contexts.contains(b.context) && map.sharedFromTree.contains(b.command) {
                for k in b.keys { XCTAssertNil(seen[k], "\(map): \(k.name) is shared with the tree but bound to \(seen[k]!)") }
            }
        }
    }

    func testEveryContextIsInAMapAndEveryMapHasKeys() {
        for context in KeyBinding.Context.allCases {
            XCTAssertTrue(KeyMap.allCases.contains { $0.contexts.contains(context) }, "\(context) is in no key map: its keys would never work")
            XCTAssertTrue(KeyTable.bindings.contains { $0.context == context }, "\(context) has no keys")
        }
        for map in KeyMap.allCases { XCTAssertFalse(KeyTable.bindings(in: map).isEmpty, "\(map)") }
    }

    func testTheRequiredKeysAreBound() {
        let expected: [(Key, Command)] = [
            (.up, .moveUp), (.char("k"), .moveUp), (.down, .moveDown), (.char("j"), .moveDown),
            (.pageUp, .pageUp), (.pageDown, .pageDown), (.char("g"), .top), (.home, .top), (.char("G"), .bottom), (.end, .bottom),
            (.enter, .open), (.right, .open), (.char("l"), .open), (.left, .back), (.char("h"), .back), (.escape, .back),
            (.tab, .toggleFocus), (.char("m"), .setMet), (.char("x"), .setNotMet), (.char("p"), .setPartial),
            (.char(" "), .cycleStatus), (.char("-"), .setNotAssessed), (.char("c"), .editComment), (.char("f"), .editForecast),
            (.char("u"), .undo), (.ctrl("r"), .redo), (.char("/"), .search), (.char("n"), .nextMatch), (.char("N"), .previousMatch),
            (.char("o"), .officerFilter), (.char("s"), .statusFilter), (.char("!"), .overdueOnly), (.char("*"), .clearFilters),
            (.char("w"), .retrySave), (.char("?"), .help), (.char("q"), .quit), (.ctrl("c"), .forceQuit),
        ]
        for (key, command) in expected { XCTAssertEqual(KeyTable.command(for: key), command, key.name) }
        let editor: [(Key, Command)] = [(.enter, .editSave), (.escape, .editCancel), (.altEnter, .editNewline), (.ctrl("j"), .editNewline),
                                        (.left, .editLeft), (.right, .editRight), (.home, .editHome), (.end, .editEnd),
                                        (.backspace, .editBackspace), (.delete, .editDelete)]
        for (key, command) in editor { XCTAssertEqual(KeyTable.editorCommand(for: key), command, key.name) }
        XCTAssertTrue(KeyTable.isForceQuit(.ctrl("c")), "Ctrl-C quits from anywhere")
    }

    /// Issue 12: at 80 columns (and a 60-column minimum) every help line fits and no word of any
    /// binding's help is lost to a cut ("(again:").
    func testHelpLinesWrapInsteadOfBeingCut() {
        for width in [60, 80, 120] {
            for ascii in [false, true] {
                let lines = KeyTable.helpLines(width: width, ascii: ascii)
                for line in lines {
                    XCTAssertLessThanOrEqual(DisplayWidth.of(" " + line.text), width, "at \(width): \(line.text)")
                }
                let shown = lines.map(\.text).joined(separator: " ").split(separator: " ")
                let ordered = KeyBinding.Context.allCases.flatMap { c in KeyTable.bindings.filter { $0.context == c } }
                let expected = ordered.flatMap { b in (ascii ? b.help.replacing("→", with: "->") : b.help).split(separator: " ") }
                var remaining = shown[...]
                for word in expected {
                    guard let i = remaining.firstIndex(of: word) else { XCTFail("at \(width): \"\(word)\" lost"); break }
                    remaining = remaining[(i + 1)...]
                }
            }
        }
    }

    func testMarkdownListsEveryBinding() {
        let md = KeyTable.markdown()
        for b in KeyTable.bindings {
            XCTAssertTrue(md.contains(b.help), b.help)
            for k in b.keys { XCTAssertTrue(md.contains("`\(k.name)`"), k.name) }
        }
        XCTAssertTrue(md.contains("| `↑`, `k` | Move up"))
        XCTAssertTrue(md.contains("| `Space` | Cycle"))
    }
}

final class TUIBenchmarkHookTests: XCTestCase {
    func testRenderFullScreenReturnsSecondsPerRender() {
        let seconds = TUIBenchmark.renderFullScreen(plan: Sample.plan(), width: 120, height: 40, iterations: 3)
        XCTAssertGreaterThan(seconds, 0)
        XCTAssertLessThan(seconds, 1)
    }
}

final class TUIMeetingKeysDocumentedTests: XCTestCase {
    /// The README's meeting section carries the key tables `actionplan ui --print-keys` prints for
    /// reviews, meeting mode and the summary, word for word.
    func testREADMEHasTheMeetingKeyTables() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let tables = KeyTable.markdown(contexts: [.review, .meeting, .summary])
        XCTAssertTrue(text.contains(tables), "README.md is out of date: paste the tables for these contexts from `actionplan ui --print-keys`:\n\(tables)")
        XCTAssertTrue(KeyTable.markdown().contains(tables), "the full key list has them too")
        XCTAssertTrue(text.contains("| `actionplan meet PLAN_ID"))
    }
}
