import ActionPlanTestSupport
import ActionPlanCore
@testable import ActionPlanTUI
import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// `S` and the "not synced" mark, in-process against real git repositories in a sandbox: a fresh
/// mkdtemp directory in /tmp, git confined to it (GIT_CEILING_DIRECTORIES its parent, no system
/// config, HOME inside).
final class TUISyncTests: XCTestCase {
    var sandbox: GitSandbox!
    var root: String { sandbox.root }
    var env: [String: String] { sandbox.environment }

    override func setUpWithError() throws {
        guard let made = GitSandbox(prefix: "actionplan-tuisync") else { throw XCTSkip("git is not installed, or no temporary directory") }
        sandbox = made
    }

    override func tearDownWithError() throws {
        sandbox?.remove()
    }

    /// A data directory with the sample plan, set up for sync; the merge driver is not needed here
    /// (only one side changes a plan at a time), so its command is a stand-in that would fail loudly.
    private func clone(_ name: String, remote: String?) throws -> (PlanStore, Sync) {
        let dir = "\(root)/\(name)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let store = PlanStore(directory: dir)
        let sync = Sync(store: store, who: name, host: "test", driverCommand: "false merge-driver %O %A %B %P", environment: env)
        if remote == nil || name == "server" { _ = try store.write(Sample.plan()) }
        _ = try sync.initialise(remoteURL: remote)
        _ = try sync.run()
        return (store, sync)
    }

    private func run(_ state: AppState, _ event: Event, runner: EffectRunner) -> AppState {
        runner.drive(state, event, ignoringQuit: true).state
    }

    private func opened(_ store: PlanStore, syncAvailable: Bool) throws -> AppState {
        var options = Sample.options()
        options.syncAvailable = syncAvailable
        options.dataDirectory = store.directory
        var state = AppState(options: options, plans: [PlanSummary(plan: Sample.plan(), asOf: Sample.asOf)])
        state = update(state, .resize(Size(width: 120, height: 30))).0
        return update(state, .planOpened(id: "sample", .success(try store.load("sample")))).0
    }

    private func statusLine(_ state: AppState) -> String {
        let grid = render(state, size: state.size)
        return grid.lines[state.size.height - 1]
    }

    func testSWithoutSyncSetUpSaysHowToSetItUp() throws {
        let state = Sample.opened()
        let (after, fx) = send(state, .char("S"))
        XCTAssertTrue(fx.isEmpty)
        XCTAssertTrue(after.message?.text.contains("actionplan sync --init") ?? false, "\(String(describing: after.message))")
    }

    func testASaveMarksNotSyncedAndSCommitsAndClearsTheMark() throws {
        let (store, sync) = try clone("alone", remote: nil)
        let runner = EffectRunner(store: store, who: "jo", sync: sync)
        var state = try opened(store, syncAvailable: true)
        state = run(state, .sync(.pending(try sync.pending())), runner: runner)
        XCTAssertFalse(statusLine(state).contains("not synced"), statusLine(state))
        // Cursor to t2 (the first line is Key Issue 1, then objective, then t1) and mark it met.
        state = run(state, .key(.char("j")), runner: runner)
        state = run(state, .key(.char("j")), runner: runner)
        state = run(state, .key(.char("j")), runner: runner)
        state = run(state, .key(.char("m")), runner: runner)
        XCTAssertEqual(try store.load("sample").plan.target(id: "t2")?.status, .met, "saved")
        XCTAssertTrue(statusLine(state).contains("⇅ not synced (S)"), statusLine(state))
        state = run(state, .key(.char("S")), runner: runner)
        XCTAssertTrue(state.message?.text.hasPrefix("Synced ") ?? false, "\(String(describing: state.message))")
        XCTAssertTrue(state.message?.text.contains("committed · no remote") ?? false, "\(String(describing: state.message))")
        XCTAssertFalse(statusLine(state).contains("not synced"), statusLine(state))
        XCTAssertEqual(try sync.pending(), Sync.Pending(changedPlans: [], unpushedCommits: nil))
    }

    func testSBringsInAnotherMachinesChangeAndTheOpenPlanShowsIt() throws {
        let remote = root + "/remote.git"
        XCTAssertEqual(try Subprocess.run(Subprocess.which("git")!, ["init", "-q", "--bare", remote], environment: env).status, 0)
        let (server, serverSync) = try clone("server", remote: remote)
        let (laptop, laptopSync) = try clone("laptop", remote: remote)
        _ = try server.commit([.status("t2", .met)], to: "sample", who: "jo", when: "2026-12-01T09:00:00Z")
        _ = try serverSync.run()

        let runner = EffectRunner(store: laptop, who: "sam", sync: laptopSync)
        var state = try opened(laptop, syncAvailable: true)
        XCTAssertEqual(state.doc?.plan.target(id: "t2")?.status, .notAssessed)
        state = run(state, .key(.char("S")), runner: runner)
        XCTAssertEqual(state.doc?.plan.target(id: "t2")?.status, .met, "the open plan shows what came in")
        let text = state.message?.text ?? ""
        XCTAssertTrue(text.contains("in: sample: 1 change from jo: t2 met"), text)
        XCTAssertTrue(text.contains("nothing went out"), text)
        XCTAssertTrue(text.hasSuffix("this plan was reloaded with what came in"), text)

        // No network: the message says so and the mark stays.
        _ = try laptop.commit([.status("t3", .met)], to: "sample", who: "sam", when: "2026-12-01T10:00:00Z")
        try FileManager.default.moveItem(atPath: remote, toPath: remote + ".away")
        state = run(state, .sync(.pending(try laptopSync.pending())), runner: runner)
        state = run(state, .key(.char("S")), runner: runner)
        XCTAssertTrue(state.message?.isError ?? false)
        XCTAssertTrue(state.message?.text.hasPrefix("Sync stopped: cannot reach the remote origin") ?? false, "\(String(describing: state.message))")
        XCTAssertTrue(state.sync.hasUnsynced, "the commit is not pushed yet")
    }
}
