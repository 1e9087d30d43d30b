import ActionPlanCore

/// One structural change on the undo or redo stack: the core change that takes it back (or does it
/// again) and what to call it.
public struct StructuralUndo: Sendable, Equatable {
    public var change: PlanChange
    /// On the undo stack: the number of the saved change it takes back (its entries say `undoes`).
    /// On the redo stack nil: doing it again is a new change (so `actionplan undo` can take it back).
    public var number: Int?
    /// "added target t7", "moved target t3 down".
    public var summary: String
}

extension EffectRunner {
    /// Saves a structural change with `PlanStore.commit` (an undo says which change it takes back).
    func performStructure(_ edit: StructureEdit, planID: String, base: PlanFile.Loaded) -> Result<PlanStore.ChangeResult, StoreError> {
        var undoing: Int?
        if case .undo(let n) = edit.reason { undoing = n }
        do {
            return .success(try store.commit([edit.change], to: planID, base: base, who: who, undoing: undoing))
        } catch {
            return .failure(error)
        }
    }
}

extension AppState {
    /// Asks for a structural change to be saved. Unsaved status and text changes go first, so the
    /// change is made on top of them.
    mutating func requestStructure(_ edit: StructureEdit, _ fx: inout [Effect]) {
        guard let d = doc else { return }
        if !d.pending.isEmpty { fx.append(.commit(planID: d.id, changes: d.pending, base: d.base)) }
        fx.append(.structure(planID: d.id, edit: edit, base: d.base))
    }

    /// `u` on a structural change: save the change that takes it back.
    mutating func undoStructure(_ record: UndoRecord, _ s: StructuralUndo, _ fx: inout [Effect]) {
        requestStructure(StructureEdit(s.change, done: s.summary, item: record.targetID, reason: .undo(number: s.number ?? 0)), &fx)
    }

    /// Ctrl-R on a structural change: do it again.
    mutating func redoStructure(_ record: UndoRecord, _ s: StructuralUndo, _ fx: inout [Effect]) {
        requestStructure(StructureEdit(s.change, done: s.summary, item: record.targetID, reason: .redo), &fx)
    }

    /// The result of a structural change: the plan as saved becomes the base (unsaved changes stay on
    /// top), the undo or redo stack gets what takes it back, the cursor goes to what was changed.
    mutating func structureSaved(planID: String, edit: StructureEdit, result: Result<PlanStore.ChangeResult, StoreError>, time: String) {
        guard var d = doc, d.id == planID else { return }
        switch result {
        case .success(let r):
            let meetingFallback = meeting.flatMap { m in m.current.flatMap { neighbour(of: $0, in: d.plan) } }
            rebase(&d, onto: r.loaded)
            lastSaved = time
            saveError = nil
            d.diskProblem = nil
            let item = edit.item ?? r.added.first
            var summary = edit.done
            if case .new = edit.reason, let added = r.added.first { summary += " " + (Tree.node(ofItem: added, in: d.plan).map { itemName($0, in: d.plan) } ?? added) }
            if r.entries.isEmpty {
                doc = d
                message = Message("Nothing to change: \(summary) was already so")
                return
            }
            let number = r.entries.first?.change
            if let inverse = edit.inverse(entries: r.entries, added: r.added) {
                let record = UndoRecord(targetID: item ?? "", field: .status, before: "", after: "",
                                        structural: StructuralUndo(change: inverse, number: nil, summary: summary))
                switch edit.reason {
                case .new:
                    var undoable = record
                    undoable.structural?.number = number
                    d.undo.append(undoable)
                    d.redo.removeAll()
                case .undo:
                    d.redo.append(record)
                case .redo:
                    var undoable = record
                    undoable.structural?.number = number
                    d.undo.append(undoable)
                }
            }
            // A new Key Issue or objective shows open.
            if let added = r.added.first, let node = Tree.node(ofItem: added, in: d.plan), Tree.isExpandable(node) { d.expanded.insert(node) }
            doc = d
            if let item, let node = Tree.node(ofItem: item, in: d.plan) { reveal(node) } else { fixCursor() }
            if var m = meeting, doc?.id == m.planID {
                if edit.inMeeting, let added = r.added.first, d.plan.target(id: added) != nil {
                    m.current = added
                    m.changed.insert(added)
                } else if let current = m.current, d.plan.target(id: current) == nil, let fallback = meetingFallback {
                    m.current = fallback
                }
                meeting = m
            }
            var notes: [String] = []
            if r.merged { notes.append("merged with changes saved meanwhile") }
            notes += r.conflicts.map(\.description) + r.warnings
            let head: String
            switch edit.reason {
            case .new: head = summary.prefix(1).uppercased() + summary.dropFirst()
            case .undo: head = "Undid: \(summary)"
            case .redo: head = "Redid: \(summary)"
            }
            message = Message(([head] + notes).joined(separator: "; "), isError: r.conflicts.contains { if case .removedMeanwhile = $0.kind { return true } else { return false } })
        case .failure(let error):
            // An undo or redo that could not be saved goes back on its stack, to try again.
            if let inverse = Optional(edit.change), edit.reason != .new {
                let record = UndoRecord(targetID: edit.item ?? "", field: .status, before: "", after: "",
                                        structural: StructuralUndo(change: inverse, number: edit.reason.number, summary: edit.done))
                if case .undo = edit.reason { d.undo.append(record) } else { d.redo.append(record) }
                doc = d
            }
            message = Message("Not saved: \(error)", isError: true)
        }
    }

    /// The target after (else before) this one, in document order: where a meeting goes when its
    /// target is taken out.
    func neighbour(of targetID: String, in plan: Plan) -> String? {
        let all = plan.allTargets.map(\.id)
        guard let i = all.firstIndex(of: targetID) else { return nil }
        if i + 1 < all.count { return all[i + 1] }
        return i > 0 ? all[i - 1] : nil
    }

    /// `itemName` in a given plan (the one just saved).
    func itemName(_ node: NodeID, in plan: Plan) -> String {
        var s = self
        s.doc?.plan = plan
        return s.itemName(node)
    }
}

extension StructureEdit.Reason {
    var number: Int? { if case .undo(let n) = self { return n } else { return nil } }
}
