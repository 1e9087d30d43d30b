import ActionPlanCore

extension AppState {
    /// After every event: the session effects that follow from it. Opening a plan leaves a presence
    /// marker, checks who else has it open and looks for text left by an earlier session; leaving it
    /// or quitting removes the marker; quitting with changed text in the editor (a signal, Ctrl-C)
    /// keeps that text in a recovery file, and a signal gives unsaved changes one more save. Whatever
    /// must happen before a quit is put before it (the runtime stops at the quit).
    mutating func followSession(from old: AppState, after event: Event, _ fx: inout [Effect]) {
        let before = old.doc?.id, after = doc?.id
        let quitAt = fx.firstIndex { $0.isQuit }
        var extra: [Effect] = []
        if before != after {
            if let before { extra.append(.session(.leavePresence(planID: before))) }
            if let after, quitAt == nil {
                extra += [.session(.enterPresence(planID: after)), .session(.checkPresence(planID: after)),
                          .session(.lookForRecovery(planID: after))]
            }
        }
        if case .tick = event, let after, fx.contains(where: { if case .checkDisk = $0 { return true } else { return false } }) {
            extra.append(.session(.checkPresence(planID: after)))
        }
        guard let quitAt else {
            fx += extra
            return
        }
        if case .signal = event, let d = doc, !d.pending.isEmpty {
            extra.append(.commit(planID: d.id, changes: d.pending, base: d.base))
        }
        if case .signal = event, let view = myTargets {
            extra += view.docs.filter { !$0.pending.isEmpty }.map(\.commitEffect)
        }
        if let recovery = editInProgress() { extra.append(.session(.saveRecovery(recovery))) }
        if let after { extra.append(.session(.leavePresence(planID: after))) }
        fx.insert(contentsOf: extra, at: quitAt)
    }

    /// The text in the editor, when it differs from the value it would replace (nothing to keep otherwise).
    func editInProgress() -> EditRecovery? {
        guard case .editing(let session) = mode else { return nil }
        if screen == .myTargets { return myTargetsEditInProgress(session) }
        guard let d = doc else { return nil }
        let text = session.editor.text
        if let target = d.plan.target(id: session.targetID), target.value(of: session.field) == text { return nil }
        return EditRecovery(planID: d.id, targetID: session.targetID, field: session.field, text: text, who: options.who, when: "")
    }

    mutating func handleSession(_ event: SessionEvent, _ fx: inout [Effect]) {
        switch event {
        case .othersOpen(let id, let viewers):
            if doc?.id == id { doc?.othersOpen = viewers }
        case .recoveryFound(let offer):
            guard let d = doc, d.id == offer.planID, mode == .normal else { return }
            if d.plan.target(id: offer.targetID) != nil { reveal(.target(offer.targetID)) }
            mode = .recoveryOffer(offer)
        case .diskUnreadable(let id, let fingerprint, let reason):
            if screen == .myTargets { myTargetsDiskUnreadable(planID: id, fingerprint: fingerprint, reason: reason); return }
            guard doc?.id == id else { return }
            doc?.diskProblem = DiskProblem(fingerprint: fingerprint, reason: reason)
            message = Message("The plan file on disk cannot be read: \(reason) — showing the last good version", isError: true)
        case .farewell:
            break
        }
    }

    /// A check found on disk the version already shown (after a problem: the file was put back).
    mutating func fileIsReadableAgain() {
        guard doc?.diskProblem != nil else { return }
        doc?.diskProblem = nil
        let n = doc?.pending.count ?? 0
        message = Message("The plan file on disk is readable again (as shown)"
                          + (n == 0 ? "" : ": \(KeyTable.keys(for: .retrySave)) saves the \(n) unsaved change\(n == 1 ? "" : "s")"))
    }

    /// What a failed save says. A plan file that cannot be read cannot be merged into: the change
    /// stays on screen, marked unsaved, until the file is mended (or restored from a backup).
    func saveFailureMessage(_ error: StoreError) -> Message {
        let retry = KeyTable.keys(for: .retrySave)
        if case .file = error {
            return Message("Not saved: the plan file on disk is invalid (\(error)); your change is kept unsaved, \(retry) retries once it is mended",
                           isError: true)
        }
        return Message("Save failed: \(error) — \(retry) retries", isError: true)
    }
}
