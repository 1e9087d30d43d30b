/// What can stop a sync, each with what to do next. After any of them the data directory is in a
/// state `actionplan sync` resumes from: what was saved is committed or still in the working tree,
/// and a merge that stopped is either finished by the next sync or waits for the files named.
public enum SyncError: Error, Sendable, Equatable, CustomStringConvertible {
    case gitMissing
    /// The data directory is not a git repository (sync --init makes it one).
    case notARepository(String)
    /// The data directory sits inside a larger working tree: sync only works on a repository of its own.
    case insideAnotherRepository(directory: String, topLevel: String)
    case detachedHead(directory: String, at: String?)
    /// Changes to files that are not plans: sync commits only plans, and will not merge over them.
    case foreignChanges(directory: String, paths: [String])
    /// A plan file in the working tree is not a valid plan: it would be committed and pushed broken.
    case invalidPlan(PlanFileError)
    /// No such remote configured.
    case noRemote(String, configured: [String])
    case unreachable(remote: String, url: String, message: String, timedOut: Bool)
    case pushFailed(remote: String, message: String)
    /// Someone pushed first every time, `attempts` times.
    case stillRejected(remote: String, attempts: Int)
    /// Files the merge left unmerged, each with why (from the merge driver), and how to go on.
    case unmerged(directory: String, files: [UnmergedFile])
    /// Another sync of this directory is running.
    case busy(String)
    /// A git command failed in a way not foreseen: what we were doing and git's own words.
    case git(doing: String, message: String)

    public struct UnmergedFile: Sendable, Equatable {
        public var path: String
        public var reason: String
        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }
    }

    public var description: String {
        switch self {
        case .gitMissing:
            return "git is not installed (no git on PATH): install it (sudo apt-get install git) to sync plans between machines"
        case .notARepository(let dir):
            return "the data directory \(dir) is not a git repository: run `actionplan sync --init [REMOTE]` first (see README, Working from several machines)"
        case .insideAnotherRepository(let dir, let top):
            return "the data directory \(dir) is inside the git working tree \(top): sync needs the data directory to be a repository of its own (run `actionplan sync --init` there)"
        case .detachedHead(let dir, let at):
            let here = at.map { " (at \($0.prefix(12)))" } ?? ""
            return "the repository in \(dir) is on a detached HEAD\(here): check out a branch first (git -C \(dir) switch main, or git switch -c NAME to keep these commits), then sync again; nothing was changed"
        case .foreignChanges(let dir, let paths):
            return "files that are not plans are changed in \(dir): \(paths.map { Sanitizer.clean($0) }.joined(separator: ", ")). sync commits only plans: commit them with git, or remove them, then sync again; nothing was changed"
        case .invalidPlan(let error):
            return "\(error.description)\nnot synced, so a broken plan is not sent to others: fix the file, or put back a good version (actionplan restore ID --list), then sync again"
        case .noRemote(let name, let configured):
            let list = configured.isEmpty ? "no remote is configured" : "remotes: " + configured.joined(separator: ", ")
            return "no git remote named \"\(Sanitizer.clean(name))\" (\(list)): add one with `actionplan sync --init URL`, or choose one with sync --remote NAME or sync.remote in the config file"
        case .unreachable(let remote, let url, let message, let timedOut):
            let why = timedOut ? "no answer in time" : Sanitizer.clean(message, keepNewlines: true)
            return "cannot reach the remote \(remote) (\(Sanitizer.clean(url))): \(why)\nyour changes are committed here and go out with the next sync, when the network is back"
        case .pushFailed(let remote, let message):
            return "the push to \(remote) failed: \(Sanitizer.clean(message, keepNewlines: true))\nyour changes are committed here (and merged with what came in); sync again once that is fixed"
        case .stillRejected(let remote, let attempts):
            return "the push to \(remote) was rejected \(attempts) times (others kept pushing first): everything is committed and merged here; sync again in a moment"
        case .unmerged(let dir, let files):
            var lines = ["the merge stopped: \(files.count == 1 ? "1 file" : "\(files.count) files") could not be merged (the other plans are merged):"]
            for f in files { lines.append("  \(Sanitizer.clean(f.path)): \(Sanitizer.clean(f.reason))") }
            lines.append("to resolve each: keep yours with `git -C \(dir) checkout --ours FILE`, take theirs with `git -C \(dir) checkout --theirs FILE`, or put back an earlier version with `actionplan restore ID --list`; then run `actionplan sync` again (it finishes the merge). `git -C \(dir) merge --abort` undoes the whole merge.")
            return lines.joined(separator: "\n")
        case .busy(let dir):
            return "another sync of \(dir) is running: wait for it to finish, then sync again"
        case .git(let doing, let message):
            return "git failed while \(doing): \(Sanitizer.clean(message, keepNewlines: true))"
        }
    }
}
