#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// `actionplan sync`: commit what is saved, fetch, merge (plan files with the plan merge driver),
/// push; a rejected push (someone pushed first) fetches, merges and pushes again, at most
/// `maxAttempts` times. Every step is git's own; this decides the order, what is refused first (so a
/// refusal changes nothing) and what is said.
///
/// Resumable: each fault leaves the directory in a state the next sync continues from. Committed
/// changes wait for the next push; a merge stopped on a file that cannot be merged stays in progress
/// (MERGE_HEAD) with the other plans merged, and the next sync finishes it once the file is resolved.
public struct Sync: Sendable {
    public let store: PlanStore
    public let repo: GitRepository
    /// The remote to exchange with (`sync.remote`, default origin).
    public var remote: String
    /// Who syncs (the committer when git has no identity configured, the author when history says nothing).
    public var who: String
    public var host: String
    /// The shell command git runs for plan files: `'/usr/bin/actionplan' merge-driver %O %A %B %P`.
    public var driverCommand: String
    public var maxAttempts = 3

    public init(store: PlanStore, remote: String = "origin", who: String, host: String = Presence.hostName(),
                driverCommand: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.store = store
        self.repo = GitRepository(directory: store.directory, environment: environment)
        self.remote = remote
        self.who = who
        self.host = host
        self.driverCommand = driverCommand
    }

    /// The driver line for an executable path, quoted for the shell git runs it with.
    public static func driverCommand(executable: String) -> String {
        "'" + executable.replacing("'", with: "'\\''") + "' merge-driver %O %A %B %P"
    }

    public static let attributesLine = "*.json merge=actionplan"
    /// Locks, temporary files, backups, presence markers and recovery files are dot files of one
    /// machine; reports are made from the plans. None of them travel.
    public static let ignoreText = """
    # Written by actionplan sync --init: only the plans travel between machines.
    /.*
    !/.gitattributes
    !/.gitignore
    /reports/

    """

    public struct Report: Sendable, Equatable {
        public init() {}
        /// The commit made of what was saved (its subject), nil when nothing was waiting.
        public var committed: String?
        /// What came in, per plan and person.
        public var incoming: [String] = []
        /// What went out.
        public var outgoing: [String] = []
        /// What the merge decided (a field changed on both sides).
        public var notes: [String] = []
        /// nil: no remote, so nothing was exchanged.
        public var remote: String?
        public var pushed = false
        public var attempts = 0
        /// Lines for people, in order.
        public var lines: [String] {
            var out: [String] = []
            if let committed { out.append("committed: \(committed)") }
            guard let remote else {
                out.append(committed == nil ? "nothing to commit; no remote, so nothing was exchanged (add one: actionplan sync --init URL)"
                                            : "no remote, so nothing was exchanged (add one: actionplan sync --init URL)")
                return out
            }
            if incoming.isEmpty { out.append("nothing came in from \(remote)") } else { out += incoming.map { "in:  \($0)" } }
            out += notes.map { "merge: \($0)" }
            if outgoing.isEmpty { out.append("nothing to send to \(remote)") } else { out += outgoing.map { "out: \($0)" } }
            if pushed && attempts > 1 { out.append("pushed after \(attempts) attempts (others pushed first)") }
            return out
        }
    }

    /// What has not been synced: plan files changed since the last commit, and commits not yet pushed.
    public struct Pending: Sendable, Equatable {
        public var changedPlans: [String]
        /// nil: no remote branch to compare with (never pushed, or no remote).
        public var unpushedCommits: Int?
        public var isEmpty: Bool { changedPlans.isEmpty && (unpushedCommits ?? 0) == 0 }
        public init(changedPlans: [String], unpushedCommits: Int?) {
            self.changedPlans = changedPlans
            self.unpushedCommits = unpushedCommits
        }
    }

    // MARK: - Set-up

    /// Makes the data directory a repository (if it is not), writes .gitattributes and .gitignore,
    /// configures the merge driver in the repository's own config and the remote if one is given.
    /// Returns what was done, line by line.
    public func initialise(remoteURL: String?) throws(SyncError) -> [String] {
        var done: [String] = []
        guard repo.executable != nil else { throw .gitMissing }
        var created = false
        if try repo.topLevel() == nil {
            try repo.must(["init", "-q"], doing: "creating the repository")
            done.append("made \(store.directory) a git repository")
            created = true
        }
        try checkOwnRepository()
        // A new machine joining (no plans here yet): start from the remote's history rather than a
        // commit of our own beside it.
        if created, let remoteURL, ((try? store.planIDs()) ?? []).isEmpty {
            try repo.must(["remote", "add", remote, remoteURL], doing: "adding the remote \(remote)")
            done.append("remote \(remote) = \(Sanitizer.clean(remoteURL))")
            try fetch(url: remoteURL)
            let branch = try repo.currentBranch() ?? "main"
            try adoptRemoteBranchIfUnborn(branch)
            if let name = try repo.currentBranch(), try repo.commit(of: "refs/remotes/\(remote)/\(name)") != nil {
                try repo.must(["checkout", "-q", "-B", name, "refs/remotes/\(remote)/\(name)"], doing: "checking out the remote's plans")
                _ = try repo.run(["branch", "-q", "--set-upstream-to=\(remote)/\(name)"])
                done.append("checked out \(remote)/\(name)")
            }
        }
        try writeSmallFile(".gitattributes", mustContain: Sync.attributesLine, whole: Sync.attributesLine + "\n", &done)
        try writeSmallFile(".gitignore", mustContain: "/.*", whole: Sync.ignoreText, &done)
        try configureDriver(&done)
        if let remoteURL {
            if let existing = try repo.remoteURL(remote) {
                if existing != remoteURL {
                    try repo.must(["remote", "set-url", remote, remoteURL], doing: "changing the remote \(remote)")
                    done.append("remote \(remote) now \(Sanitizer.clean(remoteURL)) (was \(Sanitizer.clean(existing)))")
                }
            } else {
                try repo.must(["remote", "add", remote, remoteURL], doing: "adding the remote \(remote)")
                done.append("remote \(remote) = \(Sanitizer.clean(remoteURL))")
            }
        }
        return done
    }

    private func writeSmallFile(_ name: String, mustContain line: String, whole: String, _ done: inout [String]) throws(SyncError) {
        let path = "\(repo.directory)/\(name)"
        var text = whole
        if let existing = try? FileBytes.read(path, limit: 1 << 20, links: .ownedByUserOrRoot) {
            let current = String(decoding: existing, as: UTF8.self)
            if current.split(separator: "\n").contains(where: { $0.trimmingCharacters(in: .whitespaces) == line }) { return }
            text = current + (current.hasSuffix("\n") || current.isEmpty ? "" : "\n") + whole
        }
        do {
            try store.writer.write(Array(text.utf8), to: path, as: .output(force: false))
        } catch {
            throw .git(doing: "writing \(name)", message: error.description)
        }
        done.append("wrote \(name)")
    }

    /// `merge.actionplan.driver` in the repository's own config (never a global one): git pull and
    /// git merge by hand then merge plans as sync does.
    private func configureDriver(_ done: inout [String]) throws(SyncError) {
        if try repo.config("merge.actionplan.driver") != driverCommand {
            try repo.must(["config", "--local", "merge.actionplan.name", "actionplan plan merge (per target and field)"], doing: "configuring the merge driver")
            try repo.must(["config", "--local", "merge.actionplan.driver", driverCommand], doing: "configuring the merge driver")
            done.append("merge driver: \(driverCommand)")
        }
    }

    /// The data directory must be the top of its repository (sync commits its plans at the top).
    func checkOwnRepository() throws(SyncError) {
        guard let top = try repo.topLevel() else { throw .notARepository(store.directory) }
        if top != repo.directory { throw .insideAnotherRepository(directory: store.directory, topLevel: top) }
    }

    // MARK: - What is waiting

    public func pending() throws(SyncError) -> Pending {
        try checkOwnRepository()
        let changed = try repo.status().compactMap { isPlanPath($0.path) ? $0.path : nil }
        var unpushed: Int?
        if let branch = try repo.currentBranch(), try repo.commit(of: "refs/remotes/\(remote)/\(branch)") != nil {
            let out = try repo.run(["rev-list", "--count", "refs/remotes/\(remote)/\(branch)..HEAD"])
            unpushed = out.ok ? Int(out.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) : nil
        } else if try repo.commit(of: "HEAD") != nil, try repo.remoteURL(remote) != nil {
            let out = try repo.run(["rev-list", "--count", "HEAD"])
            unpushed = out.ok ? Int(out.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) : nil
        }
        return Pending(changedPlans: changed, unpushedCommits: unpushed)
    }

    /// The program's own files of one machine (locks, backups, presence, recovery: dot files) and the
    /// reports made from the plans: never committed, and not "files the program does not own" either,
    /// even in a clone made without sync's .gitignore.
    static func isLocalOnly(_ path: String) -> Bool {
        (path.hasPrefix(".") && path != ".gitattributes" && path != ".gitignore") || path.hasPrefix("reports/")
    }

    /// A plan file of the top of the data directory (`ID.json`).
    func isPlanPath(_ path: String) -> Bool {
        guard !path.contains("/"), let id = PlanFile.planID(forPath: path) else { return false }
        return PlanID.problem(with: id) == nil
    }

    // MARK: - The sync

    public func run() throws(SyncError) -> Report {
        guard repo.executable != nil else { throw .gitMissing }
        try checkOwnRepository()
        // One sync of a directory at a time (the UI's S and a cron job, say).
        let lockPath = "\(store.directory)/.sync.lock"
        return try FileLock.withLock(path: lockPath, planID: "sync", timeout: 0.5,
                                     wrap: { (e: SaveError) -> SyncError in
                                         if e.step == .lock && e.code == EWOULDBLOCK { return .busy(store.directory) }
                                         return .git(doing: "locking the sync", message: e.description)
                                     }) { () throws(SyncError) -> Report in
            try runLocked()
        }
    }

    private func runLocked() throws(SyncError) -> Report {
        guard let branch = try repo.currentBranch() else {
            throw .detachedHead(directory: store.directory, at: try repo.commit(of: "HEAD"))
        }
        try ensureDriverConfigured()
        var report = Report()
        // A merge the last sync left: finish it (its files resolved) before anything else.
        if try repo.mergeInProgress() { try finishMerge() }
        report.committed = try commitSaved()
        let remotes = try repo.must(["remote"], doing: "listing remotes").split(separator: "\n").map(String.init)
        guard !remotes.isEmpty else { return report }
        guard let url = try repo.remoteURL(remote) else { throw .noRemote(remote, configured: remotes) }
        report.remote = remote
        let remoteRef = "refs/remotes/\(remote)/\(branch)"
        for attempt in 1...maxAttempts {
            report.attempts = attempt
            try fetch(url: url)
            try adoptRemoteBranchIfUnborn(branch)
            let before = try repo.commit(of: "HEAD")
            if let theirs = try repo.commit(of: remoteRef) {
                let merge = try mergeRemote(theirs, remoteRef: remoteRef)
                report.notes += merge.notes
                if let before, let after = try repo.commit(of: "HEAD"), after != before {
                    report.incoming += try summaries(from: before, to: after)
                } else if before == nil, let after = try repo.commit(of: "HEAD") {
                    report.incoming += try summaries(from: nil, to: after)
                }
            }
            guard let head = try repo.commit(of: "HEAD") else { return report } // nothing anywhere yet
            let theirs = try repo.commit(of: remoteRef)
            if theirs == head || (theirs != nil && isAncestor(head, of: theirs!)) { return report }
            let outgoing = try summaries(from: theirs, to: head)
            let push = try repo.run(["push", "--porcelain", remote, "HEAD:refs/heads/\(branch)"], timeout: repo.networkTimeout)
            if push.ok {
                report.outgoing = outgoing
                report.pushed = true
                _ = try repo.run(["update-ref", remoteRef, head])
                return report
            }
            if push.timedOut { throw .unreachable(remote: remote, url: url, message: push.message, timedOut: true) }
            let text = push.stdout + push.stderr
            let rejected = ["[rejected]", "non-fast-forward", "fetch first", "stale info", "cannot lock ref"]
                .contains { text.contains($0) }
            if !rejected {
                if Sync.looksUnreachable(text) { throw .unreachable(remote: remote, url: url, message: push.message, timedOut: false) }
                throw .pushFailed(remote: remote, message: push.message)
            }
        }
        throw .stillRejected(remote: remote, attempts: maxAttempts)
    }

    func isAncestor(_ a: String, of b: String) -> Bool {
        (try? repo.run(["merge-base", "--is-ancestor", a, b]).ok) ?? false
    }

    static func looksUnreachable(_ text: String) -> Bool {
        ["Could not read from remote", "unable to access", "Could not resolve host", "Connection refused",
         "does not appear to be a git repository", "No such file or directory", "Network is unreachable",
         "Connection timed out", "unable to connect"].contains { text.contains($0) }
    }

    /// git needs the driver configured to call it for plans; a clone made with `git clone` does not
    /// have it until --init, so sync sets it (in this repository's config) when it is missing.
    private func ensureDriverConfigured() throws(SyncError) {
        var ignored: [String] = []
        try configureDriver(&ignored)
    }

    private func fetch(url: String) throws(SyncError) {
        let out = try repo.run(["fetch", "--quiet", "--no-tags", remote], timeout: repo.networkTimeout)
        guard out.ok else { throw .unreachable(remote: remote, url: url, message: out.message, timedOut: out.timedOut) }
    }

    /// A fresh repository (--init on a laptop, before its first commit) takes the branch the remote has.
    private func adoptRemoteBranchIfUnborn(_ branch: String) throws(SyncError) {
        guard try repo.commit(of: "HEAD") == nil, try repo.commit(of: "refs/remotes/\(remote)/\(branch)") == nil else { return }
        let refs = try repo.must(["for-each-ref", "--format=%(refname:strip=3)", "refs/remotes/\(remote)/"], doing: "listing the remote's branches")
            .split(separator: "\n").map(String.init).filter { $0 != "HEAD" }
        guard let name = ["main", "master"].first(where: refs.contains) ?? (refs.count == 1 ? refs.first : nil) else { return }
        try repo.must(["symbolic-ref", "HEAD", "refs/heads/\(name)"], doing: "choosing the branch \(name)")
    }

    // MARK: - Commit

    /// Commits every saved plan not yet committed, as one commit whose message names the targets and
    /// fields and whose author is the person history records. Refuses (changing nothing) when files
    /// that are not plans are changed, or a plan file is not a valid plan.
    func commitSaved() throws(SyncError) -> String? {
        let changes = try repo.status().filter { !Sync.isLocalOnly($0.path) }
        let foreign = changes.map(\.path).filter { !isPlanPath($0) && $0 != ".gitattributes" && $0 != ".gitignore" }
        if !foreign.isEmpty { throw .foreignChanges(directory: store.directory, paths: foreign) }
        guard !changes.isEmpty else { return nil }
        var summaries: [ChangeSummary] = []
        var paths: [String] = []
        let head = try repo.commit(of: "HEAD")
        for (state, path) in changes {
            paths.append(path)
            guard isPlanPath(path), let id = PlanFile.planID(forPath: path) else { continue }
            let deleted = state.contains("D")
            var new: Plan?
            if !deleted {
                let (loaded, problems) = PlanFile.inspect(path: "\(store.directory)/\(path)", displayName: "\(store.directory)/\(path)")
                guard let plan = loaded?.plan else { throw .invalidPlan(problems[0]) }
                new = plan
            }
            let old = try head.flatMap { c throws(SyncError) in try plan(path, at: c) }
            summaries.append(ChangeSummary.between(old, new, planID: id))
        }
        try repo.must(["add", "-A", "--"] + paths, doing: "adding the saved plans")
        let staged = try repo.run(["diff", "--cached", "--quiet"])
        guard staged.status == 1 else { return nil } // nothing differs after all (a save undone)
        let lines = summaries.flatMap(\.lines)
        let subject = Sync.subject(summaries, otherFiles: paths.filter { !isPlanPath($0) })
        let body = lines.joined(separator: "\n")
        // The person who made the latest of these changes, as history records it.
        let author = summaries.flatMap(\.items).filter { !$0.who.isEmpty }.max { $0.when < $1.when }?.who ?? who
        try repo.must(["commit", "-q", "--no-verify", "-m", subject] + (body.isEmpty ? [] : ["-m", body]),
                      doing: "committing the saved plans", extraEnvironment: identity(author: author))
        return subject
    }

    /// "luton-dis: t4 met, t9 comment; kent-kct: t2 added" (shortened to fit a subject line).
    static func subject(_ summaries: [ChangeSummary], otherFiles: [String]) -> String {
        var parts = summaries.filter { !$0.isEmpty }.map { "\($0.planID): " + $0.items.map(\.text).joined(separator: ", ") }
        if !otherFiles.isEmpty { parts.append(otherFiles.joined(separator: ", ")) }
        let text = parts.joined(separator: "; ")
        if text.isEmpty { return "actionplan sync" }
        return text.count > 72 ? String(text.prefix(71)) + "…" : text
    }

    /// Author from history; committer the same unless git has an identity of its own configured.
    func identity(author: String) throws(SyncError) -> [String: String] {
        let email = author.contains("@") ? author : "\(author)@\(host)"
        var env = ["GIT_AUTHOR_NAME": author, "GIT_AUTHOR_EMAIL": email]
        if try repo.config("user.email") == nil {
            env["GIT_COMMITTER_NAME"] = who
            env["GIT_COMMITTER_EMAIL"] = who.contains("@") ? who : "\(who)@\(host)"
        }
        return env
    }

    private func plan(_ path: String, at commit: String) throws(SyncError) -> Plan? {
        guard let bytes = try repo.show(path, at: commit) else { return nil }
        return PlanFile.decode(bytes, file: path, expectedID: PlanFile.planID(forPath: path)).loaded?.plan
    }

    /// What changed in each plan between two commits.
    func summaries(from old: String?, to new: String) throws(SyncError) -> [String] {
        let names: [String]
        if let old {
            names = try repo.must(["diff", "--name-only", "-z", old, new], doing: "listing what changed").split(separator: "\0").map(String.init)
        } else {
            names = try repo.must(["ls-tree", "--name-only", "-z", new], doing: "listing the plans").split(separator: "\0").map(String.init)
        }
        var lines: [String] = []
        for path in names where isPlanPath(path) {
            let before = try old.flatMap { c throws(SyncError) in try plan(path, at: c) }
            let after = try plan(path, at: new)
            lines += ChangeSummary.between(before, after, planID: PlanFile.planID(forPath: path) ?? path).lines
        }
        return lines
    }

    // MARK: - Merge

    struct MergeOutcome { var notes: [String] }

    /// Merges the remote branch with the plan merge driver. Plan files are written by git here, so
    /// every plan's lock is held meanwhile (a save waits, then merges onto the merged file), and
    /// files git creates are given the plans' mode afterwards (git would use the umask's).
    private func mergeRemote(_ theirs: String, remoteRef: String) throws(SyncError) -> MergeOutcome {
        if let head = try repo.commit(of: "HEAD"), isAncestor(theirs, of: head) { return MergeOutcome(notes: []) }
        let ids = (try? store.planIDs()) ?? []
        return try withPlanLocks(ids[...]) { () throws(SyncError) -> MergeOutcome in
            // Saved after the commit above and before the locks: commit it too, so nothing is merged over.
            _ = try commitSaved()
            let modes = planModes()
            let previousMask = umask(0o077)
            defer { umask(previousMask) }
            let args = ["-c", "merge.actionplan.driver=\(driverCommand)", "-c", "merge.actionplan.name=actionplan",
                        "merge", "--no-edit", "--allow-unrelated-histories", "-m", "sync: merge \(remoteRef.replacing("refs/remotes/", with: ""))", theirs]
            let head = try repo.commit(of: "HEAD")
            let out: GitRepository.Output
            if head == nil {
                // Nothing here yet: take theirs as it is.
                out = try repo.run(["reset", "-q", "--hard", theirs])
            } else {
                out = try repo.run(args, extraEnvironment: identity(author: who))
            }
            restoreModes(modes)
            let notes = Sync.driverLines(out.stderr, prefix: MergeDriver.notePrefix)
            if out.ok { return MergeOutcome(notes: notes) }
            let unmerged = try repo.unmergedPaths()
            if unmerged.isEmpty { throw .git(doing: "merging \(remoteRef)", message: out.message) }
            throw .unmerged(directory: store.directory, files: unmergedFiles(unmerged, gitOutput: out.stdout + out.stderr))
        }
    }

    /// Each unmerged file with the driver's reason, or git's own conflict for files that are not plans.
    private func unmergedFiles(_ paths: [String], gitOutput: String) -> [SyncError.UnmergedFile] {
        let reasons = Sync.driverLines(gitOutput, prefix: MergeDriver.failurePrefix)
        return paths.map { path in
            let reason = reasons.first { $0.hasPrefix(path + ": ") }.map { String($0.dropFirst(path.count + 2)) }
            return SyncError.UnmergedFile(path: path, reason: reason ?? (isPlanPath(path)
                ? "changed on both sides and not merged (it may have been removed on one side)"
                : "not a plan: git's conflict markers are in the file"))
        }
    }

    /// "actionplan: cannot merge X.json: why" lines the driver printed, without the prefix.
    static func driverLines(_ text: String, prefix: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            guard let range = line.range(of: prefix) else { return nil }
            return String(line[range.upperBound...])
        }
    }

    /// A merge left in progress: refused while files are unresolved, else committed.
    private func finishMerge() throws(SyncError) {
        let unmerged = try repo.unmergedPaths()
        if !unmerged.isEmpty {
            throw .unmerged(directory: store.directory, files: unmerged.map {
                SyncError.UnmergedFile(path: $0, reason: "still not resolved from the last sync (after checkout --ours/--theirs or a restore, mark it resolved: git -C \(store.directory) add \($0))")
            })
        }
        for (_, path) in try repo.status() where isPlanPath(path) {
            let (loaded, problems) = PlanFile.inspect(path: "\(store.directory)/\(path)", displayName: "\(store.directory)/\(path)")
            if loaded == nil, let first = problems.first { throw .invalidPlan(first) }
        }
        try repo.must(["commit", "-q", "--no-edit", "--no-verify"], doing: "finishing the merge", extraEnvironment: identity(author: who))
    }

    private func withPlanLocks<T>(_ ids: ArraySlice<String>, _ body: () throws(SyncError) -> T) throws(SyncError) -> T {
        guard let first = ids.first else { return try body() }
        let wrap = { (e: SaveError) -> SyncError in .git(doing: "locking \(first) to merge it", message: e.description) }
        return try FileLock.withLock(path: "\(store.directory)/.\(first).lock", planID: first, timeout: store.lockTimeout, wrap: wrap) { () throws(SyncError) -> T in
            try withPlanLocks(ids.dropFirst(), body)
        }
    }

    private func planModes() -> [String: (mode: mode_t, gid: gid_t)] {
        var out: [String: (mode_t, gid_t)] = [:]
        for name in DirectoryListing.names(in: store.directory) ?? [] where isPlanPath(name) {
            var info = stat()
            if lstat("\(store.directory)/\(name)", &info) == 0, info.st_mode & S_IFMT == S_IFREG {
                out[name] = (info.st_mode & 0o7777, info.st_gid)
            }
        }
        return out
    }

    /// Files git replaced keep the mode they had; files it created take the mode of the plans already
    /// here (0600 when there are none): never wider than the data directory's own plans.
    private func restoreModes(_ modes: [String: (mode: mode_t, gid: gid_t)]) {
        let usual = modes.values.first.map { ($0.mode, $0.gid) }
        for name in DirectoryListing.names(in: store.directory) ?? [] where isPlanPath(name) {
            let path = "\(store.directory)/\(name)"
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            let want = modes[name] ?? usual ?? (0o600, info.st_gid)
            if info.st_mode & 0o7777 != want.mode { chmod(path, want.mode) }
            if info.st_gid != want.gid { _ = chown(path, uid_t.max, want.gid) }
        }
    }
}
