#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ActionPlanCore

/// What `update` asks the outside world to do. The runtime performs effects (see `EffectRunner`)
/// and feeds their results back as events.
public enum Effect: Sendable {
    /// Load a plan to open it.
    case openPlan(String)
    /// Load every plan (`o` on the plans list: the officers of every plan, then their targets).
    case loadAllPlans
    /// Start or close a review, or write a report (Meeting/ReviewEffects.swift).
    case review(ReviewEffect)
    /// Save changes with `PlanStore.commit` (merging with whatever else was saved meanwhile).
    case commit(planID: String, changes: [TargetChange], base: PlanFile.Loaded)
    /// Save a change to the plan's structure or a target's own fields (Features/TreeEdit).
    case structure(planID: String, edit: StructureEdit, base: PlanFile.Loaded)
    /// See whether another process saved the plan since `fingerprint`; reload it if so.
    case checkDisk(planID: String, fingerprint: Fingerprint, now: Double)
    /// Presence markers and edit recovery files beside the plan (Session.swift).
    case session(SessionEffect)
    /// Sync with other machines through git, or ask what is not synced (Features/Sync).
    case sync(SyncEffect)
    /// Edit this text in the user's own editor ($VISUAL, $EDITOR), the terminal handed over to it.
    case externalEdit(EditSession)
    case quit

    /// The changes of a commit effect (for tests and logs).
    public var changes: [TargetChange]? {
        if case .commit(_, let changes, _) = self { return changes }
        return nil
    }

    public var isQuit: Bool {
        if case .quit = self { return true }
        return false
    }
}

/// Performs effects against a data directory and returns the events they produce.
/// Knows nothing of the terminal, so tests run it on a temporary directory.
public struct EffectRunner: Sendable {
    public let store: PlanStore
    public let who: String
    /// This session's "also open by" markers; nil: none are written or read.
    public var presence: Presence?
    /// The sync of the data directory; nil: not set up (the data directory is not a repository).
    public var sync: Sync?
    /// Runs its argument with the terminal given back to the shell's state (the backend leaves the
    /// screen, then redraws it); nil: no terminal, so no external editor.
    public var handOverTerminal: (@Sendable (() -> Void) -> Void)?
    /// The editor command; nil: $VISUAL, else $EDITOR, else vi or nano (tests set one).
    public var editorCommand: String?

    public init(store: PlanStore, who: String, presence: Presence? = nil, sync: Sync? = nil) {
        self.store = store
        self.who = who
        self.presence = presence
        self.sync = sync
    }

    public func perform(_ effect: Effect) -> [Event] {
        switch effect {
        case .openPlan(let id):
            do { return [.planOpened(id: id, .success(try store.load(id)))] } catch { return [.planOpened(id: id, .failure(error))] }
        case .loadAllPlans:
            let (loaded, unreadable) = Startup.loadAll(store)
            return [.allPlansLoaded(loaded, unreadable: unreadable)]
        case .review(let effect):
            return performReview(effect)
        case .commit(let planID, let changes, let base):
            let result: Result<PlanStore.CommitResult, StoreError>
            do { result = .success(try store.commit(changes, to: planID, base: base, who: who)) } catch { result = .failure(error) }
            return [.saved(planID: planID, changes: changes, result, time: EffectRunner.localTime())]
        case .structure(let planID, let edit, let base):
            return [.structureSaved(planID: planID, edit: edit, performStructure(edit, planID: planID, base: base), time: EffectRunner.localTime())]
        case .checkDisk(let planID, let fingerprint, let now):
            // A file that cannot be read at all (deleted, moved) counts as one that changed.
            let onDisk = store.fingerprintOnDisk(planID) ?? Fingerprint([])
            guard onDisk != fingerprint else { return [.diskChecked(now: now)] }
            do {
                return [.changedOnDisk(planID: planID, .success(try store.load(planID)))]
            } catch {
                return [.session(.diskUnreadable(planID: planID, fingerprint: onDisk, reason: error.description))]
            }
        case .session(let effect):
            return performSession(effect)
        case .sync(let effect):
            // The open plan may have changed: it is reloaded before the report is shown.
            return performSync(effect)
        case .externalEdit(let session):
            return [.externalEdited(targetID: session.targetID, field: session.field, performExternalEdit(session.editor.text))]
        case .quit:
            return []
        }
    }

    /// "14:02" in local time.
    public static func localTime() -> String {
        var t = time(nil)
        var parts = tm()
        localtime_r(&t, &parts)
        let h = Int(parts.tm_hour), m = Int(parts.tm_min)
        return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
    }
}

/// Builds the first state: the plans list from the data directory (a file that fails to load is
/// listed with its error), opening a plan straight away when `--plan` names one or there is only one.
public enum Startup {
    public static func initialState(store: PlanStore, options: AppOptions) -> (AppState, [Effect]) {
        var summaries: [PlanSummary] = []
        var state = AppState(options: options)
        // "My targets" (`--officer` without `--plan`) holds every plan; otherwise only the figures are kept.
        let myTargets = options.planID == nil && !(options.officer ?? "").isEmpty
        var loadedPlans: [PlanFile.Loaded] = []
        var unreadable: [String] = []
        do {
            try store.forEachPlan { result in
                switch result {
                case .success(let loaded):
                    summaries.append(PlanSummary(plan: loaded.plan, asOf: options.asOf))
                    if myTargets { loadedPlans.append(loaded) }
                case .failure(let error):
                    let id = PlanFile.planID(forPath: error.file) ?? error.file
                    summaries.append(PlanSummary(id: id, title: id, error: error.description))
                    unreadable.append("\(id).json")
                }
            }
        } catch {
            state.message = Message("\(error)", isError: true)
        }
        state.plans = summaries
        if let id = options.planID {
            return (state, [.openPlan(id)])
        }
        if myTargets, let officer = options.officer, state.message == nil {
            state.myTargets = MyTargets(officer: officer, docs: AppState.myTargetsDocs(loadedPlans), unreadable: unreadable)
            state.showMyTargets(officer: officer)
            return (state, [])
        }
        if summaries.count == 1, summaries[0].error == nil {
            return (state, [.openPlan(summaries[0].id)])
        }
        if summaries.isEmpty && state.message == nil {
            state.message = Message("No plans in \(options.dataDirectory)", isError: true)
        }
        return (state, [])
    }
}

extension Startup {
    /// Every plan that loads, and the files that do not ("x.json"), in the plans list's order.
    static func loadAll(_ store: PlanStore) -> ([PlanFile.Loaded], [String]) {
        var loaded: [PlanFile.Loaded] = []
        var unreadable: [String] = []
        do {
            try store.forEachPlan { result in
                switch result {
                case .success(let plan): loaded.append(plan)
                case .failure(let error): unreadable.append((PlanFile.planID(forPath: error.file) ?? error.file) + ".json")
                }
            }
        } catch {
            unreadable.append("\(error)")
        }
        return (loaded, unreadable)
    }
}
