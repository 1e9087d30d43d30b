import ActionPlanCore
import ArgumentParser

/// The default command. The interactive review UI lands in a later change; until then this prints help.
struct UICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ui",
        abstract: "Open the interactive review UI (the default)."
    )

    @OptionGroup var dataOptions: DataOptions

    func run() throws {
        print(ActionPlanCommand.helpMessage())
    }
}
