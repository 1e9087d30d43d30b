import ActionPlanCore
import ActionPlanTestSupport
import Foundation
import XCTest

/// Runs the real `actionplan` binary (built by `swift build` before `swift test`, as `make test` does).
enum CLI {
    static var repoRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var binary: String {
        let candidates = [".build/debug/actionplan", ".build/x86_64-unknown-linux-gnu/debug/actionplan", ".build/release/actionplan"]
        for c in candidates {
            let p = repoRoot.appendingPathComponent(c).path
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return repoRoot.appendingPathComponent(candidates[0]).path
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    @discardableResult
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw XCTSkip("build the binary first (swift build): \(binary) not found")
        }
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        env.removeValue(forKey: "ACTIONPLAN_DATA")
        env.removeValue(forKey: "ACTIONPLAN_FAULT")
        // No config file or setting of the developer's reaches a test, unless the test gives one.
        env.removeValue(forKey: "ACTIONPLAN_CONFIG")
        for key in SettingKey.all { if let name = key.environment, name != "ACTIONPLAN_USER" { env.removeValue(forKey: name) } }
        env["XDG_CONFIG_HOME"] = NSTemporaryDirectory() + "actionplan-tests-no-config"
        env.removeValue(forKey: "COLUMNS") // text into a pipe is whole unless a test sets a width
        for (k, v) in environment { env[k] = v }
        return Result(try Subprocess.run(binary, arguments, environment: env))
    }

    /// A scratch data directory with copies of the given plan files (tests never touch data/).
    static func scratchData(copying names: [String] = []) throws -> String {
        let dir = NSTemporaryDirectory() + "actionplan-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for name in names {
            try FileManager.default.copyItem(atPath: repoRoot.appendingPathComponent("data/\(name)").path, toPath: "\(dir)/\(name)")
        }
        return dir
    }

    static func write(_ text: String, to path: String) {
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    }

    static func read(_ path: String) -> String {
        String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    }
}

extension CLI.Result {
    init(_ ran: Subprocess.Result) {
        self.init(status: ran.status, stdout: ran.out, stderr: ran.err)
    }
}

/// A test case on its own scratch data directory holding a copy of one sample plan from data/,
/// made before each test and removed after it (the command tests that change a plan).
class ScratchPlanTestCase: XCTestCase {
    /// The sample plan copied in; a subclass names its own.
    class var samplePlan: String { "luton-chief-executive-2006-07" }
    /// Its id, and the scratch directory that holds it.
    var plan: String { Self.samplePlan }
    var dir = ""

    override func setUpWithError() throws {
        try super.setUpWithError()
        dir = try CLI.scratchData(copying: ["\(plan).json"])
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: dir)
        super.tearDown()
    }
}
