import ActionPlanCore

/// Draws the whole screen for a state at a size. Pure: the same state and size give the same grid.
public func render(_ state: AppState, size: Size) -> Grid {
    var grid = Grid(size: size)
    guard size.width > 0, size.height > 0 else { return grid }
    let layout = Layout(size)
    if layout.isTooSmall {
        let x = state.glyphs == .unicode ? "×" : "x"
        let text = "terminal too small (need \(Layout.minWidth)\(x)\(Layout.minHeight))"
        for (i, line) in Wrap.lines(text, width: size.width).prefix(size.height).enumerated() {
            grid.put(line, row: i, column: 0, style: .bold)
        }
        grid.focus = (0, 0)
        if state.glyphs == .ascii { grid.makeASCII() }
        return grid
    }
    Header.draw(state, layout: layout, into: &grid)
    if case .help(let scroll) = state.mode {
        HelpScreen.draw(state, scroll: scroll, rect: layout.body, into: &grid)
    } else {
        switch state.screen {
        case .plans: PlansScreen.draw(state, rect: layout.body, into: &grid)
        case .plan: PlanScreen.draw(state, layout: layout, into: &grid)
        case .myTargets: if let view = state.myTargets { MyTargetsScreen.draw(state, view: view, layout: layout, into: &grid) }
        }
        MeetingScreen.draw(state, layout: layout, into: &grid) // over the tree, in meeting mode
        switch state.mode {
        case .editing(let session): Overlays.editor(state, session: session, layout: layout, into: &grid)
        case .officerPicker(let picker): Overlays.officerPicker(state, picker: picker, layout: layout, into: &grid)
        case .statusPicker(let picker): Overlays.statusPicker(state, picker: picker, layout: layout, into: &grid)
        case .recoveryOffer(let offer): RecoveryOverlay.draw(state, offer: offer, layout: layout, into: &grid)
        case .itemForm(let form): TreeEditOverlays.form(state, form: form, layout: layout, into: &grid)
        case .confirmRemove(let confirm): TreeEditOverlays.confirmRemove(state, confirm: confirm, layout: layout, into: &grid)
        default: break
        }
    }
    MeetingScreen.editor(state, layout: layout, into: &grid)
    ReviewOverlays.draw(state, layout: layout, into: &grid)
    StatusBar.draw(state, layout: layout, into: &grid)
    Accessibility.apply(state.options, to: &grid)
    if state.glyphs == .ascii { grid.makeASCII() }
    return grid
}
