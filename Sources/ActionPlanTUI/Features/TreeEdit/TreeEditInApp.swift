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
            guard let node = d.cursor else { message = Message("Nothing to move"); return }
            let down = command == .moveItemDown
            guard let to = Tree.destination(moving: node, down: down, in: d.plan) else {
                message = Message("\(itemName(node).prefix(1).uppercased() + itemName(node).dropFirst()) is already the \(down ? "last" : "first")")
                return
            }
            requestStructure(.move(node, to: to), &fx)
        case .removeItem:
            guard let node = d.cursor else { message = Message("Nothing to remove"); return }
            mode = .confirmRemove(RemoveConfirm(node: node, name: itemName(node), text: itemText(node) ?? "",
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
        var form = ItemForm(.addTarget(objective: objective, after: after),
                            title: after.map { "New target after \($0)" } ?? "New target at the end of \(itemName(objective))",
                            fields: [ItemForm.Field(.text("Text")), ItemForm.Field(.officers), ItemForm.Field(.timescale)])
        form.inMeeting = inMeeting
        mode = .itemForm(form)
    }

    /// `A`: an objective after the selected one (its target's, on a target); on a Key Issue line, or
    /// in a plan with none, a Key Issue.
    mutating func openAddBranch() {
        guard let d = doc else { return }
        switch d.cursor {
        case .objective(let i, _)?:
            mode = .itemForm(ItemForm(.addObjective(issue: .issue(i), after: d.cursor), title: "New objective after \(itemName(d.cursor!))",
                                      fields: [ItemForm.Field(.text("Text"))]))
        case .target(let id)?:
            guard let p = d.plan.indexPath(ofTarget: id) else { return }
            let o = NodeID.objective(p.issue, p.objective)
            mode = .itemForm(ItemForm(.addObjective(issue: .issue(p.issue), after: o), title: "New objective after \(itemName(o))",
                                      fields: [ItemForm.Field(.text("Text"))]))
        case .issue?:
            mode = .itemForm(ItemForm(.addKeyIssue(after: d.cursor), title: "New Key Issue after \(itemName(d.cursor!))",
                                      fields: [ItemForm.Field(.text("Title"))]))
        case nil:
            mode = .itemForm(ItemForm(.addKeyIssue(after: nil), title: "New Key Issue", fields: [ItemForm.Field(.text("Title"))]))
        }
    }

    /// `e`: the selected item's text (a Key Issue's title).
    mutating func openEditText() {
        guard let node = doc?.cursor, let text = itemText(node) else { message = Message("Nothing to edit"); return }
        let label: String
        if case .issue = node { label = "Title" } else { label = "Text" }
        mode = .itemForm(ItemForm(.editText(node), title: "Edit \(itemName(node))", fields: [ItemForm.Field(.text(label), text)]))
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
        let edit: StructureEdit
        switch form.purpose {
        case .addTarget(let objective, let after):
            edit = .addTarget(objective: objective, after: after, text: v.text ?? "", officers: v.officers ?? [], timescale: v.timescale ?? "")
        case .addObjective(let issue, let after): edit = .addObjective(issue: issue, after: after, text: v.text ?? "")
        case .addKeyIssue(let after): edit = .addKeyIssue(after: after, title: v.text ?? "")
        case .editText(let node):
            guard let text = v.text, text != itemText(node) else { message = Message("Text unchanged"); return }
            edit = .setText(node, text)
        case .editOfficers(let id):
            guard let officers = v.officers, officers != doc?.plan.target(id: id)?.leadOfficers else {
                message = Message("Lead officers unchanged")
                return
            }
            edit = .setOfficers(targetID: id, officers)
        case .editTimescale(let id):
            guard let timescale = v.timescale, timescale != doc?.plan.target(id: id)?.timescale else {
                message = Message("Time scale unchanged")
                return
            }
            edit = .setTimescale(targetID: id, timescale)
        }
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
            requestStructure(.remove(confirm.node), &fx)
        }
    }

    // MARK: - Names

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

extension AppState {
    /// Asks for a structural change to be saved. Unsaved status and text changes go first, so the
    /// change is made on top of them.
    mutating func requestStructure(_ edit: StructureEdit, _ fx: inout [Effect]) {
        guard let d = doc else { return }
        if !d.pending.isEmpty { fx.append(.commit(planID: d.id, changes: d.pending, base: d.base)) }
        fx.append(.structure(planID: d.id, edit: edit, base: d.base))
    }
}
