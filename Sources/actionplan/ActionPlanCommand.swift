import ArgumentParser

@main
struct ActionPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actionplan",
        abstract: "Progress reviews of council equality action plans: browse Key Issues, objectives and targets, tick outcomes.",
        discussion: """
        With no subcommand, opens the interactive review UI on the data directory.

        The data directory is --data DIR, else $ACTIONPLAN_DATA, else $XDG_DATA_HOME/actionplan \
        (~/.local/share/actionplan). A target is addressed as PLAN_ID/TARGET_ID.

        Exit codes: 0 success; 1 a plan file is invalid or unreadable, a file to import is refused, or the \
        review state forbids the command; 2 no such plan, target or review; 3 a save failed (the previous \
        file is unchanged); 64 bad arguments.
        """,
        // No `version:` here: argument-parser then treats `--version` anywhere as the built-in flag when
        // parsing fails, so `restore -rf --version 1` printed 0.1.0 and exited 0. `actionplan --version`
        // alone is answered in main() instead.
        subcommands: [
            UICommand.self, MeetCommand.self, PlansCommand.self, ListCommand.self, ShowCommand.self, SetCommand.self,
            SummaryCommand.self, ReviewCommand.self, ReportCommand.self, ValidateCommand.self,
            HistoryCommand.self, RestoreCommand.self, ImportCommand.self, ExportCommand.self,
        ],
        defaultSubcommand: UICommand.self
    )

    static func main() {
        FirstFrame.mark() // for ACTIONPLAN_FIRST_FRAME_FILE: the time from here to the UI's first frame
        if CommandLine.arguments.dropFirst() == ["--version"] { print(ActionPlanCommand.version); return }
        main(nil)
    }

    static let version = "0.1.0"
}
