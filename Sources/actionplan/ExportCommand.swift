import ActionPlanCore
import ArgumentParser

enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case csv
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a plan as CSV, one row per target, that `actionplan import` reads back.",
        discussion: """
        Columns: \(PlanCSVExporter.header.joined(separator: ", ")), then one "Extra: NAME" column per \
        extra field a council's table had. Lead officers are separated by "; " (one a line when a name \
        has a ";", a tab or spaces at its ends). Status is met, not-met, partially-met or not-assessed, \
        with the council's own word in Status As Written. The plan's title, organisation, department, \
        period (YYYY-MM..YYYY-MM) and as-at date are on every row. Values are written exactly (line \
        breaks, spaces, tabs), CRLF line ends, fields quoted as Excel expects; --bom adds the byte order \
        mark older Excel versions need to see UTF-8. Notes, reviews and target history are not in the \
        CSV: `import FILE --into PLAN` updates a plan from it and keeps them. \
        A value that begins with = + - @ TAB or CR is written with a leading apostrophe, so a spreadsheet \
        shows it instead of running it as a formula; import removes it again. --raw writes values exactly.
        """
    )

    @OptionGroup var dataOptions: DataOptions
    @Argument(help: ArgumentHelp("The plan to export.", valueName: "plan-id"), completion: .planID) var planID: String
    @Option(help: "Output format (csv).") var format: ExportFormat = .csv
    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?
    @Flag(help: "Start with a UTF-8 byte order mark (for Excel).") var bom = false
    @Flag(help: "Write every value exactly (no apostrophe before a leading = + - @ TAB CR).") var raw = false
    @Flag(help: "With -o: replace an existing symbolic link or another user's file (a link is replaced, never followed).")
    var force = false

    func run() throws {
        try reportingErrors {
            let store = dataOptions.store()
            let plan = try store.load(resolvedPlanID(planID, in: store)).plan
            let text = PlanCSVExporter.render(plan, byteOrderMark: bom, neutralise: !raw)
            guard let output else {
                Output.data(text)
                return
            }
            do throws(SaveError) {
                try AtomicWriter().write(Array(text.utf8), to: output, as: .output(force: force))
            } catch {
                throw StoreError.save(error)
            }
            print("Wrote \(plan.allTargets.count) target\(plan.allTargets.count == 1 ? "" : "s") of \(plan.id) to \(glyphs.clean(output))")
        }
    }
}
