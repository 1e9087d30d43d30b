/// What `actionplan plans` prints: each plan's id, title, period and tallies, as text, JSON or CSV.
/// Keeps only these fields of each plan (holding every plan would cost memory on large directories).
public struct PlansOutput {
    public struct Row: Sendable {
        public var id: String
        public var title: String
        public var period: Period?
        public var asAt: Day?
        public var tally: Tally
        public init(_ plan: Plan, asOf: Day) {
            id = plan.id
            title = plan.title
            period = plan.period
            asAt = plan.asAt
            tally = plan.tally(asOf: asOf)
        }
    }

    public var rows: [Row] = []
    public init() {}

    public mutating func add(_ plan: Plan, asOf: Day) { rows.append(Row(plan, asOf: asOf)) }

    public func text(glyphs: Glyphs, width: Int?) -> [UInt8] {
        let table = TextTable(columns: ["ID", "TITLE", "PERIOD", "MET", "PART", "NOT", "N/A", "OVERDUE", "% MET"],
                              glyphs: glyphs, flexibleColumn: 1)
        for r in rows {
            let t = r.tally
            table.add([r.id, r.title, r.period?.description ?? "", "\(t.met)", "\(t.partiallyMet)",
                       "\(t.notMet)", "\(t.notAssessed)", "\(t.overdue)", "\(t.percentMet)%"])
        }
        return table.renderBytes(width: width)
    }

    public func json() -> [UInt8] {
        JSONWriter.serialize(.array(rows.map { r in
            var m = [JSONMember("id", .string(r.id)), JSONMember("title", .string(r.title)), JSONMember("tally", r.tally.json)]
            if let p = r.period {
                m.append(JSONMember("period", .object([JSONMember("start", .string(p.start.description)),
                                                       JSONMember("end", .string(p.end.description))])))
            }
            if let a = r.asAt { m.append(JSONMember("asAt", .string(a.description))) }
            return .object(m)
        }))
    }

    public static let csvHeader = ["id", "title", "periodStart", "periodEnd", "met", "partiallyMet", "notMet", "notAssessed",
                                   "overdue", "total", "percentMet"]

    public func csv(neutralise: Bool = true) -> String {
        CSVText.render(header: Self.csvHeader, rows: rows.map { r in
            let t = r.tally
            return [r.id, r.title, r.period?.start.description ?? "", r.period?.end.description ?? "",
                    "\(t.met)", "\(t.partiallyMet)", "\(t.notMet)", "\(t.notAssessed)", "\(t.overdue)", "\(t.total)", "\(t.percentMet)"]
        }, neutralise: neutralise)
    }
}
