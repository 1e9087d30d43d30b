import ActionPlanCore
import ArgumentParser

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one target in full, with its Key Issue, objective and history."
    )

    @OptionGroup var dataOptions: DataOptions
    @Argument(help: ArgumentHelp("The target, as PLAN_ID/TARGET_ID.", valueName: "plan-id/target-id")) var address: TargetAddressArgument
    @Option(help: "Judge overdue as of this day (default: today).") var asOf: DayArgument?
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text

    func validate() throws {
        if format == .csv { throw ValidationError("show prints text or json, not csv") }
    }

    func run() throws {
        try reportingErrors {
            let plan = try dataOptions.store().load(address.value.planID).plan
            guard let p = plan.indexPath(ofTarget: address.value.targetID) else {
                throw StoreError.targetNotFound(address.value)
            }
            let issue = plan.keyIssues[p.issue]
            let objective = issue.objectives[p.objective]
            let target = objective.targets[p.target]
            let asOf = self.asOf?.day ?? Day.today()
            if format == .json {
                let row = TargetRow(planID: plan.id, issue: issue, objective: objective, target: target)
                guard case .object(var m) = row.json(asOf: asOf) else { return }
                m.append(JSONMember("planTitle", .string(plan.title)))
                m.append(JSONMember("keyIssueTitle", .string(issue.title)))
                m.append(JSONMember("objectiveText", .string(objective.text)))
                m.append(JSONMember("expectedOutcome", .string(objective.expectedOutcome)))
                m.append(JSONMember("history", .array(target.history.map { h in
                    .object([JSONMember("when", .string(h.when)), JSONMember("who", .string(h.who)),
                             JSONMember("field", .string(h.field.rawValue)), JSONMember("old", .string(h.old)),
                             JSONMember("new", .string(h.new))] + (h.note.map { [JSONMember("note", .string($0))] } ?? []))
                })))
                if let measure = target.measure { m.append(JSONMember("measure", .string(measure.summary))) }
                printJSON(.object(m))
                return
            }
            func line(_ label: String, _ value: String) {
                guard !value.isEmpty else { return }
                let text = glyphs.clean(value, keepNewlines: true)
                    .replacingOccurrences(of: "\n", with: "\n" + String(repeating: " ", count: 15))
                print(DisplayWidth.pad(label, to: 15) + text)
            }
            line("Target", address.value.description)
            line("Plan", plan.title)
            line("Key Issue", "\(issue.number). \(issue.title)")
            line("Objective", [objective.label, objective.text].filter { !$0.isEmpty }.joined(separator: " "))
            line("Expected", objective.expectedOutcome)
            line("Text", target.text)
            line("Lead officers", target.leadOfficers.joined(separator: ", "))
            let timescale = Timescale(target.timescale)
            var when = target.timescale.isEmpty ? "(none)" : target.timescale
            if let due = target.due {
                when += " — due \(due.longDescription)" + (target.isOverdue(asOf: asOf) ? " (OVERDUE)" : "")
            } else if target.due == nil && !target.timescale.isEmpty {
                when += " — \(timescale.summary)"
            }
            line("Time scale", when)
            line("Status", glyphs.label(target.status))
            line("Comment", target.comment)
            line("Forecast", target.forecast)
            line("Measure", target.measure?.summary ?? "")
            if !target.history.isEmpty {
                print("History")
                for h in target.history.reversed() {
                    let old = h.field == .status ? (Status(rawValue: h.old).map(glyphs.label) ?? h.old) : "\"\(h.old)\""
                    let new = h.field == .status ? (Status(rawValue: h.new).map(glyphs.label) ?? h.new) : "\"\(h.new)\""
                    let note = h.note.map { " (\($0))" } ?? ""
                    print("  " + glyphs.clean("\(h.when)  \(h.who)  \(h.field.rawValue): \(old) → \(new)\(note)"))
                }
            }
        }
    }
}

/// `PLAN_ID/TARGET_ID` on the command line, with an error that shows the expected shape.
struct TargetAddressArgument: ExpressibleByArgument {
    var value: TargetAddress
    init?(argument: String) {
        guard let address = TargetAddress(argument) else { return nil }
        value = address
    }
    static var defaultValueDescription: String { "PLAN_ID/TARGET_ID" }
    static var defaultCompletionKind: CompletionKind { .targetAddress }
}
