import ActionPlanCore

/// A key press as the app sees it, whatever terminal it came from.
public enum Key: Sendable, Hashable {
    case char(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    /// Alt-Enter (ESC then Enter): a newline in the editor.
    case altEnter
    /// A control key: `.ctrl("r")` is Ctrl-R. Ctrl-J arrives as `.ctrl("j")`.
    case ctrl(Character)
    case function(Int)

    /// The name in ASCII, for terminals without UTF-8 ("Up" for "↑").
    public var asciiName: String {
        switch self {
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        default: return name
        }
    }

    /// How the help screen and README name the key.
    public var name: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .altEnter: return "Alt-Enter"
        case .ctrl(let c): return "Ctrl-" + String(c).uppercased()
        case .function(let n): return "F\(n)"
        }
    }
}

/// Everything `update` reacts to: input, the clock, and the results of effects the runtime performed.
public enum Event: Sendable {
    case key(Key)
    /// The terminal size, at start and whenever it changes (kept for paging; render takes it too).
    case resize(Size)
    /// Idle tick; `now` is monotonic seconds (used to pace checks of the file on disk).
    case tick(now: Double)
    /// SIGTERM, SIGHUP or SIGINT: leave at once.
    case signal
    /// A plan was loaded for opening.
    case planOpened(id: String, Result<PlanFile.Loaded, StoreError>)
    /// A review was started or closed, or a report written (Meeting/ReviewEffects.swift).
    case review(ReviewOutcome)
    /// The result of a commit; `time` is the local "HH:MM" it finished.
    case saved(planID: String, changes: [TargetChange], Result<PlanStore.CommitResult, StoreError>, time: String)
    /// Another process saved the open plan: here it is as on disk now.
    case changedOnDisk(planID: String, Result<PlanFile.Loaded, StoreError>)
    /// The disk was checked (and had not changed), at monotonic time `now`.
    case diskChecked(now: Double)
    /// Who else has the plan open, text left by a session that ended, a plan file gone bad (Session.swift).
    case session(SessionEvent)
}
