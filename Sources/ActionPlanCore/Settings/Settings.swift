/// Where a setting's value came from, for `actionplan config`.
public enum SettingSource: Sendable, Equatable, CustomStringConvertible {
    case flag(String)
    case environment(String)
    case config(path: String, line: Int)
    case defaultValue

    public var description: String {
        switch self {
        case .flag(let f): return f
        case .environment(let v): return "$" + v
        case .config(let path, let line): return "\(path):\(line)"
        case .defaultValue: return "default"
        }
    }
}

public struct Setting: Sendable, Equatable {
    public let key: SettingKey
    /// nil: not set and no default (e.g. no default officer).
    public let value: String?
    public let source: SettingSource
}

/// Every setting's effective value: command-line flag, then environment, then config file, then default.
/// Pure: the inputs are the flags given, an environment and the config file's text, so every precedence is
/// testable without touching the process.
public struct Settings: Sendable, Equatable {
    public let all: [Setting]
    /// The config file that was read (or would be, when it does not exist).
    public let configPath: String
    public let configExists: Bool

    public static func resolve(flags: [String: String] = [:], environment: [String: String],
                               configText: String?, configPath: String) throws(ConfigError) -> Settings {
        let file = try configText.map { text throws(ConfigError) in try ConfigFile.parse(text, path: configPath) }
        var result: [Setting] = []
        for key in SettingKey.all {
            if let v = flags[key.name] {
                result.append(Setting(key: key, value: try normalised(v, key, from: key.flag ?? key.name, environment), source: .flag(key.flag ?? key.name)))
            } else if let name = key.environment, let v = environment[name], !v.isEmpty {
                result.append(Setting(key: key, value: try normalised(v, key, from: "$" + name, environment), source: .environment(name)))
            } else if let entry = file?.entries[key.name] {
                let value = key.kind == .path ? expandHome(entry.value, environment) : entry.value
                result.append(Setting(key: key, value: value, source: .config(path: configPath, line: entry.line)))
            } else {
                result.append(Setting(key: key, value: key.defaultValue(environment: environment), source: .defaultValue))
            }
        }
        return Settings(all: result, configPath: configPath, configExists: configText != nil)
    }

    public subscript(key: SettingKey) -> Setting {
        all.first { $0.key == key } ?? Setting(key: key, value: nil, source: .defaultValue)
    }

    public func string(_ key: SettingKey) -> String? { self[key].value }
    public func bool(_ key: SettingKey) -> Bool { self[key].value == "true" }
    public func count(_ key: SettingKey) -> Int? { self[key].value.flatMap { Int($0) } }

    /// Environment variables to set in this process so that code reading a setting's variable (storage's
    /// `$ACTIONPLAN_BACKUPS`, the UI's `$ACTIONPLAN_SCREEN_READER`, …) sees the config file's value too.
    /// Only values from the config file: a variable already set wins by the precedence above, and a
    /// default is what such code does anyway. Booleans as 1/0.
    public var exports: [String: String] {
        var out: [String: String] = [:]
        for s in all {
            guard case .config = s.source, let name = s.key.environment, let value = s.value else { continue }
            out[name] = s.key.kind == .bool ? (value == "true" ? "1" : "0") : value
        }
        return out
    }

    /// Flags and environment variables are text: checked like the config file's values, booleans
    /// accepted as 1/0, true/false, yes/no, on/off.
    private static func normalised(_ raw: String, _ key: SettingKey, from origin: String,
                                   _ env: [String: String]) throws(ConfigError) -> String {
        var value = raw
        if key.kind == .bool {
            switch raw.lowercased() {
            case "1", "true", "yes", "on": value = "true"
            case "0", "false", "no", "off": value = "false"
            default: throw ConfigError(path: origin, message: "expected 1 or 0 (true/false, yes/no, on/off), found \"\(raw)\"")
            }
        }
        if key.kind == .path { value = expandHome(value, env) }
        if key.kind == .path { return value } // a relative --data DIR is relative to where the command runs
        if let problem = key.kind.problem(with: value) { throw ConfigError(path: origin, message: problem) }
        return value
    }

    private static func expandHome(_ path: String, _ env: [String: String]) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home = env["HOME"], !home.isEmpty else { return path }
        return home + path.dropFirst()
    }
}
