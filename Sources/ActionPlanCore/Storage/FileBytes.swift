#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file into memory with the C library: one fstat, one buffer, a size limit checked
/// before anything is read (a plan file of gigabytes is an error, not an out-of-memory crash).
enum FileBytes {
    enum Failure: Error {
        case system(Int32)
        case tooLarge(Int)
        case notRegularFile
    }

    static func read(_ path: String, limit: Int) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .system(errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .system(errno) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .notRegularFile }
        let size = Int(info.st_size)
        guard size <= limit else { throw .tooLarge(size) }
        var bytes = [UInt8](repeating: 0, count: size)
        var offset = 0
        var failure: Int32 = 0
        bytes.withUnsafeMutableBytes { buffer in
            while offset < size {
                let n = Glibc.read(fd, buffer.baseAddress! + offset, size - offset)
                if n < 0 { if errno == EINTR { continue }; failure = errno; return }
                if n == 0 { break } // file shrank while we read: parse what is there
                offset += n
            }
        }
        if failure != 0 { throw .system(failure) }
        if offset < size { bytes.removeLast(size - offset) }
        return bytes
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
