import ActionPlanCore

/// `s`: the status filter. Tick statuses, Enter applies. Its keys are `KeyMap.statusPicker`.
public struct StatusPicker: Sendable, Equatable {
    public var selection = 0
    public var ticked: Set<Status> = []

    public init(selection: Int = 0, ticked: Set<Status> = []) {
        self.selection = selection
        self.ticked = ticked
    }

    /// The order the status picker lists statuses in (after "Any status").
    public static let order: [Status] = [.met, .partiallyMet, .notMet, .notAssessed]

    public enum Output: Equatable {
        case picking
        /// The statuses to filter to (empty: any).
        case apply(Set<Status>)
        case cancel
    }

    public mutating func handle(_ input: KeyInput) -> Output {
        let count = StatusPicker.order.count + 1
        func toggle(_ s: Status) { if ticked.contains(s) { ticked.remove(s) } else { ticked.insert(s) } }
        switch input.command {
        case .moveUp?: selection -= 1
        case .moveDown?: selection += 1
        case .top?: selection = 0
        case .bottom?: selection = count - 1
        case .tickStatus?:
            if selection == 0 { ticked = [] } else { toggle(StatusPicker.order[selection - 1]) }
        case .toggleStatus(let s)?: toggle(s)
        case .cancel?: return .cancel
        case .apply?:
            if ticked.isEmpty && selection > 0 { return .apply([StatusPicker.order[selection - 1]]) }
            return .apply(ticked)
        default: break
        }
        selection = max(0, min(selection, count - 1))
        return .picking
    }
}

extension AppState {
    mutating func statusPickerInput(_ input: KeyInput, picker: StatusPicker) {
        var p = picker
        switch p.handle(input) {
        case .picking: mode = .statusPicker(p)
        case .cancel: mode = .normal
        case .apply(let statuses):
            mode = .normal
            guard var f = doc?.filters else { return }
            f.statuses = statuses
            applyFilters(f)
        }
    }
}
