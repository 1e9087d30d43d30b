import ActionPlanCore
@testable import ActionPlanTUI
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// The UI's part of "no acknowledged change is lost, and the program says what happened", against a
/// real temporary data directory through `Runtime` (the backend's loop without the terminal): our own
/// save is never reported as someone else's, "also open by", the text in the editor kept across a
/// signal and offered back, a plan file that turns unreadable while open.
final class TUISessionTests: XCTestCase {
    var dir = ""
    var store: PlanStore!
    static let reloaded = "Reloaded: this plan was saved by someone else meanwhile"

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "tui-session-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        store = PlanStore(directory: dir, keepBackups: 2)
        _ = try store.write(Sample.plan())
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: dir)
    }

    var options: AppOptions {
        var o = Sample.options()
        o.dataDirectory = dir
        return o
    }

    func me(_ user: String = "me", pid: Int32 = getpid()) -> Presence {
        Presence(dataDirectory: dir, user: user, host: "box", pid: pid)
    }

    /// The app started on the directory as the backend starts it, at 120×40.
    func started(presence: Presence? = nil, screen: Screen = .plan, file: StaticString = #filePath, line: UInt = #line) -> Runtime {
        let (state, effects) = Startup.initialState(store: store, options: options)
        var runtime = Runtime(state: state, runner: EffectRunner(store: store, who: "me", presence: presence))
        XCTAssertFalse(runtime.start(events: [.resize(Size(width: 120, height: 40))], effects: effects), file: file, line: line)
        XCTAssertEqual(runtime.state.screen, screen, file: file, line: line)
        return runtime
    }

    func keys(_ runtime: inout Runtime, _ keys: [Key]) {
        for k in keys { XCTAssertFalse(runtime.handle([.key(k)])) }
    }

    func goTo(_ node: NodeID, _ runtime: inout Runtime) {
        keys(&runtime, [.char("g")])
        for _ in 0..<50 where runtime.state.doc?.cursor != node { keys(&runtime, [.down]) }
        XCTAssertEqual(runtime.state.doc?.cursor, node)
    }

    // MARK: - Our own save is not "saved by someone else"

    /// The bug seen in tmux: a key that saves and an idle tick read in the same pass of the loop.
    /// The tick used to be handled before the save's result, so it compared the disk with the base
    /// from before our own save and reported a reload.
    func testAKeyThatSavesAndATickTogetherDoNotReportOurOwnSaveAsSomeoneElses() throws {
        var runtime = started()
        goTo(.target("t2"), &runtime)
        XCTAssertFalse(runtime.handle([.key(.char("p")), .tick(now: 1000)]))
        XCTAssertNotEqual(runtime.state.message?.text, Self.reloaded)
        keys(&runtime, [.char("c")] + type("Seen at the forum"))
        XCTAssertFalse(runtime.handle([.key(.enter), .tick(now: 2000)]))
        XCTAssertEqual(runtime.state.message?.text, "t2: comment set")
        XCTAssertEqual(runtime.state.doc?.base.fingerprint, store.fingerprintOnDisk("sample"))
        // Idle ticks afterwards find nothing new.
        XCTAssertFalse(runtime.handle([.tick(now: 3000), .tick(now: 4000)]))
        XCTAssertEqual(runtime.state.message?.text, "t2: comment set")
        XCTAssertEqual(try store.load("sample").plan.target(id: "t2")?.comment, "Seen at the forum")
    }

    /// As a person types in the terminal: each key read in its own pass of the backend's loop with an
    /// idle tick in the same batch and one after it, every tick due for a disk check, over two rounds
    /// of status and comment changes (what the tmux test used to watch for seconds).
    func testTypingKeyByKeyWithTicksNeverReportsOurOwnSaves() throws {
        var runtime = started()
        goTo(.target("t1"), &runtime)
        var now = 1000.0
        func press(_ key: Key) {
            now += 3
            XCTAssertFalse(runtime.handle([.key(key), .tick(now: now)]))
            XCTAssertNotEqual(runtime.state.message?.text, Self.reloaded, "after \(key.name)")
            now += 3
            XCTAssertFalse(runtime.handle([.tick(now: now)]))
            XCTAssertNotEqual(runtime.state.message?.text, Self.reloaded, "a tick after \(key.name)")
        }
        for round in 1...2 {
            press(.char("p"))
            XCTAssertEqual(try store.load("sample").plan.target(id: "t1")?.status, .partiallyMet)
            for key in [Key.char("c")] + type("round \(round) typed slowly") + [.enter] { press(key) }
            XCTAssertEqual(runtime.state.message?.text, "t1: comment set")
            press(.char("-"))
            XCTAssertEqual(try store.load("sample").plan.target(id: "t1")?.status, .notAssessed)
        }
        XCTAssertEqual(try store.load("sample").plan.target(id: "t1")?.comment, "All action plans in place.round 1 typed slowlyround 2 typed slowly")
        XCTAssertEqual(runtime.state.doc?.base.fingerprint, store.fingerprintOnDisk("sample"))
        XCTAssertTrue(runtime.state.doc?.pending.isEmpty ?? false)
    }

    /// The same at the level of `update`: a disk check asked for before our save's result was
    /// handled finds our own version on disk; that is not a change by someone else.
    func testACheckAskedForBeforeOurSaveIsHandledFindsOurOwnVersionAndSaysNothing() throws {
        let runner = EffectRunner(store: store, who: "me")
        var s = update(Sample.opened(), .planOpened(id: "sample", .success(try store.load("sample")))).0
        s = moveTo(.target("t2"), in: s)
        var (afterKey, fx) = update(s, .key(.char("m")))
        guard case .commit? = fx.first else { return XCTFail("m saves: \(fx)") }
        let (afterTick, tickFx) = update(afterKey, .tick(now: 1000))
        guard case .checkDisk(_, let checked, _)? = tickFx.first else { return XCTFail("the tick checks the disk: \(tickFx)") }
        XCTAssertEqual(checked, s.doc?.base.fingerprint, "the check compares with the base before the save")
        afterKey = afterTick
        // The save happens, then the check (in the old order of the loop).
        let savedEvents = runner.perform(fx[0])
        let checkEvents = runner.perform(tickFx[0])
        guard case .changedOnDisk? = checkEvents.first else { return XCTFail("the disk differs from the old base: \(checkEvents)") }
        for e in savedEvents + checkEvents { afterKey = update(afterKey, e).0 }
        XCTAssertNotEqual(afterKey.message?.text, Self.reloaded)
        XCTAssertEqual(afterKey.doc?.base.fingerprint, store.fingerprintOnDisk("sample"))
        XCTAssertTrue(afterKey.doc?.pending.isEmpty ?? false)
    }

    func testAnotherProcessesSaveIsStillReported() throws {
        var runtime = started()
        goTo(.target("t2"), &runtime)
        keys(&runtime, [.char("m")])
        _ = try store.commit([.status("t5", .met)], to: "sample", who: "jo")
        XCTAssertFalse(runtime.handle([.tick(now: 1000)]))
        XCTAssertEqual(runtime.state.message?.text, Self.reloaded)
        XCTAssertEqual(runtime.state.doc?.plan.target(id: "t5")?.status, .met)
        XCTAssertEqual(runtime.state.doc?.plan.target(id: "t2")?.status, .met)
    }

    // MARK: - Also open by

    func testEachSessionSeesTheOtherAndStopsWhenItLeaves() throws {
        let colleague = me("jo", pid: getppid()) // a process that is alive
        var runtime = started(presence: me())
        let marker = dir + "/.presence/sample/me@box.\(getpid())"
        XCTAssertTrue(FileManager.default.fileExists(atPath: marker), "opening the plan leaves a marker")
        XCTAssertEqual(colleague.others("sample").map(\.description), ["me@box"])
        XCTAssertEqual(runtime.state.doc?.othersOpen, [])
        colleague.enter("sample")
        XCTAssertFalse(runtime.handle([.tick(now: 1000)]))
        XCTAssertEqual(runtime.state.doc?.othersOpen, ["jo@box"])
        let header = render(runtime.state, size: Size(width: 120, height: 40)).lines[0]
        XCTAssertTrue(header.contains("also open by jo@box · as at 10 January 2007"), header)
        XCTAssertTrue(render(runtime.state, size: Size(width: 80, height: 24)).lines[0].contains("also open by jo@box"))
        // Checked at most every 2 seconds (with the disk).
        colleague.leave("sample")
        XCTAssertFalse(runtime.handle([.tick(now: 1001)]))
        XCTAssertEqual(runtime.state.doc?.othersOpen, ["jo@box"])
        XCTAssertFalse(runtime.handle([.tick(now: 1002)]))
        XCTAssertEqual(runtime.state.doc?.othersOpen, [])
        XCTAssertFalse(render(runtime.state, size: Size(width: 120, height: 40)).lines[0].contains("also open"))
        // Quitting removes this session's marker.
        XCTAssertTrue(runtime.handle([.key(.char("q"))]))
        XCTAssertFalse(FileManager.default.fileExists(atPath: marker))
    }

    func testAMarkerOfADeadProcessIsIgnoredAndRemoved() throws {
        // A pid that existed and is gone (as after kill -9): a child that has been reaped.
        var ghostPID: pid_t = 0
        var trueArguments: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/true"), nil]
        defer { trueArguments.forEach { free($0) } }
        XCTAssertEqual(posix_spawn(&ghostPID, "/bin/true", nil, nil, &trueArguments, environ), 0)
        var exitStatus: Int32 = 0
        XCTAssertEqual(waitpid(ghostPID, &exitStatus, 0), ghostPID, "reaped: the pid is gone")
        me("ghost", pid: ghostPID).enter("sample")
        let ghost = dir + "/.presence/sample/ghost@box.\(ghostPID)"
        XCTAssertTrue(FileManager.default.fileExists(atPath: ghost))
        let runtime = started(presence: me())
        XCTAssertEqual(runtime.state.doc?.othersOpen, [])
        XCTAssertFalse(FileManager.default.fileExists(atPath: ghost))
    }

    func testLeavingThePlanForTheListLeavesAndASignalLeavesToo() throws {
        _ = try store.write({ var p = Sample.plan(); p.id = "second"; return p }())
        var runtime = started(presence: me(), screen: .plans)
        keys(&runtime, [.char("j"), .enter])
        XCTAssertEqual(runtime.state.doc?.id, "second")
        let marker = dir + "/.presence/second/me@box.\(getpid())"
        XCTAssertTrue(FileManager.default.fileExists(atPath: marker))
        keys(&runtime, [.char("q")])
        XCTAssertEqual(runtime.state.screen, .plans)
        XCTAssertFalse(FileManager.default.fileExists(atPath: marker))
        keys(&runtime, [.enter])
        XCTAssertTrue(FileManager.default.fileExists(atPath: marker))
        XCTAssertTrue(runtime.handle([.signal]))
        XCTAssertFalse(FileManager.default.fileExists(atPath: marker))
    }

    // MARK: - Text in the editor kept across a signal

    func testASignalWhileEditingKeepsTheTextAndTheNextStartOffersIt() throws {
        var runtime = started(presence: me())
        goTo(.target("t3"), &runtime)
        keys(&runtime, [.char("c"), .end] + type(" Board agreed; half a thought…"))
        let (_, fx) = update(runtime.state, .signal)
        XCTAssertEqual(fx.map(describe), ["saveRecovery", "leavePresence", "quit"], "kept and left before the quit")
        XCTAssertTrue(runtime.handle([.signal]))
        let kept = try XCTUnwrap(EditRecovery.load(in: dir, planID: "sample"))
        XCTAssertEqual(kept.targetID, "t3")
        XCTAssertEqual(kept.field, .comment)
        XCTAssertEqual(kept.text, "Delayed by the restructure. Board agreed; half a thought…")
        XCTAssertEqual(kept.who, "tester")
        XCTAssertFalse(kept.when.isEmpty, "stamped when written")
        XCTAssertEqual(runtime.farewell.count, 1)
        XCTAssertTrue(runtime.farewell[0].contains("kept the unsaved comment for sample/t3 in \(dir)/.sample.recovery.json"), runtime.farewell[0])
        XCTAssertEqual(try store.load("sample").plan.target(id: "t3")?.comment, "Delayed by the restructure.", "nothing saved")

        // The next start offers it, on the target.
        var next = started(presence: me())
        guard case .recoveryOffer(let offer) = next.state.mode else { return XCTFail("no offer: \(next.state.mode)") }
        XCTAssertEqual(offer, kept)
        XCTAssertEqual(next.state.doc?.cursor, .target("t3"))
        let screen = render(next.state, size: Size(width: 120, height: 40)).text
        XCTAssertTrue(screen.contains("Unsaved text from an earlier session"), screen)
        XCTAssertTrue(screen.contains("Target t3: Contribute to achieving Level 4 of the Equality Standard."), screen)
        XCTAssertTrue(screen.contains("Comment, typed by tester at "), screen)
        XCTAssertTrue(screen.contains("Delayed by the restructure. Board agreed; half a thought…"), screen)
        XCTAssertTrue(screen.contains("Enter or r restores it into the editor · d discards it · Esc decides later"), screen)
        // Other keys do nothing but say what to press.
        keys(&next, [.char("m")])
        XCTAssertEqual(next.state.doc?.plan.target(id: "t3")?.status, .notMet)
        XCTAssertTrue(next.state.message!.text.contains("r restores"))
        // r: the editor opens with the text; the file is gone; Enter saves it with history.
        keys(&next, [.char("r")])
        guard case .editing(let session) = next.state.mode else { return XCTFail("no editor: \(next.state.mode)") }
        XCTAssertEqual(session.editor.text, kept.text)
        XCTAssertEqual(session.original, "Delayed by the restructure.")
        XCTAssertNil(EditRecovery.load(in: dir, planID: "sample"))
        keys(&next, [.enter])
        let t3 = try store.load("sample").plan.target(id: "t3")!
        XCTAssertEqual(t3.comment, kept.text)
        XCTAssertEqual(t3.history.last?.old, "Delayed by the restructure.")
        XCTAssertEqual(t3.history.last?.who, "me")
        XCTAssertEqual(next.state.message?.text, "t3: comment set")
    }

    func testDiscardAndLaterAndNothingToKeep() throws {
        // Nothing typed (or typed back to the saved value): no file.
        var runtime = started()
        goTo(.target("t5"), &runtime)
        keys(&runtime, [.char("f")])
        XCTAssertTrue(runtime.handle([.signal]))
        XCTAssertNil(EditRecovery.load(in: dir, planID: "sample"))
        XCTAssertEqual(runtime.farewell, [])

        try EditRecovery(planID: "sample", targetID: "t5", field: .forecast, text: "By May", who: "jo", when: "2026-01-01T09:00:00Z").save(in: dir)
        // Esc: decide later; the file stays and is offered again.
        var later = started()
        guard case .recoveryOffer = later.state.mode else { return XCTFail("no offer") }
        keys(&later, [.escape])
        XCTAssertEqual(later.state.mode, .normal)
        XCTAssertNotNil(EditRecovery.load(in: dir, planID: "sample"))
        XCTAssertTrue(later.state.message!.text.contains("offered again"))
        // d: discarded.
        var discard = started()
        guard case .recoveryOffer = discard.state.mode else { return XCTFail("not offered again") }
        keys(&discard, [.char("d")])
        XCTAssertEqual(discard.state.mode, .normal)
        XCTAssertNil(EditRecovery.load(in: dir, planID: "sample"))
        XCTAssertEqual(discard.state.message?.text, "Discarded the unsaved forecast for t5")
        XCTAssertEqual(try store.load("sample").plan.target(id: "t5")?.forecast, "Expected by March 2007.")
    }

    func testARecoveryForATargetRemovedMeanwhileIsKeptAndSaysSo() throws {
        try EditRecovery(planID: "sample", targetID: "t99", field: .comment, text: "Orphan", who: "jo", when: "").save(in: dir)
        var runtime = started()
        guard case .recoveryOffer = runtime.state.mode else { return XCTFail("no offer") }
        XCTAssertTrue(render(runtime.state, size: Size(width: 80, height: 24)).text.contains("no longer in the plan"))
        keys(&runtime, [.enter])
        XCTAssertEqual(runtime.state.mode, .normal)
        XCTAssertTrue(runtime.state.message!.isError)
        XCTAssertTrue(runtime.state.message!.text.contains(".sample.recovery.json"))
        XCTAssertNotNil(EditRecovery.load(in: dir, planID: "sample"), "the text is not thrown away")
    }

    func testASignalGivesUnsavedChangesOneMoreSave() throws {
        var failing = store!
        failing.writer = AtomicWriter(fault: FaultPlan(step: .fsync, code: EIO))
        let (state, effects) = Startup.initialState(store: store, options: options)
        var broken = Runtime(state: state, runner: EffectRunner(store: failing, who: "me"))
        XCTAssertFalse(broken.start(events: [.resize(Size(width: 120, height: 40))], effects: effects))
        goTo(.target("t2"), &broken)
        keys(&broken, [.char("x")])
        XCTAssertEqual(broken.state.doc?.pending.count, 1)
        // Still failing: the last try fails too, and says so once the terminal is back.
        XCTAssertTrue(broken.handle([.signal]))
        XCTAssertEqual(broken.farewell.count, 1)
        XCTAssertTrue(broken.farewell[0].hasPrefix("1 change to sample could not be saved"), broken.farewell[0])
        // The disk is fine again: the signal's save goes through.
        var ok = Runtime(state: broken.state, runner: EffectRunner(store: store, who: "me"))
        XCTAssertTrue(ok.handle([.signal]))
        XCTAssertEqual(try store.load("sample").plan.target(id: "t2")?.status, .notMet)
        XCTAssertEqual(ok.farewell, [])
    }

    // MARK: - A plan file that turns unreadable while open

    func testAFileThatTurnsInvalidWhileOpenKeepsTheLastGoodVersionAndRefusesToSave() throws {
        var runtime = started()
        goTo(.target("t2"), &runtime)
        let path = dir + "/sample.json"
        let good = try Data(contentsOf: URL(fileURLWithPath: path))
        try Data("{ \"id\": \"sample\", garbage".utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertFalse(runtime.handle([.tick(now: 1000)]))
        XCTAssertNotNil(runtime.state.doc?.diskProblem)
        XCTAssertTrue(runtime.state.message!.isError)
        XCTAssertTrue(runtime.state.message!.text.hasPrefix("The plan file on disk cannot be read: "), runtime.state.message!.text)
        XCTAssertTrue(runtime.state.message!.text.hasSuffix("showing the last good version"))
        var grid = render(runtime.state, size: Size(width: 120, height: 40))
        XCTAssertTrue(grid.text.contains("Key Issue 1: Leadership"), "the plan is still shown")
        XCTAssertTrue(grid.text.contains("Actively engage"))
        // Said once, not again on every tick; the status bar keeps saying it after other messages.
        keys(&runtime, [.char("j"), .char("k")])
        XCTAssertNil(runtime.state.message)
        XCTAssertFalse(runtime.handle([.tick(now: 1010)]))
        XCTAssertNil(runtime.state.message)
        grid = render(runtime.state, size: Size(width: 120, height: 40))
        let bar = grid.lines.suffix(StatusBar.height(runtime.state, size: Size(width: 120, height: 40))).joined()
        XCTAssertTrue(bar.contains("The plan file on disk cannot be read: showing the last good version"), bar)

        // A change is shown, refused by the save, and kept marked unsaved.
        keys(&runtime, [.char("m")])
        XCTAssertEqual(runtime.state.doc?.plan.target(id: "t2")?.status, .met)
        XCTAssertEqual(runtime.state.doc?.pending.count, 1)
        XCTAssertTrue(runtime.state.message!.text.hasPrefix("Not saved: the plan file on disk is invalid"), runtime.state.message!.text)
        XCTAssertTrue(runtime.state.message!.text.contains("your change is kept unsaved, w retries once it is mended"))
        grid = render(runtime.state, size: Size(width: 120, height: 40))
        XCTAssertTrue(grid.lines.last!.contains("✎ unsaved (w retries)"))
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), Data("{ \"id\": \"sample\", garbage".utf8), "the bad file is not overwritten")

        // Mended (the good version put back): noticed, and w saves the change.
        try good.write(to: URL(fileURLWithPath: path))
        XCTAssertFalse(runtime.handle([.tick(now: 1020)]))
        XCTAssertNil(runtime.state.doc?.diskProblem)
        XCTAssertEqual(runtime.state.message?.text, "The plan file on disk is readable again (as shown): w saves the 1 unsaved change")
        XCTAssertEqual(runtime.state.doc?.plan.target(id: "t2")?.status, .met, "the unsaved change is still shown")
        keys(&runtime, [.char("w")])
        XCTAssertEqual(runtime.state.doc?.pending.count, 0)
        XCTAssertEqual(try store.load("sample").plan.target(id: "t2")?.status, .met)
    }

    func testAFileDeletedWhileOpenIsSaidOnce() throws {
        var runtime = started()
        unlink(dir + "/sample.json")
        XCTAssertFalse(runtime.handle([.tick(now: 1000)]))
        XCTAssertTrue(runtime.state.message!.text.contains("no plan with id \"sample\""), runtime.state.message!.text)
        keys(&runtime, [.char("j")])
        XCTAssertFalse(runtime.handle([.tick(now: 1010)]))
        XCTAssertNil(runtime.state.message)
        XCTAssertTrue(render(runtime.state, size: Size(width: 120, height: 40)).text.contains("Key Issue 1"))
    }

    // MARK: - Rendering

    func testTheOfferAlsoOpenByAndAnUnreadableFileFitEverySize() {
        var s = Sample.opened()
        s.doc?.othersOpen = ["jo@council-pc", "sam@laptop", "kim@desk"]
        s.doc?.diskProblem = DiskProblem(fingerprint: Fingerprint([]), reason: "sample.json: line 1, column 20: expected ':'")
        for size in TUIRenderTests.sizes {
            var grid = render(s, size: size)
            grid.assertAligned()
            XCTAssertTrue(grid.lines[0].contains("Sample Equalities"), grid.lines[0])
            XCTAssertTrue(grid.lines[0].contains("also open by jo@council-pc +2"), grid.lines[0])
            let bar = grid.lines.suffix(StatusBar.height(s, size: size)).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            XCTAssertTrue(bar.contains("The plan file on disk cannot be read"), "\(size): \(grid.text)")
            XCTAssertTrue(bar.contains("expected ':'"), "the reason is not cut: \(size): \(bar)")
            var offer = s
            offer.mode = .recoveryOffer(EditRecovery(planID: "sample", targetID: "t3", field: .forecast,
                                                     text: "Line one\nline two \u{1b}]0;pwned\u{07} " + String(repeating: "long ", count: 80),
                                                     who: "jo", when: "2026-11-24T10:00:00Z"))
            grid = render(offer, size: size)
            grid.assertAligned()
            let text = grid.text
            XCTAssertTrue(text.contains("Unsaved text from an earlier session"), text)
            XCTAssertTrue(text.contains("Target t3: Contribute"), text)
            XCTAssertTrue(text.contains("Forecast, typed by jo at 2026-11-24T10:00:00Z"), text)
            XCTAssertTrue(text.contains("Line one"), text)
            XCTAssertTrue(text.contains("␛]0;pwned␇"), "hostile text is shown as placeholders: \(text)")
            XCTAssertTrue(text.contains("Enter or r restores it into the editor"), text)
            XCTAssertTrue(grid.lines.last!.contains("Enter/r restore · d discard · Esc later"), grid.lines.last!)
        }
        var ascii = Sample.opened(glyphs: .ascii)
        ascii.mode = .recoveryOffer(EditRecovery(planID: "sample", targetID: "t3", field: .comment, text: "Kept", who: "", when: ""))
        let grid = render(ascii, size: Size(width: 80, height: 24))
        XCTAssertTrue(grid.text.unicodeScalars.allSatisfy(\.isASCII), grid.text)
        XCTAssertTrue(grid.text.contains("Comment, typed (not saved)"), grid.text)
        XCTAssertTrue(grid.text.contains("d discards it, Esc decides later"), grid.text)
    }

    func describe(_ effect: Effect) -> String {
        if effect.isQuit { return "quit" }
        guard case .session(let e) = effect else { return "other" }
        switch e {
        case .enterPresence: return "enterPresence"
        case .leavePresence: return "leavePresence"
        case .checkPresence: return "checkPresence"
        case .lookForRecovery: return "lookForRecovery"
        case .saveRecovery: return "saveRecovery"
        case .discardRecovery: return "discardRecovery"
        }
    }
}
