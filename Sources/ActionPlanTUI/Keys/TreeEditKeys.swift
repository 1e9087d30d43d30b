import ActionPlanCore

/// The keys that change the plan's structure from the tree (and `+` in a meeting), and the keys of
/// the add/edit form and the remove confirmation they open (Features/TreeEdit).
extension KeyTable {
    static let treeEditBindings: [KeyBinding] = [
        KeyBinding(keys: [.char("a")], command: .addTarget,
                   help: "Add a target after the selected one (on an objective: at its end)", context: .structure),
        KeyBinding(keys: [.char("A")], command: .addBranch,
                   help: "Add an objective after this one (on a Key Issue line: a Key Issue)", context: .structure),
        KeyBinding(keys: [.char("e")], command: .editText, help: "Edit the selected item's text (a Key Issue's title)", context: .structure),
        KeyBinding(keys: [.char("L")], command: .editOfficers,
                   help: "Edit the lead officers (completes from the plan's officers)", context: .structure),
        KeyBinding(keys: [.char("t")], command: .editTimescale, help: "Edit the time scale (shows the due date it gives as you type)",
                   context: .structure),
        KeyBinding(keys: [.char("K")], command: .moveItemUp, help: "Move the item up (from the top: to the end of the one before)",
                   context: .structure),
        KeyBinding(keys: [.char("J")], command: .moveItemDown, help: "Move the item down (from the bottom: to the start of the next)",
                   context: .structure),
        KeyBinding(keys: [.char("d")], command: .removeItem,
                   help: "Remove the item (asks first, says how many targets; u undoes)", context: .structure),

        KeyBinding(keys: [.char("+")], command: .meetingAddTarget,
                   help: "Add a target agreed in the meeting, after this one (stays in the meeting)", context: .meeting),

        KeyBinding(keys: [.enter], command: .confirm,
                   help: "Save (in the lead officers, with a name chosen: put the name in)", context: .itemForm),
        KeyBinding(keys: [.escape], command: .cancel, help: "Cancel (nothing is saved)", context: .itemForm),
        KeyBinding(keys: [.tab], command: .switchField, help: "Next field", context: .itemForm),
        KeyBinding(keys: [.backTab], command: .previousField, help: "Previous field", context: .itemForm),
        KeyBinding(keys: [.down], command: .nextCompletion, help: "Lead officers: choose the next of the plan's officers", context: .itemForm),
        KeyBinding(keys: [.up], command: .previousCompletion, help: "Lead officers: choose the previous one (at the top: none)", context: .itemForm),

        KeyBinding(keys: [.char("y"), .char("Y")], command: .confirm, help: "Remove it (u undoes)", context: .confirmRemove),
        KeyBinding(keys: [.char("n"), .char("N"), .escape, .char("q")], command: .cancel, help: "Keep it", context: .confirmRemove),
    ]
}
