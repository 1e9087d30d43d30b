import Foundation

/// A progress report (seed 004): sections headed `Customer and Corporate Services 1 (CCS1)`, each with
/// an `Action` and an `Expected outcome`, then a table of month rows (month, expected outcome,
/// responsible officer, ✓/X mark, comments, forecast). Each department is a Key Issue (consecutive
/// sections with the same department name), each section an objective, each month row a target.
struct ProgressReportImporter {
    let file: String
    let lines: [String]
    private(set) var report = ImportReport()
    private var issues: [KeyIssue] = []
    private var issueKey = ""
    private var title = ""

    private enum Part { case none, action, outcome, rows }
    private var part = Part.none
    private var actionParts: [String] = []
    private var outcomeParts: [String] = []
    private var columns: [ReportColumn: Int] = [:]
    private var width = 0
    private var rowsInTable = 0
    private var sectionLine = 0
    /// A blank line or table rule since the last row: a page break may have split a row there.
    private var afterBreak = false
    private var lastMonth = ""
    private var lastRowFilled: Set<ReportColumn> = []
    private var lastOfficerText = ""

    enum ReportColumn: String, CaseIterable {
        case month = "Month outcome to be completed in or by end of."
        case outcome = "Expected Outcome"
        case officer = "Responsible Officer"
        case mark = "✓ = met X not met"
        case comment = "Comments"
        case forecast = "Is it expected that the action be met …?"

        static func named(_ cell: String) -> ReportColumn? {
            let c = ImportText.compact(cell)
            if c.hasPrefix("month") { return .month }
            if c.hasPrefix("expectedoutcome") { return .outcome }
            if c.hasPrefix("responsibleofficer") || c.hasPrefix("leadofficer") { return .officer }
            if c.contains("=met") || c == "met" || c == "status" { return .mark }
            if c.hasPrefix("comment") { return .comment }
            if c.hasPrefix("isitexpected") || c.hasPrefix("forecast") { return .forecast }
            return nil
        }
    }

    init(file: String, lines: [String]) {
        self.file = file
        self.lines = lines
    }

    /// Seen in the text: the month table header, or both the Action and Expected outcome labels.
    static func looksLikeReport(_ lines: [String]) -> Bool {
        var action = false, outcome = false
        for line in lines {
            let first = ImportText.cells(ImportText.stripParagraphTags(line)).first ?? ""
            if ImportText.compact(first).hasPrefix("monthoutcometobe") { return true }
            let flat = ImportText.squash(ImportText.stripParagraphTags(line))
            if label("action", in: flat) != nil { action = true }
            if label("expected outcome", in: flat) != nil { outcome = true }
        }
        return action && outcome
    }

    mutating func run() throws(ImportError) -> (plan: Plan, report: ImportReport) {
        guard let first = lines.firstIndex(where: { Self.section(ImportText.squash($0)) != nil && !Self.hasInnerTab($0) }) else {
            throw ImportError(file: file, "no report sections found: expected headings such as \"Customer and Corporate Services 1 (CCS1)\" followed by Action, Expected outcome and a table of months")
        }
        readPreamble(upTo: first)
        for i in first..<lines.count { try read(line: lines[i], number: i + 1) }
        finishSection()
        if !issues.contains(where: { $0.objectives.contains { !$0.targets.isEmpty } }) {
            throw ImportError(file: file, "no table found: no section has a table headed \"Month outcome to be completed in or by end of.\", \"Expected Outcome\", \"Responsible Officer\", …")
        }
        var plan = Plan(id: "", title: title)
        plan.keyIssues = issues
        plan.asAt = DocumentTitle.asAt(in: title)
        return (plan, report)
    }

    private mutating func readPreamble(upTo end: Int) {
        let lines = self.lines
        let candidates = (0..<end).filter { !ImportText.squash(lines[$0]).isEmpty }
        let text = { (i: Int) in ImportText.squash(ImportText.stripParagraphTags(lines[i])) }
        let titleIndex = candidates.last { let t = text($0).lowercased(); return t.contains("plan") || t.contains("report") } ?? candidates.first
        for i in candidates {
            if i == titleIndex { title = text(i) } else { report.unplaced(i + 1, "text before the first section", text(i)) }
        }
    }

    private static func hasInnerTab(_ line: String) -> Bool {
        ImportText.cells(line).filter { !ImportText.squash($0).isEmpty }.count > 1
    }

    private mutating func read(line rawLine: String, number: Int) throws(ImportError) {
        let raw = ImportText.stripParagraphTags(rawLine)
        let cells = ImportText.cells(raw).map { ImportText.squash($0) }
        let flat = ImportText.squash(raw)
        if flat.isEmpty {
            afterBreak = true
            return
        }
        if Self.isRule(raw) {
            report.skip(number, "table rule (page break)", flat)
            afterBreak = true
            return
        }
        if !Self.hasInnerTab(raw), let (name, n, code) = Self.section(flat) {
            finishSection()
            startSection(name: name, number: n, code: code, line: number, heading: flat)
            return
        }
        if ImportText.compact(cells[0]).hasPrefix("monthoutcome") || (cells.count > 2 && ReportColumn.named(cells[0]) == .month && ReportColumn.named(cells[1]) == .outcome) {
            try readHeader(cells, number: number)
            return
        }
        if part == .rows {
            if rowsInTable == 0, ImportText.compact(cells[0]).hasPrefix("completedinorbyendof") {
                report.skip(number, "table header continued after a page break", flat)
                return
            }
            guard raw.contains("\t") else {
                report.unplaced(number, "text outside the table's columns", flat)
                return
            }
            readRow(cells, number: number)
            afterBreak = false
            return
        }
        // Action and Expected outcome: a label, then text on the same line or the lines below.
        if part == .none, let rest = Self.label("action", in: flat) {
            part = .action
            if !rest.isEmpty { actionParts.append(rest) }
            return
        }
        if part != .outcome, let rest = Self.label("expected outcome", in: flat) {
            part = .outcome
            if !rest.isEmpty { outcomeParts.append(rest) }
            return
        }
        switch part {
        case .action: actionParts.append(flat)
        case .outcome: outcomeParts.append(flat)
        case .none, .rows: report.unplaced(number, "text in a section before its Action", flat)
        }
    }

    /// "Action: …", "Action …", "Expected outcome:. …" → the text after the label ("" when alone).
    static func label(_ word: String, in flat: String) -> String? {
        guard flat.lowercased().hasPrefix(word) else { return nil }
        let rest = flat.dropFirst(word.count)
        if let c = rest.first, !(c == " " || c == ":" || c == ".") { return nil }
        return ImportText.squash(rest.drop { $0 == " " || $0 == ":" || $0 == "." })
    }

    /// `--\t----\t--` and `--- | ---`: rules a conversion left where a table broke across pages.
    static func isRule(_ line: String) -> Bool {
        var dashes = 0
        for ch in line {
            if ch == "-" { dashes += 1; continue }
            if ch == "|" || ch == ":" || ch == "+" || ch.isWhitespace { continue }
            return false
        }
        return dashes >= 2
    }

    /// "Children & Learning 2 (CL2)" → ("Children & Learning", 2, "CL2"); "Housing and Community Living 3" → code nil.
    static func section(_ flat: String) -> (String, Int, String?)? {
        var text = Substring(flat)
        var code: String?
        if text.hasSuffix(")"), let open = text.lastIndex(of: "(") {
            let inner = ImportText.squash(text[text.index(after: open)..<text.index(before: text.endIndex)])
            let compact = inner.replacingOccurrences(of: " ", with: "")
            guard (2...10).contains(compact.count), compact.first!.isLetter, compact.last!.isNumber,
                  compact.allSatisfy({ $0.isLetter || $0.isNumber }) else { return nil }
            code = compact
            text = text[..<open]
        }
        var words = text.split(separator: " ").map(String.init)
        guard let last = words.last, last.count <= 2, last.allSatisfy(\.isNumber), let n = Int(last) else { return nil }
        words.removeLast()
        guard (2...7).contains(words.count), words.first!.first!.isUppercase else { return nil }
        for w in words where !(w == "&" || w == "and" || w == "of" || (w.first!.isUppercase && w.allSatisfy { $0.isLetter || $0 == "'" || $0 == "-" })) {
            return nil
        }
        return (words.joined(separator: " "), n, code)
    }

    // MARK: - Sections

    private mutating func startSection(name: String, number: Int, code printed: String?, line: Int, heading: String) {
        let key = name.lowercased().replacingOccurrences(of: "&", with: "and").split(separator: " ").joined(separator: " ")
        if key != issueKey || issues.isEmpty {
            issues.append(KeyIssue(number: issues.count + 1, title: name))
            issueKey = key
        }
        var code = printed
        if code == nil {
            let initials = name.split(separator: " ").filter { !["and", "&", "of", "the"].contains($0.lowercased()) }.compactMap(\.first)
            code = String(initials).uppercased() + String(number)
            report.remark(line, "section has no code in brackets; derived \(code!)", heading)
        }
        issues[issues.count - 1].objectives.append(Objective(number: number, code: code, text: ""))
        part = .none
        actionParts = []
        outcomeParts = []
        columns = [:]
        rowsInTable = 0
        sectionLine = line
        afterBreak = false
        lastMonth = ""
        lastRowFilled = []
        lastOfficerText = ""
    }

    private mutating func finishSection() {
        guard !issues.isEmpty, let last = issues[issues.count - 1].objectives.indices.last else { return }
        let action = ImportText.squash(actionParts.joined(separator: " "))
        let outcome = ImportText.squash(outcomeParts.joined(separator: " "))
        issues[issues.count - 1].objectives[last].text = action
        issues[issues.count - 1].objectives[last].expectedOutcome = outcome
        if action.isEmpty { report.remark(sectionLine, "section has no Action text") }
        if part != .rows { report.remark(sectionLine, "section has no table of months") }
    }

    // MARK: - Month rows

    private mutating func readHeader(_ cells: [String], number: Int) throws(ImportError) {
        var map: [ReportColumn: Int] = [:]
        var unknown: [String] = []
        for (i, cell) in cells.enumerated() where !cell.isEmpty {
            guard let column = ReportColumn.named(cell) else { unknown.append(cell); continue }
            if map[column] != nil {
                throw ImportError(file: file, line: number, "the month table header names the column \"\(column.rawValue)\" twice")
            }
            map[column] = i
        }
        let accepted = ReportColumn.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        if !unknown.isEmpty {
            throw ImportError(file: file, line: number, "the month table header has unknown column\(unknown.count == 1 ? "" : "s") \(unknown.map { "\"\($0)\"" }.joined(separator: ", ")); accepted columns: \(accepted)")
        }
        if map[.month] == nil || map[.outcome] == nil {
            throw ImportError(file: file, line: number, "the month table header needs the month and \"Expected Outcome\" columns; accepted columns: \(accepted)")
        }
        if part == .rows, rowsInTable > 0 {
            report.skip(number, "table header repeated after a page break", ImportText.squash(cells.joined(separator: " ")))
        }
        columns = map
        width = cells.count
        part = .rows
        afterBreak = false
    }

    private mutating func readRow(_ cells: [String], number: Int) {
        let columns = self.columns
        func value(_ c: ReportColumn) -> String {
            guard let i = columns[c], i < cells.count else { return "" }
            return cells[i]
        }
        let mapped = Set(columns.values)
        for (i, cell) in cells.enumerated() where !mapped.contains(i) && !cell.isEmpty {
            report.unplaced(number, "cell outside the month table's columns", cell)
        }
        let filled = Set(ReportColumn.allCases.filter { !value($0).isEmpty })
        if filled.isEmpty { return }
        let objective = issues[issues.count - 1].objectives.count - 1
        let hasTarget = !issues[issues.count - 1].objectives[objective].targets.isEmpty

        // A row split by a page break: its rest follows the break, with no month and no mark, and
        // text only in columns where the row above has text.
        if afterBreak, value(.month).isEmpty, value(.mark).isEmpty, hasTarget {
            if filled.isSubset(of: lastRowFilled) {
                let officerText = ImportText.join(lastOfficerText, value(.officer))
                lastOfficerText = officerText
                let t = issues[issues.count - 1].objectives[objective].targets.count - 1
                update(objective, t) { target in
                    target.text = ImportText.join(target.text, value(.outcome))
                    target.leadOfficers = LeadOfficerParser.parse(officerText)
                    target.comment = ImportText.join(target.comment, value(.comment))
                    target.forecast = ImportText.join(target.forecast, value(.forecast))
                }
                return
            }
            if value(.officer).isEmpty {
                report.unplaced(number, "looks like the rest of a row split by a page break, but its columns do not line up with the row above",
                                describeRow(filled, value))
                return
            }
        }

        var timescale = value(.month)
        if timescale.isEmpty {
            timescale = lastMonth
            if timescale.isEmpty { report.remark(number, "row with no month and no month above it; time scale left blank") }
        } else {
            lastMonth = timescale
        }
        var status = Status.notAssessed
        if let parsed = Self.status(value(.mark)) {
            status = parsed
        } else {
            report.unplaced(number, "unrecognised mark in the met column (status left not assessed)", value(.mark))
        }
        var target = Target(id: "", text: value(.outcome), leadOfficers: LeadOfficerParser.parse(value(.officer)),
                            timescale: timescale, due: Timescale(timescale).due, status: status)
        target.comment = value(.comment)
        target.forecast = value(.forecast)
        issues[issues.count - 1].objectives[objective].targets.append(target)
        lastRowFilled = filled
        lastOfficerText = value(.officer)
        rowsInTable += 1
    }

    private mutating func update(_ objective: Int, _ target: Int, _ body: (inout Target) -> Void) {
        body(&issues[issues.count - 1].objectives[objective].targets[target])
    }

    private func describeRow(_ filled: Set<ReportColumn>, _ value: (ReportColumn) -> String) -> String {
        ReportColumn.allCases.filter(filled.contains).map { "\($0 == .forecast ? "Forecast" : $0 == .month ? "Month" : $0.rawValue): \(value($0))" }
            .joined(separator: " | ")
    }

    /// The "✓ = met X not met" column: ✓ met, X not met, "Partially met", blank not assessed.
    static func status(_ mark: String) -> Status? {
        let m = ImportText.compact(mark).trimmingTrailingDots
        switch m {
        case "": return .notAssessed
        case "✓", "✔", "√", "met", "yes", "y": return .met
        case "x", "✗", "✘", "×", "notmet", "no", "n": return .notMet
        case "partiallymet", "partlymet", "partially", "partial", "part", "partmet": return .partiallyMet
        case "notassessed", "n/a", "na": return .notAssessed
        default: return nil
        }
    }
}
