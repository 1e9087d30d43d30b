import ActionPlanTestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#endif
@testable import ActionPlanCore

/// Issue 16: a data directory shared on a server is a hostile place. Each test plants what another
/// user could (as `nobody`, via `Attacker`) and checks that actionplan, run as root, writes nowhere
/// else, hangs on nothing and widens no permission.
final class SharedDirectoryTests: XCTestCase {
    private var dir = ""
    private var path = ""

    override func setUp() {
        dir = Fixtures.temporaryDirectory()
        path = Fixtures.write(Fixtures.samplePlan(), in: dir)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: dir)
    }

    // MARK: 1. Presence markers

    func testAPlantedPresenceLinkTruncatesNothing() throws {
        try Attacker.requireRoot()
        Attacker.worldWritable(dir)
        let victim = Attacker.victim()
        let pid: Int32 = 424_242
        try Attacker.run("mkdir -p '\(dir)/.presence/sample' && ln -s '\(victim)' '\(dir)/.presence/sample/me@box.\(pid)'")
        let problem = Presence(dataDirectory: dir, user: "me", host: "box", pid: pid).enter("sample")
        XCTAssertEqual(Attacker.contents(victim), "precious contents\n", "the victim was truncated through the marker")
        XCTAssertTrue(problem?.contains("owned by nobody") == true, problem ?? "no problem reported")
    }

    func testAPresenceMarkerLinkInOurOwnFolderIsNotFollowed() throws {
        let victim = Attacker.victim()
        let me = Presence(dataDirectory: dir, user: "me", host: "box", pid: 424_243)
        XCTAssertNil(me.enter("other"))     // makes .presence as ours
        symlink(victim, "\(dir)/.presence/other/me@box.424243.tmp") // noise
        try FileManager.default.createDirectory(atPath: "\(dir)/.presence/sample", withIntermediateDirectories: false)
        symlink(victim, "\(dir)/.presence/sample/me@box.424243")
        XCTAssertNotNil(me.enter("sample"))
        XCTAssertEqual(Attacker.contents(victim), "precious contents\n")
    }

    func testPresenceMarkersAndTheirFoldersAreNoWiderThanThePlan() throws {
        chmod(path, 0o600)
        XCTAssertNil(Presence(dataDirectory: dir, user: "me", host: "box", pid: getpid()).enter("sample"))
        XCTAssertEqual(Attacker.mode("\(dir)/.presence"), 0o700)
        XCTAssertEqual(Attacker.mode("\(dir)/.presence/sample"), 0o700)
        XCTAssertEqual(Attacker.mode("\(dir)/.presence/sample/me@box.\(getpid())"), 0o600)
    }

    // MARK: 2. Writes that would follow planted links

    func testAPlantedLockLinkCreatesNothingWhereItPoints() throws {
        try Attacker.requireRoot()
        Attacker.worldWritable(dir)
        let elsewhere = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: elsewhere) }
        try Attacker.run("ln -s '\(elsewhere)/created-by-root' '\(dir)/.sample.lock'")
        XCTAssertThrowsError(try PlanStore(directory: dir).commit([.status("t2", .met)], to: "sample", who: "root")) { error in
            XCTAssertTrue("\(error)".contains("the lock file is a symbolic link"), "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: "\(elsewhere)/created-by-root"))
    }

    func testAPlanLinkOwnedBySomeoneElseIsRefusedNamingTheOwner() throws {
        try Attacker.requireRoot()
        Attacker.worldWritable(dir)
        // A file root can write, which the attacker wants overwritten with a plan.
        let victim = Attacker.victim("root: not a plan\n")
        try Attacker.run("ln -s '\(victim)' '\(dir)/evil.json'")
        var plan = Fixtures.samplePlan(id: "evil")
        plan.title = "Replaced"
        XCTAssertThrowsError(try PlanStore(directory: dir).write(plan)) { error in   // import --replace
            XCTAssertTrue("\(error)".contains("symbolic link owned by nobody"), "\(error)")
        }
        XCTAssertEqual(Attacker.contents(victim), "root: not a plan\n")
        XCTAssertThrowsError(try PlanStore(directory: dir).load("evil")) { error in
            XCTAssertTrue("\(error)".contains("owned by nobody"), "\(error)")
        }
    }

    func testAPlanLinkOfOursToAFileOfSomeoneElsesIsRefused() throws {
        try Attacker.requireRoot()
        let theirs = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: theirs) }
        chmod(theirs, 0o777)
        try Attacker.run("cp '\(path)' '\(theirs)/sample.json' && chmod 666 '\(theirs)/sample.json'")
        unlink(path)
        symlink("\(theirs)/sample.json", path)
        XCTAssertThrowsError(try PlanStore(directory: dir).commit([.status("t2", .met)], to: "sample", who: "root")) { error in
            XCTAssertTrue("\(error)".contains("to a file owned by nobody"), "\(error)")
        }
    }

    func testAPlantedBackupFolderLinkIsRefusedAndNothingIsWrittenThere() throws {
        try Attacker.requireRoot()
        Attacker.worldWritable(dir)
        let elsewhere = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: elsewhere) }
        chmod(elsewhere, 0o777)
        try Attacker.run("ln -s '\(elsewhere)' '\(dir)/.backups'")
        let before = Fixtures.bytes(path)
        XCTAssertThrowsError(try PlanStore(directory: dir).commit([.status("t2", .met)], to: "sample", who: "root")) { error in
            XCTAssertTrue("\(error)".contains(".backups: is a symbolic link owned by nobody"), "\(error)")
            XCTAssertTrue("\(error)".contains("nothing was written"), "\(error)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: elsewhere), [])
        XCTAssertEqual(Fixtures.bytes(path), before)
    }

    func testARecoveryFileLinkIsNotFollowed() throws {
        let victim = Attacker.victim()
        symlink(victim, "\(dir)/.sample.recovery.json")
        let recovery = EditRecovery(planID: "sample", targetID: "t1", field: .comment, text: "x", who: "me")
        XCTAssertThrowsError(try recovery.save(in: dir)) { error in
            XCTAssertTrue("\(error)".contains("is a symbolic link"), "\(error)")
        }
        XCTAssertEqual(Attacker.contents(victim), "precious contents\n")
        XCTAssertNil(EditRecovery.load(in: dir, planID: "sample"))
    }

    func testAPlantedReportsFolderLinkRedirectsNoUIReport() throws {
        try Attacker.requireRoot()
        Attacker.worldWritable(dir)
        let elsewhere = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: elsewhere) }
        try Attacker.run("ln -s '\(elsewhere)' '\(dir)/reports'")
        XCTAssertThrowsError(try PlanStore(directory: dir).writeOutput(Array("<html>".utf8), folder: "reports", fileName: "r.html")) { error in
            XCTAssertTrue("\(error)".contains("reports: is a symbolic link owned by nobody"), "\(error)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: elsewhere), [])
    }

    // MARK: 3. Modes and groups

    func testAWorldWritableDirectoryIsNotTakenForAGroupShare() throws {
        chmod(dir, 0o777)
        _ = try PlanStore(directory: dir).commit([.status("t2", .met)], to: "sample", who: "root")
        XCTAssertEqual(Attacker.mode("\(dir)/.backups"), 0o700)
    }

    func testBackupsOfA0600PlanAreNotReadableByOthers() throws {
        try Attacker.requireRoot()
        chmod(dir, 0o755)
        chmod(path, 0o600)
        let store = PlanStore(directory: dir)
        _ = try store.commit([TargetChange(targetID: "t2", field: .comment, new: "secret: salary of the chief")], to: "sample", who: "root")
        _ = try store.commit([TargetChange(targetID: "t2", field: .comment, new: "replaced")], to: "sample", who: "root")
        let backup = try XCTUnwrap(store.backups.versions(of: "sample").first).path
        XCTAssertEqual(Attacker.mode("\(dir)/.backups"), 0o700)
        XCTAssertEqual(Attacker.mode("\(dir)/.backups/sample"), 0o700)
        XCTAssertEqual(Attacker.mode(backup), 0o600)
        chmod("\(dir)/.backups", 0o755); chmod("\(dir)/.backups/sample", 0o755) // even with the folders opened up
        XCTAssertTrue(Attacker.cannotRead(backup), "nobody read a backup of a 0600 plan")
        let recovery = EditRecovery(planID: "sample", targetID: "t2", field: .comment, text: "secret", who: "root")
        try recovery.save(in: dir)
        XCTAssertEqual(Attacker.mode(EditRecovery.path(in: dir, planID: "sample")), 0o600)
    }

    func testAnOldWideBackupFolderOfOursIsTightened() throws {
        try FileManager.default.createDirectory(atPath: "\(dir)/.backups/sample", withIntermediateDirectories: true)
        chmod("\(dir)/.backups", 0o755); chmod("\(dir)/.backups/sample", 0o755)
        _ = try PlanStore(directory: dir).commit([.status("t2", .met)], to: "sample", who: "root")
        XCTAssertEqual(Attacker.mode("\(dir)/.backups"), 0o700)
        XCTAssertEqual(Attacker.mode("\(dir)/.backups/sample"), 0o700)
    }

    func testInAGroupSharedDirectoryFoldersAreSetgidForTheGroup() throws {
        try Attacker.requireRoot()
        let group: gid_t = 50 // "staff" on Debian; any group other than root's will do
        chown(dir, 0, group)
        chmod(dir, 0o2770)
        chown(path, 0, group)
        chmod(path, 0o660)
        _ = try PlanStore(directory: dir).commit([.status("t2", .met)], to: "sample", who: "root")
        var info = stat()
        for folder in ["\(dir)/.backups", "\(dir)/.backups/sample"] {
            XCTAssertEqual(Attacker.mode(folder), 0o2770, folder)
            stat(folder, &info)
            XCTAssertEqual(info.st_gid, group, folder)
        }
        let backup = try XCTUnwrap(PlanStore(directory: dir).backups.versions(of: "sample").first).path
        stat(backup, &info)
        XCTAssertEqual(info.st_mode & 0o777, 0o660)
        XCTAssertEqual(info.st_gid, group)
    }

    // MARK: 6. FIFOs

    func testAFIFORecoveryFileDoesNotHang() throws {
        mkfifo("\(dir)/.sample.recovery.json", 0o644)
        let dir = self.dir
        let loaded = Box<EditRecovery?>(nil)
        if !finishes(within: 10, { loaded.set(EditRecovery.load(in: dir, planID: "sample")) }) {
            // Unblock the reader of the old code so the test process can end.
            let fd = open("\(dir)/.sample.recovery.json", O_WRONLY | O_NONBLOCK)
            if fd >= 0 { close(fd) }
            return XCTFail("loading a FIFO recovery file hung")
        }
        XCTAssertNil(loaded.get())
    }

    func testAFIFOPlanIsReportedAndTheOthersLoad() throws {
        mkfifo("\(dir)/x.json", 0o644)
        let dir = self.dir
        let box = Box<[String]>([])
        let visited = finishes(within: 10) {
            var seen: [String] = []
            try? PlanStore(directory: dir).forEachPlan { result in
                switch result {
                case .success(let loaded): seen.append(loaded.plan.id)
                case .failure(let error): seen.append("\(error)")
                }
            }
            box.set(seen)
        }
        let seen = box.get()
        if !visited {
            let fd = open("\(dir)/x.json", O_WRONLY | O_NONBLOCK)
            if fd >= 0 { close(fd) }
            return XCTFail("a FIFO named x.json hung the loader")
        }
        XCTAssertEqual(seen.first, "sample")
        XCTAssertTrue(seen.last?.contains("x.json: not a regular file (it is a FIFO (named pipe))") == true, "\(seen)")
    }

    // MARK: 9. Backup order and duplicates

    func testBackupsInTheSameMillisecondAreOrderedBySequence() throws {
        let backups = Backups(dataDirectory: dir, keep: 10)
        let now = Date(timeIntervalSince1970: 1_800_000_000.123)
        XCTAssertNotNil(try backups.keep(Array("first".utf8), of: "sample", now: now))
        XCTAssertNotNil(try backups.keep(Array("second".utf8), of: "sample", now: now))
        XCTAssertNotNil(try backups.keep(Array("third".utf8), of: "sample", now: now))
        let versions = backups.versions(of: "sample")
        XCTAssertEqual(versions.map { Attacker.contents($0.path) }, ["third", "second", "first"])

        let one = Backups(dataDirectory: dir, keep: 1)
        XCTAssertNotNil(try one.keep(Array("fourth".utf8), of: "sample", now: now))
        XCTAssertEqual(one.versions(of: "sample").map { Attacker.contents($0.path) }, ["fourth"], "the newest is the one kept")
    }

    func testABackupIdenticalToTheNewestIsNotKeptAgain() throws {
        let store = PlanStore(directory: dir)
        var plan = Fixtures.samplePlan()
        for _ in 0..<5 { _ = try store.write(plan) }       // import --replace of the same file, 5 times
        XCTAssertEqual(store.backups.versions(of: "sample").count, 0, "saves that change nothing take no backup slot")
        plan.title = "Changed"
        _ = try store.write(plan)
        _ = try store.write(plan)
        XCTAssertEqual(store.backups.versions(of: "sample").count, 1)
        let newest = try XCTUnwrap(store.backups.versions(of: "sample").first).path
        XCTAssertEqual(try Backups(dataDirectory: dir, keep: 10).keep(Fixtures.bytes(newest), of: "sample"), nil,
                       "the bytes of the newest backup are not kept twice")
    }

    func testLegacyBackupNamesAreOlderThanNumberedOnes() {
        let names = ["20261124T140211.123Z.json", "0000000002-20201124T140211.123Z.json", "0000000001-20301124T140211.123Z.json"]
        XCTAssertEqual(BackupName.newestFirst(names).map(\.fileName),
                       ["0000000002-20201124T140211.123Z.json", "0000000001-20301124T140211.123Z.json", "20261124T140211.123Z.json"])
    }

    // MARK: 10. Temporary files left by a kill

    func testStaleTemporaryFilesInABackupFolderAreRemoved() throws {
        let store = PlanStore(directory: dir)
        _ = try store.commit([.status("t2", .met)], to: "sample", who: "jo")
        let stale = "\(dir)/.backups/sample/.0000000002-20261124T140211.123Z.json.tmp.999999.7"
        FileManager.default.createFile(atPath: stale, contents: Data("{partial".utf8))
        _ = try store.commit([.status("t3", .met)], to: "sample", who: "jo")
        XCTAssertFalse(FileManager.default.fileExists(atPath: stale))
    }

    // MARK: 13 and issue 11: messages that say what is true

    func testADanglingPlanLinkSaysSo() throws {
        symlink("\(dir)/gone.json", "\(dir)/dangling.json")
        XCTAssertThrowsError(try PlanStore(directory: dir).load("dangling")) { error in
            XCTAssertEqual("\(error)", "\(dir)/dangling.json: is a symbolic link to \"\(dir)/gone.json\", which does not exist")
        }
    }

    func testADirectoryNamedLikeAPlanSaysWhyItCannotBeSaved() throws {
        try FileManager.default.createDirectory(atPath: "\(dir)/adir.json", withIntermediateDirectories: false)
        XCTAssertThrowsError(try PlanStore(directory: dir).commit([.status("t1", .met)], to: "adir", who: "jo")) { error in
            XCTAssertEqual("\(error)", "\(dir)/adir.json: cannot read the plan to save it: not a regular file (it is a directory); nothing was read from it")
        }
    }

    func testAFailedDirectoryFsyncDoesNotClaimTheOldVersionIsUnchanged() {
        let store = PlanStore(directory: dir, writer: AtomicWriter(fault: FaultPlan(step: .fsyncDirectory, code: EIO)))
        XCTAssertThrowsError(try store.commit([.status("t2", .met)], to: "sample", who: "jo")) { error in
            XCTAssertFalse("\(error)".contains("previous version is unchanged"), "\(error)")
            XCTAssertTrue("\(error)".contains("the new version is in place, but may not survive a power cut"), "\(error)")
        }
    }

    // MARK: Issue 11: a lock held elsewhere ends in a message, not a hang

    func testALockHeldElsewhereTimesOutNamingTheHolder() throws {
        let lock = open("\(dir)/.sample.lock", O_RDWR | O_CREAT, 0o644)
        XCTAssertEqual(flock(lock, LOCK_EX), 0)
        let note = Array("4242 jo\u{1b}]0;x\n".utf8)
        _ = note.withUnsafeBytes { pwrite(lock, $0.baseAddress!, $0.count, 0) }
        var store = PlanStore(directory: dir)
        store.lockTimeout = 0.2
        let saving = store
        let box = Box("")
        let finished = finishes(within: 10) {
            do { _ = try saving.commit([.status("t2", .met)], to: "sample", who: "me") } catch { box.set("\(error)") }
        }
        flock(lock, LOCK_UN)
        close(lock)
        XCTAssertTrue(finished, "the save waited for the lock forever")
        let message = box.get()
        XCTAssertTrue(message.hasPrefix("sample is being saved by PID 4242 (jo__0_x) — try again; nothing was saved"), message)
        XCTAssertEqual(try store.load("sample").plan.target(id: "t2")?.status, .partiallyMet)
    }

    func testTheLockFileRecordsItsHolderOnlyWhileHeld() throws {
        let store = PlanStore(directory: dir)
        var during = ""
        _ = try store.update("sample") { _ in during = Attacker.contents("\(dir)/.sample.lock") ?? "" }
        XCTAssertTrue(during.hasPrefix("\(getpid()) "), during)
        XCTAssertEqual(Attacker.contents("\(dir)/.sample.lock"), "")
    }
}
