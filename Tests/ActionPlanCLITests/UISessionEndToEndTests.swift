import ActionPlanTestSupport
import Foundation
import XCTest

/// The reliability promise of the review UI, with the real binary in tmux: our own save is never
/// reported as someone else's (and theirs is), text in the editor survives a SIGHUP and is offered
/// back, two sessions see each other ("also open by"), a bad file among many is listed, a plan file
/// saved as garbage while open keeps the last good version on screen and refuses to save, and hostile
/// text never reaches the terminal as control codes (the raw bytes, through a pty).
final class UISessionEndToEndTests: TmuxTestCase {
    static let planID = UIEndToEndTests.planID
    var planFile: String { planPath() }

    /// A UI session in its own tmux server (so several can run at once), as `user`.
    func startUI(user: String = "e2e-tester", arguments: [String] = []) throws -> Tmux {
        let tmux = newServer()
        try tmux.start(arguments: ["--data", dataDir, "--as-of", "2007-01-15"] + arguments,
                       environment: ["LC_ALL": "C.UTF-8", "TERM": "xterm-256color", "ACTIONPLAN_USER": user,
                                     "ACTIONPLAN_DISK_CHECK_SECONDS": "0.2"])
        return tmux
    }

    // MARK: - 1. Our own save is not "saved by someone else"

    /// The wiring in the real terminal: our saves land on disk, and another process's save is noticed
    /// and reported by the disk check (shortened to 0.2 s here). That our own saves are never reported
    /// as someone else's, with keys and idle ticks arriving together as the backend reads them, is
    /// proven in process with the real Runtime and files (TUISessionTests), without waiting.
    func testOurOwnSavesLandAndAnotherProcessesSaveIsReported() throws {
        let ui = try startUI()
        try ui.waitFor("Key Issue 1: Leadership")
        ui.keys("j", "Down")
        try ui.waitFor("Target t1")
        for round in 1...2 {
            ui.keys("p")
            try ui.waitFor("Status      ◐ Partly met")
            ui.keys("c")
            try ui.waitFor("Comment for target t1")
            ui.literal("round \(round) typed")
            try ui.waitFor("round \(round) typed")
            ui.keys("Enter")
            try ui.waitFor("t1: comment set")
            ui.keys("-")
            try ui.waitFor("Status      · Not assessed")
        }
        XCTAssertFalse(ui.capture().contains("Reloaded"))
        XCTAssertEqual(try target(0, in: planFile)["comment"] as? String, "round 1 typedround 2 typed")

        // Another process saves: that is reported (within the disk check).
        let set = try CLI.run(["set", "\(Self.planID)/t2", "met", "--by", "jo", "--data", dataDir])
        XCTAssertEqual(set.status, 0, set.stderr)
        try ui.waitFor("Reloaded: this plan was saved by someone else meanwhile")
        ui.keys("q")
        try ui.waitForExit()
    }

    // MARK: - 2. SIGHUP while typing a comment

    func testSIGHUPWhileEditingKeepsTheTextAndTheNextStartOffersToRestoreIt() throws {
        let recoveryPath = dataDir + "/.\(Self.planID).recovery.json"
        let ui = try startUI()
        try ui.waitFor("Key Issue 1: Leadership")
        ui.keys("j", "Down")
        try ui.waitFor("Target t1")
        ui.keys("c")
        try ui.waitFor("Comment for target t1")
        ui.literal("Half-written after the DAAF ✓ 完成")
        try ui.waitFor("Half-written after the DAAF ✓ 完成")
        XCTAssertEqual(kill(try ui.programPID(), SIGHUP), 0)
        try ui.waitForExit()
        XCTAssertEqual(ui.exitStatus(), 129, "a hang-up is not a quit: 128 + SIGHUP")

        let kept = try json(recoveryPath)
        XCTAssertEqual(kept["plan"] as? String, Self.planID)
        XCTAssertEqual(kept["target"] as? String, "t1")
        XCTAssertEqual(kept["field"] as? String, "comment")
        XCTAssertEqual(kept["text"] as? String, "Half-written after the DAAF ✓ 完成")
        XCTAssertEqual(kept["who"] as? String, "e2e-tester")
        XCTAssertNotNil(kept["when"] as? String)
        XCTAssertNil(try target(0, in: planFile)["comment"], "nothing was saved")
        // The command line ignores it (a dot file).
        let validate = try CLI.run(["validate", dataDir])
        XCTAssertEqual(validate.status, 0, validate.stdout + validate.stderr)
        let plans = try CLI.run(["plans", "--data", dataDir, "--format", "json"])
        XCTAssertEqual(plans.status, 0, plans.stderr)
        XCTAssertFalse(plans.stdout.contains("recovery"))

        // The next start offers it: restore, Enter saves it.
        let again = try startUI()
        try again.waitFor("Unsaved text from an earlier session")
        let offer = again.capture()
        XCTAssertTrue(offer.contains("Target t1: "), offer)
        XCTAssertTrue(offer.contains("Comment, typed by e2e-tester at "), offer)
        XCTAssertTrue(offer.contains("Half-written after the DAAF ✓ 完成"), offer)
        XCTAssertTrue(offer.contains("Enter or r restores it into the editor · d discards it · Esc decides later"), offer)
        again.keys("r")
        try again.waitFor("Comment for target t1")
        XCTAssertFalse(FileManager.default.fileExists(atPath: recoveryPath), "removed once restored")
        again.keys("Enter")
        try again.waitFor("Comment     Half-written after the DAAF ✓")
        try again.waitFor("t1: comment set")
        let t1 = try target(0, in: planFile)
        XCTAssertEqual(t1["comment"] as? String, "Half-written after the DAAF ✓ 完成")
        let history = try XCTUnwrap(t1["history"] as? [[String: Any]])
        XCTAssertEqual(history.last?["field"] as? String, "comment")
        XCTAssertEqual(history.last?["who"] as? String, "e2e-tester")
        again.keys("q")
        try again.waitForExit()
        XCTAssertFalse(FileManager.default.fileExists(atPath: recoveryPath))
    }

    // MARK: - 3. Also open by

    func testTwoSessionsSeeEachOtherAndAKilledOneIsForgotten() throws {
        let host = ProcessInfo.processInfo.hostName.split(separator: ".").first.map(String.init) ?? ""
        let alice = try startUI(user: "alice")
        try alice.waitFor("Key Issue 1: Leadership")
        let bob = try startUI(user: "bob")
        try bob.waitFor("also open by alice@")
        try alice.waitFor("also open by bob@")
        XCTAssertTrue(alice.capture().contains("also open by bob@\(host)") || host.isEmpty, alice.capture())
        bob.keys("q")
        try bob.waitForExit()
        try alice.waitForAbsence("also open by")

        // kill -9 leaves bob's marker behind: it is ignored (and removed) by the next check.
        let bob2 = try startUI(user: "bob")
        try alice.waitFor("also open by bob@")
        let bobPID = try bob2.programPID()
        alice.keys("q")
        try alice.waitForExit()
        XCTAssertEqual(kill(bobPID, SIGKILL), 0)
        try bob2.waitForExit()
        let folder = dataDir + "/.presence/\(Self.planID)"
        let left = try FileManager.default.contentsOfDirectory(atPath: folder)
        XCTAssertEqual(left.count, 1, "the killed session's marker is still there: \(left)")
        XCTAssertTrue(left[0].hasPrefix("bob@") && left[0].hasSuffix(".\(bobPID)"), left[0])
        // The presence check runs as the plan opens, before its first frame: when the plan shows, the
        // dead marker has been judged, and it is not named.
        let carol = try startUI(user: "carol")
        try carol.waitFor("Key Issue 1: Leadership")
        XCTAssertFalse(carol.capture().contains("also open by"), carol.capture())
        try waitUntil("the dead marker is removed") { !((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).contains(left[0]) }
        XCTAssertFalse(carol.capture().contains("also open by"), carol.capture())
        carol.keys("q")
        try carol.waitForExit()
        XCTAssertEqual((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [], [], "every session left")
    }

    // MARK: - 4. Bad files

    func testABadFileAmongManyIsListedWithItsError() throws {
        try FileManager.default.copyItem(atPath: CLI.repoRoot.appendingPathComponent("data/kent-cfe-equalities-2008-10.json").path,
                                         toPath: dataDir + "/kent-cfe-equalities-2008-10.json")
        try Data("{\n  \"id\": \"broken\",\n  \"title\": \"Broken\",,\n}\n".utf8).write(to: URL(fileURLWithPath: dataDir + "/broken.json"))
        let ui = try startUI()
        try ui.waitFor("3 plans in")
        let screen = ui.capture()
        XCTAssertTrue(screen.contains("broken.json cannot be loaded"), screen)
        XCTAssertTrue(screen.contains("line 3"), screen)
        XCTAssertTrue(screen.contains("kent-cfe-equalities-2008-10"), screen)
        XCTAssertTrue(screen.contains("Children & Learning"), screen)
        ui.keys("Enter")
        try ui.waitFor("broken cannot be opened")
        ui.keys("j", "Enter")
        try ui.waitFor("Key Issue 1")
        ui.keys("q")
        try ui.waitFor("3 plans in")
        ui.keys("q")
        try ui.waitForExit()
    }

    func testAPlanSavedAsGarbageWhileOpenKeepsTheLastGoodVersionAndRefusesToSave() throws {
        let ui = try startUI()
        try ui.waitFor("Key Issue 1: Leadership")
        ui.keys("j", "Down")
        try ui.waitFor("Target t1")
        let good = try Data(contentsOf: URL(fileURLWithPath: planFile))
        let garbage = Data("{\"id\": \"\(Self.planID)\", oops".utf8)
        try garbage.write(to: URL(fileURLWithPath: planFile))
        try ui.waitFor("The plan file on disk cannot be read")
        var screen = ui.capture()
        XCTAssertTrue(screen.contains("Key Issue 1: Leadership"), "the plan stays on screen: \(screen)")
        XCTAssertTrue(screen.contains("Target t1"), screen)
        ui.keys("m")
        try ui.waitFor("Not saved: the plan file on disk is invalid")
        screen = ui.capture()
        XCTAssertTrue(screen.contains("✎ unsaved (w retries)"), screen)
        XCTAssertTrue(screen.contains("Status      ✓ Met"), screen)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: planFile)), garbage, "the bad file is left as it is")
        ui.keys("j", "k")
        try ui.waitFor("showing the last good version")
        // Mended: the good bytes back; w saves the change kept on screen.
        try good.write(to: URL(fileURLWithPath: planFile))
        try ui.waitFor("The plan file on disk is readable again (as shown): w saves the 1 unsaved change")
        ui.keys("w")
        try ui.waitFor("Saved ")
        XCTAssertEqual(try target(0, in: planFile)["status"] as? String, "met")
        ui.keys("q")
        try ui.waitForExit()
        XCTAssertEqual(ui.exitStatus(), 0)
    }

    // MARK: - 5. Hostile text: the raw bytes written to the terminal

    func testHostileTextNeverReachesTheTerminalAsControlCodes() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else { throw XCTSkip("python3 is not installed") }
        let hostile = "Pay \u{1b}]0;pwned\u{07} now \u{1b}[2J cleared \u{9b}31m red \u{202e}reversed zero\u{200b}width"
        var plan = try json(planFile)
        var issues = plan["keyIssues"] as! [[String: Any]]
        var objectives = issues[0]["objectives"] as! [[String: Any]]
        var targets = objectives[0]["targets"] as! [[String: Any]]
        targets[0]["text"] = hostile
        targets[0]["comment"] = hostile
        targets[0]["leadOfficers"] = ["\u{1b}]2;pwned\u{07}Head of HR"]
        objectives[0]["targets"] = targets
        objectives[0]["text"] = hostile
        issues[0]["objectives"] = objectives
        issues[0]["title"] = "Leadership \u{1b}[2J cleared"
        plan["keyIssues"] = issues
        plan["title"] = "\u{1b}]2;pwned\u{07}Hostile plan \u{202e}"
        try JSONSerialization.data(withJSONObject: plan, options: [.prettyPrinted, .sortedKeys]).write(to: URL(fileURLWithPath: planFile))

        let out = NSTemporaryDirectory() + "pty-\(UUID().uuidString).bin"
        defer { unlink(out) }
        let script = CLI.repoRoot.appendingPathComponent("scripts/pty_capture.py").path
        // Open the plan, go down to t1 (detail pane with the comment), open the comment editor
        // (the text in the editor), cancel, search for "pwned" (matching text in the status bar), quit.
        let run = try CLI.runProgram("/usr/bin/python3", [
            script, out, "--cols", "120", "--rows", "40",
            "--env", "LC_ALL=C.UTF-8", "--env", "TERM=xterm-256color",
            "--step", "wait:Hostile plan", "--step", "send:j", "--step", "send:j",
            "--step", "wait:Target t1", "--step", "send:c", "--step", "wait:Comment for target t1",
            "--step", "send:\\e", "--step", "wait:cancelled; nothing changed", "--step", "send:/pwned\\r", "--step", "wait:Match 1",
            "--step", "send:q",
            "--", CLI.binary, "--data", dataDir, "--plan", Self.planID,
        ])
        XCTAssertEqual(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "0", run.stderr)
        XCTAssertEqual(run.stderr, "")
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: out)))
        XCTAssertGreaterThan(bytes.count, 2000)
        func has(_ needle: [UInt8]) -> Bool {
            guard needle.count <= bytes.count else { return false }
            return (0...(bytes.count - needle.count)).contains { i in bytes[i] == needle[0] && Array(bytes[i..<i + needle.count]) == needle }
        }
        let forbidden: [(String, [UInt8])] = [
            ("OSC 0 from the data", Array("\u{1b}]0;pwned".utf8)),
            ("OSC 2 from the data", Array("\u{1b}]2;pwned".utf8)),
            ("BEL ending the data's OSC", Array("pwned\u{07}".utf8)),
            ("any OSC at all", [0x1b, 0x5d]),
            ("the data's clear screen", Array("\u{1b}[2J cleared".utf8)),
            ("U+009B (C1 CSI) as UTF-8", [0xc2, 0x9b]),
            ("U+202E (right-to-left override)", [0xe2, 0x80, 0xae]),
            ("U+200B (zero-width space)", [0xe2, 0x80, 0x8b]),
        ]
        for (what, needle) in forbidden { XCTAssertFalse(has(needle), "\(what) reached the terminal") }
        XCTAssertFalse(bytes.contains(0x07), "no BEL at all")
        XCTAssertNotNil(String(validating: bytes, as: UTF8.self), "the stream is valid UTF-8 (so a lone 0x9B cannot be a C1 control)")
        // What was there instead: the placeholders, so the text did go through the screen.
        for shown in ["␛]0;pwned␇", "⟨U+009B⟩31m", "⟨U+202E⟩reversed", "zero⟨U+200B⟩width", "Hostile plan"] {
            XCTAssertTrue(has(Array(shown.utf8)), "\(shown) was not drawn")
        }
    }
}

extension CLI {
    /// Runs another program (python3 for the pty harness) to the end; its output through pipes.
    static func runProgram(_ path: String, _ arguments: [String]) throws -> Result {
        Result(try Subprocess.run(path, arguments))
    }
}
