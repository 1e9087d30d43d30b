import ActionPlanCore
@testable import ActionPlanTUI
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Issue 11: a plan locked by another process (a long import, a stuck save) must not freeze the UI.
/// The save gives up after the lock timeout with "being saved by PID (user)", the change stays on
/// screen as unsaved, and `w` saves it once the lock is free.
final class TUILockTimeoutTests: XCTestCase {
    var dir = ""
    var store: PlanStore!

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "tui-lock-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        store = PlanStore(directory: dir)
        _ = try store.write(Sample.plan())
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: dir)
    }

    private func keys(_ state: AppState, _ keys: [Key], runner: EffectRunner) -> AppState {
        runner.drive(state, keys: keys)
    }

    func testASaveBlockedByALockIsKeptPendingAndRetriedWithW() throws {
        let lock = open("\(dir)/.sample.lock", O_RDWR | O_CREAT, 0o644)
        XCTAssertEqual(flock(lock, LOCK_EX), 0)
        let note = Array("4242 jo\n".utf8)
        _ = note.withUnsafeBytes { pwrite(lock, $0.baseAddress!, $0.count, 0) }
        var impatient = store!
        impatient.lockTimeout = 0.05

        var s = Sample.opened(Sample.loaded(try store.load("sample").plan).plan)
        s = update(s, .planOpened(id: "sample", .success(try store.load("sample")))).0
        s = moveTo(.target("t2"), in: s)
        s = keys(s, [.char("x")], runner: EffectRunner(store: impatient, who: "tester"))
        XCTAssertEqual(s.saveError?.hasPrefix("sample is being saved by PID 4242 (jo) — try again"), true, s.saveError ?? "no error")
        XCTAssertEqual(s.doc?.pending.count, 1)
        let screen = render(s, size: Size(width: 120, height: 40)).lines.joined(separator: "\n")
        XCTAssertTrue(screen.contains("✎ unsaved"), screen)
        XCTAssertTrue(screen.contains("being saved by PID 4242 (jo)"), screen)

        flock(lock, LOCK_UN)
        close(lock)
        s = keys(s, [.char("w")], runner: EffectRunner(store: impatient, who: "tester"))
        XCTAssertNil(s.saveError)
        XCTAssertEqual(s.doc?.pending.count, 0)
        XCTAssertEqual(try store.load("sample").plan.target(id: "t2")?.status, .notMet)
    }
}
