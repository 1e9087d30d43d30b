import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A fresh mkdtemp directory in /tmp for tests that run real git, with git confined to it: its
/// parent as GIT_CEILING_DIRECTORIES (git never walks up into our own repository), no system
/// config, HOME inside. Shared by the core's and the UI's sync tests.
public struct GitSandbox {
    public let root: String
    /// The environment to give git and `Sync`.
    public let environment: [String: String]

    /// Nil when git is not installed or no directory could be made (the caller skips).
    public init?(prefix: String) {
        guard Subprocess.which("git") != nil else { return nil }
        var template = Array("/tmp/\(prefix)-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { return nil }
        root = String(cString: made)
        guard (try? FileManager.default.createDirectory(atPath: root + "/home", withIntermediateDirectories: true)) != nil else { return nil }
        var env = ProcessInfo.processInfo.environment
        env["GIT_CEILING_DIRECTORIES"] = (root as NSString).deletingLastPathComponent
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        env["HOME"] = root + "/home"
        environment = env
    }

    public func remove() { try? FileManager.default.removeItem(atPath: root) }
}
