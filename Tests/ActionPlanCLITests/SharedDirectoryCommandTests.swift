import ActionPlanTestSupport
import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Issue 16 with the real binary: what another user (`nobody`) plants in a shared directory or beside
/// a report makes no command write elsewhere or hang, and bad flags fail.
final class SharedDirectoryCommandTests: XCTestCase {
    private var dir = ""
    private let plan = "luton-disability-equality-2008"

    override func setUpWithError() throws {
        dir = try CLI.scratchData(copying: ["\(plan).json", "kent-cfe-equalities-2008-10.json"])
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: dir)
    }

    // MARK: 2. report -o / export -o

    func testReportOntoSomeoneElsesLinkIsRefusedUnlessForcedAndNeverFollowed() throws {
        try Attacker.requireRoot()
        let shared = dir + "/shared"
        try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: false)
        chmod(dir, 0o755)
        chmod(shared, 0o777)
        let victim = Attacker.victim()
        try Attacker.run("ln -s '\(victim)' '\(shared)/report.html'")
        let refused = try CLI.run(["report", plan, "--format", "html", "-o", "\(shared)/report.html", "--data", dir])
        XCTAssertEqual(refused.status, 3, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("is a symbolic link (owned by nobody); give --force to replace it"), refused.stderr)
        XCTAssertEqual(Attacker.contents(victim), "precious contents\n")

        let forced = try CLI.run(["report", plan, "--format", "html", "-o", "\(shared)/report.html", "--force", "--data", dir])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertEqual(Attacker.contents(victim), "precious contents\n", "the link's target is never written")
        var info = stat()
        lstat("\(shared)/report.html", &info)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFREG, "--force replaced the link itself")
    }

    func testExportOverAFileOfSomeoneElsesIsRefusedUnlessForced() throws {
        try Attacker.requireRoot()
        let shared = dir + "/shared"
        try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: false)
        chmod(dir, 0o755)
        chmod(shared, 0o777)
        try Attacker.run("echo theirs > '\(shared)/plan.csv' && chmod 666 '\(shared)/plan.csv'")
        let refused = try CLI.run(["export", plan, "-o", "\(shared)/plan.csv", "--data", dir])
        XCTAssertEqual(refused.status, 3, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("is a file owned by nobody; give --force"), refused.stderr)
        XCTAssertEqual(Attacker.contents("\(shared)/plan.csv"), "theirs\n")
        XCTAssertEqual(try CLI.run(["export", plan, "-o", "\(shared)/plan.csv", "--force", "--data", dir]).status, 0)
        XCTAssertNotEqual(Attacker.contents("\(shared)/plan.csv"), "theirs\n")
    }

    func testImportReplaceOverAPlanLinkOfSomeoneElsesIsRefused() throws {
        try Attacker.requireRoot()
        chmod(dir, 0o777)
        let victim = Attacker.victim("root's file\n")
        try Attacker.run("ln -s '\(victim)' '\(dir)/evil.json'")
        let csv = dir + "/in.csv"
        XCTAssertEqual(try CLI.run(["export", plan, "-o", csv, "--data", dir]).status, 0)
        let r = try CLI.run(["import", csv, "--id", "evil", "--replace", "--data", dir])
        XCTAssertNotEqual(r.status, 0, r.stdout)
        XCTAssertTrue(r.stderr.contains("owned by nobody"), r.stderr)
        XCTAssertEqual(Attacker.contents(victim), "root's file\n")
    }

    // MARK: 6. FIFOs never hang a command

    func testAFIFONamedLikeAPlanHangsNoCommand() throws {
        mkfifo("\(dir)/x.json", 0o644)
        let plans = try runWithDeadline(["plans", "--data", dir])
        XCTAssertNotNil(plans.status, "plans hung on a FIFO")
        XCTAssertTrue(plans.stdout.contains(plan), plans.stdout)
        XCTAssertTrue(plans.stderr.contains("x.json: not a regular file (it is a FIFO (named pipe))"), plans.stderr)
        let show = try runWithDeadline(["show", "x/t1", "--data", dir])
        XCTAssertEqual(show.status, 1, show.stderr)
    }

    func testAFIFOAmongBackupsOrGivenToImportHangsNothing() throws {
        XCTAssertEqual(try CLI.run(["set", "\(plan)/t5", "met", "--data", dir]).status, 0)
        mkfifo("\(dir)/.backups/\(plan)/0000000009-20261124T140211.123Z.json", 0o644)
        let list = try runWithDeadline(["restore", plan, "--list", "--data", dir])
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertTrue(list.stdout.contains("unreadable: not a regular file (it is a FIFO"), list.stdout)
        XCTAssertEqual(try runWithDeadline(["set", "\(plan)/t5", "not-met", "--data", dir]).status, 0)

        mkfifo("\(dir)/in.csv", 0o644)
        let imported = try runWithDeadline(["import", "\(dir)/in.csv", "--data", dir])
        XCTAssertEqual(imported.status, 1, imported.stderr)
        XCTAssertTrue(imported.stderr.contains("not a regular file (it is a FIFO"), imported.stderr)
    }

    // MARK: 10. Temporary files beside a report

    func testStaleTemporaryFilesBesideAReportAreRemoved() throws {
        let out = dir + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: false)
        let stale = "\(out)/.r.html.tmp.999999.17486"
        let unrelated = "\(out)/.other.html.tmp.999999.1"
        FileManager.default.createFile(atPath: stale, contents: Data("<partial".utf8))
        FileManager.default.createFile(atPath: unrelated, contents: Data("<partial".utf8))
        XCTAssertEqual(try CLI.run(["report", plan, "--format", "html", "-o", "\(out)/r.html", "--data", dir]).status, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: stale))
        XCTAssertTrue(FileManager.default.fileExists(atPath: unrelated), "only this report's leftovers are touched")
    }

    // MARK: 13. Messages and flags

    func testDanglingLinkAndDirectoryPlansSayWhatIsTrue() throws {
        symlink("/nonexistent/plan.json", "\(dir)/dangling.json")
        let dangling = try CLI.run(["show", "dangling/t1", "--data", dir])
        XCTAssertEqual(dangling.status, 1)
        XCTAssertTrue(dangling.stderr.contains("dangling.json: is a symbolic link to \"/nonexistent/plan.json\", which does not exist"), dangling.stderr)
        try FileManager.default.createDirectory(atPath: "\(dir)/adir.json", withIntermediateDirectories: false)
        let adir = try CLI.run(["set", "adir/t1", "met", "--data", dir])
        XCTAssertTrue(adir.stderr.contains("cannot read the plan to save it: not a regular file (it is a directory)"), adir.stderr)
    }

    func testBadFlagsBesideVersionFail() throws {
        let r = try CLI.run(["restore", "-rf", "--version", "1", "--data", dir])
        XCTAssertEqual(r.status, 64, r.stdout)
        XCTAssertFalse(r.stdout.contains("(commit "), r.stdout)
        let version = try CLI.run(["--version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertTrue(version.stdout.hasSuffix(")\n") && version.stdout.contains(" (commit "), version.stdout)
    }
}
