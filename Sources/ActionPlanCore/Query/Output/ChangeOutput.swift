/// What `add`, `edit`, `move`, `remove`, `undo` and `officers rename` print about a saved change: one line
/// per history entry (`PLAN/t5: added at o1 #2`), the conflicts and warnings as notes for stderr.
public enum ChangeOutput {
    public static func lines(_ entries: [HistoryEntry], planID: String, glyphs: Glyphs) -> [String] {
        entries.map { e in
            let address = e.item.map { "\(planID)/\($0)" } ?? planID
            let what = e.field.map { "\($0.rawValue) " } ?? ""
            return glyphs.clean("\(address): \(what)\(HistoryText.describe(e, glyphs: glyphs))")
        }
    }

    /// Notes for stderr: someone else's change met this one (never silent), and accepted oddities.
    public static func notes(conflicts: [ChangeConflict], warnings: [String]) -> [String] {
        conflicts.map { "note: \($0)" } + warnings.map { "warning: \($0)" }
    }
}

/// `actionplan officers`: every lead officer named in the plans, with how many targets name them, so that
/// spelling variants ("Anne Futcher", "Anne Fatcher") show side by side before `officers rename` merges them.
public struct OfficersOutput {
    public struct Row: Sendable, Equatable {
        public var name: String
        public var targets: Int
        public var plans: [String]
    }
    public var rows: [Row] = []

    public init(plans: [Plan]) {
        var counts: [String: (Int, Set<String>)] = [:]
        for plan in plans {
            plan.forEachTarget { _, _, _, t in
                for name in Set(t.leadOfficers) {
                    var c = counts[name] ?? (0, [])
                    c.0 += 1
                    c.1.insert(plan.id)
                    counts[name] = c
                }
            }
        }
        rows = counts.map { Row(name: $0.key, targets: $0.value.0, plans: $0.value.1.sorted()) }
            .sorted { a, b in
                let x = a.name.lowercased(), y = b.name.lowercased()
                return x != y ? x < y : a.name < b.name
            }
    }

    public func text(glyphs: Glyphs, width: Int?) -> [UInt8] {
        if rows.isEmpty { return Array("no lead officers named\n".utf8) }
        let table = TextTable(columns: ["TARGETS", "OFFICER", "PLANS"], glyphs: glyphs, flexibleColumn: 1)
        for r in rows { table.add(["\(r.targets)", r.name, r.plans.joined(separator: ", ")]) }
        return table.renderBytes(width: width)
    }

    public func json() -> [UInt8] {
        JSONWriter.serialize(.array(rows.map { r in
            .object([JSONMember("name", .string(r.name)), JSONMember("targets", .number(Double(r.targets))),
                     JSONMember("plans", .array(r.plans.map { .string($0) }))])
        }))
    }
}
