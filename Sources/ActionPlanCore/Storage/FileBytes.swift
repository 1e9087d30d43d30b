#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file into memory with the C library: one fstat, one buffer, a size limit checked
/// before anything is read (a plan file of gigabytes is an error, not an out-of-memory crash).
///
/// Safe in a shared directory: the file is opened with O_NONBLOCK, so a FIFO named `x.json` cannot
/// hang the open, and anything that is not a regular file is refused (naming what it is) before a byte
/// is read. `links` says whether a symbolic link at the path may be followed. The import engineer's
/// `ImportInput` reads through here too: any file a user names gets the same treatment.
public enum FileBytes {
    public enum Failure: Error, Sendable {
        case system(Int32)
        case tooLarge(Int)
        /// What it is instead: "a FIFO (named pipe)", "a directory".
        case notRegularFile(String)
        /// A link the rule does not let us follow; the message names its owner.
        case refusedLink(String)

        /// Why, in words (the caller adds the file name; `tooLarge` needs the caller's limit wording).
        public var reason: String {
            switch self {
            case .system(let code): return "cannot read: \(String(cString: strerror(code)))"
            case .tooLarge(let size): return "file is \(size) bytes, too large"
            case .notRegularFile(let kind): return "not a regular file (it is \(kind)); nothing was read from it"
            case .refusedLink(let why): return why
            }
        }
    }

    /// Which symbolic links may be followed when opening.
    public enum Links: Sendable {
        /// The kernel decides (its protected_symlinks rule): a file the user named on the command line.
        case follow
        /// A plan file: a link is followed only when the link and the file it reaches belong to the user
        /// running the program or to root; otherwise refused, naming the owner.
        case ownedByUserOrRoot
        /// The program's own files (recovery, backups, locks): never through a link.
        case never
    }

    public static func read(_ path: String, limit: Int, links: Links = .follow) throws(Failure) -> [UInt8] {
        let fd = try open(path, links: links)
        defer { close(fd) }
        return try readAll(fd, limit: limit)
    }

    /// `name` in a directory already open (the program's own folders): never through a link.
    static func read(in directory: Int32, name: String, limit: Int) throws(Failure) -> [UInt8] {
        let fd = openat(directory, name, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ELOOP { throw .refusedLink("is a symbolic link; the program's own files are never opened through a link") }
            throw .system(errno)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .system(errno) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .notRegularFile(Posix.kind(info.st_mode)) }
        return try readAll(fd, limit: limit)
    }

    private static func readAll(_ fd: Int32, limit: Int) throws(Failure) -> [UInt8] {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .system(errno) }
        let size = Int(info.st_size)
        guard size <= limit else { throw .tooLarge(size) }
        var bytes = [UInt8](repeating: 0, count: size)
        var offset = 0
        var failure: Int32 = 0
        bytes.withUnsafeMutableBytes { buffer in
            while offset < size {
                let n = Posix.read(fd, buffer.baseAddress! + offset, size - offset)
                if n < 0 { if errno == EINTR { continue }; failure = errno; return }
                if n == 0 { break } // file shrank while we read: parse what is there
                offset += n
            }
        }
        if failure != 0 { throw .system(failure) }
        if offset < size { bytes.removeLast(size - offset) }
        return bytes
    }

    /// Opens a regular file for reading under the link rule, blocking mode restored; the caller closes it.
    static func open(_ path: String, links: Links) throws(Failure) -> Int32 {
        var linkInfo = stat()
        let isLink = lstat(path, &linkInfo) == 0 && (linkInfo.st_mode & S_IFMT) == S_IFLNK
        if isLink && links == .ownedByUserOrRoot && !Posix.isTrustedOwner(linkInfo.st_uid) {
            throw .refusedLink("is a symbolic link owned by \(Posix.userName(linkInfo.st_uid)); a plan that is a link is followed only when the link and its target belong to you or to root")
        }
        var flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC
        if links == .never { flags |= O_NOFOLLOW }
        let fd = Posix.openFile(path, flags)
        guard fd >= 0 else {
            let code = errno
            if code == ELOOP && links == .never { throw .refusedLink("is a symbolic link; the program's own files are never opened through a link") }
            throw .system(code)
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else { let code = errno; close(fd); throw .system(code) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { close(fd); throw .notRegularFile(Posix.kind(info.st_mode)) }
        if !isLink && links == .ownedByUserOrRoot {
            // The path was a plain file when looked at: it must still be the file opened, or a link was
            // swapped in between (the open may then have followed someone else's link).
            var after = stat()
            guard lstat(path, &after) == 0, after.st_dev == info.st_dev, after.st_ino == info.st_ino else {
                close(fd)
                throw .refusedLink("changed while it was being opened (replaced by a link?); try again")
            }
        }
        if isLink && links == .ownedByUserOrRoot && !Posix.isTrustedOwner(info.st_uid) {
            close(fd)
            throw .refusedLink("is a symbolic link to a file owned by \(Posix.userName(info.st_uid)); a plan that is a link is followed only when the link and its target belong to you or to root")
        }
        // Regular files never block; clear O_NONBLOCK anyway so reads behave as documented everywhere.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return fd
    }
}

/// A content fingerprint (64-bit, FNV-1a style) of a plan file as loaded: under the save lock, a different
/// fingerprint on disk means another process saved in between and its changes must be merged.
public struct Fingerprint: Sendable, Hashable {
    public let value: UInt64
    public let size: Int

    public init(_ bytes: [UInt8]) {
        // FNV-1a over 8-byte words (then the tail bytes): a content hash at memory speed.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let prime: UInt64 = 0x0000_0100_0000_01B3
        bytes.withUnsafeBytes { raw in
            let words = raw.count / 8
            for i in 0..<words {
                hash ^= raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)
                hash = (hash &* prime) ^ (hash >> 29)
            }
            for byte in raw[(words * 8)...] {
                hash ^= UInt64(byte)
                hash = hash &* prime
            }
        }
        value = hash
        size = bytes.count
    }
}
