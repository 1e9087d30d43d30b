import CSV
import Foundation

/// CSV as Excel saves it (UTF-8 with or without BOM, CRLF, quoted fields with commas and newlines),
/// parsed by the CSV.swift package. One row per target under a header row naming the columns
/// (see `CSVColumn`); rows are grouped into Key Issues and objectives by their cells, so a sorted
/// sheet still imports. An empty Key Issue or Objective cell means "as the row above".
struct CSVPlanImporter {
    let file: String
    let text: String
    private(set) var report = ImportReport()
    private var issues: [KeyIssue] = []
    /// Per Key Issue, the objective the last row used (for rows that leave the Objective cells empty).
    private var currentObjective: [Int: Int] = [:]
    private var currentIssue: Int?
    private var column: [CSVColumn: Int] = [:]
    private var unnamed: [Int] = []
    private var width = 0
    private var usedIDs: [String: Int] = [:]
    /// Column → key of an "Extra: KEY" column.
    private var extraColumns: [Int: String] = [:]
    /// Lookups that keep each row constant-time (a linear search per row made 100k rows quadratic).
    private var issueByNumber: [Int: Int] = [:]
    private var issueByTitle: [String: Int] = [:]
    private var objectiveByKey: [Int: [ObjectiveKey: Int]] = [:]
    private var planFields: [CSVColumn: String] = [:]
    /// What a status word, a time scale and a Key Issue No cell mean, per distinct cell: a sheet
    /// repeats a handful of them over 100k rows, and parsing each again (Foundation's case-insensitive
    /// replace among it) was a fifth of the import.
    private var statusByCell: [String: StatusMeaning] = [:]
    private var dueByTimescale: [String: Day?] = [:]
    private var issueNumberByCell: [String: Int?] = [:]
    private var officersByCell: [String: [String]] = [:]

    private struct StatusMeaning {
        var status: Status
        /// The word is a council's own, kept beside the status (our export's spellings are not).
        var keepWord: Bool
        var known: Bool
    }

    private struct ObjectiveKey: Hashable {
        var number: Int?
        var code: String
        var text: String
    }
    /// (issue, objective, target) of targets that still need an id, in document order.
    private var needIDs: [(Int, Int, Int)] = []

    let options: ImportOptions

    init(file: String, text: String, options: ImportOptions = ImportOptions()) {
        self.file = file
        self.text = text
        self.options = options
    }

    /// Our own export's header: comma-separated, every heading a `CSVColumn`, none twice, with the
    /// Key Issue, Objective and Target columns. Anything else is a council's CSV for `LayoutMapper`.
    static func looksLikeOurs(firstLine: String) -> Bool {
        guard let reader = try? CSVReader(string: firstLine, hasHeaderRow: false), let row = reader.next(), row.count >= 3 else { return false }
        var seen: Set<CSVColumn> = []
        for cell in row {
            let name = ImportText.squash(cell.replacingOccurrences(of: "\u{FEFF}", with: ""))
            if name.isEmpty || CSVColumn.extraKey(name) != nil { continue }
            guard let c = CSVColumn.named(name), !seen.contains(c) else { return false }
            seen.insert(c)
        }
        return (seen.contains(.keyIssue) || seen.contains(.keyIssueNumber)) && seen.contains(.objective) && seen.contains(.target)
    }

    /// The first non-empty line is a CSV row naming at least two known columns.
    static func looksLikeCSV(firstLine: String) -> Bool {
        guard let reader = try? CSVReader(string: firstLine, hasHeaderRow: false), let row = reader.next(), row.count >= 2 else { return false }
        return row.filter { CSVColumn.named($0) != nil }.count >= 2
    }

    mutating func run() throws(ImportError) -> (plan: Plan, report: ImportReport) {
        if let open = Self.unclosedQuoteLine(text) {
            // The reader would take the rest of the file as one cell: refuse rather than import that.
            throw ImportError(file: file, line: open, "a quoted cell opens here and is never closed (unbalanced \")")
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: false)
        } catch {
            throw ImportError(file: file, "cannot read as CSV: \(error)")
        }
        var line = 1
        var headerLine: Int?
        var rows = 0
        while let row = reader.next() {
            let rowLine = line
            line += 1 + row.reduce(0) { $0 + Self.lineBreaks(in: $1) }
            if row.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) { continue }
            if headerLine == nil {
                try readHeader(row, line: rowLine)
                headerLine = rowLine
                continue
            }
            try readRow(row.map(CSVText.restored), line: rowLine)
            rows += 1
        }
        if let error = reader.error { throw ImportError(file: file, line: line, "cannot read as CSV: \(error)") }
        guard let headerLine else { throw ImportError(file: file, "the file is empty") }
        if rows == 0 { throw ImportError(file: file, line: headerLine, "a header row but no plan rows under it") }
        report.targetIDsFromFile = Set(usedIDs.keys) // before assignIDs adds the ones it hands out
        report.csvColumns = Set(column.keys)
        assignIDs()
        var plan = Plan(id: "", title: planFields[.planTitle] ?? "")
        plan.organisation = planFields[.organisation] ?? ""
        plan.department = planFields[.department] ?? ""
        if let p = planFields[.period] {
            let parts = p.components(separatedBy: "..")
            if parts.count == 2, let a = YearMonth(iso: parts[0]), let b = YearMonth(iso: parts[1]) { plan.period = Period(start: a, end: b) }
            else { report.remark(headerLine, "Plan Period \"\(p)\" is not YYYY-MM..YYYY-MM; left out") }
        }
        if let a = planFields[.asAt] {
            if let d = Day(iso: a) { plan.asAt = d } else { report.remark(headerLine, "Plan As At \"\(a)\" is not a date (YYYY-MM-DD); left out") }
        }
        plan.keyIssues = issues
        plan.nextTargetId = (plan.allTargets.compactMap { TargetID.number(in: $0.id) }.max() ?? 0) + 1
        return (plan, report)
    }

    // MARK: - Header

    private mutating func readHeader(_ row: [String], line: Int) throws(ImportError) {
        var unknown: [String] = []
        for (i, cell) in row.enumerated() {
            let name = ImportText.squash(cell.replacingOccurrences(of: "\u{FEFF}", with: ""))
            if name.isEmpty { unnamed.append(i); continue }
            if let key = CSVColumn.extraKey(name) { extraColumns[i] = key; continue }
            guard let c = CSVColumn.named(name) else { unknown.append("\"\(name)\" (column \(i + 1))"); continue }
            if let earlier = column[c] {
                throw ImportError(file: file, line: line, "the column \"\(c.name)\" appears twice (columns \(earlier + 1) and \(i + 1))")
            }
            column[c] = i
        }
        if !unknown.isEmpty {
            throw ImportError(file: file, line: line,
                              "unknown column\(unknown.count == 1 ? "" : "s") \(unknown.joined(separator: ", ")); accepted names: \(CSVColumn.acceptedNames) (any case; see `actionplan import --help` for other spellings)")
        }
        var missing: [String] = []
        if column[.keyIssue] == nil && column[.keyIssueNumber] == nil { missing.append("Key Issue") }
        if column[.objective] == nil { missing.append("Objective") }
        if column[.target] == nil { missing.append("Target") }
        if !missing.isEmpty {
            throw ImportError(file: file, line: line,
                              "missing required column\(missing.count == 1 ? "" : "s") \(missing.map { "\"\($0)\"" }.joined(separator: ", ")); a plan CSV needs Key Issue (or Key Issue No), Objective and Target")
        }
        width = row.count
    }

    // MARK: - Rows

    private mutating func readRow(_ row: [String], line: Int) throws(ImportError) {
        let column = self.column
        func cell(_ c: CSVColumn) -> String {
            guard let i = column[c], i < row.count else { return "" }
            return row[i]
        }
        for i in row.indices where (i >= width || unnamed.contains(i)) && !row[i].isEmpty {
            report.unplaced(line, "cell in column \(i + 1), which has no name in the header", row[i])
        }
        for c in [CSVColumn.planTitle, .organisation, .department, .period, .asAt] where planFields[c] == nil {
            let v = cell(c)
            if !v.isEmpty { planFields[c] = c == .planTitle || c == .organisation || c == .department ? v : ImportText.squash(v) }
        }
        let issue = try issueIndex(cell, line: line)
        let objectiveCells: [CSVColumn] = [.objectiveNumber, .objectiveCode, .objective, .expectedOutcome]
        let targetCells: [CSVColumn] = [.targetID, .target, .officers, .timescale, .due, .status, .comment, .forecast,
                                        .unit, .baseline, .measureTarget, .actual, .better, .statusAsWritten]
        let hasTarget = targetCells.contains { !cell($0).isEmpty } || extraColumns.keys.contains { $0 < row.count && !row[$0].isEmpty }
        var objective: Int
        if objectiveCells.allSatisfy({ cell($0).isEmpty }) {
            guard let current = currentObjective[issue] else {
                if hasTarget {
                    throw ImportError(file: file, line: line, "a target with no objective: the Objective cell is empty and no row above gives one for Key Issue \(issues[issue].number)")
                }
                return // a Key Issue with no objectives
            }
            objective = current
        } else {
            objective = try objectiveIndex(cell, issue: issue, line: line)
        }
        currentObjective[issue] = objective
        guard hasTarget else { return }
        var target = try makeTarget(cell, line: line)
        var extra: [JSONMember] = []
        for (i, key) in extraColumns.sorted(by: { $0.key < $1.key }) where i < row.count && !row[i].isEmpty {
            extra.append(JSONMember(key, .string(row[i])))
        }
        if !extra.isEmpty { target.extras.append(JSONMember("extra", .object(extra))) }
        issues[issue].objectives[objective].targets.append(target)
        let position = (issue, objective, issues[issue].objectives[objective].targets.count - 1)
        let id = ImportText.squash(cell(.targetID))
        if id.isEmpty {
            needIDs.append(position)
        } else if let problem = TargetID.problem(with: id) {
            report.remark(line, "target id \"\(id)\" is not usable (\(problem)); given a new id")
            needIDs.append(position)
        } else if let earlier = usedIDs[id] {
            report.remark(line, "target id \"\(id)\" is already used on line \(earlier); given a new id")
            needIDs.append(position)
        } else {
            usedIDs[id] = line
            issues[issue].objectives[objective].targets[position.2].id = id
        }
    }

    private mutating func issueIndex(_ cell: (CSVColumn) -> String, line: Int) throws(ImportError) -> Int {
        let numberCell = ImportText.squash(cell(.keyIssueNumber))
        var title = cell(.keyIssue)
        if numberCell.isEmpty && title.allSatisfy(\.isWhitespace) {
            guard let currentIssue else {
                throw ImportError(file: file, line: line, "no Key Issue on this row and no row above to take it from")
            }
            return currentIssue
        }
        var number: Int?
        if !numberCell.isEmpty {
            let parsed = issueNumberByCell[numberCell] ?? Int(numberCell.trimmingTrailingDots
                .replacingOccurrences(of: "Key Issue", with: "", options: .caseInsensitive).trimmingCharacters(in: .whitespaces))
            issueNumberByCell[numberCell] = parsed
            guard let n = parsed else {
                throw ImportError(file: file, line: line, "Key Issue No \"\(numberCell)\" is not a whole number")
            }
            number = n
        } else if let (n, rest) = Self.numbered(title) {
            number = n
            title = rest
        }
        let index: Int
        if let number, let found = issueByNumber[number] {
            index = found
        } else if number == nil, let found = issueByTitle[title.lowercased()] {
            index = found
        } else {
            issues.append(KeyIssue(number: number ?? ((issues.map(\.number).max() ?? 0) + 1), title: title))
            index = issues.count - 1
            issueByNumber[issues[index].number] = index
            issueByTitle[title.lowercased()] = index
        }
        if issues[index].title.isEmpty {
            issues[index].title = title
        } else if !title.isEmpty && issues[index].title != title {
            report.remark(line, "Key Issue \(issues[index].number) is titled differently from the row that first named it; kept \"\(issues[index].title)\"", title)
        }
        let statement = cell(.statement)
        if issues[index].statement.isEmpty {
            issues[index].statement = statement
        } else if !statement.isEmpty && statement != issues[index].statement {
            report.remark(line, "Key Issue \(issues[index].number)'s statement differs from the row that first gave it; kept the first", statement)
        }
        currentIssue = index
        return index
    }

    private mutating func objectiveIndex(_ cell: (CSVColumn) -> String, issue: Int, line: Int) throws(ImportError) -> Int {
        var text = cell(.objective)
        var number: Int?
        let numberCell = ImportText.squash(cell(.objectiveNumber))
        if !numberCell.isEmpty {
            guard let n = Int(numberCell.trimmingTrailingDots) else {
                throw ImportError(file: file, line: line, "Objective No \"\(numberCell)\" is not a whole number")
            }
            number = n
        } else if column[.objectiveNumber] == nil {
            // No number column: "2. Manage …" carries its number in the text, as the plans print it.
            let (n, rest) = PlanTextImporter.splitNumber(text)
            if n != nil { number = n; text = rest }
        }
        let code = cell(.objectiveCode)
        let outcome = cell(.expectedOutcome)
        let key = ObjectiveKey(number: number, code: code, text: text)
        if let found = objectiveByKey[issue]?[key] {
            if issues[issue].objectives[found].expectedOutcome.isEmpty && !outcome.isEmpty { issues[issue].objectives[found].expectedOutcome = outcome }
            return found
        }
        issues[issue].objectives.append(Objective(number: number, code: code.isEmpty ? nil : code, text: text, expectedOutcome: outcome))
        objectiveByKey[issue, default: [:]][key] = issues[issue].objectives.count - 1
        return issues[issue].objectives.count - 1
    }

    /// The spellings export writes (met, not-met, …) read back exactly; a council's word is kept as
    /// written beside the status it means, and an unknown word never refuses the file.
    private mutating func statusMeaning(_ cell: String) -> StatusMeaning {
        if let known = statusByCell[cell] { return known }
        let meaning: StatusMeaning
        if let s = options.statusMap[StatusWords.key(cell)] {
            meaning = StatusMeaning(status: s, keepWord: true, known: true)
        } else if let s = Status(argument: cell), Status.allCases.contains(where: { $0.argument == cell || $0.rawValue == cell }) {
            meaning = StatusMeaning(status: s, keepWord: false, known: true)
        } else if let s = ProgressReportImporter.status(cell) ?? StatusWords.status(cell) {
            meaning = StatusMeaning(status: s, keepWord: true, known: true)
        } else {
            meaning = StatusMeaning(status: .notAssessed, keepWord: true, known: false)
        }
        statusByCell[cell] = meaning
        return meaning
    }

    private mutating func makeTarget(_ cell: (CSVColumn) -> String, line: Int) throws(ImportError) -> Target {
        let officersCell = cell(.officers)
        // One officer a line is what export writes when a name would not survive "; " (it has a ";",
        // a tab, a line break or spaces at its ends): read exactly. "; " is what export writes
        // otherwise (and keeps "Jo Fisher, Service Manager" whole); any other cell is read like a
        // plan's Lead officers cell.
        var officers: [String]
        if let known = officersByCell[officersCell] {
            officers = known
        } else if officersCell.contains("\n") || officersCell.contains("\r") {
            officers = officersCell.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
        } else if officersCell.contains(";") {
            officers = officersCell.split(separator: ";").map { ImportText.squash($0) }.filter { !$0.isEmpty }
        } else {
            officers = LeadOfficerParser.parse(officersCell)
        }
        officersByCell[officersCell] = officers
        let timescale = cell(.timescale)
        var due: Day?
        if let known = dueByTimescale[timescale] { due = known } else {
            due = Timescale(timescale).due
            dueByTimescale[timescale] = due
        }
        let dueCell = ImportText.squash(cell(.due))
        if !dueCell.isEmpty {
            guard let day = Day(iso: dueCell) ?? Timescale(dueCell).due else {
                throw ImportError(file: file, line: line, "Due \"\(dueCell)\" is not a date (expected YYYY-MM-DD)")
            }
            due = day
        }
        let statusCell = ImportText.squash(cell(.status))
        var status = Status.notAssessed
        var asWritten: String? = cell(.statusAsWritten).isEmpty ? nil : cell(.statusAsWritten)
        if !statusCell.isEmpty {
            let meaning = statusMeaning(statusCell)
            status = meaning.status
            if meaning.keepWord { asWritten = asWritten ?? statusCell }
            if !meaning.known {
                report.remark(line, "unknown status word \u{201C}\(statusCell)\u{201D}: imported as not assessed; use --status '\(statusCell)=met' (or not-met, partially-met, not-assessed) to say what it means")
            }
        }
        var target = Target(id: "", text: cell(.target), leadOfficers: officers, timescale: timescale, due: due, status: status)
        if let asWritten { target.extras.append(JSONMember("statusAsWritten", .string(asWritten))) }
        target.comment = cell(.comment)
        target.forecast = cell(.forecast)
        var measure = Measure()
        measure.unit = cell(.unit).isEmpty ? nil : cell(.unit)
        measure.baseline = try number(cell(.baseline), .baseline, line: line)
        measure.target = try number(cell(.measureTarget), .measureTarget, line: line)
        measure.actual = try number(cell(.actual), .actual, line: line)
        let better = ImportText.squash(cell(.better))
        if !better.isEmpty {
            guard let b = Better(rawValue: better.lowercased()) else {
                throw ImportError(file: file, line: line, "Better \"\(better)\" must be higher or lower")
            }
            measure.better = b
        }
        if !measure.isEmpty { target.measure = measure }
        return target
    }

    private func number(_ raw: String, _ c: CSVColumn, line: Int) throws(ImportError) -> Double? {
        let text = ImportText.squash(raw)
        if text.isEmpty { return nil }
        var t = text.replacingOccurrences(of: ",", with: "")
        if t.hasSuffix("%") { t.removeLast() }
        guard let v = Double(t.trimmingCharacters(in: .whitespaces)), v.isFinite else {
            throw ImportError(file: file, line: line, "\(c.name) \"\(text)\" is not a number")
        }
        return v
    }

    /// Targets without an id (or with an unusable one) get the next free `tN`, in document order.
    private mutating func assignIDs() {
        var next = (usedIDs.keys.compactMap { TargetID.number(in: $0) }.max() ?? 0) + 1
        let ordered = needIDs.sorted { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }
        for (i, o, t) in ordered {
            while usedIDs["t\(next)"] != nil { next += 1 }
            issues[i].objectives[o].targets[t].id = "t\(next)"
            usedIDs["t\(next)"] = 0
            next += 1
        }
    }

    // MARK: - Cells

    /// "1. Leadership", "Key Issue 2: Consultation", "3" → number and title.
    static func numbered(_ text: String) -> (Int, String)? {
        var t = Substring(text)
        if t.lowercased().hasPrefix("key issue") { t = t.dropFirst("key issue".count).drop { $0 == " " } }
        let digits = t.prefix { $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3, let n = Int(digits) else { return nil }
        var rest = t.dropFirst(digits.count)
        if let c = rest.first {
            guard [".", ":", ")", " ", "-", "\u{2013}"].contains(c) else { return nil }
            rest = rest.dropFirst()
        }
        return (n, ImportText.squash(rest.drop { $0 == " " || $0 == "-" || $0 == "\u{2013}" }))
    }

    /// The line where a quoted cell opens that no closing quote ends, or nil. Excel doubles quotes
    /// inside quoted cells, so in a well-formed file every quote toggles in/out of a quoted cell.
    static func unclosedQuoteLine(_ text: String) -> Int? {
        var line = 1
        var inQuotes = false
        var openedAt = 0
        var previousCR = false
        for s in text.unicodeScalars {
            if s == "\"" {
                inQuotes.toggle()
                if inQuotes { openedAt = line }
            } else if s == "\n" {
                if !previousCR { line += 1 }
            } else if s == "\r" {
                line += 1
            }
            previousCR = s == "\r"
        }
        return inQuotes ? openedAt : nil
    }

    static func lineBreaks(in cell: String) -> Int {
        var n = 0
        var previousCR = false
        for s in cell.unicodeScalars {
            if s == "\n" { if !previousCR { n += 1 }; previousCR = false } else if s == "\r" { n += 1; previousCR = true } else { previousCR = false }
        }
        return n
    }
}
