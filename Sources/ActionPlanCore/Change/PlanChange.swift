/// One change to a plan's content or structure: what the UI, the command line, imports and the git merge
/// driver all make a plan with. How to use it:
///
/// - Build the changes (`.addTarget(Target(id: "", text: "…"), to: .end(of: "o3"))`, `.edit(item: "t7",
///   field: .timescale, new: "Sept 26")`, `.move(item: "t7", to: .before("t2"))`, `.remove(item: "o3")`,
///   `.renameOfficer(old: "Anne Fatcher", new: "Anne Futcher")`, `.edit(item: nil, field: .title, …)` for
///   the plan itself) and save them with `PlanStore.commit(_:to:base:who:when:)`: under the plan's lock it
///   re-reads the file and applies them onto what is there now, so ids of added items are allocated on the
///   latest version and never collide with another writer's.
/// - `PlanChanges.apply(_:onto:who:when:)` is the same thing as a pure function on a `Plan` (no files):
///   what the merge driver calls to replay one side's changes onto the other.
/// - Every change applied leaves history entries (who, when, what, old → new, from → to, the removed
///   content), all numbered with one `change` number, so `PlanUndo` can take the whole change back.
/// - The merge rules (README, "Changing a plan"): adds are always kept (fresh ids); an edit, move or add
///   aimed at an item someone else removed is not applied but recorded (`HistoryAction.notApplied`, with an
///   add's content) and reported as a `ChangeConflict`: the removal wins, nothing is lost silently; a move
///   and an edit of one item both apply; of two edits of one field the later wins and the earlier stays in
///   history (reported when `expectedOld` says the editor saw another value).
public enum PlanChange: Sendable, Equatable {
    /// A new Key Issue (its `id` is ignored: the plan gives it one; objectives in it get ids too).
    case addKeyIssue(KeyIssue, to: Destination = .end(of: nil))
    /// A new objective in a Key Issue (`.end(of: "k2")`, or before/after another objective).
    case addObjective(Objective, to: Destination)
    /// A new target in an objective (`.end(of: "o7")`, or before/after another target).
    case addTarget(Target, to: Destination)
    /// One field of one item (`item` nil: the plan's own fields). `expectedOld`: the value the editor saw.
    case edit(item: String?, field: ItemField, new: String, expectedOld: String? = nil, note: String? = nil)
    /// An item to another place: among its own kind (before/after) or into another parent.
    case move(item: String, to: Destination)
    /// An item with everything under it; the history entry keeps all of it.
    case remove(item: String)
    /// Puts a removed item back where it was (the undo of a removal): with its own ids.
    case restore(RemovedItem, at: Place)
    /// Every target that names `old` as a lead officer names `new` instead (one entry per target).
    case renameOfficer(old: String, new: String)

    /// A review field change as `TargetChange` describes it (the UI and `set`).
    public init(_ change: TargetChange) {
        self = .edit(item: change.targetID, field: ItemField(change.field), new: change.new,
                     expectedOld: change.expectedOld, note: change.note)
    }
}

/// Where an added or moved item goes.
public enum Destination: Sendable, Equatable {
    /// Right before, or right after, another item of the same kind (in that item's parent).
    case before(String)
    case after(String)
    /// Last in a parent: a Key Issue for objectives, an objective for targets, nil (the plan) for Key Issues.
    case end(of: String?)
    /// An exact place (undo puts items back where they were).
    case place(Place)
}

/// A change that met someone else's change and lost (or won) in the merge: reported, never silent.
public struct ChangeConflict: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Someone else changed the same field meanwhile: ours was saved, theirs stays in history.
        case changedMeanwhile(field: ItemField, theirs: String, theirWho: String?, mine: String)
        /// The item (or its parent) was removed meanwhile: ours was not applied, and is in history.
        case removedMeanwhile(what: String, removedBy: String?, removedAt: String?)
    }
    public var item: String
    public var kind: Kind

    public init(item: String, kind: Kind) {
        self.item = item
        self.kind = kind
    }

    public var description: String {
        switch kind {
        case .changedMeanwhile(let field, let theirs, let who, let mine):
            return "\(Sanitizer.clean(item)) \(field.rawValue) was changed\(who.map { " by \(Sanitizer.clean($0))" } ?? "") to \"\(Sanitizer.clean(theirs))\" meanwhile; saved yours (\"\(Sanitizer.clean(mine))\"), theirs is kept in history"
        case .removedMeanwhile(let what, let by, let at):
            let whoWhen = (by.map { " by \(Sanitizer.clean($0))" } ?? "") + (at.map { " at \($0)" } ?? "")
            return "\(Sanitizer.clean(item)) was removed\(whoWhen) meanwhile: \(Sanitizer.clean(what)) was not applied (it is kept in the plan's history)"
        }
    }
}

/// A change that cannot be made at all: nothing is saved.
public enum ChangeError: Error, Sendable, Equatable, CustomStringConvertible {
    case itemNotFound(String, plan: String)
    /// `item` is a `found` where one of `expected` was needed ("add a target under a target").
    case wrongKind(String, found: ItemKind, expected: [ItemKind], doing: String)
    case intoItself(String)
    case emptyText(ItemField, item: String)
    case notAField(ItemField, of: ItemKind)
    case badValue(ItemField, value: String, expected: String)
    case idInUse(String)

    /// Not found (exit 2) rather than a mistake in what was asked (exit 64).
    public var isNotFound: Bool { if case .itemNotFound = self { return true } else { return false } }

    public var description: String {
        func q(_ s: String) -> String { "\"\(Sanitizer.clean(s))\"" }
        switch self {
        case .itemNotFound(let id, let plan):
            return "no Key Issue, objective or target \(q(id)) in plan \(Sanitizer.clean(plan)) (see `actionplan list --plan \(Sanitizer.clean(plan))`)"
        case .wrongKind(let id, let found, let expected, let doing):
            return "cannot \(doing): \(q(id)) is \(found.withArticle), expected \(expected.map(\.withArticle).joined(separator: " or "))"
        case .intoItself(let id): return "cannot move \(q(id)) into itself"
        case .emptyText(let field, let item): return "the \(field.rawValue) of \(q(item)) must not be empty"
        case .notAField(let field, let kind):
            return "a \(kind.name) has no field \(field.rawValue) (it has: \(ItemField.fields(of: kind).map(\.rawValue).joined(separator: ", ")))"
        case .badValue(let field, let value, let expected): return "\(field.rawValue): expected \(expected), found \(q(value))"
        case .idInUse(let id): return "the id \(q(id)) is already in use in this plan"
        }
    }
}
