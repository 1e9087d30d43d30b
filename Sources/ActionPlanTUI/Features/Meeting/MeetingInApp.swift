import ActionPlanCore

/// The app's side of meeting mode: starting and leaving it, routing keys to it, and carrying out
/// what it asks for (`MeetingRequest`).
extension AppState {
    /// `M`: meeting mode from the target under the cursor (or the first target under the Key Issue or
    /// objective under it).
    mutating func startMeeting() {
        guard let d = doc, let c = meetingContext else { return }
        let scope = c.scope()
        guard let first = scope.first else {
            message = Message(d.filters.isEmpty ? "This plan has no targets to review" : "No targets match the filters (* clears them)")
            return
        }
        var start = first.target.id
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
        let n = meetingContext?.summary(m).changes.count ?? 0
        meeting = nil
        mode = .normal
        if let id = m.current { reveal(.target(id)) }
        message = Message("Left meeting mode: \(n) target\(n == 1 ? "" : "s") changed in the meeting")
    }

    /// Lines a page key scrolls the summary.
    var summaryPage: Int { max(1, Layout(size).body.height - 2) }

    /// A key in meeting mode or its summary (no box open over it).
    mutating func meetingInput(_ input: KeyInput, _ m: MeetingState, _ fx: inout [Effect]) {
        guard let c = meetingContext else { return }
        message = nil
        var meeting = m
        let requests = meeting.handle(input, c, summaryPage: summaryPage)
        if case .summary(let scroll) = meeting.phase {
            let lines = MeetingSummaryScreen.lines(self, meeting, c, width: max(1, size.width - 4)).count
            meeting.phase = .summary(scroll: max(0, min(scroll, lines - 1)))
        }
        self.meeting = meeting
        perform(requests, &fx)
    }

    /// Carries out the meeting's requests in order. The changes of one key are saved together: one
    /// commit carrying every unsaved change (so "not met" and its forecast are one save).
    mutating func perform(_ requests: [MeetingRequest], _ fx: inout [Effect]) {
        var commits: [Effect] = []
        for request in requests {
            switch request {
            case .change(let id, let field, let value):
                change(id, field, to: value, &commits)
            case .edit(let session):
                mode = .editing(session)
            case .undo:
                let target = doc?.undo.last.flatMap { $0.structural == nil ? $0.targetID : nil }
                undo(&fx)
                if let target { meeting?.returned(to: target) }
            case .redo:
                let target = doc?.redo.last.flatMap { $0.structural == nil ? $0.targetID : nil }
                redo(&fx)
                if let target { meeting?.returned(to: target) }
            case .leave:
                leaveMeeting()
            case .tree(let command):
                switch command {
                case .help: openHelpAtMeetingKeys()
                case .forceQuit: fx.append(.quit)
                case .startOrCloseReview: startOrCloseReview()
                case .writeReport: askReportFormat()
                case .meetingAddTarget: openAddTarget(inMeeting: true)
                default: planCommand(command, &fx)
                }
            case .message(let m):
                message = m
            }
        }
        if let last = commits.last { fx.append(last) }
    }
}
