import ActionPlanCore

/// What a key does. The KeyTable maps keys to these; the features carry them out. No feature looks
/// at a raw `Key`: each asks `KeyTable.input(for:in:)` with its own `KeyMap` and gets a command, a
/// typed character (in text fields) or "unbound" back.
public enum Command: Sendable, Hashable {
    case moveUp, moveDown, pageUp, pageDown, top, bottom
    case open, back, toggleFocus
    case setMet, setNotMet, setPartial, cycleStatus, setNotAssessed
    case editComment, editForecast
    case undo, redo
    case search, nextMatch, previousMatch
    case officerFilter, statusFilter, overdueOnly, clearFilters
    case retrySave, help, quit, forceQuit
    case sync
    /// Ctrl-Z: job control, done by the terminal backend (it never reaches `update`).
    case suspend
    /// The comment or forecast in $VISUAL/$EDITOR (Features/Editor/ExternalEditor.swift).
    case editExternal, editCommentExternally
    // Reviews, meeting mode and its summary (MeetingKeys.swift).
    case startMeeting, startOrCloseReview, writeReport
    case meetingNext, meetingPrevious, meetingFirst, meetingLast, meetingKeep, meetingNotYetAssessed, meetingExceptions, meetingLeave
    case summaryBack, summaryLeave
    // In the line editor and the one-line prompts.
    case editSave, editCancel, editNewline
    case editLeft, editRight, editHome, editEnd, editBackspace, editDelete
    // In the boxes over the screen (BoxKeys.swift): help, search, pickers, review prompts, the recovery offer.
    case closeHelp
    case find, cancel, apply, confirm, switchField
    case tickStatus, toggleStatus(Status)
    case pickReport(ReportFileFormat), reportExceptions, reportOfficer
    case restoreRecovery, discardRecovery, decideLater
    // Changing the plan's structure, its form and the remove confirmation (TreeEditKeys.swift).
    case addTarget, addBranch, editText, editOfficers, editTimescale, moveItemUp, moveItemDown, removeItem, meetingAddTarget
    case previousField, nextCompletion, previousCompletion
}

public struct KeyBinding: Sendable {
    /// A group of keys under one heading in `?` and the README. Each `KeyMap` answers to some of them.
    public enum Context: String, Sendable, CaseIterable {
        case move = "Move"
        case status = "Status (on a target)"
        case edit = "Comment and forecast"
        case structure = "Changing the plan (on the tree)"
        case editor = "In the editor"
        case textEditing = "Editing text (the editor and every prompt)"
        case find = "Search and filters"
        case myTargets = "My targets (--officer NAME, or o on the plans list)"
        case review = "Reviews, meetings and reports (in a plan)"
        case meeting = "Meeting mode"
        case summary = "Meeting summary"
        case help = "In this help"
        case search = "In the search prompt (/)"
        case officerPicker = "In the officer filter (o)"
        case statusPicker = "In the status filter (s)"
        case startReview = "Starting a review (R)"
        case closeReview = "Closing a review (R with one open)"
        case report = "Writing the report (r)"
        case itemForm = "In the add and edit forms (a, A, e, L, t)"
        case confirmRemove = "Removing an item (d)"
        case recovery = "Unsaved text from an earlier session (offered when a plan opens)"
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

/// Which bindings a key is looked up in: one map per mode of the UI. A key may mean different things
/// in different maps (`n` is "next match" in the tree and "next target" in a meeting), never two
/// things in one (TUIKeyTableTests checks).
///
/// To add a key: add a `KeyBinding` to the context it belongs to (TreeKeys, MeetingKeys, BoxKeys),
/// handle its `Command` in the feature that owns that map, run `scripts/readme-keys.sh`.
/// To add a mode: add a context (its heading in `?`), a case here with its contexts, and route
/// `AppState.keyMap` to it; the help, README and the key tests pick it up.
public enum KeyMap: Sendable, CaseIterable {
    case tree, editor, search, officerPicker, statusPicker, startReview, closeReview, report, recovery, help, meeting, summary
    case itemForm, confirmRemove
    /// One officer's targets from every plan (Features/MyTargets).
    case myTargets

    /// The contexts this map answers to, in order (the first binding of a key wins).
    public var contexts: [KeyBinding.Context] {
        switch self {
        case .tree: return [.move, .status, .edit, .structure, .find, .review, .other]
        case .editor: return [.editor, .textEditing]
        case .search: return [.search, .textEditing]
        case .officerPicker: return [.officerPicker, .textEditing]
        case .statusPicker: return [.statusPicker]
        case .startReview: return [.startReview, .textEditing]
        case .closeReview: return [.closeReview]
        case .report: return [.report]
        case .recovery: return [.recovery]
        case .help: return [.help]
        case .meeting: return [.meeting]
        case .summary: return [.summary]
        case .itemForm: return [.itemForm, .textEditing]
        case .confirmRemove: return [.confirmRemove]
        case .myTargets: return [.myTargets, .move, .status, .edit, .other]
        }
    }

    /// Tree commands that work here too, with the tree's keys (`?`, `w`, `R`, `r` … in a meeting).
    public var sharedFromTree: [Command] {
        switch self {
        case .meeting, .summary: return KeyTable.sharedInMeeting
        default: return []
        }
    }

    /// Whether printable characters are typed into a text field (before any binding is looked at).
    public var takesText: Bool {
        switch self {
        case .editor, .search, .officerPicker, .startReview, .itemForm: return true
        default: return false
        }
    }
}

/// A key as a feature receives it.
public enum KeyInput: Sendable, Equatable {
    case command(Command)
    /// A printable character, in a map that takes text.
    case typed(Character)
    /// Nothing in this map: the feature says so.
    case unbound(Key)

    public var command: Command? {
        if case .command(let c) = self { return c }
        return nil
    }
}

/// The single source of truth for key bindings: every key is dispatched through it, and the help
/// screen and the README's key tables are generated from it.
public enum KeyTable {
    /// Every binding: the tree's, then reviews, meeting mode and its summary, then the boxes.
    public static let bindings: [KeyBinding] = treeBindings + reviewBindings + myTargetsBindings + boxBindings + treeEditBindings

    /// What a key means in a map.
    public static func input(for key: Key, in map: KeyMap) -> KeyInput {
        if map.takesText, case .char(let c) = key { return .typed(c) }
        if let command = maps[map]?[key] { return .command(command) }
        return .unbound(key)
    }

    /// The command for a key in a map (nil: unbound, or a typed character).
    public static func command(for key: Key, in map: KeyMap) -> Command? {
        input(for: key, in: map).command
    }

    /// The command for a key in the tree and the plans list.
    public static func command(for key: Key) -> Command? { command(for: key, in: .tree) }

    /// The command for a key in the line editor (printable characters are typed, not looked up).
    public static func editorCommand(for key: Key) -> Command? { command(for: key, in: .editor) }

    /// Ctrl-C: quits from anywhere, whatever box is open (the one key looked at before the mode's map).
    public static func isForceQuit(_ key: Key) -> Bool {
        bindings.contains { $0.command == .forceQuit && $0.keys.contains(key) }
    }

    /// Every key of a map and its command (first binding wins, then the shared tree commands).
    public static func bindings(in map: KeyMap) -> [(key: Key, command: Command, binding: KeyBinding)] {
        var out: [(Key, Command, KeyBinding)] = []
        var seen = Set<Key>()
        for context in map.contexts {
            for b in bindings where b.context == context {
                for k in b.keys where !seen.contains(k) { seen.insert(k); out.append((k, b.command, b)) }
            }
        }
        for b in bindings where map.sharedFromTree.contains(b.command) && KeyMap.tree.contexts.contains(b.context) {
            for k in b.keys where !seen.contains(k) { seen.insert(k); out.append((k, b.command, b)) }
        }
        return out
    }

    private static let maps: [KeyMap: [Key: Command]] = {
        var all: [KeyMap: [Key: Command]] = [:]
        for map in KeyMap.allCases {
            var m: [Key: Command] = [:]
            for entry in bindings(in: map) { m[entry.key] = entry.command }
            all[map] = m
        }
        return all
    }()

    /// The keys bound to a command, for hints ("press w to retry").
    public static func keys(for command: Command) -> String {
        bindings.first { $0.command == command }?.keyNames ?? ""
    }

    /// The first key of a command in one context, for messages ("y closes review 2").
    public static func firstKey(for command: Command, in context: KeyBinding.Context) -> String {
        bindings.first { $0.command == command && $0.context == context }?.keys.first?.name ?? keys(for: command)
    }

    /// The keys of a command in one context ("m", "← / b").
    public static func keys(for command: Command, in context: KeyBinding.Context) -> String {
        bindings.first { $0.command == command && $0.context == context }?.keyNames ?? keys(for: command)
    }

    /// The help screen: a heading per context, then one line per binding.
    /// The `?` screen's lines for a body `width` columns wide (each is shown after one space): the
    /// help text wraps under itself, so no line is cut at 80 columns.
    public static func helpLines(width: Int, ascii: Bool = false) -> [(text: String, isHeading: Bool)] {
        let keyColumn = min(28, max(12, width / 3))
        let textWidth = max(1, width - 1)
        var out: [(String, Bool)] = []
        for context in KeyBinding.Context.allCases {
            let group = bindings.filter { $0.context == context }
            guard !group.isEmpty else { continue }
            if !out.isEmpty { out.append(("", false)) }
            for heading in Wrap.lines(context.rawValue, width: textWidth) { out.append((heading, true)) }
            for b in group {
                let keys = "  " + (ascii ? b.asciiKeyNames : b.keyNames)
                let help = ascii ? b.help.replacing("→", with: "->") : b.help
                let keysWidth = DisplayWidth.of(keys)
                // Long key lists get the help on the lines below them, where it has room.
                let fitsBeside = keysWidth < keyColumn
                var lines = Wrap.lines(help, width: max(10, textWidth - keyColumn))
                if lines.isEmpty { lines = [""] }
                let indent = String(repeating: " ", count: keyColumn)
                if fitsBeside {
                    out.append((keys + String(repeating: " ", count: keyColumn - keysWidth) + lines[0], false))
                    lines.removeFirst()
                } else {
                    for keyLine in Wrap.lines(keys.dropFirst(2).description, width: max(10, textWidth - 2)) { out.append(("  " + keyLine, false)) }
                }
                for line in lines { out.append((indent + line, false)) }
            }
        }
        return out
    }

    /// The README's key lists as Markdown tables, one per context (`actionplan ui --print-keys`
    /// prints them all).
    public static func markdown(contexts: [KeyBinding.Context] = KeyBinding.Context.allCases) -> String {
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
