import ActionPlanTestSupport
import Foundation
import XCTest

/// What a new user meets: the first-run text, init, the config file and `config`, --version, and the man
/// page generated from the command tree.
final class InstallCommandTests: XCTestCase {
    private var home = ""

    override func setUpWithError() throws {
        home = try CLI.scratchData()
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: home) }

    /// The environment of a user with this HOME and nothing else set.
    private func user(_ extra: [String: String] = [:]) -> [String: String] {
        var env = ["HOME": home, "XDG_CONFIG_HOME": "", "XDG_DATA_HOME": "", "USER": "jo"]
        for (k, v) in extra { env[k] = v }
        return env
    }

    private func writeConfig(_ text: String) -> String {
        let dir = home + "/.config/actionplan"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        CLI.write(text, to: dir + "/config.toml")
        return dir + "/config.toml"
    }

    func testFirstRunWithAnEmptyHomeExplainsTheThreeWaysToStart() throws {
        for arguments in [[], ["plans"]] {
            let r = try CLI.run(arguments, environment: user())
            let text = r.stdout + r.stderr
            XCTAssertTrue(text.contains("\(home)/.local/share/actionplan does not exist"), text)
            XCTAssertTrue(text.contains("actionplan import my-plan.docx"), text)
            XCTAssertTrue(text.contains("actionplan new"), text)
            XCTAssertTrue(text.contains("actionplan init --samples"), text)
            XCTAssertEqual(r.status, arguments.isEmpty ? 0 : 1, text)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: home + "/.local"), "the first run creates nothing")
    }

    func testInitCreatesTheDirectoryMode0700WithSamples() throws {
        let r = try CLI.run(["init", "--samples"], environment: user())
        XCTAssertEqual(r.status, 0, r.stderr)
        let dir = home + "/.local/share/actionplan"
        let mode = try FileManager.default.attributesOfItem(atPath: dir)[.posixPermissions] as! Int
        XCTAssertEqual(mode, 0o700)
        let samples = try FileManager.default.contentsOfDirectory(atPath: CLI.repoRoot.path + "/data").filter { $0.hasSuffix(".json") }
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".json") }), Set(samples))
        let plans = try CLI.run(["plans"], environment: user())
        XCTAssertEqual(plans.status, 0, plans.stderr)
        XCTAssertTrue(plans.stdout.contains("luton-disability-equality-2008"))

        // Again: nothing replaced, a changed plan kept.
        XCTAssertEqual(try CLI.run(["set", "luton-disability-equality-2008/t1", "not-met"], environment: user()).status, 0)
        let before = CLI.read(dir + "/luton-disability-equality-2008.json")
        let again = try CLI.run(["init", "--samples"], environment: user())
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stdout.contains("kept luton-disability-equality-2008"), again.stdout)
        XCTAssertEqual(CLI.read(dir + "/luton-disability-equality-2008.json"), before)
    }

    func testInitInAGivenDirectoryWithoutSamples() throws {
        let r = try CLI.run(["init", home + "/a/b/plans"], environment: user())
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: home + "/a/b/plans"), [])
        CLI.write("x", to: home + "/file")
        let refused = try CLI.run(["init", home + "/file"], environment: user())
        XCTAssertEqual(refused.status, 1)
    }

    func testConfigFileSetsTheDataDirectoryAndConfigShowsWhere() throws {
        let path = writeConfig("# mine\ndata = \"~/plans\"\nuser = \"Jo Fisher\"\nbackups = 3\n")
        _ = try CLI.run(["init"], environment: user())
        XCTAssertTrue(FileManager.default.fileExists(atPath: home + "/plans"), "init used the config file's data")
        let shown = try CLI.run(["config"], environment: user())
        XCTAssertEqual(shown.status, 0, shown.stderr)
        XCTAssertTrue(shown.stdout.contains("config file: \(path)"), shown.stdout)
        XCTAssertTrue(shown.stdout.range(of: "data +\(home)/plans +\(path):2", options: .regularExpression) != nil, shown.stdout)
        XCTAssertTrue(shown.stdout.range(of: "user +Jo Fisher +\(path):3", options: .regularExpression) != nil, shown.stdout)
        XCTAssertTrue(shown.stdout.range(of: "theme +default +default", options: .regularExpression) != nil, shown.stdout)

        // The environment beats the file, the flag beats both.
        let env = try CLI.run(["config", "--format", "json"], environment: user(["ACTIONPLAN_DATA": "/env/plans", "ACTIONPLAN_BACKUPS": "5"]))
        XCTAssertTrue(env.stdout.contains("\"source\": \"$ACTIONPLAN_DATA\""), env.stdout)
        XCTAssertTrue(env.stdout.contains("\"value\": \"5\""), env.stdout)
        let flag = try CLI.run(["config", "--data", "/flag/plans"], environment: user(["ACTIONPLAN_DATA": "/env/plans"]))
        XCTAssertTrue(flag.stdout.range(of: "data +/flag/plans +--data", options: .regularExpression) != nil, flag.stdout)
    }

    func testConfigValuesReachTheCommands() throws {
        writeConfig("data = \"\(home)/plans\"\nuser = \"Jo Fisher\"\nbackups = 0\n")
        XCTAssertEqual(try CLI.run(["init", "--samples"], environment: user()).status, 0)
        let set = try CLI.run(["set", "luton-disability-equality-2008/t1", "not-met"], environment: user())
        XCTAssertEqual(set.status, 0, set.stderr)
        XCTAssertTrue(CLI.read(home + "/plans/luton-disability-equality-2008.json").contains("\"who\": \"Jo Fisher\""))
        XCTAssertFalse(FileManager.default.fileExists(atPath: home + "/plans/.backups/luton-disability-equality-2008"), "backups = 0")
        let byFlag = try CLI.run(["set", "luton-disability-equality-2008/t2", "not-met", "--by", "Sam"], environment: user())
        XCTAssertEqual(byFlag.status, 0, byFlag.stderr)
        XCTAssertTrue(CLI.read(home + "/plans/luton-disability-equality-2008.json").contains("\"who\": \"Sam\""))
    }

    func testAsciiSettingReachesTextOutput() throws {
        writeConfig("data = \"\(home)/plans\"\n")
        XCTAssertEqual(try CLI.run(["init", "--samples"], environment: user()).status, 0)
        let unicode = try CLI.run(["show", "luton-disability-equality-2008/t1"], environment: user())
        XCTAssertTrue(unicode.stdout.contains("✓"), unicode.stdout)
        writeConfig("data = \"\(home)/plans\"\nascii = true\n")
        let ascii = try CLI.run(["show", "luton-disability-equality-2008/t1"], environment: user())
        XCTAssertEqual(ascii.status, 0, ascii.stderr)
        XCTAssertFalse(ascii.stdout.contains("✓"), ascii.stdout)
        XCTAssertTrue(ascii.stdout.contains("[Y]"), ascii.stdout)
        let byEnv = try CLI.run(["show", "luton-disability-equality-2008/t1"], environment: user(["ACTIONPLAN_ASCII": "0"]))
        XCTAssertTrue(byEnv.stdout.contains("✓"), "the environment beats the config file")
    }

    func testMalformedConfigIsAClearErrorButNeverStopsHelp() throws {
        let path = writeConfig("data = \"/srv/plans\"\n\n[sync]\nauto = \"often\"\n")
        let r = try CLI.run(["plans"], environment: user())
        XCTAssertEqual(r.status, 78)
        XCTAssertEqual(r.stderr, "actionplan: \(path):4: sync.auto: expected true or false, found a TOML string\n")
        XCTAssertEqual(r.stdout, "")

        writeConfig("data = \"/srv/plans\nuser = \"jo\"\n")
        let syntax = try CLI.run(["list"], environment: user())
        XCTAssertEqual(syntax.status, 78)
        XCTAssertTrue(syntax.stderr.hasPrefix("actionplan: \(path):1: data:"), syntax.stderr)

        for help in [["--help"], ["plans", "--help"], ["help", "set"], ["--version"]] {
            let h = try CLI.run(help, environment: user())
            XCTAssertEqual(h.status, 0, "\(help): \(h.stderr)")
            XCTAssertEqual(h.stderr, "", "\(help)")
        }
    }

    func testVersionNamesTheCommit() throws {
        let r = try CLI.run(["--version"])
        XCTAssertEqual(r.status, 0)
        let version = CLI.read(CLI.repoRoot.path + "/VERSION").trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertTrue(r.stdout.range(of: "^\(version) \\(commit ([0-9a-f]{12}(-dirty)?|unknown)\\)\n$", options: .regularExpression) != nil, r.stdout)
    }

    /// The man page is generated from the command tree: every command and option of it is in the page.
    func testManPageCoversEveryCommandAndOptionAndRendersWithoutWarnings() throws {
        let page = home + "/actionplan.1"
        let gen = try shell("python3", [CLI.repoRoot.path + "/scripts/manpage.py", CLI.binary, page])
        XCTAssertEqual(gen.status, 0, gen.err)
        let roff = CLI.read(page)
        let dump = try JSONSerialization.jsonObject(with: Data(try CLI.run(["--experimental-dump-help"]).stdout.utf8)) as! [String: Any]
        var count = 0
        func walk(_ node: [String: Any], _ path: [String]) {
            for sub in node["subcommands"] as? [[String: Any]] ?? [] {
                let name = sub["commandName"] as! String
                guard name != "help", sub["shouldDisplay"] as? Bool ?? true else { continue }
                let full = (path + [name]).joined(separator: " ")
                XCTAssertTrue(roff.contains(".SS \"actionplan \(full.replacingOccurrences(of: "-", with: "\\-"))\""), "command \(full)")
                for arg in sub["arguments"] as? [[String: Any]] ?? [] where arg["shouldDisplay"] as? Bool ?? true {
                    guard let names = arg["names"] as? [[String: Any]] else { continue }
                    for n in names where n["kind"] as? String == "long" {
                        let long = "\\fB\\-\\-" + (n["name"] as! String).replacingOccurrences(of: "-", with: "\\-") + "\\fR"
                        XCTAssertTrue(roff.contains(long), "\(full) --\(n["name"]!)")
                        count += 1
                    }
                }
                walk(sub, path + [name])
            }
        }
        walk(dump["command"] as! [String: Any], [])
        XCTAssertGreaterThan(count, 40)
        for section in ["DATA DIRECTORY", "FILE FORMAT", "CONFIGURATION", "KEYS", "EXIT STATUS"] {
            XCTAssertTrue(roff.contains(".SH \(section)"), section)
        }
        XCTAssertTrue(roff.contains("\\fBsync.remote\\fR"), "config keys from SettingKey.all")
        XCTAssertTrue(roff.contains(".TP\n\\fB78\\fR"), "exit codes from the root command")
        let man = try shell("man", ["--warnings", "-l", page], environment: ["MANWIDTH": "80"])
        XCTAssertEqual(man.status, 0)
        XCTAssertEqual(man.err, "", "man --warnings")
        XCTAssertTrue(man.out.contains("Mark met"), "the key table is in the page")
    }

    private func shell(_ tool: String, _ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, out: String, err: String) {
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        let ran = try Subprocess.run("/usr/bin/env", [tool] + arguments, environment: env)
        return (ran.status, ran.out, ran.err)
    }
}
