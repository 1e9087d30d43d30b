#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces a file so that a crash at any instant leaves either the old or the new file, complete.
///
/// Written over the C library rather than `Data.write(options: .atomic)`, which on Linux does not
/// fsync the directory, resets the file mode and replaces a symlink with a plain file. Steps: follow
/// a symlink to its target; create `.NAME.tmp.PID.RANDOM` beside it with O_CREAT|O_EXCL|O_CLOEXEC and
/// the original's mode (and group, where allowed); write everything (short writes, EINTR); fsync;
/// rename over the original; fsync the directory. Any failure removes the temporary file and throws,
/// and a failed fsync is a failed save.
public struct AtomicWriter: Sendable {
    public var fault: FaultPlan?
    /// False only for backups: skip the fsyncs (still atomic, not guaranteed to survive a power cut).
    public var durable: Bool

    public init(fault: FaultPlan? = FaultPlan.fromEnvironment(), durable: Bool = true) {
        self.fault = fault
        self.durable = durable
    }

    /// Prefix of temporary files; loaders skip dot files, and `StaleTemporaryFiles` removes leftovers.
    public static let temporaryMarker = ".tmp."

    public func write(_ bytes: [UInt8], to path: String) throws(SaveError) {
        let target = AtomicWriter.resolveSymlinks(path)
        let directory = AtomicWriter.directory(of: target)
        let name = AtomicWriter.fileName(of: target)
        let temp = "\(directory)/.\(name)\(AtomicWriter.temporaryMarker)\(getpid()).\(UInt32.random(in: 0...UInt32.max))"

        var existing = stat()
        let hasOriginal = stat(target, &existing) == 0
        let mode: mode_t = hasOriginal ? existing.st_mode & 0o7777 : 0o644

        try check(.open, temp)
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw SaveError(step: .open, path: target, code: errno) }
        var committed = false
        defer {
            if !committed { unlink(temp) }
        }
        // open() applies the umask; set the original's mode exactly (0600 stays 0600).
        _ = fchmod(fd, mode)
        if hasOriginal { _ = fchown(fd, uid_t.max, existing.st_gid) } // group only; fails harmlessly if not allowed

        do throws(SaveError) {
            try check(.write, target)
            try writeAll(fd, bytes, path: target)
            try check(.fsync, target)
            if durable && fsync(fd) != 0 { throw SaveError(step: .fsync, path: target, code: errno) }
        } catch {
            close(fd)
            throw error
        }
        if close(fd) != 0 { throw SaveError(step: .write, path: target, code: errno) }

        try check(.rename, target)
        if rename(temp, target) != 0 { throw SaveError(step: .rename, path: target, code: errno) }
        committed = true
        guard durable else { return }

        // The rename is durable only once the directory entry is on disk.
        try check(.fsyncDirectory, directory)
        let dfd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dfd >= 0 else { throw SaveError(step: .fsyncDirectory, path: directory, code: errno) }
        defer { close(dfd) }
        if fsync(dfd) != 0 { throw SaveError(step: .fsyncDirectory, path: directory, code: errno) }
    }

    private func check(_ step: SaveError.Step, _ path: String) throws(SaveError) {
        if let fault, fault.step == step { throw SaveError(step: step, path: path, code: fault.code) }
    }

    private func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(SaveError) {
        var failure: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if n == 0 { failure = EIO; return }
                offset += n
            }
        }
        if failure != 0 { throw SaveError(step: .write, path: path, code: failure) }
    }

    /// Follows symlinks (a plan file may be a link into a shared folder): we replace the real file.
    static func resolveSymlinks(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(current, &buffer, Int(PATH_MAX))
            guard n > 0 else { return current }
            let link = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = link.hasPrefix("/") ? link : directory(of: current) + "/" + link
        }
        return current
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let dir = String(path[..<slash])
        return dir.isEmpty ? "/" : dir
    }

    static func fileName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}
