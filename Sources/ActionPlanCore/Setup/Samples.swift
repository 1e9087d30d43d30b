#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The sample plans `actionplan init --samples` copies. They are installed as files, not embedded in the
/// binary: `make install` puts them in PREFIX/share/actionplan/samples, found relative to the binary
/// (PREFIX/bin/actionplan), so a package can be relocated; a binary run from the source tree's .build
/// uses the tree's data/. One copy of the samples, the tracked data/ files, with nothing generated.
public enum Samples {
    /// The first folder that holds sample plans: `$ACTIONPLAN_SAMPLES`, else `../share/actionplan/samples`
    /// beside the binary, else the `data/` of the source tree the binary was built in.
    public static func directory(executable: String = Samples.executablePath(),
                                 environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let dir = environment["ACTIONPLAN_SAMPLES"], !dir.isEmpty { return dir }
        var folder = (executable as NSString).deletingLastPathComponent
        let installed = (folder as NSString).deletingLastPathComponent + "/share/actionplan/samples"
        if hasPlans(installed) { return installed }
        // .build/<triple>/debug/actionplan → the package root that has Package.swift and data/.
        for _ in 0..<5 {
            folder = (folder as NSString).deletingLastPathComponent
            if folder == "/" || folder.isEmpty { break }
            if access(folder + "/Package.swift", F_OK) == 0, hasPlans(folder + "/data") { return folder + "/data" }
        }
        return nil
    }

    /// The sample plan files in `directory`, sorted.
    public static func files(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted().map { directory + "/" + $0 }
    }

    private static func hasPlans(_ directory: String) -> Bool { !files(in: directory).isEmpty }

    public static func executablePath() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if n > 0 { return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        return CommandLine.arguments.first ?? "actionplan"
    }
}
