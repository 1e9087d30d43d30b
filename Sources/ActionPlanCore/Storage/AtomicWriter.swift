#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces a file so that a crash at any instant leaves either the old or the new file, complete.
///
/// Written over the C library rather than `Data.write(options: .atomic)`, which on Linux does not
/// fsync the directory, resets the file mode and replaces a symlink with a plain file. Steps: decide
/// what may be replaced (`Kind`); create `.NAME.tmp.PID.RANDOM` in the same directory with
/// O_CREAT|O_EXCL|O_NOFOLLOW|O_CLOEXEC and the right mode and group; write everything (short writes,
/// EINTR); fsync; rename over the name; fsync the directory. Every step after the first works on a
/// descriptor of the directory, so a link planted meanwhile changes nothing. Any failure removes the
/// temporary file and throws, and a failed fsync is a failed save.
///
/// Symbolic links are never resolved here with readlink: a plan reached through a link is opened by
/// the kernel (which applies protected_symlinks), and the file it opened is the one replaced.
public struct AtomicWriter: Sendable {
    public var fault: FaultPlan?
    /// False only for backups: skip the fsyncs (still atomic, not guaranteed to survive a power cut).
    public var durable: Bool

    public init(fault: FaultPlan? = FaultPlan.fromEnvironment(), durable: Bool = true) {
        self.fault = fault
        self.durable = durable
    }

    /// What may be at the path, and what becomes of it.
    public enum Kind: Sendable {
        /// A plan file: a regular file is replaced keeping its mode and group; a symbolic link is followed
        /// (the file it leads to is replaced, the link stays) only when the link and that file belong to
        /// the user or root (`FileBytes.Links.ownedByUserOrRoot`).
        case plan
        /// A file a user asked for (`report -o`, `export -o`): a new name, or a regular file of the user's.
        /// An existing symbolic link or someone else's file is refused unless `force`, and then the name
        /// itself is replaced (the link's target is never written).
        case output(force: Bool)
    }

    /// Prefix of temporary files; loaders skip dot files, and `StaleTemporaryFiles` removes leftovers.
    public static let temporaryMarker = ".tmp."

    public func write(_ bytes: [UInt8], to path: String, as kind: Kind = .plan) throws(SaveError) {
        if case .output(let force) = kind {
            let dir = try openDirectory(Posix.directory(of: path), for: path)
            defer { close(dir.fd) }
            try writeOutput(bytes, in: dir.fd, directoryPath: dir.path, name: Posix.fileName(of: path), force: force)
            return
        }
        var info = stat()
        guard lstat(path, &info) == 0 else {
            let code = errno
            guard code == ENOENT else { throw SaveError(step: .open, path: path, code: code) }
            let dir = try openDirectory(Posix.directory(of: path), for: path)
            defer { close(dir.fd) }
            try replace(bytes, in: dir.fd, directoryPath: dir.path, name: Posix.fileName(of: path),
                        displayPath: path, mode: nil, group: nil)
            return
        }
        let type = info.st_mode & S_IFMT
        if type == S_IFLNK { return try writeThroughLink(bytes, path: path) }
        guard type == S_IFREG else { throw SaveError(refusing: path, "it is \(Posix.kind(info.st_mode)), not a regular file") }
        let dir = try openDirectory(Posix.directory(of: path), for: path)
        defer { close(dir.fd) }
        try replace(bytes, in: dir.fd, directoryPath: dir.path, name: Posix.fileName(of: path), displayPath: path,
                    mode: info.st_mode & 0o7777, group: info.st_gid)
    }

    /// A file a user asked for, `name` in the open directory `dir` (see `Kind.output`). The folder is
    /// first cleaned of this file's own leftover temporaries only: nothing else of the user's is touched.
    func writeOutput(_ bytes: [UInt8], in dir: Int32, directoryPath: String, name: String, force: Bool) throws(SaveError) {
        let path = directoryPath == "." ? name : "\(directoryPath)/\(name)"
        StaleTemporaryFiles.remove(in: dir, of: name)
        var info = stat()
        guard fstatat(dir, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
            guard errno == ENOENT else { throw SaveError(step: .open, path: path, code: errno) }
            return try replace(bytes, in: dir, directoryPath: directoryPath, name: name, displayPath: path, mode: nil, group: nil)
        }
        let type = info.st_mode & S_IFMT
        if type == S_IFLNK || (type == S_IFREG && !Posix.isTrustedOwner(info.st_uid)) {
            if !force {
                let what = type == S_IFLNK ? "is a symbolic link (owned by \(Posix.userName(info.st_uid)))"
                                           : "is a file owned by \(Posix.userName(info.st_uid))"
                throw SaveError(refusing: path, "\(what); give --force to replace it (a link is replaced, never followed)")
            }
        } else if type != S_IFREG {
            throw SaveError(refusing: path, "it is \(Posix.kind(info.st_mode)), not a regular file")
        }
        let keepMode = type == S_IFREG
        try replace(bytes, in: dir, directoryPath: directoryPath, name: name, displayPath: path,
                    mode: keepMode ? info.st_mode & 0o7777 : nil, group: keepMode ? info.st_gid : nil)
    }

    /// A plan that is a link: the kernel opens it, the link rule is checked on what it opened, and that
    /// file (found again by device and inode in its directory) is replaced.
    private func writeThroughLink(_ bytes: [UInt8], path: String) throws(SaveError) {
        let fd: Int32
        do throws(FileBytes.Failure) {
            fd = try FileBytes.open(path, links: .ownedByUserOrRoot)
        } catch {
            switch error {
            case .system(let code): throw SaveError(step: .open, path: path, code: code)
            default: throw SaveError(refusing: path, error.reason)
            }
        }
        defer { close(fd) }
        var opened = stat()
        guard fstat(fd, &opened) == 0, let real = Posix.openedPath(fd) else { throw SaveError(step: .open, path: path, code: errno) }
        let dir = try openDirectory(Posix.directory(of: real), for: path)
        defer { close(dir.fd) }
        let name = Posix.fileName(of: real)
        var there = stat()
        guard fstatat(dir.fd, name, &there, AT_SYMLINK_NOFOLLOW) == 0,
              there.st_dev == opened.st_dev, there.st_ino == opened.st_ino else {
            throw SaveError(refusing: path, "the file the link leads to changed while it was being saved; try again")
        }
        try replace(bytes, in: dir.fd, directoryPath: dir.path, name: name, displayPath: path,
                    mode: opened.st_mode & 0o7777, group: opened.st_gid)
    }

    private func openDirectory(_ directory: String, for path: String) throws(SaveError) -> (fd: Int32, path: String) {
        let fd = Posix.openFile(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw SaveError(step: .open, path: path, code: errno) }
        return (fd, directory)
    }

    /// Writes a file the program keeps for itself (`name` in a directory of its own, already open as
    /// `directory`): never through a link, never over anything but a regular file, with `mode` and `group`.
    func writeOwnFile(_ bytes: [UInt8], in directory: Int32, directoryPath: String, name: String,
                      mode: mode_t, group: gid_t?) throws(SaveError) {
        let path = "\(directoryPath)/\(name)"
        var info = stat()
        if fstatat(directory, name, &info, AT_SYMLINK_NOFOLLOW) == 0, info.st_mode & S_IFMT != S_IFREG {
            throw SaveError(refusing: path, "it is \(Posix.kind(info.st_mode)) owned by \(Posix.userName(info.st_uid)), not a file of this program's; remove it")
        }
        try replace(bytes, in: directory, directoryPath: directoryPath, name: name, displayPath: path, mode: mode, group: group)
    }

    /// The atomic replacement itself. `mode` nil: a new file, created 0666 less the umask.
    private func replace(_ bytes: [UInt8], in dir: Int32, directoryPath: String, name: String, displayPath: String,
                         mode: mode_t?, group: gid_t?) throws(SaveError) {
        let temp = ".\(name)\(AtomicWriter.temporaryMarker)\(getpid()).\(UInt32.random(in: 0...UInt32.max))"

        try check(.open, displayPath)
        let fd = openat(dir, temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode ?? 0o666)
        guard fd >= 0 else { throw SaveError(step: .open, path: displayPath, code: errno) }
        var committed = false
        defer {
            if !committed { unlinkat(dir, temp, 0) }
        }
        // open() applies the umask; a replaced file keeps its mode exactly (0600 stays 0600).
        if let mode { _ = fchmod(fd, mode) }
        if let group { _ = fchown(fd, uid_t.max, group) } // group only; fails harmlessly if not allowed

        do throws(SaveError) {
            try check(.write, displayPath)
            try writeAll(fd, bytes, path: displayPath)
            try check(.fsync, displayPath)
            if durable && fsync(fd) != 0 { throw SaveError(step: .fsync, path: displayPath, code: errno) }
        } catch {
            close(fd)
            throw error
        }
        if close(fd) != 0 { throw SaveError(step: .write, path: displayPath, code: errno) }

        try check(.rename, displayPath)
        if renameat(dir, temp, dir, name) != 0 { throw SaveError(step: .rename, path: displayPath, code: errno) }
        committed = true
        guard durable else { return }

        // The rename is durable only once the directory entry is on disk.
        try check(.fsyncDirectory, directoryPath)
        if fsync(dir) != 0 { throw SaveError(step: .fsyncDirectory, path: directoryPath, code: errno) }
    }

    private func check(_ step: SaveError.Step, _ path: String) throws(SaveError) {
        if let fault, fault.step == step { throw SaveError(step: step, path: path, code: fault.code) }
    }

    private func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(SaveError) {
        var failure: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Posix.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
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

    static func directory(of path: String) -> String { Posix.directory(of: path) }
    static func fileName(of path: String) -> String { Posix.fileName(of: path) }
}
