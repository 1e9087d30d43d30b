import ActionPlanTestSupport
import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Backups, restore, the audit history, and a save refused by the file system's permissions.
final class ReliabilityCommandTests: XCTestCase {
    private var dir = ""
    private let plan = "luton-disability-equality-2008"

    override func setUpWithError() throws {
        dir = try CLI.scratchData(copying: ["\(plan).json"])
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: dir)
    }

    func testEverySaveKeepsThePreviousVersionAndRestoreBringsItBack() throws {
        let original = CLI.read("\(dir)/\(plan).json")
        for status in ["met", "not-met", "partially-met"] {
            XCTAssertEqual(try CLI.run(["set", "\(plan)/t5", status, "--data", dir]).status, 0)
        }
        let list = try CLI.run(["restore", plan, "--list", "--data", dir])
        XCTAssertEqual(list.status, 0, list.stderr)
        let rows = list.stdout.split(separator: "\n").dropFirst()
        XCTAssertEqual(rows.count, 3, list.stdout)
        // Version 3 is the oldest: the file as it was before the first set.
        let restore = try CLI.run(["restore", plan, "--version", "3", "--data", dir])
        XCTAssertEqual(restore.status, 0, restore.stderr)
        XCTAssertEqual(CLI.read("\(dir)/\(plan).json"), original)
        // The restore itself kept what it replaced: it can be undone.
        XCTAssertTrue(try CLI.run(["show", "\(plan)/t5", "--data", dir]).stdout.contains("Status         ✗ Not met"))
        XCTAssertEqual(try CLI.run(["restore", plan, "--version", "1", "--data", dir]).status, 0)
        XCTAssertTrue(try CLI.run(["show", "\(plan)/t5", "--data", dir]).stdout.contains("Status         ◐ Partly met"))
        let missing = try CLI.run(["restore", plan, "--version", "99", "--data", dir])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("no version 99"), missing.stderr)
    }

    func testBackupsAreCappedAndCanBeTurnedOff() throws {
        for i in 0..<5 {
            _ = try CLI.run(["set", "\(plan)/t5", i % 2 == 0 ? "met" : "not-met", "--data", dir], environment: ["ACTIONPLAN_BACKUPS": "2"])
        }
        let kept = try FileManager.default.contentsOfDirectory(atPath: "\(dir)/.backups/\(plan)")
        XCTAssertEqual(kept.count, 2)
        try FileManager.default.removeItem(atPath: "\(dir)/.backups")
        _ = try CLI.run(["set", "\(plan)/t5", "partially-met", "--data", dir], environment: ["ACTIONPLAN_BACKUPS": "0"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: "\(dir)/.backups"))
    }

    func testHistoryNewestFirstWithFilters() throws {
        _ = try CLI.run(["set", "\(plan)/t5", "met", "--by", "jo", "--data", dir])
        _ = try CLI.run(["set", "\(plan)/t6", "met", "--comment", "done", "--by", "sam", "--data", dir])
        let all = try CLI.run(["history", plan, "--data", dir, "--format", "csv"])
        XCTAssertEqual(all.status, 0, all.stderr)
        // t5 was not met in the report and t6 already met: two changes, t6's comment being the newest.
        let rows = all.stdout.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        XCTAssertEqual(rows.map { [$0[0], $0[2], $0[3], $0[4], $0[5]] }, [
            ["\(plan)/t6", "sam", "comment", "Completed", "done"],
            ["\(plan)/t5", "jo", "status", "notMet", "met"],
        ])
        let jo = try CLI.run(["history", "\(plan)/t5", "--by", "JO", "--data", dir])
        XCTAssertTrue(jo.stdout.contains("✗ Not met → ✓ Met"), jo.stdout)
        let future = try CLI.run(["history", plan, "--since", "2999-01-01", "--data", dir])
        XCTAssertEqual(future.stdout, "no changes recorded\n")
        XCTAssertEqual(try CLI.run(["history", "\(plan)/t999", "--data", dir]).status, 2)
    }

    /// A real EACCES, not an injected one: as root, the save runs as `nobody`; otherwise the directory
    /// is made read-only for us.
    func testPermissionDeniedSaveExitsThreeAndLeavesFileIntact() throws {
        let file = "\(dir)/\(plan).json"
        let before = CLI.read(file)
        var command = [CLI.binary, "set", "\(plan)/t5", "met", "--data", dir]
        if getuid() == 0 {
            guard FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser") else { throw XCTSkip("runuser not available") }
            // nobody may read the plan and the binary, but not write the directory.
            chmod(dir, 0o755)
            chmod(file, 0o644)
            var path = URL(fileURLWithPath: CLI.binary)
            while path.path != "/" { chmod(path.path, 0o755 | (try FileManager.default.attributesOfItem(atPath: path.path)[.posixPermissions] as? UInt16 ?? 0).asMode); path.deleteLastPathComponent() }
            command = ["/usr/sbin/runuser", "-u", "nobody", "--"] + command
        } else {
            chmod(dir, 0o555)
        }
        defer { chmod(dir, 0o755) }
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        env["ACTIONPLAN_BACKUPS"] = "0"
        let ran = try Subprocess.run(command[0], Array(command.dropFirst()), environment: env)
        let message = ran.err
        XCTAssertEqual(ran.status, 3, message)
        XCTAssertTrue(message.contains("Permission denied"), message)
        XCTAssertTrue(message.contains("the previous version is unchanged"), message)
        XCTAssertEqual(CLI.read(file), before)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.contains(".tmp.") }, [])
    }
}

private extension UInt16 {
    var asMode: mode_t { mode_t(self) }
}
