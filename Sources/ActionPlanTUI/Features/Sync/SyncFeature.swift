import ActionPlanCore

/// `S`: sync the data directory with other machines (ActionPlanCore/Sync), and the status bar's
/// "not synced" mark. The sync itself runs as an effect; its report comes back as an event.
public enum SyncEffect: Sendable {
    /// Commit, fetch, merge, push.
    case run
    /// Find out what is not synced yet (after a save, at start).
    case checkPending
}

public enum SyncEvent: Sendable {
    case finished(Result<Sync.Report, SyncError>, time: String)
    /// nil: the data directory is not a repository (no mark is shown).
    case pending(Sync.Pending?)
}

/// What the UI knows about sync.
public struct SyncStatus: Sendable, Equatable {
    /// Plans saved but not synced, or commits not pushed (nil: unknown or not a repository).
    public var pending: Sync.Pending?
    /// "14:02" of the last sync that finished.
    public var lastSynced: String?
    /// The sync's report while the open plan is looked at again: the reload's own message must not hide it.
    var reportAfterReload: Message?

    public init() {}

    public var hasUnsynced: Bool { !(pending?.isEmpty ?? true) }
}

extension AppState {
    /// After every event: a successful save leaves something not synced (ask git how much); with
    /// `sync.auto`, opening and leaving a plan syncs.
    mutating func followSync(from old: AppState, after event: Event, _ fx: inout [Effect]) {
        guard options.syncAvailable, !fx.contains(where: \.isQuit) else { return }
        if let report = old.sync.reportAfterReload {
            switch event {
            case .changedOnDisk(_, .success):
                message = Message(report.text + " · this plan was reloaded with what came in", isError: report.isError)
                sync.reportAfterReload = nil
            case .diskChecked, .changedOnDisk:
                message = report
                sync.reportAfterReload = nil
            default: break
            }
        }
        if case .saved(_, _, .success(let r), _) = event, !r.applied.isEmpty { fx.append(.sync(.checkPending)) }
        if options.syncAuto, old.doc?.id != doc?.id { fx.append(.sync(.run)) }
    }

    mutating func startSync(_ fx: inout [Effect]) {
        guard options.syncAvailable else {
            message = Message("Sync is not set up for this data directory: run actionplan sync --init [REMOTE] (README, Working from several machines)")
            return
        }
        if let n = myTargets?.pendingCount, n > 0, screen == .myTargets {
            message = Message("Save first: \(n) change\(n == 1 ? " is" : "s are") not saved (\(KeyTable.keys(for: .retrySave)) retries)", isError: true)
            return
        }
        if let d = doc, !d.pending.isEmpty {
            message = Message("Save first: \(d.pending.count) change\(d.pending.count == 1 ? " is" : "s are") not saved (\(KeyTable.keys(for: .retrySave)) retries)", isError: true)
            return
        }
        fx.append(.sync(.run))
    }

    mutating func handleSync(_ event: SyncEvent, _ fx: inout [Effect]) {
        switch event {
        case .pending(let pending):
            sync.pending = pending
        case .finished(.success(let report), let time):
            sync.lastSynced = time
            sync.pending = Sync.Pending(changedPlans: [], unpushedCommits: report.remote == nil || report.pushed ? 0 : sync.pending?.unpushedCommits)
            var parts: [String] = []
            if report.committed != nil { parts.append("committed") }
            if report.remote == nil {
                parts.append("no remote, nothing exchanged")
            } else {
                parts.append(report.incoming.isEmpty ? "nothing came in" : "in: " + report.incoming.joined(separator: "; "))
                parts.append(report.outgoing.isEmpty ? "nothing went out" : "out: " + report.outgoing.joined(separator: "; "))
            }
            if !report.notes.isEmpty { parts.append("\(report.notes.count) field\(report.notes.count == 1 ? "" : "s") changed on both sides (later kept, other in history)") }
            message = Message("Synced \(time): " + parts.joined(separator: " · "))
            sync.reportAfterReload = message
        case .finished(.failure(let error), _):
            // The first line says what happened; `actionplan sync` on the command line says all of it.
            let first = error.description.split(separator: "\n").first.map(String.init) ?? error.description
            message = Message("Sync stopped: \(first)", isError: true)
            sync.reportAfterReload = message
            fx.append(.sync(.checkPending))
        }
    }
}

extension EffectRunner {
    func performSync(_ effect: SyncEffect) -> [Event] {
        guard let sync else { return [.sync(.pending(nil))] }
        switch effect {
        case .checkPending:
            return [.sync(.pending(try? sync.pending()))]
        case .run:
            let result = Result { () throws(SyncError) -> Sync.Report in try sync.run() }
            return [.sync(.finished(result, time: EffectRunner.localTime()))]
        }
    }
}
