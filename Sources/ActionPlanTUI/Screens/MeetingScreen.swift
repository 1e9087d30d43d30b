import ActionPlanCore

/// Meeting mode: one target per screen, for a projector. Under the header's plan title: the position
/// ("Target 7 of 55") and filters; the Key Issue and objective (breadcrumb); the target text in bold
/// with wide margins; lead officers, due date, status, the last closed review's status and the
/// direction of travel, comment and forecast; the Key Issue's progress strip; a key legend.
enum MeetingScreen {

    /// The meeting or its summary, over the tree (the mode's overlays are drawn over it as usual).
    static func draw(_ state: AppState, layout: Layout, into grid: inout Grid) {
        guard let m = state.activeMeeting, let c = state.meetingContext else { return }
        // The header's tallies and breadcrumb lines are the meeting's.
        let top = 1
        // Above the status bar, which grows while a long message is shown.
        let bottom = max(top + 1, layout.statusRow - (StatusBar.height(state, size: layout.size) - 1))
        for y in top..<bottom { grid.fill(row: y, style: .plain) }
        let rect = Rect(row: top, column: 0, width: layout.size.width, height: bottom - top)
        if m.isSummary {
            MeetingSummaryScreen.draw(state, m, c, rect: rect, into: &grid)
        } else {
            drawFocus(state, m, c, rect: rect, into: &grid)
        }
    }

    /// Left and right margins: generous on a wide screen.
    static func margin(_ width: Int) -> Int { width >= 110 ? 8 : width >= 80 ? 4 : 2 }

    static func banner(_ text: String) -> Span { Span(" \(text) ", Style(bold: true, reverse: true, role: .accent)) }

    static func drawFocus(_ state: AppState, _ m: MeetingState, _ c: MeetingContext, rect: Rect, into grid: inout Grid) {
        let g = state.glyphs
        let w = rect.width
        let list = c.list(m)
        let scope = c.scope()
        let x = margin(w)
        let cw = max(1, w - 2 * x)

        // Position line.
        var position: StyledLine = [Span(" "), banner("MEETING"), Span("  ")]
        guard let (index, item) = c.current(m, in: list) else {
            position.append(Span("No targets to review", .bold))
            grid.focus = (rect.row, 0)
            grid.draw(position, row: rect.row, column: 0, width: w)
            let why = m.filterDescription.map { "No target is left that is \($0.replacing("only", with: "")): a and e turn the filters off." }
                ?? "No targets match the tree's filters (q, then * clears them)."
            for (n, line) in Wrap.lines(why, width: cw).prefix(max(0, rect.height - 2)).enumerated() {
                grid.put(line, row: rect.row + 2 + n, column: x, maxWidth: cw)
            }
            return
        }
        let target = item.target
        let plan = c.plan
        let issue = plan.keyIssues[item.issue]
        let objective = issue.objectives[item.objective]
        position.append(Span("Target \(index + 1) of \(list.count)", .bold))
        if let f = m.filterDescription {
            let inPlan = (scope.firstIndex { $0.target.id == target.id } ?? 0) + 1
            position.append(Span("  \(f) · \(inPlan) of \(scope.count) in \(c.isFiltered ? "the filtered plan" : "the plan")", Style(role: .accent)))
        }
        let changed = c.summary(m).changes.count
        let right = "\(state.clean(target.id))  ·  \(changed) changed in this meeting "
        let used = grid.draw(position, row: rect.row, column: 0, width: w)
        if used + DisplayWidth.of(right) + 2 <= w {
            grid.put(right, row: rect.row, column: w - DisplayWidth.of(right), style: .dimmed)
        }

        // What goes in the middle, and how many lines each part may take.
        let labelWidth = 15
        let valueWidth = max(1, cw - labelWidth)
        let textLines = Wrap.lines(state.clean(target.text), width: cw)
        let comment = target.comment.isEmpty ? [] : Wrap.lines(g.clean(target.comment, keepNewlines: true), width: valueWidth)
        let forecast = target.forecast.isEmpty ? [] : Wrap.lines(g.clean(target.forecast, keepNewlines: true), width: valueWidth)
        let measure = target.measure.map { state.clean($0.summary) } ?? ""
        let available = rect.height - 2 // the position line and the progress strip
        var budget = Budget(available: available)
        let crumbIssue = budget.take(1), crumbObjective = budget.take(1)
        var textCount = budget.take(1)
        let fields = budget.take(6)
        // Every lead officer, one to a line (names often hold commas: "Jo Fisher, Service Manager").
        let officerLines = target.leadOfficers.isEmpty ? ["(none named)"]
            : target.leadOfficers.flatMap { Wrap.lines(state.clean($0), width: valueWidth) }
        let officerCount = fields > 0 ? 1 + budget.take(min(officerLines.count, 6) - 1) : 0
        var commentCount = 0, forecastCount = 0
        textCount += budget.take(min(textLines.count, 8) - 1)
        let gapAfterCrumbs = budget.take(1)
        let gapAfterText = budget.take(1)
        let measureCount = measure.isEmpty ? 0 : budget.take(1)
        commentCount += budget.take(min(max(1, comment.count), 4) - 1)
        forecastCount += budget.take(min(max(1, forecast.count), 4) - 1)
        let gapBeforeStrip = budget.take(1)
        let legend = budget.take(1)
        let gapAfterPosition = budget.take(1)
        textCount += budget.take(min(textLines.count, 20) - textCount)
        commentCount += budget.take(min(max(1, comment.count), 10) - 1 - commentCount)
        forecastCount += budget.take(min(max(1, forecast.count), 10) - 1 - forecastCount)
        // What is left over goes above the target, so it sits near the middle of a tall screen.
        // Then the Key Issue and objective in full (wrapped), when there is room: on a projector.
        let objectiveText = state.clean(objective.label).isEmpty ? state.clean(objective.text) : state.clean(objective.label) + " " + state.clean(objective.text)
        let issueLines = Wrap.lines("Key Issue \(issue.number): " + state.clean(issue.title), width: cw)
        let objectiveLines = Wrap.lines(objectiveText, width: cw)
        let issueCount = crumbIssue > 0 ? 1 + budget.take(min(issueLines.count, 3) - 1) : 0
        let objectiveCount = crumbObjective > 0 ? 1 + budget.take(min(objectiveLines.count, 4) - 1) : 0
        let padding = budget.take(budget.available / 3)

        var y = rect.row + 1 + gapAfterPosition + padding
        let limit = rect.bottom - 1 // the strip's row
        func line(_ spans: StyledLine, column: Int = x, width: Int = cw) {
            guard y < limit else { return }
            grid.draw(spans, row: y, column: column, width: width)
            y += 1
        }
        // One line: cut at the width (a wrap would leave only the first word of a long unbroken run).
        func crumb(_ text: String, _ count: Int) -> [String] {
            count == 1 ? [DisplayWidth.truncate(text, to: cw)] : Wrap.lines(text, width: cw, limit: count)
        }
        for l in crumb("Key Issue \(issue.number): " + state.clean(issue.title), issueCount) { line([Span(l, .dimmed)]) }
        for l in crumb(objectiveText, objectiveCount) { line([Span(l, .dimmed)]) }
        y += gapAfterCrumbs
        for (n, l) in Wrap.lines(state.clean(target.text), width: cw, limit: max(1, textCount)).enumerated() where n < textCount {
            if n == 0, y < limit { grid.focus = (y, x) } // the target being discussed
            line([Span(l, .bold)])
        }
        y += gapAfterText

        func field(_ label: String, _ values: [StyledLine]) {
            for (n, v) in values.enumerated() {
                line([Span(DisplayWidth.pad(n == 0 ? label : "", to: labelWidth), .bold)] + v)
            }
        }
        func wrapped(_ lines: [String], limit count: Int, empty: String) -> [StyledLine] {
            if lines.isEmpty { return [[Span(empty, .dimmed)]] }
            var shown = Array(lines.prefix(max(1, count)))
            if lines.count > shown.count {
                shown[shown.count - 1] = DisplayWidth.truncate(shown[shown.count - 1] + " …", to: valueWidth)
            }
            return shown.map { [Span($0)] }
        }
        if fields > 0 {
            var officers = Array(officerLines.prefix(officerCount))
            if officerLines.count > officers.count {
                let rest = officerLines.count - officers.count
                officers[officers.count - 1] = DisplayWidth.truncate(officers[officers.count - 1], to: max(1, valueWidth - 12)) + " (+\(rest) more)"
            }
            field("Lead officers", officers.map { [Span($0, Style(role: .accent))] })
            var due: StyledLine = [Span(state.clean(Labels.dueLong(target)))]
            if target.isOverdue(asOf: state.options.asOf) {
                due = [Span(state.clean(Labels.dueLong(target)), Style(role: .overdue)), Span("  "),
                       Span("\(Labels.overdueSymbol(g)) OVERDUE", Style(bold: true, role: .overdue))]
            }
            field("Due", [due])
            var status: StyledLine = [Labels.statusSpan(target.status, g)]
            if let old = m.before[target.id]?.status, old != target.status {
                status.append(Span("  (was \(g.label(old)) before this meeting)", .dimmed))
            } else if m.confirmed.contains(target.id) {
                status.append(Span("  (confirmed in this meeting)", .dimmed))
            }
            if state.doc?.pending.contains(where: { $0.targetID == target.id }) == true {
                status.append(Span(g == .unicode ? "  ✎ unsaved" : "  * unsaved", Style(bold: true, role: .error)))
            }
            field("Status", [status])
            field("Last review", [lastReview(state, target: target, width: valueWidth)])
            if !measure.isEmpty && measureCount > 0 { field("Measure", [[Span(DisplayWidth.truncate(measure, to: valueWidth))]]) }
            field("Comment", wrapped(comment, limit: commentCount + 1, empty: "(none: c adds one)"))
            field("Forecast", wrapped(forecast, limit: forecastCount + 1, empty: "(none: f adds one)"))
        }
        if legend > 0 {
            let text = legendText(g)
            y = max(y + gapBeforeStrip, limit - 1)
            line([Span(DisplayWidth.truncate(text, to: cw), .dimmed)])
        }
        grid.draw(strip(state, issueIndex: item.issue, current: target.id, width: w - 2), row: rect.bottom - 1, column: 1, width: w - 2)
    }

    static func legendText(_ g: Glyphs) -> String {
        let arrows = g == .unicode ? "←/→" : "Left/Right"
        return "m met · x not met · p partly · Space no change · c comment · f forecast · \(arrows) move · a not yet assessed · e exceptions · q summary"
    }

    /// "◐ Partly met in review 1, as at 21 January 2008   ↓ worse", shortened to fit `width` (the
    /// direction is never cut), or why there is nothing to compare with.
    static func lastReview(_ state: AppState, target: Target, width: Int = .max) -> StyledLine {
        let g = state.glyphs
        guard let plan = state.doc?.plan, let previous = plan.previousClosedReview() else {
            return [Span("no closed review yet", .dimmed)]
        }
        let whens = ["review \(previous.number), as at \(previous.asAt.longDescription)", "review \(previous.number) (\(previous.asAt))",
                     "review \(previous.number)"]
        var candidates: [StyledLine] = []
        if let then = previous.snapshot.first(where: { $0.id == target.id })?.status {
            let direction = Direction.of(target.status, then: then)
            let role: ColorRole? = direction == .better ? .met : direction == .worse ? .notMet : nil
            let arrow = Span(g.label(direction), Style(bold: true, role: role))
            candidates = whens.map { [Labels.statusSpan(then, g), Span(" in \($0)", .dimmed), Span("   "), arrow] }
                + [[Labels.statusSpan(then, g), Span("  "), arrow]]
        } else {
            let new = Span(g.label(Direction.new), .bold)
            candidates = whens.map { [Span("not in \($0)", .dimmed), Span("   "), new] }
        }
        return candidates.first { Header.width(of: $0) <= width } ?? candidates.last!
    }

    /// "Key Issue 3: ✓ 11 ◐ 0 ✗ 0 · 1  [■■■■■■■■■■□■]  11/12 met": one cell per target in document
    /// order when they fit (the one on screen underlined), else a bar of the counts.
    static func strip(_ state: AppState, issueIndex: Int, current: String, width: Int) -> StyledLine {
        let g = state.glyphs
        guard let plan = state.doc?.plan, issueIndex < plan.keyIssues.count else { return [] }
        let issue = plan.keyIssues[issueIndex]
        let targets = issue.objectives.flatMap(\.targets)
        let t = Tally(targets, asOf: state.options.asOf)
        func count(_ s: Status) -> Span { Span("\(g.symbol(s)) \(t.count(s))", Style(role: Labels.role(s))) }
        var line: StyledLine = [Span("Key Issue \(issue.number): ", .bold), count(.met), Span(" "), count(.partiallyMet), Span(" "),
                                count(.notMet), Span(" "), count(.notAssessed)]
        if t.overdue > 0 { line += [Span(" "), Span("\(Labels.overdueSymbol(g)) \(t.overdue)", Style(bold: true, role: .overdue))] }
        // A screen reader gets the words, not a row of cells it would read one by one.
        let sr = state.options.screenReader
        let after = sr ? "  \(t.met) of \(t.total) met" : "  \(t.met)/\(t.total) met"
        let room = width - Header.width(of: line) - DisplayWidth.of(after) - 4
        if room >= 3 && !sr {
            line.append(Span("  ["))
            let cells = Self.cells(targets, room: room, g)
            for (i, c) in cells.enumerated() {
                var style = Style(role: Labels.role(c.status))
                if targets.count == cells.count && targets[i].id == current { style.reverse = true }
                line.append(Span(c.text, style))
            }
            line.append(Span("]"))
        }
        line.append(Span(after, .bold))
        return line
    }

    static func cell(_ s: Status, _ g: Glyphs) -> String {
        switch (s, g) {
        case (.met, .unicode): return "■"
        case (.partiallyMet, .unicode): return "▣"
        case (.notMet, .unicode): return "□"
        case (.notAssessed, .unicode): return "·"
        case (.met, .ascii): return "#"
        case (.partiallyMet, .ascii): return "+"
        case (.notMet, .ascii): return "-"
        case (.notAssessed, .ascii): return "."
        }
    }

    /// One cell per target, or (too many for the room) the counts scaled to it, met first: each
    /// status gets the cells between the rounded positions where its running count starts and ends.
    static func cells(_ targets: [Target], room: Int, _ g: Glyphs) -> [(status: Status, text: String)] {
        if targets.count <= room { return targets.map { ($0.status, cell($0.status, g)) } }
        var out: [(Status, String)] = []
        var before = 0
        for s in [Status.met, .partiallyMet, .notMet, .notAssessed] {
            let after = before + targets.filter { $0.status == s }.count
            let share = (after * room + targets.count / 2) / targets.count - (before * room + targets.count / 2) / targets.count
            for _ in 0..<share { out.append((s, cell(s, g))) }
            before = after
        }
        return out
    }

    /// The comment or forecast editor in a meeting. After `x`, and for the forecast of a target not
    /// met, it asks "Not met — when will it be met, or why not?".
    /// Drawn after the tree's editor, over exactly its box.
    static func editor(_ state: AppState, layout: Layout, into grid: inout Grid) {
        guard let m = state.activeMeeting, !m.isSummary, case .editing(let session) = state.mode else { return }
        let body = layout.body
        let height = min(body.height, max(7, body.height / 2)) // as Overlays.editor
        let rect = Rect(row: body.bottom - height, column: 0, width: layout.size.width, height: height)
        let prompt = promptText(state, m, session: session)
        let title = session.field == .comment ? "Comment for target \(session.targetID)" : "Forecast for target \(session.targetID)"
        grid.box(rect, title: state.clean(title), glyphs: state.glyphs, style: Style(role: .accent))
        let inner = Rect(row: rect.row + 1, column: rect.column + 2, width: rect.width - 4, height: rect.height - 2)
        var row = inner.row
        if let prompt {
            grid.put(prompt, row: row, column: inner.column, style: Style(bold: true, role: .notMet), maxWidth: inner.width)
            row += 1
        }
        let hint = m.notMetPrompt == session.targetID
            ? "Enter saves not met and the forecast, then moves on · Esc changes nothing"
            : "Enter saves · Esc cancels · Alt-Enter or Ctrl-J new line"
        let textHeight = max(1, inner.bottom - row - 1)
        grid.put(hint, row: inner.bottom - 1, column: inner.column, style: .dimmed, maxWidth: inner.width)
        let laid = session.editor.layout(width: max(1, inner.width))
        let first = max(0, laid.cursorRow - textHeight + 1)
        for (n, l) in laid.lines.dropFirst(first).prefix(textHeight).enumerated() {
            grid.put(state.glyphs == .ascii ? state.glyphs.clean(l) : l, row: row + n, column: inner.column, maxWidth: inner.width)
        }
        grid.cursor = (row + laid.cursorRow - first, inner.column + laid.cursorColumn)
    }

    /// The question above the forecast editor: after `x`, or for a target that is not met.
    static func promptText(_ state: AppState, _ m: MeetingState, session: EditSession) -> String? {
        guard session.field == .forecast else { return nil }
        let dash = state.glyphs == .unicode ? "—" : "-"
        if m.notMetPrompt == session.targetID || state.doc?.plan.target(id: session.targetID)?.status == .notMet {
            return "Not met \(dash) when will it be met, or why not?"
        }
        return "Expected to be met? If so, when; if not, why not?"
    }

    /// The status bar's hint when there is no message.
    static func statusHint(_ state: AppState) -> String? {
        if state.prompt != nil { return ReviewOverlays.hint(state) }
        guard let m = state.activeMeeting else { return nil }
        if m.isSummary { return "Enter back into the meeting · r report · R review · q ends meeting mode" }
        return "m met · x not met · p partly · Space no change · c comment · f forecast · a · e · q summary"
    }
}

/// Hands out lines of the screen, first come first served.
struct Budget {
    var available: Int
    mutating func take(_ n: Int) -> Int {
        let k = max(0, min(n, available))
        available -= k
        return k
    }
}

extension Header {
    /// The right of the title bar: "Review 2 open (as at 29 February 2008)" while a review is open,
    /// else the plan's as-at date.
    static func asAtOrOpenReview(_ plan: Plan, width: Int) -> String {
        if let open = plan.openReview {
            return "Review \(open.number) open (as at \(width >= 80 ? open.asAt.longDescription : open.asAt.description))"
        }
        return plan.asAt.map { "as at \($0.longDescription)" } ?? "no as-at date"
    }
}
