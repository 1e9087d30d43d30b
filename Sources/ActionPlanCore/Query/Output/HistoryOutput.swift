import Foundation

/// What `actionplan history` prints: the changes to a plan or one of its targets, newest first, as
/// text, JSON or CSV.
public struct HistoryOutput {
    public var planID: String
    public var entries: [(target: String, entry: HistoryEntry)] = []

    /// - Parameters: targetID: only this target's changes; since: only changes on or after this day;
    ///   by: only changes made by this person (any case).
    public init(plan: Plan, targetID: String? = nil, since: Day? = nil, by: String? = nil) {
        planID = plan.id
        for target in plan.allTargets where targetID == nil || target.id == targetID {
            for entry in target.history { entries.append((target.id, entry)) }
        }
        // The plan's own history: its fields, Key Issues, objectives, removed targets (named by `item`).
        for entry in plan.history where targetID == nil || entry.item == targetID {
            entries.append((entry.item ?? "", entry))
        }
        if let since { entries = entries.filter { $0.entry.when >= since.description } }
        if let by { entries = entries.filter { $0.entry.who.caseInsensitiveCompare(by) == .orderedSame } }
        // Newest first; entries made in the same second keep their recorded order reversed.
        entries = entries.enumerated().sorted { a, b in
            a.element.entry.when != b.element.entry.when ? a.element.entry.when > b.element.entry.when : a.offset > b.offset
        }.map(\.element)
    }

    /// A status as its label (`✓ Met`), any other value quoted.
    public static func shown(_ e: HistoryEntry, _ value: String, glyphs: Glyphs) -> String {
        if e.field == .leadOfficers { return "\"" + value.split(separator: "\n").joined(separator: ", ") + "\"" }
        return e.field == .status || (e.field == nil && e.action == nil) ? (Status(rawValue: value).map(glyphs.label) ?? value) : "\"\(value)\""
    }

    /// `"old" → "new" (note)`: one field change as `history` and `show` print it (`HistoryText` for all kinds).
    public static func change(_ e: HistoryEntry, glyphs: Glyphs) -> String {
        glyphs.change(shown(e, e.old, glyphs: glyphs), shown(e, e.new, glyphs: glyphs)) + (e.note.map { " (\($0))" } ?? "")
    }

    /// `PLAN/t3`, `PLAN/k2`, or `PLAN` for the plan's own fields.
    private func address(_ item: String) -> String { item.isEmpty ? planID : "\(planID)/\(item)" }

    public func text(glyphs: Glyphs, width: Int?) -> [UInt8] {
        if entries.isEmpty { return Array("no changes recorded\n".utf8) }
        let table = TextTable(columns: ["WHEN", "WHO", "ITEM", "FIELD", "CHANGE"], glyphs: glyphs, flexibleColumn: 4)
        for (target, e) in entries {
            table.add([e.when, e.who, address(target), e.fieldName, HistoryText.describe(e, glyphs: glyphs)])
        }
        return table.renderBytes(width: width)
    }

    public func json() -> [UInt8] {
        JSONWriter.serialize(.array(entries.map { target, e in
            .object([JSONMember("target", .string(address(target))), JSONMember("when", .string(e.when)),
                     JSONMember("who", .string(e.who)), JSONMember("field", .string(e.fieldName)),
                     JSONMember("old", .string(e.old)), JSONMember("new", .string(e.new))]
                    + (e.note.map { [JSONMember("note", .string($0))] } ?? [])
                    + (e.action.map { [JSONMember("action", .string($0.rawValue))] } ?? [])
                    + (e.from.map { [JSONMember("from", .string($0.description))] } ?? [])
                    + (e.to.map { [JSONMember("to", .string($0.description))] } ?? []))
        }))
    }

    public func csv(neutralise: Bool = true) -> String {
        CSVText.render(header: ["target", "when", "who", "field", "old", "new", "note"], rows: entries.map { target, e in
            [address(target), e.when, e.who, e.fieldName, e.old, e.new, e.note ?? ""]
        }, neutralise: neutralise)
    }
}
