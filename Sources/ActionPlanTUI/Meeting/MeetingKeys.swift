import ActionPlanCore

/// Which table a context's keys are looked up in: the tree and plans list, the line editor, meeting
/// mode, or the meeting summary. A key may mean different things in different tables (`n` is "next
/// match" in the tree and "next target" in a meeting), never two things in one.
public enum KeyMap: Sendable {
    case normal, editor, meeting, summary
}

extension KeyBinding.Context {
    public var keyMap: KeyMap {
        switch self {
        case .editor: return .editor
        case .meeting: return .meeting
        case .summary: return .summary
        default: return .normal
        }
    }
}

extension KeyTable {
    /// Every binding: the tree's (KeyTable.swift), then reviews, meeting mode and its summary.
    public static let bindings: [KeyBinding] = treeBindings + reviewBindings

    static let reviewBindings: [KeyBinding] = [
        KeyBinding(keys: [.char("M")], command: .startMeeting,
                   help: "Meeting mode: one target per screen, for a meeting with the screen shared", context: .review),
        KeyBinding(keys: [.char("R")], command: .startOrCloseReview,
                   help: "Start a review (asks the as-at date and a title); with one open, close it (asks first)", context: .review),
        KeyBinding(keys: [.char("r")], command: .writeReport,
                   help: "Write the progress report (HTML, Markdown or CSV) to reports/ in the data directory", context: .review),

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
                   help: "Exceptions only: not met, partially met or overdue (on/off)", context: .meeting),
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

    private static func map(for keyMap: KeyMap) -> [Key: Command] {
        var map: [Key: Command] = [:]
        for b in bindings where b.context.keyMap == keyMap { for k in b.keys where map[k] == nil { map[k] = b.command } }
        for b in bindings where b.context.keyMap == .normal && sharedInMeeting.contains(b.command) {
            for k in b.keys where map[k] == nil { map[k] = b.command }
        }
        return map
    }

    private static let meetingMap = map(for: .meeting)
    private static let summaryMap = map(for: .summary)

    /// The command for a key in meeting mode (one target per screen).
    public static func meetingCommand(for key: Key) -> Command? { meetingMap[key] }

    /// The command for a key on the meeting summary.
    public static func summaryCommand(for key: Key) -> Command? { summaryMap[key] }

    /// The keys of a command in one context ("m", "← / b").
    public static func keys(for command: Command, in context: KeyBinding.Context) -> String {
        bindings.first { $0.command == command && $0.context == context }?.keyNames ?? keys(for: command)
    }

    /// The Markdown key tables of the given contexts only (the README's meeting section).
    public static func markdown(contexts: [KeyBinding.Context]) -> String {
        var out = ""
        for context in contexts {
            let group = bindings.filter { $0.context == context }
            guard !group.isEmpty else { continue }
            out += "**\(context.rawValue)**\n\n| Key | Action |\n| --- | --- |\n"
            for b in group {
                let keys = b.keys.map { "`" + ($0 == .char("`") ? "``" : $0.name) + "`" }.joined(separator: ", ")
                out += "| \(keys) | \(b.help.replacing("|", with: "\\|")) |\n"
            }
            out += "\n"
        }
        return out
    }
}
