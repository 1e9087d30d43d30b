import XCTest
@testable import ActionPlanCore

final class SessionFilesTests: XCTestCase {
    func testRecoveryRoundTripAndDiscard() throws {
        let dir = Fixtures.temporaryDirectory()
        XCTAssertNil(EditRecovery.load(in: dir, planID: "p"))
        let r = EditRecovery(planID: "p", targetID: "t3", field: .comment, text: "half a thought…\nline 2 ✓", who: "jo", when: "2026-11-24T10:00:00Z")
        try r.save(in: dir)
        XCTAssertEqual(EditRecovery.load(in: dir, planID: "p"), r)
        XCTAssertEqual(try PlanStore(directory: dir).planIDs(), [], "a recovery file is not a plan")
        EditRecovery.discard(in: dir, planID: "p")
        XCTAssertNil(EditRecovery.load(in: dir, planID: "p"))
    }

    func testPresenceSeesOthersAndDropsDeadProcesses() throws {
        let dir = Fixtures.temporaryDirectory()
        let me = Presence(dataDirectory: dir, user: "me", host: "box", pid: getpid())
        let colleague = Presence(dataDirectory: dir, user: "jo", host: "box", pid: getppid())
        let ghost = Presence(dataDirectory: dir, user: "gone", host: "box", pid: 999_999)
        let remote = Presence(dataDirectory: dir, user: "sam", host: "other-host", pid: 12)
        for p in [me, colleague, ghost, remote] { p.enter("plan") }
        XCTAssertEqual(me.others("plan").map(\.description), ["jo@box", "sam@other-host"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: "\(dir)/.presence/plan/gone@box.999999"), "stale marker removed")
        colleague.leave("plan")
        XCTAssertEqual(me.others("plan").map(\.description), ["sam@other-host"])
        XCTAssertEqual(Presence.safe("../evil/x"), "___evil_x")
    }
}
