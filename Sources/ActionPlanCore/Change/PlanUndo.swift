/// Taking back the last change of a plan, of any kind: what `actionplan undo` does, from the history in
/// the file (so it works across sessions and people). Every commit numbers its entries (`change`); the
/// last change is the highest number that is not itself an undo and has not been undone. Entries made
/// before numbering existed (schemaVersion 1 files) cannot be undone this way.
public enum PlanUndo {
    public struct Step: Sendable, Equatable {
        /// The change number taken back.
        public var number: Int
        /// The changes that take it back, in order; apply them with `undoing: number`.
        public var changes: [PlanChange]
        /// The entries of the change, as recorded (for saying what is undone).
        public var entries: [HistoryEntry]
    }

    /// One numbered entry: the item it is about, and whether it is in the plan's own history.
    struct Numbered { var item: String?; var entry: HistoryEntry; var inPlanHistory: Bool }

    static func numberedEntries(in plan: Plan) -> [Numbered] {
        var all = plan.history.filter { $0.change != nil }.map { Numbered(item: $0.item, entry: $0, inPlanHistory: true) }
        plan.forEachTarget { _, _, _, t in
            for e in t.history where e.change != nil { all.append(Numbered(item: t.id, entry: e, inPlanHistory: false)) }
        }
        return all
    }

    /// The last change that can be undone, and how; nil when there is none.
    public static func last(in plan: Plan) -> Step? {
        let all = numberedEntries(in: plan)
        let undone = Set(all.compactMap(\.entry.undoes))
        guard let number = all.compactMap({ $0.entry.undoes == nil ? $0.entry.change : nil })
            .filter({ !undone.contains($0) }).max() else { return nil }
        let mine = all.filter { $0.entry.change == number }
        // Taken back in reverse: the targets' own entries first (newest first), then the plan's (newest
        // first), so an objective added with a target moved into it gets the target moved back before it goes.
        let ordered = mine.filter { !$0.inPlanHistory }.reversed() + mine.filter(\.inPlanHistory).reversed()
        var changes: [PlanChange] = []
        for n in ordered {
            let e = n.entry, item = n.item
            switch e.action {
            case nil:
                if let field = e.field { changes.append(.edit(item: item, field: field, new: e.old, expectedOld: e.new)) }
            case .added?, .restored?:
                if let item { changes.append(.remove(item: item)) }
            case .moved?:
                if let item, let from = e.from { changes.append(.move(item: item, to: .place(from))) }
            case .removed?:
                if let content = e.removed, let from = e.from { changes.append(.restore(content, at: from)) }
            case .notApplied?:
                break
            }
        }
        return Step(number: number, changes: changes, entries: mine.map(\.entry))
    }
}
