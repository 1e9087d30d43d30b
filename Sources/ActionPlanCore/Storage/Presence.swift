#if canImport(Glibc)
import Glibc
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

    /// Marks this session as having the plan open (best effort: presence is a courtesy, not a lock).
    public func enter(_ planID: String) {
        guard PlanID.problem(with: planID) == nil else { return }
        mkdir(directory, 0o777)
        mkdir(folder(planID), 0o777)
        let path = "\(folder(planID))/\(markerName)"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd >= 0 { close(fd) }
    }

    public func leave(_ planID: String) {
        unlink("\(folder(planID))/\(markerName)")
        rmdir(folder(planID))
    }

    /// The other sessions that have the plan open now (not this one). Stale markers are removed.
    public func others(_ planID: String, now: Date = Date()) -> [Viewer] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder(planID)) else { return [] }
        var viewers: [Viewer] = []
        for name in names.sorted() where name != markerName {
            guard let at = name.lastIndex(of: "@"), let dot = name.lastIndex(of: "."), at < dot,
                  let markerPID = Int32(name[name.index(after: dot)...]) else { continue }
            let viewer = Viewer(user: String(name[..<at]), host: String(name[name.index(after: at)..<dot]), pid: markerPID)
            let path = "\(folder(planID))/\(name)"
            if viewer.host == host {
                if kill(markerPID, 0) != 0 && errno == ESRCH { unlink(path); continue }
            } else {
                var info = stat()
                if stat(path, &info) == 0, now.timeIntervalSince1970 - Double(info.st_mtim.tv_sec) > 12 * 3600 { continue }
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
