import ActionPlanCore
import ArgumentParser

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show every effective setting and where it came from (flag, environment, config file, default).",
        discussion: """
        The config file is $ACTIONPLAN_CONFIG, else $XDG_CONFIG_HOME/actionplan/config.toml \
        (~/.config/actionplan/config.toml). It is TOML, e.g. data = "/srv/plans". A command-line flag \
        wins over the environment, which wins over the config file, which wins over the default. \
        --keys lists every key the file may set.
        """
    )

    @OptionGroup var dataOptions: DataOptions
    @Flag(help: "List the keys the config file may set, with their environment variables and flags.") var keys = false
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text

    func run() throws {
        if keys { return printKeys() }
        let settings: Settings
        do {
            settings = try ProcessSettings.resolved(flags: dataOptions.data.map { ["data": $0] } ?? [:])
        } catch {
            printError(error.description)
            throw ExitCode(Exit.config)
        }
        switch format {
        case .json:
            printJSON(.object([
                JSONMember("configFile", .string(settings.configPath)),
                JSONMember("configFileExists", .bool(settings.configExists)),
                JSONMember("settings", .object(settings.all.map { s in
                    JSONMember(s.key.name, .object([
                        JSONMember("value", s.value.map(JSONValue.string) ?? .null),
                        JSONMember("source", .string(s.source.description)),
                    ]))
                })),
            ]))
        case .text, .csv:
            print("config file: \(glyphs.clean(settings.configPath))\(settings.configExists ? "" : " (none)")")
            let table = TextTable(columns: ["SETTING", "VALUE", "FROM"], flexibleColumn: 1)
            for s in settings.all { table.add([s.key.name, s.value ?? "(none)", s.source.description]) }
            table.print()
        }
    }

    private func printKeys() {
        if format == .json {
            return printJSON(.array(SettingKey.all.map { key in
                .object([
                    JSONMember("key", .string(key.name)),
                    JSONMember("environment", key.environment.map(JSONValue.string) ?? .null),
                    JSONMember("flag", key.flag.map(JSONValue.string) ?? .null),
                    JSONMember("help", .string(key.help)),
                    JSONMember("expected", .string(key.kind.expected)),
                ])
            }))
        }
        let table = TextTable(columns: ["KEY", "ENVIRONMENT", "FLAG", "MEANING"], flexibleColumn: 3)
        for key in SettingKey.all { table.add([key.name, key.environment.map { "$" + $0 } ?? "", key.flag ?? "", key.help]) }
        table.print()
    }
}
