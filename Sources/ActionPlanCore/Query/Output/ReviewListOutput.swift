/// What `actionplan review list` prints: a plan's reviews with the tallies of each snapshot.
public struct ReviewListOutput {
    public var plan: Plan
    public var reviews: [Review]

    public init(plan: Plan) {
        self.plan = plan
        reviews = plan.reviews.sorted { $0.number < $1.number }
    }

    public func text(glyphs: Glyphs, width: Int?) -> [UInt8] {
        if reviews.isEmpty {
            return Array("\(plan.id) has no reviews (open one with `actionplan review start \(plan.id)`).\n".utf8)
        }
        let table = TextTable(columns: ["NO", "AS AT", "STATE", "MET", "PART", "NOT", "N/A", "OVERDUE", "% MET", "TITLE"],
                              glyphs: glyphs, flexibleColumn: 9)
        for r in reviews {
            let t = plan.tally(of: r)
            let state = r.isOpen ? "open (now)" : "closed " + String((r.closedAt ?? "").prefix(10))
            table.add(["\(r.number)", r.asAt.description, state, "\(t.met)", "\(t.partiallyMet)", "\(t.notMet)",
                       "\(t.notAssessed)", "\(t.overdue)", "\(t.percentMet)%", r.title])
        }
        return table.renderBytes(width: width)
    }

    public var json: JSONValue {
        .array(reviews.map { r in
            var m = [JSONMember("number", .number(Double(r.number))),
                     JSONMember("asAt", .string(r.asAt.description)),
                     JSONMember("title", .string(r.title)),
                     JSONMember("open", .bool(r.isOpen)),
                     JSONMember("openedAt", .string(r.openedAt)),
                     JSONMember("tally", plan.tally(of: r).json)]
            if let closed = r.closedAt { m.append(JSONMember("closedAt", .string(closed))) }
            return .object(m)
        })
    }
}
