import ActionPlanCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The settings of this process: read once at startup from the environment and the config file.
///
/// The config file's values are put into this process's environment under each setting's variable
/// (`Settings.exports`), below any variable the user set. Code that reads `$ACTIONPLAN_DATA`,
/// `$ACTIONPLAN_BACKUPS`, `$ACTIONPLAN_SCREEN_READER`, … therefore honours the config file with the
/// documented precedence (flag > environment > config > default) without each feature loading it.
enum ProcessSettings {
    /// The environment as the user set it, before any config value was added (what `config` reports from).
    static let originalEnvironment = ProcessInfo.processInfo.environment

    /// Reads the config file and exports its values. Returns the problem, if any, for the command to
    /// report: it is not reported here, so `--help` and completion still work with a broken config file.
    static func load() -> ConfigError? {
        let env = originalEnvironment
        let path = ConfigFile.location(environment: env)
        do {
            let settings = try Settings.resolve(environment: env, configText: try ConfigFile.readText(at: path), configPath: path)
            for (name, value) in settings.exports { setenv(name, value, 1) }
            return nil
        } catch {
            return error
        }
    }

    /// Every setting with `flags` applied on top (only `config` needs the sources; commands read values).
    static func resolved(flags: [String: String]) throws(ConfigError) -> Settings {
        let env = originalEnvironment
        let path = ConfigFile.location(environment: env)
        return try Settings.resolve(flags: flags, environment: env, configText: try ConfigFile.readText(at: path), configPath: path)
    }
}

/// A boolean setting's environment variable as this process sees it (the config file's value included).
func environmentFlag(_ key: SettingKey) -> Bool {
    guard let name = key.environment, let v = getenv(name) else { return false }
    return ["1", "true", "yes", "on"].contains(String(cString: v).lowercased())
}

/// A text setting's environment variable as this process sees it (the config file's value included).
func environmentValue(_ key: SettingKey) -> String? {
    guard let name = key.environment, let v = getenv(name) else { return nil }
    let s = String(cString: v)
    return s.isEmpty ? nil : s
}
