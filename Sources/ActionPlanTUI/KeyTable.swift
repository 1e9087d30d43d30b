import ActionPlanCore

/// What a key does. The KeyTable maps keys to these; `update` carries them out.
public enum Command: Sendable, Hashable {
    case moveUp, moveDown, pageUp, pageDown, top, bottom
    case open, back, toggleFocus
    case setMet, setNotMet, setPartial, cycleStatus, setNotAssessed
    case editComment, editForecast
    case undo, redo
    case search, nextMatch, previousMatch
    case officerFilter, statusFilter, overdueOnly, clearFilters
    case retrySave, help, quit, forceQuit
    // Reviews, meeting mode and its summary (Meeting/MeetingKeys.swift).
    case startMeeting, startOrCloseReview, writeReport
    case meetingNext, meetingPrevious, meetingFirst, meetingLast, meetingKeep, meetingNotYetAssessed, meetingExceptions, meetingLeave
    case summaryBack, summaryLeave
    // In the line editor.
    case editSave, editCancel, editNewline
    case editLeft, editRight, editHome, editEnd, editBackspace, editDelete
}

public struct KeyBinding: Sendable {
    public enum Context: String, Sendable, CaseIterable {
        case move = "Move"
        case status = "Status (on a target)"
        case edit = "Comment and forecast"
        case editor = "In the editor"
        case find = "Search and filters"
        case review = "Reviews, meetings and reports (in a plan)"
        case meeting = "Meeting mode"
        case summary = "Meeting summary"
        case other = "Other"
    }

    public var keys: [Key]
    public var command: Command
    public var help: String
    public var context: Context

    /// "↑ / k".
    public var keyNames: String { keys.map(\.name).joined(separator: " / ") }
    /// "Up / k".
    public var asciiKeyNames: String { keys.map(\.asciiName).joined(separator: " / ") }
}

/// The single source of truth for key bindings: `update` looks keys up here, and the help screen
/// and the README's key list are generated from it.
public enum KeyTable {
    static let treeBindings: [KeyBinding] = [
        KeyBinding(keys: [.up, .char("k")], command: .moveUp, help: "Move up (scrolls the detail pane when it has focus)", context: .move),
        KeyBinding(keys: [.down, .char("j")], command: .moveDown, help: "Move down", context: .move),
        KeyBinding(keys: [.pageUp], command: .pageUp, help: "Page up", context: .move),
        KeyBinding(keys: [.pageDown], command: .pageDown, help: "Page down", context: .move),
        KeyBinding(keys: [.char("g"), .home], command: .top, help: "First line", context: .move),
        KeyBinding(keys: [.char("G"), .end], command: .bottom, help: "Last line", context: .move),
        KeyBinding(keys: [.enter, .right, .char("l")], command: .open, help: "Open a plan; expand a Key Issue or objective (again: go into it)", context: .move),
        KeyBinding(keys: [.left, .char("h"), .escape], command: .back, help: "Collapse; go to the parent; back to the plans list", context: .move),
        KeyBinding(keys: [.tab], command: .toggleFocus, help: "Switch focus between the tree and the detail pane", context: .move),

        KeyBinding(keys: [.char("m")], command: .setMet, help: "Mark met", context: .status),
        KeyBinding(keys: [.char("x")], command: .setNotMet, help: "Mark not met", context: .status),
        KeyBinding(keys: [.char("p")], command: .setPartial, help: "Mark partially met", context: .status),
        KeyBinding(keys: [.char(" ")], command: .cycleStatus, help: "Cycle: not assessed → met → partially met → not met → not assessed", context: .status),
        KeyBinding(keys: [.char("-")], command: .setNotAssessed, help: "Mark not assessed", context: .status),

        KeyBinding(keys: [.char("c")], command: .editComment, help: "Edit the progress comment", context: .edit),
        KeyBinding(keys: [.char("f")], command: .editForecast, help: "Edit the forecast (if not met: when, or why not?)", context: .edit),
        KeyBinding(keys: [.char("u")], command: .undo, help: "Undo the last change (saved, and recorded in history as \"undo\")", context: .edit),
        KeyBinding(keys: [.ctrl("r")], command: .redo, help: "Redo what was undone", context: .edit),

        KeyBinding(keys: [.enter], command: .editSave, help: "Save the text", context: .editor),
        KeyBinding(keys: [.escape], command: .editCancel, help: "Cancel (nothing is saved)", context: .editor),
        KeyBinding(keys: [.altEnter, .ctrl("j")], command: .editNewline, help: "New line", context: .editor),
        KeyBinding(keys: [.left], command: .editLeft, help: "Cursor left", context: .editor),
        KeyBinding(keys: [.right], command: .editRight, help: "Cursor right", context: .editor),
        KeyBinding(keys: [.home, .ctrl("a")], command: .editHome, help: "Start of the line", context: .editor),
        KeyBinding(keys: [.end, .ctrl("e")], command: .editEnd, help: "End of the line", context: .editor),
        KeyBinding(keys: [.backspace], command: .editBackspace, help: "Delete the character before the cursor", context: .editor),
        KeyBinding(keys: [.delete], command: .editDelete, help: "Delete the character at the cursor", context: .editor),

        KeyBinding(keys: [.char("/")], command: .search, help: "Search targets, objectives, comments and forecasts", context: .find),
        KeyBinding(keys: [.char("n")], command: .nextMatch, help: "Next match", context: .find),
        KeyBinding(keys: [.char("N")], command: .previousMatch, help: "Previous match", context: .find),
        KeyBinding(keys: [.char("o")], command: .officerFilter, help: "Officer filter: type to narrow the list, Enter applies", context: .find),
        KeyBinding(keys: [.char("s")], command: .statusFilter, help: "Status filter: choose statuses (Space ticks, Enter applies)", context: .find),
        KeyBinding(keys: [.char("!")], command: .overdueOnly, help: "Overdue only (on/off)", context: .find),
        KeyBinding(keys: [.char("*")], command: .clearFilters, help: "Clear all filters and the search", context: .find),

        KeyBinding(keys: [.char("w")], command: .retrySave, help: "Retry a failed save", context: .other),
        KeyBinding(keys: [.char("?")], command: .help, help: "This help (Esc, q or ? closes it)", context: .other),
        KeyBinding(keys: [.char("q")], command: .quit, help: "Quit (from a plan: back to the plans list first when there are several)", context: .other),
        KeyBinding(keys: [.ctrl("c")], command: .forceQuit, help: "Quit at once", context: .other),
    ]

    /// The command for a key outside the editor.
    public static func command(for key: Key) -> Command? {
        normalMap[key]
    }

    /// The command for a key in the line editor (printable characters are typed, not looked up).
    public static func editorCommand(for key: Key) -> Command? {
        editorMap[key]
    }

    private static let normalMap: [Key: Command] = {
        var map: [Key: Command] = [:]
        for b in bindings where b.context.keyMap == .normal { for k in b.keys where map[k] == nil { map[k] = b.command } }
        return map
    }()

    private static let editorMap: [Key: Command] = {
        var map: [Key: Command] = [:]
        for b in bindings where b.context == .editor { for k in b.keys { map[k] = b.command } }
        map[.ctrl("c")] = .forceQuit
        return map
    }()

    /// The keys bound to a command, for hints ("press w to retry").
    public static func keys(for command: Command) -> String {
        bindings.first { $0.command == command }?.keyNames ?? ""
    }

    /// The help screen: a heading per context, then one line per binding.
    public static func helpLines(width: Int, ascii: Bool = false) -> [(text: String, isHeading: Bool)] {
        let keyColumn = min(28, max(12, width / 3))
        var out: [(String, Bool)] = []
        for context in KeyBinding.Context.allCases {
            let group = bindings.filter { $0.context == context }
            guard !group.isEmpty else { continue }
            if !out.isEmpty { out.append(("", false)) }
            out.append((context.rawValue, true))
            for b in group {
                let keys = "  " + (ascii ? b.asciiKeyNames : b.keyNames)
                let pad = max(1, keyColumn - DisplayWidth.of(keys))
                let help = ascii ? b.help.replacing("→", with: "->") : b.help
                out.append((keys + String(repeating: " ", count: pad) + help, false))
            }
        }
        return out
    }

    /// The README's key list, as a Markdown table (`actionplan ui --print-keys` prints it).
    public static func markdown() -> String {
        var out = ""
        for context in KeyBinding.Context.allCases {
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
