import ActionPlanCore

/// The files a UI session keeps beside a plan, apart from the plan itself: the "also open by" marker
/// (`Presence`), the text being edited when the session was ended by a signal (`EditRecovery`), and
/// what to do when the plan file turns unreadable while it is open.
public enum SessionEffect: Sendable {
    /// Leave this session's marker on a plan just opened.
    case enterPresence(planID: String)
    /// Remove it (leaving the plan, quitting, a signal).
    case leavePresence(planID: String)
    /// Who else has the plan open: answered with `SessionEvent.othersOpen`.
    case checkPresence(planID: String)
    /// A recovery file left for a plan just opened: answered with `SessionEvent.recoveryFound`.
    case lookForRecovery(planID: String)
    /// Keep the text in the editor (the session is ending). An empty `when` is stamped now.
    case saveRecovery(EditRecovery)
    /// The recovery file has been restored or discarded.
    case discardRecovery(planID: String)
}

public enum SessionEvent: Sendable {
    /// The other sessions that have the plan open now ("jo@host"), this one excluded.
    case othersOpen(planID: String, viewers: [String])
    /// Text left in the editor by an earlier session of the plan just opened.
    case recoveryFound(EditRecovery)
    /// The plan file changed on disk into something that cannot be read (`fingerprint` is what is
    /// there now): the last good version stays on screen.
    case diskUnreadable(planID: String, fingerprint: Fingerprint, reason: String)
    /// Something to print after the terminal is restored (the session ended: what was kept, what failed).
    case farewell(String)
}

/// A plan file that cannot be read any more, as found on disk.
public struct DiskProblem: Sendable, Equatable {
    public var fingerprint: Fingerprint
    public var reason: String
}

extension Effect {
    /// Presence and recovery files (for tests that look at the other effects).
    public var isSession: Bool {
        if case .session = self { return true }
        return false
    }
}

extension EffectRunner {
    func performSession(_ effect: SessionEffect) -> [Event] {
        switch effect {
        case .enterPresence(let id):
            presence?.enter(id)
            return []
        case .leavePresence(let id):
            presence?.leave(id)
            return []
        case .checkPresence(let id):
            guard let presence else { return [] }
            return [.session(.othersOpen(planID: id, viewers: presence.others(id).map(\.description)))]
        case .lookForRecovery(let id):
            guard let found = EditRecovery.load(in: store.directory, planID: id) else { return [] }
            return [.session(.recoveryFound(found))]
        case .saveRecovery(var recovery):
            if recovery.when.isEmpty { recovery.when = Timestamp.iso() }
            let path = EditRecovery.path(in: store.directory, planID: recovery.planID)
            let what = "the unsaved \(recovery.field.rawValue) for \(recovery.planID)/\(recovery.targetID)"
            do throws(SaveError) {
                try recovery.save(in: store.directory)
                return [.session(.farewell("kept \(what) in \(path); it is offered back when the plan is next opened"))]
            } catch {
                return [.session(.farewell("could not keep \(what): \(error)"))]
            }
        case .discardRecovery(let id):
            EditRecovery.discard(in: store.directory, planID: id)
            return []
        }
    }
}

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
        if let recovery = editInProgress() { extra.append(.session(.saveRecovery(recovery))) }
        if let after { extra.append(.session(.leavePresence(planID: after))) }
        fx.insert(contentsOf: extra, at: quitAt)
    }

    /// The text in the editor, when it differs from the value it would replace (nothing to keep otherwise).
    func editInProgress() -> EditRecovery? {
        guard case .editing(let session) = mode, let d = doc else { return nil }
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

    // MARK: - The recovery offer

    mutating func recoveryOfferKey(_ key: Key, offer: EditRecovery, _ fx: inout [Effect]) {
        let what = offer.field == .comment ? "comment" : "forecast"
        switch key {
        case .enter, .char("r"):
            mode = .normal
            guard let target = doc?.plan.target(id: offer.targetID) else {
                message = Message("Target \(clean(offer.targetID)) is no longer in the plan; the text stays in "
                                  + ".\(offer.planID).recovery.json beside the plan", isError: true)
                return
            }
            fx.append(.session(.discardRecovery(planID: offer.planID)))
            let current = target.value(of: offer.field)
            if current == offer.text {
                message = Message("The recovered \(what) is already saved; nothing to restore")
                return
            }
            reveal(.target(offer.targetID))
            mode = .editing(EditSession(targetID: offer.targetID, field: offer.field, original: current, editor: LineEditor(offer.text)))
        case .char("d"):
            mode = .normal
            fx.append(.session(.discardRecovery(planID: offer.planID)))
            message = Message("Discarded the unsaved \(what) for \(clean(offer.targetID))")
        case .escape:
            mode = .normal
            message = Message("Kept for later: the unsaved \(what) is offered again when this plan is next opened")
        default:
            message = Message("Enter or r restores the text into the editor; d discards it; Esc decides later")
        }
    }

    /// The right of a plan's title bar: "also open by …" before the as-at text, shortened to fit in
    /// two thirds of the width (fewer names, then without the as-at text).
    func titleBarRight(_ asAt: String, width: Int) -> String {
        guard alsoOpenBy() != nil else { return asAt }
        let room = width * 2 / 3 - 1
        let separator = glyphs == .unicode ? " · " : " - "
        for names in [2, 1] {
            let text = alsoOpenBy(maxNames: names)! + separator + asAt
            if DisplayWidth.of(text) <= room { return text }
        }
        return DisplayWidth.truncate(alsoOpenBy(maxNames: 1)!, to: room)
    }

    /// "also open by jo@host, sam@pc2 +1" for the title bar; nil when no one else has the plan open.
    func alsoOpenBy(maxNames: Int = 2) -> String? {
        guard let others = doc?.othersOpen, !others.isEmpty else { return nil }
        var text = "also open by " + others.prefix(maxNames).map(clean).joined(separator: ", ")
        if others.count > maxNames { text += " +\(others.count - maxNames)" }
        return text
    }
}

extension Runtime {
    /// What to print once the terminal is restored, from the events of the effects performed just
    /// before a quit (a kept recovery file, a last save that failed).
    static func farewell(from events: [Event]) -> [String] {
        events.compactMap { event in
            switch event {
            case .session(.farewell(let text)): return text
            case .saved(let planID, let changes, .failure(let error), _):
                return "\(changes.count) change\(changes.count == 1 ? "" : "s") to \(planID) could not be saved: \(error)"
            default: return nil
            }
        }
    }
}
