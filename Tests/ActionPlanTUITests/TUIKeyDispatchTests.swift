import ActionPlanCore
@testable import ActionPlanTUI
import XCTest

/// The key table is the single source of every key: in each mode of the UI, a key that is not in
/// that mode's key map (and is not text typed into a field, nor Ctrl-C) must do exactly what a key
/// bound nowhere does (F12). A handler that matched a raw key would make it act, and fail here.
final class TUIKeyDispatchTests: XCTestCase {
    static let unboundEverywhere = Key.function(12)

    /// Every key the backend can produce, and a few non-ASCII characters.
    static let universe: [Key] = {
        var keys: [Key] = [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .tab, .backTab,
                           .backspace, .delete, .altEnter]
        keys += (1...11).map { Key.function($0) }
        keys += "abcdefghijklmnopqrstuvwxyz".map { Key.ctrl($0) }
        keys += (0x20...0x7e).map { Key.char(Character(Unicode.Scalar(UInt8($0)))) }
        keys += ["é", "£", "–", "完"].map { Key.char($0) }
        return keys
    }()

    /// A state for every key map, at 80×24.
    static func fixtures() -> [(name: String, state: AppState)] {
        let size = Size(width: 80, height: 24)
        let tree = Sample.opened(size: size)
        let onTarget = moveTo(.target("t1"), in: tree)
        var plans = AppState(options: Sample.options())
        plans.plans = [PlanSummary(plan: Sample.plan(), asOf: Sample.asOf), PlanSummary(id: "other", title: "Other")]
        plans = update(plans, .resize(size)).0
        var withReview = Sample.plan()
        try? withReview.startReview(asAt: Sample.asOf, title: "", openedAt: "2007-01-15T10:00:00Z")
        let reviewOpen = moveTo(.target("t1"), in: Sample.opened(withReview, size: size))
        let recovery = update(onTarget, .session(.recoveryFound(EditRecovery(planID: "sample", targetID: "t2", field: .comment,
                                                                              text: "left over", who: "jo", when: "")))).0
        let meeting = send(onTarget, .char("M")).0
        let out: [(String, AppState)] = [
            ("plans", plans), ("tree", tree), ("tree on a target", onTarget),
            ("editor", send(onTarget, .char("c")).0), ("search", send(onTarget, .char("/")).0),
            ("officer picker", send(onTarget, .char("o")).0), ("status picker", send(onTarget, .char("s")).0),
            ("start review", send(onTarget, .char("R")).0), ("close review", send(reviewOpen, .char("R")).0),
            ("report", send(onTarget, .char("r")).0), ("recovery", recovery), ("help", send(onTarget, .char("?")).0),
            ("meeting", meeting), ("meeting editor", send(meeting, .char("c")).0), ("not met prompt", send(meeting, .char("x")).0),
            ("summary", send(meeting, .char("q")).0), ("help in a meeting", send(meeting, .char("?")).0),
            ("add target form", send(onTarget, .char("a")).0), ("officers form", send(onTarget, .char("L")).0),
            ("form in a meeting", send(meeting, .char("+")).0), ("remove confirmation", send(onTarget, .char("d")).0),
            ("my targets", MyTargetsSample.state()), ("editor in my targets", send(MyTargetsSample.state(), .char("c")).0),
            ("officer picker in my targets", send(MyTargetsSample.state(), .char("o")).0),
        ]
        return out
    }

    func testTheFixturesCoverEveryKeyMap() {
        let maps = Set(Self.fixtures().map { $0.state.keyMap })
        XCTAssertEqual(maps, Set(KeyMap.allCases))
        for map in KeyMap.allCases { XCTAssertEqual(KeyTable.input(for: Self.unboundEverywhere, in: map), .unbound(Self.unboundEverywhere)) }
    }

    func testAKeyOutsideTheModesKeyMapDoesWhatAnUnboundKeyDoes() {
        for (name, state) in Self.fixtures() {
            let map = state.keyMap
            let bound = Set(KeyTable.bindings(in: map).map(\.key))
            let (reference, referenceEffects) = update(state, .key(Self.unboundEverywhere))
            XCTAssertTrue(referenceEffects.isEmpty, "\(name): F12 did something")
            let referenceSeen = observable(reference)
            for key in Self.universe {
                let typed: Bool = { if case .char = key { return map.takesText } else { return false } }()
                if bound.contains(key) || typed || KeyTable.isForceQuit(key) { continue }
                let (next, effects) = update(state, .key(key))
                let what = "\(name) (\(map)): \(key.name) is in no context of this mode but"
                XCTAssertTrue(effects.isEmpty, "\(what) produced \(effects)")
                XCTAssertEqual(next.mode, reference.mode, "\(what) changed the mode")
                XCTAssertEqual(next.meeting, reference.meeting, "\(what) changed the meeting")
                XCTAssertEqual(next.doc?.cursor, reference.doc?.cursor, "\(what) moved the cursor")
                XCTAssertEqual(next.message?.text, reference.message?.text.replacing(Self.unboundEverywhere.name, with: key.name),
                               "\(what) said something else")
                XCTAssertEqual(observable(next), referenceSeen, "\(what) changed the state")
            }
        }
    }

    /// No code outside Keys/ matches a raw key: every feature gets commands from the KeyTable.
    func testNoSourceOutsideTheKeyTableMatchesARawKey() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/ActionPlanTUI")
        // (pageUp and pageDown are Commands too: the behaviour test above covers them.)
        let cases = "char|enter|escape|tab|backTab|backspace|delete|altEnter|ctrl|function|home|end|up|down|left|right"
        let pattern = try NSRegularExpression(pattern: "(case|==|!=|key:)\\s*\\.(\(cases))\\b|\\.key\\(\\.|Key\\.(\(cases))\\b")
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }
            .filter { $0.pathExtension == "swift" && !$0.path.contains("/Keys/") }
        XCTAssertGreaterThan(files.count, 20)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let s = String(line)
                if pattern.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil {
                    XCTFail("\(file.lastPathComponent):\(n + 1) matches a raw key; bind it in the KeyTable instead: \(s)")
                }
            }
        }
    }

    /// Everything about a state a key could change, apart from the mode, the meeting and the message
    /// (compared on their own), cheaper than drawing it.
    func observable(_ s: AppState) -> String {
        var parts = ["\(s.screen) \(s.plansCursor) \(s.plansScroll) \(s.quitArmed) \(s.lastSaved ?? "")"]
        if let d = s.doc {
            parts.append("\(d.cursor.map { "\($0)" } ?? "") \(d.expanded.count) \(d.focus) \(d.filters) \(d.search ?? "") "
                         + "\(d.treeScroll) \(d.detailScroll) \(d.pending.count) \(d.undo.count) \(d.redo.count)")
        }
        if let v = s.myTargets {
            parts.append("\(v.officer) \(v.cursor.map { "\($0)" } ?? "") \(v.scroll) \(v.overdueOnly) \(v.pendingCount) \(v.undo.count) \(v.redo.count)")
        }
        return parts.joined(separator: " | ")
    }
}
