import ActionPlanCore
import ArgumentParser

struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Change fields of a target, objective, Key Issue or the plan itself; only what is named changes.",
        discussion: """
        ADDRESS is PLAN_ID/tN, PLAN_ID/oN, PLAN_ID/kN, or PLAN_ID for the plan's own fields (--title, \
        --organisation, --department, --period). Targets: --text --lead --timescale --measure; objectives: \
        --text --code --expected --number; Key Issues: --title --statement --number. The due date follows \
        the time scale. Each change is recorded in history (old → new).
        """
    )

    @OptionGroup var dataOptions: DataOptions
    @Argument(help: ArgumentHelp("What to change: PLAN_ID[/ID].", valueName: "address"), completion: .itemAddress) var address: String
    @Option(help: "Text (a target or objective).") var text: String?
    @Option(help: "Title (a Key Issue or the plan).") var title: String?
    @Option(help: "Statement (a Key Issue).") var statement: String?
    @Option(help: "Code (an objective; \"\" for none).") var code: String?
    @Option(help: "Expected outcome (an objective).") var expected: String?
    @Option(help: "Number (a Key Issue or objective; \"\" for none on an objective).") var number: String?
    @Option(help: ArgumentHelp("Lead officers (a target), as written: \"GS/CSO\".", valueName: "officers"), completion: .officer) var lead: String?
    @Option(help: ArgumentHelp("Time scale (a target), as written.", valueName: "text")) var timescale: String?
    @Option(help: ArgumentHelp("Measure (a target): \"baseline=52.5 target=55 actual=16.3 unit=% better=higher\" (\"\" for none).", valueName: "words")) var measure: String?
    @Option(help: "Organisation (the plan).") var organisation: String?
    @Option(help: "Department (the plan).") var department: String?
    @Option(help: ArgumentHelp("Period (the plan): YYYY-MM..YYYY-MM.", valueName: "period")) var period: String?
    @OptionGroup var byOption: ByOption

    var fields: [(ItemField, String)] {
        var f: [(ItemField, String?)] = [(.text, text), (.title, title), (.statement, statement), (.code, code),
                                         (.expectedOutcome, expected), (.number, number), (.timescale, timescale),
                                         (.measure, measure), (.organisation, organisation), (.department, department), (.period, period)]
        if let lead { f.append((.leadOfficers, LeadOfficerParser.parse(lead).joined(separator: "\n"))) }
        return f.compactMap { field, value in value.map { (field, $0) } }
    }

    func validate() throws {
        if fields.isEmpty { throw ValidationError("nothing to change: give at least one of --text, --title, --statement, --code, --expected, --number, --lead, --timescale, --measure, --organisation, --department, --period") }
    }

    func run() throws {
        try reportingErrors {
            let store = dataOptions.store()
            let address = try ChangeCommand.address(self.address, in: store)
            let changes = fields.map { PlanChange.edit(item: address.itemID, field: $0.0, new: $0.1) }
            try ChangeCommand.save(changes, to: address.planID, store: store, by: byOption.by)
        }
    }
}
