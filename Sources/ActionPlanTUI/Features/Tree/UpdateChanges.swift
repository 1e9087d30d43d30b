import ActionPlanCore

/// Ticking targets, starting edits, undo and redo: every change is shown at once and saved.
extension AppState {
    /// What the cursor is, in words, for "this key works on targets" hints.
    var cursorKind: String {
        switch doc?.cursor {
        case .issue?: return "a Key Issue"
        case .objective?: return "an objective"
        default: return "nothing"
        }
    }

    mutating func setStatus(_ status: Status?, _ command: Command, _ fx: inout [Effect]) {
        guard let target = doc?.selectedTarget else {
            message = Message("\(KeyTable.keys(for: command)) sets a target's status; this is \(cursorKind): move to one of its targets")
            return
        }
        let new = status ?? target.status.next
        if new == target.status {
            message = Message("Already \(glyphs.label(new))")
            return
        }
        change(target.id, .status, to: new.rawValue, &fx)
        message = Message("\(target.id): \(glyphs.label(target.status)) → \(glyphs.label(new))")
    }

    /// Applies a change on screen at once and asks for it to be saved (with any earlier unsaved ones).
    mutating func change(_ targetID: String, _ field: TargetField, to new: String, note: String? = nil,
                         recordUndo: Bool = true, _ fx: inout [Effect]) {
        guard var d = doc, let record = d.stage(targetID, field, to: new, note: note) else { return }
        if recordUndo {
            d.undo.append(record)
            d.redo.removeAll()
        }
        doc = d
        fx.append(d.commitEffect)
    }

    mutating func undo(_ fx: inout [Effect]) {
        guard var d = doc, let record = d.undo.popLast() else {
            message = Message("Nothing to undo")
            return
        }
        if let s = record.structural {
            doc = d
            undoStructure(record, s, &fx) // onto the redo stack once saved
            return
        }
        d.redo.append(record)
        doc = d
        reveal(.target(record.targetID))
        change(record.targetID, record.field, to: record.before, note: "undo", recordUndo: false, &fx)
        message = Message("Undid \(describe(record, from: record.after, to: record.before))")
    }

    mutating func redo(_ fx: inout [Effect]) {
        guard var d = doc, let record = d.redo.popLast() else {
            message = Message("Nothing to redo")
            return
        }
        if let s = record.structural {
            doc = d
            redoStructure(record, s, &fx) // onto the undo stack once saved
            return
        }
        d.undo.append(record)
        doc = d
        reveal(.target(record.targetID))
        change(record.targetID, record.field, to: record.after, note: "redo", recordUndo: false, &fx)
        message = Message("Redid \(describe(record, from: record.before, to: record.after))")
    }

    func describe(_ r: UndoRecord, from: String, to: String) -> String {
        switch r.field {
        case .status:
            let a = Status(rawValue: from).map(glyphs.label) ?? from
            let b = Status(rawValue: to).map(glyphs.label) ?? to
            return "\(r.targetID) status: \(a) → \(b)"
        case .comment, .forecast:
            return "\(r.targetID) \(r.field.rawValue)"
        }
    }

    /// Expands what is above a node and puts the cursor on it (when the filters let it show).
    mutating func reveal(_ node: NodeID) {
        guard var d = doc else { return }
        for a in Tree.ancestors(of: node, in: d.plan) { d.expanded.insert(a) }
        if d.visibleRows(asOf: options.asOf).contains(where: { $0.node == node }) {
            if d.cursor != node { d.detailScroll = 0 }
            d.cursor = node
        }
        d.focus = .tree
        doc = d
        keepCursorVisible()
    }
}

/// A change to one plan, wherever it is shown (the tree, or "my targets" across plans: Features/MyTargets).
extension PlanDoc {
    /// Shows a change at once and queues it for saving (with any earlier unsaved ones). Returns what
    /// `u` would need to take it back; nil when the target is gone or already has that value.
    mutating func stage(_ targetID: String, _ field: TargetField, to new: String, note: String? = nil) -> UndoRecord? {
        guard let target = plan.target(id: targetID) else { return nil }
        let old = target.value(of: field)
        guard old != new else { return nil }
        plan.setValue(new, of: field, target: targetID)
        if let i = pending.firstIndex(where: { $0.targetID == targetID && $0.field == field }) {
            // A change to a field whose earlier change is still unsaved: one change from the value on disk.
            pending[i].new = new
            pending[i].note = note
        } else {
            pending.append(TargetChange(targetID: targetID, field: field, expectedOld: old, new: new, note: note))
        }
        return UndoRecord(targetID: targetID, field: field, before: old, after: new)
    }

    /// Saves everything not yet saved, through `PlanStore.commit` (merged with what others saved).
    var commitEffect: Effect { .commit(planID: id, changes: pending, base: base) }

    /// A save finished: what it saved is no longer pending (the caller rebases onto the file as saved).
    mutating func removeSaved(_ changes: [TargetChange]) {
        var remaining = pending
        for c in changes { if let i = remaining.firstIndex(of: c) { remaining.remove(at: i) } }
        pending = remaining
    }
}
