import ActionPlanCore
import XCTest

final class SettingsTests: XCTestCase {
    let path = "/home/jo/.config/actionplan/config.toml"
    let env = ["HOME": "/home/jo", "USER": "jo"]

    /// A valid value of the key's kind, different for each place it can come from.
    private func sample(_ key: SettingKey, _ n: Int) -> (toml: String, text: String) {
        switch key.kind {
        case .path: return ("\"/srv/plans\(n)\"", "/srv/plans\(n)")
        case .text: return ("\"value \(n)\"", "value \(n)")
        case .bool: return n % 2 == 0 ? ("true", "true") : ("false", "false")
        case .count: return ("\(n)", "\(n)")
        case .choice(let names): return ("\"\(names[n % names.count])\"", names[n % names.count])
        }
    }

    private func config(_ assignments: [(SettingKey, String)]) -> String {
        // Top-level keys first, then one [table] per dotted prefix, as people write them.
        var top = "", tables: [String: String] = [:]
        for (key, value) in assignments {
            let parts = key.name.split(separator: ".")
            if parts.count == 1 { top += "\(key.name) = \(value)\n" } else { tables[String(parts[0]), default: ""] += "\(parts[1]) = \(value)\n" }
        }
        return top + tables.sorted { $0.key < $1.key }.map { "[\($0.key)]\n\($0.value)" }.joined()
    }

    func testEverySettingTakesFlagOverEnvironmentOverConfigOverDefault() throws {
        for key in SettingKey.all {
            let file = config([(key, sample(key, 2).toml)])
            var environment = env
            let envValue = sample(key, 3).text
            if let name = key.environment { environment[name] = key.kind == .bool ? (envValue == "true" ? "1" : "0") : envValue }
            let flag = sample(key, 4).text

            let all = try Settings.resolve(flags: [key.name: flag], environment: environment, configText: file, configPath: path)
            XCTAssertEqual(all[key].value, flag, key.name)
            XCTAssertEqual(all[key].source, .flag(key.flag ?? key.name), key.name)

            if let name = key.environment {
                let fromEnv = try Settings.resolve(environment: environment, configText: file, configPath: path)
                XCTAssertEqual(fromEnv[key].value, envValue, key.name)
                XCTAssertEqual(fromEnv[key].source, .environment(name), key.name)
            }

            let fromFile = try Settings.resolve(environment: env, configText: file, configPath: path)
            XCTAssertEqual(fromFile[key].value, sample(key, 2).text, key.name)
            guard case .config(let p, let line) = fromFile[key].source else { return XCTFail("\(key.name): \(fromFile[key].source)") }
            XCTAssertEqual(p, path)
            XCTAssertEqual(line, key.name.contains(".") ? 2 : 1, key.name)

            let byDefault = try Settings.resolve(environment: env, configText: nil, configPath: path)
            XCTAssertEqual(byDefault[key].source, .defaultValue, key.name)
            XCTAssertEqual(byDefault[key].value, key.defaultValue(environment: env), key.name)
        }
    }

    func testDefaults() throws {
        let s = try Settings.resolve(environment: ["HOME": "/home/jo", "USER": "jo"], configText: nil, configPath: path)
        XCTAssertEqual(s.string(.data), "/home/jo/.local/share/actionplan")
        XCTAssertEqual(s.string(.user), "jo")
        XCTAssertNil(s.string(.officer))
        XCTAssertEqual(s.count(.backups), 10)
        XCTAssertFalse(s.bool(.ascii))
        let xdg = try Settings.resolve(environment: ["HOME": "/home/jo", "XDG_DATA_HOME": "/xdg"], configText: nil, configPath: path)
        XCTAssertEqual(xdg.string(.data), "/xdg/actionplan")
    }

    func testConfigPathFollowsXDG() {
        XCTAssertEqual(ConfigFile.location(environment: ["HOME": "/home/jo"]), "/home/jo/.config/actionplan/config.toml")
        XCTAssertEqual(ConfigFile.location(environment: ["HOME": "/home/jo", "XDG_CONFIG_HOME": "/cfg"]), "/cfg/actionplan/config.toml")
        XCTAssertEqual(ConfigFile.location(environment: ["HOME": "/home/jo", "XDG_CONFIG_HOME": "relative"]), "/home/jo/.config/actionplan/config.toml")
        XCTAssertEqual(ConfigFile.location(environment: ["ACTIONPLAN_CONFIG": "/etc/ap.toml", "HOME": "/h"]), "/etc/ap.toml")
    }

    func testHomeIsExpandedInPaths() throws {
        let s = try Settings.resolve(environment: env, configText: "data = \"~/plans\"\n", configPath: path)
        XCTAssertEqual(s.string(.data), "/home/jo/plans")
    }

    func testSyntaxErrorNamesFileLineAndKey() {
        let text = "# my settings\nuser = \"jo\"\nbackups = [1,\n"
        XCTAssertThrowsError(try Settings.resolve(environment: env, configText: text, configPath: path)) { error in
            let e = error as! ConfigError
            XCTAssertEqual(e.path, path)
            XCTAssertNotNil(e.line)
            XCTAssertTrue(e.description.hasPrefix("\(path):"), e.description)
        }
        XCTAssertThrowsError(try ConfigFile.parse("user = \"jo\"\ndata = /srv/plans\n", path: path)) { error in
            let e = error as! ConfigError
            XCTAssertEqual(e.line, 2)
            XCTAssertEqual(e.key, "data")
            XCTAssertTrue(e.description.contains("\(path):2: data:"), e.description)
        }
    }

    func testWrongTypeNamesLineAndKeyAndWhatWasExpected() {
        let text = "data = \"/srv/plans\"\n\n[sync]\nremote = \"origin\"\nauto = \"yes\"\n"
        XCTAssertThrowsError(try ConfigFile.parse(text, path: path)) { error in
            let e = error as! ConfigError
            XCTAssertEqual(e.line, 5)
            XCTAssertEqual(e.key, "sync.auto")
            XCTAssertTrue(e.message.contains("true or false"), e.message)
        }
        XCTAssertThrowsError(try ConfigFile.parse("backups = -1\n", path: path)) { error in
            XCTAssertEqual((error as! ConfigError).key, "backups")
        }
        XCTAssertThrowsError(try ConfigFile.parse("data = \"plans\"\n", path: path)) { error in
            XCTAssertTrue((error as! ConfigError).message.contains("absolute"))
        }
    }

    func testUnknownKeyIsRefusedWithTheKnownOnes() {
        XCTAssertThrowsError(try ConfigFile.parse("user = \"jo\"\ndatadir = \"/x\"\n", path: path)) { error in
            let e = error as! ConfigError
            XCTAssertEqual(e.line, 2)
            XCTAssertEqual(e.key, "datadir")
            XCTAssertTrue(e.message.contains("known keys: data, user"), e.message)
        }
        XCTAssertThrowsError(try ConfigFile.parse("[sink]\nremote = \"x\"\n", path: path)) { error in
            XCTAssertEqual((error as! ConfigError).key, "sink")
        }
    }

    func testBadEnvironmentValueIsAnError() {
        XCTAssertThrowsError(try Settings.resolve(environment: ["ACTIONPLAN_BACKUPS": "lots"], configText: nil, configPath: path)) { error in
            XCTAssertTrue((error as! ConfigError).description.contains("$ACTIONPLAN_BACKUPS"))
        }
        XCTAssertThrowsError(try Settings.resolve(environment: ["ACTIONPLAN_ASCII": "maybe"], configText: nil, configPath: path))
        XCTAssertTrue(try Settings.resolve(environment: ["ACTIONPLAN_ASCII": "yes"], configText: nil, configPath: path).bool(.ascii))
    }

    func testOnlyConfigValuesAreExported() throws {
        let text = "data = \"/srv/plans\"\nbackups = 3\nscreen_reader = true\nuser = \"jo\"\n"
        let s = try Settings.resolve(environment: ["ACTIONPLAN_USER": "sam", "HOME": "/h"], configText: text, configPath: path)
        XCTAssertEqual(s.exports, ["ACTIONPLAN_DATA": "/srv/plans", "ACTIONPLAN_BACKUPS": "3", "ACTIONPLAN_SCREEN_READER": "1"])
        XCTAssertEqual(s.string(.user), "sam")
    }

    func testEverySettingIsDocumented() {
        XCTAssertEqual(Set(SettingKey.all.map(\.name)).count, SettingKey.all.count, "names are unique")
        for key in SettingKey.all { XCTAssertFalse(key.help.isEmpty, key.name) }
    }
}
