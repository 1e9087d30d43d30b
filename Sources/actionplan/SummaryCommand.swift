import ActionPlanCore
import ArgumentParser

struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Tallies per plan and per Key Issue, with % met."
    )

    @OptionGroup var dataOptions: DataOptions
    @Option(help: "Only this plan.") var plan: String?
    @Option(help: "Judge overdue as of this day (default: today).") var asOf: DayArgument?
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text

    func validate() throws {
        if format == .csv { throw ValidationError("summary prints text or json, not csv") }
    }

    func run() throws {
        try reportingErrors {
            let asOf = self.asOf?.day ?? Day.today()
            let store = dataOptions.store()
            var plans: [Plan] = []
            var failures: [PlanFileError] = []
            if let plan {
                plans = [try store.load(plan).plan]
            } else {
                try store.forEachPlan { result in
                    switch result {
                    case .success(let loaded): plans.append(loaded.plan)
                    case .failure(let error): failures.append(error)
                    }
                }
            }
            if format == .json {
                printJSON(.array(plans.map { plan in
                    .object([
                        JSONMember("id", .string(plan.id)),
                        JSONMember("title", .string(plan.title)),
                        JSONMember("tally", plan.tally(asOf: asOf).json),
                        JSONMember("keyIssues", .array(plan.keyIssues.map { issue in
                            .object([JSONMember("number", .number(Double(issue.number))),
                                     JSONMember("title", .string(issue.title)),
                                     JSONMember("tally", issue.tally(asOf: asOf).json)])
                        })),
                    ])
                }))
            } else {
                for (n, plan) in plans.enumerated() {
                    if n > 0 { print("") }
                    print(glyphs.clean("\(plan.title) (\(plan.id))"))
                    let table = TextTable(columns: ["KEY ISSUE", "MET", "PART", "NOT", "N/A", "OVERDUE", "TOTAL", "% MET"])
                    func add(_ name: String, _ t: Tally) {
                        table.add([name, "\(t.met)", "\(t.partiallyMet)", "\(t.notMet)", "\(t.notAssessed)", "\(t.overdue)", "\(t.total)", "\(t.percentMet)%"])
                    }
                    for issue in plan.keyIssues { add("\(issue.number). \(issue.title)", issue.tally(asOf: asOf)) }
                    add("All Key Issues", plan.tally(asOf: asOf))
                    table.print(flexibleColumn: 0)
                }
            }
            try failIfInvalid(failures)
        }
    }
}
