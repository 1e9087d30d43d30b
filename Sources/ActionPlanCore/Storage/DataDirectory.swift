import Foundation

/// Where plans live: `--data DIR`, else `$ACTIONPLAN_DATA`, else `data` in the config file (which
/// reaches this process as `$ACTIONPLAN_DATA`: see `Settings.exports`), else `$XDG_DATA_HOME/actionplan`,
/// else `~/.local/share/actionplan`.
public enum DataDirectory {
    public static func resolve(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let option, !option.isEmpty { return option }
        if let env = environment["ACTIONPLAN_DATA"], !env.isEmpty { return env }
        return standard(environment: environment)
    }

    /// The XDG default, when nothing names a directory.
    public static func standard(environment: [String: String]) -> String {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return xdg + "/actionplan" }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.local/share/actionplan"
    }
}

/// Who is making a change: `--by NAME`, else the login name.
public enum Identity {
    public static func current(override: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let override, !override.isEmpty { return override }
        if let v = environment["ACTIONPLAN_USER"], !v.isEmpty { return v }
        return loginName(environment: environment)
    }

    /// The login name, when neither `--by`, `$ACTIONPLAN_USER` nor the config file's `user` says otherwise.
    public static func loginName(environment: [String: String]) -> String {
        for key in ["USER", "LOGNAME"] {
            if let v = environment[key], !v.isEmpty { return v }
        }
        return NSUserName()
    }
}

/// ISO 8601 UTC timestamps for history, without a DateFormatter (slow to create) in the save path.
public enum Timestamp {
    public static func iso(_ date: Date = Date()) -> String {
        var t = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&t, &parts)
        func pad(_ n: Int32, _ w: Int = 2) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1))-\(pad(parts.tm_mday))T\(pad(parts.tm_hour)):\(pad(parts.tm_min)):\(pad(parts.tm_sec))Z"
    }
}
