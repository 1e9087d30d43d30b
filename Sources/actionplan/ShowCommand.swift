import ActionPlanCore
import ArgumentParser

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one target in full, with its Key Issue, objective and history.",
        discussion: """
        The target is PLAN_ID/TARGET_ID, where the plan may be an unambiguous start of its id \
        (luton-dis/t12), or TARGET_ID alone with --plan, or alone when only one plan has that target. \
        Text is wrapped at word boundaries to the width (the terminal's, else $COLUMNS, else no limit; \
        --width N sets it).
        """
    )

    @OptionGroup var dataOptions: DataOptions
    @Argument(help: ArgumentHelp("The target, as PLAN_ID/TARGET_ID (or TARGET_ID).", valueName: "plan-id/target-id"), completion: .targetAddress) var address: String
    @Option(help: "The plan, when the target is given by its id alone.", completion: .planID) var plan: String?
    @Option(help: ArgumentHelp("Judge overdue as of this day (default: today).", valueName: "date"), transform: DayArgument.parse) var asOf: DayArgument?
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text
    @Option(help: ArgumentHelp("Text: wrap at this many columns (0: no limit; default: the terminal's width).", valueName: "n")) var width: Int?

    func validate() throws {
        if format == .csv { throw ValidationError("show prints text or json, not csv") }
    }

    func run() throws {
        try reportingErrors {
            let store = dataOptions.store()
            let address = try resolvedTarget(self.address, plan: plan, in: store)
            let plan = try store.load(address.planID).plan
            guard let detail = TargetDetail(plan: plan, targetID: address.targetID, asOf: asOf?.day ?? Day.today()) else {
                throw StoreError.targetNotFound(address)
            }
            if format == .json {
                Output.data(String(decoding: JSONWriter.serialize(detail.json), as: UTF8.self), json: true)
            } else {
                Output.write(Array(detail.text(glyphs: glyphs, width: Output.width(option: width)).utf8))
            }
        }
    }
}
