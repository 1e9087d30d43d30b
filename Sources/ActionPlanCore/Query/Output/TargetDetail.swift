/// What `actionplan show` prints: one target in full, with its Key Issue, objective and history, as
/// labelled lines (values wrapped at word boundaries to the width, under their label) or as JSON.
public struct TargetDetail {
    public var plan: Plan
    public var issue: KeyIssue
    public var objective: Objective
    public var target: Target
    public var asOf: Day

    /// Nil when the plan has no target of that id.
    public init?(plan: Plan, targetID: String, asOf: Day) {
        guard let p = plan.indexPath(ofTarget: targetID) else { return nil }
        self.plan = plan
        issue = plan.keyIssues[p.issue]
        objective = issue.objectives[p.objective]
        target = objective.targets[p.target]
        self.asOf = asOf
    }

    public static let labelWidth = 15

    /// - Parameter width: the line width to wrap at (nil: no limit, each value on one line per line it has).
    public func text(glyphs: Glyphs, width: Int?) -> String {
        var out = ""
        let valueWidth = width.map { max(20, $0 - Self.labelWidth) }
        let indent = String(repeating: " ", count: Self.labelWidth)
        func line(_ label: String, _ value: String) {
            guard !value.isEmpty else { return }
            let text = glyphs.clean(value, keepNewlines: true)
            let lines = valueWidth.map { WordWrap.lines(text, width: $0) } ?? text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for (i, piece) in lines.enumerated() {
                out += (i == 0 ? DisplayWidth.pad(label, to: Self.labelWidth) : indent) + piece
                while out.last == " " { out.removeLast() }
                out += "\n"
            }
        }
        line("Target", "\(plan.id)/\(target.id)")
        line("Plan", plan.title)
        // A plan built in memory (not loaded or imported) may have no item ids yet: no empty brackets.
        line("Key Issue", (["\(issue.number). \(issue.title)"] + Self.bracketed(issue.id)).joined(separator: " "))
        line("Objective", ([objective.label, objective.text].filter { !$0.isEmpty } + Self.bracketed(objective.id)).joined(separator: " "))
        line("Expected", objective.expectedOutcome)
        line("Text", target.text)
        line("Lead officers", target.leadOfficers.joined(separator: ", "))
        var when = target.timescale.isEmpty ? "(none)" : target.timescale
        if let due = target.due {
            when += " — due \(due.longDescription)" + (target.isOverdue(asOf: asOf) ? " (OVERDUE)" : "")
        } else if !target.timescale.isEmpty {
            when += " — \(Timescale(target.timescale).summary)"
        }
        line("Time scale", when)
        line("Status", glyphs.label(target.status) + (target.statusAsWritten.map { " (as written: \($0))" } ?? ""))
        line("Comment", target.comment)
        line("Forecast", target.forecast)
        line("Measure", target.measure?.summary ?? "")
        line("Carried from", target.carriedFrom ?? "")
        // The council's own columns, kept by import: under one label, each as "Heading: value".
        for (i, column) in target.importedColumns.enumerated() { line(i == 0 ? "Imported" : "", "\(column.heading): \(column.value)") }
        if !target.history.isEmpty {
            out += "History\n"
            for h in target.history.reversed() {
                let entry = glyphs.clean("\(h.when)  \(h.who)  " + (h.field.map { "\($0.rawValue): " } ?? "") + HistoryText.describe(h, glyphs: glyphs))
                let pieces = width.map { WordWrap.lines(entry, width: max(20, $0 - 4)) } ?? [entry]
                for (i, piece) in pieces.enumerated() { out += (i == 0 ? "  " : "    ") + piece + "\n" }
            }
        }
        return out
    }

    public var json: JSONValue {
        let row = TargetRow(planID: plan.id, issue: issue, objective: objective, target: target)
        guard case .object(var m) = row.json(asOf: asOf) else { return .null }
        m.append(JSONMember("planTitle", .string(plan.title)))
        m.append(JSONMember("keyIssueTitle", .string(issue.title)))
        m.append(JSONMember("objectiveText", .string(objective.text)))
        m.append(JSONMember("expectedOutcome", .string(objective.expectedOutcome)))
        m.append(JSONMember("history", .array(target.history.map { h in
            .object([JSONMember("when", .string(h.when)), JSONMember("who", .string(h.who)),
                     JSONMember("field", .string(h.fieldName)), JSONMember("old", .string(h.old)),
                     JSONMember("new", .string(h.new))] + (h.note.map { [JSONMember("note", .string($0))] } ?? []))
        })))
        if let measure = target.measure { m.append(JSONMember("measure", .string(measure.summary))) }
        if let word = target.statusAsWritten { m.append(JSONMember("statusAsWritten", .string(word))) }
        let imported = target.importedColumns
        if !imported.isEmpty { m.append(JSONMember("imported", .object(imported.map { JSONMember($0.heading, .string($0.value)) }))) }
        return .object(m)
    }

    private static func bracketed(_ id: String) -> [String] { id.isEmpty ? [] : ["[\(id)]"] }
}
