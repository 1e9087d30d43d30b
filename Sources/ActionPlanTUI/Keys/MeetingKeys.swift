import ActionPlanCore

/// The keys of reviews and reports in a plan, of meeting mode and of the meeting summary.
extension KeyTable {
    static let reviewBindings: [KeyBinding] = [
        KeyBinding(keys: [.char("M")], command: .startMeeting,
                   help: "Meeting mode: one target per screen, for a meeting with the screen shared", context: .review),
        KeyBinding(keys: [.char("R")], command: .startOrCloseReview,
                   help: "Start a review (asks the as-at date and a title); with one open, close it (asks first)", context: .review),
        KeyBinding(keys: [.char("r")], command: .writeReport,
                   help: "Write the report or the committee paper (HTML, Word, PDF, Markdown, CSV) to reports/", context: .review),

        KeyBinding(keys: [.char("m")], command: .setMet, help: "Mark met and move on to the next target", context: .meeting),
        KeyBinding(keys: [.char("x")], command: .setNotMet,
                   help: "Mark not met: asks for the forecast (when, or why not?); Enter saves both, moves on", context: .meeting),
        KeyBinding(keys: [.char("p")], command: .setPartial, help: "Mark partially met and move on", context: .meeting),
        KeyBinding(keys: [.char(" ")], command: .meetingKeep, help: "No change: keep the status (counts as assessed) and move on", context: .meeting),
        KeyBinding(keys: [.char("-")], command: .setNotAssessed, help: "Mark not assessed and move on", context: .meeting),
        KeyBinding(keys: [.char("c")], command: .editComment, help: "Edit the comment (stays on the target)", context: .meeting),
        KeyBinding(keys: [.char("f")], command: .editForecast,
                   help: "Edit the forecast (on a target not met the prompt asks when it will be met, or why not)", context: .meeting),
        KeyBinding(keys: [.right, .char("n")], command: .meetingNext, help: "Next target, changing nothing (after the last: the summary)", context: .meeting),
        KeyBinding(keys: [.left, .char("b")], command: .meetingPrevious, help: "Previous target", context: .meeting),
        KeyBinding(keys: [.char("g"), .home], command: .meetingFirst, help: "First target", context: .meeting),
        KeyBinding(keys: [.char("G"), .end], command: .meetingLast, help: "Last target", context: .meeting),
        KeyBinding(keys: [.char("a")], command: .meetingNotYetAssessed,
                   help: "Only targets not yet assessed in this review (on/off)", context: .meeting),
        KeyBinding(keys: [.char("e")], command: .meetingExceptions,
                   help: "Exceptions only: not met or overdue (on/off)", context: .meeting),
        KeyBinding(keys: [.char("u")], command: .undo, help: "Undo the last change (and go back to its target)", context: .meeting),
        KeyBinding(keys: [.escape, .char("q")], command: .meetingLeave, help: "End the meeting: the summary of what changed", context: .meeting),

        KeyBinding(keys: [.up, .char("k")], command: .moveUp, help: "Scroll up", context: .summary),
        KeyBinding(keys: [.down, .char("j")], command: .moveDown, help: "Scroll down", context: .summary),
        KeyBinding(keys: [.pageUp], command: .pageUp, help: "Page up", context: .summary),
        KeyBinding(keys: [.pageDown], command: .pageDown, help: "Page down", context: .summary),
        KeyBinding(keys: [.enter, .left, .char("b")], command: .summaryBack, help: "Back into the meeting, at the target you left", context: .summary),
        KeyBinding(keys: [.escape, .char("q")], command: .summaryLeave, help: "Leave meeting mode: back to the tree", context: .summary),
    ]

    /// Keys that work the same in a meeting and its summary as in the tree.
    static let sharedInMeeting: [Command] = [.startMeeting, .startOrCloseReview, .writeReport, .retrySave, .help, .forceQuit, .redo]

    /// The command for a key in meeting mode (one target per screen).
    public static func meetingCommand(for key: Key) -> Command? { command(for: key, in: .meeting) }

    /// The command for a key on the meeting summary.
    public static func summaryCommand(for key: Key) -> Command? { command(for: key, in: .summary) }
}
