/// `actionplan import FILE --into PLAN_ID`: a revised document turned into `PlanChange`s for the plan it
/// revises, so that what the document does not carry (reviews, history, notes, the title, statuses of a
/// table with no Status column) is kept, and every change is a history entry like any other edit.
///
/// The file is read by the ordinary importer into a plan in memory; its items are then matched to the
/// plan's (README, "Updating a plan from a revised document"):
/// - targets by the file's own target id column (our CSV export's "Target ID"), anywhere in the plan;
/// - Key Issues: by the ids of the targets in them (the Key Issue most of them are in), else the same
///   title, else the same number, else a similar title (`TextSimilarity`);
/// - objectives, within the matched Key Issue: by the ids of their targets, else the same text, else the
///   same code, else the same number, else a similar text;
/// - the remaining targets, within the matched objective: the same text, else a similar text;
/// each best match first, each item of the plan matched at most once.
/// Matched items get an edit for every field the file carries that differs; rows matched to nothing are
/// added where the file has them (before the next matched item); a target the file has under another
/// matched objective is moved there; items of the plan the file does not have are listed, and removed
/// only with `prune`. The order of items already in the plan is not changed. A file value that is what the
/// field was before its last recorded change is taken as an out-of-date file, not as a change back: the
/// plan's value is kept and the line says so.
public struct Reimport: Sendable {
    /// One line of the change list `import --into` prints (and `--dry-run` prints without saving).
    public enum Line: Sendable, Equatable {
        case edited(item: String?, field: ItemField, old: String, new: String)
        /// `parent`: the plan item it goes into (nil: the plan, for a Key Issue); `id` once saved.
        case added(kind: ItemKind, parent: String?, text: String, objectives: Int, targets: Int, id: String?)
        case moved(item: String, from: String, to: String)
        /// In the plan, not in the file: removed when pruning (`removed`); `reason` when it is kept anyway.
        case missing(item: String, kind: ItemKind, text: String, targets: Int, removed: Bool, reason: String?)
        /// The file has the value the field had before its last change (by `who` at `when`): kept, not a change.
        case outOfDate(item: String?, field: ItemField, kept: String, file: String, who: String, when: String)
        /// A matched target the file has under an objective that is new: left where it is.
        case notMoved(item: String, parent: String, objective: String)
    }

    public var changes: [PlanChange] = []
    public var lines: [Line] = []

    public init() {}

    /// Nothing to save (lines may still list items kept because `--prune` was not given).
    public var isEmpty: Bool { changes.isEmpty }

    /// The lines with the ids the save gave to added items (`ChangeResult.added`, in the order of the adds).
    public func lines(withAddedIDs ids: [String]) -> [Line] {
        var next = ids.makeIterator()
        return lines.map { line in
            guard case .added(let kind, let parent, let text, let o, let t, nil) = line else { return line }
            return .added(kind: kind, parent: parent, text: text, objectives: o, targets: t, id: next.next())
        }
    }

    /// The changes that bring `plan` in line with the imported document. `source` names the file in the
    /// history entries' note ("import of plan-v2.docx").
    public static func changes(updating plan: Plan, from result: ImportResult, prune: Bool, source: String) -> Reimport {
        var builder = Builder(plan: plan.withIds(), file: result.plan.withIds(), fields: ImportedFields(result),
                              idsFromFile: result.report.targetIDsFromFile, note: "import of \(source)")
        builder.run(prune: prune)
        return builder.out
    }
}

/// A child of a parent in the file, for placing new items among the matched ones.
private enum Slot {
    /// Matched to this plan item, which is already in the parent: new items are placed relative to it.
    case anchor(String)
    /// To be added (or moved in): placed before the next anchor, else at the end.
    case placed
    /// Neither (left elsewhere).
    case other
}

private struct Builder {
    let plan: Plan
    let file: Plan
    let fields: ImportedFields
    let note: String
    var out = Reimport()

    /// File target id → plan target id.
    var targetMatch: [String: String] = [:]
    var matchedTargets: Set<String> = []
    /// Plan targets moved to another objective by this import.
    var movedOut: Set<String> = []
    /// File Key Issue index → plan Key Issue index; (file issue, file objective) → plan objective path.
    var issueMatch: [Int: Int] = [:]
    var objectiveMatch: [Int: [Int: Int]] = [:]
    /// Plan target id → the plan objective holding it; plan objective id → its Key Issue id.
    var objectiveOfTarget: [String: String] = [:]
    var issueOfObjective: [String: String] = [:]
    /// The plan's targets by id (a lookup per row, not a walk of the plan: a large plan stays linear).
    var planTarget: [String: Target] = [:]

    init(plan: Plan, file: Plan, fields: ImportedFields, idsFromFile: Set<String>, note: String) {
        self.plan = plan
        self.file = file
        self.fields = fields
        self.note = note
        for k in plan.keyIssues {
            for o in k.objectives {
                issueOfObjective[o.id] = k.id
                for t in o.targets { objectiveOfTarget[t.id] = o.id; planTarget[t.id] = t }
            }
        }
        for t in file.allTargets where idsFromFile.contains(t.id) && objectiveOfTarget[t.id] != nil {
            targetMatch[t.id] = t.id
            matchedTargets.insert(t.id)
        }
    }

    mutating func run(prune: Bool) {
        matchIssues()
        for (fi, pi) in issueMatch { matchObjectives(fi, pi) }
        for (fi, objectives) in objectiveMatch {
            for (fo, po) in objectives { matchTargets(file.keyIssues[fi].objectives[fo], plan.keyIssues[issueMatch[fi]!].objectives[po]) }
        }
        planFields()
        walk()
        missing(prune: prune)
    }

    // MARK: - Matching

    /// The plan item most of `ids` (matched target ids) are in, by `container`; nil when none is.
    private func vote(_ ids: [String], _ container: (String) -> String?) -> String? {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for id in ids {
            guard let c = container(id) else { continue }
            if counts[c] == nil { order.append(c) }
            counts[c, default: 0] += 1
        }
        return order.max { a, b in counts[a]! < counts[b]! || (counts[a]! == counts[b]! && order.firstIndex(of: a)! > order.firstIndex(of: b)!) }
    }

    private func matchedIDs(in objectives: [Objective]) -> [String] {
        objectives.flatMap { $0.targets.compactMap { targetMatch[$0.id] } }
    }

    private static func textScore(_ a: TextSimilarity.Words, _ b: TextSimilarity.Words) -> Double? {
        let s = TextSimilarity.similarity(a, b)
        if s == 1 { return 3 }
        return s >= TextSimilarity.threshold ? 1 + s : nil
    }

    private mutating func matchIssues() {
        let votes = file.keyIssues.map { vote(matchedIDs(in: $0.objectives)) { objectiveOfTarget[$0].flatMap { issueOfObjective[$0] } } }
        let fw = file.keyIssues.map { TextSimilarity.Words($0.title) }, pw = plan.keyIssues.map { TextSimilarity.Words($0.title) }
        issueMatch = BestPairs.pair(fileCount: file.keyIssues.count, planCount: plan.keyIssues.count) { f, p in
            let fk = file.keyIssues[f], pk = plan.keyIssues[p]
            if votes[f] == pk.id { return 4 }
            let similar = TextSimilarity.similarity(fw[f], pw[p])
            if similar == 1 { return 3 }
            if fk.number == pk.number { return 2 + similar * 0.5 }
            return Self.textScore(fw[f], pw[p])
        }
    }

    private mutating func matchObjectives(_ fi: Int, _ pi: Int) {
        let fos = file.keyIssues[fi].objectives, pos = plan.keyIssues[pi].objectives
        let votes = fos.map { vote(matchedIDs(in: [$0])) { objectiveOfTarget[$0] } }
        let fw = fos.map { TextSimilarity.Words($0.text) }, pw = pos.map { TextSimilarity.Words($0.text) }
        objectiveMatch[fi] = BestPairs.pair(fileCount: fos.count, planCount: pos.count) { f, p in
            let fo = fos[f], po = pos[p]
            if votes[f] == po.id { return 4 }
            let similar = TextSimilarity.similarity(fw[f], pw[p])
            if similar == 1 { return 3 }
            if let c = fo.code, !c.isEmpty, c == po.code { return 2.5 + similar * 0.4 }
            if let n = fo.number, n == po.number { return 2 + similar * 0.4 }
            return Self.textScore(fw[f], pw[p])
        }
    }

    private mutating func matchTargets(_ fo: Objective, _ po: Objective) {
        let fts = fo.targets.filter { targetMatch[$0.id] == nil }
        let pts = po.targets.filter { !matchedTargets.contains($0.id) }
        guard !fts.isEmpty, !pts.isEmpty else { return }
        // Each text normalised once, not once per pair (an objective of n rows compares n² pairs).
        let fw = fts.map { TextSimilarity.Words($0.text) }, pw = pts.map { TextSimilarity.Words($0.text) }
        let pairs = BestPairs.pair(fileCount: fts.count, planCount: pts.count) { f, p in Self.textScore(fw[f], pw[p]) }
        for (f, p) in pairs {
            targetMatch[fts[f].id] = pts[p].id
            matchedTargets.insert(pts[p].id)
        }
    }

    // MARK: - Changes, in the file's order

    /// `history`: the item's history (a target's own; for the rest, the plan's), to tell a change from an
    /// out-of-date file.
    private mutating func edit(_ item: String?, _ field: ItemField, old: String, new: String, history: [HistoryEntry]? = nil) {
        guard old != new else { return }
        // The file gives the value the field had before its last recorded change: the file was written
        // before that change (exported before the meeting), so it is not a change back. Kept, and said.
        // Not after an undo: importing again what was undone means it is wanted again.
        let entries = history ?? plan.history.filter { $0.item == item }
        if let last = entries.last(where: { $0.field == field && $0.action == nil }), last.undoes == nil, last.new == old, last.old == new {
            out.lines.append(.outOfDate(item: item, field: field, kept: old, file: new, who: last.who, when: last.when))
            return
        }
        out.changes.append(.edit(item: item, field: field, new: new, expectedOld: old, note: note))
        out.lines.append(.edited(item: item, field: field, old: old, new: new))
    }

    /// The plan's organisation, department and period where the file gives them (the title is kept).
    private mutating func planFields() {
        let values: [(ItemField, String, String)] = [
            (.organisation, plan.organisation, file.organisation), (.department, plan.department, file.department),
            (.period, plan.period.map(PeriodText.format) ?? "", file.period.map(PeriodText.format) ?? ""),
        ]
        for (field, old, new) in values where fields.carries(field, of: .plan, value: new) { edit(nil, field, old: old, new: new) }
    }

    /// Where each `.placed` slot goes: before the next anchor (so the file's order around matched items is
    /// kept, and several new items in a row stay in order), else at the end of the parent.
    private static func destinations(_ slots: [Slot], parent: String?) -> [Int: Destination] {
        var out: [Int: Destination] = [:]
        var pending: [Int] = []
        for (i, slot) in slots.enumerated() {
            switch slot {
            case .anchor(let id):
                for p in pending { out[p] = .before(id) }
                pending = []
            case .placed: pending.append(i)
            case .other: break
            }
        }
        for p in pending { out[p] = .end(of: parent) }
        return out
    }

    private mutating func walk() {
        let issueSlots: [Slot] = file.keyIssues.indices.map { f in issueMatch[f].map { .anchor(plan.keyIssues[$0].id) } ?? .placed }
        let issuePlaces = Self.destinations(issueSlots, parent: nil)
        for (fi, fk) in file.keyIssues.enumerated() {
            guard let pi = issueMatch[fi] else {
                addIssue(fk, to: issuePlaces[fi]!)
                continue
            }
            let pk = plan.keyIssues[pi]
            for field in ItemField.fields(of: .keyIssue) where fields.carries(field, of: .keyIssue, value: fk.fieldValue(field)) {
                edit(pk.id, field, old: pk.fieldValue(field), new: fk.fieldValue(field))
            }
            let matched = objectiveMatch[fi] ?? [:]
            let slots: [Slot] = fk.objectives.indices.map { f in matched[f].map { .anchor(pk.objectives[$0].id) } ?? .placed }
            let places = Self.destinations(slots, parent: pk.id)
            for (fo, o) in fk.objectives.enumerated() {
                guard let po = matched[fo] else {
                    addObjective(o, to: places[fo]!, parent: pk.id)
                    continue
                }
                updateObjective(o, pk.objectives[po])
            }
        }
    }

    private mutating func updateObjective(_ fo: Objective, _ po: Objective) {
        for field in ItemField.fields(of: .objective) where fields.carries(field, of: .objective, value: fo.fieldValue(field)) {
            edit(po.id, field, old: po.fieldValue(field), new: fo.fieldValue(field))
        }
        let slots: [Slot] = fo.targets.map { t in
            guard let id = targetMatch[t.id] else { return .placed }
            return objectiveOfTarget[id] == po.id ? .anchor(id) : .placed
        }
        let places = Self.destinations(slots, parent: po.id)
        for (i, ft) in fo.targets.enumerated() {
            guard let id = targetMatch[ft.id] else {
                out.changes.append(.addTarget(ft, to: places[i]!))
                out.lines.append(.added(kind: .target, parent: po.id, text: ft.text, objectives: 0, targets: 1, id: nil))
                continue
            }
            if let from = objectiveOfTarget[id], from != po.id {
                out.changes.append(.move(item: id, to: places[i]!))
                out.lines.append(.moved(item: id, from: from, to: po.id))
                movedOut.insert(id)
            }
            updateTarget(ft, planTarget[id]!)
        }
    }

    private mutating func updateTarget(_ ft: Target, _ pt: Target) {
        for field in ItemField.fields(of: .target) where fields.carries(field, of: .target, value: ft.fieldValue(field)) {
            let old = pt.fieldValue(field), new = ft.fieldValue(field)
            if field == .due, fields.carries(.timescale, of: .target, value: "") {
                // The due date follows the time scale (README): one that names a date decides it, and the Due
                // cell beside it is not read (people edit the time scale and forget the date). Only for a time
                // scale that names none ("Ongoing") is a Due cell a change of its own, and then not when it is
                // the date the plan had before the time scale changed.
                if Timescale(ft.timescale).due != nil { continue }
                if ft.timescale != pt.timescale && new == old { continue }
            }
            edit(pt.id, field, old: old, new: new, history: pt.history)
        }
    }

    /// Targets of a new objective or Key Issue that the file's id column names as the plan's own: they are
    /// not added a second time but left where they are (with their fields updated), and said so.
    private mutating func withoutMatched(_ o: Objective, objectiveText: String) -> Objective {
        var o = o
        for t in o.targets {
            guard let id = targetMatch[t.id], let parent = objectiveOfTarget[id] else { continue }
            out.lines.append(.notMoved(item: id, parent: parent, objective: objectiveText))
            updateTarget(t, planTarget[id]!)
        }
        o.targets.removeAll { targetMatch[$0.id] != nil }
        return o
    }

    private mutating func addObjective(_ o: Objective, to place: Destination, parent: String) {
        let o = withoutMatched(o, objectiveText: o.text)
        out.changes.append(.addObjective(o, to: place))
        out.lines.append(.added(kind: .objective, parent: parent, text: o.text, objectives: 1, targets: o.targets.count, id: nil))
    }

    private mutating func addIssue(_ k: KeyIssue, to place: Destination) {
        var k = k
        k.objectives = k.objectives.map { withoutMatched($0, objectiveText: $0.text) }
        out.changes.append(.addKeyIssue(k, to: place))
        out.lines.append(.added(kind: .keyIssue, parent: nil, text: k.title, objectives: k.objectives.count,
                                targets: k.objectives.reduce(0) { $0 + $1.targets.count }, id: nil))
    }

    // MARK: - What the file does not have

    private mutating func missing(prune: Bool) {
        let matchedIssues = Set(issueMatch.values)
        var removals: [PlanChange] = []
        func check(_ targets: [Target]) -> String? {
            let staying = targets.filter { matchedTargets.contains($0.id) && !movedOut.contains($0.id) }.map(\.id)
            return staying.isEmpty ? nil : "it still holds \(staying.joined(separator: ", ")), which the file has under a new objective"
        }
        for (pi, pk) in plan.keyIssues.enumerated() {
            guard matchedIssues.contains(pi) else {
                let targets = pk.objectives.flatMap(\.targets)
                let reason = check(targets)
                out.lines.append(.missing(item: pk.id, kind: .keyIssue, text: pk.title, targets: targets.count, removed: prune && reason == nil, reason: reason))
                if prune && reason == nil { removals.append(.remove(item: pk.id)) }
                continue
            }
            let fi = issueMatch.first { $0.value == pi }!.key
            let matchedObjectives = Set((objectiveMatch[fi] ?? [:]).values)
            for (po, o) in pk.objectives.enumerated() {
                guard matchedObjectives.contains(po) else {
                    let reason = check(o.targets)
                    out.lines.append(.missing(item: o.id, kind: .objective, text: o.text, targets: o.targets.count, removed: prune && reason == nil, reason: reason))
                    if prune && reason == nil { removals.append(.remove(item: o.id)) }
                    continue
                }
                for t in o.targets where !matchedTargets.contains(t.id) {
                    out.lines.append(.missing(item: t.id, kind: .target, text: t.text, targets: 1, removed: prune, reason: nil))
                    if prune { removals.append(.remove(item: t.id)) }
                }
            }
        }
        // Targets first, then objectives, then Key Issues: the sets are disjoint, so any order applies.
        out.changes += removals
    }
}
