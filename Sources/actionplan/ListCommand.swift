import ActionPlanCore
import ArgumentParser

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List targets, filtered: my targets (--officer), what is overdue, a status, a text.",
        discussion: """
        Every condition given must hold. --officer matches one lead officer of a target, case-insensitively: \
        the whole entry (gs matches GS/CSO, not GSX) or whole words in a longer entry \
        (\"jo fisher\" matches \"Jo Fisher, Service Manager\"). --overdue means due before the as-of day and not met.
        """
    )

    @OptionGroup var dataOptions: DataOptions
    @Option(help: "Only this plan.", completion: .planID) var plan: String?
    @Option(help: "Only targets led by this officer.", completion: .officer) var officer: String?
    @Option(help: ArgumentHelp("Only these statuses (comma-separated): met, not-met, partially-met, not-assessed.", valueName: "status"))
    var status: String?
    @Flag(help: "Only targets due before the as-of day and not met.") var overdue = false
    @Option(help: "Only targets due before this day.") var dueBefore: DayArgument?
    @Option(help: "Judge overdue as of this day (default: today).") var asOf: DayArgument?
    @Option(help: "Only targets whose text, comment, forecast or objective contains this (any case).") var search: String?
    @Option(help: "Output format: text, json or csv.") var format: OutputFormat = .text

    func validate() throws {
        _ = try parsedStatuses()
    }

    func parsedStatuses() throws -> Set<Status> {
        guard let status else { return [] }
        var result = Set<Status>()
        for word in status.split(separator: ",") {
            let w = word.trimmingCharacters(in: .whitespaces)
            guard let s = Status(argument: w) else {
                throw ValidationError("unknown status \"\(Sanitizer.clean(w))\"; expected one of: \(Status.argumentSpellings)")
            }
            result.insert(s)
        }
        return result
    }

    func run() throws {
        try reportingErrors {
            var filter = TargetFilter(asOf: asOf?.day ?? Day.today())
            filter.officer = officer.map(OfficerQuery.init)
            filter.statuses = try parsedStatuses()
            filter.overdueOnly = overdue
            filter.dueBefore = dueBefore?.day
            filter.search = search
            let store = dataOptions.store()
            var failures: [PlanFileError] = []
            // Text is formatted plan by plan as the plans are read (no intermediate rows to copy);
            // JSON and CSV collect rows first.
            let table = format == .text ? ListTextTable(asOf: filter.asOf) : nil
            var rows: [TargetRow] = []
            func take(_ plan: Plan) {
                if let table { table.add(plan, filter) } else { rows.append(contentsOf: plan.rows(matching: filter)) }
            }
            if let plan {
                take(try store.load(plan).plan)
            } else {
                try store.forEachPlan { result in
                    switch result {
                    case .success(let loaded): take(loaded.plan)
                    case .failure(let error): failures.append(error)
                    }
                }
            }
            if let table { table.print() } else { printCollected(rows, asOf: filter.asOf) }
            try failIfInvalid(failures)
        }
    }

    /// JSON or CSV of the collected rows (text is printed by ListTextTable).
    private func printCollected(_ rows: [TargetRow], asOf: Day) {
        if format == .json {
            printJSON(.array(rows.map { $0.json(asOf: asOf) }))
        } else {
            print(CSVText.render(header: TargetRow.csvHeader, rows: rows.map { $0.csvFields(asOf: asOf) }), terminator: "")
        }
    }
}

extension TargetRow {
    static let csvHeader = ["target", "plan", "keyIssue", "objective", "text", "leadOfficers", "timescale", "due",
                            "status", "overdue", "comment", "forecast"]

    func csvFields(asOf: Day) -> [String] {
        [address.description, planID, "\(issueNumber)", objectiveLabel, target.text,
         target.leadOfficers.joined(separator: "; "), target.timescale, target.due?.description ?? "",
         target.status.argument, target.isOverdue(asOf: asOf) ? "yes" : "no", target.comment, target.forecast]
    }

    func json(asOf: Day) -> JSONValue {
        var m: [JSONMember] = [
            JSONMember("target", .string(address.description)),
            JSONMember("plan", .string(planID)),
            JSONMember("id", .string(target.id)),
            JSONMember("keyIssue", .number(Double(issueNumber))),
            JSONMember("objective", .string(objectiveLabel)),
            JSONMember("text", .string(target.text)),
            JSONMember("leadOfficers", .array(target.leadOfficers.map { .string($0) })),
            JSONMember("timescale", .string(target.timescale)),
            JSONMember("status", .string(target.status.rawValue)),
            JSONMember("overdue", .bool(target.isOverdue(asOf: asOf))),
            JSONMember("comment", .string(target.comment)),
            JSONMember("forecast", .string(target.forecast)),
        ]
        if let due = target.due { m.append(JSONMember("due", .string(due.description))) }
        return .object(m)
    }
}

/// The text listing: one line per target, cells cleaned and measured once, status labels reused.
final class ListTextTable {
    private let table = TextTable(columns: ["TARGET", "STATUS", "DUE", "LEAD OFFICERS", "TIME SCALE", "TEXT"])
    private let asOf: Day
    private let labels: [Status: (text: String, width: Int)]

    init(asOf: Day) {
        self.asOf = asOf
        var labels: [Status: (text: String, width: Int)] = [:]
        for status in Status.allCases {
            let label = glyphs.label(status)
            labels[status] = (label, DisplayWidth.of(label))
        }
        self.labels = labels
    }

    func add(_ plan: Plan, _ filter: TargetFilter) {
        plan.forEachTarget(matching: filter) { _, _, t in
            var due = t.due?.description ?? "-"
            if t.isOverdue(asOf: asOf) { due += " overdue" }
            table.add(measured: [
                glyphs.cleanMeasured(plan.id + "/" + t.id), labels[t.status]!, (due, due.utf8.count),
                glyphs.cleanMeasured(t.leadOfficers.joined(separator: ", ")),
                glyphs.cleanMeasured(t.timescale), glyphs.cleanMeasured(t.text),
            ])
        }
    }

    func print() { table.print(flexibleColumn: 5) }
}
