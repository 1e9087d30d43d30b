/// What changed in a plan between two versions, in the words sync prints and puts in commit messages:
/// "t4 met, t9 comment, t12 added", grouped by the person history records for each change.
public struct ChangeSummary: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        /// Who made it, from history ("" when history does not say: a plan added or replaced whole).
        public var who: String
        public var when: String
        /// "t4 met", "t9 comment", "t12 added".
        public var text: String
    }

    public var planID: String
    public var items: [Item]

    public var isEmpty: Bool { items.isEmpty }

    /// The changes from `old` (nil: the plan is new) to `new` (nil: the plan was removed).
    public static func between(_ old: Plan?, _ new: Plan?, planID: String) -> ChangeSummary {
        guard let new else { return ChangeSummary(planID: planID, items: [Item(who: "", when: "", text: "plan removed")]) }
        guard let old else {
            let first = new.allTargets.flatMap(\.history).min { $0.when < $1.when }
            return ChangeSummary(planID: planID, items: [Item(who: first?.who ?? "", when: first?.when ?? "",
                                                              text: "plan added (\(new.targetCount) target\(new.targetCount == 1 ? "" : "s"))")])
        }
        var items: [Item] = []
        let oldIDs = Set(old.allTargets.map(\.id))
        let newIDs = Set(new.allTargets.map(\.id))
        for target in new.allTargets {
            guard let before = old.target(id: target.id) else {
                let entry = target.history.first
                items.append(Item(who: entry?.who ?? "", when: entry?.when ?? "", text: "\(target.id) added"))
                continue
            }
            let added = PlanMerge.newEntries(base: before.history, side: target.history)
            var described = Set<TargetField>()
            for entry in added {
                guard let field = entry.field?.targetField, !described.contains(field), target.value(of: field) != before.value(of: field) else { continue }
                described.insert(field)
                items.append(Item(who: entry.who, when: entry.when, text: describe(target, field)))
            }
            // Changed without a history entry (a file edited by hand, a restore): still said.
            for field in TargetField.allCases where !described.contains(field) && target.value(of: field) != before.value(of: field) {
                items.append(Item(who: "", when: "", text: describe(target, field)))
            }
            if Skeleton.target(target) != Skeleton.target(before) {
                items.append(Item(who: "", when: "", text: "\(target.id) edited"))
            }
        }
        for id in oldIDs.subtracting(newIDs).sorted() {
            items.append(Item(who: "", when: "", text: "\(id) removed"))
        }
        if items.isEmpty, old != new {
            items.append(Item(who: "", when: "", text: old.reviews != new.reviews ? "reviews changed" : "plan details changed"))
        }
        return ChangeSummary(planID: planID, items: items)
    }

    static func describe(_ target: Target, _ field: TargetField) -> String {
        switch field {
        case .status: return "\(target.id) \(target.status.argument)"
        case .comment, .forecast: return "\(target.id) \(field.rawValue)"
        }
    }

    /// "luton-dis: 3 changes from jo: t4 met, t9 comment, t12 added" — one line per person.
    public var lines: [String] {
        var order: [String] = []
        var byWho: [String: [String]] = [:]
        for item in items {
            if byWho[item.who] == nil { order.append(item.who) }
            byWho[item.who, default: []].append(item.text)
        }
        return order.map { who in
            let texts = byWho[who] ?? []
            let from = who.isEmpty ? "" : " from \(Sanitizer.clean(who))"
            return "\(planID): \(texts.count) change\(texts.count == 1 ? "" : "s")\(from): \(texts.joined(separator: ", "))"
        }
    }

}

extension Skeleton {
    /// A target without its review fields and history: what "edited" means in a summary.
    static func target(_ t: Target) -> Target {
        var t = t
        t.status = .notAssessed
        t.comment = ""
        t.forecast = ""
        t.history = []
        return t
    }
}
