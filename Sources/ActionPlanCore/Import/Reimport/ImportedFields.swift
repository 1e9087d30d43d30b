/// Which fields a revised document carries, so `import --into` changes only those: a Word table with no
/// Status column must not set every target back to "not assessed", nor one with no Progress column wipe
/// the comments. A field is carried when the file has a column for it (our CSV's header, the roles the
/// layout mapper gave a council's columns, the fixed columns of the sample plans' layouts). Key Issue and
/// objective fields other than our CSV's columns come from headings and numbering, so there a field is
/// carried only where the file gives it a value (an empty one never clears the plan's).
struct ImportedFields {
    private var target: Set<ItemField>
    /// Our CSV only: exactly the Key Issue and objective columns of its header; nil: "where non-empty".
    private var structure: Set<ItemField>?
    private var structureOfObjective: Set<ItemField>?

    init(_ result: ImportResult) {
        let report = result.report
        if !report.csvColumns.isEmpty {
            let c = report.csvColumns
            var t: Set<ItemField> = []
            let pairs: [(CSVColumn, ItemField)] = [(.target, .text), (.officers, .leadOfficers), (.timescale, .timescale),
                                                   (.due, .due), (.status, .status), (.comment, .comment), (.forecast, .forecast)]
            for (column, field) in pairs where c.contains(column) { t.insert(field) }
            if !c.isDisjoint(with: [.unit, .baseline, .measureTarget, .actual, .better]) { t.insert(.measure) }
            target = t
            var k: Set<ItemField> = []
            if c.contains(.keyIssueNumber) { k.insert(.number) }
            if c.contains(.keyIssue) { k.insert(.title) }
            if c.contains(.statement) { k.insert(.statement) }
            var o: Set<ItemField> = [.text]
            // Without a number column the number comes from the text ("2. Manage …"): carried where given.
            if c.contains(.objectiveCode) { o.insert(.code) }
            if c.contains(.expectedOutcome) { o.insert(.expectedOutcome) }
            if c.contains(.objectiveNumber) { o.insert(.number) }
            structure = k
            structureOfObjective = o
            return
        }
        if !report.columns.isEmpty {
            // A council's table read by the layout mapper: a success-measure column is kept as an extra,
            // not as a measure, so it is not compared.
            var t: Set<ItemField> = []
            for c in report.columns {
                switch c.role {
                case .target: t.insert(.text)
                case .officers: t.insert(.leadOfficers)
                case .timescale: t.insert(.timescale)
                case .status: t.insert(.status)
                case .comment: t.insert(.comment)
                case .forecast: t.insert(.forecast)
                default: break
                }
            }
            target = t
        } else if result.format == .report {
            target = [.text, .leadOfficers, .timescale, .status, .comment, .forecast]
        } else {
            target = [.text, .leadOfficers, .timescale]
        }
        structure = nil
        structureOfObjective = nil
    }

    func carries(_ field: ItemField, of kind: ItemKind, value: String) -> Bool {
        switch kind {
        case .target: return target.contains(field)
        case .keyIssue: return structure.map { $0.contains(field) } ?? !value.isEmpty
        case .objective:
            if let o = structureOfObjective, o.contains(field) { return true }
            return !value.isEmpty && (structureOfObjective == nil || field == .number)
        case .plan: return !value.isEmpty
        }
    }
}
