import ActionPlanCore
@testable import ActionPlanTUI
import XCTest

/// The meeting screen, its summary and the review prompts drawn at the supported sizes, with
/// hostile and wide text, in ASCII, and at sizes too small to use.
final class TUIMeetingRenderTests: XCTestCase {
    static let sizes = TUIRenderTests.sizes // 80×24, 120×40, 60×16

    /// In a meeting on t3 (not met now, partly met at review 1: worse), review 2 open.
    func onT3(size: Size, glyphs: Glyphs = .unicode, plan: Plan = TUIMeetingTests.planWithReviews()) -> AppState {
        var s = moveTo(.target("t3"), in: Sample.opened(plan, size: size, glyphs: glyphs))
        s = send(s, .char("M")).0
        s.message = nil
        return s
    }

    func testMeetingScreenShowsOneTargetWithEverythingAboutIt() {
        for size in Self.sizes {
            let grid = render(onT3(size: size), size: size)
            grid.assertAligned()
            let text = grid.text
            let lines = grid.lines
            XCTAssertTrue(lines[0].contains("Review 2 open"), "\(size): \(lines[0])")
            XCTAssertTrue(lines[1].contains("MEETING"), lines[1])
            XCTAssertTrue(lines[1].contains("Target 3 of 6"), lines[1])
            XCTAssertTrue(text.contains("Key Issue 1: Leadership and Corporate Commitment"), text)
            XCTAssertTrue(text.contains("1. Improve performance on the duty to promote equality"), text)
            XCTAssertTrue(text.contains("Contribute to achieving Level 4"), text)
            XCTAssertTrue(text.contains("Lead officers  GS"), text)
            XCTAssertTrue(text.contains("Due            April 06 — due 30 April 2006  ⚠ OVERDUE"), text)
            XCTAssertTrue(text.contains("Status         ✗ Not met"), text)
            XCTAssertTrue(text.contains("Last review    ◐ Partly met in review 1, as at 31 October 2006   ↓ worse")
                          || (size.width < 80 && text.contains("Last review    ◐ Partly met in review 1   ↓ worse")), text)
            XCTAssertTrue(text.contains("Comment        Delayed by the restructure."), text)
            XCTAssertTrue(text.contains("Forecast       (none: f adds one)"), text)
            // The progress strip of Key Issue 1, one cell per target, the one on screen in reverse video.
            let strip = lines[size.height - 2]
            XCTAssertTrue(strip.contains("Key Issue 1: ✓ 1 ◐ 1 ✗ 1 · 1 ⚠ 1  [■·□▣]  1/4 met"), strip)
            let column = strip.firstIndex(of: "□").map { strip.distance(from: strip.startIndex, to: $0) }!
            XCTAssertTrue(grid.rows[size.height - 2][column].style.reverse)
            XCTAssertFalse(grid.rows[size.height - 2][column - 1].style.reverse)
            // Bold target text with margins.
            let textRow = lines.firstIndex { $0.contains("Contribute to achieving") }!
            let x = lines[textRow].distance(from: lines[textRow].startIndex, to: lines[textRow].range(of: "Contribute")!.lowerBound)
            XCTAssertEqual(x, MeetingScreen.margin(size.width))
            XCTAssertTrue(grid.rows[textRow][x].style.bold)
            XCTAssertTrue(lines.last!.contains("? help"))
        }
    }

    func testDirectionAndStatusChangesShow() {
        var s = onT3(size: Size(width: 120, height: 40))
        s = send(s, .char("m"), .char("b")).0
        var text = render(s, size: Size(width: 120, height: 40)).text
        XCTAssertTrue(text.contains("Status         ✓ Met  (was ✗ Not met before this meeting)  ✎ unsaved"), text)
        XCTAssertTrue(text.contains("↑ better"), text)
        XCTAssertTrue(text.contains("1 changed in this meeting"), text)
        // t6 is not in review 1's snapshot: new.
        s = send(s, .char("G")).0
        text = render(s, size: Size(width: 120, height: 40)).text
        XCTAssertTrue(text.contains("Last review    not in review 1, as at 31 October 2006   new"), text)
        // Without a closed review.
        s = onT3(size: Size(width: 120, height: 40), plan: Sample.plan())
        text = render(s, size: Size(width: 120, height: 40)).text
        XCTAssertTrue(text.contains("Last review    no closed review yet"), text)
        XCTAssertTrue(render(s, size: Size(width: 120, height: 40)).lines[0].contains("as at 10 January 2007"))
    }

    func testFiltersAndPositionShow() {
        var s = onT3(size: Size(width: 120, height: 40), plan: Sample.plan())
        s = send(s, .char("e")).0
        var line = render(s, size: Size(width: 120, height: 40)).lines[1]
        XCTAssertTrue(line.contains("Target 1 of 3  exceptions only · 3 of 6 in the plan"), line)
        s = send(s, .char("a")).0
        line = render(s, size: Size(width: 120, height: 40)).lines[1]
        XCTAssertTrue(line.contains("Target 1 of 1  not yet assessed exceptions only · 5 of 6 in the plan"), line)
        s = send(s, .char("m")).0 // t5 met: the last one; the summary
        s = send(s, .enter).0
        line = render(s, size: Size(width: 120, height: 40)).lines[1]
        XCTAssertTrue(line.contains("Target 1 of 1"), "t5 stays on screen until the meeting moves off it: \(line)")
        s = send(s, .char("a")).0
        XCTAssertEqual(s.meeting?.current, "t4", "no exception after t5: the one before it")
        s = send(s, .char("a")).0
        XCTAssertEqual(s.message?.text, "No target here is not yet assessed as well: the filter stays off")
        XCTAssertEqual(s.meeting?.notYetAssessedOnly, false)
        XCTAssertEqual(s.meeting?.current, "t4")
        // Nothing left to show (every target met since, under a filter): the screen says so.
        for i in s.doc!.plan.keyIssues.indices {
            for o in s.doc!.plan.keyIssues[i].objectives.indices {
                for t in s.doc!.plan.keyIssues[i].objectives[o].targets.indices { s.doc!.plan.keyIssues[i].objectives[o].targets[t].status = .met }
            }
        }
        s.meeting!.current = nil
        let grid = render(s, size: Size(width: 120, height: 40))
        grid.assertAligned()
        XCTAssertTrue(grid.lines[1].contains("No targets to review"), grid.text)
        XCTAssertTrue(grid.text.contains("a and e turn the filters off"), grid.text)
    }

    func testSummaryScreenAtEverySize() {
        for size in Self.sizes {
            var s = onT3(size: size)
            s = send(s, .char("p"), .char("x")).0
            s = send(s, type("Next quarter") + [.enter]).0
            s = send(s, .char("q")).0
            let grid = render(s, size: size)
            grid.assertAligned()
            let text = grid.text
            XCTAssertTrue(grid.lines[1].contains("MEETING SUMMARY"), grid.lines[1])
            XCTAssertTrue(grid.lines[1].contains("2 targets changed in this meeting"), grid.lines[1])
            XCTAssertTrue(text.contains("Changed in this meeting (2)"), text)
            XCTAssertTrue(text.contains("t3   ✗ Not met → ◐ Partly met"), text)
            XCTAssertTrue(text.contains("t4   ◐ Partly met → ✗ Not met · forecast changed"), text)
            if size.height >= 24 {
                XCTAssertTrue(text.contains("Still outstanding (5)"), text)
                XCTAssertTrue(text.contains("not yet assessed in review 2"), text)
            }
            XCTAssertTrue(grid.lines[size.height - 2].contains("Enter or b: back into the meeting"), grid.lines[size.height - 2])
        }
    }

    func testASCIIModeHasWordsOnly() {
        var s = onT3(size: Size(width: 80, height: 24), glyphs: .ascii)
        var grid = render(s, size: Size(width: 80, height: 24))
        for line in grid.lines { XCTAssertTrue(line.unicodeScalars.allSatisfy(\.isASCII), line) }
        XCTAssertTrue(grid.text.contains("Status         [N] Not met"), grid.text)
        XCTAssertTrue(grid.text.contains("[P] Partly met in review 1, as at 31 October 2006   worse"), grid.text)
        XCTAssertTrue(grid.text.contains("! OVERDUE"), grid.text)
        XCTAssertTrue(grid.text.contains("Key Issue 1: [Y] 1 [P] 1 [N] 1 [ ] 1 ! 1  [#.-+]  1/4 met"), grid.text)
        s = send(s, .char("m"), .char("q")).0
        grid = render(s, size: Size(width: 80, height: 24))
        for line in grid.lines { XCTAssertTrue(line.unicodeScalars.allSatisfy(\.isASCII), line) }
        XCTAssertTrue(grid.text.contains("t3   [N] Not met -> [Y] Met"), grid.text)
        for prompt in [ReviewPrompt.report(selection: 0), .closeReview(number: 2, asAt: Sample.asOf), .startReview(ReviewForm(date: Sample.asOf))] {
            s.prompt = prompt
            for line in render(s, size: Size(width: 80, height: 24)).lines { XCTAssertTrue(line.unicodeScalars.allSatisfy(\.isASCII), line) }
        }
    }

    func testHostileAndWideTextStayAligned() {
        let cjk = "漢字テキスト：平等行動計画の目標を達成する。" + String(repeating: "長い文章", count: 30)
        let emoji = "Launch 🎉👍🏽👩‍👩‍👧 party 🇬🇧 done ✅"
        let hostile = TUIRenderHostileTextTests.hostile
        var plan = TUIMeetingTests.planWithReviews()
        plan.title = "\u{1b}]0;pwned\u{07}計画 " + emoji
        plan.keyIssues[0].title = hostile + cjk
        plan.keyIssues[0].objectives[0].text = cjk
        plan.keyIssues[0].objectives[0].targets[2].text = hostile + " " + cjk + " " + emoji + String(repeating: "A", count: 5_000)
        plan.keyIssues[0].objectives[0].targets[2].comment = hostile + "\n" + emoji + "\n" + cjk
        plan.keyIssues[0].objectives[0].targets[2].forecast = String(repeating: "x", count: 10_000)
        plan.keyIssues[0].objectives[0].targets[2].leadOfficers = ["李小龍", "\u{1b}[31mGS"]
        plan.keyIssues[0].objectives[0].targets[2].id = "t3"
        for size in Self.sizes + [Size(width: 61, height: 17), Size(width: 101, height: 30), Size(width: 99, height: 30)] {
            let s = onT3(size: size, plan: plan)
            var states = [s, send(s, .char("c")).0, send(s, .char("x")).0, send(s, .char("p"), .char("q")).0,
                          send(s, .char("R")).0, send(s, .char("r")).0]
            var closing = s
            closing.prompt = .closeReview(number: 2, asAt: Sample.asOf)
            states.append(closing)
            for state in states {
                let grid = render(state, size: size)
                grid.assertAligned()
                for line in grid.lines {
                    XCTAssertFalse(line.unicodeScalars.contains { $0.value == 0x1b || $0.value == 0x9b || $0.value == 0x202e || $0.value == 0x07 },
                                   "a control or bidi character reached the screen: \(line.debugDescription)")
                }
            }
            XCTAssertTrue(render(s, size: size).text.contains("漢字"), "\(size)\n" + render(s, size: size).text)
            XCTAssertTrue(render(s, size: size).text.contains("␛]0;pwned␇"), "\(size)")
        }
    }

    func testTinySizesDoNotCrash() {
        let base = onT3(size: Size(width: 80, height: 24))
        let states = [base, send(base, .char("q")).0, send(base, .char("x")).0, send(base, .char("R")).0, send(base, .char("r")).0,
                      send(base, .char("?")).0]
        for size in [Size(width: 1, height: 1), Size(width: 0, height: 0), Size(width: 5, height: 0), Size(width: 59, height: 16),
                     Size(width: 60, height: 15), Size(width: 10, height: 3), Size(width: 60, height: 16), Size(width: 300, height: 100)] {
            for state in states {
                let sized = update(state, .resize(size)).0
                let grid = render(sized, size: size)
                XCTAssertEqual(grid.rows.count, size.height)
                if size.width > 0 && size.height > 0 { grid.assertAligned() }
            }
        }
    }

    func testAKeyIssueWithMoreTargetsThanRoomGetsAScaledBar() {
        func targets(_ counts: [(Status, Int)]) -> [Target] {
            var out: [Target] = []
            for (s, n) in counts { for _ in 0..<n { out.append(Target(id: "t\(out.count)", text: "", status: s)) } }
            return out
        }
        let even = MeetingScreen.cells(targets([(.met, 33), (.partiallyMet, 33), (.notMet, 34)]), room: 30, .unicode)
        XCTAssertEqual(even.map(\.text).joined(), String(repeating: "■", count: 10) + String(repeating: "▣", count: 10) + String(repeating: "□", count: 10))
        let few = MeetingScreen.cells(targets([(.met, 1), (.notAssessed, 199)]), room: 20, .ascii)
        XCTAssertEqual(few.map(\.text).joined(), String(repeating: ".", count: 20), "under half a cell rounds away")
        XCTAssertEqual(MeetingScreen.cells(targets([(.met, 3)]), room: 5, .ascii).map(\.text).joined(), "###", "one cell each when they fit")
        // Drawn: the counts, the bar and x/y met fit the width.
        var plan = Sample.plan()
        plan.keyIssues[0].objectives[0].targets += (7..<160).map { Target(id: "t\($0)", text: "Target \($0)", status: $0 % 3 == 0 ? .met : .notAssessed) }
        for size in Self.sizes {
            let s = send(Sample.opened(plan, size: size), .char("M")).0
            let grid = render(s, size: size)
            grid.assertAligned()
            // Just above the status bar (which wraps the welcome message upwards when narrow).
            let strip = grid.lines[size.height - 1 - StatusBar.height(s, size: size)]
            XCTAssertTrue(strip.contains("Key Issue 1: ✓ 52 ◐ 1 ✗ 1 ·"), strip)
            XCTAssertTrue(strip.contains("]  52/157 met"), strip)
        }
    }

    func testEditorPromptInTheMeeting() {
        let size = Size(width: 80, height: 24)
        var s = onT3(size: size)
        s = send(s, .char("g"), .char("x")).0 // t1: met → asks
        let grid = render(s, size: size)
        grid.assertAligned()
        XCTAssertTrue(grid.text.contains("Forecast for target t1"), grid.text)
        XCTAssertTrue(grid.text.contains("Not met — when will it be met, or why not?"), grid.text)
        XCTAssertTrue(grid.text.contains("Enter saves not met and the forecast, then moves on · Esc changes nothing"), grid.text)
        XCTAssertNotNil(grid.cursor, "the caret shows")
    }
}
