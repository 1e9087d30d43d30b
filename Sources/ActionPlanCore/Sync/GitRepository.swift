#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The data directory as a git working tree, driven through the installed `git` executable (Process):
/// git is the distributed system, so nothing of it is re-implemented here; this only runs it and reads
/// its answers.
///
/// Every run is confined to the data directory: `GIT_CEILING_DIRECTORIES` is its parent, so git never
/// walks up into a repository the data directory happens to sit in (a home directory kept in git, a
/// checkout of this program), and `GIT_DIR`/`GIT_WORK_TREE` from a calling hook are dropped. Git never
/// asks a question on the terminal (`GIT_TERMINAL_PROMPT=0`, ssh in batch mode): a sync in the UI
/// must end in a message, not hang waiting for a password.
public struct GitRepository: Sendable {
    public let directory: String
    /// The git executable found on PATH (nil: not installed).
    public let executable: String?
    let environment: [String: String]
    /// Seconds a network command (fetch, push) may take before it is stopped as "no network".
    public var networkTimeout: Double = 60

    public struct Output: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        /// stdout as bytes (a file's content from `cat-file`).
        public var bytes: [UInt8] = []
        public var timedOut = false
        public var ok: Bool { status == 0 && !timedOut }
        /// Git's own message, one line per line, for error reports.
        public var message: String {
            let text = stderr.isEmpty ? stdout : stderr
            return text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                .joined(separator: "\n")
        }
    }

    public init(directory: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.directory = GitRepository.absolute(directory)
        var env = environment
        for name in ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_COMMON_DIR",
                     "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_PREFIX", "GIT_NAMESPACE"] {
            env.removeValue(forKey: name)
        }
        let parent = (self.directory as NSString).deletingLastPathComponent
        env["GIT_CEILING_DIRECTORIES"] = parent.isEmpty ? "/" : parent
        env["GIT_TERMINAL_PROMPT"] = "0"
        if env["GIT_SSH_COMMAND"] == nil && env["GIT_SSH"] == nil { env["GIT_SSH_COMMAND"] = "ssh -o BatchMode=yes -o ConnectTimeout=15" }
        // Messages in English, so the few that sync recognises (a rejected push) read the same everywhere.
        env["LC_ALL"] = "C"
        env.removeValue(forKey: "LANGUAGE")
        self.environment = env
        self.executable = GitRepository.find("git", path: environment["PATH"] ?? "/usr/bin:/bin")
    }

    static func absolute(_ path: String) -> String {
        var p = path
        if !p.hasPrefix("/") { p = FileManager.default.currentDirectoryPath + "/" + p }
        if let real = realpath(p, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        return (p as NSString).standardizingPath
    }

    static func find(_ name: String, path: String) -> String? {
        for dir in path.split(separator: ":") where !dir.isEmpty {
            let candidate = "\(dir)/\(name)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    /// Runs `git -C DIR args…`. Throws only when git cannot be started at all; a failing git command
    /// is an `Output` with its status and message, for the caller to explain.
    @discardableResult
    public func run(_ arguments: [String], extraEnvironment: [String: String] = [:], timeout: Double? = nil,
                    in workingDirectory: String? = nil) throws(SyncError) -> Output {
        guard let executable else { throw .gitMissing }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-C", workingDirectory ?? directory] + arguments
        var env = environment
        for (k, v) in extraEnvironment { env[k] = v }
        process.environment = env
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        // Waited for through the termination handler: waitUntilExit polls a run loop every 50 ms on
        // Linux, which made each of a sync's few dozen git commands cost 50 ms more than git takes.
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        do { try process.run() } catch { throw .gitMissing }
        // Both pipes drained at once (a large output must not block the child), stderr on another thread.
        let errData = PipeReader(err.fileHandleForReading)
        var timedOut = false
        var outData = Data()
        if let timeout {
            let done = DispatchSemaphore(value: 0)
            let box = PipeReader(out.fileHandleForReading, signal: done)
            if done.wait(timeout: .now() + timeout) == .timedOut {
                timedOut = true
                process.terminate()
                kill(process.processIdentifier, SIGKILL)
            }
            outData = box.result()
        } else {
            outData = out.fileHandleForReading.readDataToEndOfFile()
        }
        exited.wait()
        return Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData.result(), as: UTF8.self), bytes: [UInt8](outData), timedOut: timedOut)
    }

    /// Runs a command that must succeed; its failure becomes `SyncError.git` naming what was being done.
    @discardableResult
    public func must(_ arguments: [String], doing what: String, extraEnvironment: [String: String] = [:]) throws(SyncError) -> String {
        let out = try run(arguments, extraEnvironment: extraEnvironment)
        guard out.ok else { throw .git(doing: what, message: out.message) }
        return out.stdout
    }

    // MARK: - Questions about the repository

    /// The top of the working tree git sees from the data directory (nil: not a repository).
    public func topLevel() throws(SyncError) -> String? {
        let out = try run(["rev-parse", "--show-toplevel"])
        guard out.ok else { return nil }
        return GitRepository.absolute(out.stdout.trimmingCharacters(in: .newlines))
    }

    /// The repository's git directory, absolute.
    public func gitDirectory() throws(SyncError) -> String {
        let dir = try must(["rev-parse", "--absolute-git-dir"], doing: "finding the repository").trimmingCharacters(in: .newlines)
        return dir
    }

    /// The branch checked out, or nil on a detached HEAD.
    public func currentBranch() throws(SyncError) -> String? {
        let out = try run(["symbolic-ref", "-q", "--short", "HEAD"])
        return out.ok ? out.stdout.trimmingCharacters(in: .newlines) : nil
    }

    /// The commit a name points to (nil: no such commit, e.g. an unborn branch).
    public func commit(of name: String) throws(SyncError) -> String? {
        let out = try run(["rev-parse", "-q", "--verify", name + "^{commit}"])
        return out.ok ? out.stdout.trimmingCharacters(in: .newlines) : nil
    }

    public func config(_ key: String) throws(SyncError) -> String? {
        let out = try run(["config", "--get", key])
        return out.ok ? out.stdout.trimmingCharacters(in: .newlines) : nil
    }

    public func remoteURL(_ remote: String) throws(SyncError) -> String? {
        try config("remote.\(remote).url")
    }

    /// A file's bytes at a commit (nil: not there).
    public func show(_ path: String, at commit: String) throws(SyncError) -> [UInt8]? {
        let out = try run(["cat-file", "blob", "\(commit):\(path)"])
        return out.ok ? out.bytes : nil
    }

    /// `git status --porcelain`: each changed path with its two-letter state, untracked files included.
    public func status() throws(SyncError) -> [(state: String, path: String)] {
        let text = try must(["status", "--porcelain=v1", "-z", "--untracked-files=all"], doing: "reading what changed")
        var result: [(String, String)] = []
        var fields = text.split(separator: "\0", omittingEmptySubsequences: true).map(String.init)[...]
        while let entry = fields.popFirst() {
            guard entry.count > 3 else { continue }
            let state = String(entry.prefix(2))
            result.append((state, String(entry.dropFirst(3))))
            if state.first == "R" || state.first == "C" { _ = fields.popFirst() } // the rename's source
        }
        return result
    }

    /// Paths with a conflict git could not resolve.
    public func unmergedPaths() throws(SyncError) -> [String] {
        try must(["diff", "--name-only", "--diff-filter=U", "-z"], doing: "listing the files not merged")
            .split(separator: "\0").map(String.init)
    }

    /// True while a merge is in progress (MERGE_HEAD exists).
    public func mergeInProgress() throws(SyncError) -> Bool {
        try commit(of: "MERGE_HEAD") != nil
    }
}

/// Reads a pipe to its end on a thread of its own.
private final class PipeReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle, signal: DispatchSemaphore? = nil) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
            signal?.signal()
        }
    }

    func result() -> Data {
        done.wait()
        done.signal()
        return data
    }
}
