/// The structure part of the three-way merge, before the fields: which targets the merged plan holds,
/// where, with which text, officers and time scale; its reviews; the plan's own fields. Every rule is
/// symmetric (nothing depends on which side is "ours").
///
/// - Targets added on either side are all kept. The same new id added on both sides with different
///   content: the one whose content sorts first keeps the id, the other gets the next free id; the
///   plan's notes record it.
/// - A target removed on one side is removed, unless the other side changed it since the common
///   version: then it is kept, and the merge says so (an edit is never lost silently).
/// - A target moved to another objective on one side moves; moved on both sides, the first objective
///   in document order wins.
/// - Order within an objective: the changed side's order when only one side changed that objective;
///   when both did, the common targets in their common order, each side's new ones after the target
///   they followed there (several after the same one: by id).
/// - A target's text, officers, time scale, due date and measure: the side that changed them; changed
///   on both sides, the version whose content sorts last is kept and the other is recorded in the notes.
/// - Reviews, matched by number: one side only → kept; on both and different → a closed review beats
///   an open one (closing froze its snapshot), two closed → the later closedAt, two open → the one
///   opened first.
/// - The plan's other fields and its Key Issues and objectives: the side that changed them; both sides
///   differently → not merged (a conflict git shows), until structural changes carry history.
enum StructureMerge {
    typealias Position = Pair

    struct Pair: Hashable, Comparable {
        var issue: Int
        var objective: Int
        static func < (a: Pair, b: Pair) -> Bool { (a.issue, a.objective) < (b.issue, b.objective) }
    }

    struct Result {
        var plan: Plan
        /// The sides with colliding new ids re-allocated (what the field merge compares).
        var ours: Plan
        var theirs: Plan
        var notes: [String]
    }

    /// The plan without targets or reviews: Key Issues, objectives and the plan's own fields.
    static func frame(_ plan: Plan) -> Plan {
        var p = plan
        p.nextTargetId = 0
        p.reviews = []
        // Every save numbers its change and many add to the plan's history: merged on their own.
        p.history = []
        p.lastChange = 0
        for i in p.keyIssues.indices { for o in p.keyIssues[i].objectives.indices { p.keyIssues[i].objectives[o].targets = [] } }
        return p
    }

    static func shape(_ plan: Plan) -> [Int] { plan.keyIssues.map(\.objectives.count) }

    static func positions(_ plan: Plan) -> [String: Position] {
        var out: [String: Position] = [:]
        plan.forEachTarget { path, _, _, t in out[t.id] = Pair(issue: path.issue, objective: path.objective) }
        return out
    }

    static func targets(_ plan: Plan) -> [String: Target] {
        var out: [String: Target] = [:]
        plan.forEachTarget { _, _, _, t in out[t.id] = t }
        return out
    }

    static func merge(base: Plan, ours inOurs: Plan, theirs inTheirs: Plan) throws(PlanMerge.Failure) -> Result {
        var notes: [String] = []
        var ours = inOurs, theirs = inTheirs
        // 1. The frame.
        let fb = frame(base), fo = frame(ours), ft = frame(theirs)
        let result: Plan
        if fo == fb { result = ft } else if ft == fb || fo == ft { result = fo } else {
            throw PlanMerge.Failure(message: "both sides changed the plan's own fields, Key Issues or objectives differently, which this version does not merge; keep one side")
        }
        var merged = result
        // 2. Colliding new ids: re-allocated on one side.
        let baseTargets = targets(base)
        var nextNumber = max(base.nextTargetId, ours.nextTargetId, theirs.nextTargetId)
        for plan in [base, ours, theirs] { for id in targets(plan).keys { if let n = TargetID.number(in: id) { nextNumber = max(nextNumber, n + 1) } } }
        let oursTargets = targets(ours), theirsTargets = targets(theirs)
        for id in Set(oursTargets.keys).intersection(theirsTargets.keys).sorted() where baseTargets[id] == nil {
            guard let a = oursTargets[id], let b = theirsTargets[id], Skeleton.target(a) != Skeleton.target(b) else { continue }
            let newID = "t\(nextNumber)"
            nextNumber += 1
            let oursKeeps = sortKey(a) < sortKey(b)
            if oursKeeps { rename(id, to: newID, in: &theirs) } else { rename(id, to: newID, in: &ours) }
            let note = "\(id) was added on two machines: one keeps \(id), the other (\"\(Sanitizer.clean(String((oursKeeps ? b : a).text.prefix(40))))\") is now \(newID)"
            notes.append(note)
            merged.notes.append("Merged: " + note)
        }
        // 3. Which targets, where, with which structure fields.
        let bT = targets(base), oT = targets(ours), tT = targets(theirs)
        let bP = positions(base), oP = positions(ours), tP = positions(theirs)
        let shapesAgree = shape(base) == shape(ours) && shape(ours) == shape(theirs)
        var kept: [String: (target: Target, position: Position)] = [:]
        var removalRecords: [HistoryEntry] = []
        for id in Set(oT.keys).union(tT.keys) {
            let o = oT[id], t = tT[id], b = bT[id]
            switch (o, t) {
            case let (o?, t?):
                var target = o
                let so = Skeleton.target(o), st = Skeleton.target(t)
                if let b, so != st {
                    let sb = Skeleton.target(b)
                    let chosen: Target
                    if so == sb { chosen = st } else if st == sb { chosen = so } else {
                        chosen = sortKey(so) < sortKey(st) ? st : so
                        let other = chosen == st ? so : st
                        let note = "\(id) was edited on two machines (text, officers or time scale); kept \"\(Sanitizer.clean(String(chosen.text.prefix(40))))\", the other version read \"\(Sanitizer.clean(other.text))\" (\(other.leadOfficers.joined(separator: "/")), \(other.timescale))"
                        notes.append(note)
                        merged.notes.append("Merged: " + note)
                    }
                    target = withSkeleton(of: chosen, on: target)
                }
                kept[id] = (target, try position(id, base: bP[id], ours: oP[id], theirs: tP[id], shapesAgree: shapesAgree))
            case let (o?, nil), let (nil, o?):
                let onOurs = oT[id] != nil
                if let b {
                    // Removed on the other side: the removal wins (the rule of a save, README "Changing a
                    // plan"); what this side did to it since is recorded as not applied, never lost silently.
                    if o != b {
                        let done = PlanMerge.newEntries(base: b.history, side: o.history)
                        for entry in done {
                            var record = entry
                            record.action = .notApplied
                            record.item = id
                            record.note = "not applied: \(id) was removed on another machine" + (entry.note.map { " (\($0))" } ?? "")
                            removalRecords.append(record)
                        }
                        if done.isEmpty {
                            var record = HistoryEntry(when: "", who: "", field: nil, note: "not applied: \(id) was edited on one machine and removed on another", action: .notApplied, item: id)
                            record.removed = .target(o)
                            removalRecords.append(record)
                        }
                        notes.append("\(id) was removed on one side and changed on the other: removed; the changes are in the plan's history (not applied)")
                    }
                    continue
                }
                guard let p = (onOurs ? oP : tP)[id] else { continue }
                if b == nil, !shapesAgree, (onOurs ? fo : ft) != frame(merged) {
                    throw PlanMerge.Failure(message: "\(id) was added on one side while the other changed the Key Issues or objectives; keep one side")
                }
                kept[id] = (o, b == nil || shapesAgree ? p : try position(id, base: bP[id], ours: oP[id], theirs: tP[id], shapesAgree: shapesAgree))
            case (nil, nil): continue
            }
        }
        // 4. Order within each objective.
        var byObjective: [Position: [String]] = [:]
        for (id, entry) in kept { byObjective[entry.position, default: []].append(id) }
        for (position, ids) in byObjective {
            guard position.issue < merged.keyIssues.count, position.objective < merged.keyIssues[position.issue].objectives.count else {
                throw PlanMerge.Failure(message: "a target's objective is not in the merged plan; keep one side")
            }
            let order = ordered(Set(ids), at: position, base: base, ours: ours, theirs: theirs)
            merged.keyIssues[position.issue].objectives[position.objective].targets = order.compactMap { kept[$0]?.target }
        }
        merged.nextTargetId = nextNumber
        merged.nextKeyIssueId = max(ours.nextKeyIssueId, theirs.nextKeyIssueId)
        merged.nextObjectiveId = max(ours.nextObjectiveId, theirs.nextObjectiveId)
        // The plan's own history: what both had, then what either added, by time; change numbers go on
        // from the larger of the two (two machines may have used the same number meanwhile).
        merged.history = PlanMerge.mergedHistory(base: base.history, onto: ours.history, from: theirs.history, decisions: removalRecords)
        merged.lastChange = max(ours.lastChange, theirs.lastChange)
        // 5. Reviews.
        merged.reviews = mergeReviews(base: base.reviews, ours: ours.reviews, theirs: theirs.reviews, &notes)
        return Result(plan: merged, ours: ours, theirs: theirs, notes: notes)
    }

    static func position(_ id: String, base: Position?, ours: Position?, theirs: Position?, shapesAgree: Bool) throws(PlanMerge.Failure) -> Position {
        guard let o = ours ?? theirs, let t = theirs ?? ours else { throw PlanMerge.Failure(message: "\(id) has no place") }
        if o == t { return o }
        if o == base { return t }
        if t == base { return o }
        return min(o, t)
    }

    static func ordered(_ ids: Set<String>, at position: Position, base: Plan, ours: Plan, theirs: Plan) -> [String] {
        func list(_ plan: Plan) -> [String] {
            guard position.issue < plan.keyIssues.count, position.objective < plan.keyIssues[position.issue].objectives.count else { return [] }
            return plan.keyIssues[position.issue].objectives[position.objective].targets.map(\.id)
        }
        let b = list(base), o = list(ours), t = list(theirs)
        func complete(_ primary: [String]) -> [String] {
            let first = primary.filter(ids.contains)
            return first + ids.subtracting(first).sorted(by: idOrder)
        }
        if o == b { return complete(t) }
        if t == b { return complete(o) }
        // Both changed: the common targets in base order, each side's others after what they followed.
        let common = b.filter(ids.contains)
        var after: [String: [String]] = [:] // anchor ("" = the start) → ids
        var placed = Set(common)
        for side in [o, t] {
            var anchor = ""
            for id in side {
                if common.contains(id) { anchor = id; continue }
                guard ids.contains(id), !placed.contains(id) else { continue }
                placed.insert(id)
                after[anchor, default: []].append(id)
            }
        }
        var out = (after[""] ?? []).sorted(by: idOrder)
        for id in common { out.append(id); out += (after[id] ?? []).sorted(by: idOrder) }
        return out + ids.subtracting(out).sorted(by: idOrder)
    }

    /// t2 before t10; hand-made ids after numbered ones, by text.
    static func idOrder(_ a: String, _ b: String) -> Bool {
        (TargetID.number(in: a) ?? Int.max, a) < (TargetID.number(in: b) ?? Int.max, b)
    }

    static func withSkeleton(of source: Target, on target: Target) -> Target {
        var out = source
        out.status = target.status
        out.comment = target.comment
        out.forecast = target.forecast
        out.history = target.history
        return out
    }

    static func rename(_ id: String, to newID: String, in plan: inout Plan) {
        plan.updateEachTarget { _, t in if t.id == id { t.id = newID } }
        for r in plan.reviews.indices {
            for s in plan.reviews[r].snapshot.indices where plan.reviews[r].snapshot[s].id == id { plan.reviews[r].snapshot[s].id = newID }
        }
    }

    static func mergeReviews(base: [Review], ours: [Review], theirs: [Review], _ notes: inout [String]) -> [Review] {
        let numbers = Set(ours.map(\.number)).union(theirs.map(\.number))
        var out: [Review] = []
        for n in numbers.sorted() {
            let o = ours.first { $0.number == n }, t = theirs.first { $0.number == n }, b = base.first { $0.number == n }
            switch (o, t) {
            case let (o?, t?):
                if o == t { out.append(o); continue }
                if o == b { out.append(t); continue }
                if t == b { out.append(o); continue }
                let chosen: Review
                switch (o.closedAt, t.closedAt) {
                case (nil, _?): chosen = t
                case (_?, nil): chosen = o
                case let (co?, ct?): chosen = co == ct ? (reviewKey(o) < reviewKey(t) ? t : o) : (co > ct ? o : t)
                case (nil, nil): chosen = o.openedAt == t.openedAt ? (reviewKey(o) < reviewKey(t) ? t : o) : (o.openedAt < t.openedAt ? o : t)
                }
                notes.append("review \(n) was changed on both sides: kept the one \(chosen.closedAt == nil ? "opened first" : "closed")")
                out.append(chosen)
            case let (o?, nil), let (nil, o?):
                // Removed on the other side (not a thing the program does): kept unless unchanged there.
                if let b, o == b, ours.contains(where: { $0.number == n }) != theirs.contains(where: { $0.number == n }) { continue }
                out.append(o)
            case (nil, nil): continue
            }
        }
        return out
    }

    /// A total order on targets' content, to pick one of two versions the same way on every machine.
    static func sortKey(_ t: Target) -> String { String(reflecting: t) }

    static func reviewKey(_ r: Review) -> String { "\(r.asAt) \(r.title) \(r.openedAt) \(r.closedAt ?? "")" }
}
