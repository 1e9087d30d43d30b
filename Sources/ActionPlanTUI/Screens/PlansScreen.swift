import ActionPlanCore

/// Every plan in the data directory: title, period, as-at date, tallies and a progress bar.
/// A file that failed to load is listed with its error.
enum PlansScreen {
    static let rowsPerPlan = 3

    static func draw(_ state: AppState, rect: Rect, into grid: inout Grid) {
        let g = state.glyphs
        if state.plans.isEmpty {
            grid.put("No plans to show. Plans are JSON files (PLAN_ID.json) in the data directory;", row: rect.row + 1, column: 2, maxWidth: rect.width - 2)
            grid.focus = (rect.row + 1, 2)
            grid.put("choose it with --data DIR or ACTIONPLAN_DATA.", row: rect.row + 2, column: 2, maxWidth: rect.width - 2)
            return
        }
        let visible = max(1, rect.height / rowsPerPlan)
        var first = min(state.plansScroll, max(0, state.plans.count - visible))
        if state.plansCursor < first { first = state.plansCursor }
        if state.plansCursor >= first + visible { first = state.plansCursor - visible + 1 }
        let w = rect.width
        for (n, index) in (first..<min(state.plans.count, first + visible)).enumerated() {
            let p = state.plans[index]
            let y = rect.row + n * rowsPerPlan
            let selected = index == state.plansCursor
            let marker = selected ? (g == .unicode ? "▶ " : "> ") : "  "
            if let error = p.error {
                let head: StyledLine = [Span(marker), Span("\(g.symbol(.notMet)) \(state.clean(p.id)).json cannot be loaded", Style(bold: true, role: .error))]
                grid.draw(head, row: y, column: rect.column, width: w)
                for (k, line) in Wrap.lines(state.clean(error), width: max(1, w - 4), limit: rowsPerPlan - 1).enumerated() {
                    grid.put(line, row: y + 1 + k, column: rect.column + 4, style: Style(role: .error), maxWidth: w - 4)
                }
            } else {
                // The id is what `--plan` and the command line take: the title gives way to it, never the reverse.
                let id = state.clean(p.id)
                let titleRoom = max(8, w - DisplayWidth.of(marker) - 2 - DisplayWidth.of(id) - 1)
                let head: StyledLine = [Span(marker), Span(DisplayWidth.truncate(state.clean(p.title), to: titleRoom), .bold), Span("  " + id, .dimmed)]
                grid.draw(head, row: y, column: rect.column, width: w)
                grid.draw(Labels.tally(p.tally, g), row: y + 1, column: rect.column + 4, width: w - 4)
                let barWidth = w >= 100 ? 30 : 16
                var bar: StyledLine
                if state.options.screenReader {
                    bar = [Span("\(p.tally.met) of \(p.tally.total) met (\(p.tally.percentMet)%)", .bold)] // words, not a bar chart
                } else {
                    bar = Labels.progressBar(p.tally, width: barWidth, g)
                    bar.append(Span("  \(p.tally.percentMet)% met of \(p.tally.total)", .bold))
                }
                var facts: [String] = []
                if !p.period.isEmpty { facts.append(p.period) }
                facts.append(p.asAt.map { "as at \($0)" } ?? "no as-at date")
                bar.append(Span("  " + facts.joined(separator: " · "), .dimmed))
                grid.draw(bar, row: y + 2, column: rect.column + 4, width: w - 4)
            }
            if selected {
                grid.restyle(row: y, from: rect.column, to: rect.column + w) { $0.reverse = true }
                grid.focus = (y, rect.column)
            }
        }
    }
}
