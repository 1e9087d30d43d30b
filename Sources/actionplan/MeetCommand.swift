import ActionPlanCore
import ActionPlanTUI
import ArgumentParser

/// `actionplan meet PLAN_ID`: the review UI (`UICommand`, with everything it sets up) opened straight
/// into meeting mode on one plan.
struct MeetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meet",
        abstract: "Open the review UI in meeting mode on a plan: one target per screen, for a progress meeting.",
        discussion: """
        Walks the plan target by target with the screen shared or projected: m met, x not met (asks for \
        the forecast), p partially met and Space (no change) each move on to the next target; c and f \
        edit the comment and forecast; ← and → (or b and n) step; a shows only targets not yet assessed \
        in the open review, e only exceptions; --officer that leads no target of the plan is refused (exit 2) \
        with close names suggested; q ends the meeting with a summary of what changed and what \
        is outstanding, then the plan's tree. R starts or closes a review, r writes the report. Every \
        change is saved at once, with history. Press ? for every key.
        """
    )

    @OptionGroup var dataOptions: DataOptions
    @Argument(help: ArgumentHelp("The plan.", valueName: "plan-id"), completion: .planID) var planID: String
    @Option(help: ArgumentHelp("Only this lead officer's targets.", valueName: "name"), completion: .officer) var officer: String?
    @Flag(help: "ASCII status symbols and box lines ([Y] [N] [P] [ ]).") var ascii = false
    @Flag(name: .customLong("no-color"), help: "No colours (also when NO_COLOR is set).") var noColor = false
    @Flag(help: "For a screen reader: the cursor on what is selected, no box lines or bar charts.") var screenReader = false
    @Option(help: ArgumentHelp("default, high-contrast or projector.", valueName: "theme")) var theme: Theme?
    @Option(help: ArgumentHelp("Judge overdue as of this day (default: today); also the date a new review is offered.", valueName: "date"), transform: DayArgument.parse)
    var asOf: DayArgument?

    func validate() throws {
        if let problem = PlanID.problem(with: planID) {
            throw ValidationError("invalid plan id: \(problem)")
        }
    }

    func run() throws {
        // A missing plan (exit 2) or a file that does not load (exit 1) is said before the screen opens.
        var planID = self.planID
        try reportingErrors {
            let store = dataOptions.store()
            planID = try resolvedPlanID(planID, in: store)
            let loaded = try store.load(planID)
            // An officer who leads nothing here would open an empty meeting: say so, with close names.
            if let officer {
                let query = OfficerQuery(officer)
                let targets = loaded.plan.allTargets
                if !targets.contains(where: query.matches) {
                    printError(OfficerSuggestion.noMatchNotice(for: officer, among: Set(targets.flatMap(\.leadOfficers)).sorted(), in: planID))
                    throw ExitCode(Exit.notFound)
                }
            }
        }
        var arguments = ["--plan", planID, "--meeting"]
        if let data = dataOptions.data { arguments += ["--data", data] }
        if let officer { arguments += ["--officer", officer] }
        if ascii { arguments.append("--ascii") }
        if noColor { arguments.append("--no-color") }
        if screenReader { arguments.append("--screen-reader") }
        if let theme { arguments += ["--theme", theme.rawValue] }
        if let asOf { arguments += ["--as-of", asOf.day.description] }
        var ui = try UICommand.parse(arguments)
        try ui.run()
    }
}
