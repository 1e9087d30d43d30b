#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Temporary files (`.NAME.tmp.PID.RANDOM`) left by saves of processes that no longer exist on this
/// host (a kill -9 mid-save): in the data directory, in a plan's backup folder, beside a `report -o`
/// file. Only regular files are removed, and only when their PID is gone; unlinking never follows a link.
enum StaleTemporaryFiles {
    /// Every stale temporary file in the directory at `path`; returns the names removed.
    static func remove(inDirectoryAt path: String) -> [String] {
        let fd = Posix.openFile(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return [] }
        defer { close(fd) }
        return remove(in: fd, of: nil)
    }

    /// In an open directory; with `name`, only the temporaries of that file (beside a report in a
    /// folder of the user's, nothing else of theirs is touched).
    @discardableResult
    static func remove(in dir: Int32, of name: String?) -> [String] {
        guard let names = DirectoryListing.names(inDirectory: dir) else { return [] }
        let prefix = name.map { ".\($0)\(AtomicWriter.temporaryMarker)" }
        var removed: [String] = []
        for entry in names where entry.hasPrefix(".") {
            guard let marker = entry.range(of: AtomicWriter.temporaryMarker) else { continue }
            if let prefix, !entry.hasPrefix(prefix) { continue }
            let rest = entry[marker.upperBound...]
            guard let pidText = rest.split(separator: ".").first, let pid = pid_t(pidText), pid > 0 else { continue }
            guard kill(pid, 0) != 0 && errno == ESRCH else { continue }
            var info = stat()
            guard fstatat(dir, entry, &info, AT_SYMLINK_NOFOLLOW) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            if unlinkat(dir, entry, 0) == 0 { removed.append(entry) }
        }
        return removed
    }
}
