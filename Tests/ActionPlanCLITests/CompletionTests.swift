import ActionPlanTestSupport
import Foundation
import XCTest

/// The bash completion script that `actionplan --generate-completion-script bash` writes, run in a real
/// bash the way bash runs it (COMP_WORDS, COMP_CWORD, COMP_LINE, COMP_POINT, then the function), against a
/// scratch data directory: subcommands, options, plan ids, target addresses and officer names.
final class CompletionTests: XCTestCase {
    private var dir = ""
    private var script = ""

    override func setUpWithError() throws {
        dir = try CLI.scratchData()
        for (id, officers) in [("alpha", ["Head of HR", "GS"]), ("beta", ["Jo Fisher"])] {
            let targets = (1...3).map { n in
                "{\"id\": \"t\(n)\", \"leadOfficers\": [\"\(officers[n % officers.count])\"], \"status\": \"notAssessed\", \"text\": \"Target \(n)\", \"timescale\": \"Ongoing\"}"
            }.joined(separator: ",")
            CLI.write("""
            {"id": "\(id)", "keyIssues": [{"number": 1, "objectives": [{"number": 1, "targets": [\(targets)], "text": "O"}], "title": "K"}],
             "schemaVersion": 1, "title": "Plan \(id)"}
            """, to: "\(dir)/\(id).json")
        }
        let generated = try CLI.run(["--generate-completion-script", "bash"])
        XCTAssertEqual(generated.status, 0, generated.stderr)
        script = dir + "/.completion.bash"
        CLI.write(generated.stdout, to: script)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

    /// What bash would offer for `line` (the cursor at its end; a trailing space starts a new word).
    private func complete(_ line: String, environment: [String: String] = [:]) throws -> [String] {
        var words = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        words[0] = CLI.binary
        let fullLine = ([CLI.binary] + words.dropFirst()).joined(separator: " ")
        let quoted = words.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let cword = words.count - 1
        let bash = """
        source '\(script)'
        COMP_WORDS=(\(quoted)); COMP_CWORD=\(cword)
        COMP_LINE='\(fullLine)'; COMP_POINT=${#COMP_LINE}
        _actionplan actionplan "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
        printf '%s\\n' "${COMPREPLY[@]}"
        """
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "ACTIONPLAN_DATA")
        env["XDG_CONFIG_HOME"] = dir + "/.no-config"
        for (k, v) in environment { env[k] = v }
        let ran = try Subprocess.run("/bin/bash", ["--norc", "--noprofile", "-c", bash], environment: env, stderr: .discarded)
        return ran.out.split(separator: "\n").map(String.init)
    }

    func testSubcommandsAndOptions() throws {
        XCTAssertEqual(try complete("actionplan pl"), ["plans"])
        let all = try complete("actionplan ")
        for name in ["ui", "list", "set", "show", "init", "config", "import"] { XCTAssertTrue(all.contains(name), "\(name) in \(all)") }
        let options = try complete("actionplan list --")
        for name in ["--plan", "--officer", "--overdue", "--data", "--format"] { XCTAssertTrue(options.contains(name), "\(name) in \(options)") }
    }

    func testPlanIDsFromTheDataDirectoryOnTheLine() throws {
        XCTAssertEqual(try complete("actionplan list --data \(dir) --plan "), ["alpha", "beta"])
        XCTAssertEqual(try complete("actionplan report --data \(dir) b"), ["beta"])
    }

    func testPlanIDsFromTheEnvironmentsDataDirectory() throws {
        XCTAssertEqual(try complete("actionplan review start ", environment: ["ACTIONPLAN_DATA": dir]), ["alpha", "beta"])
    }

    func testPlanIDsFromTheConfigFilesDataDirectory() throws {
        let config = dir + "/.cfg"
        try FileManager.default.createDirectory(atPath: config + "/actionplan", withIntermediateDirectories: true)
        CLI.write("data = \"\(dir)\"\n", to: config + "/actionplan/config.toml")
        XCTAssertEqual(try complete("actionplan export ", environment: ["XDG_CONFIG_HOME": config]), ["alpha", "beta"])
    }

    func testTargetAddresses() throws {
        XCTAssertEqual(try complete("actionplan set --data \(dir) "), ["alpha/", "beta/"])
        XCTAssertEqual(try complete("actionplan set --data \(dir) al"), ["alpha/t1", "alpha/t2", "alpha/t3"])
        XCTAssertEqual(try complete("actionplan show --data \(dir) beta/t"), ["beta/t1", "beta/t2", "beta/t3"])
        XCTAssertEqual(try complete("actionplan set --data \(dir) beta/t2"), ["beta/t2"])
    }

    func testOfficerNames() throws {
        XCTAssertEqual(try complete("actionplan list --data \(dir) --officer "), ["GS", "Head of HR", "Jo Fisher"])
        XCTAssertEqual(try complete("actionplan list --data \(dir) --plan beta --officer "), ["Jo Fisher"])
        XCTAssertEqual(try complete("actionplan list --data \(dir) --officer He"), ["Head of HR"])
    }

    func testNoDataDirectoryOffersNothing() throws {
        XCTAssertEqual(try complete("actionplan set --data \(dir)/missing "), [])
    }

    func testZshAndFishScriptsAreGenerated() throws {
        for shell in ["zsh", "fish"] {
            let r = try CLI.run(["--generate-completion-script", shell])
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertTrue(r.stdout.contains("---completion"), "\(shell) script calls back for plan ids")
        }
    }
}
