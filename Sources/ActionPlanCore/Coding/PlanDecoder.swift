import Foundation

/// Reads a plan file's bytes straight into a `Plan` (through JSONReader, with no JSONValue tree in between),
/// checking every field against docs/FORMAT.md. It keeps going after a content problem so `validate` can
/// report all of them; `problems` lists them as (JSON path, message). A value of the wrong type is reported
/// and skipped. A syntax error stops it: it is thrown, and wins over any problem found before it.
/// Paths are built only when something is wrong (they cost more than the decoding itself on large plans).
/// Unknown keys are kept in `extras` (every object has them) and listed in `unknownKeys`; PlanEncoder writes
/// them back. This and PlanEncoder are the whole plan codec: a new field is a key in PlanKeys, a case here and
/// a line there.
struct PlanDecoder {
    private(set) var problems: [(path: String, message: String)] = []
    private(set) var unknownKeys: [String] = []
    private var reader: JSONReader
    private var targetIDs = Set<String>()
    private var duplicateTargetIDs: [(id: String, path: String)] = []
    /// The highest number in a target id ("t12"; may be negative, "t-5"), kept as targets are read: every target
    /// read ends up in the plan, so this is the plan's, without walking (and copying) all the targets again.
    private var highestTargetNumber: Int?
    /// Key Issue and objective ids seen (outside removed content), for the duplicate check.
    private var itemIDs: [String: String] = [:]
    /// The highest `k<N>` and `o<N>` numbers seen, removed content included (so ids are never reused).
    private var highestKeyIssueNumber = 0, highestObjectiveNumber = 0
    /// Above 0 while reading the content of a removal in a history entry: its ids are not live items.
    private var removedDepth = 0
    private var stringScratch: [String] = []

    /// `buffer` must outlive the decoder.
    init(_ buffer: UnsafeBufferPointer<UInt8>, limits: JSONLimits) throws(JSONSyntaxError) {
        reader = try JSONReader(buffer, limits: limits)
    }

    /// Decodes the whole document: nil when it is not a plan object (see `problems`).
    mutating func decode() throws(JSONSyntaxError) -> Plan? {
        let plan = try plan()
        try reader.finish()
        return plan
    }

    private mutating func plan() throws(JSONSyntaxError) -> Plan? {
        guard var object = try reader.beginObject() else {
            let kind = try reader.peek()
            fail("$", "expected the plan object ({ … }), found \(kind.typeName)")
            try reader.skipValue()
            return nil
        }
        var plan = Plan(id: "", title: "")
        var sawId = false, sawTitle = false, sawVersion = false, sawIssues = false
        var nextTargetId: Int?
        var counters: [PlanKey: Int] = [:]
        while let key = try reader.nextKey(&object, PlanKey.table) {
            let path = { "$." + key.name }
            switch key {
            case .known(.schemaVersion):
                sawVersion = true
                if let v = try int(path()) {
                    if v > Plan.schemaVersion {
                        fail(path(), "schemaVersion \(v) is newer than this program understands (\(Plan.schemaVersion)); upgrade actionplan to open this file")
                    } else if v < 1 {  // 1 is upgraded: ids are given to Key Issues and objectives below
                        fail(path(), "expected schemaVersion \(Plan.schemaVersion), found \(v)")
                    }
                }
            case .known(.id):
                sawId = true
                if let s = try string(path()) {
                    plan.id = s
                    if let why = PlanID.problem(with: s) { fail(path(), why) }
                }
            case .known(.title): sawTitle = true; plan.title = try string(path()) ?? ""
            case .known(.organisation): plan.organisation = try string(path()) ?? ""
            case .known(.department): plan.department = try string(path()) ?? ""
            case .known(.source): plan.source = try string(path()) ?? ""
            case .known(.notes): plan.notes = try strings(path())
            case .known(.asAt): plan.asAt = try day(path())
            case .known(.period): plan.period = try period(path())
            case .known(.paper): plan.paper = try paper(path()) ?? PaperDetails()
            case .known(.nextTargetId): nextTargetId = try int(path())
            case .known(.nextIssueId), .known(.nextObjectiveId), .known(.lastChange):
                if case .known(let k) = key, let n = try int(path()) {
                    if n < 0 || n > TargetID.maxNumber + 1 { fail(path(), "expected a number from 0 to \(TargetID.maxNumber + 1), found \(n)") } else { counters[k] = n }
                }
            case .known(.history):
                if var items = try array(path()) {
                    while let i = try reader.nextElement(&items) {
                        if let h = try history("\(path())[\(i)]") { plan.history.append(h) }
                    }
                }
            case .known(.keyIssues):
                sawIssues = true
                if var items = try array(path()) {
                    while let i = try reader.nextElement(&items) {
                        if let issue = try keyIssue("\(path())[\(i)]") { plan.keyIssues.append(issue) }
                    }
                }
            case .known(.reviews):
                if var items = try array(path()) {
                    var numbers = Set<Int>(), open: Int?
                    while let i = try reader.nextElement(&items) {
                        guard let review = try review("\(path())[\(i)]") else { continue }
                        // What review start/close rely on: numbers are unique, at most one review is open.
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
            case .other(let name):
                plan.extras.append(JSONMember(name, try reader.parseValue()))
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
        if let n = nextTargetId, n < 1 || n > TargetID.maxNumber + 1 {
            fail("$.nextTargetId", "expected a number from 1 to \(TargetID.maxNumber + 1), found \(n)")
        }
        // At least 1 (what the file may hold), and past every id in use, even when the ids are negative ("t-5").
        plan.nextTargetId = min(max(nextTargetId ?? 1, (highestTargetNumber ?? 0) + 1), TargetID.maxNumber + 1)
        for (id, path) in itemIDs.sorted(by: { $0.value < $1.value }) where targetIDs.contains(id) {
            fail(path, "id \"\(id)\" is also a target's id; ids are unique across Key Issues, objectives and targets")
        }
        plan.nextKeyIssueId = min(max(counters[.nextIssueId] ?? 1, highestKeyIssueNumber + 1), TargetID.maxNumber + 1)
        plan.nextObjectiveId = min(max(counters[.nextObjectiveId] ?? 1, highestObjectiveNumber + 1), TargetID.maxNumber + 1)
        plan.lastChange = counters[.lastChange] ?? 0
        // The upgrade of a version 1 file (and of hand-written items without ids): ids in document order.
        plan.assignMissingIds()
        return plan
    }

    // MARK: - Levels

    private mutating func keyIssue(_ path: @autoclosure () -> String) throws(JSONSyntaxError) -> KeyIssue? {
        guard var object = try object(path()) else { return nil }
        var issue = KeyIssue(number: 0, title: "")
        var sawNumber = false, sawTitle = false, sawObjectives = false
        while let key = try reader.nextKey(&object, KeyIssueKey.table) {
            switch key {
            case .known(.id): issue.id = try itemID(path() + ".id", prefix: "k", kind: "Key Issue")
            case .known(.number): sawNumber = true; issue.number = try int(path() + "." + key.name) ?? 0
            case .known(.title): sawTitle = true; issue.title = try string(path() + "." + key.name) ?? ""
            case .known(.statement): issue.statement = try string(path() + "." + key.name) ?? ""
            case .known(.objectives):
                sawObjectives = true
                if var items = try array(path() + "." + key.name) {
                    while let i = try reader.nextElement(&items) {
                        if let o = try objective("\(path()).\(key.name)[\(i)]") { issue.objectives.append(o) }
                    }
                }
            case .other(let name): issue.extras.append(JSONMember(name, try reader.parseValue())); unknownKeys.append(path() + "." + name)
            }
        }
        if !sawNumber { fail(path(), "missing required key \"number\" (the Key Issue's number)") }
        if !sawTitle { fail(path(), "missing required key \"title\"") }
        if !sawObjectives { fail(path(), "missing required key \"objectives\" (an array, may be empty)") }
        return issue
    }

    private mutating func objective(_ path: @autoclosure () -> String) throws(JSONSyntaxError) -> Objective? {
        guard var object = try object(path()) else { return nil }
        var o = Objective(text: "")
        var sawText = false, sawTargets = false
        while let key = try reader.nextKey(&object, ObjectiveKey.table) {
            switch key {
            case .known(.id): o.id = try itemID(path() + ".id", prefix: "o", kind: "objective")
            case .known(.number): o.number = try int(path() + "." + key.name)
            case .known(.code): o.code = try string(path() + "." + key.name)
            case .known(.text): sawText = true; o.text = try string(path() + "." + key.name) ?? ""
            case .known(.expectedOutcome): o.expectedOutcome = try string(path() + "." + key.name) ?? ""
            case .known(.targets):
                sawTargets = true
                if var items = try array(path() + "." + key.name) {
                    while let i = try reader.nextElement(&items) {
                        if let t = try target("\(path()).\(key.name)[\(i)]") { o.targets.append(t) }
                    }
                }
            case .other(let name): o.extras.append(JSONMember(name, try reader.parseValue())); unknownKeys.append(path() + "." + name)
            }
        }
        if !sawText { fail(path(), "missing required key \"text\"") }
        if !sawTargets { fail(path(), "missing required key \"targets\" (an array, may be empty)") }
        return o
    }

    private mutating func target(_ path: @autoclosure () -> String) throws(JSONSyntaxError) -> Target? {
        guard var object = try object(path()) else { return nil }
        var t = Target(id: "", text: "")
        var sawId = false, sawText = false, sawStatus = false, sawOfficers = false, sawTimescale = false, sawDue = false
        while let key = try reader.nextKey(&object, TargetKey.table) {
            switch key {
            case .known(.id): sawId = true; t.id = try string(path() + ".id") ?? ""
            case .known(.text): sawText = true; t.text = try string(path() + ".text") ?? ""
            case .known(.leadOfficers): sawOfficers = true; t.leadOfficers = try strings(path() + ".leadOfficers")
            case .known(.timescale): sawTimescale = true; t.timescale = try string(path() + ".timescale") ?? ""
            case .known(.due): sawDue = true; t.due = try day(path() + ".due")
            case .known(.status):
                sawStatus = true
                if let s = try string(path() + ".status") {
                    if let status = Status(rawValue: s) {
                        t.status = status
                    } else {
                        fail(path() + ".status", "expected one of met, notMet, partiallyMet, notAssessed; found \"\(s)\"")
                    }
                }
            case .known(.comment): t.comment = try string(path() + ".comment") ?? ""
            case .known(.carriedFrom): t.carriedFrom = try string(path() + ".carriedFrom")
            case .known(.forecast): t.forecast = try string(path() + ".forecast") ?? ""
            case .known(.measure): t.measure = try measure(path() + ".measure")
            case .known(.history):
                if var items = try array(path() + ".history") {
                    while let i = try reader.nextElement(&items) {
                        if let h = try history("\(path()).history[\(i)]") { t.history.append(h) }
                    }
                }
            case .other(let name): t.extras.append(JSONMember(name, try reader.parseValue())); unknownKeys.append(path() + "." + name)
            }
        }
        if let n = TargetID.number(in: t.id) { highestTargetNumber = max(highestTargetNumber ?? n, n) }
        if !sawId { fail(path(), "missing required key \"id\" (a target id such as \"t1\")") }
        if !sawText { fail(path(), "missing required key \"text\"") }
        if !sawStatus { fail(path(), "missing required key \"status\" (met, notMet, partiallyMet or notAssessed)") }
        if !sawOfficers { fail(path(), "missing required key \"leadOfficers\" (an array of names, may be empty)") }
        if !sawTimescale { fail(path(), "missing required key \"timescale\" (the time scale as written, may be \"\")") }
        if sawId {
            if let why = TargetID.problem(with: t.id) {
                fail(path() + ".id", why)
            } else if removedDepth == 0 && !targetIDs.insert(t.id).inserted {
                duplicateTargetIDs.append((t.id, path() + ".id"))
            }
        }
        // A time scale with no digit ("Ongoing", "Quarterly") cannot name a date: skip parsing it.
        if !sawDue && t.timescale.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { t.due = Timescale(t.timescale).due }
        return t
    }

    private mutating func measure(_ path: @autoclosure () -> String) throws(JSONSyntaxError) -> Measure? {
        guard var object = try object(path()) else { return nil }
        var m = Measure()
        while let key = try reader.nextKey(&object, MeasureKey.table) {
            switch key {
            case .known(.unit): m.unit = try string(path() + "." + key.name)
            case .known(.baseline): m.baseline = try number(path() + "." + key.name)
            case .known(.target): m.target = try number(path() + "." + key.name)
            case .known(.actual): m.actual = try number(path() + "." + key.name)
            case .known(.better):
                if let s = try string(path() + "." + key.name) {
                    if let b = Better(rawValue: s) { m.better = b } else { fail(path() + "." + key.name, "expected \"higher\" or \"lower\", found \"\(s)\"") }
                }
            case .other(let name): m.extras.append(JSONMember(name, try reader.parseValue())); unknownKeys.append(path() + "." + name)
            }
        }
        return m.isEmpty ? nil : m
    }

    private mutating func history(_ path: @autoclosure () -> String) throws(JSONSyntaxError) -> HistoryEntry? {
        guard var object = try object(path()) else { return nil }
        var h = HistoryEntry(when: "", who: "", field: nil)
        var sawWhen = false, sawField = false
        while let key = try reader.nextKey(&object, HistoryKey.table) {
            switch key {
            case .known(.when): sawWhen = true; h.when = try string(path() + "." + key.name) ?? ""
            case .known(.who): h.who = try string(path() + "." + key.name) ?? ""
            case .known(.field):
                sawField = true
                if let s = try string(path() + "." + key.name) {
                    if let f = ItemField(rawValue: s) { h.field = f } else {
                        fail(path() + "." + key.name, "expected one of \(ItemField.allCases.map(\.rawValue).joined(separator: ", ")); found \"\(s)\"")
                    }
                }
            case .known(.old): h.old = try string(path() + "." + key.name) ?? ""
            case .known(.new): h.new = try string(path() + "." + key.name) ?? ""
            case .known(.note): h.note = try string(path() + "." + key.name)
            case .known(.action):
                if let s = try string(path() + "." + key.name) {
                    if let a = HistoryAction(rawValue: s) { h.action = a } else {
                        fail(path() + "." + key.name, "expected one of \(HistoryAction.allCases.map(\.rawValue).joined(separator: ", ")); found \"\(s)\"")
                    }
                }
            case .known(.item): h.item = try string(path() + "." + key.name)
            case .known(.from), .known(.to):
                if let s = try string(path() + "." + key.name) {
                    if let place = Place(s) { if key.name == "from" { h.from = place } else { h.to = place } } else {
                        fail(path() + "." + key.name, "expected a place such as \"o3 #2\" (parent id, position from 1) or \"#2\", found \"\(s)\"")
                    }
                }
            case .known(.removedIssue):
                removedDepth += 1; defer { removedDepth -= 1 }
                if let k = try keyIssue(path() + "." + key.name) { h.removed = .keyIssue(k) }
            case .known(.removedObjective):
                removedDepth += 1; defer { removedDepth -= 1 }
                if let o = try objective(path() + "." + key.name) { h.removed = .objective(o) }
            case .known(.removedTarget):
                removedDepth += 1; defer { removedDepth -= 1 }
                if let t = try target(path() + "." + key.name) { h.removed = .target(t) }
            case .known(.change): h.change = try int(path() + "." + key.name)
            case .known(.undoes): h.undoes = try int(path() + "." + key.name)
            case .other(let name): h.extras.append(JSONMember(name, try reader.parseValue())); unknownKeys.append(path() + "." + name)
            }
        }
        if !sawWhen { fail(path(), "missing required key \"when\" (ISO 8601 UTC time)") }
        if !sawField && h.action == nil { fail(path(), "missing required key \"field\" (or \"action\")") }
        return h
    }

    /// A Key Issue's or objective's id: the target id alphabet, unique in the plan.
    private mutating func itemID(_ path: @autoclosure () -> String, prefix: Character, kind: String) throws(JSONSyntaxError) -> String {
        guard let id = try string(path()) else { return "" }
        if let why = TargetID.problem(with: id) {
            fail(path(), why.replacingOccurrences(of: "a target id", with: "a \(kind) id"))
            return ""
        }
        if let n = ItemID.number(in: id, prefix: prefix) {
            if prefix == "k" { highestKeyIssueNumber = max(highestKeyIssueNumber, n) } else { highestObjectiveNumber = max(highestObjectiveNumber, n) }
        }
        guard removedDepth == 0 else { return id }
        if let first = itemIDs[id] {
            fail(path(), "duplicate id \"\(id)\" (first used at \(first))")
        } else {
            itemIDs[id] = path()
        }
        return id
    }

    private mutating func review(_ path: @autoclosure () -> String) throws(JSONSyntaxError) -> Review? {
        guard var object = try object(path()) else { return nil }
        var r = Review(number: 0, asAt: Day(year: 2000, month: 1, day: 1)!)
        var sawNumber = false, sawAsAt = false
        while let key = try reader.nextKey(&object, ReviewKey.table) {
            switch key {
            case .known(.number):
                sawNumber = true
                r.number = try int(path() + "." + key.name) ?? 0
                if r.number < 1 { fail(path() + "." + key.name, "expected a review number of 1 or more, found \(r.number)") }
            case .known(.asAt): sawAsAt = true; if let d = try day(path() + "." + key.name) { r.asAt = d }
            case .known(.title): r.title = try string(path() + "." + key.name) ?? ""
            case .known(.openedAt): r.openedAt = try string(path() + "." + key.name) ?? ""
            case .known(.closedAt): r.closedAt = try string(path() + "." + key.name)
            case .known(.snapshot):
                if var items = try array(path() + "." + key.name) {
                    while let i = try reader.nextElement(&items) {
                        if let snap = try snapshot("\(path()).\(key.name)[\(i)]") { r.snapshot.append(snap) }
                    }
                }
            case .known(.opening):
                var opening: [TargetSnapshot] = []
                if var items = try array(path() + "." + key.name) {
                    while let i = try reader.nextElement(&items) {
                        if let snap = try snapshot("\(path()).\(key.name)[\(i)]") { opening.append(snap) }
                    }
                }
                r.opening = opening
            case .other(let name): r.extras.append(JSONMember(name, try reader.parseValue())); unknownKeys.append(path() + "." + name)
            }
        }
        if !sawNumber { fail(path(), "missing required key \"number\"") }
        if !sawAsAt { fail(path(), "missing required key \"asAt\" (YYYY-MM-DD)") }
        return r
    }

    /// One entry of a review's snapshot.
    private mutating func snapshot(_ path: @autoclosure () -> String) throws(JSONSyntaxError) -> TargetSnapshot? {
        guard var object = try object(path()) else { return nil }
        var snap = TargetSnapshot(id: "", status: .notAssessed, comment: "", forecast: "")
        while let key = try reader.nextKey(&object, SnapshotKey.table) {
            switch key {
            case .known(.id): snap.id = try string(path() + ".id") ?? ""
            case .known(.status):
                if let s = try string(path() + ".status") {
                    if let st = Status(rawValue: s) { snap.status = st } else { fail(path() + ".status", "expected one of met, notMet, partiallyMet, notAssessed; found \"\(s)\"") }
                }
            case .known(.comment): snap.comment = try string(path() + ".comment") ?? ""
            case .known(.forecast): snap.forecast = try string(path() + ".forecast") ?? ""
            case .known(.actual): snap.actual = try number(path() + ".actual")
            case .other(let name): snap.extras.append(JSONMember(name, try reader.parseValue())); unknownKeys.append(path() + "." + name)
            }
        }
        return snap
    }

    /// The committee paper's remembered fields.
    private mutating func paper(_ path: @autoclosure () -> String) throws(JSONSyntaxError) -> PaperDetails? {
        guard var object = try object(path()) else { return nil }
        var p = PaperDetails()
        while let key = try reader.nextKey(&object, PaperKey.table) {
            let at = path() + "." + key.name
            switch key {
            case .known(.to): p.to = try string(at) ?? ""
            case .known(.by): p.by = try strings(at)
            case .known(.subject): p.subject = try string(at) ?? ""
            case .known(.classification): p.classification = try string(at) ?? ""
            case .known(.summary): p.summary = try string(at) ?? ""
            case .known(.recommendations): p.recommendations = try strings(at)
            case .known(.contact): p.contact = try strings(at)
            case .known(.background): p.backgroundDocuments = try strings(at)
            case .other(let name): p.extras.append(JSONMember(name, try reader.parseValue())); unknownKeys.append(path() + "." + name)
            }
        }
        return p
    }

    /// A plan's period.
    private mutating func period(_ path: @autoclosure () -> String) throws(JSONSyntaxError) -> Period? {
        guard var object = try object(path()) else { return nil }
        var start: YearMonth?, end: YearMonth?
        var extras: [JSONMember] = []
        while let key = try reader.nextKey(&object, PeriodKey.table) {
            switch key {
            case .known(let which):
                guard let s = try string(path() + "." + key.name) else { continue }
                guard let ym = YearMonth(iso: s) else { fail(path() + "." + key.name, "expected a month as YYYY-MM, found \"\(s)\""); continue }
                if which == .start { start = ym } else { end = ym }
            case .other(let name): extras.append(JSONMember(name, try reader.parseValue())); unknownKeys.append(path() + "." + name)
            }
        }
        guard let start, let end else {
            fail(path(), "expected both \"start\" and \"end\" (YYYY-MM)")
            return nil
        }
        if end < start { fail(path(), "the period ends (\(end)) before it starts (\(start))") }
        var period = Period(start: start, end: end)
        period.extras = extras
        return period
    }

    // MARK: - Scalars

    private mutating func fail(_ path: String, _ message: String) {
        problems.append((path, message))
    }

    /// Reports a value of the wrong type and reads past it, so decoding goes on with the next member.
    private mutating func wrongType(_ expected: String, _ path: String) throws(JSONSyntaxError) {
        let kind = try reader.peek()
        fail(path, "\(expected), found \(kind.typeName)")
        try reader.skipValue()
    }

    private mutating func object(_ path: @autoclosure () -> String) throws(JSONSyntaxError) -> JSONObjectCursor? {
        if let object = try reader.beginObject() { return object }
        try wrongType("expected an object", path())
        return nil
    }

    private mutating func array(_ path: @autoclosure () -> String) throws(JSONSyntaxError) -> JSONArrayCursor? {
        if let array = try reader.beginArray() { return array }
        try wrongType("expected an array", path())
        return nil
    }

    private mutating func string(_ path: @autoclosure () -> String) throws(JSONSyntaxError) -> String? {
        if let s = try reader.readString() { return s }
        try wrongType("expected a string", path())
        return nil
    }

    private mutating func strings(_ path: @autoclosure () -> String) throws(JSONSyntaxError) -> [String] {
        guard var items = try array(path()) else { return [] }
        // Gathered in a reused buffer, then copied once at the exact size (as the tree's count allowed before),
        // rather than grown element by element: most lists are one to three names.
        stringScratch.removeAll(keepingCapacity: true)
        while let i = try reader.nextElement(&items) {
            if let s = try string("\(path())[\(i)]") { stringScratch.append(s) }
        }
        return Array(stringScratch)
    }

    private mutating func number(_ path: @autoclosure () -> String) throws(JSONSyntaxError) -> Double? {
        if let d = try reader.readNumber() { return d }
        try wrongType("expected a number", path())
        return nil
    }

    private mutating func int(_ path: @autoclosure () -> String) throws(JSONSyntaxError) -> Int? {
        guard let d = try reader.readNumber() else {
            try wrongType("expected a whole number", path())
            return nil
        }
        guard d == d.rounded(), abs(d) < 1e15 else {
            fail(path(), "expected a whole number, found \(d)")
            return nil
        }
        return Int(d)
    }

    private mutating func day(_ path: @autoclosure () -> String) throws(JSONSyntaxError) -> Day? {
        guard let s = try string(path()) else { return nil }
        if let d = Day(iso: s) { return d }
        fail(path(), "expected a date as YYYY-MM-DD, found \"\(s)\"")
        return nil
    }
}
