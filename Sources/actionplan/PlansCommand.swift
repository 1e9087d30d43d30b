import ActionPlanCore
import ArgumentParser

struct PlansCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plans",
        abstract: "List the plans with their period and tallies (met / partly met / not met / not assessed / overdue)."
    )

    @OptionGroup var dataOptions: DataOptions
    @Option(help: "Judge overdue as of this day (default: today).") var asOf: DayArgument?
    @Option(help: "Output format: text, json or csv.") var format: OutputFormat = .text

    func run() throws {
        if dataOptions.explainFirstRun(to: .standardError) { throw ExitCode(Exit.invalidData) }
        try reportingErrors {
            let asOf = self.asOf?.day ?? Day.today()
            // Keep only what is printed: holding every plan would cost memory on large data directories.
            var rows: [(plan: PlanSummary, tally: Tally)] = []
            var failures: [PlanFileError] = []
            try dataOptions.store().forEachPlan { result in
                switch result {
                case .success(let loaded): rows.append((PlanSummary(loaded.plan), loaded.plan.tally(asOf: asOf)))
                case .failure(let error): failures.append(error)
                }
            }
            switch format {
            case .text:
                let table = TextTable(columns: ["ID", "TITLE", "PERIOD", "MET", "PART", "NOT", "N/A", "OVERDUE", "% MET"])
                for (plan, t) in rows {
                    table.add([plan.id, plan.title, plan.period?.description ?? "", "\(t.met)", "\(t.partiallyMet)",
                               "\(t.notMet)", "\(t.notAssessed)", "\(t.overdue)", "\(t.percentMet)%"])
                }
                table.print(flexibleColumn: 1)
                if rows.isEmpty && failures.isEmpty { print("No plans in \(dataOptions.directory).") }
            case .json:
                printJSON(.array(rows.map { plan, t in
                    var m = [JSONMember("id", .string(plan.id)), JSONMember("title", .string(plan.title)),
                             JSONMember("tally", t.json)]
                    if let p = plan.period {
                        m.append(JSONMember("period", .object([JSONMember("start", .string(p.start.description)), JSONMember("end", .string(p.end.description))])))
                    }
                    if let a = plan.asAt { m.append(JSONMember("asAt", .string(a.description))) }
                    return .object(m)
                }))
            case .csv:
                print(CSVText.render(header: ["id", "title", "periodStart", "periodEnd", "met", "partiallyMet", "notMet", "notAssessed", "overdue", "total", "percentMet"],
                                     rows: rows.map { plan, t in
                    [plan.id, plan.title, plan.period?.start.description ?? "", plan.period?.end.description ?? "",
                     "\(t.met)", "\(t.partiallyMet)", "\(t.notMet)", "\(t.notAssessed)", "\(t.overdue)", "\(t.total)", "\(t.percentMet)"]
                }), terminator: "")
            }
            try failIfInvalid(failures)
        }
    }
}

/// Files that could not be loaded are reported after the output and make the exit code 1:
/// one bad file never hides the others.
func failIfInvalid(_ failures: [PlanFileError]) throws {
    guard !failures.isEmpty else { return }
    for f in failures { printError("skipped invalid plan file: \(f.description)") }
    throw ExitCode(Exit.invalidData)
}

extension Tally {
    var json: JSONValue {
        .object([
            JSONMember("met", .number(Double(met))), JSONMember("partiallyMet", .number(Double(partiallyMet))),
            JSONMember("notMet", .number(Double(notMet))), JSONMember("notAssessed", .number(Double(notAssessed))),
            JSONMember("overdue", .number(Double(overdue))), JSONMember("total", .number(Double(total))),
            JSONMember("percentMet", .number(Double(percentMet))),
        ])
    }
}

func printJSON(_ value: JSONValue) {
    print(String(decoding: JSONWriter.serialize(value), as: UTF8.self), terminator: "")
}

/// The fields of a plan that `plans` prints.
struct PlanSummary {
    var id: String
    var title: String
    var period: Period?
    var asAt: Day?
    init(_ plan: Plan) {
        id = plan.id
        title = plan.title
        period = plan.period
        asAt = plan.asAt
    }
}
