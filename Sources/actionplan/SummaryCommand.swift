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
    @Option(help: "Judge overdue as of this day (default: today).") var asOf: DayArgument?
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
            var comparisons: [Comparison?] = []
            if compare || review != nil {
                for p in plans {
                    let previous = try review.map { n throws(ReviewError) in try p.closedReview(number: n) } ?? p.previousClosedReview()
                    comparisons.append(previous.map { p.compare(with: $0, asOf: asOf) })
                }
            } else {
                comparisons = Array(repeating: nil, count: plans.count)
            }
            if format == .json {
                printJSON(.array(zip(plans, comparisons).map { json($0, $1, asOf: asOf) }))
            } else {
                for (n, (plan, comparison)) in zip(plans, comparisons).enumerated() {
                    if n > 0 { print("") }
                    if compare || review != nil {
                        printComparison(plan, comparison, asOf: asOf)
                    } else {
                        printTallies(plan, asOf: asOf)
                    }
                }
            }
            try failIfInvalid(failures)
        }
    }

    private func printTallies(_ plan: Plan, asOf: Day) {
        print(glyphs.clean("\(plan.title) (\(plan.id))"))
        let table = TextTable(columns: ["KEY ISSUE", "MET", "PART", "NOT", "N/A", "OVERDUE", "TOTAL", "% MET"])
        func add(_ name: String, _ t: Tally) {
            table.add([name, "\(t.met)", "\(t.partiallyMet)", "\(t.notMet)", "\(t.notAssessed)", "\(t.overdue)", "\(t.total)", "\(t.percentMet)%"])
        }
        for issue in plan.keyIssues { add("\(issue.number). \(issue.title)", issue.tally(asOf: asOf)) }
        add("All Key Issues", plan.tally(asOf: asOf))
        table.print(flexibleColumn: 0)
    }

    private func printComparison(_ plan: Plan, _ comparison: Comparison?, asOf: Day) {
        print(glyphs.clean("\(plan.title) (\(plan.id))"))
        guard let c = comparison else {
            print("no closed review to compare with (see `actionplan review list \(plan.id)`)")
            printTallies(plan, asOf: asOf)
            return
        }
        let r = c.previous
        print(glyphs.clean("compared with review \(r.number)" + (r.title.isEmpty ? "" : " “\(r.title)”")
            + " as at \(r.asAt.longDescription); now as of \(asOf.longDescription)"))
        print(glyphs.clean(Self.sentence(c.plan)))
        print("targets: \(c.count(.better)) better, \(c.count(.same)) same, \(c.count(.worse)) worse, \(c.count(.new)) new")
        let table = TextTable(columns: ["KEY ISSUE", "MET", "PART", "NOT", "N/A", "OVERDUE", "% MET", "DIRECTION"])
        func add(_ name: String, _ change: TallyChange) {
            let a = change.then, b = change.now
            table.add([name, glyphs.change("\(a.met)", "\(b.met)"), glyphs.change("\(a.partiallyMet)", "\(b.partiallyMet)"),
                       glyphs.change("\(a.notMet)", "\(b.notMet)"), glyphs.change("\(a.notAssessed)", "\(b.notAssessed)"),
                       glyphs.change("\(a.overdue)", "\(b.overdue)"), glyphs.change("\(a.percentMet)%", "\(b.percentMet)%"),
                       glyphs.label(change.direction)])
        }
        for issue in c.keyIssues { add("\(issue.number). \(issue.title)", issue.change) }
        add("All Key Issues", c.plan)
        table.print(flexibleColumn: 0)
    }

    /// "↑ better: met 12 → 15, partially met 1 → 1, not met 9 → 7, not assessed 4 → 3, overdue 2 → 0".
    static func sentence(_ change: TallyChange) -> String {
        let a = change.then, b = change.now
        let parts = [("met", a.met, b.met), ("partially met", a.partiallyMet, b.partiallyMet), ("not met", a.notMet, b.notMet),
                     ("not assessed", a.notAssessed, b.notAssessed), ("overdue", a.overdue, b.overdue)]
        return glyphs.label(change.direction) + ": "
            + parts.map { "\($0.0) \(glyphs.change("\($0.1)", "\($0.2)"))" }.joined(separator: ", ")
    }

    private func json(_ plan: Plan, _ comparison: Comparison?, asOf: Day) -> JSONValue {
        var m: [JSONMember] = [
            JSONMember("id", .string(plan.id)),
            JSONMember("title", .string(plan.title)),
            JSONMember("tally", plan.tally(asOf: asOf).json),
        ]
        var issues: [JSONValue] = []
        for (i, issue) in plan.keyIssues.enumerated() {
            var im = [JSONMember("number", .number(Double(issue.number))),
                      JSONMember("title", .string(issue.title)),
                      JSONMember("tally", issue.tally(asOf: asOf).json)]
            if let c = comparison {
                im.append(JSONMember("previousTally", c.keyIssues[i].change.then.json))
                im.append(JSONMember("direction", .string(c.keyIssues[i].change.direction.rawValue)))
            }
            issues.append(.object(im))
        }
        m.append(JSONMember("keyIssues", .array(issues)))
        if let c = comparison {
            m.append(JSONMember("compare", .object([
                JSONMember("review", .number(Double(c.previous.number))),
                JSONMember("reviewAsAt", .string(c.previous.asAt.description)),
                JSONMember("reviewTitle", .string(c.previous.title)),
                JSONMember("previousTally", c.plan.then.json),
                JSONMember("direction", .string(c.plan.direction.rawValue)),
                JSONMember("targets", .object(Direction.allCases.map { JSONMember($0.rawValue, .number(Double(c.count($0)))) })),
            ])))
        } else if compare || review != nil {
            m.append(JSONMember("compare", .null))
        }
        return .object(m)
    }
}
