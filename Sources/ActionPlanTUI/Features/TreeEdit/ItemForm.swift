import ActionPlanCore

/// The box `a`, `A`, `e`, `L` and `t` open (and `+` in a meeting): one to three fields — the text,
/// the lead officers (completing from the officers the plan already has) and the time scale (with
/// the due date it gives, as it is typed). Its keys are `KeyMap.itemForm`. It never saves anything
/// itself: Enter hands the values to whoever opened it (`TreeEditInApp`).
public struct ItemForm: Sendable, Equatable {
    /// What the form is for, and so what its values become.
    /// Items are named by their stable ids, so a form left open while someone else adds or moves
    /// things still saves to the item it was opened on.
    public enum Purpose: Sendable, Equatable {
        /// A new target in the objective `objective`, after the target `after` (nil: at the end).
        case addTarget(objective: String, after: String?)
        /// A new objective in Key Issue `issue`, after its objective `after` (nil: at the end).
        case addObjective(issue: String, after: String?)
        /// A new Key Issue after `after` (nil: at the end).
        case addKeyIssue(after: String?)
        /// The text of a target or objective, or a Key Issue's title.
        case editText(item: String, field: ItemField)
        case editOfficers(targetID: String)
        case editTimescale(targetID: String)
    }

    public enum FieldKind: Sendable, Equatable {
        /// Free text under a label ("Text", "Title").
        case text(String)
        /// Lead officers, `;` between names.
        case officers
        case timescale
    }

    public struct Field: Sendable, Equatable {
        public var kind: FieldKind
        public var editor: LineEditor
        /// The value the form opened with (to say "unchanged").
        public var original: String

        public init(_ kind: FieldKind, _ value: String = "") {
            self.kind = kind
            editor = LineEditor(value)
            original = value
        }

        public var label: String {
            switch kind {
            case .text(let label): return label
            case .officers: return "Lead"
            case .timescale: return "Time scale"
            }
        }
    }

    /// What Enter hands back: the fields' values, trimmed (nil: the form has no such field).
    public struct Values: Sendable, Equatable {
        public var text: String?
        public var officers: [String]?
        public var timescale: String?
    }

    public var purpose: Purpose
    public var title: String
    public var fields: [Field]
    public var focus = 0
    /// The officer chosen in the list under the lead-officers field: 0 none, 1… the names shown.
    public var completion = 0
    /// Why Enter did not save (an empty text).
    public var error: String?
    /// Opened from meeting mode (`+`): closing it goes back to the meeting.
    public var inMeeting = false

    public init(_ purpose: Purpose, title: String, fields: [Field]) {
        self.purpose = purpose
        self.title = title
        self.fields = fields
    }

    public var focused: Field { fields[max(0, min(focus, fields.count - 1))] }

    public enum Output: Sendable, Equatable {
        case stay
        case cancel
        case save(Values)
    }

    /// `officers`: every lead officer named in the plan (the completions).
    public mutating func handle(_ input: KeyInput, officers: [String]) -> Output {
        switch input.command {
        case .cancel?: return .cancel
        case .switchField?: move(by: 1)
        case .previousField?: move(by: -1)
        case .nextCompletion?, .previousCompletion?:
            let shown = completions(from: officers)
            guard focused.kind == .officers, !shown.isEmpty else {
                if fields.count > 1 { move(by: input.command == .nextCompletion ? 1 : -1) }
                return .stay
            }
            completion = max(0, min(shown.count, completion + (input.command == .nextCompletion ? 1 : -1)))
        case .confirm?:
            let shown = completions(from: officers)
            if focused.kind == .officers, completion > 0, completion <= shown.count {
                takeCompletion(shown[completion - 1])
                return .stay
            }
            return submit()
        default:
            let before = fields[focus].editor.text
            fields[focus].editor.apply(input)
            if fields[focus].editor.text != before {
                completion = 0
                error = nil
            }
        }
        return .stay
    }

    mutating func move(by step: Int) {
        focus = (focus + step + fields.count) % fields.count
        completion = 0
    }

    /// The values, or an error when a text is empty.
    mutating func submit() -> Output {
        var values = Values()
        for (n, field) in fields.enumerated() {
            let value = trimmed(field.editor.text)
            switch field.kind {
            case .text(let label):
                if value.isEmpty {
                    error = "\(label) cannot be empty"
                    focus = n
                    return .stay
                }
                values.text = value
            case .officers: values.officers = Self.officerNames(field.editor.text)
            case .timescale: values.timescale = value
            }
        }
        return .save(values)
    }

    // MARK: - Lead officers

    /// The names in a lead-officers field: split at `;` (a name may hold commas, "Jo Fisher, Service
    /// Manager", and slashes), trimmed, blanks and repeats dropped.
    public static func officerNames(_ text: String) -> [String] {
        var out: [String] = []
        for piece in text.split(separator: ";") {
            let name = trimmed(String(piece))
            if !name.isEmpty && !out.contains(name) { out.append(name) }
        }
        return out
    }

    /// The name being typed: what follows the last `;`.
    var typedName: String {
        let text = fields[focus].editor.text
        guard let semicolon = text.lastIndex(of: ";") else { return trimmed(text) }
        return trimmed(String(text[text.index(after: semicolon)...]))
    }

    /// Officers of the plan that contain the name being typed (any case), not already in the field.
    public func completions(from officers: [String]) -> [String] {
        guard focused.kind == .officers else { return [] }
        let typed = typedName.lowercased()
        let listed = Set(Self.officerNames(focused.editor.text))
        // The name being typed is in `listed` too: once it is whole, it is no longer offered.
        return officers.filter { name in (typed.isEmpty || name.lowercased().contains(typed)) && !listed.contains(name) }
    }

    /// Puts a chosen officer in place of the name being typed, ready for the next.
    mutating func takeCompletion(_ name: String) {
        let text = fields[focus].editor.text
        var kept = ""
        if let semicolon = text.lastIndex(of: ";") { kept = String(text[...semicolon]) + " " }
        fields[focus].editor = LineEditor(kept + name + "; ")
        completion = 0
        error = nil
    }

    // MARK: - Time scale

    /// What the time scale being typed means, for the line under the field ("due 31 Aug 2006").
    public static func timescalePreview(_ text: String) -> (text: String, readable: Bool) {
        let t = Timescale(text)
        if trimmed(text).isEmpty { return ("No time scale: no due date", true) }
        if case .unknown = t.meaning { return ("No date in that: kept as written, with no due date", false) }
        var s = t.summary
        s = s.prefix(1).uppercased() + s.dropFirst()
        return (s, true)
    }
}
