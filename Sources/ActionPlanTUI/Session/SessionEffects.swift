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
