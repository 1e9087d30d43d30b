import ActionPlanCore

/// The keys of the boxes drawn over a screen: this help, the search prompt, the two filter pickers,
/// the review and report prompts, and the offer of text left by an earlier session.
extension KeyTable {
    static let boxBindings: [KeyBinding] = [
        KeyBinding(keys: [.up, .char("k")], command: .moveUp, help: "Scroll up", context: .help),
        KeyBinding(keys: [.down, .char("j")], command: .moveDown, help: "Scroll down", context: .help),
        KeyBinding(keys: [.pageUp], command: .pageUp, help: "Page up", context: .help),
        KeyBinding(keys: [.pageDown], command: .pageDown, help: "Page down", context: .help),
        KeyBinding(keys: [.char("g"), .home], command: .top, help: "Top", context: .help),
        KeyBinding(keys: [.char("G"), .end], command: .bottom, help: "Bottom", context: .help),
        KeyBinding(keys: [.escape, .char("q"), .char("?"), .enter, .left, .right, .char("h"), .char("l")], command: .closeHelp,
                   help: "Close the help", context: .help),

        KeyBinding(keys: [.enter], command: .find, help: "Find the next match (an empty search clears it)", context: .search),
        KeyBinding(keys: [.escape], command: .cancel, help: "Cancel", context: .search),

        KeyBinding(keys: [.up], command: .moveUp, help: "Previous name", context: .officerPicker),
        KeyBinding(keys: [.down], command: .moveDown, help: "Next name", context: .officerPicker),
        KeyBinding(keys: [.pageUp], command: .pageUp, help: "Ten names up", context: .officerPicker),
        KeyBinding(keys: [.pageDown], command: .pageDown, help: "Ten names down", context: .officerPicker),
        KeyBinding(keys: [.enter], command: .apply,
                   help: "Apply the chosen line (the first: what was typed, as whole words)", context: .officerPicker),
        KeyBinding(keys: [.escape], command: .cancel, help: "Cancel (the filter stays as it was)", context: .officerPicker),

        KeyBinding(keys: [.up, .char("k")], command: .moveUp, help: "Previous line", context: .statusPicker),
        KeyBinding(keys: [.down, .char("j")], command: .moveDown, help: "Next line", context: .statusPicker),
        KeyBinding(keys: [.home, .char("g")], command: .top, help: "First line", context: .statusPicker),
        KeyBinding(keys: [.end, .char("G")], command: .bottom, help: "Last line", context: .statusPicker),
        KeyBinding(keys: [.char(" ")], command: .tickStatus, help: "Tick or untick the line (\"Any status\" unticks all)", context: .statusPicker),
        KeyBinding(keys: [.char("m")], command: .toggleStatus(.met), help: "Tick or untick met", context: .statusPicker),
        KeyBinding(keys: [.char("p")], command: .toggleStatus(.partiallyMet), help: "Tick or untick partially met", context: .statusPicker),
        KeyBinding(keys: [.char("x")], command: .toggleStatus(.notMet), help: "Tick or untick not met", context: .statusPicker),
        KeyBinding(keys: [.char("-")], command: .toggleStatus(.notAssessed), help: "Tick or untick not assessed", context: .statusPicker),
        KeyBinding(keys: [.enter], command: .apply, help: "Apply (nothing ticked: the line under the cursor)", context: .statusPicker),
        KeyBinding(keys: [.escape, .char("q")], command: .cancel, help: "Cancel (the filter stays as it was)", context: .statusPicker),

        KeyBinding(keys: [.tab, .backTab, .up, .down], command: .switchField, help: "Switch between the date and the title", context: .startReview),
        KeyBinding(keys: [.enter], command: .confirm, help: "Start the review", context: .startReview),
        KeyBinding(keys: [.escape], command: .cancel, help: "Cancel (no review started)", context: .startReview),

        KeyBinding(keys: [.char("y"), .char("Y")], command: .confirm, help: "Close the review", context: .closeReview),
        KeyBinding(keys: [.char("n"), .char("N"), .escape, .char("q")], command: .cancel, help: "Keep it open", context: .closeReview),
    ] + reportBindings + [
        KeyBinding(keys: [.enter, .char("r")], command: .restoreRecovery,
                   help: "Restore the text into the editor (Enter there saves it)", context: .recovery),
        KeyBinding(keys: [.char("d")], command: .discardRecovery, help: "Discard it", context: .recovery),
        KeyBinding(keys: [.escape], command: .decideLater, help: "Decide later: it is offered again when the plan is next opened", context: .recovery),
    ]

    static let reportBindings: [KeyBinding] = [
        KeyBinding(keys: [.up, .char("k")], command: .moveUp, help: "Previous format", context: .report),
        KeyBinding(keys: [.down, .char("j")], command: .moveDown, help: "Next format", context: .report),
        KeyBinding(keys: [.enter], command: .confirm, help: "Write the report in the chosen format", context: .report),
    ] + ReportFileFormat.allCases.map { format in
        KeyBinding(keys: [.char(format.key)], command: .pickReport(format), help: "Write it as \(format.name) (\(format.purpose))", context: .report)
    } + [
        KeyBinding(keys: [.tab], command: .switchField, help: "Appendix only (the progress report) or the full committee paper", context: .report),
        KeyBinding(keys: [.char("e")], command: .reportExceptions, help: "Only exceptions (not met, or overdue) in the detail (on/off)", context: .report),
        KeyBinding(keys: [.char("o")], command: .reportOfficer, help: "Only the targets of the tree's officer filter (on/off)", context: .report),
        KeyBinding(keys: [.escape, .char("q")], command: .cancel, help: "Cancel (no report written)", context: .report),
    ]
}
