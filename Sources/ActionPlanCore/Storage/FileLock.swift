#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive `flock` on `.PLAN_ID.lock` beside a plan, held only for one read-modify-write.
/// Never the plan file itself: that is replaced by rename, which would orphan a lock held on it.
public struct FileLock {
    public static func withLock<T>(path: String, _ body: () throws -> T) throws -> T {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw SaveError(step: .lock, path: path, code: errno) }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            throw SaveError(step: .lock, path: path, code: errno)
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
