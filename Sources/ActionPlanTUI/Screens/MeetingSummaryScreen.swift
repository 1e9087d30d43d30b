import ActionPlanCore

/// The end of a meeting: how many targets changed and which (old → new status, comment or forecast
/// changed), then what is still outstanding (not met, partially met, overdue, not assessed).
enum MeetingSummaryScreen {
    static func draw(_ state: AppState, _ m: MeetingState, _ c: MeetingContext, rect: Rect, into grid: inout Grid) {
        let summary = c.summary(m)
        let w = rect.width
        let n = summary.changes.count
        let head: StyledLine = [Span(" "), MeetingScreen.banner("MEETING SUMMARY"), Span("  "),
                                Span("\(n) target\(n == 1 ? "" : "s") changed in this meeting", .bold)]
        grid.draw(head, row: rect.row, column: 0, width: w)
        grid.focus = (rect.row, 1)
        let x = MeetingScreen.margin(w) / 2 + 1
        let cw = max(1, w - 2 * x)
        let all = lines(state, m, c, width: cw)
        let top = rect.row + 2
        let legendRow = rect.bottom - 1
        let height = max(0, legendRow - top - 1)
        guard case .summary(let requested) = m.phase else { return }
        let scroll = max(0, min(requested, all.count - height))
        for (k, line) in all.dropFirst(scroll).prefix(height).enumerated() {
            grid.draw(line, row: top + k, column: x, width: cw)
        }
        let u = state.glyphs == .unicode
        if scroll + height < all.count {
            grid.put(u ? "▼ more" : "v more", row: top + height - 1, column: w - 7, style: .dimmed)
        }
        if scroll > 0 { grid.put(u ? "▲" : "^", row: top, column: w - 2, style: .dimmed) }
        let keys = "Enter or b: back into the meeting · q or Esc: leave meeting mode · r: report"
            + (state.doc?.plan.openReview.map { " · R: close review \($0.number)" } ?? " · R: start a review")
        grid.put(DisplayWidth.truncate(keys, to: cw), row: legendRow, column: x, style: .dimmed)
    }

    static func lines(_ state: AppState, _ m: MeetingState, _ c: MeetingContext, width: Int) -> [StyledLine] {
        let g = state.glyphs
        let summary = c.summary(m)
        var out: [StyledLine] = []
        let arrow = g == .unicode ? " → " : " -> "
        out.append([Span("Changed in this meeting (\(summary.changes.count))", Style(bold: true, underline: true))])
        if summary.changes.isEmpty {
            out.append([Span("  Nothing was changed in this meeting.", .dimmed)])
        }
        let idWidth = min(8, max(3, summary.changes.map { DisplayWidth.of(state.clean($0.targetID)) }.max() ?? 3)) + 2
        for c in summary.changes {
            var line: StyledLine = [Span("  " + DisplayWidth.pad(state.clean(c.targetID), to: idWidth), .bold)]
            if c.statusChanged {
                line += [Labels.statusSpan(c.oldStatus, g), Span(arrow), Labels.statusSpan(c.newStatus, g)]
            } else {
                line += [Span("status unchanged (", .dimmed), Labels.statusSpan(c.newStatus, g), Span(")", .dimmed)]
            }
            var fields: [String] = []
            if c.commentChanged { fields.append("comment") }
            if c.forecastChanged { fields.append("forecast") }
            if !fields.isEmpty { line.append(Span(" · " + fields.joined(separator: " and ") + " changed", Style(role: .accent))) }
            out.append(line)
            let indent = String(repeating: " ", count: 2 + idWidth)
            out.append([Span(indent), Span(DisplayWidth.truncate(state.clean(c.text), to: max(1, width - 2 - idWidth)), .dimmed)])
        }
        out.append([])
        let t = summary.outstandingTally
        var heading: StyledLine = [Span("Still outstanding (\(summary.outstanding.count))", Style(bold: true, underline: true))]
        if !summary.outstanding.isEmpty {
            heading += [Span("  "), Span("\(g.symbol(.notMet)) \(t.notMet) not met", Style(role: .notMet)), Span(" · "),
                        Span("\(g.symbol(.partiallyMet)) \(t.partiallyMet) partly met", Style(role: .partial)), Span(" · "),
                        Span("\(Labels.overdueSymbol(g)) \(t.overdue) overdue", Style(role: .overdue)), Span(" · "),
                        Span("\(g.symbol(.notAssessed)) \(t.notAssessed) not assessed", Style(role: .notAssessed))]
        }
        out.append(heading)
        if let review = state.doc?.plan.openReview, let n = summary.notYetAssessed {
            out.append([Span("  \(n) target\(n == 1 ? " is" : "s are") not yet assessed in review \(review.number) (a in the meeting shows only them)", .dimmed)])
        }
        if summary.outstanding.isEmpty {
            out.append([Span("  Nothing outstanding: every target is met.", .dimmed)])
        }
        let statusWidth = Labels.statusWidth(g)
        let flag = "\(Labels.overdueSymbol(g)) overdue"
        let outIDWidth = min(8, max(3, summary.outstanding.map { DisplayWidth.of(state.clean($0.id)) }.max() ?? 3)) + 2
        for target in summary.outstanding {
            var line: StyledLine = [Span("  " + DisplayWidth.pad(state.clean(target.id), to: outIDWidth))]
            var status = Labels.statusSpan(target.status, g)
            status.text = DisplayWidth.pad(status.text, to: statusWidth + 1)
            line.append(status)
            if target.isOverdue(asOf: state.options.asOf) {
                line.append(Span(DisplayWidth.pad(flag, to: DisplayWidth.of(flag) + 1), Style(bold: true, role: .overdue)))
            } else {
                line.append(Span(String(repeating: " ", count: DisplayWidth.of(flag) + 1)))
            }
            let used = 2 + outIDWidth + statusWidth + 1 + DisplayWidth.of(flag) + 1
            line.append(Span(DisplayWidth.truncate(state.clean(target.text), to: max(1, width - used))))
            out.append(line)
        }
        return out
    }
}
