#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed system call, said plainly: "could not fsync data/x.json.tmp: No space left on device".
public struct SaveError: Error, Sendable, CustomStringConvertible {
    public enum Step: String, Sendable, CaseIterable {
        case open, write, fsync, rename, fsyncDirectory = "fsync-dir", lock, read
    }
    public let step: Step
    public let path: String
    public let code: Int32

    public init(step: Step, path: String, code: Int32) {
        self.step = step
        self.path = path
        self.code = code
    }

    public var reason: String { String(cString: strerror(code)) }

    public var description: String {
        let action: String
        switch step {
        case .open: action = "could not create a temporary file beside"
        case .write: action = "could not write"
        case .fsync: action = "could not flush to disk"
        case .rename: action = "could not replace"
        case .fsyncDirectory: action = "could not flush the directory of"
        case .lock: action = "could not lock"
        case .read: action = "could not read"
        }
        var hint = ""
        switch code {
        case ENOSPC: hint = " (the disk is full; free some space and retry)"
        case EROFS: hint = " (the file system is read-only)"
        case EACCES, EPERM: hint = " (you do not have permission to write there)"
        case EDQUOT: hint = " (disk quota exceeded)"
        default: break
        }
        return "\(action) \(path): \(reason)\(hint); the previous version is unchanged"
    }
}
