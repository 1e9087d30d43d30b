@testable import ActionPlanCore
import Foundation
import XCTest

/// The plan as it stood before a review was opened is a pinned backup: a meeting's many saves cannot
/// rotate it out of the backup limit.
final class PinnedBackupTests: XCTestCase {
    var dir = ""

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "pinned-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: dir)
    }

    func testTheVersionBeforeAReviewIsPinnedAndOutlivesTheLimit() throws {
        let store = PlanStore(directory: dir, keepBackups: 3)
        var plan = Plan(id: "pin", title: "Pinned")
        plan.keyIssues = [KeyIssue(number: 1, title: "K", objectives: [Objective(text: "O", targets: (1...12).map { Target(id: "t\($0)", text: "T\($0)") })])]
        plan.nextTargetId = 13
        _ = try store.write(plan)
        let before = try Data(contentsOf: URL(fileURLWithPath: "\(dir)/pin.json"))
        try store.update("pin", pinningReviewStart: true) { try $0.startReview(asAt: Day(iso: "2008-01-21")!, openedAt: "2008-01-21T10:00:00Z") }
        // The meeting: twelve saves, far past the limit of three.
        for n in 1...12 {
            try store.update("pin") { p in
                let i = p.indexPath(ofTarget: "t\(n)")!
                p.keyIssues[i.issue].objectives[i.objective].targets[i.target].status = .met
            }
        }
        let versions = store.backups.versions(of: "pin")
        XCTAssertEqual(versions.count, 4, "three rotating versions and the pinned one")
        let pinned = versions.filter { $0.pinnedBeforeReview != nil }
        XCTAssertEqual(pinned.map(\.pinnedBeforeReview), [1])
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: pinned[0].path)), before, "the plan as it was before review 1 opened")
        XCTAssertEqual(versions.map(\.number), [1, 2, 3, 4], "numbered in sequence order, pinned among them")
        XCTAssertTrue(pinned[0].path.hasSuffix("-review1.json"), pinned[0].path)
        // A second review pins its own; the first stays.
        try store.update("pin") { _ = try $0.closeReview(closedAt: "2008-01-21T12:00:00Z") }
        try store.update("pin", pinningReviewStart: true) { try $0.startReview(asAt: Day(iso: "2008-04-21")!, openedAt: "2008-04-21T10:00:00Z") }
        for _ in 1...5 { try store.update("pin") { $0.title += "." } }
        XCTAssertEqual(Set(store.backups.versions(of: "pin").compactMap(\.pinnedBeforeReview)), [1, 2])
        // Names of older versions still parse; a pinned name round-trips.
        XCTAssertEqual(BackupName(fileName: "0000000013-20261124T140211.123Z-review2.json")?.pinnedBeforeReview, 2)
        XCTAssertEqual(BackupName(fileName: "0000000013-20261124T140211.123Z-review2.json")?.stamp, "20261124T140211.123Z")
        XCTAssertNil(BackupName(fileName: "20261124T140211.123Z-2.json")?.pinnedBeforeReview)
    }

    func testPinnedEvenWithBackupsOff() throws {
        let store = PlanStore(directory: dir, keepBackups: 0)
        _ = try store.write(Plan(id: "off", title: "Off"))
        try store.update("off", pinningReviewStart: true) { try $0.startReview(asAt: Day(iso: "2008-01-21")!, openedAt: "a") }
        try store.update("off") { $0.title = "Changed" }
        XCTAssertEqual(store.backups.versions(of: "off").map(\.pinnedBeforeReview), [1])
    }
}
