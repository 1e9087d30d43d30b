import ActionPlanCore
import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

@main
struct ActionPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actionplan",
        abstract: "Progress reviews of council equality action plans: browse Key Issues, objectives and targets, tick outcomes.",
        discussion: """
        With no subcommand, opens the interactive review UI on the data directory.

        The data directory is --data DIR, else $ACTIONPLAN_DATA, else data in the config file \
        ($XDG_CONFIG_HOME/actionplan/config.toml; see actionplan config), else $XDG_DATA_HOME/actionplan \
        (~/.local/share/actionplan). actionplan init [--samples] creates it. A target is addressed as PLAN_ID/TARGET_ID; the plan may be an \
        unambiguous start of its id (luton-dis/t12), and TARGET_ID alone does when --plan is given or only \
        one plan has it. Dates: 2009-02-28, 28/02/2009, 28 Feb 2009, 28 February 2009, today, yesterday \
        (day before month). Statuses: met, not-met, partially-met, not-assessed (also done, yes, no, partly).

        Exit codes: 0 success; 1 a plan file is invalid or unreadable, a file to import is refused, or the \
        review state forbids the command; 2 no such plan, target or review; 3 a save failed (the previous \
        file is unchanged); 4 a sync could not finish (see actionplan sync --help); 64 bad arguments (also an ambiguous plan prefix or target id); 78 the config file (or a setting's \
        environment variable) is invalid.
        """,
        // No `version:` here: argument-parser then treats `--version` anywhere as the built-in flag when
        // parsing fails, so `restore -rf --version 1` printed the version and exited 0. `actionplan --version`
        // alone is answered in main() instead (BuildInfo.versionLine).
        subcommands: [
            UICommand.self, MeetCommand.self, PlansCommand.self, ListCommand.self, ShowCommand.self, SetCommand.self,
            SummaryCommand.self, ReviewCommand.self, ReportCommand.self, ValidateCommand.self,
            HistoryCommand.self, RestoreCommand.self, ImportCommand.self, ExportCommand.self,
            NewCommand.self, AddCommand.self, EditCommand.self, MoveCommand.self, RemoveCommand.self, UndoCommand.self,
            OfficersCommand.self, RolloverCommand.self,
            InitCommand.self, ConfigCommand.self, SyncCommand.self, MergeDriverCommand.self,
        ],
        defaultSubcommand: UICommand.self
    )

    static func main() {
        FirstFrame.mark() // for ACTIONPLAN_FIRST_FRAME_FILE: the time from here to the UI's first frame
        if CommandLine.arguments.dropFirst() == ["--version"] { print(BuildInfo.versionLine); Glibc.exit(0) }
        run(CommandLine.arguments.dropFirst().map { $0 })
    }

    /// `main(nil)` of swift-argument-parser, except that its messages (which quote the command line:
    /// `actionplan show $'\e]0;pwned\a/t1'`) are cleaned before they reach the terminal.
    /// The config file is read first and its problem reported only once one of our commands is about to
    /// run: `--help`, `--version` and shell completion never stop on a broken config file.
    static func run(_ arguments: [String]) -> Never {
        let configProblem = ProcessSettings.load()
        do {
            var command = try parseAsRoot(arguments)
            // Only before one of our commands: ArgumentParser answers --help with a command of its own.
            if let configProblem, isOurs(type(of: command)) {
                printError(configProblem.description)
                Glibc.exit(Exit.config)
            }
            try command.run()
            Glibc.exit(0)
        } catch {
            let code = exitCode(for: error)
            let message = ParserMessage.clean(fullMessage(for: error))
            if !message.isEmpty {
                if code == .success {
                    print(message) // --help, --version
                } else {
                    var stderr = StandardError()
                    print(message, to: &stderr)
                }
            }
            Glibc.exit(code.rawValue)
        }
    }

    private static func isOurs(_ type: any ParsableCommand.Type) -> Bool {
        func contains(_ root: any ParsableCommand.Type) -> Bool {
            root == type || root.configuration.subcommands.contains { contains($0) }
        }
        return contains(ActionPlanCommand.self)
    }
}
