#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The directories the program keeps its own files in (`.backups/PLAN_ID/`, `.presence/PLAN_ID/`), opened
/// component by component with O_NOFOLLOW from a descriptor of the data directory, so no planted link
/// (`.backups` → /etc) can send a file elsewhere. Each is created 0700, or 2770 with the data directory's
/// group when that directory is group-shared (group-writable, not world-writable: see "Reliability" in
/// the README). One that
/// exists must be a real directory owned by the user or root, or in the shared model one of the data
/// directory's group that is not world-writable; anything else is refused, saying what is there.
struct OwnDirectory {
    /// The opened directory; the caller closes it.
    let fd: Int32
    let path: String

    /// Mode and group of the data directory: decides the modes of what the program creates.
    struct Sharing {
        let shared: Bool
        let group: gid_t
        var directoryMode: mode_t { shared ? 0o2770 : 0o700 }
    }

    static func sharing(ofDataDirectory fd: Int32) -> Sharing {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return Sharing(shared: false, group: getegid()) }
        // Group-writable and not world-writable: a world-writable directory is the hostile case, not a
        // shared one, and gets 0700 folders.
        return Sharing(shared: info.st_mode & S_IWGRP != 0 && info.st_mode & S_IWOTH == 0, group: info.st_gid)
    }

    /// Opens (and with `create`, makes) `dataDirectory/components…`.
    static func open(_ components: [String], in dataDirectory: String, create: Bool) throws(SaveError) -> OwnDirectory {
        let data = Posix.openFile(dataDirectory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard data >= 0 else { throw SaveError(step: .open, path: dataDirectory, code: errno) }
        let sharing = sharing(ofDataDirectory: data)
        var parent = data
        var path = dataDirectory
        for name in components {
            path += "/" + name
            let fd: Int32
            do throws(SaveError) {
                fd = try openOne(name, at: parent, path: path, create: create, sharing: sharing)
            } catch {
                close(parent)
                throw error
            }
            close(parent)
            parent = fd
        }
        return OwnDirectory(fd: parent, path: path)
    }

    private static func openOne(_ name: String, at parent: Int32, path: String, create: Bool, sharing: Sharing) throws(SaveError) -> Int32 {
        let flags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC
        var fd = openat(parent, name, flags)
        var made = false
        if fd < 0 && errno == ENOENT && create {
            if mkdirat(parent, name, sharing.directoryMode) != 0 && errno != EEXIST {
                throw SaveError(step: .open, path: path, code: errno)
            }
            made = true
            fd = openat(parent, name, flags)
        }
        guard fd >= 0 else {
            let code = errno
            var info = stat()
            if (code == ELOOP || code == ENOTDIR), fstatat(parent, name, &info, AT_SYMLINK_NOFOLLOW) == 0 {
                throw SaveError(refusing: path, "is \(Posix.kind(info.st_mode)) owned by \(Posix.userName(info.st_uid)), not a directory of this program's; remove it")
            }
            throw SaveError(step: .open, path: path, code: code)
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else { let code = errno; close(fd); throw SaveError(step: .open, path: path, code: code) }
        let trusted = Posix.isTrustedOwner(info.st_uid)
            || (sharing.shared && info.st_gid == sharing.group && info.st_mode & S_IWOTH == 0)
        guard trusted else {
            close(fd)
            throw SaveError(refusing: path, "is a directory owned by \(Posix.userName(info.st_uid)), not by you or root\(sharing.shared ? " nor of the data directory's group" : ""); remove it")
        }
        // Made now (the umask may have dropped bits), or ours and wider than it should be (made by an
        // older version 0755): set the mode exactly, and the group in the shared model.
        if info.st_uid == geteuid() && (made || info.st_mode & 0o7777 != sharing.directoryMode) {
            if sharing.shared && info.st_gid != sharing.group { _ = fchown(fd, uid_t.max, sharing.group) }
            _ = fchmod(fd, sharing.directoryMode)
        }
        return fd
    }

    /// A folder in the data directory for files meant for people (the UI's `reports/`): made with the
    /// usual 0777 less the umask (setgid inherited), so colleagues who can read the plans can read the
    /// reports; opened with O_NOFOLLOW like the program's own, so a planted link never redirects a write.
    static func openPublic(_ name: String, in dataDirectory: String) throws(SaveError) -> OwnDirectory {
        let data = Posix.openFile(dataDirectory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard data >= 0 else { throw SaveError(step: .open, path: dataDirectory, code: errno) }
        defer { close(data) }
        let path = "\(dataDirectory)/\(name)"
        if mkdirat(data, name, 0o777) != 0 && errno != EEXIST { throw SaveError(step: .open, path: path, code: errno) }
        let fd = openat(data, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            var info = stat()
            if (code == ELOOP || code == ENOTDIR), fstatat(data, name, &info, AT_SYMLINK_NOFOLLOW) == 0 {
                throw SaveError(refusing: path, "is \(Posix.kind(info.st_mode)) owned by \(Posix.userName(info.st_uid)), not a directory; remove it")
            }
            throw SaveError(step: .open, path: path, code: code)
        }
        return OwnDirectory(fd: fd, path: path)
    }

    /// Mode and group for a file the program keeps about a plan (backup, recovery, presence): the plan
    /// file's own, never wider (no execute or set-id bits), so a 0600 plan's backups are 0600 too.
    static func fileMode(forPlan planPath: String) -> (mode: mode_t, group: gid_t?) {
        var info = stat()
        guard stat(planPath, &info) == 0 else { return (0o600, nil) }
        return (info.st_mode & 0o666, info.st_gid)
    }
}
