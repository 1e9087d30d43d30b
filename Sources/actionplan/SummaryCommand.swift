import ActionPlanCore
import ArgumentParser

struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Tallies per plan and per Key Issue, with % met; --compare for the direction of travel.",
        discussion: """
        --compare puts each count beside its count at the last closed review (met 12 → 15, not met 9 → 7) \
        with the direction of travel, per Key Issue and for the plan; --review N compares with closed \
        review N instead (implies --compare; needs --plan). A Key Issue is better when more of its targets \
        are met; with as many met, when more are at least partially met; with as many of those, when more \
        have been assessed at all. Worse is the reverse; otherwise the same.
        """
    )

    @OptionGroup var dataOptions: DataOptions
    @Option(help: "Only this plan.", completion: .planID) var plan: String?
    @Option(help: ArgumentHelp("Judge overdue as of this day (default: today).", valueName: "date"), transform: DayArgument.parse) var asOf: DayArgument?
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text
    @Flag(help: "Compare with the last closed review of each plan.") var compare = false
    @Option(help: ArgumentHelp("Compare with this closed review (needs --plan).", valueName: "n")) var review: Int?

    func validate() throws {
        if format == .csv { throw ValidationError("summary prints text or json, not csv") }
        if review != nil && plan == nil { throw ValidationError("--review N needs --plan: review numbers belong to one plan") }
    }

    func run() throws {
        try reportingErrors {
            let asOf = self.asOf?.day ?? Day.today()
            let store = dataOptions.store()
            var plans: [Plan] = []
            let failures = try forEachPlan(named: plan, in: store) { plans.append($0) }
            var comparisons: [Comparison?] = []
            if compare || review != nil {
                for p in plans {
                    let previous = try review.map { n throws(ReviewError) in try p.closedReview(number: n) } ?? p.previousClosedReview()
                    comparisons.append(previous.map { p.compare(with: $0, asOf: asOf) })
                }
            } else {
                comparisons = Array(repeating: nil, count: plans.count)
            }
            let outputs = zip(plans, comparisons).map { plan, comparison in
                SummaryOutput(plan: plan, comparison: comparison, compared: compare || review != nil, asOf: asOf)
            }
            if format == .json {
                printJSON(.array(outputs.map(\.json)))
            } else {
                let width = Output.width()
                Output.write(Array(outputs.map { $0.text(glyphs: glyphs, width: width) }.joined(separator: [0x0A])))
            }
            try failIfInvalid(failures)
        }
    }
}
