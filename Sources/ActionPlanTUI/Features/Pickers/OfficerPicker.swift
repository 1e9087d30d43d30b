import ActionPlanCore

/// `o`: the officer filter. Type to narrow the names of the plan's lead officers; Enter applies.
/// Its keys are `KeyMap.officerPicker`.
public struct OfficerPicker: Sendable, Equatable {
    public var query = LineEditor()
    /// 0 is the first line (what was typed, or "All officers"); 1… the names shown.
    public var selection = 0

    public init(query: LineEditor = LineEditor(), selection: Int = 0) {
        self.query = query
        self.selection = selection
    }

    /// Officers whose name contains the typed text (any case).
    public func matches(in officers: [(name: String, count: Int)]) -> [(name: String, count: Int)] {
        let q = query.text.lowercased()
        if q.isEmpty { return officers }
        return officers.filter { $0.name.lowercased().contains(q) }
    }

    public enum Output: Equatable {
        case picking
        /// The officer filter to apply (nil: none).
        case apply(String?)
        case cancel
    }

    public mutating func handle(_ input: KeyInput, officers: [(name: String, count: Int)]) -> Output {
        var shown = matches(in: officers)
        switch input.command {
        case .moveUp?: selection -= 1
        case .moveDown?: selection += 1
        case .pageUp?: selection -= 10
        case .pageDown?: selection += 10
        case .cancel?: return .cancel
        case .apply?:
            if selection == 0 {
                // The first line: what was typed (whole words, as --officer), or "All officers" when nothing was.
                let typed = trimmed(query.text)
                return .apply(typed.isEmpty ? nil : typed)
            }
            return .apply(shown[selection - 1].name)
        default:
            let before = query.text
            query.apply(input)
            if query.text != before {
                shown = matches(in: officers)
                selection = shown.isEmpty ? 0 : 1
            }
        }
        selection = max(0, min(selection, shown.count))
        return .picking
    }
}

extension AppState {
    mutating func officerPickerInput(_ input: KeyInput, picker: OfficerPicker) {
        var p = picker
        switch p.handle(input, officers: pickerOfficers()) {
        case .picking: mode = .officerPicker(p)
        case .cancel:
            mode = .normal
            if screen == .plans { myTargets = nil } // the plans were loaded only to choose from
        case .apply(let officer):
            mode = .normal
            // On the plans list and in my targets the picker chooses whose targets to show (Features/MyTargets).
            if screen != .plan { myTargetsPicked(officer); return }
            guard var f = doc?.filters else { return }
            f.officer = officer
            applyFilters(f)
        }
    }
}

/// Text without leading and trailing spaces.
func trimmed(_ s: String) -> String {
    var sub = Substring(s)
    while sub.first?.isWhitespace == true { sub = sub.dropFirst() }
    while sub.last?.isWhitespace == true { sub = sub.dropLast() }
    return String(sub)
}
