import ActionPlanCore

/// The tree's structural keys (`a` `A` `e` `L` `t` `J` `K` `d`, and `+` in a meeting): opening the
/// form or the remove confirmation, and turning what they return into a `StructureEdit` to save.
extension AppState {
    mutating func treeEditCommand(_ command: Command, _ fx: inout [Effect]) {
        guard let d = doc else { return }
        switch command {
        case .addTarget: openAddTarget(inMeeting: false)
        case .addBranch: openAddBranch()
        case .editText: openEditText()
        case .editOfficers, .editTimescale:
            guard let target = d.selectedTarget else {
                let what = command == .editOfficers ? "lead officers" : "time scale"
                message = Message("\(KeyTable.keys(for: command)) edits a target's \(what); this is \(cursorKind): move to one of its targets")
                return
            }
            if command == .editOfficers {
                mode = .itemForm(ItemForm(.editOfficers(targetID: target.id), title: "Lead officers of target \(target.id)",
                                          fields: [ItemForm.Field(.officers, officerText(target.leadOfficers))]))
            } else {
                mode = .itemForm(ItemForm(.editTimescale(targetID: target.id), title: "Time scale of target \(target.id)",
                                          fields: [ItemForm.Field(.timescale, target.timescale)]))
            }
        case .moveItemUp, .moveItemDown:
            guard let node = d.cursor, let id = Tree.itemID(of: node, in: d.plan) else { message = Message("Nothing to move"); return }
            let down = command == .moveItemDown
            let name = itemName(node)
            guard let to = Tree.destination(moving: node, down: down, in: d.plan) else {
                message = Message("\(name.prefix(1).uppercased() + name.dropFirst()) is already the \(down ? "last" : "first")")
                return
            }
            requestStructure(StructureEdit(.move(item: id, to: to), done: "moved \(name) \(down ? "down" : "up")", item: id), &fx)
        case .removeItem:
            guard let node = d.cursor, let id = Tree.itemID(of: node, in: d.plan) else { message = Message("Nothing to remove"); return }
            mode = .confirmRemove(RemoveConfirm(node: node, item: id, name: itemName(node), text: itemText(node) ?? "",
                                                targets: Tree.targetCount(under: node, in: d.plan)))
        default: break
        }
    }

    /// `a` (and `+` in a meeting): a new target after the one selected, in the same objective.
    mutating func openAddTarget(inMeeting: Bool) {
        guard let d = doc else { return }
        var objective: NodeID
        var after: String?
        if inMeeting, let id = meeting?.current, let p = d.plan.indexPath(ofTarget: id) {
            objective = .objective(p.issue, p.objective)
            after = id
        } else {
            switch d.cursor {
            case .target(let id)?:
                guard let p = d.plan.indexPath(ofTarget: id) else { return }
                objective = .objective(p.issue, p.objective)
                after = id
            case .objective?:
                objective = d.cursor!
            default:
                message = Message("\(KeyTable.keys(for: .addTarget)) adds a target: move to an objective or a target "
                                  + "(\(KeyTable.keys(for: .addBranch)) adds an objective or a Key Issue)")
                return
            }
        }
        guard let objectiveID = Tree.itemID(of: objective, in: d.plan) else { return }
        var form = ItemForm(.addTarget(objective: objectiveID, after: after),
                            title: after.map { "New target after \($0)" } ?? "New target at the end of \(itemName(objective))",
                            fields: [ItemForm.Field(.text("Text")), ItemForm.Field(.officers), ItemForm.Field(.timescale)])
        form.inMeeting = inMeeting
        mode = .itemForm(form)
    }

    /// `A`: an objective after the selected one (its target's, on a target); on a Key Issue line, or
    /// in a plan with none, a Key Issue.
    mutating func openAddBranch() {
        guard let d = doc else { return }
        var objective: NodeID?
        switch d.cursor {
        case .objective?: objective = d.cursor
        case .target(let id)?:
            guard let p = d.plan.indexPath(ofTarget: id) else { return }
            objective = .objective(p.issue, p.objective)
        case .issue?:
            guard let id = Tree.itemID(of: d.cursor!, in: d.plan) else { return }
            mode = .itemForm(ItemForm(.addKeyIssue(after: id), title: "New Key Issue after \(itemName(d.cursor!))",
                                      fields: [ItemForm.Field(.text("Title"))]))
        case nil:
            mode = .itemForm(ItemForm(.addKeyIssue(after: nil), title: "New Key Issue", fields: [ItemForm.Field(.text("Title"))]))
        }
        guard let o = objective, case .objective(let i, _) = o, let oid = Tree.itemID(of: o, in: d.plan) else { return }
        mode = .itemForm(ItemForm(.addObjective(issue: d.plan.keyIssues[i].id, after: oid), title: "New objective after \(itemName(o))",
                                  fields: [ItemForm.Field(.text("Text"))]))
    }

    /// `e`: the selected item's text (a Key Issue's title).
    mutating func openEditText() {
        guard let d = doc, let node = d.cursor, let id = Tree.itemID(of: node, in: d.plan), let text = itemText(node) else {
            message = Message("Nothing to edit")
            return
        }
        let field: ItemField
        if case .issue = node { field = .title } else { field = .text }
        mode = .itemForm(ItemForm(.editText(item: id, field: field), title: "Edit \(itemName(node))",
                                  fields: [ItemForm.Field(.text(field == .title ? "Title" : "Text"), text)]))
    }

    /// A key while the form is open.
    mutating func itemFormInput(_ input: KeyInput, form: ItemForm, _ fx: inout [Effect]) {
        var f = form
        switch f.handle(input, officers: officersInPlan().map(\.name)) {
        case .stay: mode = .itemForm(f)
        case .cancel:
            mode = .normal
            message = Message("Cancelled; nothing changed")
        case .save(let values):
            mode = .normal
            save(f, values, &fx)
        }
    }

    /// The form's values as the change they ask for ("unchanged" when they ask for none).
    mutating func save(_ form: ItemForm, _ v: ItemForm.Values, _ fx: inout [Effect]) {
        guard let plan = doc?.plan else { return }
        var edit: StructureEdit
        switch form.purpose {
        case .addTarget(let objective, let after):
            let t = Target(id: "", text: v.text ?? "", leadOfficers: v.officers ?? [], timescale: v.timescale ?? "")
            edit = StructureEdit(.addTarget(t, to: after.map(Destination.after) ?? .end(of: objective)), done: "added", item: nil)
        case .addObjective(let issue, let after):
            let siblings = plan.keyIssue(id: issue)?.objectives ?? []
            // Numbered like its siblings: the next number when they are numbered, none when they are not.
            let number = siblings.contains { $0.number != nil } ? (siblings.compactMap(\.number).max() ?? 0) + 1 : nil
            let o = Objective(number: number, text: v.text ?? "")
            edit = StructureEdit(.addObjective(o, to: after.map(Destination.after) ?? .end(of: issue)), done: "added", item: nil)
        case .addKeyIssue(let after):
            let k = KeyIssue(number: (plan.keyIssues.map(\.number).max() ?? 0) + 1, title: v.text ?? "")
            edit = StructureEdit(.addKeyIssue(k, to: after.map(Destination.after) ?? .end(of: nil)), done: "added", item: nil)
        case .editText(let id, let field):
            let old = try? plan.value(of: field, item: id)
            guard let text = v.text, text != old else { message = Message("\(field == .title ? "Title" : "Text") unchanged"); return }
            edit = StructureEdit(.edit(item: id, field: field, new: text, expectedOld: old), done: "changed the \(field == .title ? "title" : "text") of \(name(ofItem: id))", item: id)
        case .editOfficers(let id):
            let old = plan.target(id: id)?.leadOfficers
            guard let officers = v.officers, officers != old else { message = Message("Lead officers unchanged"); return }
            // The core carries lead officers one name per line.
            edit = StructureEdit(.edit(item: id, field: .leadOfficers, new: officers.joined(separator: "\n"),
                                       expectedOld: old?.joined(separator: "\n")), done: "changed the lead officers of target \(id)", item: id)
        case .editTimescale(let id):
            let old = plan.target(id: id)?.timescale
            guard let timescale = v.timescale, timescale != old else { message = Message("Time scale unchanged"); return }
            edit = StructureEdit(.edit(item: id, field: .timescale, new: timescale, expectedOld: old), done: "changed the time scale of target \(id)", item: id)
        }
        edit.inMeeting = form.inMeeting
        requestStructure(edit, &fx)
    }

    /// A key while "Remove …?" is open.
    mutating func confirmRemoveInput(_ input: KeyInput, confirm: RemoveConfirm, _ fx: inout [Effect]) {
        switch confirm.handle(input) {
        case .stay(let note):
            message = note
        case .keep:
            mode = .normal
            message = Message("Kept \(confirm.name)")
        case .remove:
            mode = .normal
            let with = confirm.node.isTarget ? "" : " with its \(confirm.targets) target\(confirm.targets == 1 ? "" : "s")"
            requestStructure(StructureEdit(.remove(item: confirm.item), done: "removed \(confirm.name)\(with)", item: confirm.item), &fx)
        }
    }

    // MARK: - Names

    /// `itemName` of the item with this id, wherever it is now.
    func name(ofItem id: String) -> String {
        guard let plan = doc?.plan, let node = Tree.node(ofItem: id, in: plan) else { return id }
        return itemName(node)
    }

    /// "target t3", "objective CCS2", "Key Issue 2" — how messages and titles name an item.
    func itemName(_ node: NodeID) -> String {
        guard let plan = doc?.plan else { return "" }
        switch node {
        case .target(let id): return "target \(id)"
        case .objective(let i, let o):
            guard i < plan.keyIssues.count, o < plan.keyIssues[i].objectives.count else { return "objective" }
            let label = clean(plan.keyIssues[i].objectives[o].label)
            return label.isEmpty ? "objective \(o + 1) of Key Issue \(plan.keyIssues[i].number)" : "objective \(label)"
        case .issue(let i):
            guard i < plan.keyIssues.count else { return "Key Issue" }
            return "Key Issue \(plan.keyIssues[i].number)"
        }
    }

    /// The text `e` edits: a target's or objective's text, a Key Issue's title.
    func itemText(_ node: NodeID) -> String? {
        guard let plan = doc?.plan else { return nil }
        switch node {
        case .target(let id): return plan.target(id: id)?.text
        case .objective(let i, let o):
            guard i < plan.keyIssues.count, o < plan.keyIssues[i].objectives.count else { return nil }
            return plan.keyIssues[i].objectives[o].text
        case .issue(let i): return i < plan.keyIssues.count ? plan.keyIssues[i].title : nil
        }
    }

    /// Lead officers as the form shows them: `;` after each name, so what is typed is a new name.
    func officerText(_ officers: [String]) -> String { officers.map { $0 + "; " }.joined() }
}

extension NodeID {
    var isTarget: Bool { if case .target = self { return true } else { return false } }
}
