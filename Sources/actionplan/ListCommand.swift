import ActionPlanCore
import ArgumentParser

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List targets, filtered: my targets (--officer), what is overdue, a status, a text.",
        discussion: """
        Every condition given must hold. --officer matches one lead officer of a target, case-insensitively: \
        the whole entry (gs matches GS/CSO, not GSX) or whole words in a longer entry \
        (\"jo fisher\" matches \"Jo Fisher, Service Manager\"); one that matches nobody is said on stderr, with \
        the closest officer names. --overdue means due before the as-of day and not met.

        Text fits the width: the terminal's when stdout is one, else $COLUMNS, else no limit (--width N \
        sets it; 0 for none). The text column is cut with … (--wrap wraps it inside its column); when the \
        terminal is too narrow to give it 30 columns, it goes on the lines below each target instead. \
        CSV cells that begin with = + - @ TAB or CR get a leading apostrophe so a spreadsheet does not run \
        them (--raw: exactly as stored).
        """
    )

    @OptionGroup var dataOptions: DataOptions
    @Option(help: "Only this plan.", completion: .planID) var plan: String?
    @Option(help: "Only targets led by this officer.", completion: .officer) var officer: String?
    @Option(help: ArgumentHelp("Only these statuses (comma-separated): met, not-met, partially-met, not-assessed.", valueName: "status"))
    var status: String?
    @Flag(help: "Only targets due before the as-of day and not met.") var overdue = false
    @Option(help: ArgumentHelp("Only targets due before this day.", valueName: "date"), transform: DayArgument.parse) var dueBefore: DayArgument?
    @Option(help: ArgumentHelp("Judge overdue as of this day (default: today).", valueName: "date"), transform: DayArgument.parse) var asOf: DayArgument?
    @Option(help: "Only targets whose text, comment, forecast or objective contains this (any case).") var search: String?
    @Option(help: "Output format: text, json or csv.") var format: OutputFormat = .text
    @Option(help: ArgumentHelp("Text: fit this many columns (0: no limit; default: the terminal's width).", valueName: "n")) var width: Int?
    @Flag(help: "Text: wrap the target text inside its column instead of cutting it with …") var wrap = false
    @Flag(help: "CSV: write every value exactly (no apostrophe before a leading = + - @).") var raw = false

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
            let output = ListOutput(format: format.listFormat, filter: filter, glyphs: glyphs, wrap: wrap)
            let failures = try forEachPlan(named: plan, in: store) { output.add($0, filter) }
            let bytes = output.render(width: Output.width(option: width), neutralise: !raw)
            if format == .text { Output.write(bytes) } else { Output.data(String(decoding: bytes, as: UTF8.self), json: format == .json) }
            if let notice = output.officerNotice { printError(notice) }
            try failIfInvalid(failures)
        }
    }
}

extension OutputFormat {
    var listFormat: ListOutput.Format {
        switch self {
        case .text: return .text
        case .json: return .json
        case .csv: return .csv
        }
    }
}
