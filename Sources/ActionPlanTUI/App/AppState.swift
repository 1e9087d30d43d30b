import ActionPlanCore

/// Settings fixed for the session (from the command line and the environment).
public struct AppOptions: Sendable {
    public var glyphs: Glyphs
    public var asOf: Day
    /// Who changes are recorded as (login name).
    public var who: String
    /// `--officer NAME`: start filtered to this officer.
    public var officer: String?
    /// `--plan ID`: open this plan.
    public var planID: String?
    public var dataDirectory: String
    /// `actionplan meet`: go straight into meeting mode once the plan is open.
    public var startInMeeting = false
    /// Seconds between checks of the plan file on disk (and of who else has it open). Tests shorten it.
    public var diskCheckInterval: Double = 2
    /// `--screen-reader`: linear text for a screen reader (no box lines or bar charts; see Accessibility.swift).
    public var screenReader = false
    /// `--theme`: the default look, or one with no dim text for a projector or low vision.
    public var theme: Theme = .standard
    /// The data directory is set up for sync (`S` syncs; the status bar marks what is not synced).
    public var syncAvailable = false
    /// `sync.auto`: sync when a plan is opened and when it is left.
    public var syncAuto = false

    public init(glyphs: Glyphs = .unicode, asOf: Day, who: String = "", officer: String? = nil,
                planID: String? = nil, dataDirectory: String = "") {
        self.glyphs = glyphs
        self.asOf = asOf
        self.who = who
        self.officer = officer
        self.planID = planID
        self.dataDirectory = dataDirectory
    }
}

/// One line of the plans screen: a plan's figures, or why its file could not be loaded.
public struct PlanSummary: Sendable {
    public var id: String
    public var title: String
    public var period: String
    public var asAt: Day?
    public var tally: Tally
    public var error: String?

    public init(id: String, title: String, period: String = "", asAt: Day? = nil, tally: Tally = Tally(), error: String? = nil) {
        self.id = id
        self.title = title
        self.period = period
        self.asAt = asAt
        self.tally = tally
        self.error = error
    }

    public init(plan: Plan, asOf: Day) {
        self.init(id: plan.id, title: plan.title, period: plan.period?.description ?? "", asAt: plan.asAt, tally: plan.tally(asOf: asOf))
    }
}

/// A line of the tree: a Key Issue, an objective or a target. Targets are named by their stable
/// id, so the cursor stays on the same target when the plan is reloaded.
public enum NodeID: Sendable, Hashable {
    case issue(Int)
    case objective(Int, Int)
    case target(String)
}

public enum Focus: Sendable, Equatable { case tree, detail }

public struct Filters: Sendable, Equatable {
    public var officer: String?
    public var statuses: Set<Status> = []
    public var overdueOnly = false

    public init(officer: String? = nil, statuses: Set<Status> = [], overdueOnly: Bool = false) {
        self.officer = officer
        self.statuses = statuses
        self.overdueOnly = overdueOnly
    }

    public var isEmpty: Bool { officer == nil && statuses.isEmpty && !overdueOnly }

    public func targetFilter(asOf: Day) -> TargetFilter {
        var f = TargetFilter(asOf: asOf)
        f.officer = officer.map(OfficerQuery.init)
        f.statuses = statuses
        f.overdueOnly = overdueOnly
        return f
    }
}

/// A change that `u` can take back: the field's value before and after.
public struct UndoRecord: Sendable, Equatable {
    public var targetID: String
    public var field: TargetField
    public var before: String
    public var after: String
    /// A structural change or an edit of an item's own fields (Features/TreeEdit): then `targetID` is
    /// the item's id and `field`, `before` and `after` are not used.
    public var structural: StructuralUndo? = nil
}

/// The open plan and everything about how it is being viewed.
public struct PlanDoc: Sendable {
    /// The plan as last loaded or saved, with the fingerprint of the file: the base of the next commit.
    public var base: PlanFile.Loaded
    /// What is shown: `base` with `pending` applied.
    public var plan: Plan
    /// Changes not yet saved (a save failed): retried with the next change or `w`.
    public var pending: [TargetChange] = []
    public var expanded: Set<NodeID> = []
    public var cursor: NodeID?
    public var treeScroll = 0
    public var detailScroll = 0
    public var focus: Focus = .tree
    public var filters = Filters()
    public var search: String?
    public var undo: [UndoRecord] = []
    public var redo: [UndoRecord] = []
    public var lastDiskCheck: Double = 0
    /// The file on disk changed into something that cannot be read: the last good version stays shown.
    public var diskProblem: DiskProblem?
    /// Other sessions that have this plan open ("jo@host").
    public var othersOpen: [String] = []

    public init(loaded: PlanFile.Loaded) {
        base = loaded
        plan = loaded.plan
    }

    public var id: String { plan.id }
}

/// What the keys currently drive.
public enum Mode: Sendable, Equatable {
    case normal
    case help(scroll: Int)
    case editing(EditSession)
    case searching(LineEditor)
    case officerPicker(OfficerPicker)
    case statusPicker(StatusPicker)
    /// Text left in the editor when an earlier session ended: restore it or discard it.
    case recoveryOffer(EditRecovery)
    /// The start-review, close-review and report prompts (Features/ReviewPrompt).
    case reviewPrompt(ReviewPrompt)
    /// The add and edit form, and "Remove …?" (Features/TreeEdit).
    case itemForm(ItemForm)
    case confirmRemove(RemoveConfirm)
}

public enum Screen: Sendable, Equatable {
    case plans, plan
    /// One officer's targets from every plan (Features/MyTargets).
    case myTargets
}

/// A line for the status bar.
public struct Message: Sendable, Equatable {
    public var text: String
    public var isError: Bool
    public init(_ text: String, isError: Bool = false) {
        self.text = text
        self.isError = isError
    }
}

/// The model of the whole app. `update` changes it; `render` draws it.
public struct AppState: Sendable {
    public var options: AppOptions
    public var screen: Screen = .plans
    public var plans: [PlanSummary] = []
    public var plansCursor = 0
    public var plansScroll = 0
    public var doc: PlanDoc?
    public var mode: Mode = .normal
    public var message: Message?
    /// "14:02" of the last successful save.
    public var lastSaved: String?
    /// The last save error, until a save succeeds.
    public var saveError: String?
    /// Set when `q` was pressed with unsaved changes: a second `q` quits anyway.
    public var quitArmed = false
    /// The terminal size, as last reported (for paging and scrolling).
    public var size = Size(width: 80, height: 24)
    /// Meeting mode and its summary (Features/Meeting), while the open plan is being walked target by
    /// target. Only ever set with that plan open: opening or leaving a plan ends it.
    public var meeting: MeetingState?
    /// What is not synced yet, and when the last sync finished (Features/Sync).
    public var sync = SyncStatus()
    /// "My targets" across every plan (Features/MyTargets); kept while a plan opened from it is shown,
    /// so leaving that plan comes back to it.
    public var myTargets: MyTargets?
    /// Enter in my targets asked for this target's plan: once it is open, the cursor goes to the target.
    public var revealOnOpen: MyTargetsItem?

    public init(options: AppOptions, plans: [PlanSummary] = []) {
        self.options = options
        self.plans = plans
    }

    public var glyphs: Glyphs { options.glyphs }

    /// The review prompt open over the screen, if any (it is a mode: keys go to it alone).
    public var prompt: ReviewPrompt? {
        get { if case .reviewPrompt(let p) = mode { return p } else { return nil } }
        set { mode = newValue.map(Mode.reviewPrompt) ?? .normal }
    }

    /// Data text made safe for the screen (control characters, escapes, bidi overrides → placeholders).
    public func clean(_ text: String) -> String { options.glyphs.clean(text) }
}
