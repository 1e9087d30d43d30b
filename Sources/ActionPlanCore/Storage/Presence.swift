#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Who else has a plan open: each UI session that opens a plan leaves a marker
/// `.presence/PLAN_ID/USER@HOST.PID` in the data directory, and removes it when it closes the plan.
/// Markers of processes that no longer exist on this host are ignored and removed; a marker from
/// another host (a shared data directory) is trusted for 12 hours since it was last touched.
public struct Presence: Sendable {
    public struct Viewer: Sendable, Equatable, CustomStringConvertible {
        public var user: String
        public var host: String
        public var pid: Int32
        public var description: String { "\(user)@\(host)" }
    }

    public let directory: String
    public let user: String
    public let host: String
    public let pid: Int32

    public init(dataDirectory: String, user: String = Identity.current(), host: String = Presence.hostName(), pid: Int32 = getpid()) {
        self.directory = dataDirectory + "/.presence"
        self.user = Presence.safe(user)
        self.host = Presence.safe(host)
        self.pid = pid
    }

    public static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private func folder(_ planID: String) -> String { "\(directory)/\(planID)" }
    private var markerName: String { "\(user)@\(host).\(pid)" }
    private var dataDirectory: String { String(directory.dropLast("/.presence".count)) }

    /// Marks this session as having the plan open (best effort: presence is a courtesy, not a lock, so
    /// nothing fails because of it). The marker is created with O_CREAT|O_EXCL|O_NOFOLLOW in an
    /// `OwnDirectory`, with the plan file's mode and group: a link or file planted under its name is
    /// never opened, let alone truncated. Returns why no marker was left, or nil.
    @discardableResult
    public func enter(_ planID: String) -> String? {
        guard PlanID.problem(with: planID) == nil else { return "invalid plan id" }
        let folder: OwnDirectory
        do throws(SaveError) {
            folder = try OwnDirectory.open([".presence", planID], in: dataDirectory, create: true)
        } catch {
            return error.description
        }
        defer { close(folder.fd) }
        let (mode, group) = OwnDirectory.fileMode(forPlan: "\(dataDirectory)/\(planID).json")
        var fd = openat(folder.fd, markerName, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        if fd < 0 && errno == EEXIST {
            // Ours from a process that had this PID before, or planted: replace only a regular file.
            var info = stat()
            guard fstatat(folder.fd, markerName, &info, AT_SYMLINK_NOFOLLOW) == 0, info.st_mode & S_IFMT == S_IFREG else {
                return "refused to write \(folder.path)/\(markerName): something other than a presence marker is there"
            }
            unlinkat(folder.fd, markerName, 0)
            fd = openat(folder.fd, markerName, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        }
        guard fd >= 0 else { return "could not create \(folder.path)/\(markerName): \(String(cString: strerror(errno)))" }
        _ = fchmod(fd, mode)
        if let group { _ = fchown(fd, uid_t.max, group) }
        close(fd)
        return nil
    }

    public func leave(_ planID: String) {
        guard PlanID.problem(with: planID) == nil,
              let folder = try? OwnDirectory.open([".presence", planID], in: dataDirectory, create: false) else { return }
        unlinkat(folder.fd, markerName, 0)
        close(folder.fd)
        rmdir(self.folder(planID))
    }

    /// The other sessions that have the plan open now (not this one). Stale markers are removed.
    public func others(_ planID: String, now: Date = Date()) -> [Viewer] {
        guard PlanID.problem(with: planID) == nil,
              let folder = try? OwnDirectory.open([".presence", planID], in: dataDirectory, create: false) else { return [] }
        defer { close(folder.fd) }
        guard let names = DirectoryListing.names(inDirectory: folder.fd) else { return [] }
        var viewers: [Viewer] = []
        for name in names.sorted() where name != markerName {
            guard let at = name.lastIndex(of: "@"), let dot = name.lastIndex(of: "."), at < dot,
                  let markerPID = Int32(name[name.index(after: dot)...]) else { continue }
            let viewer = Viewer(user: String(name[..<at]), host: String(name[name.index(after: at)..<dot]), pid: markerPID)
            if viewer.host == host {
                if kill(markerPID, 0) != 0 && errno == ESRCH { unlinkat(folder.fd, name, 0); continue }
            } else {
                var info = stat()
                if fstatat(folder.fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0,
                   now.timeIntervalSince1970 - Double(info.st_mtim.tv_sec) > 12 * 3600 { continue }
            }
            viewers.append(viewer)
        }
        return viewers
    }

    /// Names from the environment become file names: keep them to a safe alphabet.
    static func safe(_ s: String) -> String {
        let cleaned = String(s.unicodeScalars.map { c -> Character in
            switch c {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_": return Character(c)
            default: return "_"
            }
        })
        return cleaned.isEmpty ? "unknown" : String(cleaned.prefix(64))
    }
}
