import ActionPlanCore
import ArgumentParser

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create an empty plan (then add Key Issues, objectives and targets with add).",
        discussion: "The plan is saved as PLAN_ID.json in the data directory; an existing plan is never overwritten."
    )

    @OptionGroup var dataOptions: DataOptions
    @Argument(help: ArgumentHelp("The new plan's id: letters, digits, '-', '_' and '.'.", valueName: "plan-id")) var id: String
    @Option(help: "The plan's title.") var title: String
    @Option(help: "The organisation, e.g. \"Luton Borough Council\".") var organisation: String = ""
    @Option(help: "The department.") var department: String = ""
    @Option(help: ArgumentHelp("The months it covers, as YYYY-MM..YYYY-MM (2026-04..2027-03).", valueName: "period")) var period: String?

    func run() throws {
        try reportingErrors {
            if let reason = PlanID.problem(with: id) { throw StoreError.invalidPlanID(id, reason: reason) }
            guard !title.allSatisfy(\.isWhitespace) else { throw ValidationError("--title must not be empty") }
            var plan = Plan(id: id, title: title)
            plan.organisation = organisation
            plan.department = department
            if let period {
                guard let p = PeriodText.parse(period) else {
                    throw ValidationError("--period: expected YYYY-MM..YYYY-MM, the end not before the start, found \"\(Sanitizer.clean(period))\"")
                }
                plan.period = p
            }
            let store = dataOptions.store()
            _ = try store.write(plan, mustBeNew: true)
            print("created \(id) (\(try store.path(for: id)))")
        }
    }
}
