import ActionPlanCore

/// The top three lines: title and as-at date; tallies for what is shown and active filters; breadcrumb.
enum Header {
    static func draw(_ state: AppState, layout: Layout, into grid: inout Grid) {
        let w = layout.size.width
        let bar = Style(bold: true, reverse: true, role: .header)
        grid.fill(row: 0, style: bar)
        let g = state.glyphs
        switch state.screen {
        case .plans:
            grid.put(w >= 80 ? " actionplan — equality action plan reviews" : " actionplan", row: 0, column: 0, style: bar)
            let right = "overdue as of \(state.options.asOf) "
            grid.put(right, row: 0, column: max(0, w - DisplayWidth.of(right)), style: bar)
            let n = state.plans.count
            grid.put(" \(n) plan\(n == 1 ? "" : "s") in \(state.clean(state.options.dataDirectory))", row: 1, column: 0, maxWidth: w)
            grid.put(" Plans", row: 2, column: 0, style: .dimmed)
        case .myTargets:
            if let view = state.myTargets { MyTargetsScreen.header(state, view: view, layout: layout, into: &grid) }
        case .plan:
            guard let doc = state.doc else { return }
            let plan = doc.plan
            var right = asAtOrOpenReview(plan, width: w)
            if w >= 100 { right += "  overdue as of \(state.options.asOf)" }
            right = state.titleBarRight(right, width: w)
            right += " "
            let rightWidth = DisplayWidth.of(right)
            let titleWidth = max(0, w - rightWidth - 2)
            grid.put(" " + DisplayWidth.truncate(state.clean(plan.title), to: titleWidth), row: 0, column: 0, style: bar)
            if rightWidth < w { grid.put(right, row: 0, column: w - rightWidth, style: bar) }

            let filter = doc.targetFilter(asOf: state.options.asOf)
            // Counted in place over every Key Issue: the same targets the filtered tree shows.
            var tally = Tally()
            for i in plan.keyIssues.indices {
                tally = tally + Tree.tally(under: .issue(i), in: plan, filter: filter, asOf: state.options.asOf)
            }
            var line: StyledLine = [Span(" ")] + Labels.tally(tally, g)
            line.append(Span("  (\(tally.total) target\(tally.total == 1 ? "" : "s"))", .dimmed))
            var filters: StyledLine = []
            if !doc.filters.isEmpty {
                filters.append(Span("Filter: " + state.filterDescription(doc.filters), Style(bold: true, role: .accent)))
                filters.append(Span(" (* clears)", .dimmed))
            }
            if let search = doc.search {
                if !filters.isEmpty { filters.append(Span("  ")) }
                filters.append(Span("Search “\(state.clean(search))”", Style(role: .accent)))
            }
            let crumb = breadcrumb(state, doc: doc)
            let lineWidth = width(of: line), filterWidth = width(of: filters)
            if filters.isEmpty {
                grid.draw(line, row: 1, column: 0, width: w)
                grid.draw(crumb, row: 2, column: 0, width: w)
            } else if lineWidth + 3 + filterWidth <= w {
                grid.draw(line + [Span(g == .unicode ? " │ " : " | ")] + filters, row: 1, column: 0, width: w)
                grid.draw(crumb, row: 2, column: 0, width: w)
            } else {
                // No room beside the tallies: the filters take the right of the breadcrumb line.
                grid.draw(line, row: 1, column: 0, width: w)
                let shown = min(filterWidth, w - 1)
                grid.draw(crumb, row: 2, column: 0, width: max(0, w - shown - 2))
                grid.draw(filters, row: 2, column: w - shown - 1, width: shown)
            }
        }
    }

    static func width(of line: StyledLine) -> Int { line.reduce(0) { $0 + DisplayWidth.of($1.text) } }

    static func breadcrumb(_ state: AppState, doc: PlanDoc) -> StyledLine {
        let g = state.glyphs
        let sep = Span(Labels.separator(g), .dimmed)
        var parts: [String] = ["Plans", state.clean(doc.plan.title)]
        let plan = doc.plan
        switch doc.cursor {
        case .issue(let i)?:
            parts.append("Key Issue \(plan.keyIssues[i].number)")
        case .objective(let i, let o)?:
            parts.append("Key Issue \(plan.keyIssues[i].number)")
            parts.append(objectiveName(plan.keyIssues[i].objectives[o], index: o, state))
        case .target(let id)?:
            if let p = plan.indexPath(ofTarget: id) {
                parts.append("Key Issue \(plan.keyIssues[p.issue].number)")
                parts.append(objectiveName(plan.keyIssues[p.issue].objectives[p.objective], index: p.objective, state))
                parts.append("Target \(id)")
            }
        case nil: break
        }
        // The plan title gives way when the line is too long.
        let others = parts.enumerated().filter { $0.offset != 1 }.reduce(0) { $0 + DisplayWidth.of($1.element) }
        let room = state.size.width - 1 - others - DisplayWidth.of(Labels.separator(g)) * (parts.count - 1)
        parts[1] = DisplayWidth.truncate(parts[1], to: max(12, room))
        if room < 12 { parts.removeFirst(2); parts.insert("…", at: 0) }
        var line: StyledLine = [Span(" ")]
        for (i, p) in parts.enumerated() {
            if i > 0 { line.append(sep) }
            line.append(Span(p, i == parts.count - 1 ? .bold : .dimmed))
        }
        return line
    }

    static func objectiveName(_ o: Objective, index: Int, _ state: AppState) -> String {
        let label = state.clean(o.label)
        return label.isEmpty ? "Objective (\(index + 1))" : "Objective \(label.hasSuffix(".") ? String(label.dropLast()) : label)"
    }
}
