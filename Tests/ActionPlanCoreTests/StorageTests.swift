import XCTest
#if canImport(Glibc)
import Glibc
#endif
@testable import ActionPlanCore

final class StorageTests: XCTestCase {
    private var dir = ""
    private var path = ""

    override func setUp() {
        dir = Fixtures.temporaryDirectory()
        path = Fixtures.write(Fixtures.samplePlan(), in: dir)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: dir)
    }

    private func entries() -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: dir))?.sorted() ?? []
    }

    func testSetRecordsHistoryAndSaves() throws {
        let store = PlanStore(directory: dir)
        let result = try store.commit([.status("t4", .met), TargetChange(targetID: "t4", field: .comment, new: "done")],
                                      to: "sample", who: "jo", when: "2026-11-24T12:00:00Z")
        XCTAssertEqual(result.applied.count, 2)
        let reloaded = try store.load("sample").plan
        let t4 = try XCTUnwrap(reloaded.target(id: "t4"))
        XCTAssertEqual(t4.status, .met)
        XCTAssertEqual(t4.comment, "done")
        var expected = [
            HistoryEntry(when: "2026-11-24T12:00:00Z", who: "jo", field: .status, old: "notAssessed", new: "met"),
            HistoryEntry(when: "2026-11-24T12:00:00Z", who: "jo", field: .comment, old: "", new: "done"),
        ]
        for i in expected.indices { expected[i].change = 1 } // one save: one change number, so undo takes both back
        XCTAssertEqual(t4.history, expected)
        XCTAssertEqual(reloaded.lastChange, 1)
        XCTAssertEqual(result.loaded.fingerprint, Fingerprint(Fixtures.bytes(path)))
    }

    func testUnchangedValueWritesNothing() throws {
        let before = Fixtures.bytes(path)
        let result = try PlanStore(directory: dir).commit([.status("t1", .met)], to: "sample", who: "jo")
        XCTAssertEqual(result.applied, [])
        XCTAssertEqual(Fixtures.bytes(path), before)
    }

    func testUnknownTargetAndPlan() {
        let store = PlanStore(directory: dir)
        XCTAssertThrowsError(try store.commit([.status("t99", .met)], to: "sample", who: "jo")) { error in
            XCTAssertEqual("\(error)", "no target \"t99\" in plan sample (see `actionplan list --plan sample`)")
        }
        XCTAssertThrowsError(try store.load("nope")) { error in
            XCTAssertEqual("\(error)", "no plan with id \"nope\" (plans: sample)")
        }
    }

    // MARK: - A failed save leaves the old file byte-identical and no temporary file behind.

    func testInjectedFailureAtEveryStepLeavesOldFileIntact() throws {
        for step in [SaveError.Step.open, .write, .fsync, .rename] {
            let before = Fixtures.bytes(path)
            let store = PlanStore(directory: dir, writer: AtomicWriter(fault: FaultPlan(step: step, code: step == .write ? ENOSPC : EIO)))
            XCTAssertThrowsError(try store.commit([.status("t2", .met)], to: "sample", who: "jo"), "\(step)") { error in
                guard case StoreError.save(let save) = error else { return XCTFail("\(step): \(error)") }
                XCTAssertEqual(save.step, step)
                XCTAssertTrue(save.description.contains("the previous version is unchanged"), save.description)
            }
            XCTAssertEqual(Fixtures.bytes(path), before, "\(step): old file changed")
            XCTAssertEqual(entries(), [".sample.lock", "sample.json"], "\(step): temporary file left behind")
        }
        let full = PlanStore(directory: dir, writer: AtomicWriter(fault: FaultPlan(step: .write, code: ENOSPC)))
        XCTAssertThrowsError(try full.commit([.status("t2", .met)], to: "sample", who: "jo")) { error in
            XCTAssertTrue("\(error)".contains("the disk is full"), "\(error)")
        }
    }

    func testDirectoryFsyncFailureIsReportedAfterTheRename() throws {
        // The new file is in place but its durability is not guaranteed: the save must say it failed.
        let store = PlanStore(directory: dir, writer: AtomicWriter(fault: FaultPlan(step: .fsyncDirectory, code: EIO)))
        XCTAssertThrowsError(try store.commit([.status("t2", .met)], to: "sample", who: "jo"))
        // The rename happened, so the version it replaced is kept as a backup; no temporary file remains.
        XCTAssertEqual(entries(), [".backups", ".sample.lock", "sample.json"])
        XCTAssertNotNil(PlanFile.inspect(path: path).loaded, "whatever is on disk is a complete plan")
    }

    func testSaveIntoMissingDirectoryFailsCleanly() {
        let store = PlanStore(directory: dir + "/missing")
        XCTAssertThrowsError(try store.write(Fixtures.samplePlan())) { error in
            XCTAssertTrue("\(error)".contains("No such file or directory"), "\(error)")
        }
    }

    func testModeIsKeptAndSymlinkStaysASymlink() throws {
        chmod(path, 0o600)
        _ = try PlanStore(directory: dir).commit([.status("t2", .met)], to: "sample", who: "jo")
        var info = stat()
        stat(path, &info)
        XCTAssertEqual(info.st_mode & 0o777, 0o600)

        // A plan that is a link into another folder: the link stays, its target is updated.
        let elsewhere = Fixtures.temporaryDirectory()
        let real = "\(elsewhere)/sample.json"
        try FileManager.default.moveItem(atPath: path, toPath: real)
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: real)
        _ = try PlanStore(directory: dir).commit([.status("t3", .met)], to: "sample", who: "jo")
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: path), real)
        XCTAssertEqual(try PlanStore(directory: elsewhere).load("sample").plan.target(id: "t3")?.status, .met)
    }

    func testStaleTemporaryFilesOfDeadProcessesAreRemoved() throws {
        let stale = "\(dir)/.sample.json.tmp.999999.12345"
        let live = "\(dir)/.sample.json.tmp.\(getpid()).1"
        FileManager.default.createFile(atPath: stale, contents: Data("{partial".utf8))
        FileManager.default.createFile(atPath: live, contents: Data("{partial".utf8))
        let store = PlanStore(directory: dir)
        XCTAssertEqual(try store.planIDs(), ["sample"], "temporary files are never plans")
        XCTAssertEqual(store.removeStaleTemporaryFiles(), [".sample.json.tmp.999999.12345"])
        XCTAssertTrue(FileManager.default.fileExists(atPath: live), "a live process's temp file is left alone")
    }

    // MARK: - Two editors, one plan

    func testChangesToDifferentTargetsBothSurvive() throws {
        let store = PlanStore(directory: dir)
        let mine = try store.load("sample")                 // I opened the plan…
        _ = try store.commit([.status("t3", .met)], to: "sample", who: "jo")   // …someone else saved t3…
        let result = try store.commit([.status("t4", .partiallyMet)], to: "sample", base: mine, who: "me") // …then I save t4.
        XCTAssertTrue(result.merged)
        XCTAssertEqual(result.conflicts, [])
        let plan = try store.load("sample").plan
        XCTAssertEqual(plan.target(id: "t3")?.status, .met)
        XCTAssertEqual(plan.target(id: "t4")?.status, .partiallyMet)
    }

    func testSameFieldLaterSaveWinsAndEarlierStaysInHistory() throws {
        let store = PlanStore(directory: dir)
        let mine = try store.load("sample")
        _ = try store.commit([.status("t3", .partiallyMet)], to: "sample", who: "jo")
        let result = try store.commit([.status("t3", .met, expectedOld: .notMet)], to: "sample", base: mine, who: "me")
        XCTAssertEqual(result.conflicts, [Conflict(targetID: "t3", field: .status, theirValue: "partiallyMet", theirWho: "jo", mine: "met")])
        let t3 = try XCTUnwrap(try store.load("sample").plan.target(id: "t3"))
        XCTAssertEqual(t3.status, .met)
        XCTAssertEqual(t3.history.map(\.new), ["partiallyMet", "met"])
        XCTAssertEqual(t3.history.map(\.who), ["jo", "me"])
    }
}
