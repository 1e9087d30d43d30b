/// One setting the program reads, with every place it can come from. The table `SettingKey.all` is the
/// one list: `actionplan config`, the config file's checks, the man page and the README read it, and a
/// feature that wants a new setting adds one line there (and reads its environment variable, which the
/// config file's value reaches too: see `Settings.exports`).
public struct SettingKey: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case path      // a directory or file; `~/` is expanded; must end up absolute
        case text
        case bool      // true/false in the file; 1/0, true/false, yes/no, on/off in the environment
        case count     // a whole number ≥ 0
        case choice([String])
    }

    /// The key in config.toml, dotted for a table: `data`, `sync.remote`.
    public let name: String
    /// The environment variable, if there is one.
    public let environment: String?
    /// The command-line flag that sets it, for the documentation (`--data`); the commands own the flags.
    public let flag: String?
    public let kind: Kind
    /// What it means, one line, for `actionplan config --keys`, the man page and the README.
    public let help: String
    /// The value when nothing sets it (nil: none), from the environment for the few that depend on it.
    let fallback: @Sendable ([String: String]) -> String?

    public init(_ name: String, env: String?, flag: String?, _ kind: Kind, help: String,
                default fallback: @escaping @Sendable ([String: String]) -> String?) {
        self.name = name
        self.environment = env
        self.flag = flag
        self.kind = kind
        self.help = help
        self.fallback = fallback
    }

    public static func == (a: SettingKey, b: SettingKey) -> Bool { a.name == b.name }

    public func defaultValue(environment env: [String: String]) -> String? { fallback(env) }
}

extension SettingKey {
    public static let data = SettingKey("data", env: "ACTIONPLAN_DATA", flag: "--data", .path,
        help: "The data directory: where the plans are.", default: { DataDirectory.standard(environment: $0) })
    public static let user = SettingKey("user", env: "ACTIONPLAN_USER", flag: "--by", .text,
        help: "Who you are, as recorded in each change's history.", default: { Identity.loginName(environment: $0) })
    public static let officer = SettingKey("officer", env: "ACTIONPLAN_OFFICER", flag: "--officer", .text,
        help: "The lead officer the review UI starts filtered to (\"my targets\").", default: { _ in nil })
    public static let theme = SettingKey("theme", env: "ACTIONPLAN_THEME", flag: "--theme", .choice(["default", "high-contrast", "projector"]),
        help: "The review UI's theme: default, high-contrast (no dim text, bold colours) or projector (high contrast, the meeting's text in full).",
        default: { _ in "default" })
    public static let ascii = SettingKey("ascii", env: "ACTIONPLAN_ASCII", flag: "--ascii", .bool,
        help: "ASCII status symbols and box lines ([Y] [N] [P] [ ]) even in a UTF-8 terminal.", default: { _ in "false" })
    public static let screenReader = SettingKey("screen_reader", env: "ACTIONPLAN_SCREEN_READER", flag: "--screen-reader", .bool,
        help: "The review UI laid out for a screen reader.", default: { _ in "false" })
    public static let backups = SettingKey("backups", env: "ACTIONPLAN_BACKUPS", flag: nil, .count,
        help: "How many previous versions of each plan are kept (0: none).", default: { _ in "10" })
    public static let syncRemote = SettingKey("sync.remote", env: "ACTIONPLAN_SYNC_REMOTE", flag: nil, .text,
        help: "The git remote that sync exchanges changes with.", default: { _ in "origin" })
    public static let syncAuto = SettingKey("sync.auto", env: "ACTIONPLAN_SYNC_AUTO", flag: nil, .bool,
        help: "Sync when the review UI opens and closes a plan.", default: { _ in "false" })

    /// Every setting, in the order `actionplan config` shows them. One line here adds a setting.
    public static let all: [SettingKey] = [data, user, officer, theme, ascii, screenReader, backups, syncRemote, syncAuto]

    public static func named(_ name: String) -> SettingKey? { all.first { $0.name == name } }
}
