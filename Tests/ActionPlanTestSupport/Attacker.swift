import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Shared by the core and CLI tests (one copy, not two).
///
/// Another user of a shared server: runs a shell step as `nobody` (setpriv), while the test process
/// (root, here and in CI) plays the officer running actionplan. Skips where that is not possible.
public enum Attacker {
    public static func requireRoot() throws {
        guard geteuid() == 0 else { throw XCTSkip("needs root to act as another user with setpriv") }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { throw XCTSkip("setpriv not installed") }
    }

    /// Runs `script` with /bin/sh as nobody:nogroup; fails the test if it fails.
    public static func run(_ script: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let ran = try Subprocess.run("/usr/bin/setpriv", ["--reuid=nobody", "--regid=nogroup", "--clear-groups", "/bin/sh", "-c", script])
        XCTAssertEqual(ran.status, 0, "attacker step failed: \(script): \(ran.err)", file: file, line: line)
    }

    /// True when nobody can read the file (the step `cat` fails).
    public static func cannotRead(_ path: String) -> Bool {
        guard let ran = try? Subprocess.run("/usr/bin/setpriv", ["--reuid=nobody", "--regid=nogroup", "--clear-groups", "/bin/cat", path],
                                            stderr: .discarded) else { return false }
        return ran.status != 0
    }

    /// A directory anyone may write (the hostile case: a data directory opened up to everyone).
    public static func worldWritable(_ dir: String) {
        chmod(dir, 0o777)
    }

    /// A file of root's outside the data directory, for links to point at.
    public static func victim(_ text: String = "precious contents\n") -> String {
        let dir = NSTemporaryDirectory() + "actionplan-victim-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        chmod(dir, 0o755)
        let path = dir + "/victim.txt"
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    public static func contents(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    public static func mode(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & 0o7777 : 0
    }
}
