import ActionPlanCore

/// "My targets" composed into the app: opening it (Startup with `--officer`, `o` on the plans list),
/// its commands (`KeyMap.myTargets`), and the results of its saves and of others' saves to its plans.
extension AppState {
    /// Every plan that loaded, as the view holds them (Startup and `Effect.loadAllPlans`).
    static func myTargetsDocs(_ loaded: [PlanFile.Loaded]) -> [PlanDoc] { loaded.map(PlanDoc.init(loaded:)) }

    /// Shows the officer's targets from the plans already in `myTargets`.
    mutating func showMyTargets(officer: String) {
        guard var view = myTargets else { return }
        view.officer = officer
        view.overdueOnly = false
        view.cursor = nil
        view.scroll = 0
        view.followCursor(previous: [], asOf: options.asOf)
        myTargets = view
        screen = .myTargets
        mode = .normal
        quitArmed = false
        keepMyTargetsVisible()
        let items = view.items(asOf: options.asOf)
        if items.isEmpty {
            message = Message(Self.capitalised(OfficerSuggestion.noMatchNotice(for: officer, among: view.officers().map(\.name), in: "any plan")))
        } else {
            let plans = Set(items.map(\.planID)).count
            var text = "\(items.count) target\(items.count == 1 ? "" : "s") led by “\(clean(officer))” in \(plans) plan\(plans == 1 ? "" : "s")"
            if !view.unreadable.isEmpty {
                text += "; \(view.unreadable.count) plan file\(view.unreadable.count == 1 ? "" : "s") could not be read: " + view.unreadable.map(clean).joined(separator: "; ")
            }
            message = Message(text)
        }
    }

    static func capitalised(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

    /// Plans list `o`: every plan was loaded (to list every officer); now choose whose targets.
    mutating func allPlansLoaded(_ loaded: [PlanFile.Loaded], unreadable: [String]) {
        guard screen == .plans, mode == .normal else { return }
        myTargets = MyTargets(officer: "", docs: Self.myTargetsDocs(loaded), unreadable: unreadable)
        mode = .officerPicker(OfficerPicker())
    }

    /// The officers the picker lists: the open plan's, or (on the plans list and in my targets) every plan's.
    func pickerOfficers() -> [(name: String, count: Int)] {
        screen == .plan ? officersInPlan() : myTargets?.officers() ?? []
    }

    /// The picker closed on the plans list or in my targets.
    mutating func myTargetsPicked(_ officer: String?) {
        guard let officer else {
            if screen == .plans { myTargets = nil }
            message = Message("My targets needs an officer: type a name or choose one")
            return
        }
        showMyTargets(officer: officer)
    }

    mutating func keepMyTargetsVisible() {
        myTargets?.keepVisible(height: Layout(size).tree.height, asOf: options.asOf)
    }

    // MARK: - Commands

    mutating func myTargetsCommand(_ command: Command, _ fx: inout [Effect]) {
        guard var view = myTargets else { screen = .plans; return }
        let asOf = options.asOf
        switch command {
        case .moveUp, .moveDown, .pageUp, .pageDown, .top, .bottom:
            let move: MyTargets.Move
            switch command {
            case .moveUp: move = .previous
            case .moveDown: move = .next
            case .pageUp: move = .pageBack
            case .pageDown: move = .pageOn
            case .top: move = .first
            default: move = .last
            }
            view.move(move, page: Layout(size).treePage, asOf: asOf)
            myTargets = view
            keepMyTargetsVisible()
        case .open:
            guard let item = view.cursor else { message = Message("No target here: o chooses another officer"); return }
            revealOnOpen = item
            fx.append(.openPlan(item.planID))
        case .back: leaveMyTargets(&fx, quitting: false)
        case .quit: leaveMyTargets(&fx, quitting: plans.count <= 1)
        case .forceQuit: fx.append(.quit)
        case .toggleFocus:
            message = Message("The details here are the selected target's; Enter opens it in its plan's tree, where Tab scrolls them")
        case .setMet: myTargetsSetStatus(.met, command, &fx)
        case .setNotMet: myTargetsSetStatus(.notMet, command, &fx)
        case .setPartial: myTargetsSetStatus(.partiallyMet, command, &fx)
        case .setNotAssessed: myTargetsSetStatus(.notAssessed, command, &fx)
        case .cycleStatus: myTargetsSetStatus(nil, command, &fx)
        case .editComment: myTargetsStartEditing(.comment, command)
        case .editForecast: myTargetsStartEditing(.forecast, command)
        case .editCommentExternally:
            myTargetsStartEditing(.comment, command)
            if case .editing(let session) = mode { fx.append(.externalEdit(session)) }
        case .undo: myTargetsUndo(redo: false, &fx)
        case .redo: myTargetsUndo(redo: true, &fx)
        case .officerFilter:
            mode = .officerPicker(OfficerPicker())
        case .overdueOnly:
            let previous = view.items(asOf: asOf)
            view.overdueOnly.toggle()
            view.followCursor(previous: previous, asOf: asOf)
            myTargets = view
            keepMyTargetsVisible()
            let n = view.items(asOf: asOf).count
            message = Message(view.overdueOnly ? "\(n) overdue target\(n == 1 ? "" : "s") (! shows them all)" : "Showing all \(n) target\(n == 1 ? "" : "s")")
        case .retrySave:
            let unsaved = view.docs.filter { !$0.pending.isEmpty }
            if unsaved.isEmpty { message = Message("Nothing to save: every change is saved") }
            for d in unsaved { fx.append(d.commitEffect) }
        case .help: mode = .help(scroll: 0)
        case .sync: startSync(&fx)
        default:
            message = Message("\(KeyTable.keys(for: command)) does nothing in my targets (? shows the keys)")
        }
    }

    /// Esc, `q`: back to the plans list (or quit, with one plan), the plans' lines there brought up to
    /// date. With unsaved changes the first press only warns, as in the tree.
    mutating func leaveMyTargets(_ fx: inout [Effect], quitting: Bool) {
        guard let view = myTargets else { return }
        let n = view.pendingCount
        if n > 0, !quitArmed {
            quitArmed = true
            message = Message("\(n) change\(n == 1 ? " is" : "s are") not saved (w retries); press again to \(quitting ? "quit" : "leave") anyway", isError: true)
            return
        }
        if quitting { fx.append(.quit); return }
        for d in view.docs {
            if let i = plans.firstIndex(where: { $0.id == d.id }) { plans[i] = PlanSummary(plan: d.plan, asOf: options.asOf) }
        }
        myTargets = nil
        screen = .plans
        quitArmed = false
        keepCursorVisible()
    }

    /// Back from a plan's tree opened with Enter here: look at every plan again now (the tree saved to
    /// one of them), not at the next tick.
    func myTargetsDiskChecks(now: Double? = nil) -> [Effect] {
        guard let view = myTargets else { return [] }
        return view.docs.map { .checkDisk(planID: $0.id, fingerprint: $0.diskProblem?.fingerprint ?? $0.base.fingerprint, now: now ?? view.lastDiskCheck) }
    }

    /// Back from that plan's tree: the version it last loaded or saved becomes the view's (so our own
    /// saves there are not reported as someone else's when the disk is looked at next).
    mutating func myTargetsTakeOver(_ d: PlanDoc) {
        guard var view = myTargets, let p = view.docIndex(d.id), d.base.fingerprint != view.docs[p].base.fingerprint else { return }
        let previous = view.items(asOf: options.asOf)
        rebase(&view.docs[p], onto: d.base)
        view.followCursor(previous: previous, asOf: options.asOf)
        myTargets = view
    }

    /// The plan tree opened from here (Enter): filtered to the officer, the cursor on the target.
    mutating func revealAfterOpening(_ item: MyTargetsItem) {
        guard var d = doc, d.id == item.planID, let view = myTargets else { return }
        d.filters.officer = view.officer
        d.expanded = Tree.allBranches(d.plan)
        doc = d
        fixCursor()
        reveal(.target(item.targetID))
        message = Message("\(clean(item.planID))/\(clean(item.targetID)) in its plan; q or Esc goes back to my targets")
    }

    // MARK: - Changes

    /// The selected target and its plan's place in `docs`, or a message saying there is none.
    mutating func myTargetsSelection(_ command: Command) -> (item: MyTargetsItem, plan: Int, target: Target)? {
        guard let view = myTargets, let item = view.cursor, let p = view.docIndex(item.planID),
              let target = view.docs[p].plan.target(id: item.targetID) else {
            message = Message("\(KeyTable.keys(for: command)) works on a target: there is none here (o chooses another officer)")
            return nil
        }
        return (item, p, target)
    }

    mutating func myTargetsSetStatus(_ status: Status?, _ command: Command, _ fx: inout [Effect]) {
        guard let (item, _, target) = myTargetsSelection(command) else { return }
        let new = status ?? target.status.next
        if new == target.status {
            message = Message("Already \(glyphs.label(new))")
            return
        }
        myTargetsChange(item, .status, to: new.rawValue, &fx)
        message = Message("\(address(item)): \(glyphs.label(target.status)) → \(glyphs.label(new))")
    }

    /// "sample/t3": the address the command line takes (target ids repeat across plans).
    func address(_ item: MyTargetsItem) -> String { clean(item.planID) + "/" + clean(item.targetID) }

    /// Shows a change at once and saves it to its own plan's file (the tree's path: `PlanDoc.stage`,
    /// then `Effect.commit` → `PlanStore.commit`, with history).
    mutating func myTargetsChange(_ item: MyTargetsItem, _ field: TargetField, to new: String, note: String? = nil,
                                  recordUndo: Bool = true, _ fx: inout [Effect]) {
        guard var view = myTargets, let p = view.docIndex(item.planID) else { return }
        let previous = view.items(asOf: options.asOf)
        guard let record = view.docs[p].stage(item.targetID, field, to: new, note: note) else { return }
        if recordUndo {
            view.undo.append(MyTargetsUndo(planID: item.planID, record: record))
            view.redo.removeAll()
        }
        fx.append(view.docs[p].commitEffect)
        // Under `!` a target marked met is no longer overdue: the cursor goes on to the next one.
        view.followCursor(previous: previous, asOf: options.asOf)
        myTargets = view
        keepMyTargetsVisible()
    }

    mutating func myTargetsUndo(redo: Bool, _ fx: inout [Effect]) {
        guard var view = myTargets, let entry = redo ? view.redo.popLast() : view.undo.popLast() else {
            message = Message(redo ? "Nothing to redo" : "Nothing to undo")
            return
        }
        if redo { view.undo.append(entry) } else { view.redo.append(entry) }
        let item = MyTargetsItem(planID: entry.planID, targetID: entry.record.targetID)
        if view.items(asOf: options.asOf).contains(item) { view.cursor = item }
        myTargets = view
        let r = entry.record
        myTargetsChange(item, r.field, to: redo ? r.after : r.before, note: redo ? "redo" : "undo", recordUndo: false, &fx)
        let described = redo ? describe(r, from: r.before, to: r.after) : describe(r, from: r.after, to: r.before)
        message = Message((redo ? "Redid " : "Undid ") + clean(entry.planID) + "/" + described)
    }

    mutating func myTargetsStartEditing(_ field: TargetField, _ command: Command) {
        guard let (item, _, target) = myTargetsSelection(command) else { return }
        let value = target.value(of: field)
        myTargets?.editingPlan = item.planID
        mode = .editing(EditSession(targetID: target.id, field: field, original: value, editor: LineEditor(value)))
    }

    /// The editor closed over my targets: save the text to the plan it was opened on.
    mutating func myTargetsEditorClosed(_ s: EditSession, _ output: EditSession.Output, _ fx: inout [Effect]) {
        guard let view = myTargets, let planID = view.editingPlan else { return }
        myTargets?.editingPlan = nil
        let item = MyTargetsItem(planID: planID, targetID: s.targetID)
        switch output {
        case .save(let text):
            if view.docIndex(planID).flatMap({ view.docs[$0].plan.target(id: s.targetID) }) == nil {
                message = Message("Target \(address(item)) is no longer in its plan (someone removed it); nothing saved", isError: true)
            } else if text == s.original {
                message = Message("\(s.field == .comment ? "Comment" : "Forecast") unchanged")
            } else {
                myTargetsChange(item, s.field, to: text, &fx)
                message = Message("\(address(item)): \(s.field.rawValue) \(text.isEmpty ? "cleared" : "set")")
            }
        case .cancel: message = Message("Edit cancelled; nothing changed")
        case .editing: break
        }
    }

    /// The text in the editor over my targets, kept in a recovery file if the session ends (a signal).
    func myTargetsEditInProgress(_ session: EditSession) -> EditRecovery? {
        guard let view = myTargets, let planID = view.editingPlan, let p = view.docIndex(planID) else { return nil }
        let text = session.editor.text
        if let target = view.docs[p].plan.target(id: session.targetID), target.value(of: session.field) == text { return nil }
        return EditRecovery(planID: planID, targetID: session.targetID, field: session.field, text: text, who: options.who, when: "")
    }

    // MARK: - Results of effects

    mutating func myTargetsSaved(planID: String, changes: [TargetChange], result: Result<PlanStore.CommitResult, StoreError>, time: String) {
        guard var view = myTargets, let p = view.docIndex(planID) else { return }
        let previous = view.items(asOf: options.asOf)
        switch result {
        case .success(let r):
            view.docs[p].removeSaved(changes)
            rebase(&view.docs[p], onto: r.loaded) // merged with someone else's changes, maybe structural
            view.docs[p].diskProblem = nil
            lastSaved = time
            saveError = view.docs.contains { !$0.pending.isEmpty } ? saveError : nil
            var notes: [String] = []
            if r.merged { notes.append("merged with changes saved meanwhile") }
            notes += r.conflicts.map(\.description)
            if !notes.isEmpty { message = Message("Saved \(time) to \(clean(planID)): " + notes.joined(separator: "; ")) }
        case .failure(let error):
            saveError = error.description
            message = saveFailureMessage(error)
        }
        view.followCursor(previous: previous, asOf: options.asOf)
        myTargets = view
        keepMyTargetsVisible()
    }

    mutating func myTargetsChangedOnDisk(planID: String, result: Result<PlanFile.Loaded, StoreError>) {
        guard var view = myTargets, let p = view.docIndex(planID) else { return }
        switch result {
        case .success(let loaded):
            view.docs[p].diskProblem = nil
            if loaded.fingerprint != view.docs[p].base.fingerprint {
                let previous = view.items(asOf: options.asOf)
                rebase(&view.docs[p], onto: loaded)
                view.followCursor(previous: previous, asOf: options.asOf)
                message = Message("Reloaded \(clean(planID)): saved by someone else meanwhile")
            }
        case .failure(let error):
            message = Message("\(clean(planID)) changed on disk but cannot be read: \(error)", isError: true)
        }
        myTargets = view
        keepMyTargetsVisible()
    }

    mutating func myTargetsDiskUnreadable(planID: String, fingerprint: Fingerprint, reason: String) {
        guard let p = myTargets?.docIndex(planID) else { return }
        myTargets?.docs[p].diskProblem = DiskProblem(fingerprint: fingerprint, reason: reason)
        message = Message("The file of \(clean(planID)) on disk cannot be read: \(reason) — showing the last good version", isError: true)
    }

    /// An idle tick in my targets: look at every plan's file on disk, at the tree's pace.
    mutating func myTargetsTick(now: Double, _ fx: inout [Effect]) {
        guard let view = myTargets, now - view.lastDiskCheck >= options.diskCheckInterval else { return }
        myTargets?.lastDiskCheck = now
        fx += myTargetsDiskChecks(now: now)
    }
}
