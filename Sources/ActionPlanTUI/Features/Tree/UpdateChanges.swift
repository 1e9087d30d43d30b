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
        guard var d = doc, let target = d.plan.target(id: targetID) else { return }
        let old = target.value(of: field)
        guard old != new else { return }
        let c = TargetChange(targetID: targetID, field: field, expectedOld: old, new: new, note: note)
        d.plan.setValue(new, of: field, target: targetID)
        if let i = d.pending.firstIndex(where: { $0.targetID == targetID && $0.field == field }) {
            // A change to a field whose earlier change is still unsaved: one change from the value on disk.
            d.pending[i].new = new
            d.pending[i].note = note
        } else {
            d.pending.append(c)
        }
        if recordUndo {
            d.undo.append(UndoRecord(targetID: targetID, field: field, before: old, after: new))
            d.redo.removeAll()
        }
        doc = d
        fx.append(.commit(planID: d.id, changes: d.pending, base: d.base))
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
