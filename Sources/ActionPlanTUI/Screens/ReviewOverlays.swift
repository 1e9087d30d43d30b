import ActionPlanCore

/// The boxes `R` and `r` open: start a review (as-at date and title), confirm closing one, and the
/// report's format. Drawn over the tree or the meeting in the style of the filter pickers.
enum ReviewOverlays {
    static func draw(_ state: AppState, layout: Layout, into grid: inout Grid) {
        guard let prompt = state.prompt, state.screen == .plan, let doc = state.doc else { return }
        switch prompt {
        case .startReview(let form): startReview(state, doc: doc, form: form, layout: layout, into: &grid)
        case .closeReview(let number, let asAt): closeReview(state, number: number, asAt: asAt, layout: layout, into: &grid)
        case .report(let selection): report(state, doc: doc, selection: selection, layout: layout, into: &grid)
        }
    }

    static func rect(_ layout: Layout, rows: Int) -> Rect {
        let body = layout.body
        let width = min(64, layout.size.width - 4)
        let height = min(body.height, rows + 2)
        return Rect(row: body.row + max(0, (body.height - height) / 2), column: (layout.size.width - width) / 2, width: width, height: height)
    }

    static func startReview(_ state: AppState, doc: PlanDoc, form: ReviewForm, layout: Layout, into grid: inout Grid) {
        let number = (doc.plan.reviews.map(\.number).max() ?? 0) + 1
        let r = rect(layout, rows: 5)
        grid.box(r, title: "Start review \(number)", glyphs: state.glyphs, style: Style(role: .accent))
        let x = r.column + 2, w = r.width - 4
        let labelWidth = 8
        func field(_ label: String, _ editor: LineEditor, row: Int, focused: Bool, placeholder: String) {
            guard row < r.bottom - 1 else { return }
            grid.put(label, row: row, column: x, style: .bold)
            let fieldWidth = max(1, w - labelWidth)
            grid.fill(row: row, from: x + labelWidth, to: x + labelWidth + fieldWidth, style: Style(underline: true))
            let text = state.clean(editor.text)
            if text.isEmpty && !focused {
                grid.put(placeholder, row: row, column: x + labelWidth, style: Style(dim: true, underline: true), maxWidth: fieldWidth)
            }
            // Long text scrolls so the cursor stays in the field.
            let before = state.clean(String(editor.characters.prefix(editor.cursor)))
            let shift = max(0, DisplayWidth.of(before) - fieldWidth + 1)
            var shown = text
            var cut = 0
            while cut < shift, let first = shown.first { cut += DisplayWidth.of(first); shown.removeFirst() }
            grid.put(shown, row: row, column: x + labelWidth, style: Style(underline: true), maxWidth: fieldWidth)
            if focused { grid.cursor = (row, x + labelWidth + min(fieldWidth - 1, DisplayWidth.of(before) - cut)) }
        }
        field("As at", form.date, row: r.row + 1, focused: form.field == .date, placeholder: "YYYY-MM-DD")
        field("Title", form.title, row: r.row + 2, focused: form.field == .title, placeholder: "optional, e.g. DAAF February 2009")
        if let error = form.error {
            grid.put(state.clean(error), row: r.row + 4, column: x, style: Style(bold: true, role: .error), maxWidth: w)
        } else {
            grid.put("It becomes the plan's as-at date; R again closes the review.", row: r.row + 4, column: x, style: .dimmed, maxWidth: w)
        }
        grid.put("Tab switches field · Enter starts · Esc cancels", row: r.row + 5, column: x, style: .dimmed, maxWidth: w)
    }

    static func closeReview(_ state: AppState, number: Int, asAt: Day, layout: Layout, into grid: inout Grid) {
        let r = rect(layout, rows: 6)
        grid.box(r, title: "Close review \(number)?", glyphs: state.glyphs, style: Style(role: .accent))
        let x = r.column + 2, w = r.width - 4
        grid.focus = (r.row + 1, x)
        let text = "Closing review \(number) (as at \(asAt.longDescription)) freezes every target's status, comment and "
            + "forecast into it. The next review's direction of travel is measured against it."
        for (n, line) in Wrap.lines(text, width: max(1, w), limit: 4).enumerated() where r.row + 1 + n < r.bottom - 2 {
            grid.put(line, row: r.row + 1 + n, column: x, maxWidth: w)
        }
        grid.put("y closes it · n or Esc keeps it open", row: r.bottom - 2, column: x, style: .bold, maxWidth: w)
    }

    static func report(_ state: AppState, doc: PlanDoc, selection: Int, layout: Layout, into grid: inout Grid) {
        let formats = ReportFileFormat.allCases
        let r = rect(layout, rows: formats.count + 3)
        grid.box(r, title: "Write the progress report", glyphs: state.glyphs, style: Style(role: .accent))
        let x = r.column + 2, w = r.width - 4
        let name = state.reportFileName(formats[max(0, min(selection, formats.count - 1))]) ?? ""
        grid.put(state.clean("To \(EffectRunner.reportsFolder)/\(name)"), row: r.row + 1, column: x, style: .dimmed, maxWidth: w)
        for (n, f) in formats.enumerated() where r.row + 2 + n < r.bottom - 1 {
            let text = DisplayWidth.pad(" \(f.key)  \(f.name)\(n == 0 ? " (default)" : "") — \(f.purpose)", to: w)
            grid.put(text, row: r.row + 2 + n, column: x, style: n == selection ? .reverse : .plain, maxWidth: w)
            if n == selection { grid.focus = (r.row + 2 + n, x) }
        }
        grid.put("Enter writes it · h, m or c picks one · Esc cancels", row: r.bottom - 2, column: x, style: .dimmed, maxWidth: w)
    }

    static func hint(_ state: AppState) -> String {
        switch state.prompt {
        case .startReview?: return "Tab switches field · Enter starts the review · Esc cancels"
        case .closeReview?: return "y closes the review · n or Esc keeps it open"
        case .report?: return "Enter writes the report · Esc cancels"
        case nil: return ""
        }
    }
}
