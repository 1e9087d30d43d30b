import ActionPlanCore

/// The keys of my targets that are its own. It answers to the tree's keys to move, mark, edit, undo
/// and leave too (`KeyMap.myTargets`), so an officer uses the same keys in both.
extension KeyTable {
    static let myTargetsBindings: [KeyBinding] = [
        KeyBinding(keys: [.char("o")], command: .officerFilter, help: "Another officer's targets (the names of every plan; type to narrow)", context: .myTargets),
        KeyBinding(keys: [.char("!")], command: .overdueOnly, help: "Only the overdue targets (on/off)", context: .myTargets),
    ]
}
