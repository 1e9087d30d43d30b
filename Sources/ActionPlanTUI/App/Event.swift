import ActionPlanCore

/// Everything `update` reacts to: input, the clock, and the results of effects the runtime performed.
public enum Event: Sendable {
    case key(Key)
    /// Text pasted into the terminal (a bracketed paste, or Enter followed at once by more input in
    /// an editor): inserted as text in an editor, never run as keys (Features/Paste).
    case paste(String)
    /// Input the terminal sent that could not be read as text in this locale: said, never dropped silently.
    case inputProblem(String)
    /// The user's own editor exited: the text it left, or why there is none.
    case externalEdited(targetID: String, field: TargetField, Result<String, ExternalEditFailure>)
    /// The terminal size, at start and whenever it changes (kept for paging; render takes it too).
    case resize(Size)
    /// Idle tick; `now` is monotonic seconds (used to pace checks of the file on disk).
    case tick(now: Double)
    /// SIGTERM, SIGHUP or SIGINT: leave at once.
    case signal
    /// Every plan, loaded for my targets (`Effect.loadAllPlans`), and the files that could not be.
    case allPlansLoaded([PlanFile.Loaded], unreadable: [String])
    /// A plan was loaded for opening.
    case planOpened(id: String, Result<PlanFile.Loaded, StoreError>)
    /// A review was started or closed, or a report written (Meeting/ReviewEffects.swift).
    case review(ReviewOutcome)
    /// The result of a commit; `time` is the local "HH:MM" it finished.
    case saved(planID: String, changes: [TargetChange], Result<PlanStore.CommitResult, StoreError>, time: String)
    /// The result of a structural change (`Effect.structure`).
    case structureSaved(planID: String, edit: StructureEdit, Result<PlanStore.ChangeResult, StoreError>, time: String)
    /// Another process saved the open plan: here it is as on disk now.
    case changedOnDisk(planID: String, Result<PlanFile.Loaded, StoreError>)
    /// The disk was checked (and had not changed), at monotonic time `now`.
    case diskChecked(now: Double)
    /// Who else has the plan open, text left by a session that ended, a plan file gone bad (Session.swift).
    case session(SessionEvent)
    /// A sync finished, or what is not synced yet (Features/Sync).
    case sync(SyncEvent)
}
