import ActionPlanTestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#endif
@testable import ActionPlanCore

/// Sync in process, against a repository in a sandbox (a fresh mkdtemp directory in /tmp; git
/// confined to it: GIT_CEILING_DIRECTORIES its parent, no system config, HOME inside).
final class SyncLockTests: XCTestCase {
    var sandbox: GitSandbox!
    var root: String { sandbox.root }
    var env: [String: String] { sandbox.environment }

    override func setUpWithError() throws {
        guard let made = GitSandbox(prefix: "actionplan-synclock") else { throw XCTSkip("git is not installed, or no temporary directory") }
        sandbox = made
    }

    override func tearDownWithError() throws {
        sandbox?.remove()
    }

    private func makeSync() throws -> Sync {
        let dir = root + "/data"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let store = PlanStore(directory: dir)
        _ = try store.write(Fixtures.samplePlan())
        return Sync(store: store, who: "jo", host: "test", driverCommand: "false %O %A %B %P", environment: env)
    }

    func testASecondSyncOfTheSameDirectoryIsRefusedWhileTheFirstRuns() throws {
        let sync = try makeSync()
        _ = try sync.initialise(remoteURL: nil)
        try FileLock.withLock(path: sync.store.directory + "/.sync.lock", planID: "sync", timeout: 1, wrap: { $0 }) { () throws(SaveError) in
            XCTAssertThrowsError(try sync.run()) { error in
                XCTAssertEqual(error as? SyncError, .busy(sync.store.directory))
                XCTAssertEqual("\(error)", "another sync of \(sync.store.directory) is running: wait for it to finish, then sync again")
            }
        }
        let report = try sync.run()
        XCTAssertNotNil(report.committed, "once the other is done, sync goes on")
    }

    func testTheDataDirectoryMustBeARepositoryAndNeverOneFoundAbove() throws {
        // The sandbox itself is a repository; the data directory inside it is not one of its own.
        XCTAssertEqual(try Subprocess.run(Subprocess.which("git")!, ["init", "-q", root], environment: env).status, 0)
        let sync = try makeSync()
        XCTAssertThrowsError(try sync.run()) { error in
            XCTAssertEqual(error as? SyncError, .notARepository(sync.store.directory))
        }
        XCTAssertThrowsError(try sync.pending())
        _ = try sync.initialise(remoteURL: nil)
        XCTAssertTrue(FileManager.default.fileExists(atPath: sync.store.directory + "/.git"), "a repository of its own, inside the other")
        XCTAssertEqual(try sync.repo.config("merge.actionplan.driver"), "false %O %A %B %P", "written in the data repository's config")
        let outer = try String(contentsOfFile: root + "/.git/config", encoding: .utf8)
        XCTAssertFalse(outer.contains("actionplan"), "the repository above is untouched")
    }
}
