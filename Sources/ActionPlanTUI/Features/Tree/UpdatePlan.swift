import ActionPlanCore

/// Commands on an open plan, dispatched to UpdateNavigation, UpdateChanges and UpdateFilters.
extension AppState {
    mutating func planCommand(_ command: Command, _ fx: inout [Effect]) {
        guard doc != nil else { screen = .plans; return }
        switch command {
        case .moveUp, .moveDown, .pageUp, .pageDown, .top, .bottom: move(command)
        case .open: openNode()
        case .back: back(&fx)
        case .toggleFocus:
            doc!.focus = doc!.focus == .tree ? .detail : .tree
        case .setMet: setStatus(.met, command, &fx)
        case .setNotMet: setStatus(.notMet, command, &fx)
        case .setPartial: setStatus(.partiallyMet, command, &fx)
        case .setNotAssessed: setStatus(.notAssessed, command, &fx)
        case .cycleStatus: setStatus(nil, command, &fx)
        case .editComment: startEditing(.comment, command)
        case .editForecast: startEditing(.forecast, command)
        case .editCommentExternally:
            startEditing(.comment, command)
            if case .editing(let session) = mode { fx.append(.externalEdit(session)) }
        case .undo: undo(&fx)
        case .redo: redo(&fx)
        case .search: mode = .searching(LineEditor())
        case .nextMatch: jumpToMatch(forward: true)
        case .previousMatch: jumpToMatch(forward: false)
        case .officerFilter:
            var picker = OfficerPicker()
            picker.selection = 0
            mode = .officerPicker(picker)
        case .statusFilter:
            mode = .statusPicker(StatusPicker(selection: 0, ticked: doc!.filters.statuses))
        case .overdueOnly:
            var f = doc!.filters
            f.overdueOnly.toggle()
            applyFilters(f)
        case .clearFilters:
            doc!.search = nil
            applyFilters(Filters())
            message = Message("Filters and search cleared")
        case .retrySave:
            if doc!.pending.isEmpty {
                message = Message("Nothing to save: every change is saved")
            } else {
                fx.append(.commit(planID: doc!.id, changes: doc!.pending, base: doc!.base))
            }
        case .help: mode = .help(scroll: 0)
        case .sync: startSync(&fx)
        case .startMeeting: startMeeting()
        case .startOrCloseReview: startOrCloseReview()
        case .writeReport: askReportFormat()
        case .quit: quitOrLeave(&fx, leaving: canLeavePlan)
        case .forceQuit: fx.append(.quit)
        case .addTarget, .addBranch, .editText, .editOfficers, .editTimescale, .moveItemUp, .moveItemDown, .removeItem:
            treeEditCommand(command, &fx)
        default: break
        }
    }
}
