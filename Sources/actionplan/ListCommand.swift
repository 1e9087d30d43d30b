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
    @Option(help: "Only this plan.") var plan: String?
    @Option(help: "Only targets led by this officer.") var officer: String?
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
            var rows: [TargetRow] = []
            var failures: [PlanFileError] = []
            if let plan {
                rows = try store.load(plan).plan.rows(matching: filter)
            } else {
                try store.forEachPlan { result in
                    switch result {
                    case .success(let loaded): rows.append(contentsOf: loaded.plan.rows(matching: filter))
                    case .failure(let error): failures.append(error)
                    }
                }
            }
            output(rows, asOf: filter.asOf)
            try failIfInvalid(failures)
        }
    }

    private func output(_ rows: [TargetRow], asOf: Day) {
        switch format {
        case .text:
            let table = TextTable(columns: ["TARGET", "STATUS", "DUE", "LEAD OFFICERS", "TIME SCALE", "TEXT"])
            for row in rows {
                let t = row.target
                var due = t.due?.description ?? "-"
                if t.isOverdue(asOf: asOf) { due += " overdue" }
                table.add([row.address.description, glyphs.label(t.status), due, t.leadOfficers.joined(separator: ", "),
                           t.timescale, t.text])
            }
            table.print(flexibleColumn: 5)
        case .json:
            printJSON(.array(rows.map { $0.json(asOf: asOf) }))
        case .csv:
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
