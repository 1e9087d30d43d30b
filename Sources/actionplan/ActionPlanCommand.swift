import ArgumentParser
import Foundation

@main
struct ActionPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actionplan",
        abstract: "Progress reviews of council equality action plans: browse Key Issues, objectives and targets, tick outcomes.",
        discussion: """
        With no subcommand, opens the interactive review UI on the data directory.

        The data directory is --data DIR, else $ACTIONPLAN_DATA, else data in the config file \
        ($XDG_CONFIG_HOME/actionplan/config.toml; see actionplan config), else $XDG_DATA_HOME/actionplan \
        (~/.local/share/actionplan). actionplan init [--samples] creates it. A target is addressed as PLAN_ID/TARGET_ID.

        Exit codes: 0 success; 1 a plan file is invalid or unreadable, a file to import is refused, or the \
        review state forbids the command; 2 no such plan, target or review; 3 a save failed (the previous \
        file is unchanged); 64 bad arguments; 78 the config file (or a setting's environment variable) is invalid.
        """,
        version: BuildInfo.versionLine,
        subcommands: [
            UICommand.self, MeetCommand.self, PlansCommand.self, ListCommand.self, ShowCommand.self, SetCommand.self,
            SummaryCommand.self, ReviewCommand.self, ReportCommand.self, ValidateCommand.self,
            HistoryCommand.self, RestoreCommand.self, ImportCommand.self, ExportCommand.self,
            InitCommand.self, ConfigCommand.self,
        ],
        defaultSubcommand: UICommand.self
    )

    /// ArgumentParser's own main (parse, run, exit with the error's code), with the config file read
    /// first and its problem reported only once a command is about to run: `--help`, `--version` and
    /// shell completion never stop on a broken config file.
    static func main() {
        FirstFrame.mark() // for ACTIONPLAN_FIRST_FRAME_FILE: the time from here to the UI's first frame
        let configProblem = ProcessSettings.load()
        do {
            var command = try parseAsRoot(nil)
            // Only before one of our commands: ArgumentParser answers --help with a command of its own.
            if let configProblem, isOurs(type(of: command)) {
                printError(configProblem.description)
                Foundation.exit(Exit.config)
            }
            try command.run()
        } catch {
            exit(withError: error)
        }
    }

    private static func isOurs(_ type: any ParsableCommand.Type) -> Bool {
        func contains(_ root: any ParsableCommand.Type) -> Bool {
            root == type || root.configuration.subcommands.contains { contains($0) }
        }
        return contains(ActionPlanCommand.self)
    }
}
