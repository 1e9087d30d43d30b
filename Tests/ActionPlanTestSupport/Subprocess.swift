import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs another program to its end for a test: the actionplan binary, git, tmux, bash, python3.
///
/// Every test that starts a program goes through here, because `Process.waitUntilExit` on Linux
/// spins a run loop in 50 ms steps: a program that takes 20 ms cost 70 ms, and the suite's few
/// hundred spawns spent about 20 s of its 76 s asleep (measured: 73 ms per `actionplan --help`
/// through waitUntilExit, 23 ms through the termination handler). This waits on the handler, as
/// `GitRepository.run` in the core does, and drains stderr on another thread so a chatty child
/// can never fill one pipe while we block on the other.
public enum Subprocess {
    public struct Result {
        /// The exit status; nil when the program outlived its deadline and was killed.
        public var exitStatus: Int32?
        public var stdout: Data
        public var stderr: Data

        /// The exit status, or -1 for a program killed at its deadline.
        public var status: Int32 { exitStatus ?? -1 }
        public var out: String { String(decoding: stdout, as: UTF8.self) }
        public var err: String { String(decoding: stderr, as: UTF8.self) }
    }

    /// Where the program's standard error goes.
    public enum ErrorStream { case own, intoStdout, discarded }

    /// - Parameters:
    ///   - environment: the whole environment (nil: the test process's own).
    ///   - deadline: seconds after which the program is killed (the result's `exitStatus` is nil).
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                           directory: String? = nil, stderr errorStream: ErrorStream = .own,
                           deadline: Double? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        switch errorStream {
        case .own: process.standardError = err
        case .intoStdout: process.standardError = out
        case .discarded: process.standardError = FileHandle.nullDevice
        }
        process.standardInput = FileHandle.nullDevice
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()

        let errorBytes = Drained()
        let drainedErrors = DispatchSemaphore(value: 0)
        if errorStream == .own {
            Thread.detachNewThread {
                errorBytes.data = err.fileHandleForReading.readDataToEndOfFile()
                drainedErrors.signal()
            }
        } else {
            drainedErrors.signal()
        }
        let outputBytes = Drained()
        let drainedOutput = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            outputBytes.data = out.fileHandleForReading.readDataToEndOfFile()
            drainedOutput.signal()
        }

        var killed = false
        if let deadline {
            if exited.wait(timeout: .now() + deadline) == .timedOut {
                killed = true
                kill(process.processIdentifier, SIGKILL)
                exited.wait()
            }
        } else {
            exited.wait()
        }
        // A grandchild holding the pipe open (a daemon the program started) would keep these
        // reads going; the program itself has exited, so give them a bounded time.
        _ = drainedOutput.wait(timeout: .now() + 10)
        _ = drainedErrors.wait(timeout: .now() + 10)
        return Result(exitStatus: killed ? nil : process.terminationStatus,
                      stdout: outputBytes.data, stderr: errorBytes.data)
    }

    /// The path of a program on PATH (or in /usr/bin, /bin, /usr/local/bin), nil when it is not
    /// installed. (The core's `GitRepository.find` does the same for the program; the test targets
    /// do not import the core here, so this is the one copy the tests use.)
    public static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let dirs = path.split(separator: ":").map(String.init) + ["/usr/bin", "/bin", "/usr/local/bin"]
        for dir in dirs where !dir.isEmpty {
            let candidate = "\(dir)/\(name)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }
}

/// Bytes read on another thread, handed over after its semaphore is signalled.
private final class Drained: @unchecked Sendable {
    var data = Data()
}
