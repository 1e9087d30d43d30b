import Foundation

/// `Plan` → the bytes of its file, exactly the keys of docs/FORMAT.md plus the unknown keys the file had:
/// keys in Unicode scalar order, two-space indent, one member or element per line, non-ASCII text raw, a final
/// newline (the layout of JSONWriter). Written straight from the model, with no JSON tree in between (building
/// one took most of a save's time on large plans). Unknown keys kept in an object's `extras` are merged into
/// their sorted places by the same code, so a plan with extras is written the same way as one without.
/// Empty optional text is left out so hand-written files stay short.
///
/// Each level writes its known keys in sorted order (checked by an assertion in `key`).
struct PlanEncoder {
    private var out: [UInt8] = []
    /// Per open object or array: whether nothing has been written in it yet.
    private var empty: [Bool] = []
    /// Per open object: its unknown members, sorted, and how many of them have been written.
    private var unknown: [(members: [JSONMember], written: Int)] = []
    #if DEBUG
    private var lastKey: [String] = []
    #endif

    /// Items without ids (a plan built in memory) get them here, as on load (`Plan.assignMissingIds`).
    static func encode(_ plan: Plan) -> [UInt8] {
        let plan = plan.withIds()
        var e = PlanEncoder()
        e.out.reserveCapacity(4096 + plan.keyIssues.count * 256 + plan.targetCount * 640)
        e.plan(plan)
        e.out.append(0x0A)
        return e.out
    }

    // MARK: - Levels (known keys in sorted order)

    private mutating func plan(_ p: Plan) {
        beginObject(p.extras)
        if let asAt = p.asAt { key("asAt"); string(asAt.description) }
        optional("department", p.department)
        if !p.history.isEmpty { key("history"); array(p.history) { e, h in e.history(h) } }
        key("id"); string(p.id)
        key("keyIssues"); array(p.keyIssues) { e, issue in e.keyIssue(issue) }
        if p.lastChange > 0 { key("lastChange"); number(Double(p.lastChange)) }
        key("nextIssueId"); number(Double(p.nextKeyIssueId))
        key("nextObjectiveId"); number(Double(p.nextObjectiveId))
        key("nextTargetId"); number(Double(p.nextTargetId))
        if !p.notes.isEmpty { key("notes"); array(p.notes) { e, note in e.string(note) } }
        optional("organisation", p.organisation)
        if !p.paper.isEmpty { key("paper"); paper(p.paper) }
        if let period = p.period { key("period"); self.period(period) }
        if !p.reviews.isEmpty { key("reviews"); array(p.reviews) { e, r in e.review(r) } }
        key("schemaVersion"); number(Double(Plan.schemaVersion))
        optional("source", p.source)
        key("title"); string(p.title)
        endObject()
    }

    private mutating func period(_ p: Period) {
        beginObject(p.extras)
        key("end"); string(p.end.description)
        key("start"); string(p.start.description)
        endObject()
    }

    private mutating func keyIssue(_ k: KeyIssue) {
        beginObject(k.extras)
        key("id"); string(k.id)
        key("number"); number(Double(k.number))
        key("objectives"); array(k.objectives) { e, o in e.objective(o) }
        optional("statement", k.statement)
        key("title"); string(k.title)
        endObject()
    }

    private mutating func objective(_ o: Objective) {
        beginObject(o.extras)
        if let code = o.code { key("code"); string(code) }
        optional("expectedOutcome", o.expectedOutcome)
        key("id"); string(o.id)
        if let n = o.number { key("number"); number(Double(n)) }
        key("targets"); array(o.targets) { e, t in e.target(t) }
        key("text"); string(o.text)
        endObject()
    }

    private mutating func target(_ t: Target) {
        beginObject(t.extras)
        if let from = t.carriedFrom { key("carriedFrom"); string(from) }
        optional("comment", t.comment)
        if let due = t.due { key("due"); string(due.description) }
        optional("forecast", t.forecast)
        if !t.history.isEmpty { key("history"); array(t.history) { e, h in e.history(h) } }
        key("id"); string(t.id)
        key("leadOfficers"); array(t.leadOfficers) { e, name in e.string(name) }
        if let m = t.measure, !m.isEmpty { key("measure"); measure(m) }
        key("status"); string(t.status.rawValue)
        key("text"); string(t.text)
        key("timescale"); string(t.timescale)
        endObject()
    }

    private mutating func measure(_ m: Measure) {
        beginObject(m.extras)
        if let v = m.actual { key("actual"); number(v) }
        if let v = m.baseline { key("baseline"); number(v) }
        if let b = m.better { key("better"); string(b.rawValue) }
        if let v = m.target { key("target"); number(v) }
        if let unit = m.unit { key("unit"); string(unit) }
        endObject()
    }

    private mutating func history(_ h: HistoryEntry) {
        beginObject(h.extras)
        if let a = h.action { key("action"); string(a.rawValue) }
        if let n = h.change { key("change"); number(Double(n)) }
        if let f = h.field { key("field"); string(f.rawValue) }
        if let place = h.from { key("from"); string(place.description) }
        if let item = h.item { key("item"); string(item) }
        if h.field != nil || !h.new.isEmpty { key("new"); string(h.new) }
        if let note = h.note { key("note"); string(note) }
        if h.field != nil || !h.old.isEmpty { key("old"); string(h.old) }
        switch h.removed {
        case .keyIssue(let k)?: key("removedIssue"); keyIssue(k)
        case .objective(let o)?: key("removedObjective"); objective(o)
        case .target(let t)?: key("removedTarget"); target(t)
        case nil: break
        }
        if let place = h.to { key("to"); string(place.description) }
        if let n = h.undoes { key("undoes"); number(Double(n)) }
        key("when"); string(h.when)
        key("who"); string(h.who)
        endObject()
    }

    private mutating func review(_ r: Review) {
        beginObject(r.extras)
        key("asAt"); string(r.asAt.description)
        if let closed = r.closedAt { key("closedAt"); string(closed) }
        key("number"); number(Double(r.number))
        optional("openedAt", r.openedAt)
        if let opening = r.opening { key("opening"); array(opening) { e, s in e.snapshot(s) } }
        // An open review has no snapshot yet (docs/FORMAT.md); a closed one always has one, even if empty.
        if r.closedAt != nil || !r.snapshot.isEmpty { key("snapshot"); array(r.snapshot) { e, s in e.snapshot(s) } }
        optional("title", r.title)
        endObject()
    }

    private mutating func paper(_ p: PaperDetails) {
        beginObject(p.extras)
        if !p.backgroundDocuments.isEmpty { key("background"); array(p.backgroundDocuments) { e, s in e.string(s) } }
        if !p.by.isEmpty { key("by"); array(p.by) { e, s in e.string(s) } }
        optional("classification", p.classification)
        if !p.contact.isEmpty { key("contact"); array(p.contact) { e, s in e.string(s) } }
        if !p.recommendations.isEmpty { key("recommendations"); array(p.recommendations) { e, s in e.string(s) } }
        optional("subject", p.subject)
        optional("summary", p.summary)
        optional("to", p.to)
        endObject()
    }

    private mutating func snapshot(_ s: TargetSnapshot) {
        beginObject(s.extras)
        if let actual = s.actual { key("actual"); number(actual) }
        optional("comment", s.comment)
        optional("forecast", s.forecast)
        key("id"); string(s.id)
        key("status"); string(s.status.rawValue)
        endObject()
    }

    // MARK: - Objects and their unknown members

    private mutating func beginObject(_ extras: [JSONMember]) {
        begin("{")
        unknown.append((extras.isEmpty ? extras : JSONWriter.sortedByKey(extras), 0))
        #if DEBUG
        lastKey.append("")
        #endif
    }

    private mutating func endObject() {
        writeUnknown { _ in true }
        unknown.removeLast()
        #if DEBUG
        lastKey.removeLast()
        #endif
        end("}")
    }

    /// A known key, after the unknown keys of this object that sort before it.
    private mutating func key(_ name: StaticString) {
        #if DEBUG
        let text = name.description
        assert(lastKey[lastKey.count - 1].isEmpty || utf8Precedes(lastKey[lastKey.count - 1], text), "PlanEncoder: \(text) written out of order")
        lastKey[lastKey.count - 1] = text
        #endif
        if !unknown[unknown.count - 1].members.isEmpty { writeUnknown { Self.precedes($0, name) } }
        next()
        out.append(UInt8(ascii: "\""))
        out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        out.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":"), UInt8(ascii: " ")])
    }

    /// Writes the next unknown members of the innermost object for as long as `condition` holds for their keys.
    private mutating func writeUnknown(while condition: (String) -> Bool) {
        let level = unknown.count - 1
        while unknown[level].written < unknown[level].members.count {
            let member = unknown[level].members[unknown[level].written]
            guard condition(member.key) else { return }
            next()
            JSONWriter.appendQuoted(member.key, to: &out)
            out.append(contentsOf: [UInt8(ascii: ":"), UInt8(ascii: " ")])
            JSONWriter.write(member.value, indent: empty.count, sortKeys: true, into: &out)
            unknown[level].written += 1
        }
    }

    private static func precedes(_ key: String, _ name: StaticString) -> Bool {
        var key = key
        return key.withUTF8 { k in
            let common = min(k.count, name.utf8CodeUnitCount)
            let order = common == 0 ? 0 : memcmp(k.baseAddress!, name.utf8Start, common)
            return order != 0 ? order < 0 : k.count < name.utf8CodeUnitCount
        }
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

    private mutating func optional(_ name: StaticString, _ text: String) {
        if !text.isEmpty { key(name); string(text) }
    }

    private mutating func array<C: Collection>(_ items: C, _ element: (inout PlanEncoder, C.Element) -> Void) {
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
}
