/// Choices the user makes on the command line: `--map 'By when=timescale'`, `--status 'On track=not-assessed'`.
public struct ImportOptions: Sendable {
    /// Normalised heading → role.
    public var columnMap: [String: ColumnRole] = [:]
    /// Status word (normalised) → status.
    public var statusMap: [String: Status] = [:]
    /// An Excel sheet by name (case-insensitive).
    public var sheet: String?

    public init() {}

    /// `Heading=role`; nil and a message when it is not one.
    public mutating func addMap(_ argument: String) -> String? {
        guard let eq = argument.lastIndex(of: "=") else { return "--map \"\(argument)\": expected HEADING=ROLE, e.g. 'By when=timescale'" }
        let heading = String(argument[..<eq]), role = String(argument[argument.index(after: eq)...])
        guard !ColumnRole.normalise(heading).isEmpty else { return "--map \"\(argument)\": the heading is empty" }
        guard let r = ColumnRole.named(role) else {
            return "--map \"\(argument)\": unknown role \"\(role)\"; roles: key-issue, objective, target, lead, timescale, status, comment, measure, forecast, number, target-id, extra, ignore"
        }
        columnMap[ColumnRole.normalise(heading)] = r
        return nil
    }

    /// `Word=status`; nil and a message when it is not one.
    public mutating func addStatus(_ argument: String) -> String? {
        guard let eq = argument.lastIndex(of: "=") else { return "--status \"\(argument)\": expected WORD=STATUS, e.g. 'On track=not-assessed'" }
        let word = String(argument[..<eq]), value = String(argument[argument.index(after: eq)...])
        guard let s = Status(argument: value) else { return "--status \"\(argument)\": \"\(value)\" is not a status (\(Status.argumentSpellings))" }
        statusMap[StatusWords.key(word)] = s
        return nil
    }
}

/// Infers a plan from any council's document (SourceDocument), whatever its layout:
/// - the header row of each table is found by its column names (`ColumnRole`), anywhere in the first
///   rows (title rows above it are the document's title and headings);
/// - Key Issues come from headings before tables ("Key Issue 1: …", "Theme: …", heading styles, short
///   bold lines), from a Key Issue column, from group rows merged across the table, or — with none of
///   these — one Key Issue named from the document's title;
/// - objectives from an objective column (merged down or repeated), from "Objective: …" lines, from
///   group rows, or one per Key Issue;
/// - numbers in the first column: "1" starts a Key Issue, "1.1" an objective, "1.1.1" is a target;
///   "CCS1", "PEO 1" are kept as the objective's code;
/// - page furniture (page numbers, "continued", the repeated header row) is skipped and listed;
/// - anything else it cannot place is listed with where it is, and kept in the plan's notes.
struct LayoutMapper {
    let file: String
    let options: ImportOptions
    private(set) var report = ImportReport()
    private var plan = Plan(id: "", title: "")
    private var issue: Int?
    private var objective: Int?
    /// Objectives of the current issue by their text, for rows that repeat the objective cell.
    private var objectiveByText: [Int: [String: Int]] = [:]
    private var columns: Columns?
    private var sawTable = false
    private var lastWasIssueHeading = false
    private var statusUses: [String: Int] = [:]
    private var usedIDs: Set<String> = []
    private var issueNumbers: Set<Int> = []
    private var documentTitle: String?
    private var objectiveSource: String?
    private var issueSourceSaid = false
    /// Officer splits and due dates per distinct cell: a plan repeats a few dozen of each, and the
    /// splitter's rules (Foundation's case-insensitive searches among them) are costly per row.
    private var officersByCell: [String: [String]] = [:]
    private var dueByTimescale: [String: Day?] = [:]

    init(file: String, options: ImportOptions = ImportOptions()) {
        self.file = file
        self.options = options
    }

    struct Columns {
        var roles: [ColumnRole?]
        var headings: [String]
        var headerKey: String
        var index: [ColumnRole: Int] = [:]
        var comments: [Int] = []
        var extras: [Int] = []
        var completedColumn = false

        func first(_ r: ColumnRole) -> Int? { index[r] }
    }

    // MARK: - Document

    /// Whether the document has a table header this mapper recognises (used to pick an Excel sheet).
    static func hasHeader(_ doc: SourceDocument, options: ImportOptions) -> Bool {
        for case .table(let t) in doc.blocks {
            for row in t.rows.prefix(30) where header(row, options: options) != nil { return true }
        }
        return false
    }

    mutating func run(_ doc: SourceDocument) throws(ImportError) -> (Plan, ImportReport) {
        report.format = doc.format
        for r in doc.remarks { report.remark(at: nil, r) }
        documentTitle = doc.title
        var firstTableStart: String?
        for block in doc.blocks {
            switch block {
            case .paragraph(let p):
                headingLine(p.text, place: p.place, isHeading: p.isHeading, isTitle: p.isTitle, inTable: false)
            case .table(let t):
                if firstTableStart == nil, let row = t.rows.first { firstTableStart = row.cells.map(\.flat).filter { !$0.isEmpty }.joined(separator: " | ") }
                table(t)
            }
        }
        guard columns != nil else {
            let seen = firstTableStart.map { "its first table starts \u{201C}\(String($0.prefix(160)))\u{201D}" } ?? "it has no table"
            throw ImportError(file: file, "no plan table found: \(seen); expected a header row naming at least two columns such as Action (or Target, What we will do), Lead officer (or Responsible officer, Owner), Timescale (or By when, Deadline), Status (or RAG), Progress — use --map 'HEADING=target' to name the columns")
        }
        // Drop Key Issues that stayed empty only if the document had others with content: a heading
        // with nothing under it is kept (it may be an empty section), but the title-only issue is not.
        plan.keyIssues.removeAll { $0.objectives.isEmpty && $0.title.isEmpty }
        if plan.allTargets.isEmpty {
            throw ImportError(file: file, "the table header was found (\(columns?.headings.filter { !$0.isEmpty }.joined(separator: " | ") ?? "")) but no rows under it are targets")
        }
        if plan.title.isEmpty, let t = documentTitle { plan.title = t }
        if let s = objectiveSource { report.structure.append(s) }
        finishStatusWords()
        report.targetIDsFromFile = usedIDs // only the file's own ids so far: numberTargets adds the rest
        numberTargets()
        return (plan, report)
    }

    // MARK: - Headings and paragraphs

    private static func isFurniture(_ text: String) -> String? {
        let t = text.lowercased()
        if t.range(of: #"^(page )?\d+( of \d+)?$"#, options: .regularExpression) != nil { return "page number" }
        if ["continued", "(continued)", "cont'd", "cont.", "continued overleaf", "contd", "continued…", "continued..."].contains(t) { return "\"continued\"" }
        return nil
    }

    /// A paragraph, or a row with one filled cell.
    private mutating func headingLine(_ raw: String, place: String, isHeading: Bool, isTitle: Bool, inTable: Bool) {
        let text = ImportText.squash(raw)
        if text.isEmpty { return }
        if let why = Self.isFurniture(text) { report.skip(at: place, why, text); return }
        if !plan.title.isEmpty && text.caseInsensitiveCompare(plan.title) == .orderedSame {
            report.skip(at: place, "the title repeated (a running title)", text); return
        }
        let lower = text.lowercased()
        if plan.title.isEmpty && !sawTable && (isTitle || (plan.keyIssues.isEmpty && !Self.isIssueHeading(text) && !Self.isObjectiveHeading(text))) {
            plan.title = text
            return
        }
        for prefix in ["directorate:", "department:", "service area:", "service:", "organisation:", "council:"] where lower.hasPrefix(prefix) {
            let value = ImportText.squash(text.dropFirst(prefix.count))
            if prefix == "organisation:" || prefix == "council:" { plan.organisation = value } else { plan.department = value }
            report.remark(at: place, "taken as the plan's \(prefix.hasPrefix("org") || prefix.hasPrefix("council") ? "organisation" : "department")", value)
            return
        }
        if Self.isObjectiveHeading(text) {
            startObjective(Self.afterLabel(text), code: nil, number: nil, place: place)
            objectiveSource = objectiveSource ?? "objectives from \"Objective: …\" lines before the tables"
            lastWasIssueHeading = false
            return
        }
        if Self.isIssueHeading(text) {
            startIssue(text, place: place)
            return
        }
        if let (label, rest) = Self.leadingNumber(text) {
            let depth = label.split(separator: ".").count
            if depth >= 2 {
                startObjective(rest, code: label, number: nil, place: place)
                objectiveSource = objectiveSource ?? "objectives from numbered headings (\"\(label) …\")"
                return
            }
            if !rest.isEmpty && (isHeading || inTable) {
                startIssue(text, place: place)
                return
            }
        }
        if inTable {
            if let c = columns, c.first(.objective) != nil || c.first(.keyIssue) != nil {
                startIssue(text, place: place)
            } else {
                let (code, rest) = Self.code(text)
                startObjective(rest.isEmpty ? text : rest, code: code.isEmpty ? nil : code, number: nil, place: place)
                objectiveSource = objectiveSource ?? "objectives from rows merged across the table (group headings)"
            }
            return
        }
        if isHeading {
            startIssue(text, place: place)
            return
        }
        if lastWasIssueHeading, let i = issue, plan.keyIssues[i].objectives.isEmpty {
            plan.keyIssues[i].statement = plan.keyIssues[i].statement.isEmpty ? text : plan.keyIssues[i].statement + "\n" + text
            return
        }
        report.unplaced(at: place, "text outside the tables", text)
    }

    static func isIssueHeading(_ text: String) -> Bool {
        text.range(of: #"^(key issue|theme|equality objective|strategic (aim|priority|objective)|priority( area)?|outcome area|section|part|strand|corporate priority)\s*[0-9ivx]*\s*[:.\-–]"#, options: [.regularExpression, .caseInsensitive]) != nil
            || text.range(of: #"^(key issue|theme|equality objective|priority)\s+[0-9]+$"#, options: [.regularExpression, .caseInsensitive]) != nil
    }

    static func isObjectiveHeading(_ text: String) -> Bool {
        text.range(of: #"^(key )?objective\s*[0-9]*\s*[:.\-–]"#, options: [.regularExpression, .caseInsensitive]) != nil
    }

    /// "Objective: Bring …" → "Bring …".
    static func afterLabel(_ text: String) -> String {
        guard let colon = text.firstIndex(where: { $0 == ":" || $0 == "–" || $0 == "-" || $0 == "." }) else { return text }
        let rest = ImportText.squash(text[text.index(after: colon)...])
        return rest.isEmpty ? text : rest
    }

    /// "1.1 Fewer …" → ("1.1", "Fewer …"); "2. Engagement" → ("2", "Engagement"); nil without a number.
    static func leadingNumber(_ text: String) -> (String, String)? {
        guard let m = text.range(of: #"^[0-9]{1,3}(\.[0-9]{1,3})*\.?(\s+|$)"#, options: .regularExpression) else { return nil }
        var label = ImportText.squash(text[m])
        if label.hasSuffix(".") { label.removeLast() }
        return (label, ImportText.squash(text[m.upperBound...]))
    }

    /// "PEO 1: Improve …" → ("PEO 1", …); "CCS1" → ("CCS1", ""); else ("", text).
    static func code(_ text: String) -> (String, String) {
        guard let m = text.range(of: #"^[A-Z]{2,6}\s?[0-9]{1,3}[a-z]?\b"#, options: .regularExpression) else { return ("", text) }
        var rest = Substring(text[m.upperBound...])
        rest = rest.drop { $0 == ":" || $0 == " " || $0 == "-" || $0 == "–" || $0 == "." }
        return (String(text[m]), String(rest))
    }

    private mutating func startIssue(_ text: String, place: String, fromColumn: Bool = false) {
        var title = text
        var number: Int?
        if let (n, rest) = CSVPlanImporter.numbered(text), text.lowercased().hasPrefix("key issue") || text.first?.isNumber == true {
            number = n
            title = rest.isEmpty ? text : rest
        } else if let m = text.range(of: #"[0-9]+"#, options: .regularExpression), Self.isIssueHeading(text) {
            number = Int(text[m])
        }
        if let number, issueNumbers.contains(number) { plan.keyIssues.firstIndex { $0.number == number }.map { issue = $0 } ; objective = nil; lastWasIssueHeading = true; return }
        let n = number ?? ((plan.keyIssues.map(\.number).max() ?? 0) + 1)
        if !issueSourceSaid && !fromColumn {
            issueSourceSaid = true
            report.structure.append("Key Issues from headings (\u{201C}\(text)\u{201D} at \(place) is the first)")
        }
        plan.keyIssues.append(KeyIssue(number: n, title: title))
        issueNumbers.insert(n)
        issue = plan.keyIssues.count - 1
        objective = nil
        lastWasIssueHeading = true
    }

    /// The current Key Issue, made from the document's title when there is none yet.
    private mutating func currentIssue(place: String) -> Int {
        if let issue { return issue }
        let title = plan.title.isEmpty ? (documentTitle ?? "Plan") : plan.title
        let number = (plan.keyIssues.map(\.number).max() ?? 0) + 1
        plan.keyIssues.append(KeyIssue(number: number, title: title))
        issueNumbers.insert(number)
        report.structure.append("one Key Issue named from the document's title (\u{201C}\(title)\u{201D}): the document has no themes or Key Issue headings")
        let index = plan.keyIssues.count - 1
        issue = index
        return index
    }

    private mutating func startObjective(_ text: String, code: String?, number: Int?, place: String) {
        let i = currentIssue(place: place)
        let key = text.lowercased()
        if let found = objectiveByText[i]?[key] { objective = found; return }
        var o = Objective(number: number, code: code, text: text)
        if let code, let n = Int(code) { o.number = n; o.code = nil }
        plan.keyIssues[i].objectives.append(o)
        objective = plan.keyIssues[i].objectives.count - 1
        objectiveByText[i, default: [:]][key] = objective
        lastWasIssueHeading = false
    }

    /// The current objective; one named after the Key Issue when the layout has none.
    private mutating func currentObjective(place: String) -> (Int, Int) {
        let i = currentIssue(place: place)
        if let objective { return (i, objective) }
        let text = plan.keyIssues[i].title
        objectiveSource = objectiveSource ?? "one objective per Key Issue, named after it: the tables have no objective column and no group rows"
        startObjective(text, code: nil, number: nil, place: place)
        return (i, objective ?? plan.keyIssues[i].objectives.count - 1)
    }

    // MARK: - Tables

    /// The roles of a row's cells when it is a header row: at least two recognised columns, one of
    /// them a target or an objective.
    static func header(_ row: SourceRow, options: ImportOptions) -> Columns? {
        var roles: [ColumnRole?] = []
        var headings: [String] = []
        var recognised = 0
        for cell in row.cells {
            let h = cell.flat
            headings.append(h)
            if let mapped = options.columnMap[ColumnRole.normalise(h)] { roles.append(mapped); recognised += 1; continue }
            if let (r, _) = ColumnRole.recognise(h), h.count <= 80 { roles.append(r); recognised += 1 } else { roles.append(h.isEmpty ? nil : .extra) }
        }
        guard recognised >= 2, roles.contains(where: { $0 == .target || $0 == .objective }) else { return nil }
        var c = Columns(roles: roles, headings: headings, headerKey: headings.map { $0.lowercased() }.joined(separator: "\t"))
        for (i, r) in roles.enumerated() {
            guard let r else { continue }
            switch r {
            case .extra, .measure: c.extras.append(i)
            case .comment:
                c.comments.append(i)
                if c.index[.comment] == nil { c.index[.comment] = i }
            case .ignore: continue
            default:
                if c.index[r] == nil { c.index[r] = i } else { c.roles[i] = .extra; c.extras.append(i) }
            }
        }
        if c.index[.target] == nil, let o = c.index[.objective] {
            // "Outcome | Lead | By when": the only text column is what is done.
            c.index[.target] = o
            c.index[.objective] = nil
            c.roles[o] = .target
        }
        if let s = c.index[.status] { c.completedColumn = ColumnRole.normalise(headings[s]).contains("complet") }
        return c
    }

    private mutating func useHeader(_ c: Columns, place: String) {
        let changed = columns?.headerKey != c.headerKey
        columns = c
        guard changed else { return }
        for (i, h) in c.headings.enumerated() where !h.isEmpty || c.roles[i] != nil {
            let role = c.roles[i] ?? .extra
            var why = options.columnMap[ColumnRole.normalise(h)] != nil ? "--map" : (ColumnRole.recognise(h)?.1 ?? "not a heading this program knows")
            if role == .target, ColumnRole.recognise(h)?.0 == .objective { why = "the only text column, so it holds the targets" }
            if role == .extra, let guessed = ColumnRole.recognise(h)?.0, guessed != .extra, guessed != .measure {
                why = "a second \(guessed.rawValue) column: kept on each target"
            }
            if !report.columns.contains(where: { $0.heading == h && $0.role == role }) {
                report.columns.append(ImportReport.ColumnChoice(heading: h, role: role, why: "\(why) (\(place))"))
            }
        }
        if let o = c.first(.objective), objectiveSource == nil { objectiveSource = "objectives from the \"\(c.headings[o])\" column" }
        if let k = c.first(.keyIssue) { report.structure.append("Key Issues from the \"\(c.headings[k])\" column") }
    }

    private mutating func table(_ t: SourceTable) {
        var headerAt: Int?
        for (i, row) in t.rows.prefix(30).enumerated() {
            if let c = Self.header(row, options: options) { useHeader(c, place: row.place); headerAt = i; break }
        }
        if headerAt == nil && columns == nil {
            // No header in this table and none before: its one-cell rows may be headings; the rest unplaced.
            for row in t.rows { oneCellOrUnplaced(row, reason: "a table with no header row this program recognises") }
            sawTable = true
            return
        }
        let start = headerAt.map { $0 + 1 } ?? 0
        if let h = headerAt {
            for row in t.rows[..<h] { oneCellOrUnplaced(row, reason: "above the table's header row") }
        } else if let c = columns, t.rows.first.map({ $0.cells.count }) != c.roles.count {
            report.remark(at: t.place, "no header row: read with the columns of the table before it (\(c.headings.filter { !$0.isEmpty }.joined(separator: " | ")))")
        }
        sawTable = true
        let rows = Array(t.rows[start...])
        for (k, row) in rows.enumerated() { dataRow(row, next: k + 1 < rows.count ? rows[k + 1] : nil) }
    }

    private mutating func oneCellOrUnplaced(_ row: SourceRow, reason: String) {
        let filled = row.filled
        if filled.isEmpty { return }
        if filled.count == 1 {
            headingLine(row.cells[filled[0]].flat, place: row.place, isHeading: true, isTitle: false, inTable: false)
        } else {
            report.unplaced(at: row.place, reason, row.cells.map(\.flat).filter { !$0.isEmpty }.joined(separator: " | "))
        }
    }

    /// `next`: the row below, which tells a one-cell heading row ("As an Employer" followed by
    /// "Objective: …" or the header again) from a target that has only its text.
    private mutating func dataRow(_ row: SourceRow, next: SourceRow?) {
        guard let c = columns else { return }
        let filled = row.filled
        if filled.isEmpty { return }
        let texts = row.cells.map { $0.flat.lowercased() }.joined(separator: "\t")
        if row.isRepeatedHeader || texts == c.headerKey {
            report.skip(at: row.place, "the header row repeated", row.cells.map(\.flat).filter { !$0.isEmpty }.joined(separator: " | "))
            return
        }
        // A group heading: one filled cell (not merged down from above) spanning the table, or in a
        // column that is not the target's.
        let own = filled.filter { !row.cells[$0].continued }
        if own.count == 1, filled.count == 1 {
            let i = own[0]
            let cell = row.cells[i]
            let role = i < c.roles.count ? c.roles[i] : nil
            if role == .objective {
                startObjective(cell.flat, code: nil, number: nil, place: row.place)
                return
            }
            // The row below is a heading too (one filled cell, "Objective: …") or the header again.
            let nextFilled = next?.filled ?? []
            let nextIsObjective = next.map { n in nextFilled.count == 1 && Self.isObjectiveHeading(n.cells[nextFilled[0]].flat) } ?? false
            let nextIsHeading = next.map { n in
                if nextFilled.count == 1 { return true }
                return Self.header(n, options: options)?.headerKey == c.headerKey
            } ?? false
            let numbered = Self.leadingNumber(cell.flat).map { !$0.1.isEmpty } ?? false
            if nextIsObjective {
                startIssue(cell.flat, place: row.place)
                return
            }
            if cell.span * 2 >= c.roles.count || nextIsHeading || numbered || Self.isIssueHeading(cell.flat) || Self.isObjectiveHeading(cell.flat)
                || (role != .target && role != .officers && role != .timescale && role != .status && role != .comment) {
                headingLine(cell.flat, place: row.place, isHeading: true, isTitle: false, inTable: true)
                return
            }
        }
        func cell(_ r: ColumnRole) -> SourceCell? {
            guard let i = c.index[r], i < row.cells.count else { return nil }
            return row.cells[i]
        }
        if let k = cell(.keyIssue), !k.isEmpty {
            let title = k.flat
            if issue.map({ plan.keyIssues[$0].title.caseInsensitiveCompare(title) != .orderedSame }) ?? true {
                if let found = plan.keyIssues.firstIndex(where: { $0.title.caseInsensitiveCompare(title) == .orderedSame }) {
                    issue = found
                    objective = nil
                } else {
                    startIssue(title, place: row.place, fromColumn: true)
                }
            }
        }
        let reference = cell(.reference)
        if let o = cell(.objective), !o.isEmpty {
            let i = currentIssue(place: row.place)
            let key = o.flat.lowercased()
            if objectiveByText[i]?[key] == nil || objective.map({ plan.keyIssues[i].objectives[$0].text.lowercased() != key }) ?? true {
                var code: String?
                if let r = reference, !r.isEmpty, r.continued == o.continued { code = r.flat }
                startObjective(o.flat, code: code, number: nil, place: row.place)
            }
        }
        let targetText = cell(.target)?.flat ?? ""
        if targetText.isEmpty {
            let content = row.cells.enumerated().filter { !$0.element.isEmpty && !$0.element.continued }.map(\.element.flat)
            if content.isEmpty { return } // only merged-down cells: nothing new on this row
            report.unplaced(at: row.place, "a row with no text in the \"\(c.index[.target].map { c.headings[$0] } ?? "target")\" column", content.joined(separator: " | "))
            return
        }
        let (ii, oi) = currentObjective(place: row.place)
        var target = Target(id: "", text: targetText)
        if let o = cell(.officers), !o.isEmpty {
            let people = officersByCell[o.text] ?? OfficerSplitter.split(o.text)
            officersByCell[o.text] = people
            target.leadOfficers = people
            if people.count > 1 { report.officerSplits.append(ImportReport.OfficerSplit(cell: o.text.replacingOccurrences(of: "\n", with: " / "), officers: people, place: row.place)) }
        }
        if let ts = cell(.timescale), !ts.isEmpty {
            target.timescale = ts.flat
            if let known = dueByTimescale[ts.flat] { target.due = known } else {
                target.due = ImportDates.due(ts.flat)
                dueByTimescale[ts.flat] = target.due
            }
        }
        var extras: [JSONMember] = []
        if let s = cell(.status), !s.isEmpty {
            let word = s.flat
            if let status = StatusWords.status(word, overrides: options.statusMap, completedColumn: c.completedColumn) {
                target.status = status
                note(word, status, known: true, place: row.place)
            } else {
                note(word, .notAssessed, known: false, place: row.place)
            }
            extras.append(JSONMember("statusAsWritten", .string(word)))
        }
        target.comment = c.comments.compactMap { $0 < row.cells.count && !row.cells[$0].isEmpty ? row.cells[$0].text : nil }.joined(separator: "\n")
        if let f = cell(.forecast), !f.isEmpty { target.forecast = f.text }
        var extra: [JSONMember] = []
        if let r = reference, !r.isEmpty, !(r.continued && plan.keyIssues[ii].objectives[oi].code == r.flat),
           plan.keyIssues[ii].objectives[oi].code != r.flat {
            extra.append(JSONMember(c.headings[c.index[.reference]!], .string(r.flat)))
        }
        for i in c.extras where i < row.cells.count && !row.cells[i].isEmpty {
            let heading = c.headings[i].isEmpty ? "Column \(i + 1)" : c.headings[i]
            extra.append(JSONMember(heading, .string(row.cells[i].text)))
        }
        for i in row.cells.indices where i >= c.roles.count && !row.cells[i].isEmpty && !row.cells[i].continued {
            report.unplaced(at: row.place, "a cell beyond the header's last column (column \(i + 1))", row.cells[i].flat)
        }
        if !extra.isEmpty { extras.append(JSONMember("extra", .object(extra))) }
        target.extras = extras
        if let idCell = cell(.targetID), !idCell.isEmpty {
            let id = idCell.flat
            if TargetID.problem(with: id) == nil, !usedIDs.contains(id) { target.id = id; usedIDs.insert(id) }
            else { report.remark(at: row.place, "target id \"\(id)\" is not usable or is repeated; given a new id") }
        }
        plan.keyIssues[ii].objectives[oi].targets.append(target)
    }

    private mutating func note(_ word: String, _ status: Status, known: Bool, place: String) {
        let key = StatusWords.key(word)
        if let i = statusUses[key] {
            report.statusWords[i].places.append(place)
        } else {
            statusUses[key] = report.statusWords.count
            report.statusWords.append(ImportReport.StatusWordUse(word: word, status: status, known: known, places: [place]))
        }
    }

    private mutating func finishStatusWords() {
        let unknown = report.statusWords.filter { !$0.known }
        for u in unknown {
            report.remark(at: nil, "unknown status word \u{201C}\(u.word)\u{201D}: imported as not assessed on \(u.places.joined(separator: ", ")); use --status '\(u.word)=met' (or not-met, partially-met, not-assessed) to say what it means")
        }
    }

    /// Targets without an id from the file get t1, t2, … in document order, skipping ids the file gave.
    private mutating func numberTargets() {
        var n = 1
        for i in plan.keyIssues.indices {
            for o in plan.keyIssues[i].objectives.indices {
                for t in plan.keyIssues[i].objectives[o].targets.indices where plan.keyIssues[i].objectives[o].targets[t].id.isEmpty {
                    while usedIDs.contains("t\(n)") { n += 1 }
                    plan.keyIssues[i].objectives[o].targets[t].id = "t\(n)"
                    usedIDs.insert("t\(n)")
                }
            }
        }
        plan.nextTargetId = (usedIDs.compactMap { TargetID.number(in: $0) }.max() ?? 0) + 1
    }
}
