import ActionPlanCore

/// The keys of the plans list and a plan's tree (and the line editor they open).
extension KeyTable {
    static let treeBindings: [KeyBinding] = [
        KeyBinding(keys: [.up, .char("k")], command: .moveUp, help: "Move up (scrolls the detail pane when it has focus)", context: .move),
        KeyBinding(keys: [.down, .char("j")], command: .moveDown, help: "Move down", context: .move),
        KeyBinding(keys: [.pageUp], command: .pageUp, help: "Page up", context: .move),
        KeyBinding(keys: [.pageDown], command: .pageDown, help: "Page down", context: .move),
        KeyBinding(keys: [.char("g"), .home], command: .top, help: "First line", context: .move),
        KeyBinding(keys: [.char("G"), .end], command: .bottom, help: "Last line", context: .move),
        KeyBinding(keys: [.enter, .right, .char("l")], command: .open, help: "Open a plan; expand a Key Issue or objective (again: go into it); my targets: its tree", context: .move),
        KeyBinding(keys: [.left, .char("h"), .escape], command: .back, help: "Collapse; go to the parent; back to the plans list (or my targets, if opened from there)", context: .move),
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
        KeyBinding(keys: [.char("E")], command: .editCommentExternally, help: "Edit the comment in $VISUAL or $EDITOR (long text; saved when it exits)", context: .edit),

        KeyBinding(keys: [.enter], command: .editSave, help: "Save the text", context: .editor),
        KeyBinding(keys: [.escape], command: .editCancel, help: "Cancel (nothing is saved)", context: .editor),
        KeyBinding(keys: [.altEnter, .ctrl("j")], command: .editNewline, help: "New line", context: .editor),
        KeyBinding(keys: [.ctrl("x")], command: .editExternal, help: "Edit the text in $VISUAL or $EDITOR (saved when it exits)", context: .editor),
        KeyBinding(keys: [.left], command: .editLeft, help: "Cursor left", context: .textEditing),
        KeyBinding(keys: [.right], command: .editRight, help: "Cursor right", context: .textEditing),
        KeyBinding(keys: [.home, .ctrl("a")], command: .editHome, help: "Start of the line", context: .textEditing),
        KeyBinding(keys: [.end, .ctrl("e")], command: .editEnd, help: "End of the line", context: .textEditing),
        KeyBinding(keys: [.backspace], command: .editBackspace, help: "Delete the character before the cursor", context: .textEditing),
        KeyBinding(keys: [.delete], command: .editDelete, help: "Delete the character at the cursor", context: .textEditing),

        KeyBinding(keys: [.char("/")], command: .search, help: "Search targets, objectives, comments and forecasts", context: .find),
        KeyBinding(keys: [.char("n")], command: .nextMatch, help: "Next match", context: .find),
        KeyBinding(keys: [.char("N")], command: .previousMatch, help: "Previous match", context: .find),
        KeyBinding(keys: [.char("o")], command: .officerFilter, help: "Officer filter: type to narrow, Enter applies (on the plans list: my targets, every plan)", context: .find),
        KeyBinding(keys: [.char("s")], command: .statusFilter, help: "Status filter: choose statuses (Space ticks, Enter applies)", context: .find),
        KeyBinding(keys: [.char("!")], command: .overdueOnly, help: "Overdue only (on/off)", context: .find),
        KeyBinding(keys: [.char("*")], command: .clearFilters, help: "Clear all filters and the search", context: .find),

        KeyBinding(keys: [.char("w")], command: .retrySave, help: "Retry a failed save", context: .other),
        KeyBinding(keys: [.char("S")], command: .sync, help: "Sync with other machines (git: commit, fetch, merge per target, push; see actionplan sync)", context: .other),
        KeyBinding(keys: [.char("?")], command: .help, help: "This help (Esc, q or ? closes it)", context: .other),
        KeyBinding(keys: [.char("q")], command: .quit, help: "Quit (from a plan or my targets: back to the plans list first when there are several)", context: .other),
        KeyBinding(keys: [.ctrl("c")], command: .forceQuit, help: "Quit at once", context: .other),
        KeyBinding(keys: [.ctrl("z")], command: .suspend, help: "Suspend to the shell (fg brings the screen back)", context: .other),
    ]
}
