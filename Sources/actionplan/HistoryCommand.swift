import ActionPlanCore
import ArgumentParser

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Audit: the changes made to a plan or one target, newest first."
    )

    @OptionGroup var dataOptions: DataOptions
    @Argument(help: ArgumentHelp("A plan id, or one target as PLAN_ID/TARGET_ID.", valueName: "plan-id[/target-id]"), completion: .targetAddress)
    var subject: String
    @Option(help: "Only changes on or after this day.") var since: DayArgument?
    @Option(help: "Only changes made by this person.") var by: String?
    @Option(help: "Output format: text, json or csv.") var format: OutputFormat = .text

    func run() throws {
        try reportingErrors {
            let parts = subject.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard parts.count <= 2 else { throw ValidationError("expected PLAN_ID or PLAN_ID/TARGET_ID, found \"\(subject)\"") }
            let plan = try dataOptions.store().load(parts[0]).plan
            var entries: [(target: String, entry: HistoryEntry)] = []
            for target in plan.allTargets where parts.count == 1 || target.id == parts[1] {
                for entry in target.history { entries.append((target.id, entry)) }
            }
            if parts.count == 2 && plan.target(id: parts[1]) == nil {
                throw StoreError.targetNotFound(TargetAddress(planID: parts[0], targetID: parts[1]))
            }
            if let since { entries = entries.filter { $0.entry.when >= since.day.description } }
            if let by { entries = entries.filter { $0.entry.who.caseInsensitiveCompare(by) == .orderedSame } }
            // Newest first; entries made in the same second keep their recorded order reversed.
            entries = entries.enumerated().sorted { a, b in
                a.element.entry.when != b.element.entry.when ? a.element.entry.when > b.element.entry.when : a.offset > b.offset
            }.map(\.element)
            func shown(_ e: HistoryEntry, _ value: String) -> String {
                e.field == .status ? (Status(rawValue: value).map(glyphs.label) ?? value) : "\"\(value)\""
            }
            switch format {
            case .text:
                if entries.isEmpty { print("no changes recorded"); return }
                let table = TextTable(columns: ["WHEN", "WHO", "TARGET", "FIELD", "CHANGE"])
                for (target, e) in entries {
                    table.add([e.when, e.who, "\(plan.id)/\(target)", e.field.rawValue,
                               "\(shown(e, e.old)) → \(shown(e, e.new))" + (e.note.map { " (\($0))" } ?? "")])
                }
                table.print(flexibleColumn: 4)
            case .json:
                printJSON(.array(entries.map { target, e in
                    .object([JSONMember("target", .string("\(plan.id)/\(target)")), JSONMember("when", .string(e.when)),
                             JSONMember("who", .string(e.who)), JSONMember("field", .string(e.field.rawValue)),
                             JSONMember("old", .string(e.old)), JSONMember("new", .string(e.new))]
                            + (e.note.map { [JSONMember("note", .string($0))] } ?? []))
                }))
            case .csv:
                print(CSVText.render(header: ["target", "when", "who", "field", "old", "new", "note"], rows: entries.map { target, e in
                    ["\(plan.id)/\(target)", e.when, e.who, e.field.rawValue, e.old, e.new, e.note ?? ""]
                }), terminator: "")
            }
        }
    }
}
