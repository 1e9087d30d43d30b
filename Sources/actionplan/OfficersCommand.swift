import ActionPlanCore
import ArgumentParser

struct OfficersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "officers",
        abstract: "Every lead officer with the number of targets naming them; rename one (to merge spelling variants).",
        subcommands: [OfficersList.self, OfficersRename.self],
        defaultSubcommand: OfficersList.self
    )
}

struct OfficersList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Every lead officer with the number of targets naming them.")
    @OptionGroup var dataOptions: DataOptions
    @Option(help: "Only this plan.", completion: .planID) var plan: String?
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text

    func validate() throws {
        if format == .csv { throw ValidationError("officers prints text or json, not csv") }
    }

    func run() throws {
        try reportingErrors {
            let store = dataOptions.store()
            var plans: [Plan] = []
            // A file that cannot be read is named, and the officers of the others are still listed.
            for failure in try forEachPlan(named: plan, in: store, { plans.append($0) }) { printError(failure.description) }
            let out = OfficersOutput(plans: plans)
            if format == .json { Output.data(String(decoding: out.json(), as: UTF8.self), json: true) } else { Output.write(out.text(glyphs: glyphs, width: Output.width())) }
        }
    }
}

struct OfficersRename: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rename",
        abstract: "Rename a lead officer on every target that names them (one change per plan, with history).",
        discussion: "OLD must be the name exactly as it is written (see actionplan officers). A target naming both OLD and NEW names NEW once."
    )
    @OptionGroup var dataOptions: DataOptions
    @Argument(help: "The name as written now.", completion: .officer) var old: String
    @Argument(help: "The name it becomes.") var new: String
    @Option(help: "Only this plan (default: every plan that names OLD).", completion: .planID) var plan: String?
    @OptionGroup var byOption: ByOption

    func run() throws {
        try reportingErrors {
            guard !new.allSatisfy(\.isWhitespace) else { throw ValidationError("the new name must not be empty") }
            let store = dataOptions.store()
            let ids = try plan.map { [try resolvedPlanID($0, in: store)] } ?? store.planIDs()
            var renamed = 0
            for id in ids {
                guard (try? store.load(id).plan)?.allTargets.contains(where: { $0.leadOfficers.contains(old) }) == true else { continue }
                let result = try ChangeCommand.save([.renameOfficer(old: old, new: new)], to: id, store: store, by: byOption.by)
                renamed += result.entries.count
            }
            if renamed == 0 {
                printError("no target names \"\(old)\" as a lead officer" + (plan.map { " in \($0)" } ?? "") + " (see actionplan officers)")
                throw ExitCode(Exit.notFound)
            }
        }
    }
}
