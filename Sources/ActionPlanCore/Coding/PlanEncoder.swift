/// `Plan` → JSON, exactly the keys of docs/FORMAT.md plus whatever unknown keys the file had.
/// Empty optional text is left out so hand-written files stay short.
///
/// Members are appended in sorted key order by construction, so the writer's "already sorted" check
/// passes and no object is sorted on save (a real sort happens only when a file has unknown keys).
enum PlanEncoder {
    static func encode(_ plan: Plan) -> JSONValue {
        var m: [JSONMember] = []
        m.reserveCapacity(12)
        if let asAt = plan.asAt { m.append(JSONMember("asAt", .string(asAt.description))) }
        optional(&m, "department", plan.department)
        m.append(JSONMember("id", .string(plan.id)))
        m.append(JSONMember("keyIssues", .array(plan.keyIssues.map(encode))))
        m.append(JSONMember("nextTargetId", .number(Double(plan.nextTargetId))))
        if !plan.notes.isEmpty { m.append(JSONMember("notes", .array(plan.notes.map { .string($0) }))) }
        optional(&m, "organisation", plan.organisation)
        if let period = plan.period {
            m.append(JSONMember("period", .object([
                JSONMember("end", .string(period.end.description)),
                JSONMember("start", .string(period.start.description)),
            ])))
        }
        if !plan.reviews.isEmpty { m.append(JSONMember("reviews", .array(plan.reviews.map(encode)))) }
        m.append(JSONMember("schemaVersion", .number(Double(Plan.schemaVersion))))
        optional(&m, "source", plan.source)
        m.append(JSONMember("title", .string(plan.title)))
        return object(m, plan.extras)
    }

    static func encode(_ issue: KeyIssue) -> JSONValue {
        var m: [JSONMember] = [
            JSONMember("number", .number(Double(issue.number))),
            JSONMember("objectives", .array(issue.objectives.map(encode))),
        ]
        optional(&m, "statement", issue.statement)
        m.append(JSONMember("title", .string(issue.title)))
        return object(m, issue.extras)
    }

    static func encode(_ o: Objective) -> JSONValue {
        var m: [JSONMember] = []
        if let code = o.code { m.append(JSONMember("code", .string(code))) }
        optional(&m, "expectedOutcome", o.expectedOutcome)
        if let number = o.number { m.append(JSONMember("number", .number(Double(number)))) }
        m.append(JSONMember("targets", .array(o.targets.map(encode))))
        m.append(JSONMember("text", .string(o.text)))
        return object(m, o.extras)
    }

    static func encode(_ t: Target) -> JSONValue {
        var m: [JSONMember] = []
        m.reserveCapacity(10)
        optional(&m, "comment", t.comment)
        if let due = t.due { m.append(JSONMember("due", .string(due.description))) }
        optional(&m, "forecast", t.forecast)
        if !t.history.isEmpty { m.append(JSONMember("history", .array(t.history.map(encode)))) }
        m.append(JSONMember("id", .string(t.id)))
        m.append(JSONMember("leadOfficers", .array(t.leadOfficers.map { .string($0) })))
        if let measure = t.measure, !measure.isEmpty { m.append(JSONMember("measure", encode(measure))) }
        m.append(JSONMember("status", .string(t.status.rawValue)))
        m.append(JSONMember("text", .string(t.text)))
        m.append(JSONMember("timescale", .string(t.timescale)))
        return object(m, t.extras)
    }

    static func encode(_ measure: Measure) -> JSONValue {
        var m: [JSONMember] = []
        if let v = measure.actual { m.append(JSONMember("actual", .number(v))) }
        if let v = measure.baseline { m.append(JSONMember("baseline", .number(v))) }
        if let b = measure.better { m.append(JSONMember("better", .string(b.rawValue))) }
        if let v = measure.target { m.append(JSONMember("target", .number(v))) }
        if let unit = measure.unit { m.append(JSONMember("unit", .string(unit))) }
        return object(m, measure.extras)
    }

    static func encode(_ h: HistoryEntry) -> JSONValue {
        var m: [JSONMember] = [
            JSONMember("field", .string(h.field.rawValue)),
            JSONMember("new", .string(h.new)),
        ]
        if let note = h.note { m.append(JSONMember("note", .string(note))) }
        m.append(JSONMember("old", .string(h.old)))
        m.append(JSONMember("when", .string(h.when)))
        m.append(JSONMember("who", .string(h.who)))
        return object(m, h.extras)
    }

    static func encode(_ r: Review) -> JSONValue {
        var m: [JSONMember] = [JSONMember("asAt", .string(r.asAt.description))]
        if let closed = r.closedAt { m.append(JSONMember("closedAt", .string(closed))) }
        m.append(JSONMember("number", .number(Double(r.number))))
        optional(&m, "openedAt", r.openedAt)
        m.append(JSONMember("snapshot", .array(r.snapshot.map { s in
            var fields: [JSONMember] = []
            optional(&fields, "comment", s.comment)
            optional(&fields, "forecast", s.forecast)
            fields.append(JSONMember("id", .string(s.id)))
            fields.append(JSONMember("status", .string(s.status.rawValue)))
            return .object(fields)
        })))
        optional(&m, "title", r.title)
        return object(m, r.extras)
    }

    /// Known members (already sorted) plus any unknown ones kept from the file; only then is a sort needed.
    private static func object(_ known: [JSONMember], _ extras: [JSONMember]) -> JSONValue {
        guard !extras.isEmpty else { return .object(known) }
        return .object((known + extras).sorted { utf8Precedes($0.key, $1.key) })
    }

    private static func optional(_ m: inout [JSONMember], _ key: String, _ value: String) {
        if !value.isEmpty { m.append(JSONMember(key, .string(value))) }
    }
}
