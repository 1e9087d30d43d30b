/// `Plan` → JSON, exactly the keys of docs/FORMAT.md plus whatever unknown keys the file had.
/// Empty optional text is left out so hand-written files stay short; the writer sorts keys.
enum PlanEncoder {
    static func encode(_ plan: Plan) -> JSONValue {
        var m: [JSONMember] = [
            JSONMember("schemaVersion", .number(Double(Plan.schemaVersion))),
            JSONMember("id", .string(plan.id)),
            JSONMember("title", .string(plan.title)),
            JSONMember("nextTargetId", .number(Double(plan.nextTargetId))),
            JSONMember("keyIssues", .array(plan.keyIssues.map(encode))),
        ]
        optional(&m, "organisation", plan.organisation)
        optional(&m, "department", plan.department)
        optional(&m, "source", plan.source)
        if let period = plan.period {
            m.append(JSONMember("period", .object([
                JSONMember("start", .string(period.start.description)),
                JSONMember("end", .string(period.end.description)),
            ])))
        }
        if let asAt = plan.asAt { m.append(JSONMember("asAt", .string(asAt.description))) }
        if !plan.notes.isEmpty { m.append(JSONMember("notes", .array(plan.notes.map { .string($0) }))) }
        if !plan.reviews.isEmpty { m.append(JSONMember("reviews", .array(plan.reviews.map(encode)))) }
        return .object(m + plan.extras)
    }

    static func encode(_ issue: KeyIssue) -> JSONValue {
        var m: [JSONMember] = [
            JSONMember("number", .number(Double(issue.number))),
            JSONMember("title", .string(issue.title)),
            JSONMember("objectives", .array(issue.objectives.map(encode))),
        ]
        optional(&m, "statement", issue.statement)
        return .object(m + issue.extras)
    }

    static func encode(_ o: Objective) -> JSONValue {
        var m: [JSONMember] = [
            JSONMember("text", .string(o.text)),
            JSONMember("targets", .array(o.targets.map(encode))),
        ]
        if let number = o.number { m.append(JSONMember("number", .number(Double(number)))) }
        if let code = o.code { m.append(JSONMember("code", .string(code))) }
        optional(&m, "expectedOutcome", o.expectedOutcome)
        return .object(m + o.extras)
    }

    static func encode(_ t: Target) -> JSONValue {
        var m: [JSONMember] = [
            JSONMember("id", .string(t.id)),
            JSONMember("text", .string(t.text)),
            JSONMember("leadOfficers", .array(t.leadOfficers.map { .string($0) })),
            JSONMember("timescale", .string(t.timescale)),
            JSONMember("status", .string(t.status.rawValue)),
        ]
        if let due = t.due { m.append(JSONMember("due", .string(due.description))) }
        optional(&m, "comment", t.comment)
        optional(&m, "forecast", t.forecast)
        if let measure = t.measure, !measure.isEmpty { m.append(JSONMember("measure", encode(measure))) }
        if !t.history.isEmpty { m.append(JSONMember("history", .array(t.history.map(encode)))) }
        return .object(m + t.extras)
    }

    static func encode(_ measure: Measure) -> JSONValue {
        var m: [JSONMember] = []
        if let unit = measure.unit { m.append(JSONMember("unit", .string(unit))) }
        if let v = measure.baseline { m.append(JSONMember("baseline", .number(v))) }
        if let v = measure.target { m.append(JSONMember("target", .number(v))) }
        if let v = measure.actual { m.append(JSONMember("actual", .number(v))) }
        if let b = measure.better { m.append(JSONMember("better", .string(b.rawValue))) }
        return .object(m + measure.extras)
    }

    static func encode(_ h: HistoryEntry) -> JSONValue {
        var m: [JSONMember] = [
            JSONMember("when", .string(h.when)),
            JSONMember("who", .string(h.who)),
            JSONMember("field", .string(h.field.rawValue)),
            JSONMember("old", .string(h.old)),
            JSONMember("new", .string(h.new)),
        ]
        if let note = h.note { m.append(JSONMember("note", .string(note))) }
        return .object(m + h.extras)
    }

    static func encode(_ r: Review) -> JSONValue {
        var m: [JSONMember] = [
            JSONMember("number", .number(Double(r.number))),
            JSONMember("asAt", .string(r.asAt.description)),
            JSONMember("snapshot", .array(r.snapshot.map { s in
                var fields: [JSONMember] = [
                    JSONMember("id", .string(s.id)),
                    JSONMember("status", .string(s.status.rawValue)),
                ]
                optional(&fields, "comment", s.comment)
                optional(&fields, "forecast", s.forecast)
                return .object(fields)
            })),
        ]
        optional(&m, "title", r.title)
        optional(&m, "openedAt", r.openedAt)
        if let closed = r.closedAt { m.append(JSONMember("closedAt", .string(closed))) }
        return .object(m + r.extras)
    }

    private static func optional(_ m: inout [JSONMember], _ key: String, _ value: String) {
        if !value.isEmpty { m.append(JSONMember(key, .string(value))) }
    }
}
