import ActionPlanCore

/// Keys of meeting mode, its summary, and the review and report keys of a plan.
extension AppState {
    /// Called first for every key: handles it (and returns true) when a review prompt is open, a
    /// meeting is running, or the key is `M`, `R` or `r` on an open plan; otherwise leaves it to the tree.
    mutating func meetingOrReviewKey(_ key: Key, _ fx: inout [Effect]) -> Bool {
        if prompt != nil, mode == .normal {
            if reviewPromptKey(key, &fx) { return true }
        }
        if let m = activeMeeting {
            switch mode {
            case .normal, .help, .editing:
                meetingKey(key, m, &fx)
                return true
            default:
                return false // any other box over the meeting keeps its own keys
            }
        }
        meeting = nil
        guard mode == .normal, screen == .plan, doc != nil, let command = KeyTable.command(for: key) else { return false }
        switch command {
        case .startMeeting:
            message = nil
            quitArmed = false
            startMeeting()
        case .startOrCloseReview:
            message = nil
            quitArmed = false
            startOrCloseReview(&fx)
        case .writeReport:
            message = nil
            quitArmed = false
            askReportFormat()
        default:
            return false
        }
        return true
    }

    // MARK: - Starting and leaving

    /// `M`: meeting mode from the target under the cursor (or the first target under the Key Issue or
    /// objective under it).
    mutating func startMeeting() {
        guard let d = doc else { return }
        let scope = meetingScope()
        guard !scope.isEmpty else {
            message = Message(d.filters.isEmpty ? "This plan has no targets to review" : "No targets match the filters (* clears them)")
            return
        }
        var start = scope.first!.target.id
        switch d.cursor {
        case .target(let id)? where scope.contains(where: { $0.target.id == id }):
            start = id
        case .issue(let i)?:
            start = scope.first { $0.issue >= i }?.target.id ?? start
        case .objective(let i, let o)?:
            start = scope.first { ($0.issue, $0.objective) >= (i, o) }?.target.id ?? start
        default: break
        }
        meeting = MeetingState(planID: d.id, before: d.plan.snapshot(), current: start)
        mode = .normal
        let review = d.plan.openReview.map { "review \($0.number) open · " } ?? "no review open (R starts one) · "
        message = Message("Meeting mode: \(review)m x p set the status and move on · q ends with a summary")
    }

    /// `actionplan meet`: straight into meeting mode once the plan is open.
    mutating func startMeetingAfterOpening() {
        options.startInMeeting = false
        startMeeting()
    }

    /// Leaves meeting mode for the tree, with the cursor on the target the meeting was at.
    mutating func leaveMeeting() {
        guard let m = meeting else { return }
        let n = meetingSummary(m).changes.count
        meeting = nil
        mode = .normal
        if let id = m.current { reveal(.target(id)) }
        message = Message("Left meeting mode: \(n) target\(n == 1 ? "" : "s") changed in the meeting")
    }

    // MARK: - Keys

    mutating func meetingKey(_ key: Key, _ m: MeetingState, _ fx: inout [Effect]) {
        switch mode {
        case .help(let scroll):
            helpKey(key, scroll: scroll)
            return
        case .editing(let session):
            meetingEditorKey(key, session: session, &fx)
            return
        default:
            break
        }
        message = nil
        if m.isSummary {
            summaryKey(key, m, &fx)
            return
        }
        guard let command = KeyTable.meetingCommand(for: key) else {
            message = Message("\(key.name) does nothing in meeting mode (? shows the keys, q ends the meeting)")
            return
        }
        switch command {
        case .setMet: setStatusAndMoveOn(.met, &fx)
        case .setPartial: setStatusAndMoveOn(.partiallyMet, &fx)
        case .setNotAssessed: setStatusAndMoveOn(.notAssessed, &fx)
        case .setNotMet: askNotMetForecast()
        case .meetingKeep: keepAndMoveOn()
        case .editComment: editInMeeting(.comment)
        case .editForecast: editInMeeting(.forecast)
        case .meetingNext: step(forward: true)
        case .meetingPrevious: step(forward: false)
        case .meetingFirst: jump(toLast: false)
        case .meetingLast: jump(toLast: true)
        case .meetingNotYetAssessed:
            meeting!.notYetAssessedOnly.toggle()
            filterChanged(turnedOn: meeting!.notYetAssessedOnly ? "not yet assessed" : nil)
        case .meetingExceptions:
            meeting!.exceptionsOnly.toggle()
            filterChanged(turnedOn: meeting!.exceptionsOnly ? "an exception" : nil)
        case .meetingLeave:
            meeting!.phase = .summary(scroll: 0)
        case .undo:
            let target = doc?.undo.last?.targetID
            undo(&fx)
            if let target { meeting?.current = target; meeting?.changed.insert(target) }
        case .redo:
            let target = doc?.redo.last?.targetID
            redo(&fx)
            if let target { meeting?.current = target; meeting?.changed.insert(target) }
        case .startMeeting: message = Message("Already in meeting mode (q ends it)")
        case .startOrCloseReview: startOrCloseReview(&fx)
        case .writeReport: askReportFormat()
        case .retrySave: planCommand(.retrySave, &fx)
        case .help: openHelpAtMeetingKeys()
        case .forceQuit: fx.append(.quit)
        default: break
        }
    }

    /// `?` in a meeting: the help, scrolled to the meeting's keys (the tree's are above them).
    mutating func openHelpAtMeetingKeys() {
        let lines = KeyTable.helpLines(width: size.width)
        let heading = lines.firstIndex { $0.isHeading && $0.text == KeyBinding.Context.review.rawValue } ?? 0
        mode = .help(scroll: 0)
        helpKey(.char("~"), scroll: heading) // clamps the scroll as the help's own keys do
    }

    mutating func summaryKey(_ key: Key, _ m: MeetingState, _ fx: inout [Effect]) {
        guard case .summary(var scroll) = m.phase else { return }
        guard let command = KeyTable.summaryCommand(for: key) else {
            message = Message("\(key.name) does nothing here: Enter goes back into the meeting, q leaves meeting mode")
            return
        }
        let page = max(1, Layout(size).body.height - 2)
        switch command {
        case .moveUp: scroll -= 1
        case .moveDown: scroll += 1
        case .pageUp: scroll -= page
        case .pageDown: scroll += page
        case .summaryBack:
            meeting!.phase = .focus
            return
        case .summaryLeave:
            leaveMeeting()
            return
        case .startOrCloseReview: startOrCloseReview(&fx)
        case .writeReport: askReportFormat()
        case .retrySave: planCommand(.retrySave, &fx)
        case .help: openHelpAtMeetingKeys()
        case .forceQuit: fx.append(.quit)
        case .startMeeting: message = Message("Still in meeting mode: Enter goes back into the meeting, q leaves it")
        default: break
        }
        let lines = MeetingSummaryScreen.lines(self, m, width: max(1, size.width - 4)).count
        meeting!.phase = .summary(scroll: max(0, min(scroll, lines - 1)))
    }

    // MARK: - Moving

    /// The target on screen, if any.
    var meetingTarget: Target? {
        guard let m = activeMeeting else { return nil }
        return meetingCurrent(m, in: meetingList(m))?.item.target
    }

    /// Forward to the next target that passes the filters, or back. Returns false at either end:
    /// forward past the last target opens the summary; back from the first stays.
    @discardableResult
    mutating func step(forward: Bool) -> Bool {
        guard let m = meeting else { return false }
        let scope = meetingScope()
        let list = meetingList(m)
        guard let here = meetingCurrent(m, in: list) else {
            if forward { meeting!.phase = .summary(scroll: 0) } else { message = Message("No targets to review") }
            return false
        }
        meeting!.current = here.item.target.id
        let at = scope.firstIndex { $0.target.id == here.item.target.id } ?? 0
        let candidates = forward ? Array(scope[(at + 1)...]) : Array(scope[..<at].reversed())
        if let next = candidates.first(where: { meetingMatches($0.target, m) }) {
            meeting!.current = next.target.id
            return true
        }
        if forward {
            meeting!.phase = .summary(scroll: 0)
            message = Message("That was the last target: the meeting's summary (Enter goes back, q leaves)")
        } else {
            message = Message("This is the first target")
        }
        return false
    }

    mutating func jump(toLast: Bool) {
        guard let m = meeting else { return }
        let matching = meetingScope().filter { meetingMatches($0.target, m) }
        guard let pick = toLast ? matching.last : matching.first else { return }
        meeting!.current = pick.target.id
    }

    /// After `a` or `e`: stay if the target on screen still passes, else the next one that does
    /// (or the last one before it). A filter that would leave no target is not turned on.
    mutating func filterChanged(turnedOn what: String?) {
        guard let m = meeting else { return }
        let scope = meetingScope()
        let matching = scope.filter { meetingMatches($0.target, m) }
        if matching.isEmpty, let what {
            if m.exceptionsOnly && what == "an exception" { meeting!.exceptionsOnly = false } else { meeting!.notYetAssessedOnly = false }
            message = Message("No target here is \(what)\(m.notYetAssessedOnly && m.exceptionsOnly ? " as well" : ""): the filter stays off")
            return
        }
        let at = scope.firstIndex { $0.target.id == m.current } ?? 0
        if !matching.contains(where: { $0.target.id == m.current }) {
            let after = scope.dropFirst(at).first { meetingMatches($0.target, m) }
            let before = scope.prefix(at).last { meetingMatches($0.target, m) }
            if let pick = after ?? before { meeting!.current = pick.target.id }
        }
        var parts: [String] = []
        parts.append("not yet assessed only: " + (m.notYetAssessedOnly ? "on" : "off"))
        parts.append("exceptions only: " + (m.exceptionsOnly ? "on" : "off"))
        let what: String
        if m.notYetAssessedOnly, let review = doc?.plan.openReview {
            what = " (not changed since review \(review.number) opened)"
        } else if m.notYetAssessedOnly {
            what = " (no review is open: status not assessed)"
        } else {
            what = ""
        }
        message = Message("\(matching.count) target\(matching.count == 1 ? "" : "s") · " + parts.joined(separator: " · ") + what)
    }

    // MARK: - Changing

    mutating func setStatusAndMoveOn(_ status: Status, _ fx: inout [Effect]) {
        guard let target = meetingTarget else { message = Message("No target on screen"); return }
        meeting!.current = target.id
        meeting!.confirmed.insert(target.id)
        if target.status == status {
            message = Message("\(target.id): already \(glyphs.label(status)), kept")
        } else {
            change(target.id, .status, to: status.rawValue, &fx)
            meeting!.changed.insert(target.id)
            message = Message("\(target.id): \(glyphs.label(target.status)) → \(glyphs.label(status))")
        }
        moveOn(after: message)
    }

    /// After a status key: the next target, keeping the status key's message (and saying when it was the last).
    mutating func moveOn(after note: Message?) {
        let moved = step(forward: true)
        guard let note else { return }
        message = moved ? note : Message(note.text + " · that was the last target: the summary (Enter goes back, q leaves)", isError: note.isError)
    }

    mutating func keepAndMoveOn() {
        guard let target = meetingTarget else { message = Message("No target on screen"); return }
        meeting!.current = target.id
        meeting!.confirmed.insert(target.id)
        moveOn(after: Message("\(target.id): kept as \(glyphs.label(target.status))"))
    }

    /// `x`: the forecast editor, whose Enter marks the target not met and saves the forecast together.
    mutating func askNotMetForecast() {
        guard let target = meetingTarget else { message = Message("No target on screen"); return }
        meeting!.current = target.id
        meeting!.notMetPrompt = target.id
        mode = .editing(EditSession(targetID: target.id, field: .forecast, original: target.forecast, editor: LineEditor(target.forecast)))
    }

    mutating func editInMeeting(_ field: TargetField) {
        guard let target = meetingTarget else { message = Message("No target on screen"); return }
        meeting!.current = target.id
        meeting!.notMetPrompt = nil
        let value = target.value(of: field)
        mode = .editing(EditSession(targetID: target.id, field: field, original: value, editor: LineEditor(value)))
    }

    /// The editor in a meeting: as in the tree, except after `x`, where Enter saves "not met" and the
    /// forecast in one save and moves on, and Esc changes nothing.
    mutating func meetingEditorKey(_ key: Key, session: EditSession, _ fx: inout [Effect]) {
        let command: Command? = { if case .char = key { return nil } else { return KeyTable.editorCommand(for: key) } }()
        let isNotMetPrompt = meeting?.notMetPrompt == session.targetID
        switch command {
        case .editSave? where isNotMetPrompt:
            mode = .normal
            meeting!.notMetPrompt = nil
            guard let target = doc?.plan.target(id: session.targetID) else {
                message = Message("Target \(session.targetID) is no longer in the plan (someone removed it); nothing saved", isError: true)
                return
            }
            let text = session.editor.text
            var parts: [String] = []
            var statusEffects: [Effect] = []
            if target.status != .notMet {
                change(target.id, .status, to: Status.notMet.rawValue, &statusEffects)
                parts.append("\(glyphs.label(target.status)) → \(glyphs.label(.notMet))")
            } else {
                parts.append("still \(glyphs.label(.notMet))")
            }
            if text != target.forecast {
                // One save for both: the commit carries every unsaved change.
                change(target.id, .forecast, to: text, &fx)
                parts.append(text.isEmpty ? "forecast cleared" : "forecast set")
            } else {
                fx += statusEffects
                parts.append("forecast unchanged")
            }
            meeting!.confirmed.insert(target.id)
            if target.status != .notMet || text != target.forecast { meeting!.changed.insert(target.id) }
            moveOn(after: Message("\(target.id): " + parts.joined(separator: "; ")))
        case .editCancel? where isNotMetPrompt:
            mode = .normal
            meeting!.notMetPrompt = nil
            message = Message("Nothing changed: \(session.targetID) is not marked not met (Esc)")
        default:
            let before = doc?.plan.target(id: session.targetID)?.value(of: session.field)
            editorKey(key, session: session, &fx)
            if mode == .normal {
                meeting?.notMetPrompt = nil
                if let after = doc?.plan.target(id: session.targetID)?.value(of: session.field), after != before {
                    meeting?.changed.insert(session.targetID)
                    meeting?.confirmed.insert(session.targetID)
                }
            }
        }
    }
}
