/// The structure part of the three-way merge, before the review fields: which Key Issues, objectives
/// and targets the merged plan holds (by their stable ids `kN`, `oN`, `tN`), where, in which order, with
/// which of their own fields; its reviews; the plan's own fields, notes and history. Every rule is
/// symmetric (nothing depends on which side is "ours"); they are the rules of a save (README,
/// "Changing a plan"), applied between two machines.
///
/// - Items added on either side are all kept. The same new id handed out on both sides (both were
///   offline) for different items: the one whose content sorts first keeps the id, the other gets the
///   next free one, and the plan's notes record it.
/// - An item removed on one side is removed, even if the other side changed it: what the other side did
///   to it (its history entries, or the item itself if it was added into a removed parent) goes into the
///   plan's history as `notApplied`, never lost silently.
/// - An item moved on one side moves (and keeps the other side's edits); moved on both sides to
///   different parents, the parent first in id order wins.
/// - Order among siblings: the changed side's order when only one side changed it; when both did, the
///   common items in their common order, each side's new ones after the item they followed there
///   (several after the same one: by id).
/// - An item's own fields (a target's text, officers, time scale, measure; a Key Issue's or
///   objective's number, title, text …): the side that changed them; changed on both sides, the version
///   whose content sorts last is kept and the other is recorded in the notes.
/// - Reviews, matched by number: one side only → kept; on both and different → a closed review beats
///   an open one (closing froze its snapshot), two closed → the later closedAt, two open → the one
///   opened first.
/// - The plan's own fields (title, period, …): the side that changed them; both sides differently is a
///   conflict (git shows it; sync says how to resolve it).
enum StructureMerge {
    struct Result {
        var plan: Plan
        /// The sides with colliding new ids re-allocated (what the field merge compares).
        var ours: Plan
        var theirs: Plan
        var notes: [String]
    }

    /// The plan without Key Issues, reviews, history or counters: its own fields.
    static func frame(_ plan: Plan) -> Plan {
        var p = plan
        p.keyIssues = []
        p.reviews = []
        p.history = []
        p.notes = []
        p.lastChange = 0
        p.nextTargetId = 0
        p.nextKeyIssueId = 0
        p.nextObjectiveId = 0
        return p
    }

    static func bare(_ k: KeyIssue) -> KeyIssue { var k = k; k.objectives = []; return k }
    static func bare(_ o: Objective) -> Objective { var o = o; o.targets = []; return o }

    /// Every item of a plan by id, with its parent and its content without children.
    struct Index {
        var issues: [String: KeyIssue] = [:]
        var objectives: [String: (parent: String, objective: Objective)] = [:]
        var targets: [String: (parent: String, target: Target)] = [:]
        var issueOrder: [String] = []
        var objectiveOrder: [String: [String]] = [:]
        var targetOrder: [String: [String]] = [:]

        init(_ plan: Plan) {
            for k in plan.keyIssues {
                issues[k.id] = bare(k)
                issueOrder.append(k.id)
                for o in k.objectives {
                    objectives[o.id] = (k.id, bare(o))
                    objectiveOrder[k.id, default: []].append(o.id)
                    for t in o.targets {
                        targets[t.id] = (o.id, t)
                        targetOrder[o.id, default: []].append(t.id)
                    }
                }
            }
        }
    }

    static func merge(base inBase: Plan, ours inOurs: Plan, theirs inTheirs: Plan) throws(PlanMerge.Failure) -> Result {
        var notes: [String] = []
        let base = inBase.withIds()
        var ours = inOurs.withIds(), theirs = inTheirs.withIds()
        // 1. The plan's own fields.
        let fb = frame(base), fo = frame(ours), ft = frame(theirs)
        var merged: Plan
        if fo == fb { merged = ft } else if ft == fb || fo == ft { merged = fo } else {
            throw PlanMerge.Failure(message: "both sides changed the plan's own fields (title, organisation, period …) differently; keep one side")
        }
        // 2. New ids handed out on both sides for different items: re-allocated on one side.
        var counters = (k: max(base.nextKeyIssueId, ours.nextKeyIssueId, theirs.nextKeyIssueId),
                        o: max(base.nextObjectiveId, ours.nextObjectiveId, theirs.nextObjectiveId),
                        t: max(base.nextTargetId, ours.nextTargetId, theirs.nextTargetId))
        for plan in [base, ours, theirs] {
            let index = Index(plan)
            for id in index.issues.keys { counters.k = max(counters.k, number(id) + 1) }
            for id in index.objectives.keys { counters.o = max(counters.o, number(id) + 1) }
            for id in index.targets.keys { counters.t = max(counters.t, number(id) + 1) }
        }
        let ib = Index(base)
        func reallocate(_ prefix: String, _ ids: Set<String>, content: (Plan, String) -> String?, counter: inout Int) {
            for id in ids.sorted() {
                guard let a = content(ours, id), let b = content(theirs, id), a != b else { continue }
                let newID = "\(prefix)\(counter)"
                counter += 1
                let oursKeeps = a < b
                if oursKeeps { rename(id, to: newID, in: &theirs) } else { rename(id, to: newID, in: &ours) }
                let note = "\(id) was added on two machines: one keeps \(id), the other is now \(newID)"
                notes.append(note)
                merged.notes.append("Merged: " + note)
            }
        }
        do {
            let io = Index(ours), it = Index(theirs)
            reallocate("k", Set(io.issues.keys).intersection(it.issues.keys).subtracting(ib.issues.keys),
                       content: { p, id in Index(p).issues[id].map { String(reflecting: $0) } }, counter: &counters.k)
            reallocate("o", Set(io.objectives.keys).intersection(it.objectives.keys).subtracting(ib.objectives.keys),
                       content: { p, id in Index(p).objectives[id].map { String(reflecting: $0.objective) } }, counter: &counters.o)
            reallocate("t", Set(io.targets.keys).intersection(it.targets.keys).subtracting(ib.targets.keys),
                       content: { p, id in Index(p).targets[id].map { String(reflecting: Skeleton.target($0.target)) } }, counter: &counters.t)
        }
        let io = Index(ours), it = Index(theirs)
        var records: [HistoryEntry] = []

        // 3. Key Issues.
        var issues: [String: KeyIssue] = [:]
        for id in Set(io.issues.keys).union(it.issues.keys) {
            switch (io.issues[id], it.issues[id], ib.issues[id]) {
            case let (o?, t?, b):
                issues[id] = try pick(id, o, t, b, &notes)
            case let (o?, nil, b?), let (nil, o?, b?):
                if o != b { records.append(notApplied(id, "its own fields", o.title)) ; notes.append(removedNote(id)) }
            case let (o?, nil, nil), let (nil, o?, nil):
                issues[id] = o
            default: continue
            }
        }
        // 4. Objectives (in a Key Issue that is kept).
        var objectives: [String: (parent: String, objective: Objective)] = [:]
        for id in Set(io.objectives.keys).union(it.objectives.keys) {
            let o = io.objectives[id], t = it.objectives[id], b = ib.objectives[id]
            if b != nil && (o == nil || t == nil) {
                if let only = o ?? t, let b, only.objective != b.objective || only.parent != b.parent {
                    records.append(notApplied(id, "its fields or place", only.objective.text)); notes.append(removedNote(id))
                }
                continue
            }
            guard let parent = place(o?.parent, t?.parent, b?.parent), let content = try? pick(id, o?.objective ?? t!.objective, t?.objective ?? o!.objective, b?.objective, &notes) else { continue }
            guard issues[parent] != nil else {
                records.append(notApplied(id, "added or moved into \(parent), which was removed", content.text, removed: .objective(content)))
                notes.append("\(id) went into \(parent), which was removed on the other side: not applied (in the plan's history)")
                continue
            }
            objectives[id] = (parent, content)
        }
        // 5. Targets (in an objective that is kept).
        var targets: [String: (parent: String, target: Target)] = [:]
        for id in Set(io.targets.keys).union(it.targets.keys) {
            let o = io.targets[id], t = it.targets[id], b = ib.targets[id]
            if let b, o == nil || t == nil {
                // Removed on one side: the removal wins; the other side's changes since are recorded.
                if let only = o ?? t, only.target != b.target || only.parent != b.parent {
                    let done = PlanMerge.newEntries(base: b.target.history, side: only.target.history)
                    for entry in done {
                        var record = entry
                        record.action = .notApplied
                        record.item = id
                        record.note = "not applied: \(id) was removed on another machine" + (entry.note.map { " (\($0))" } ?? "")
                        records.append(record)
                    }
                    if done.isEmpty { records.append(notApplied(id, "its fields or place", only.target.text, removed: .target(only.target))) }
                    notes.append("\(id) was removed on one side and changed on the other: removed; the changes are in the plan's history (not applied)")
                }
                continue
            }
            guard let parent = place(o?.parent, t?.parent, b?.parent) else { continue }
            var target = o?.target ?? t!.target
            if let o, let t {
                let chosen = try pick(id, Skeleton.target(o.target), Skeleton.target(t.target), b.map { Skeleton.target($0.target) }, &notes)
                target = StructureMerge.withSkeleton(of: chosen, on: o.target)
            }
            guard objectives[parent] != nil else {
                records.append(notApplied(id, "added or moved into \(parent), which was removed", target.text, removed: .target(target)))
                notes.append("\(id) went into \(parent), which was removed on the other side: not applied (in the plan's history)")
                continue
            }
            targets[id] = (parent, target)
        }
        // 6. Put it together, in order.
        func list(_ index: Index, _ parent: String?, _ kind: Character) -> [String] {
            switch kind {
            case "k": return index.issueOrder
            case "o": return index.objectiveOrder[parent ?? ""] ?? []
            default: return index.targetOrder[parent ?? ""] ?? []
            }
        }
        let issueIDs = ordered(Set(issues.keys), base: ib.issueOrder, ours: io.issueOrder, theirs: it.issueOrder)
        merged.keyIssues = issueIDs.compactMap { kid in
            guard var k = issues[kid] else { return nil }
            let oids = Set(objectives.filter { $0.value.parent == kid }.keys)
            k.objectives = ordered(oids, base: list(ib, kid, "o"), ours: list(io, kid, "o"), theirs: list(it, kid, "o")).compactMap { oid in
                guard var o = objectives[oid]?.objective else { return nil }
                let tids = Set(targets.filter { $0.value.parent == oid }.keys)
                o.targets = ordered(tids, base: list(ib, oid, "t"), ours: list(io, oid, "t"), theirs: list(it, oid, "t")).compactMap { targets[$0]?.target }
                return o
            }
            return k
        }
        merged.nextKeyIssueId = counters.k
        merged.nextObjectiveId = counters.o
        merged.nextTargetId = counters.t
        // Notes: what both had, then what either added (a sync's own "Merged:" notes among them).
        let baseNotes = base.notes.filter { ours.notes.contains($0) && theirs.notes.contains($0) }
        let added = (ours.notes + theirs.notes).filter { !base.notes.contains($0) }
        var seen = Set<String>()
        merged.notes = baseNotes + added.sorted().filter { seen.insert($0).inserted } + merged.notes.filter { $0.hasPrefix("Merged: ") && !added.contains($0) && !baseNotes.contains($0) }
        // The plan's own history: what both had, then what either added, by time; change numbers go on
        // from the larger of the two (two machines may have used the same number meanwhile).
        merged.history = PlanMerge.mergedHistory(base: base.history, onto: ours.history, from: theirs.history, decisions: records)
        merged.lastChange = max(ours.lastChange, theirs.lastChange)
        merged.reviews = mergeReviews(base: base.reviews, ours: ours.reviews, theirs: theirs.reviews, &notes)
        return Result(plan: merged, ours: ours, theirs: theirs, notes: notes)
    }

    static func number(_ id: String) -> Int { Int(id.dropFirst()) ?? 0 }

    static func removedNote(_ id: String) -> String {
        "\(id) was removed on one side and changed on the other: removed; the changes are in the plan's history (not applied)"
    }

    static func notApplied(_ id: String, _ what: String, _ text: String, removed: RemovedItem? = nil) -> HistoryEntry {
        var entry = HistoryEntry(when: "", who: "", field: nil, note: "not applied (merge): \(what) of \(id) \"\(String(text.prefix(60)))\", removed on another machine",
                                 action: .notApplied, item: id)
        entry.removed = removed
        return entry
    }

    /// Where an item goes: the side that moved it; both moved it elsewhere: the parent first by id.
    static func place(_ o: String?, _ t: String?, _ b: String?) -> String? {
        guard let o = o ?? t else { return nil }
        let t = t ?? o
        if o == t { return o }
        if o == b { return t }
        if t == b { return o }
        return idOrder(o, t) ? o : t
    }

    /// One item's own fields: the side that changed them; both: the version that sorts last, noted.
    static func pick<T: Equatable>(_ id: String, _ o: T, _ t: T, _ b: T?, _ notes: inout [String]) throws(PlanMerge.Failure) -> T {
        if o == t { return o }
        if let b, o == b { return t }
        if let b, t == b { return o }
        let (so, st) = (String(reflecting: o), String(reflecting: t))
        notes.append("\(id) was edited on two machines; kept one version, the other read: \(Sanitizer.clean(String((so < st ? so : st).prefix(200))))")
        return so < st ? t : o
    }

    static func ordered(_ ids: Set<String>, base b: [String], ours o: [String], theirs t: [String]) -> [String] {
        func complete(_ primary: [String]) -> [String] {
            let first = primary.filter(ids.contains)
            return first + ids.subtracting(first).sorted(by: idOrder)
        }
        if o == b { return complete(t) }
        if t == b { return complete(o) }
        // Both changed: the common items in base order, each side's others after what they followed.
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
        (Int(a.dropFirst()) ?? Int.max, a) < (Int(b.dropFirst()) ?? Int.max, b)
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
        for i in plan.keyIssues.indices {
            if plan.keyIssues[i].id == id { plan.keyIssues[i].id = newID }
            for o in plan.keyIssues[i].objectives.indices {
                if plan.keyIssues[i].objectives[o].id == id { plan.keyIssues[i].objectives[o].id = newID }
                for t in plan.keyIssues[i].objectives[o].targets.indices where plan.keyIssues[i].objectives[o].targets[t].id == id {
                    plan.keyIssues[i].objectives[o].targets[t].id = newID
                }
            }
        }
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
                if let b, o == b { continue }
                out.append(o)
            case (nil, nil): continue
            }
        }
        return out
    }

    static func reviewKey(_ r: Review) -> String { "\(r.asAt) \(r.title) \(r.openedAt) \(r.closedAt ?? "")" }
}
