import ActionPlanCore

/// The app's one state transition: an event in, the new state and the effects to perform out.
/// Pure: no I/O, no clock, no terminal.
public func update(_ state: AppState, _ event: Event) -> (AppState, [Effect]) {
    var next = state
    var effects: [Effect] = []
    next.handle(event, &effects)
    next.followSession(from: state, after: event, &effects)
    next.followSync(from: state, after: event, &effects)
    return (next, effects)
}

extension AppState {
    mutating func handle(_ event: Event, _ fx: inout [Effect]) {
        switch event {
        case .key(let key):
            handleKey(key, &fx)
        case .paste(let text):
            pasted(text)
        case .inputProblem(let text):
            message = Message(text, isError: true)
        case .externalEdited(let targetID, let field, let result):
            externalEdited(targetID: targetID, field: field, result, &fx)
        case .resize(let newSize):
            size = newSize
            keepCursorVisible()
        case .tick(let now):
            if screen == .myTargets { myTargetsTick(now: now, &fx); return }
            guard screen == .plan, var d = doc, now - d.lastDiskCheck >= options.diskCheckInterval else { return }
            d.lastDiskCheck = now
            doc = d
            fx.append(.checkDisk(planID: d.id, fingerprint: d.diskProblem?.fingerprint ?? d.base.fingerprint, now: now))
        case .signal:
            fx.append(.quit)
        case .planOpened(let id, let result):
            switch result {
            case .success(let loaded):
                open(loaded)
                if let item = revealOnOpen, item.planID == loaded.plan.id { revealAfterOpening(item) }
                if options.startInMeeting { startMeetingAfterOpening() }
            case .failure(let error): message = Message("Cannot open \(id): \(error)", isError: true)
            }
            revealOnOpen = nil
        case .allPlansLoaded(let loaded, let unreadable):
            allPlansLoaded(loaded, unreadable: unreadable)
        case .saved(let planID, let changes, let result, let time):
            saved(planID: planID, changes: changes, result: result, time: time)
        case .review(let outcome):
            reviewOutcome(outcome)
        case .structureSaved(let planID, let edit, let result, let time):
            structureSaved(planID: planID, edit: edit, result: result, time: time)
        case .changedOnDisk(let planID, let result):
            changedOnDisk(planID: planID, result: result)
        case .diskChecked(let now):
            doc?.lastDiskCheck = now
        case .session(let event):
            handleSession(event, &fx)
        case .sync(let event):
            handleSync(event, &fx)
            // A sync may have brought changes to the open plan: look at the file now, not at the next tick.
            if case .finished = event, screen == .myTargets { fx += myTargetsDiskChecks() }
            if case .finished = event, let d = doc { fx.append(.checkDisk(planID: d.id, fingerprint: d.diskProblem?.fingerprint ?? d.base.fingerprint, now: d.lastDiskCheck)) }
        }
    }

    /// A key goes to the one feature that has the keys now (a box over the screen, else the meeting,
    /// else the tree or the plans list), as a command of that feature's key map.
    mutating func handleKey(_ key: Key, _ fx: inout [Effect]) {
        if KeyTable.isForceQuit(key) { fx.append(.quit); return }
        let input = KeyTable.input(for: key, in: keyMap)
        switch mode {
        case .help(let scroll): helpInput(input, scroll: scroll)
        case .editing(let session): editorInput(input, session: session, &fx)
        case .searching(let editor): searchInput(input, editor: editor)
        case .officerPicker(let picker): officerPickerInput(input, picker: picker)
        case .statusPicker(let picker): statusPickerInput(input, picker: picker)
        case .recoveryOffer(let offer): recoveryInput(input, offer: offer, &fx)
        case .reviewPrompt(let prompt): reviewPromptInput(input, prompt: prompt, &fx)
        case .itemForm(let form): itemFormInput(input, form: form, &fx)
        case .confirmRemove(let confirm): confirmRemoveInput(input, confirm: confirm, &fx)
        case .normal:
            if let m = activeMeeting {
                meetingInput(input, m, &fx)
                return
            }
            message = nil
            guard let command = input.command else {
                message = Message("\(MeetingState.name(input)) does nothing here (? shows the keys)")
                return
            }
            if command != .quit && command != .back { quitArmed = false }
            switch screen {
            case .plans: plansCommand(command, &fx)
            case .plan: planCommand(command, &fx)
            case .myTargets: myTargetsCommand(command, &fx)
            }
        }
    }

    /// The key map of whatever has the keys now.
    public var keyMap: KeyMap {
        switch mode {
        case .help: return .help
        case .editing: return .editor
        case .searching: return .search
        case .officerPicker: return .officerPicker
        case .statusPicker: return .statusPicker
        case .recoveryOffer: return .recovery
        case .reviewPrompt(let p): return p.keyMap
        case .itemForm: return .itemForm
        case .confirmRemove: return .confirmRemove
        case .normal:
            if screen == .myTargets { return .myTargets }
            guard let m = activeMeeting else { return .tree }
            return m.isSummary ? .summary : .meeting
        }
    }

    // MARK: - Plans screen

    mutating func plansCommand(_ command: Command, _ fx: inout [Effect]) {
        let count = plans.count
        let page = max(1, Layout(size).body.height / 3 - 1)
        switch command {
        case .moveUp: plansCursor -= 1
        case .moveDown: plansCursor += 1
        case .pageUp: plansCursor -= page
        case .pageDown: plansCursor += page
        case .top: plansCursor = 0
        case .bottom: plansCursor = count - 1
        case .open:
            guard plansCursor < count, plansCursor >= 0 else { return }
            let entry = plans[plansCursor]
            if let error = entry.error {
                message = Message("\(entry.id) cannot be opened: \(error)", isError: true)
            } else {
                fx.append(.openPlan(entry.id))
            }
        case .officerFilter: fx.append(.loadAllPlans) // then the officer picker, for my targets
        case .help: mode = .help(scroll: 0)
        case .sync: startSync(&fx)
        case .quit, .forceQuit: fx.append(.quit)
        case .back: break
        default:
            message = Message("Open a plan first: move to it and press Enter")
        }
        plansCursor = max(0, min(plansCursor, count - 1))
    }

    /// Shows a freshly loaded plan, everything expanded, filtered to `--officer` if given.
    mutating func open(_ loaded: PlanFile.Loaded) {
        var d = PlanDoc(loaded: loaded)
        d.expanded = Tree.allBranches(loaded.plan)
        if let officer = options.officer, !officer.isEmpty { d.filters.officer = officer }
        d.cursor = Tree.rows(d.plan, filter: d.targetFilter(asOf: options.asOf), expanded: d.expanded).first?.node
        doc = d
        screen = .plan
        mode = .normal
        meeting = nil
        quitArmed = false
        if let i = plans.firstIndex(where: { $0.id == loaded.plan.id }) { plansCursor = i }
        if d.filters.officer != nil, d.visibleRows(asOf: options.asOf).isEmpty {
            message = Message("No targets led by \(clean(d.filters.officer!)) in this plan (* clears the filter)")
        }
    }

    /// Back from a plan to the plans list, updating its line there.
    mutating func leavePlan() {
        if let d = doc, let i = plans.firstIndex(where: { $0.id == d.id }) {
            plans[i] = PlanSummary(plan: d.plan, asOf: options.asOf)
        }
        if let d = doc { myTargetsTakeOver(d) }
        doc = nil
        meeting = nil
        mode = .normal
        screen = myTargets == nil ? .plans : .myTargets // opened from my targets: back there
        quitArmed = false
        if screen == .myTargets { keepMyTargetsVisible() }
    }

    /// A plan can be left for the plans list (or for my targets, when opened from there).
    var canLeavePlan: Bool { plans.count > 1 || myTargets != nil }

    /// `q` (and Esc at the top of a plan) leave; with unsaved changes the first press only warns.
    mutating func quitOrLeave(_ fx: inout [Effect], leaving: Bool) {
        if let d = doc, !d.pending.isEmpty, !quitArmed {
            quitArmed = true
            let n = d.pending.count
            message = Message("\(n) change\(n == 1 ? " is" : "s are") not saved (w retries); press again to \(leaving ? "leave" : "quit") anyway",
                              isError: true)
            return
        }
        if leaving {
            leavePlan()
            fx += myTargetsDiskChecks() // what the tree saved shows in my targets at once
        } else {
            fx.append(.quit)
        }
    }

    // MARK: - Results of effects

    mutating func saved(planID: String, changes: [TargetChange], result: Result<PlanStore.CommitResult, StoreError>, time: String) {
        if screen == .myTargets { myTargetsSaved(planID: planID, changes: changes, result: result, time: time); return }
        guard var d = doc, d.id == planID else { return }
        switch result {
        case .success(let r):
            d.removeSaved(changes)
            rebase(&d, onto: r.loaded) // merged with someone else's changes, maybe structural
            lastSaved = time
            saveError = nil
            d.diskProblem = nil // the file on disk is what we just wrote
            var notes: [String] = []
            if r.merged { notes.append("merged with changes saved meanwhile") }
            notes += r.conflicts.map(\.description)
            if !notes.isEmpty { message = Message("Saved \(time): " + notes.joined(separator: "; ")) }
        case .failure(let error):
            saveError = error.description
            message = saveFailureMessage(error)
        }
        doc = d
        fixCursor()
    }

    mutating func changedOnDisk(planID: String, result: Result<PlanFile.Loaded, StoreError>) {
        if screen == .myTargets { myTargetsChangedOnDisk(planID: planID, result: result); return }
        guard var d = doc, d.id == planID else { return }
        switch result {
        case .success(let loaded):
            if loaded.fingerprint == d.base.fingerprint {
                // The version already shown: a check asked for before our own save was handled.
                // Nothing was saved by anyone else.
                fileIsReadableAgain()
                return
            }
            d.diskProblem = nil
            // The cursor stays on the same item, wherever it moved; new Key Issues and objectives show expanded.
            rebase(&d, onto: loaded)
            doc = d
            fixCursor()
            message = Message("Reloaded: this plan was saved by someone else meanwhile")
        case .failure(let error):
            message = Message("The plan changed on disk but cannot be read: \(error)", isError: true)
        }
    }
}

extension Plan {
    /// Sets a field for display (no history: the saved file records that).
    mutating func setValue(_ value: String, of field: TargetField, target id: String) {
        guard let p = indexPath(ofTarget: id) else { return }
        switch field {
        case .status: if let s = Status(rawValue: value) { keyIssues[p.issue].objectives[p.objective].targets[p.target].status = s }
        case .comment: keyIssues[p.issue].objectives[p.objective].targets[p.target].comment = value
        case .forecast: keyIssues[p.issue].objectives[p.objective].targets[p.target].forecast = value
        }
    }
}
