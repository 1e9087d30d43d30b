/// What `actionplan summary` prints for one plan: tallies per Key Issue (text table or JSON), and with a
/// comparison, each count beside its count at a closed review with the direction of travel.
public struct SummaryOutput {
    public var plan: Plan
    public var comparison: Comparison?
    public var compared: Bool
    public var asOf: Day

    /// - Parameter compared: a comparison was asked for (`--compare`/`--review`), even if there is none.
    public init(plan: Plan, comparison: Comparison?, compared: Bool, asOf: Day) {
        self.plan = plan
        self.comparison = comparison
        self.compared = compared
        self.asOf = asOf
    }

    public func text(glyphs: Glyphs, width: Int?) -> [UInt8] {
        var out = Array((glyphs.clean("\(plan.title) (\(plan.id))") + "\n").utf8)
        guard compared else { return out + tallies(glyphs: glyphs, width: width) }
        guard let c = comparison else {
            out += Array("no closed review to compare with (see `actionplan review list \(plan.id)`)\n".utf8)
            return out + tallies(glyphs: glyphs, width: width)
        }
        let r = c.previous
        var lines = [
            "compared with review \(r.number)" + (r.title.isEmpty ? "" : " “\(r.title)”")
                + " as at \(r.asAt.longDescription); now as of \(asOf.longDescription)",
            Self.sentence(c.plan, glyphs: glyphs),
            "targets: \(c.count(.better)) better, \(c.count(.same)) same, \(c.count(.worse)) worse, \(c.count(.new)) new",
        ]
        lines = lines.map { glyphs.clean($0) }
        out += Array((lines.joined(separator: "\n") + "\n").utf8)
        let table = TextTable(columns: ["KEY ISSUE", "MET", "PART", "NOT", "N/A", "OVERDUE", "% MET", "DIRECTION"],
                              glyphs: glyphs, flexibleColumn: 0)
        table.minimumFlexibleWidth = 20
        func add(_ name: String, _ change: TallyChange) {
            let a = change.then, b = change.now
            table.add([name, glyphs.change("\(a.met)", "\(b.met)"), glyphs.change("\(a.partiallyMet)", "\(b.partiallyMet)"),
                       glyphs.change("\(a.notMet)", "\(b.notMet)"), glyphs.change("\(a.notAssessed)", "\(b.notAssessed)"),
                       glyphs.change("\(a.overdue)", "\(b.overdue)"), glyphs.change("\(a.percentMet)%", "\(b.percentMet)%"),
                       glyphs.label(change.direction)])
        }
        for issue in c.keyIssues { add("\(issue.number). \(issue.title)", issue.change) }
        add("All Key Issues", c.plan)
        return out + table.renderBytes(width: width)
    }

    private func tallies(glyphs: Glyphs, width: Int?) -> [UInt8] {
        let table = TextTable(columns: ["KEY ISSUE", "MET", "PART", "NOT", "N/A", "OVERDUE", "TOTAL", "% MET"],
                              glyphs: glyphs, flexibleColumn: 0)
        table.minimumFlexibleWidth = 20
        func add(_ name: String, _ t: Tally) {
            table.add([name, "\(t.met)", "\(t.partiallyMet)", "\(t.notMet)", "\(t.notAssessed)", "\(t.overdue)", "\(t.total)", "\(t.percentMet)%"])
        }
        for issue in plan.keyIssues { add("\(issue.number). \(issue.title)", issue.tally(asOf: asOf)) }
        add("All Key Issues", plan.tally(asOf: asOf))
        return table.renderBytes(width: width)
    }

    /// "↑ better: met 12 → 15, partially met 1 → 1, not met 9 → 7, not assessed 4 → 3, overdue 2 → 0".
    public static func sentence(_ change: TallyChange, glyphs: Glyphs) -> String {
        let a = change.then, b = change.now
        let parts = [("met", a.met, b.met), ("partially met", a.partiallyMet, b.partiallyMet), ("not met", a.notMet, b.notMet),
                     ("not assessed", a.notAssessed, b.notAssessed), ("overdue", a.overdue, b.overdue)]
        return glyphs.label(change.direction) + ": "
            + parts.map { "\($0.0) \(glyphs.change("\($0.1)", "\($0.2)"))" }.joined(separator: ", ")
    }

    public var json: JSONValue {
        var m: [JSONMember] = [
            JSONMember("id", .string(plan.id)),
            JSONMember("title", .string(plan.title)),
            JSONMember("tally", plan.tally(asOf: asOf).json),
        ]
        var issues: [JSONValue] = []
        for (i, issue) in plan.keyIssues.enumerated() {
            var im = [JSONMember("number", .number(Double(issue.number))),
                      JSONMember("title", .string(issue.title)),
                      JSONMember("tally", issue.tally(asOf: asOf).json)]
            if let c = comparison {
                im.append(JSONMember("previousTally", c.keyIssues[i].change.then.json))
                im.append(JSONMember("direction", .string(c.keyIssues[i].change.direction.rawValue)))
            }
            issues.append(.object(im))
        }
        m.append(JSONMember("keyIssues", .array(issues)))
        if let c = comparison {
            m.append(JSONMember("compare", .object([
                JSONMember("review", .number(Double(c.previous.number))),
                JSONMember("reviewAsAt", .string(c.previous.asAt.description)),
                JSONMember("reviewTitle", .string(c.previous.title)),
                JSONMember("previousTally", c.plan.then.json),
                JSONMember("direction", .string(c.plan.direction.rawValue)),
                JSONMember("targets", .object(Direction.allCases.map { JSONMember($0.rawValue, .number(Double(c.count($0)))) })),
            ])))
        } else if compared {
            m.append(JSONMember("compare", .null))
        }
        return .object(m)
    }
}
