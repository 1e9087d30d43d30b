// The tree-walking PlanDecoder as it was before decoding moved onto JSONReader, kept unchanged as the
// oracle for PlanDecoderEquivalenceTests: the two must agree on every plan, problem and unknown key.
@testable import ActionPlanCore

/// Turns a parsed JSON document into a `Plan`, checking every field against docs/FORMAT.md.
/// It keeps going after a problem so `validate` can report all of them; `problems` lists them
/// as (JSON path, message). Paths are built only when something is wrong (they cost more than the
/// decoding itself on large plans). Unknown keys are kept in `extras` and listed in `unknownKeys`.
struct TreePlanDecoder {
    private(set) var problems: [(path: String, message: String)] = []
    private(set) var unknownKeys: [String] = []
    private var targetIDs = Set<String>()
    private var duplicateTargetIDs: [(id: String, path: String)] = []

    mutating func decode(_ root: JSONValue) -> Plan? {
        guard case .object(let members) = root else {
            fail("$", "expected the plan object ({ … }), found \(root.typeName)")
            return nil
        }
        var plan = Plan(id: "", title: "")
        var sawId = false, sawTitle = false, sawVersion = false, sawIssues = false
        var nextTargetId: Int?
        for member in members {
            let path = { "$." + member.key }
            switch member.key {
            case "schemaVersion":
                sawVersion = true
                if let v = int(member.value, path()) {
                    if v > Plan.schemaVersion {
                        fail(path(), "schemaVersion \(v) is newer than this program understands (\(Plan.schemaVersion)); upgrade actionplan to open this file")
                    } else if v < 1 {
                        fail(path(), "expected schemaVersion \(Plan.schemaVersion), found \(v)")
                    }
                }
            case "id":
                sawId = true
                if let s = string(member.value, path()) {
                    plan.id = s
                    if let why = PlanID.problem(with: s) { fail(path(), why) }
                }
            case "title": sawTitle = true; plan.title = string(member.value, path()) ?? ""
            case "organisation": plan.organisation = string(member.value, path()) ?? ""
            case "department": plan.department = string(member.value, path()) ?? ""
            case "source": plan.source = string(member.value, path()) ?? ""
            case "notes": plan.notes = strings(member.value, path())
            case "asAt": plan.asAt = day(member.value, path())
            case "period": plan.period = period(member.value, path())
            case "nextTargetId": nextTargetId = int(member.value, path())
            case "keyIssues":
                sawIssues = true
                if let items = array(member.value, path()) {
                    plan.keyIssues.reserveCapacity(items.count)
                    for (i, item) in items.enumerated() {
                        if let issue = keyIssue(item, "\(path())[\(i)]") { plan.keyIssues.append(issue) }
                    }
                }
            case "reviews":
                if let items = array(member.value, path()) {
                    var numbers = Set<Int>(), open: Int?
                    for (i, item) in items.enumerated() {
                        guard let review = review(item, "\(path())[\(i)]") else { continue }
                        if !numbers.insert(review.number).inserted {
                            fail("\(path())[\(i)].number", "duplicate review number \(review.number)")
                        }
                        if review.closedAt == nil {
                            if let open { fail("\(path())[\(i)]", "review \(review.number) is open, but so is review \(open); at most one review may be open (give one a \"closedAt\")") }
                            open = review.number
                        }
                        plan.reviews.append(review)
                    }
                }
            default:
                plan.extras.append(member)
                unknownKeys.append(path())
            }
        }
        if !sawVersion { fail("$", "missing required key \"schemaVersion\" (expected \(Plan.schemaVersion))") }
        if !sawId { fail("$", "missing required key \"id\"") }
        if !sawTitle { fail("$", "missing required key \"title\"") }
        if !sawIssues { fail("$", "missing required key \"keyIssues\" (an array, may be empty)") }
        for duplicate in duplicateTargetIDs {
            // Where the id was first used: the first target with it, in document order.
            var first = "an earlier target"
            if let p = plan.indexPath(ofTarget: duplicate.id) {
                first = "$.keyIssues[\(p.issue)].objectives[\(p.objective)].targets[\(p.target)]"
            }
            fail(duplicate.path, "duplicate target id \"\(duplicate.id)\" (first used at \(first))")
        }
        let highest = plan.allTargets.compactMap { TargetID.number(in: $0.id) }.max() ?? 0
        if let n = nextTargetId, n < 1 || n > TargetID.maxNumber + 1 {
            fail("$.nextTargetId", "expected a number from 1 to \(TargetID.maxNumber + 1), found \(n)")
        }
        plan.nextTargetId = min(max(nextTargetId ?? 0, highest + 1), TargetID.maxNumber + 1)
        return plan
    }

    // MARK: - Levels

    private mutating func keyIssue(_ value: JSONValue, _ path: @autoclosure () -> String) -> KeyIssue? {
        guard let members = object(value, path()) else { return nil }
        var issue = KeyIssue(number: 0, title: "")
        var sawNumber = false, sawTitle = false, sawObjectives = false
        for member in members {
                        switch member.key {
            case "number": sawNumber = true; issue.number = int(member.value, path() + "." + member.key) ?? 0
            case "title": sawTitle = true; issue.title = string(member.value, path() + "." + member.key) ?? ""
            case "statement": issue.statement = string(member.value, path() + "." + member.key) ?? ""
            case "objectives":
                sawObjectives = true
                if let items = array(member.value, path() + "." + member.key) {
                    issue.objectives.reserveCapacity(items.count)
                    for (i, item) in items.enumerated() {
                        if let o = objective(item, "\(path()).\(member.key)[\(i)]") { issue.objectives.append(o) }
                    }
                }
            default: issue.extras.append(member); unknownKeys.append(path() + "." + member.key)
            }
        }
        if !sawNumber { fail(path(), "missing required key \"number\" (the Key Issue's number)") }
        if !sawTitle { fail(path(), "missing required key \"title\"") }
        if !sawObjectives { fail(path(), "missing required key \"objectives\" (an array, may be empty)") }
        return issue
    }

    private mutating func objective(_ value: JSONValue, _ path: @autoclosure () -> String) -> Objective? {
        guard let members = object(value, path()) else { return nil }
        var o = Objective(text: "")
        var sawText = false, sawTargets = false
        for member in members {
                        switch member.key {
            case "number": o.number = int(member.value, path() + "." + member.key)
            case "code": o.code = string(member.value, path() + "." + member.key)
            case "text": sawText = true; o.text = string(member.value, path() + "." + member.key) ?? ""
            case "expectedOutcome": o.expectedOutcome = string(member.value, path() + "." + member.key) ?? ""
            case "targets":
                sawTargets = true
                if let items = array(member.value, path() + "." + member.key) {
                    o.targets.reserveCapacity(items.count)
                    for (i, item) in items.enumerated() {
                        if let t = target(item, "\(path()).\(member.key)[\(i)]") { o.targets.append(t) }
                    }
                }
            default: o.extras.append(member); unknownKeys.append(path() + "." + member.key)
            }
        }
        if !sawText { fail(path(), "missing required key \"text\"") }
        if !sawTargets { fail(path(), "missing required key \"targets\" (an array, may be empty)") }
        return o
    }

    private mutating func target(_ value: JSONValue, _ path: @autoclosure () -> String) -> Target? {
        guard let members = object(value, path()) else { return nil }
        var t = Target(id: "", text: "")
        var sawId = false, sawText = false, sawStatus = false, sawOfficers = false, sawTimescale = false, sawDue = false
        for member in members {
            switch member.key {
            case "id":
                sawId = true
                t.id = string(member.value, path() + ".id") ?? ""
            case "text": sawText = true; t.text = string(member.value, path() + ".text") ?? ""
            case "leadOfficers": sawOfficers = true; t.leadOfficers = strings(member.value, path() + ".leadOfficers")
            case "timescale": sawTimescale = true; t.timescale = string(member.value, path() + ".timescale") ?? ""
            case "due": sawDue = true; t.due = day(member.value, path() + ".due")
            case "status":
                sawStatus = true
                if let s = string(member.value, path() + ".status") {
                    if let status = Status(rawValue: s) {
                        t.status = status
                    } else {
                        fail(path() + ".status", "expected one of met, notMet, partiallyMet, notAssessed; found \"\(s)\"")
                    }
                }
            case "comment": t.comment = string(member.value, path() + ".comment") ?? ""
            case "forecast": t.forecast = string(member.value, path() + ".forecast") ?? ""
            case "measure": t.measure = measure(member.value, path() + ".measure")
            case "history":
                if let items = array(member.value, path() + ".history") {
                    t.history.reserveCapacity(items.count)
                    for (i, item) in items.enumerated() {
                        if let h = history(item, "\(path()).history[\(i)]") { t.history.append(h) }
                    }
                }
            default: t.extras.append(member); unknownKeys.append(path() + "." + member.key)
            }
        }
        if !sawId { fail(path(), "missing required key \"id\" (a target id such as \"t1\")") }
        if !sawText { fail(path(), "missing required key \"text\"") }
        if !sawStatus { fail(path(), "missing required key \"status\" (met, notMet, partiallyMet or notAssessed)") }
        if !sawOfficers { fail(path(), "missing required key \"leadOfficers\" (an array of names, may be empty)") }
        if !sawTimescale { fail(path(), "missing required key \"timescale\" (the time scale as written, may be \"\")") }
        if sawId {
            if let why = TargetID.problem(with: t.id) {
                fail(path() + ".id", why)
            } else if !targetIDs.insert(t.id).inserted {
                duplicateTargetIDs.append((t.id, path() + ".id"))
            }
        }
        // A time scale with no digit ("Ongoing", "Quarterly") cannot name a date: skip parsing it.
        if !sawDue && t.timescale.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { t.due = Timescale(t.timescale).due }
        return t
    }

    private mutating func measure(_ value: JSONValue, _ path: @autoclosure () -> String) -> Measure? {
        guard let members = object(value, path()) else { return nil }
        var m = Measure()
        for member in members {
                        switch member.key {
            case "unit": m.unit = string(member.value, path() + "." + member.key)
            case "baseline": m.baseline = number(member.value, path() + "." + member.key)
            case "target": m.target = number(member.value, path() + "." + member.key)
            case "actual": m.actual = number(member.value, path() + "." + member.key)
            case "better":
                if let s = string(member.value, path() + "." + member.key) {
                    if let b = Better(rawValue: s) { m.better = b } else { fail(path() + "." + member.key, "expected \"higher\" or \"lower\", found \"\(s)\"") }
                }
            default: m.extras.append(member); unknownKeys.append(path() + "." + member.key)
            }
        }
        return m.isEmpty ? nil : m
    }

    private mutating func history(_ value: JSONValue, _ path: @autoclosure () -> String) -> HistoryEntry? {
        guard let members = object(value, path()) else { return nil }
        var h = HistoryEntry(when: "", who: "", field: .status, old: "", new: "")
        var sawWhen = false, sawField = false
        for member in members {
                        switch member.key {
            case "when": sawWhen = true; h.when = string(member.value, path() + "." + member.key) ?? ""
            case "who": h.who = string(member.value, path() + "." + member.key) ?? ""
            case "field":
                sawField = true
                if let s = string(member.value, path() + "." + member.key) {
                    if let f = TargetField(rawValue: s) { h.field = f } else { fail(path() + "." + member.key, "expected one of status, comment, forecast; found \"\(s)\"") }
                }
            case "old": h.old = string(member.value, path() + "." + member.key) ?? ""
            case "new": h.new = string(member.value, path() + "." + member.key) ?? ""
            case "note": h.note = string(member.value, path() + "." + member.key)
            default: h.extras.append(member); unknownKeys.append(path() + "." + member.key)
            }
        }
        if !sawWhen { fail(path(), "missing required key \"when\" (ISO 8601 UTC time)") }
        if !sawField { fail(path(), "missing required key \"field\"") }
        return h
    }

    private mutating func review(_ value: JSONValue, _ path: @autoclosure () -> String) -> Review? {
        guard let members = object(value, path()) else { return nil }
        var r = Review(number: 0, asAt: Day(year: 2000, month: 1, day: 1)!)
        var sawNumber = false, sawAsAt = false
        for member in members {
                        switch member.key {
            case "number":
                sawNumber = true
                r.number = int(member.value, path() + "." + member.key) ?? 0
                if r.number < 1 { fail(path() + "." + member.key, "expected a review number of 1 or more, found \(r.number)") }
            case "asAt": sawAsAt = true; if let d = day(member.value, path() + "." + member.key) { r.asAt = d }
            case "title": r.title = string(member.value, path() + "." + member.key) ?? ""
            case "openedAt": r.openedAt = string(member.value, path() + "." + member.key) ?? ""
            case "closedAt": r.closedAt = string(member.value, path() + "." + member.key)
            case "snapshot":
                if let items = array(member.value, path() + "." + member.key) {
                    for (i, item) in items.enumerated() {
                        let ip = "\(path()).\(member.key)[\(i)]"
                        guard let fields = object(item, ip) else { continue }
                        var snap = TargetSnapshot(id: "", status: .notAssessed, comment: "", forecast: "")
                        for f in fields {
                            switch f.key {
                            case "id": snap.id = string(f.value, ip + ".id") ?? ""
                            case "status":
                                if let s = string(f.value, ip + ".status") {
                                    if let st = Status(rawValue: s) { snap.status = st } else { fail(ip + ".status", "expected one of met, notMet, partiallyMet, notAssessed; found \"\(s)\"") }
                                }
                            case "comment": snap.comment = string(f.value, ip + ".comment") ?? ""
                            case "forecast": snap.forecast = string(f.value, ip + ".forecast") ?? ""
                            default: unknownKeys.append(ip + "." + f.key)
                            }
                        }
                        r.snapshot.append(snap)
                    }
                }
            default: r.extras.append(member); unknownKeys.append(path() + "." + member.key)
            }
        }
        if !sawNumber { fail(path(), "missing required key \"number\"") }
        if !sawAsAt { fail(path(), "missing required key \"asAt\" (YYYY-MM-DD)") }
        return r
    }

    private mutating func period(_ value: JSONValue, _ path: @autoclosure () -> String) -> Period? {
        guard let members = object(value, path()) else { return nil }
        var start: YearMonth?, end: YearMonth?
        for member in members {
                        switch member.key {
            case "start", "end":
                guard let s = string(member.value, path() + "." + member.key) else { continue }
                guard let ym = YearMonth(iso: s) else { fail(path() + "." + member.key, "expected a month as YYYY-MM, found \"\(s)\""); continue }
                if member.key == "start" { start = ym } else { end = ym }
            default: unknownKeys.append(path() + "." + member.key)
            }
        }
        guard let start, let end else {
            fail(path(), "expected both \"start\" and \"end\" (YYYY-MM)")
            return nil
        }
        if end < start { fail(path(), "the period ends (\(end)) before it starts (\(start))") }
        return Period(start: start, end: end)
    }

    // MARK: - Scalars

    private mutating func fail(_ path: String, _ message: String) {
        problems.append((path, message))
    }

    private mutating func object(_ v: JSONValue, _ path: @autoclosure () -> String) -> [JSONMember]? {
        if case .object(let m) = v { return m }
        fail(path(), "expected an object, found \(v.typeName)")
        return nil
    }

    private mutating func array(_ v: JSONValue, _ path: @autoclosure () -> String) -> [JSONValue]? {
        if case .array(let a) = v { return a }
        fail(path(), "expected an array, found \(v.typeName)")
        return nil
    }

    private mutating func string(_ v: JSONValue, _ path: @autoclosure () -> String) -> String? {
        if case .string(let s) = v { return s }
        fail(path(), "expected a string, found \(v.typeName)")
        return nil
    }

    private mutating func strings(_ v: JSONValue, _ path: @autoclosure () -> String) -> [String] {
        guard let items = array(v, path()) else { return [] }
        var out: [String] = []
        out.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            if let s = string(item, "\(path())[\(i)]") { out.append(s) }
        }
        return out
    }

    private mutating func number(_ v: JSONValue, _ path: @autoclosure () -> String) -> Double? {
        if case .number(let d) = v { return d }
        fail(path(), "expected a number, found \(v.typeName)")
        return nil
    }

    private mutating func int(_ v: JSONValue, _ path: @autoclosure () -> String) -> Int? {
        guard case .number(let d) = v else {
            fail(path(), "expected a whole number, found \(v.typeName)")
            return nil
        }
        guard d == d.rounded(), abs(d) < 1e15 else {
            fail(path(), "expected a whole number, found \(d)")
            return nil
        }
        return Int(d)
    }

    private mutating func day(_ v: JSONValue, _ path: @autoclosure () -> String) -> Day? {
        guard let s = string(v, path()) else { return nil }
        if let d = Day(iso: s) { return d }
        fail(path(), "expected a date as YYYY-MM-DD, found \"\(s)\"")
        return nil
    }
}
