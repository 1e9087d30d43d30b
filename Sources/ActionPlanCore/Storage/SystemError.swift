#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed save, said plainly and truthfully: "could not flush to disk data/x.json: Input/output error;
/// the previous version is unchanged". What follows the semicolon depends on how far the save got: a
/// failed directory fsync comes after the rename, when the new version is already in place.
public struct SaveError: Error, Sendable, CustomStringConvertible {
    public enum Step: String, Sendable, CaseIterable {
        case open, write, fsync, rename, fsyncDirectory = "fsync-dir", lock, read
        /// Not a system call failing: something other than what the program makes was found there
        /// (a planted link, a FIFO, a file or directory of someone else's) and nothing was written.
        case refused
    }
    public let step: Step
    public let path: String
    public let code: Int32
    /// Replaces the system's reason when the program knows better ("is a symbolic link owned by nobody").
    public let detail: String?

    public init(step: Step, path: String, code: Int32) {
        self.init(step: step, path: path, code: code, detail: nil)
    }

    init(step: Step, path: String, code: Int32, detail: String?) {
        self.step = step
        self.path = path
        self.code = code
        self.detail = detail
    }

    /// Something else is at `path`: refused, nothing written.
    init(refusing path: String, _ why: String) {
        self.init(step: .refused, path: path, code: EPERM, detail: why)
    }

    /// The plan's lock is held by someone else and did not come free in time.
    static func busy(planID: String, lockPath: String, holder: String?) -> SaveError {
        let who = holder.map { "by \($0)" } ?? "by another process"
        return SaveError(step: .lock, path: lockPath, code: EWOULDBLOCK, detail: "\(planID) is being saved \(who) — try again")
    }

    /// True when the plan file on disk is exactly as it was before the save started.
    public var previousVersionUnchanged: Bool { step != .fsyncDirectory }

    public var reason: String { detail ?? String(cString: strerror(code)) }

    public var description: String {
        let consequence = previousVersionUnchanged
            ? "the previous version is unchanged"
            : "the new version is in place, but may not survive a power cut until the directory is flushed (save again to retry)"
        if step == .refused { return "refused to write \(path): \(reason); nothing was written" }
        if step == .lock, code == EWOULDBLOCK, let detail { return "\(detail); nothing was saved, \(consequence)" }
        let action: String
        switch step {
        case .open: action = "could not create a temporary file beside"
        case .write: action = "could not write"
        case .fsync: action = "could not flush to disk"
        case .rename: action = "could not replace"
        case .fsyncDirectory: action = "could not flush the directory of"
        case .lock: action = "could not lock"
        case .read: action = "could not read"
        case .refused: action = "refused"
        }
        var hint = ""
        switch code {
        case ENOSPC: hint = " (the disk is full; free some space and retry)"
        case EROFS: hint = " (the file system is read-only)"
        case EACCES, EPERM: hint = " (you do not have permission to write there)"
        case EDQUOT: hint = " (disk quota exceeded)"
        default: break
        }
        return "\(action) \(path): \(reason)\(hint); \(consequence)"
    }
}
