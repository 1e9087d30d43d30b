/// Applies `PlanChange`s to a plan: the pure core of every save (PlanStore.commit calls it under the lock
/// on the version on disk; the merge driver calls it on one side with the other side's changes).
public enum PlanChanges {
    public struct Outcome: Sendable {
        public var plan: Plan
        /// The history entries made, in order (in the targets' histories or the plan's own); here each names
        /// its item in `item` (nil: the plan's own fields).
        public var entries: [HistoryEntry] = []
        /// The ids given to added items, one per add, in the order of the changes.
        public var added: [String] = []
        public var conflicts: [ChangeConflict] = []
        /// Accepted, but worth saying (a time scale that names no date).
        public var warnings: [String] = []
        /// Whether anything changed (false: nothing to save).
        public var changed: Bool { !entries.isEmpty }
    }

    /// Applies the changes in order; all or nothing (a `ChangeError` leaves `plan` as it was).
    /// - Parameter undoing: the change number these changes take back (their entries say so).
    public static func apply(_ changes: [PlanChange], onto plan: Plan, who: String, when: String,
                             undoing: Int? = nil) throws(ChangeError) -> Outcome {
        var engine = Engine(plan: plan.withIds(), who: who, when: when, number: plan.lastChange + 1, undoing: undoing)
        for change in changes { try engine.apply(change) }
        if !engine.outcome.entries.isEmpty { engine.outcome.plan.lastChange = engine.number }
        return engine.outcome
    }
}

private struct Engine {
    var outcome: PlanChanges.Outcome
    let who: String, when: String, number: Int, undoing: Int?

    init(plan: Plan, who: String, when: String, number: Int, undoing: Int?) {
        outcome = PlanChanges.Outcome(plan: plan)
        self.who = who
        self.when = when
        self.number = number
        self.undoing = undoing
    }

    var plan: Plan {
        get { outcome.plan }
        _modify { yield &outcome.plan }
    }

    mutating func apply(_ change: PlanChange) throws(ChangeError) {
        switch change {
        case .addKeyIssue(var k, let to):
            k.id = plan.makeKeyIssueId()
            for o in k.objectives.indices { k.objectives[o].id = plan.makeObjectiveId(); k.objectives[o].targets = freshTargets(k.objectives[o].targets) }
            try requireText(k.title, .title, "the new Key Issue")
            try insert(.keyIssue(k), to, what: "add a Key Issue", isAdd: true)
        case .addObjective(var o, let to):
            o.id = plan.makeObjectiveId()
            o.targets = freshTargets(o.targets)
            try requireText(o.text, .text, "the new objective")
            try insert(.objective(o), to, what: "add an objective", isAdd: true)
        case .addTarget(var t, let to):
            t.id = plan.makeTargetId()
            try requireText(t.text, .text, "the new target")
            if t.due == nil { t.due = Timescale(t.timescale).due }
            try insert(.target(t), to, what: "add a target", isAdd: true)
            if let w = Timescale.unreadableWarning(t.timescale, target: t.id) { outcome.warnings.append(w) }
        case .edit(let item, let field, let new, let expectedOld, let note):
            try edit(item, field, new, expectedOld: expectedOld, note: note)
        case .move(let item, let to):
            try move(item, to)
        case .remove(let item):
            try remove(item)
        case .restore(let content, let place):
            var ids = [content.id]
            if case .keyIssue(let k) = content { ids += k.objectives.flatMap { [$0.id] + $0.targets.map(\.id) } }
            if case .objective(let o) = content { ids += o.targets.map(\.id) }
            for id in ids where plan.kind(of: id) != nil { throw .idInUse(id) }
            try insert(content, .place(place), what: "restore \(content.id)", isAdd: false)
        case .renameOfficer(let old, let new):
            guard !new.trimmingCharacters(in: .whitespaces).isEmpty else { throw .emptyText(.leadOfficers, item: old) }
            for target in plan.allTargets where target.leadOfficers.contains(old) {
                let names = target.leadOfficers.reduce(into: [String]()) { out, name in
                    let renamed = name == old ? new : name
                    if !out.contains(renamed) { out.append(renamed) }
                }
                try edit(target.id, .leadOfficers, names.joined(separator: "\n"), expectedOld: nil, note: "officer renamed")
            }
        }
    }

    // MARK: - Adds, moves, removals

    /// The targets of an added objective or Key Issue, each with a fresh id (and a due date from its time scale).
    private mutating func freshTargets(_ targets: [Target]) -> [Target] {
        targets.map { t in
            var t = t
            t.id = plan.makeTargetId()
            if t.due == nil { t.due = Timescale(t.timescale).due }
            return t
        }
    }

    private func requireText(_ text: String, _ field: ItemField, _ item: String) throws(ChangeError) {
        if text.allSatisfy({ $0.isWhitespace }) { throw .emptyText(field, item: item) }
    }

    /// The parent kind each kind of item lives in.
    private static func parentKind(of kind: ItemKind) -> ItemKind {
        switch kind {
        case .target: return .objective
        case .objective: return .keyIssue
        default: return .plan
        }
    }

    /// Where `to` puts an item of `kind` (index counted with the item itself already out of its list).
    private func resolve(_ to: Destination, kind: ItemKind, moving: String?, doing: String) throws(ChangeError) -> Place {
        let parentKind = Self.parentKind(of: kind)
        switch to {
        case .before(let anchor), .after(let anchor):
            if anchor == moving { return plan.place(of: anchor)! }
            guard let found = plan.kind(of: anchor) else { throw .itemNotFound(anchor, plan: plan.id) }
            guard found == kind else { throw .wrongKind(anchor, found: found, expected: [kind], doing: doing) }
            var place = plan.place(of: anchor)!
            if let moving, let mine = plan.place(of: moving), mine.parent == place.parent, mine.index < place.index { place.index -= 1 }
            if case .after = to { place.index += 1 }
            return place
        case .end(let parent):
            if let parent, parent == moving { throw .intoItself(parent) }
            let parentFound: ItemKind = parent.map { plan.kind(of: $0) ?? .plan } ?? .plan
            if let parent, parentFound == .plan, parent != plan.id { throw .itemNotFound(parent, plan: plan.id) }
            guard parentFound == parentKind else {
                throw .wrongKind(parent ?? plan.id, found: parentFound, expected: [parentKind], doing: doing)
            }
            var count = children(of: parentKind == .plan ? nil : parent)
            if let moving, plan.parent(of: moving) == (parentKind == .plan ? nil : parent) { count -= 1 }
            return Place(parent: parentKind == .plan ? nil : parent, index: count)
        case .place(let place):
            if let parent = place.parent, plan.kind(of: parent) != parentKind {
                guard let found = plan.kind(of: parent) else { throw .itemNotFound(parent, plan: plan.id) }
                throw .wrongKind(parent, found: found, expected: [parentKind], doing: doing)
            }
            if place.parent == nil && parentKind != .plan { throw .wrongKind(plan.id, found: .plan, expected: [parentKind], doing: doing) }
            return Place(parent: place.parent, index: min(max(place.index, 0), children(of: place.parent)))
        }
    }

    private func children(of parent: String?) -> Int {
        guard let parent else { return plan.keyIssues.count }
        if let i = plan.keyIssueIndex(id: parent) { return plan.keyIssues[i].objectives.count }
        return plan.objective(id: parent)?.targets.count ?? 0
    }

    /// The item an add, move or restore refers to (its anchor or parent), when that was removed meanwhile.
    private func removedReference(_ to: Destination) -> (String, HistoryEntry)? {
        let ref: String?
        switch to {
        case .before(let a), .after(let a): ref = a
        case .end(let p): ref = p
        case .place(let p): ref = p.parent
        }
        guard let ref, plan.kind(of: ref) == nil, let removal = plan.removal(of: ref) else { return nil }
        return (ref, removal)
    }

    private mutating func insert(_ item: RemovedItem, _ to: Destination, what: String, isAdd: Bool) throws(ChangeError) {
        if let (ref, removal) = removedReference(to) {
            // Someone removed where this was going: the removal wins, and the item is kept in history.
            notApplied(ref, removal, what: isAdd ? "the new \(item.kind.name) \(item.id)" : "putting back \(item.id)", content: item)
            return
        }
        let place = try resolve(to, kind: item.kind, moving: nil, doing: what)
        put(item, at: place)
        if isAdd { outcome.added.append(item.id) }
        var entry = entry(field: nil, action: isAdd ? .added : .restored)
        entry.to = place
        record(entry, about: item.id, kind: item.kind)
    }

    private mutating func put(_ item: RemovedItem, at place: Place) {
        switch item {
        case .keyIssue(let k): plan.keyIssues.insert(k, at: place.index)
        case .objective(let o): plan.keyIssues[plan.keyIssueIndex(id: place.parent!)!].objectives.insert(o, at: place.index)
        case .target(let t):
            let p = plan.objectivePath(id: place.parent!)!
            plan.keyIssues[p.issue].objectives[p.objective].targets.insert(t, at: place.index)
        }
    }

    /// Takes an item out of the plan, whole.
    private mutating func take(_ id: String) -> (RemovedItem, Place)? {
        guard let place = plan.place(of: id) else { return nil }
        if let i = plan.keyIssueIndex(id: id) { return (.keyIssue(plan.keyIssues.remove(at: i)), place) }
        if let p = plan.objectivePath(id: id) { return (.objective(plan.keyIssues[p.issue].objectives.remove(at: p.objective)), place) }
        let p = plan.indexPath(ofTarget: id)!
        return (.target(plan.keyIssues[p.issue].objectives[p.objective].targets.remove(at: p.target)), place)
    }

    private mutating func move(_ id: String, _ to: Destination) throws(ChangeError) {
        guard let kind = plan.kind(of: id) else {
            if let removal = plan.removal(of: id) { notApplied(id, removal, what: "moving \(id) there"); return }
            throw .itemNotFound(id, plan: plan.id)
        }
        if let (ref, removal) = removedReference(to) { notApplied(ref, removal, what: "moving \(id) there"); return }
        if case .end(let parent?) = to, parent == id { throw .intoItself(id) }
        if case .end(let parent?) = to, plan.parent(of: parent) == id { throw .intoItself(id) }
        let from = plan.place(of: id)!
        let place = try resolve(to, kind: kind, moving: id, doing: "move \(id)")
        guard place != from else { return }
        let (item, _) = take(id)!
        put(item, at: place)
        var e = entry(field: nil, action: .moved)
        e.from = from
        e.to = place
        record(e, about: id, kind: kind)
    }

    private mutating func remove(_ id: String) throws(ChangeError) {
        guard let kind = plan.kind(of: id) else {
            if plan.removal(of: id) != nil { return } // already removed by someone else: nothing to do
            throw .itemNotFound(id, plan: plan.id)
        }
        let (item, from) = take(id)!
        var e = entry(field: nil, action: .removed)
        e.item = id
        e.from = from
        e.old = Self.text(of: item)
        e.removed = item
        _ = kind
        plan.history.append(e)
        outcome.entries.append(e)
    }

    static func text(of item: RemovedItem) -> String {
        switch item {
        case .keyIssue(let k): return k.title
        case .objective(let o): return o.text
        case .target(let t): return t.text
        }
    }

    // MARK: - Field edits

    private mutating func edit(_ item: String?, _ field: ItemField, _ new: String, expectedOld: String?, note: String?) throws(ChangeError) {
        let kind: ItemKind
        do throws(ChangeError) {
            kind = try plan.kindChecked(item)
        } catch {
            if let item, let removal = plan.removal(of: item) {
                notApplied(item, removal, what: "the change of its \(field.rawValue) to \"\(new)\"", field: field, new: new)
                return
            }
            throw error
        }
        let old = try plan.value(of: field, item: item)
        guard old != new else { return }
        if let expectedOld, expectedOld != old {
            let theirs = (kind == .target ? plan.target(id: item!)?.history : plan.history.filter { $0.item == item })?
                .last(where: { $0.field == field })
            outcome.conflicts.append(ChangeConflict(item: item ?? plan.id, kind: .changedMeanwhile(field: field, theirs: old, theirWho: theirs?.who, mine: new)))
        }
        if let warning = try plan.setValue(new, of: field, item: item) { outcome.warnings.append(warning) }
        var e = entry(field: field, action: nil)
        e.old = old
        e.new = new
        if let note { e.note = e.note.map { "\(note); \($0)" } ?? note }
        record(e, about: item, kind: kind)
    }

    // MARK: - History

    private func entry(field: ItemField?, action: HistoryAction?) -> HistoryEntry {
        var e = HistoryEntry(when: when, who: who, field: field, action: action)
        e.change = number
        e.undoes = undoing
        if undoing != nil { e.note = "undo" }
        return e
    }

    /// Into the target's own history for targets; the plan's (naming the item) for the rest.
    private mutating func record(_ e: HistoryEntry, about item: String?, kind: ItemKind) {
        var e = e
        if kind == .target, let item, let p = plan.indexPath(ofTarget: item) {
            plan.keyIssues[p.issue].objectives[p.objective].targets[p.target].history.append(e)
            e.item = item // in the outcome every entry names its item (in the file the target's history does)
        } else {
            e.item = kind == .plan ? nil : item
            plan.history.append(e)
        }
        outcome.entries.append(e)
    }

    /// Records a change that lost to a removal (README: the removal wins, the change is kept in history).
    private mutating func notApplied(_ item: String, _ removal: HistoryEntry, what: String, field: ItemField? = nil,
                                     new: String = "", content: RemovedItem? = nil) {
        var e = entry(field: field, action: .notApplied)
        e.item = item
        e.new = new
        e.removed = content
        e.note = "not applied: \(item) was removed by \(removal.who) at \(removal.when)" + (e.note.map { "; \($0)" } ?? "")
        plan.history.append(e)
        outcome.entries.append(e)
        outcome.conflicts.append(ChangeConflict(item: item, kind: .removedMeanwhile(what: what, removedBy: removal.who, removedAt: removal.when)))
    }
}

extension Plan {
    /// The latest history entry that removed this item (itself, or what held it).
    public func removal(of id: String) -> HistoryEntry? {
        history.last { e in
            guard e.action == .removed, let content = e.removed else { return false }
            switch content {
            case .keyIssue(let k): return k.id == id || k.objectives.contains { $0.id == id || $0.targets.contains { $0.id == id } }
            case .objective(let o): return o.id == id || o.targets.contains { $0.id == id }
            case .target(let t): return t.id == id
            }
        }
    }
}
