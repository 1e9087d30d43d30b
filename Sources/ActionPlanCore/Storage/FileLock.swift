#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// An exclusive `flock` on `.PLAN_ID.lock` beside a plan, held only for one read-modify-write.
/// Never the plan file itself: that is replaced by rename, which would orphan a lock held on it.
///
/// The lock is waited for at most `timeout` seconds, polling with a growing, jittered back-off (as
/// git's `lock_file_timeout` does), because saves run inside the UI loop: a lock held elsewhere must
/// end in a message ("sample is being saved by PID 4242 (jo) — try again"), not a frozen screen. The
/// holder writes its PID and user into the lock file for that message only; the text is never trusted
/// for anything else (it is shown cleaned, and a lock file anyone can write changes nothing but it).
/// The lock file is opened with O_NOFOLLOW|O_NONBLOCK and must be a regular file.
public struct FileLock {
    /// `$ACTIONPLAN_LOCK_TIMEOUT` seconds (tests shorten it), else 3 s.
    public static func defaultTimeout(_ env: [String: String] = ProcessInfo.processInfo.environment) -> Double {
        if let v = env["ACTIONPLAN_LOCK_TIMEOUT"], let s = Double(v), s >= 0 { return s }
        return 3
    }

    /// Runs `body` holding the lock. A lock that cannot be had is thrown as `wrap(SaveError)`, so the
    /// caller's own error type passes through untouched (no catch has to invent an errno).
    public static func withLock<T, E: Error>(path: String, planID: String, timeout: Double = FileLock.defaultTimeout(),
                                             wrap: (SaveError) -> E, _ body: () throws(E) -> T) throws(E) -> T {
        let fd: Int32
        do throws(SaveError) { fd = try acquire(path: path, planID: planID, timeout: timeout) } catch { throw wrap(error) }
        defer {
            _ = ftruncate(fd, 0)
            flock(fd, LOCK_UN)
            close(fd)
        }
        return try body()
    }

    static func acquire(path: String, planID: String, timeout: Double) throws(SaveError) -> Int32 {
        var fd = Posix.openFile(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o666)
        var writable = true
        var code = errno
        if fd < 0 && (code == EACCES || code == EPERM) {
            // Another user's lock file in a shared directory: a read-only descriptor locks as well.
            fd = Posix.openFile(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            if fd < 0 && errno != ENOENT { code = errno }
            writable = false
        }
        guard fd >= 0 else {
            if code == ELOOP { throw SaveError(refusing: path, "the lock file is a symbolic link; remove it") }
            throw SaveError(step: .lock, path: path, code: code)
        }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw SaveError(refusing: path, "the lock file is \(Posix.kind(info.st_mode)), not a regular file; remove it")
        }
        let deadline = Date().addingTimeInterval(timeout)
        var multiplier = 1, step = 0
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            if code == EINTR { continue }
            guard code == EWOULDBLOCK || code == EAGAIN else { close(fd); throw SaveError(step: .lock, path: path, code: code) }
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else {
                let holder = holder(fd)
                close(fd)
                throw SaveError.busy(planID: planID, lockPath: path, holder: holder)
            }
            // 1 ms, 4 ms, 9 ms, … (±25%), at most 100 ms, never past the deadline.
            let wait = min(Double(multiplier) * Double.random(in: 0.75...1.25) / 1000, 0.1, left)
            usleep(useconds_t(wait * 1_000_000))
            step += 1
            multiplier = min(multiplier + 2 * step + 1, 100)
        }
        if writable {
            let note = Array("\(getpid()) \(Identity.current())\n".utf8)
            _ = ftruncate(fd, 0)
            _ = note.withUnsafeBytes { pwrite(fd, $0.baseAddress!, $0.count, 0) }
        }
        return fd
    }

    /// "PID 4242 (jo)" from the lock file, or nil: at most 200 bytes, the PID digits only, the user cleaned.
    static func holder(_ fd: Int32) -> String? {
        var buffer = [UInt8](repeating: 0, count: 200)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, $0.count, 0) }
        guard n > 0 else { return nil }
        let text = String(decoding: buffer[0..<n], as: UTF8.self)
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard let first = parts.first, let pid = Int32(first), pid > 0 else { return nil }
        let user = parts.count > 1 ? Presence.safe(String(parts[1])) : "unknown user"
        return "PID \(pid) (\(user))"
    }
}
