import ActionPlanCore

/// Everything about the selected line: full wrapped text, statement or expected outcome, officers,
/// time scale and due date, status, comment, forecast, measure and recent history.
enum DetailPane {
    static let historyShown = 5

    /// `title` and `hint` replace the pane's own (my targets names the plan, and has no detail focus).
    static func draw(_ state: AppState, doc: PlanDoc, rect: Rect, title givenTitle: String? = nil, hint givenHint: String? = nil,
                     into grid: inout Grid) {
        guard rect.height > 0, rect.width > 2 else { return }
        let focused = doc.focus == .detail
        var title: String
        switch doc.cursor {
        case .target(let id)?: title = "Target \(id)"
        case .objective(let i, let o)?: title = "Objective " + (Tree.itemID(of: .objective(i, o), in: doc.plan) ?? "")
        case .issue(let i)?: title = "Key Issue " + (Tree.itemID(of: .issue(i), in: doc.plan) ?? "")
        case nil: title = "Details"
        }
        let arrows = state.glyphs == .unicode ? "↑/↓" : "Up/Down"
        if let givenTitle { title = givenTitle }
        let hint = givenHint ?? (focused ? "  \(arrows) scroll, Tab back to the tree" : "  Tab to scroll")
        let headStyle = Style(bold: true, reverse: focused)
        grid.put(" " + title + " ", row: rect.row, column: rect.column, style: headStyle, maxWidth: rect.width)
        // With the pane focused, the first line shown is where reading starts.
        if focused { grid.focus = (min(rect.row + 1, rect.bottom - 1), rect.column + 1) }
        grid.put(hint, row: rect.row, column: rect.column + DisplayWidth.of(title) + 2, style: .dimmed,
                 maxWidth: max(0, rect.width - DisplayWidth.of(title) - 2))
        let all = lines(for: state, width: rect.width - 2)
        let height = rect.height - 1
        let scroll = max(0, min(doc.detailScroll, all.count - height))
        for (n, line) in all.dropFirst(scroll).prefix(height).enumerated() {
            grid.draw(line, row: rect.row + 1 + n, column: rect.column + 1, width: rect.width - 2)
        }
        if scroll + height < all.count {
            grid.put(state.glyphs == .unicode ? "▼ more" : "v more", row: rect.bottom - 1, column: rect.column + rect.width - 7, style: .dimmed)
        }
    }

    static func lines(for state: AppState, width: Int) -> [StyledLine] {
        guard let doc = state.doc, let node = doc.cursor, width > 0 else { return [] }
        let plan = doc.plan
        var out: [StyledLine] = []
        let labelWidth = width >= 40 ? 12 : 0
        let g = state.glyphs

        func text(_ s: String, _ style: Style = .plain) {
            for l in Wrap.lines(g.clean(s, keepNewlines: true), width: width) { out.append([Span(l, style)]) }
        }
        func field(_ label: String, _ value: String, _ style: Style = .plain, extra: [Span] = []) {
            let valueWidth = max(1, width - labelWidth)
            var wrapped = Wrap.lines(g.clean(value, keepNewlines: true), width: valueWidth)
            if wrapped.isEmpty { wrapped = [""] }
            if labelWidth == 0 {
                out.append([Span(label, .bold)])
                for (i, l) in wrapped.enumerated() { out.append([Span(l, style)] + (i == wrapped.count - 1 ? extra : [])) }
                return
            }
            for (i, l) in wrapped.enumerated() {
                let head = i == 0 ? DisplayWidth.pad(label, to: labelWidth) : String(repeating: " ", count: labelWidth)
                out.append([Span(head, .bold), Span(l, style)] + (i == wrapped.count - 1 ? extra : []))
            }
        }
        func blank() { out.append([]) }

        switch node {
        case .issue(let i):
            guard i < plan.keyIssues.count else { return [] }
            let issue = plan.keyIssues[i]
            text("Key Issue \(issue.number): \(issue.title)", .bold)
            if !issue.statement.isEmpty { blank(); text(issue.statement) }
            blank()
            tallyLines(Tree.tally(under: node, in: plan, filter: doc.targetFilter(asOf: state.options.asOf), asOf: state.options.asOf), state, &out, width: width)
            field("Objectives", "\(issue.objectives.count)")
            history(plan.history.filter { $0.item == issue.id }, g, width: width, &out)
        case .objective(let i, let o):
            guard i < plan.keyIssues.count, o < plan.keyIssues[i].objectives.count else { return [] }
            let objective = plan.keyIssues[i].objectives[o]
            let label = objective.label.isEmpty ? "" : objective.label + " "
            text(label + objective.text, .bold)
            if !objective.expectedOutcome.isEmpty { blank(); field("Expected", objective.expectedOutcome) }
            blank()
            tallyLines(Tree.tally(under: node, in: plan, filter: doc.targetFilter(asOf: state.options.asOf), asOf: state.options.asOf), state, &out, width: width)
            field("Key Issue", "\(plan.keyIssues[i].number). \(plan.keyIssues[i].title)", .dimmed)
            history(plan.history.filter { $0.item == objective.id }, g, width: width, &out)
        case .target(let id):
            guard let p = plan.indexPath(ofTarget: id) else { return [] }
            let issue = plan.keyIssues[p.issue]
            let objective = issue.objectives[p.objective]
            let target = objective.targets[p.target]
            let asOf = state.options.asOf
            text(target.text, .bold)
            blank()
            var statusExtra: [Span] = []
            if doc.pending.contains(where: { $0.targetID == id }) {
                statusExtra.append(Span(g == .unicode ? "  ✎ unsaved" : "  * unsaved", Style(bold: true, role: .error)))
            }
            if let word = target.statusAsWritten { statusExtra.insert(Span("  (as written: \(g.clean(word)))", .dimmed), at: 0) }
            field("Status", g.label(target.status), Style(bold: true, role: Labels.role(target.status)), extra: statusExtra)
            field("Lead", target.leadOfficers.isEmpty ? "(none named)" : target.leadOfficers.joined(separator: ", "), Style(role: .accent))
            let overdue = target.isOverdue(asOf: asOf)
            field("Time scale", Labels.dueLong(target) + (overdue ? "  \(Labels.overdueSymbol(g)) OVERDUE" : ""),
                  overdue ? Style(bold: true, role: .overdue) : .plain)
            field("Comment", target.comment.isEmpty ? "(none: c adds one)" : target.comment, target.comment.isEmpty ? .dimmed : .plain)
            field("Forecast", target.forecast.isEmpty ? "(none: f adds one)" : target.forecast, target.forecast.isEmpty ? .dimmed : .plain)
            if let measure = target.measure, !measure.summary.isEmpty { field("Measure", measure.summary) }
            for (i, column) in target.importedColumns.enumerated() { field(i == 0 ? "Imported" : "", "\(column.heading): \(column.value)") }
            blank()
            field("Objective", (objective.label.isEmpty ? "" : objective.label + " ") + objective.text, .dimmed)
            if !objective.expectedOutcome.isEmpty { field("Expected", objective.expectedOutcome, .dimmed) }
            field("Key Issue", "\(issue.number). \(issue.title)", .dimmed)
            history(target.history, g, width: width, &out)
        }
        return out
    }

    /// The latest entries of an item's history, structural ones included (added, moved, removed …).
    static func history(_ entries: [HistoryEntry], _ g: Glyphs, width: Int, _ out: inout [StyledLine]) {
        guard !entries.isEmpty else { return }
        out.append([])
        out.append([Span("History", .bold), Span(" (latest first, \(entries.count) in all)", .dimmed)])
        for h in entries.suffix(historyShown).reversed() {
            let s = "\(Labels.historyTime(h.when))  \(h.who)  " + Labels.historyChange(h, g)
            for (k, l) in Wrap.lines(g.clean(s), width: max(1, width - 2)).enumerated() {
                out.append([Span(k == 0 ? "• " : "  ", .dimmed), Span(l)])
            }
        }
    }

    static func tallyLines(_ t: Tally, _ state: AppState, _ out: inout [StyledLine], width: Int) {
        out.append([Span("Targets     ", .bold), Span("\(t.total), \(Labels.rollUp(t))")])
        out.append(Labels.tally(t, state.glyphs))
        out.append(state.options.screenReader ? [Span("\(t.met) of \(t.total) met (\(t.percentMet)%)")]
                   : Labels.progressBar(t, width: min(30, width), state.glyphs) + [Span("  \(t.percentMet)% met")])
    }
}
