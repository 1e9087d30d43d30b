import ActionPlanCore

/// What the meeting asks its parent to do: it owns where it is and what it has seen, the parent
/// owns the plan, the editor, undo and the status bar.
enum MeetingRequest: Equatable {
    /// Set a field of a target (shown at once; one save for every change of the same key).
    case change(targetID: String, field: TargetField, value: String)
    /// Open the editor.
    case edit(EditSession)
    case undo, redo
    /// Leave meeting mode for the tree.
    case leave
    /// A tree command that works the same in a meeting (`R`, `r`, `w`, `?`, Ctrl-C).
    case tree(Command)
    case message(Message)
}

/// Meeting mode's keys (`KeyMap.meeting`, and `.summary` on its summary) and the editor closing
/// over it. Pure: the state in, requests out.
extension MeetingState {
    mutating func handle(_ input: KeyInput, _ c: MeetingContext, summaryPage: Int) -> [MeetingRequest] {
        if isSummary { return handleSummary(input, c, page: summaryPage) }
        guard let command = input.command else {
            return [.message(Message("\(Self.name(input)) does nothing in meeting mode (? shows the keys, q ends the meeting)"))]
        }
        switch command {
        case .setMet: return setStatusAndMoveOn(.met, c)
        case .setPartial: return setStatusAndMoveOn(.partiallyMet, c)
        case .setNotAssessed: return setStatusAndMoveOn(.notAssessed, c)
        case .setNotMet: return askNotMetForecast(c)
        case .meetingKeep: return keepAndMoveOn(c)
        case .editComment: return edit(.comment, c)
        case .editForecast: return edit(.forecast, c)
        case .meetingNext: return step(forward: true, c).requests
        case .meetingPrevious: return step(forward: false, c).requests
        case .meetingFirst: jump(toLast: false, c); return []
        case .meetingLast: jump(toLast: true, c); return []
        case .meetingNotYetAssessed:
            notYetAssessedOnly.toggle()
            return filterChanged(turnedOn: notYetAssessedOnly ? "not yet assessed" : nil, c)
        case .meetingExceptions:
            exceptionsOnly.toggle()
            return filterChanged(turnedOn: exceptionsOnly ? "an exception" : nil, c)
        case .meetingLeave:
            phase = .summary(scroll: 0)
            return []
        case .undo: return [.undo]
        case .redo: return [.redo]
        case .startMeeting: return [.message(Message("Already in meeting mode (q ends it)"))]
        case .startOrCloseReview, .writeReport, .retrySave, .help, .forceQuit, .meetingAddTarget: return [.tree(command)]
        default: return []
        }
    }

    static func name(_ input: KeyInput) -> String {
        if case .unbound(let key) = input { return key.name }
        return "That key"
    }

    /// Undo or redo went back to a change of this target: show it, and count it as changed here.
    mutating func returned(to targetID: String) {
        current = targetID
        changed.insert(targetID)
    }

    /// A comment or forecast of this target was saved from the editor.
    mutating func edited(_ targetID: String) {
        changed.insert(targetID)
        confirmed.insert(targetID)
    }

    // MARK: - The summary

    mutating func handleSummary(_ input: KeyInput, _ c: MeetingContext, page: Int) -> [MeetingRequest] {
        guard case .summary(var scroll) = phase else { return [] }
        guard let command = input.command else {
            return [.message(Message("\(Self.name(input)) does nothing here: Enter goes back into the meeting, q leaves meeting mode"))]
        }
        var out: [MeetingRequest] = []
        switch command {
        case .moveUp: scroll -= 1
        case .moveDown: scroll += 1
        case .pageUp: scroll -= page
        case .pageDown: scroll += page
        case .summaryBack:
            phase = .focus
            return []
        case .summaryLeave: return [.leave]
        case .startOrCloseReview, .writeReport, .retrySave, .help, .forceQuit: out.append(.tree(command))
        case .startMeeting: out.append(.message(Message("Still in meeting mode: Enter goes back into the meeting, q leaves it")))
        default: break
        }
        phase = .summary(scroll: scroll) // the parent clamps it to the summary's length
        return out
    }

    // MARK: - Moving

    /// Forward to the next target that passes the filters, or back. `moved` is false at either end:
    /// forward past the last target opens the summary; back from the first stays.
    mutating func step(forward: Bool, _ c: MeetingContext) -> (moved: Bool, requests: [MeetingRequest]) {
        let scope = c.scope()
        guard let here = c.current(self, in: c.list(self)) else {
            if forward {
                phase = .summary(scroll: 0)
                return (false, [])
            }
            return (false, [.message(Message("No targets to review"))])
        }
        current = here.item.target.id
        let at = scope.firstIndex { $0.target.id == here.item.target.id } ?? 0
        let candidates = forward ? Array(scope[(at + 1)...]) : Array(scope[..<at].reversed())
        if let next = candidates.first(where: { c.matches($0.target, self) }) {
            current = next.target.id
            return (true, [])
        }
        if forward {
            phase = .summary(scroll: 0)
            return (false, [.message(Message("That was the last target: the meeting's summary (Enter goes back, q leaves)"))])
        }
        return (false, [.message(Message("This is the first target"))])
    }

    mutating func jump(toLast: Bool, _ c: MeetingContext) {
        let matching = c.scope().filter { c.matches($0.target, self) }
        guard let pick = toLast ? matching.last : matching.first else { return }
        current = pick.target.id
    }

    /// After `a` or `e`: stay if the target on screen still passes, else the next one that does
    /// (or the last one before it). A filter that would leave no target is not turned on.
    mutating func filterChanged(turnedOn what: String?, _ c: MeetingContext) -> [MeetingRequest] {
        let scope = c.scope()
        let matching = scope.filter { c.matches($0.target, self) }
        if matching.isEmpty, let what {
            let both = notYetAssessedOnly && exceptionsOnly
            if exceptionsOnly && what == "an exception" { exceptionsOnly = false } else { notYetAssessedOnly = false }
            return [.message(Message("No target here is \(what)\(both ? " as well" : ""): the filter stays off"))]
        }
        let at = scope.firstIndex { $0.target.id == current } ?? 0
        if !matching.contains(where: { $0.target.id == current }) {
            let after = scope.dropFirst(at).first { c.matches($0.target, self) }
            let before = scope.prefix(at).last { c.matches($0.target, self) }
            if let pick = after ?? before { current = pick.target.id }
        }
        var parts: [String] = []
        parts.append("not yet assessed only: " + (notYetAssessedOnly ? "on" : "off"))
        parts.append("exceptions only: " + (exceptionsOnly ? "on" : "off"))
        let why: String
        if notYetAssessedOnly, let review = c.plan.openReview {
            why = " (not changed since review \(review.number) opened)"
        } else if notYetAssessedOnly {
            why = " (no review is open: status not assessed)"
        } else {
            why = ""
        }
        return [.message(Message("\(matching.count) target\(matching.count == 1 ? "" : "s") · " + parts.joined(separator: " · ") + why))]
    }

    // MARK: - Changing

    mutating func setStatusAndMoveOn(_ status: Status, _ c: MeetingContext) -> [MeetingRequest] {
        guard let target = c.target(on: self) else { return [.message(Message("No target on screen"))] }
        current = target.id
        confirmed.insert(target.id)
        var out: [MeetingRequest] = []
        let note: Message
        if target.status == status {
            note = Message("\(target.id): already \(c.glyphs.label(status)), kept")
        } else {
            out.append(.change(targetID: target.id, field: .status, value: status.rawValue))
            changed.insert(target.id)
            note = Message("\(target.id): \(c.glyphs.label(target.status)) → \(c.glyphs.label(status))")
        }
        return out + moveOn(after: note, c)
    }

    /// After a status key: the next target, keeping the status key's message (and saying when it was the last).
    mutating func moveOn(after note: Message, _ c: MeetingContext) -> [MeetingRequest] {
        let moved = step(forward: true, c).moved
        return [.message(moved ? note : Message(note.text + " · that was the last target: the summary (Enter goes back, q leaves)",
                                                isError: note.isError))]
    }

    mutating func keepAndMoveOn(_ c: MeetingContext) -> [MeetingRequest] {
        guard let target = c.target(on: self) else { return [.message(Message("No target on screen"))] }
        current = target.id
        confirmed.insert(target.id)
        return moveOn(after: Message("\(target.id): kept as \(c.glyphs.label(target.status))"), c)
    }

    /// `x`: the forecast editor, whose Enter marks the target not met and saves the forecast together.
    mutating func askNotMetForecast(_ c: MeetingContext) -> [MeetingRequest] {
        guard let target = c.target(on: self) else { return [.message(Message("No target on screen"))] }
        current = target.id
        notMetPrompt = target.id
        return [.edit(EditSession(targetID: target.id, field: .forecast, original: target.forecast, editor: LineEditor(target.forecast)))]
    }

    mutating func edit(_ field: TargetField, _ c: MeetingContext) -> [MeetingRequest] {
        guard let target = c.target(on: self) else { return [.message(Message("No target on screen"))] }
        current = target.id
        notMetPrompt = nil
        let value = target.value(of: field)
        return [.edit(EditSession(targetID: target.id, field: field, original: value, editor: LineEditor(value)))]
    }

    /// The editor closed over the meeting. After `x`, Enter saves "not met" and the forecast in one
    /// save and moves on, and Esc changes nothing: the requests for that. Any other edit is saved as
    /// in the tree (nil: the parent does it, then calls `edited` if the text changed).
    mutating func editorClosed(_ session: EditSession, _ output: EditSession.Output, _ c: MeetingContext) -> [MeetingRequest]? {
        guard notMetPrompt == session.targetID else {
            notMetPrompt = nil
            return nil
        }
        notMetPrompt = nil
        switch output {
        case .save(let text):
            guard let target = c.plan.target(id: session.targetID) else {
                return [.message(Message("Target \(session.targetID) is no longer in the plan (someone removed it); nothing saved", isError: true))]
            }
            var out: [MeetingRequest] = []
            var parts: [String] = []
            if target.status != .notMet {
                out.append(.change(targetID: target.id, field: .status, value: Status.notMet.rawValue))
                parts.append("\(c.glyphs.label(target.status)) → \(c.glyphs.label(.notMet))")
            } else {
                parts.append("still \(c.glyphs.label(.notMet))")
            }
            if text != target.forecast {
                out.append(.change(targetID: target.id, field: .forecast, value: text))
                parts.append(text.isEmpty ? "forecast cleared" : "forecast set")
            } else {
                parts.append("forecast unchanged")
            }
            confirmed.insert(target.id)
            if target.status != .notMet || text != target.forecast { changed.insert(target.id) }
            return out + moveOn(after: Message("\(target.id): " + parts.joined(separator: "; ")), c)
        case .cancel:
            // True to what is on screen: a target already not met stays so; any other keeps its status.
            let status = c.plan.target(id: session.targetID)?.status
            if status == .notMet {
                return [.message(Message("Nothing changed: \(session.targetID) is still \(c.glyphs.label(.notMet)), forecast unchanged (Esc)"))]
            }
            let kept = status.map { "stays \(c.glyphs.label($0))" } ?? "is unchanged"
            return [.message(Message("Nothing changed: \(session.targetID) \(kept), not marked not met (Esc)"))]
        case .editing:
            return []
        }
    }
}
