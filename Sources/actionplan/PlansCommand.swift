import ActionPlanCore
import ArgumentParser

struct PlansCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plans",
        abstract: "List the plans with their period and tallies (met / partly met / not met / not assessed / overdue)."
    )

    @OptionGroup var dataOptions: DataOptions
    @Option(help: ArgumentHelp("Judge overdue as of this day (default: today).", valueName: "date"), transform: DayArgument.parse) var asOf: DayArgument?
    @Option(help: "Output format: text, json or csv.") var format: OutputFormat = .text
    @Flag(help: "CSV: write every value exactly (no apostrophe before a leading = + - @).") var raw = false

    func run() throws {
        if dataOptions.explainFirstRun(to: .standardError) { throw ExitCode(Exit.invalidData) }
        try reportingErrors {
            let asOf = self.asOf?.day ?? Day.today()
            var output = PlansOutput()
            var failures: [PlanFileError] = []
            try dataOptions.store().forEachPlan { result in
                switch result {
                case .success(let loaded): output.add(loaded.plan, asOf: asOf)
                case .failure(let error): failures.append(error)
                }
            }
            switch format {
            case .text:
                Output.write(output.text(glyphs: glyphs, width: Output.width()))
                if output.rows.isEmpty && failures.isEmpty { print("No plans in \(glyphs.clean(dataOptions.directory)).") }
            case .json: Output.data(String(decoding: output.json(), as: UTF8.self), json: true)
            case .csv: Output.data(output.csv(neutralise: !raw))
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

/// A JSON value to stdout (made safe when stdout is a terminal).
func printJSON(_ value: JSONValue) {
    Output.data(String(decoding: JSONWriter.serialize(value), as: UTF8.self), json: true)
}
