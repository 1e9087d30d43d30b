/// Writes a plan file's bytes straight from the model, in exactly the layout JSONWriter gives
/// `PlanEncoder.encode(plan)` (sorted keys, two-space indent, trailing newline) but without building
/// the intermediate JSON tree, which took most of a save's time on large plans. An object that holds
/// unknown keys kept from the file is written through the tree (rare), so extras stay in sorted place.
struct PlanWriter {
    private(set) var out: [UInt8] = []
    /// Per open object/array: whether nothing has been written in it yet.
    private var empty: [Bool] = []

    static func encode(_ plan: Plan) -> [UInt8] {
        var w = PlanWriter()
        w.out.reserveCapacity(4096 + plan.keyIssues.count * 256 + plan.allTargetsCount * 640)
        w.plan(plan)
        w.out.append(0x0A)
        return w.out
    }

    // MARK: - Levels (keys in sorted order, as PlanEncoder appends them)

    private mutating func plan(_ p: Plan) {
        guard p.extras.isEmpty else { return value(PlanEncoder.encode(p)) }
        begin("{")
        if let asAt = p.asAt { key("asAt"); string(asAt.description) }
        optional("department", p.department)
        key("id"); string(p.id)
        key("keyIssues"); array(p.keyIssues) { w, issue in w.keyIssue(issue) }
        key("nextTargetId"); number(Double(p.nextTargetId))
        if !p.notes.isEmpty { key("notes"); array(p.notes) { w, note in w.string(note) } }
        optional("organisation", p.organisation)
        if let period = p.period {
            key("period"); begin("{")
            key("end"); string(period.end.description)
            key("start"); string(period.start.description)
            end("}")
        }
        if !p.reviews.isEmpty { key("reviews"); value(.array(p.reviews.map(PlanEncoder.encode))) }
        key("schemaVersion"); number(Double(Plan.schemaVersion))
        optional("source", p.source)
        key("title"); string(p.title)
        end("}")
    }

    private mutating func keyIssue(_ k: KeyIssue) {
        guard k.extras.isEmpty else { return value(PlanEncoder.encode(k)) }
        begin("{")
        key("number"); number(Double(k.number))
        key("objectives"); array(k.objectives) { w, o in w.objective(o) }
        optional("statement", k.statement)
        key("title"); string(k.title)
        end("}")
    }

    private mutating func objective(_ o: Objective) {
        guard o.extras.isEmpty else { return value(PlanEncoder.encode(o)) }
        begin("{")
        if let code = o.code { key("code"); string(code) }
        optional("expectedOutcome", o.expectedOutcome)
        if let n = o.number { key("number"); number(Double(n)) }
        key("targets"); array(o.targets) { w, t in w.target(t) }
        key("text"); string(o.text)
        end("}")
    }

    private mutating func target(_ t: Target) {
        guard t.extras.isEmpty else { return value(PlanEncoder.encode(t)) }
        begin("{")
        optional("comment", t.comment)
        if let due = t.due { key("due"); string(due.description) }
        optional("forecast", t.forecast)
        if !t.history.isEmpty { key("history"); array(t.history) { w, h in w.history(h) } }
        key("id"); string(t.id)
        key("leadOfficers"); array(t.leadOfficers) { w, name in w.string(name) }
        if let m = t.measure, !m.isEmpty { key("measure"); value(PlanEncoder.encode(m)) }
        key("status"); string(t.status.rawValue)
        key("text"); string(t.text)
        key("timescale"); string(t.timescale)
        end("}")
    }

    private mutating func history(_ h: HistoryEntry) {
        guard h.extras.isEmpty else { return value(PlanEncoder.encode(h)) }
        begin("{")
        key("field"); string(h.field.rawValue)
        key("new"); string(h.new)
        if let note = h.note { key("note"); string(note) }
        key("old"); string(h.old)
        key("when"); string(h.when)
        key("who"); string(h.who)
        end("}")
    }

    // MARK: - Layout

    private mutating func begin(_ bracket: Unicode.Scalar) {
        out.append(UInt8(bracket.value))
        empty.append(true)
    }

    private mutating func end(_ bracket: Unicode.Scalar) {
        if !empty.removeLast() { JSONWriter.newline(empty.count, into: &out) }
        out.append(UInt8(bracket.value))
    }

    /// The comma (if not first) and line break before a member or element.
    private mutating func next() {
        if empty[empty.count - 1] { empty[empty.count - 1] = false } else { out.append(UInt8(ascii: ",")) }
        JSONWriter.newline(empty.count, into: &out)
    }

    private mutating func key(_ name: StaticString) {
        next()
        out.append(UInt8(ascii: "\""))
        out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        out.append(UInt8(ascii: "\""))
        out.append(UInt8(ascii: ":"))
        out.append(UInt8(ascii: " "))
    }

    private mutating func optional(_ name: StaticString, _ text: String) {
        if !text.isEmpty { key(name); string(text) }
    }

    private mutating func array<C: Collection>(_ items: C, _ element: (inout PlanWriter, C.Element) -> Void) {
        guard !items.isEmpty else { out.append(contentsOf: [UInt8(ascii: "["), UInt8(ascii: "]")]); return }
        begin("[")
        for item in items {
            next()
            element(&self, item)
        }
        end("]")
    }

    private mutating func string(_ s: String) { JSONWriter.appendQuoted(s, to: &out) }
    private mutating func number(_ d: Double) { JSONWriter.appendNumber(d, to: &out) }
    /// A value written through the tree writer at the current depth (objects with unknown keys, reviews).
    private mutating func value(_ v: JSONValue) { JSONWriter.write(v, indent: empty.count, sortKeys: true, into: &out) }
}

extension Plan {
    var allTargetsCount: Int { keyIssues.reduce(0) { $0 + $1.objectives.reduce(0) { $0 + $1.targets.count } } }
}
