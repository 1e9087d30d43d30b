#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The previous versions of each plan file, kept in `.backups/PLAN_ID/` beside the plans: before a
/// save replaces a plan, the version it replaces is copied there, and only the newest `keep` are kept.
/// `actionplan restore` lists and restores them.
///
/// Versions are ordered by a sequence number in the file name (the newest's plus one, taken under the
/// plan's lock), never by the clock: two saves in one millisecond cannot tie or swap. A version
/// identical to the newest one kept is not kept again. Folders are `OwnDirectory`s (0700, or 2770 in
/// a group-shared data directory) and each backup has the plan file's mode and group.
public struct Backups: Sendable {
    public let dataDirectory: String
    public let directory: String
    public var keep: Int

    /// How many versions to keep: `$ACTIONPLAN_BACKUPS` (0 turns backups off), else 10.
    public static func defaultKeep(_ env: [String: String] = ProcessInfo.processInfo.environment) -> Int {
        if let v = env["ACTIONPLAN_BACKUPS"], let n = Int(v), n >= 0 { return n }
        return 10
    }

    public init(dataDirectory: String, keep: Int = Backups.defaultKeep()) {
        self.dataDirectory = dataDirectory
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
        /// Pinned: the version before review N was opened (`review start`), kept whatever the limit.
        public var pinnedBeforeReview: Int?
    }

    func folder(for id: String) -> String { "\(directory)/\(id)" }

    /// Keeps `bytes` (the version about to be replaced) and returns the backup's path, or nil when none
    /// was needed (backups off, or the newest backup already holds these bytes). A backup that cannot
    /// be written (disk full) must not stop the save, so that is nil too; but something planted where
    /// the backup folder should be (a link, another user's directory) is thrown, so the save is refused
    /// with a message rather than silently made without its safety net.
    ///
    /// `pinnedBeforeReview`: the save opens review N, so `bytes` are the plan as it stood before the
    /// review; that version is pinned (its name says so) and never pruned, so a meeting's many saves
    /// cannot rotate out the pre-meeting plan. It is kept even with backups off, and even when the
    /// newest backup holds the same bytes (that one may be rotated out).
    func keep(_ bytes: [UInt8], of id: String, now: Date = Date(), pinnedBeforeReview review: Int? = nil) throws(SaveError) -> String? {
        guard keep > 0 || review != nil else { return nil }
        let folder = try OwnDirectory.open([".backups", id], in: dataDirectory, create: true)
        defer { close(folder.fd) }
        StaleTemporaryFiles.remove(in: folder.fd, of: nil)
        let existing = BackupName.newestFirst(DirectoryListing.names(inDirectory: folder.fd) ?? [])
        if review == nil, let newest = existing.first, (try? FileBytes.read(in: folder.fd, name: newest.fileName, limit: PlanFile.maxBytes)) == bytes {
            return nil
        }
        let name = BackupName(sequence: (existing.first?.sequence ?? 0) + 1, stamp: Backups.stamp(now), pinnedBeforeReview: review)
        let (mode, group) = OwnDirectory.fileMode(forPlan: "\(dataDirectory)/\(id).json")
        // Atomic, but without the fsyncs of a plan save: a lost backup after a power cut is acceptable,
        // a slower save for every change is not.
        do {
            try AtomicWriter(fault: nil, durable: false).writeOwnFile(bytes, in: folder.fd, directoryPath: folder.path,
                                                                     name: name.fileName, mode: mode, group: group)
        } catch {
            if error.step == .refused { throw error }
            return nil
        }
        prune(folder.fd, [name] + existing)
        return "\(folder.path)/\(name.fileName)"
    }

    /// Takes back a backup made for a save that then failed: the file it copies is still current.
    func discard(_ path: String?, of id: String) {
        guard let path, let folder = try? OwnDirectory.open([".backups", id], in: dataDirectory, create: false) else { return }
        unlinkat(folder.fd, Posix.fileName(of: path), 0)
        close(folder.fd)
        rmdir(self.folder(for: id))
        rmdir(directory)
    }

    /// Newest first. Anything in the folder named like a backup is listed, readable or not (a FIFO
    /// planted there shows up in `restore --list` as unreadable, named, rather than hanging it).
    public func versions(of id: String) -> [Version] {
        guard let folder = try? OwnDirectory.open([".backups", id], in: dataDirectory, create: false) else { return [] }
        defer { close(folder.fd) }
        let names = BackupName.newestFirst(DirectoryListing.names(inDirectory: folder.fd) ?? [])
        return names.enumerated().map { index, name in
            var info = stat()
            let size = fstatat(folder.fd, name.fileName, &info, AT_SYMLINK_NOFOLLOW) == 0 ? Int(info.st_size) : 0
            return Version(number: index + 1, path: "\(folder.path)/\(name.fileName)", replacedAt: name.replacedAt, size: size,
                           pinnedBeforeReview: name.pinnedBeforeReview)
        }
    }

    /// Keeps the newest `keep` of the unpinned versions, and every pinned one, by directory listing
    /// alone: this runs on every save.
    private func prune(_ folder: Int32, _ newestFirst: [BackupName]) {
        for old in newestFirst.filter({ $0.pinnedBeforeReview == nil }).dropFirst(keep) { unlinkat(folder, old.fileName, 0) }
    }

    /// `20261124T140211.123Z`: the time a version was replaced, for people (the order is the sequence).
    static func stamp(_ date: Date) -> String {
        let iso = Timestamp.iso(date) // 2026-11-24T14:02:11Z
        let millis = Int((date.timeIntervalSince1970 * 1000).truncatingRemainder(dividingBy: 1000))
        let compact = String(iso.unicodeScalars.filter { $0 != "-" && $0 != ":" }.map(Character.init)).dropLast()
        let ms = String(millis)
        return "\(compact).\(String(repeating: "0", count: 3 - ms.count))\(ms)Z"
    }
}

/// A backup's file name: `0000000012-20261124T140211.123Z.json` (sequence, then the time it was
/// replaced). Names of older versions of the program (`20261124T140211.123Z-2.json`, no sequence) read
/// as sequence 0, older than every numbered one, ordered by their time among themselves.
///
/// A pinned version (the plan before review N was opened, never pruned) ends `-review<N>.json`:
/// `0000000013-20261124T140211.123Z-review2.json`; `Backups.prune` skips it and `versions` lists it in
/// the same sequence order.
struct BackupName: Equatable {
    var sequence: Int
    var stamp: String
    var pinnedBeforeReview: Int?
    /// The name as found on disk (legacy names are kept as they are).
    var fileName: String

    init(sequence: Int, stamp: String, pinnedBeforeReview: Int? = nil) {
        self.sequence = sequence
        self.stamp = stamp
        self.pinnedBeforeReview = pinnedBeforeReview
        self.fileName = String(repeating: "0", count: max(0, 10 - String(sequence).count)) + "\(sequence)-\(stamp)"
            + (pinnedBeforeReview.map { "-review\($0)" } ?? "") + ".json"
    }

    init?(fileName: String) {
        guard fileName.hasSuffix(".json"), !fileName.hasPrefix(".") else { return nil }
        self.fileName = fileName
        var base = fileName.dropLast(5)
        if let r = base.range(of: "-review", options: .backwards), let n = Int(base[r.upperBound...]), n > 0 {
            pinnedBeforeReview = n
            base = base[..<r.lowerBound]
        }
        if let dash = base.firstIndex(of: "-"), let n = Int(base[..<dash]), base[..<dash].count == 10 {
            sequence = n
            stamp = String(base[base.index(after: dash)...])
        } else {
            sequence = 0
            stamp = String(base)
        }
    }

    static func newestFirst(_ names: [String]) -> [BackupName] {
        names.compactMap(BackupName.init(fileName:)).sorted {
            $0.sequence != $1.sequence ? $0.sequence > $1.sequence : $0.fileName > $1.fileName
        }
    }

    /// 20261124T140211.123Z → 2026-11-24T14:02:11Z
    var replacedAt: String {
        let s = Array(stamp)
        guard s.count >= 15 else { return stamp }
        return "\(String(s[0..<4]))-\(String(s[4..<6]))-\(String(s[6..<8]))T\(String(s[9..<11])):\(String(s[11..<13])):\(String(s[13..<15]))Z"
    }
}
