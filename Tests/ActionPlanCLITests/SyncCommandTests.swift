import ActionPlanCore
import ActionPlanTestSupport
import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// A scratch world for git: a fresh `mkdtemp` directory in /tmp, with git confined to it
/// (GIT_CEILING_DIRECTORIES its parent, no system config, HOME inside it), so no test can ever reach
/// this project's own repository or anyone's config. (Not ActionPlanTestSupport's GitSandbox: this one
/// also runs git by hand, as a person would: a bare remote, git pull, hooks.)
struct SyncWorld {
    let root: String
    let env: [String: String]

    init() throws {
        var template = Array("/tmp/actionplan-sync-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw XCTSkip("mkdtemp failed") }
        root = String(cString: made)
        let home = root + "/home"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        env = ["GIT_CEILING_DIRECTORIES": (root as NSString).deletingLastPathComponent, "GIT_CONFIG_NOSYSTEM": "1",
               "HOME": home, "XDG_CONFIG_HOME": home + "/.config", "GIT_AUTHOR_DATE": "", "ACTIONPLAN_LOCK_TIMEOUT": "2"]
        guard Subprocess.which("git") != nil else { throw XCTSkip("git is not installed (scripts/ensure-deps.sh --test installs it)") }
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }

    /// Runs git in the sandbox (for what a person would do by hand: a bare remote, git pull, hooks).
    @discardableResult
    func git(_ args: [String], in dir: String? = nil, check: Bool = true, file: StaticString = #filePath, line: UInt = #line) throws -> (status: Int32, out: String) {
        var e = ProcessInfo.processInfo.environment
        for k in ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"] { e.removeValue(forKey: k) }
        for (k, v) in env where !v.isEmpty { e[k] = v }
        e["GIT_AUTHOR_NAME"] = "tester"; e["GIT_AUTHOR_EMAIL"] = "tester@sandbox"
        e["GIT_COMMITTER_NAME"] = "tester"; e["GIT_COMMITTER_EMAIL"] = "tester@sandbox"
        let ran = try Subprocess.run(Subprocess.which("git")!, (dir.map { ["-C", $0] } ?? []) + args,
                                     environment: e, directory: root, stderr: .intoStdout)
        let out = ran.out
        if check && ran.status != 0 { XCTFail("git \(args.joined(separator: " ")): \(out)", file: file, line: line) }
        return (ran.status, out)
    }

    @discardableResult
    func actionplan(_ args: [String], extra: [String: String] = [:]) throws -> CLI.Result {
        var e = env.filter { !$0.value.isEmpty }
        for (k, v) in extra { e[k] = v }
        return try CLI.run(args, environment: e)
    }

    /// A data directory with copies of sample plans.
    func dataDirectory(_ name: String, plans: [String]) throws -> String {
        let dir = "\(root)/\(name)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for p in plans { try FileManager.default.copyItem(atPath: CLI.repoRoot.appendingPathComponent("data/\(p).json").path, toPath: "\(dir)/\(p).json") }
        return dir
    }
}

final class SyncCommandTests: XCTestCase {
    let plan = "luton-chief-executive-2006-07"
    let other = "cumbria-childrens-services-2012-13"

    private func change(_ dir: String, _ target: String, _ field: TargetField, _ value: String, who: String, when: String) throws {
        _ = try PlanStore(directory: dir).commit([TargetChange(targetID: target, field: field, new: value)], to: plan, who: who, when: when)
    }

    private func load(_ dir: String, _ id: String? = nil) throws -> Plan {
        try PlanFile.loadWithFingerprint(path: "\(dir)/\(id ?? plan).json").plan
    }

    /// Edits the plan's structure the way the plan-editing commands will: through the store's lock.
    private func edit(_ dir: String, _ body: @escaping (inout Plan) -> Void) throws {
        try PlanStore(directory: dir).update(plan) { body(&$0) }
    }

    private func sync(_ box: SyncWorld, _ dir: String, _ args: [String] = [], expect status: Int32 = 0,
                      file: StaticString = #filePath, line: UInt = #line) throws -> CLI.Result {
        let r = try box.actionplan(["sync", "--data", dir] + args)
        XCTAssertEqual(r.status, status, "sync \(args) in \(dir): \(r.stdout)\n\(r.stderr)", file: file, line: line)
        return r
    }

    /// A remote and three clones: a server, a laptop, a partner's machine.
    private func world(_ box: SyncWorld) throws -> (remote: String, a: String, b: String, c: String) {
        let remote = box.root + "/remote.git"
        try box.git(["init", "-q", "--bare", remote])
        let a = try box.dataDirectory("server", plans: [plan, other])
        let initA = try sync(box, a, ["--init", remote])
        XCTAssertTrue(initA.stdout.contains("merge driver:"), initA.stdout)
        let b = box.root + "/laptop", c = box.root + "/partner"
        _ = try sync(box, b, ["--init", remote])
        _ = try sync(box, c, ["--init", remote])
        // Nothing was exchanged but the joins: every clone is at the same commit.
        XCTAssertEqual(try box.git(["rev-parse", "HEAD"], in: c).out, try box.git(["rev-parse", "HEAD"], in: a).out)
        return (remote, a, b, c)
    }

    func testThreeClonesChangingOfflineThenSyncingInTurnLoseNothing() throws {
        let box = try SyncWorld()
        defer { box.remove() }
        let (_, a, b, c) = try world(box)
        XCTAssertEqual(try load(b), try load(a), "a new clone got the plans")
        // Offline: the same field on two machines (B later), different fields and targets, adds and a removal.
        try change(a, "t1", .status, "met", who: "jo", when: "2026-12-01T09:00:00Z")
        try change(b, "t1", .status, "notMet", who: "sam", when: "2026-12-01T10:00:00Z")
        try change(a, "t2", .comment, "on track", who: "jo", when: "2026-12-01T09:01:00Z")
        try change(c, "t2", .forecast, "by June", who: "kim", when: "2026-12-01T09:30:00Z")
        try change(c, "t3", .status, "partiallyMet", who: "kim", when: "2026-12-01T09:31:00Z")
        try edit(a) { p in let id = p.makeTargetId(); p.keyIssues[0].objectives[0].targets.append(Target(id: id, text: "Server's new target")) }
        try edit(b) { p in let id = p.makeTargetId(); p.keyIssues[0].objectives[0].targets.append(Target(id: id, text: "Laptop's new target")) }
        try edit(c) { p in for i in p.keyIssues.indices { for o in p.keyIssues[i].objectives.indices { p.keyIssues[i].objectives[o].targets.removeAll { $0.id == "t5" } } } }

        let first = try sync(box, a)
        XCTAssertTrue(first.stdout.contains("committed: \(plan): t1 met, t"), first.stdout)
        XCTAssertTrue(first.stdout.contains("out: \(plan): 2 changes from jo: t1 met, t2 comment"), first.stdout)
        XCTAssertTrue(first.stdout.contains("out: \(plan): 1 change: t29 added"), first.stdout)
        let second = try sync(box, b)
        XCTAssertTrue(second.stdout.contains("in:  \(plan): "), second.stdout)
        XCTAssertTrue(second.stdout.contains("from jo"), second.stdout)
        XCTAssertTrue(second.stdout.contains("merge: \(plan).json: t1 status: changed on both sides"), second.stdout)
        _ = try sync(box, c)
        _ = try sync(box, a)
        _ = try sync(box, b)

        let plans = try [a, b, c].map { try load($0) }
        XCTAssertEqual(plans[0], plans[1])
        XCTAssertEqual(plans[1], plans[2])
        let merged = plans[0]
        XCTAssertEqual(merged.target(id: "t1")?.status, .notMet, "sam's change is the later one")
        XCTAssertTrue(merged.target(id: "t1")?.history.contains { $0.who == "jo" && $0.new == "met" } ?? false, "jo's value stays in history")
        XCTAssertEqual(merged.target(id: "t2")?.comment, "on track")
        XCTAssertEqual(merged.target(id: "t2")?.forecast, "by June")
        XCTAssertEqual(merged.target(id: "t3")?.status, .partiallyMet)
        XCTAssertNil(merged.target(id: "t5"), "the removal reached everyone")
        let texts = merged.allTargets.map(\.text)
        XCTAssertTrue(texts.contains("Server's new target") && texts.contains("Laptop's new target"), "both adds kept")
        XCTAssertEqual(Set(merged.allTargets.map(\.id)).count, merged.targetCount, "no two targets share an id")
        XCTAssertTrue(merged.notes.contains { $0.contains("was added on two machines") }, "the re-allocation is recorded")
        for dir in [a, b, c] {
            XCTAssertEqual(try box.git(["status", "--porcelain"], in: dir).out, "", "\(dir) is clean")
            XCTAssertEqual(try box.git(["rev-parse", "HEAD"], in: dir).out, try box.git(["rev-parse", "HEAD"], in: a).out)
        }
        // Commit messages name targets and fields; the author is the person in history.
        let log = try box.git(["log", "--format=%an|%s", "--no-merges"], in: a).out
        XCTAssertTrue(log.contains("jo|\(plan): t1 met, t"), log)
        XCTAssertTrue(log.contains("kim|\(plan): t2 forecast, t3 partially-met, t5 removed"), log)
        XCTAssertEqual(try sync(box, a, ["--status"]).stdout, "everything is synced\n")
    }

    func testPlainGitPullMergesPlansWithTheDriverAfterInit() throws {
        let box = try SyncWorld()
        defer { box.remove() }
        let (_, a, b, _) = try world(box)
        try change(a, "t1", .status, "met", who: "jo", when: "2026-12-01T09:00:00Z")
        try change(a, "t4", .status, "met", who: "jo", when: "2026-12-01T09:00:00Z")
        try change(b, "t1", .comment, "laptop note", who: "sam", when: "2026-12-01T10:00:00Z")
        try change(b, "t4", .status, "notMet", who: "sam", when: "2026-12-01T08:00:00Z")
        _ = try sync(box, a)
        try box.git(["commit", "-q", "-am", "by hand"], in: b)
        let pull = try box.git(["pull", "-q", "--no-rebase", "--no-edit", "origin", "master"], in: b, check: false)
        if pull.status != 0 { _ = try box.git(["pull", "-q", "--no-rebase", "--no-edit", "origin", "main"], in: b) }
        let merged = try load(b)
        XCTAssertEqual(merged.target(id: "t1")?.status, .met)
        XCTAssertEqual(merged.target(id: "t1")?.comment, "laptop note")
        XCTAssertEqual(merged.target(id: "t4")?.status, .met, "jo's is later")
        XCTAssertFalse(CLI.read("\(b)/\(plan).json").contains("<<<<<<<"))
        XCTAssertEqual(try box.git(["config", "--get", "merge.actionplan.driver"], in: b).out.contains("merge-driver %O %A %B %P"), true)
        XCTAssertEqual(try String(contentsOfFile: "\(b)/.gitattributes", encoding: .utf8), "*.json merge=actionplan\n")
    }

    func testWithoutARemoteSyncOnlyCommits() throws {
        let box = try SyncWorld()
        defer { box.remove() }
        let dir = try box.dataDirectory("alone", plans: [plan])
        let r = try sync(box, dir, ["--init"])
        XCTAssertTrue(r.stdout.contains("no remote, so nothing was exchanged"), r.stdout)
        try change(dir, "t7", .forecast, "spring", who: "ana", when: "2026-12-01T09:00:00Z")
        let pending = try sync(box, dir, ["--status"])
        XCTAssertEqual(pending.stdout, "changed, not committed: \(plan).json\n")
        _ = try sync(box, dir)
        XCTAssertEqual(try box.git(["log", "-1", "--format=%an <%ae>|%s"], in: dir).out.trimmingCharacters(in: .newlines),
                       "ana <ana@\(Presence.hostName())>|\(plan): t7 forecast")
        // Locks, backups and presence files are never committed nor called foreign.
        XCTAssertTrue(FileManager.default.fileExists(atPath: "\(dir)/.backups"))
        XCTAssertEqual(try box.git(["status", "--porcelain"], in: dir).out, "")
    }

    // MARK: - Bad input and faults: a clear message, nothing lost, a state sync resumes from

    func testNoNetworkKeepsTheCommitAndTheNextSyncSendsIt() throws {
        let box = try SyncWorld()
        defer { box.remove() }
        let (remote, a, _, _) = try world(box)
        try box.git(["remote", "set-url", "origin", box.root + "/unplugged.git"], in: a)
        try change(a, "t1", .status, "met", who: "jo", when: "2026-12-01T09:00:00Z")
        let r = try sync(box, a, expect: 4)
        XCTAssertTrue(r.stderr.contains("cannot reach the remote origin (\(box.root)/unplugged.git)"), r.stderr)
        XCTAssertTrue(r.stderr.contains("your changes are committed here"), r.stderr)
        XCTAssertTrue(try box.git(["log", "-1", "--format=%s"], in: a).out.contains("t1 met"))
        try box.git(["remote", "set-url", "origin", remote], in: a)
        let again = try sync(box, a)
        XCTAssertTrue(again.stdout.contains("out: \(plan): 1 change from jo: t1 met"), again.stdout)
    }

    func testAPushRejectedBecauseSomeonePushedFirstIsRetriedThenBounded() throws {
        let box = try SyncWorld()
        defer { box.remove() }
        let (_, a, b, _) = try world(box)
        // Each push from A is preceded by a push from B (a pre-push hook), as if B always got there first.
        let branch = try box.git(["symbolic-ref", "--short", "HEAD"], in: b).out.trimmingCharacters(in: .newlines)
        let marker = box.root + "/racer-once"
        let hook = """
        #!/bin/sh
        unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE
        if [ -e "\(marker)" ] || [ -e "\(marker).always" ]; then
          rm -f "\(marker)"
          git -C "\(b)" pull -q --no-rebase --no-edit origin \(branch) >/dev/null 2>&1
          git -C "\(b)" -c user.name=sam -c user.email=sam@b commit -q --allow-empty -m "sam first" &&
          git -C "\(b)" push -q origin HEAD:\(branch) >/dev/null 2>&1
        fi
        exit 0
        """
        let hookPath = "\(a)/.git/hooks/pre-push"
        try hook.write(toFile: hookPath, atomically: true, encoding: .utf8)
        chmod(hookPath, 0o755)
        FileManager.default.createFile(atPath: marker, contents: Data())
        try change(a, "t1", .status, "met", who: "jo", when: "2026-12-01T09:00:00Z")
        let r = try sync(box, a)
        XCTAssertTrue(r.stdout.contains("pushed after 2 attempts"), r.stdout)
        XCTAssertTrue(try box.git(["log", "--format=%s", "origin/\(branch)"], in: a).out.contains("sam first"))

        FileManager.default.createFile(atPath: marker + ".always", contents: Data())
        try change(a, "t2", .status, "met", who: "jo", when: "2026-12-01T09:05:00Z")
        let bounded = try sync(box, a, expect: 4)
        XCTAssertTrue(bounded.stderr.contains("rejected 3 times"), bounded.stderr)
        XCTAssertEqual(try box.git(["status", "--porcelain"], in: a).out, "", "everything committed and merged here")
        try FileManager.default.removeItem(atPath: marker + ".always")
        let resumed = try sync(box, a)
        XCTAssertTrue(resumed.stdout.contains("t2 met"), resumed.stdout)
    }

    func testMissingGitForeignFilesAndADetachedHeadChangeNothing() throws {
        let box = try SyncWorld()
        defer { box.remove() }
        let (_, a, _, _) = try world(box)
        try change(a, "t1", .status, "met", who: "jo", when: "2026-12-01T09:00:00Z")
        let head = try box.git(["rev-parse", "HEAD"], in: a).out
        let noGit = try box.actionplan(["sync", "--data", a], extra: ["PATH": box.root + "/no-bin"])
        XCTAssertEqual(noGit.status, 4)
        XCTAssertTrue(noGit.stderr.contains("git is not installed"), noGit.stderr)

        CLI.write("minutes of the meeting", to: "\(a)/minutes.txt")
        let foreign = try sync(box, a, expect: 4)
        XCTAssertTrue(foreign.stderr.contains("files that are not plans are changed in \(a): minutes.txt"), foreign.stderr)
        XCTAssertEqual(try box.git(["rev-parse", "HEAD"], in: a).out, head, "nothing committed")
        XCTAssertEqual(try load(a).target(id: "t1")?.status, .met, "the saved change is still there")
        try FileManager.default.removeItem(atPath: "\(a)/minutes.txt")

        try box.git(["checkout", "-q", "--detach"], in: a)
        let detached = try sync(box, a, expect: 4)
        XCTAssertTrue(detached.stderr.contains("detached HEAD"), detached.stderr)
        XCTAssertEqual(try box.git(["rev-parse", "HEAD"], in: a).out, head)
        try box.git(["checkout", "-q", "-"], in: a)

        // A plan broken by hand is not committed (so not sent to anyone).
        let good = try String(contentsOfFile: "\(a)/\(other).json", encoding: .utf8)
        CLI.write("{ broken", to: "\(a)/\(other).json")
        let broken = try sync(box, a, expect: 4)
        XCTAssertTrue(broken.stderr.contains("\(other).json"), broken.stderr)
        XCTAssertTrue(broken.stderr.contains("not synced, so a broken plan is not sent"), broken.stderr)
        CLI.write(good, to: "\(a)/\(other).json")
        _ = try sync(box, a)
    }

    func testAFileThatCannotBeMergedIsNamedTheOthersMergeAndSyncResumes() throws {
        let box = try SyncWorld()
        defer { box.remove() }
        let (_, a, b, _) = try world(box)
        // Someone pushes a broken plan with plain git; the laptop changed the same plan and another one.
        CLI.write("{ \"not\": \"a plan\" }\n", to: "\(a)/\(other).json")
        try change(a, "t1", .status, "met", who: "jo", when: "2026-12-01T09:00:00Z")
        try box.git(["commit", "-q", "-am", "broken by hand"], in: a)
        try box.git(["push", "-q", "origin", "HEAD"], in: a)
        _ = try PlanStore(directory: b).commit([TargetChange(targetID: "t1", field: .comment, new: "laptop")], to: other, who: "sam")
        try change(b, "t1", .comment, "from the laptop", who: "sam", when: "2026-12-01T10:00:00Z")
        let r = try sync(box, b, expect: 4)
        XCTAssertTrue(r.stderr.contains("\(other).json: theirs is not a valid plan"), r.stderr)
        XCTAssertTrue(r.stderr.contains("checkout --ours"), r.stderr)
        let mergedPlan = try load(b)
        XCTAssertEqual(mergedPlan.target(id: "t1")?.status, .met, "the other plan merged")
        XCTAssertEqual(mergedPlan.target(id: "t1")?.comment, "from the laptop")
        XCTAssertNotNil(try? load(b, other), "ours is left whole, no conflict markers")
        // Still unresolved: sync says so again and changes nothing.
        let again = try sync(box, b, expect: 4)
        XCTAssertTrue(again.stderr.contains("still not resolved"), again.stderr)
        try box.git(["checkout", "--ours", "\(other).json"], in: b)
        try box.git(["add", "\(other).json"], in: b)
        let resumed = try sync(box, b)
        XCTAssertTrue(resumed.stdout.contains("out: "), resumed.stdout)
        _ = try sync(box, a)
        XCTAssertEqual(try load(a, other).target(id: "t1")?.comment, "laptop", "the good version went back to the server")
    }
}

