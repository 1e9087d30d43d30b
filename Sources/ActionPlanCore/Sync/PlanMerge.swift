/// The three-way merge of one plan file: what `merge-driver` does when git finds a plan changed on both
/// sides. It is the save's merge (PlanStore.commit), run between two histories instead of two
/// processes: the changes one side made since the common version (`base`) become `TargetChange`s and
/// are applied with `Plan.apply` onto the other side, field by field.
///
/// - A field changed on one side only: that side's value.
/// - The same field changed on both sides to different values: the change that is later by its history
///   time wins (ties: the greater who, then value, so nothing depends on the order); the other value
///   stays in history, and a history entry with a note records the decision.
/// - History: the entries both sides had at `base`, then every entry either side added, in time order.
///
/// The result does not depend on which side is "ours": merge(base, a, b) == merge(base, b, a) (the
/// property test in PlanMergeTests checks it), so two machines merging each other's work end with the
/// same file.
public enum PlanMerge {
    public struct Outcome: Sendable {
        public var plan: Plan
        /// What had to be decided, one line each ("t4 status: changed on both sides; kept …").
        public var notes: [String]
    }

    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// One side's change to one field since base, with the history entry that made it (if any).
    struct SideChange {
        var change: TargetChange
        /// The newest entry for this field the side added since base: its time decides a tie.
        var entry: HistoryEntry?

        /// Orders two conflicting changes: later time, then who, then value. Total, so symmetric.
        func isLater(than other: SideChange) -> Bool {
            let a = (entry?.when ?? "", entry?.who ?? "", change.new)
            let b = (other.entry?.when ?? "", other.entry?.who ?? "", other.change.new)
            return a > b
        }
    }

    struct Key: Hashable {
        var target: String
        var field: TargetField
    }

    public static func merge(base: Plan?, ours: Plan, theirs: Plan) throws(Failure) -> Outcome {
        guard ours.id == theirs.id else {
            throw Failure(message: "the two sides are different plans (\"\(Sanitizer.clean(ours.id))\" and \"\(Sanitizer.clean(theirs.id))\")")
        }
        // A plan added on both sides with no common version: merged as if both had started from its
        // Key Issues and objectives with no targets (the same frame on both sides, or a conflict).
        let base = base ?? StructureMerge.frame(ours)
        let structure = try StructureMerge.merge(base: base, ours: ours, theirs: theirs)
        var outcome = try fieldMerge(base: base, onto: structure.plan, ours: structure.ours, theirs: structure.theirs)
        outcome.notes = structure.notes + outcome.notes
        return outcome
    }

    /// apply(diff(base → from), onto: onto), with ties decided by history time and history merged.
    /// `onto` is the merged structure; each of its targets holds one side's review fields (ours where
    /// ours has the target), so ours' changes are there and theirs' are applied.
    static func fieldMerge(base: Plan, onto structure: Plan, ours: Plan, theirs: Plan) throws(Failure) -> Outcome {
        var result = structure
        // Every target starts from ours' review fields where ours has it (else theirs', as it is).
        result.updateEachTarget { _, t in
            if let o = ours.target(id: t.id) { t.status = o.status; t.comment = o.comment; t.forecast = o.forecast }
        }
        let onto = ours, from = theirs
        let fromChanges = changes(base: base, side: from).filter { ours.target(id: $0.key.target) != nil }
        let ontoChanges = changes(base: base, side: onto)
        var notes: [String] = []
        var decisions: [String: [HistoryEntry]] = [:]
        for (key, mine) in fromChanges.sorted(by: { ($0.key.target, $0.key.field.rawValue) < ($1.key.target, $1.key.field.rawValue) }) {
            guard result.target(id: key.target) != nil else {
                notes.append("\(key.target) \(key.field.rawValue): not applied, the target is not in the merged plan (\"\(Sanitizer.clean(mine.change.new))\" is in the other side's history)")
                continue
            }
            if let other = ontoChanges[key], other.change.new != mine.change.new {
                let (winner, loser) = mine.isLater(than: other) ? (mine, other) : (other, mine)
                let note = "merged: also changed to \"\(loser.change.new)\" by \(loser.entry?.who ?? "someone") at \(loser.entry?.when ?? "an unknown time"); the later change is kept"
                let entry = HistoryEntry(when: winner.entry?.when ?? "", who: winner.entry?.who ?? "", field: key.field,
                                         old: loser.change.new, new: winner.change.new, note: note)
                decisions[key.target, default: []].append(entry)
                notes.append("\(key.target) \(key.field.rawValue): changed on both sides; kept \"\(shown(winner.change.new, key.field))\" (\(winner.entry?.who ?? "?"), later), \"\(shown(loser.change.new, key.field))\" (\(loser.entry?.who ?? "?")) is in history")
                if winner.change.new == mine.change.new { try set(mine.change, in: &result) }
            } else {
                try set(mine.change, in: &result)
            }
        }
        // Every target's history: the common part, then what either side added (and the decisions), by time.
        for i in result.keyIssues.indices {
            for o in result.keyIssues[i].objectives.indices {
                for t in result.keyIssues[i].objectives[o].targets.indices {
                    let id = result.keyIssues[i].objectives[o].targets[t].id
                    result.keyIssues[i].objectives[o].targets[t].history = mergedHistory(
                        base: base.target(id: id)?.history ?? [], onto: onto.target(id: id)?.history ?? [],
                        from: from.target(id: id)?.history ?? [], decisions: decisions[id] ?? [])
                    // A target one side does not have (added there, or kept after a removal) keeps the other's own history.
                    if onto.target(id: id) == nil || from.target(id: id) == nil, let only = onto.target(id: id) ?? from.target(id: id) {
                        result.keyIssues[i].objectives[o].targets[t].history = only.history
                    }
                }
            }
        }
        return Outcome(plan: result, notes: notes)
    }

    /// A value for a message: a status as it is typed (`not-met`), text cleaned for the terminal.
    static func shown(_ value: String, _ field: TargetField) -> String {
        if field == .status, let status = Status(rawValue: value) { return status.argument }
        return Sanitizer.clean(value)
    }

    /// Sets a value with the save's own change engine (`PlanChanges.apply`, which checks it: a status
    /// must be a status); the entry it records is replaced by the merged history afterwards, and the
    /// change counter by the merged one.
    private static func set(_ change: TargetChange, in plan: inout Plan) throws(Failure) {
        let counter = plan.lastChange
        do {
            plan = try PlanChanges.apply([PlanChange(change)], onto: plan, who: "", when: "").plan
        } catch {
            throw Failure(message: error.description)
        }
        plan.lastChange = counter
    }

    /// The field changes a side made since base, keyed by target and field.
    static func changes(base: Plan, side: Plan) -> [Key: SideChange] {
        var out: [Key: SideChange] = [:]
        for target in side.allTargets {
            guard let before = base.target(id: target.id) else {
                // A target new on this side: compared with an empty target, so that, added on both
                // sides with the same id by the same structure, its fields still merge.
                for field in TargetField.allCases where target.value(of: field) != Target(id: target.id, text: "").value(of: field) {
                    out[Key(target: target.id, field: field)] = SideChange(
                        change: TargetChange(targetID: target.id, field: field, expectedOld: nil, new: target.value(of: field)),
                        entry: target.history.last { $0.field == ItemField(field) })
                }
                continue
            }
            let added = newEntries(base: before.history, side: target.history)
            for field in TargetField.allCases where target.value(of: field) != before.value(of: field) {
                out[Key(target: target.id, field: field)] = SideChange(
                    change: TargetChange(targetID: target.id, field: field, expectedOld: before.value(of: field), new: target.value(of: field)),
                    entry: added.last { $0.field == ItemField(field) })
            }
        }
        return out
    }

    /// The entries of `side` that are not in `base` (as a multiset: a repeated entry counts twice).
    static func newEntries(base: [HistoryEntry], side: [HistoryEntry]) -> [HistoryEntry] {
        if side.count >= base.count, Array(side.prefix(base.count)) == base { return Array(side.dropFirst(base.count)) }
        var remaining = base
        var out: [HistoryEntry] = []
        for entry in side {
            if let i = remaining.firstIndex(of: entry) { remaining.remove(at: i) } else { out.append(entry) }
        }
        return out
    }

    static func mergedHistory(base: [HistoryEntry], onto: [HistoryEntry], from: [HistoryEntry], decisions: [HistoryEntry]) -> [HistoryEntry] {
        // The common part: base's entries both sides still have (a side never drops history, but a
        // file edited by hand might).
        let ontoNew = newEntries(base: base, side: onto)
        let fromNew = newEntries(base: base, side: from)
        var added = ontoNew
        // An entry both sides added (the same change made twice, or one merge seen twice) is kept once.
        var unmatched = ontoNew
        for entry in fromNew {
            if let i = unmatched.firstIndex(of: entry) { unmatched.remove(at: i) } else { added.append(entry) }
        }
        added += decisions
        let common = base.filter { entry in onto.contains(entry) || from.contains(entry) }
        return common + added.sorted(by: historyOrder)
    }

    /// Time, then every other field: a total order, so the merged history is the same both ways.
    static func historyOrder(_ a: HistoryEntry, _ b: HistoryEntry) -> Bool {
        let ka = [a.when, a.who, a.fieldName, a.item ?? "", a.old, a.new, a.note ?? ""]
        let kb = [b.when, b.who, b.fieldName, b.item ?? "", b.old, b.new, b.note ?? ""]
        if ka != kb { return ka.lexicographicallyPrecedes(kb) }
        // Entries alike in all of that (moves, removals): their whole content decides.
        return String(reflecting: a) < String(reflecting: b)
    }
}

/// Everything of a plan except the targets' review fields and histories: what the field merge does
/// not merge, compared to see which side changed it.
struct Skeleton: Equatable {
    var plan: Plan

    init(_ plan: Plan) {
        var p = plan
        for i in p.keyIssues.indices {
            for o in p.keyIssues[i].objectives.indices {
                for t in p.keyIssues[i].objectives[o].targets.indices {
                    p.keyIssues[i].objectives[o].targets[t].status = .notAssessed
                    p.keyIssues[i].objectives[o].targets[t].comment = ""
                    p.keyIssues[i].objectives[o].targets[t].forecast = ""
                    p.keyIssues[i].objectives[o].targets[t].history = []
                }
            }
        }
        self.plan = p
    }

    /// The plan with every review field and history emptied: the base of a plan added on both sides.
    static func empty(of plan: Plan) -> Plan { Skeleton(plan).plan }
}
