#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The previous versions of each plan file, kept in `.backups/PLAN_ID/` beside the plans: before a
/// save replaces a plan, the version it replaces is copied there, and only the newest `keep` are kept.
/// `actionplan restore` lists and restores them.
public struct Backups: Sendable {
    public let directory: String
    public var keep: Int

    /// How many versions to keep: `$ACTIONPLAN_BACKUPS` (0 turns backups off), else 10.
    public static func defaultKeep(_ env: [String: String] = ProcessInfo.processInfo.environment) -> Int {
        if let v = env["ACTIONPLAN_BACKUPS"], let n = Int(v), n >= 0 { return n }
        return 10
    }

    public init(dataDirectory: String, keep: Int = Backups.defaultKeep()) {
        self.directory = dataDirectory + "/.backups"
        self.keep = keep
    }

    public struct Version: Sendable, Equatable {
        /// 1 is the newest.
        public var number: Int
        public var path: String
        /// When it was replaced (from the file name), ISO 8601 UTC.
        public var replacedAt: String
        public var size: Int
    }

    func folder(for id: String) -> String { "\(directory)/\(id)" }

    /// Keeps `bytes` (the version about to be replaced) and returns the backup's path. Best effort by
    /// design: a backup that cannot be written must not stop the save itself, so it returns nil then.
    func keep(_ bytes: [UInt8], of id: String, now: Date = Date()) -> String? {
        guard keep > 0 else { return nil }
        let folder = folder(for: id)
        if mkdir(directory, 0o755) != 0 && errno != EEXIST { return nil }
        if mkdir(folder, 0o755) != 0 && errno != EEXIST { return nil }
        let stamp = Backups.stamp(now)
        var name = "\(stamp).json"
        var n = 1
        while access("\(folder)/\(name)", F_OK) == 0 { n += 1; name = "\(stamp)-\(n).json" }
        // Atomic, but without the fsyncs of a plan save: a lost backup after a power cut is acceptable,
        // a slower save for every change is not.
        do {
            try AtomicWriter(fault: nil, durable: false).write(bytes, to: "\(folder)/\(name)")
        } catch {
            return nil
        }
        prune(id)
        return "\(folder)/\(name)"
    }

    /// Takes back a backup made for a save that then failed: the file it copies is still current.
    func discard(_ path: String?, of id: String) {
        guard let path else { return }
        unlink(path)
        rmdir(folder(for: id))
        rmdir(directory)
    }

    /// Newest first.
    public func versions(of id: String) -> [Version] {
        let folder = folder(for: id)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        let files = names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted(by: >)
        return files.enumerated().map { index, name in
            let path = "\(folder)/\(name)"
            var info = stat()
            stat(path, &info)
            return Version(number: index + 1, path: path, replacedAt: Backups.readable(name), size: Int(info.st_size))
        }
    }

    /// Keeps the newest `keep` (names sort by time), by directory listing alone: this runs on every save.
    private func prune(_ id: String) {
        let folder = folder(for: id)
        guard let dir = opendir(folder) else { return }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name.hasSuffix(".json") && !name.hasPrefix(".") { names.append(name) }
        }
        closedir(dir)
        guard names.count > keep else { return }
        for old in names.sorted(by: >).dropFirst(keep) { unlink("\(folder)/\(old)") }
    }

    /// `20261124T140211.123Z`: sorts by time as text.
    static func stamp(_ date: Date) -> String {
        let iso = Timestamp.iso(date) // 2026-11-24T14:02:11Z
        let millis = Int((date.timeIntervalSince1970 * 1000).truncatingRemainder(dividingBy: 1000))
        let compact = String(iso.unicodeScalars.filter { $0 != "-" && $0 != ":" }.map(Character.init)).dropLast()
        let ms = String(millis)
        return "\(compact).\(String(repeating: "0", count: 3 - ms.count))\(ms)Z"
    }

    static func readable(_ name: String) -> String {
        // 20261124T140211.123Z(-2).json → 2026-11-24T14:02:11Z
        let s = Array(name)
        guard s.count >= 15 else { return name }
        return "\(String(s[0..<4]))-\(String(s[4..<6]))-\(String(s[6..<8]))T\(String(s[9..<11])):\(String(s[11..<13])):\(String(s[13..<15]))Z"
    }
}
