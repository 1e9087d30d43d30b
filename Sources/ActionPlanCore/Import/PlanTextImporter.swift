import Foundation

/// Plan text: a Word action plan copied out as text (seeds 000, 001). A title line, `Key Issue N: Title`
/// headings with a statement paragraph, then tab-separated table rows under a header row.
///
/// The importer repairs only what the layout itself shows (a cell wrapped onto the next row starts
/// in lowercase; an officer/time scale on a line of its own belongs to the target above when that
/// target has none). Anything it cannot place is reported and kept in the plan's notes, never guessed.
struct PlanTextImporter {
    let file: String
    let lines: [String]
    private(set) var report = ImportReport()
    private var issues: [KeyIssue] = []
    private var title = ""
    // The Key Issue being read.
    private var columns: PlanColumns?
    private var statementParts: [String] = []
    private var headingLine = 0
    /// Whether any table header was found (a document with none has no table at all).
    private var columnsSeen = false

    init(file: String, lines: [String]) {
        self.file = file
        self.lines = lines
    }

    mutating func run() throws(ImportError) -> (plan: Plan, report: ImportReport) {
        guard let first = lines.firstIndex(where: { Self.heading(ImportText.squash($0)) != nil }) else {
            for (i, line) in lines.enumerated() {
                if try PlanColumns.parse(line, lineNumber: i + 1, file: file) != nil {
                    throw ImportError(file: file, line: i + 1, "a table but no \"Key Issue N: Title\" heading above it")
                }
            }
            throw ImportError(file: file, "no table found: expected \"Key Issue N: Title\" headings, each followed by a tab-separated header row naming the columns \(PlanColumns.acceptedNames)")
        }
        readPreamble(upTo: first)
        for i in first..<lines.count { try read(line: lines[i], number: i + 1) }
        finishIssue()
        guard columnsSeen else {
            throw ImportError(file: file, "no table found: no line names the columns \(PlanColumns.acceptedNames) (separated by tabs)")
        }
        var plan = Plan(id: "", title: title)
        plan.keyIssues = issues
        plan.period = DocumentTitle.period(in: title)
        return (plan, report)
    }

    // MARK: - Lines

    /// The title is the last line before the first heading that names a plan ("… ACTION PLAN …");
    /// other lines there (a covering note) cannot be placed.
    private mutating func readPreamble(upTo end: Int) {
        let candidates = (0..<end).filter { !ImportText.squash(lines[$0]).isEmpty }
        let titleIndex = candidates.last { ImportText.squash(lines[$0]).lowercased().contains("plan") } ?? candidates.first
        for i in candidates {
            let text = ImportText.squash(lines[i])
            if i == titleIndex { title = text } else { report.unplaced(i + 1, "text before the first Key Issue", text) }
        }
    }

    private mutating func read(line raw: String, number: Int) throws(ImportError) {
        let flat = ImportText.squash(raw)
        if flat.isEmpty { return }
        if let (n, rest) = Self.heading(flat) {
            finishIssue()
            startIssue(number: n, rest: rest, line: number)
            return
        }
        if let reason = furniture(flat) {
            report.skip(number, reason, flat)
            return
        }
        if let header = try PlanColumns.parse(raw, lineNumber: number, file: file) {
            columnsSeen = true
            if columns != nil {
                report.skip(number, "table header repeated after a page break", flat)
            } else if !header.prefix.isEmpty {
                statementParts.append(header.prefix)
            }
            columns = header
            return
        }
        guard let columns else {
            statementParts.append(flat)
            return
        }
        guard raw.contains("\t") else {
            report.unplaced(number, "text outside the table's columns", flat)
            return
        }
        readRow(raw, number: number, columns: columns)
    }

    /// Repeated page headings (the title, or its end: "DRAFT EQUALITIES ACTION PLAN …") and page
    /// footers ("Equalities Action Plan - 2006/07  Page 4 of 5", even when conversion broke "Page").
    private func furniture(_ flat: String) -> String? {
        let line = flat.lowercased()
        let t = title.lowercased()
        if !t.isEmpty && (line == t || (line.count >= 20 && t.hasSuffix(line))) { return "repeated page heading" }
        let compact = ImportText.compact(flat)
        if let ofRange = compact.range(of: "of", options: .backwards), compact.contains("pag") {
            let after = compact[ofRange.upperBound...]
            let before = compact[..<ofRange.lowerBound]
            let pageNumber = before.reversed().prefix { $0.isNumber }
            if !after.isEmpty, after.allSatisfy(\.isNumber), !pageNumber.isEmpty {
                let beforeNumber = before.dropLast(pageNumber.count)
                // "page", or "pag" + a stray letter or two from the conversion ("Pag je").
                if let pag = beforeNumber.range(of: "pag", options: .backwards), beforeNumber.distance(from: pag.upperBound, to: beforeNumber.endIndex) <= 2 {
                    return "page footer"
                }
            }
        }
        return nil
    }

    // MARK: - Key Issues

    /// "Key Issue 3: Service Delivery …" → (3, "Service Delivery …").
    static func heading(_ flat: String) -> (Int, String)? {
        let lower = flat.lowercased()
        guard lower.hasPrefix("key issue") else { return nil }
        var rest = flat.dropFirst("key issue".count).drop { $0 == " " }
        let digits = rest.prefix { $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3, let n = Int(digits) else { return nil }
        rest = rest.dropFirst(digits.count).drop { $0 == " " }
        if let c = rest.first, [":", ".", "-", "\u{2013}"].contains(c) { rest = rest.dropFirst() }
        return (n, ImportText.squash(rest))
    }

    private mutating func startIssue(number: Int, rest: String, line: Int) {
        let (title, statement) = Self.splitTitle(rest)
        if issues.contains(where: { $0.number == number }) {
            report.remark(line, "Key Issue \(number) appears twice; both kept")
        }
        issues.append(KeyIssue(number: number, title: title))
        statementParts = statement.isEmpty ? [] : [statement]
        columns = nil
        headingLine = line
    }

    private mutating func finishIssue() {
        guard !issues.isEmpty else { return }
        var statement = ImportText.squash(statementParts.joined(separator: " "))
        let n = issues[issues.count - 1].number
        if columns == nil {
            // A table flattened into the statement paragraph: its cells are interleaved and cannot be
            // told apart, so the table is reported whole rather than guessed at.
            if let start = statement.range(of: "key objectives", options: .caseInsensitive)?.lowerBound {
                var cut = start
                while cut > statement.startIndex, [" ", "*"].contains(statement[statement.index(before: cut)]) {
                    cut = statement.index(before: cut)
                }
                report.unplaced(headingLine, "Key Issue \(n)'s table was flattened into one paragraph in conversion; its columns cannot be told apart",
                                ImportText.squash(String(statement[cut...])))
                statement = ImportText.squash(String(statement[..<cut]))
            } else {
                report.remark(headingLine, "Key Issue \(n) has no table")
            }
        }
        issues[issues.count - 1].statement = statement
        statementParts = []
    }

    /// "Consultation, Community Development and Partnership The Council has a 'Duty' …": the title
    /// is the run of capitalised words; the statement starts at the last sentence opener in it.
    static func splitTitle(_ text: String) -> (String, String) {
        let words = text.split(separator: " ").map(String.init)
        let connectors: Set<String> = ["and", "of", "the", "for", "in", "to", "&", "with", "on", "a", "an", "-", "\u{2013}"]
        let openers: Set<String> = ["The", "This", "These", "Our", "We", "It", "Its", "Each", "Every"]
        guard let end = words.firstIndex(where: { w in
            guard let f = w.first(where: { $0.isLetter || $0.isNumber }) else { return false }
            return f.isLowercase && !connectors.contains(w.lowercased())
        }) else { return (text, "") }
        guard let start = (1..<max(end, 1)).last(where: { openers.contains(words[$0]) }) else { return (text, "") }
        return (words[..<start].joined(separator: " "), words[start...].joined(separator: " "))
    }

    // MARK: - Rows

    private var hasObjective: Bool { !(issues.last?.objectives.isEmpty ?? true) }
    private var lastTarget: Target? { issues.last?.objectives.last?.targets.last }

    private mutating func updateObjective(_ body: (inout Objective) -> Void) {
        let i = issues.count - 1, o = issues[i].objectives.count - 1
        body(&issues[i].objectives[o])
    }

    private mutating func updateLastTarget(_ body: (inout Target) -> Void) {
        updateObjective { o in body(&o.targets[o.targets.count - 1]) }
    }

    private mutating func readRow(_ raw: String, number: Int, columns: PlanColumns) {
        let cells = ImportText.cells(raw)
        func cell(_ i: Int) -> String { i < cells.count ? ImportText.squash(cells[i]) : "" }

        var numberFromColumn: Int?
        for i in columns.unnamed + Array(columns.width..<max(columns.width, cells.count)) {
            let text = cell(i)
            if text.isEmpty { continue }
            if columns.unnamed.contains(i), let n = Self.bareNumber(text) {
                numberFromColumn = n
            } else {
                report.unplaced(number, "cell outside the table's named columns", text)
            }
        }

        // Key Objectives column.
        var objectiveText = cell(columns.index[.objective]!)
        if !objectiveText.isEmpty && !ImportText.hasLetterOrDigit(objectiveText) {
            report.unplaced(number, "stray punctuation in the Key Objectives column", objectiveText)
            objectiveText = ""
        }
        var startsObjective = false
        if !objectiveText.isEmpty || numberFromColumn != nil {
            let (printed, text) = Self.splitNumber(objectiveText)
            let objectiveNumber = numberFromColumn ?? printed
            if objectiveNumber == nil, ImportText.startsLowercase(text), hasObjective {
                // The objective's text wrapped onto this row.
                let current = issues[issues.count - 1].objectives.last!.text
                if ImportText.endsWith(current, text) {
                    report.unplaced(number, "repeats the end of the objective above", text)
                } else {
                    updateObjective { $0.text = ImportText.join($0.text, text) }
                }
            } else {
                issues[issues.count - 1].objectives.append(Objective(number: objectiveNumber, text: text))
                startsObjective = true
            }
        }

        let targetText = cell(columns.index[.target]!)
        let officerText = cell(columns.index[.officers]!)
        let timescaleText = cell(columns.index[.timescale]!)
        let officers = LeadOfficerParser.parse(officerText)

        if targetText.isEmpty {
            guard !officerText.isEmpty || !timescaleText.isEmpty else { return }
            let shown = [officerText, timescaleText].filter { !$0.isEmpty }.joined(separator: " | ")
            if !startsObjective, let last = lastTarget,
               officerText.isEmpty || last.leadOfficers.isEmpty, timescaleText.isEmpty || last.timescale.isEmpty {
                updateLastTarget { t in
                    if t.leadOfficers.isEmpty { t.leadOfficers = officers }
                    if t.timescale.isEmpty { t.timescale = timescaleText; t.due = Timescale(timescaleText).due }
                }
                report.remark(number, "lead officer / time scale on a line of their own, given to the target above (which had none)", shown)
            } else {
                report.unplaced(number, "lead officer / time scale with no target text beside them", shown)
            }
            return
        }

        var segments = BulletText.segments(targetText)
        if !startsObjective, let first = segments.first, !first.bullet, ImportText.startsLowercase(first.text), let last = lastTarget {
            // The target above wrapped onto this row (its words continue in lowercase).
            let rest = Array(segments.dropFirst())
            if rest.isEmpty {
                let officersFit = officerText.isEmpty || last.leadOfficers.isEmpty || officers == last.leadOfficers
                let timescaleFits = timescaleText.isEmpty || last.timescale.isEmpty || timescaleText == last.timescale
                if officersFit && timescaleFits {
                    updateLastTarget { t in
                        t.text = ImportText.join(t.text, first.text)
                        if t.leadOfficers.isEmpty { t.leadOfficers = officers }
                        if t.timescale.isEmpty { t.timescale = timescaleText; t.due = Timescale(timescaleText).due }
                    }
                    return
                }
            } else {
                updateLastTarget { $0.text = ImportText.join($0.text, first.text) }
                segments = rest
            }
        }

        guard hasObjective else {
            report.unplaced(number, "target with no objective above it", targetText)
            return
        }
        // Several bullets each with its own time scale ("-A -B" | "April 06 onwards April 06") are
        // separate targets; otherwise the cell is one target (which date or officer goes with which
        // item would be a guess).
        let items = TimescaleItems.split(timescaleText)
        if segments.count >= 2 && items.count == segments.count {
            for (segment, item) in zip(segments, items) {
                addTarget(BulletText.clean(segment.raw), officers: officers, timescale: item)
            }
        } else {
            addTarget(BulletText.clean(segments.map(\.raw).joined(separator: " ")), officers: officers, timescale: timescaleText)
        }
    }

    private mutating func addTarget(_ text: String, officers: [String], timescale: String) {
        let target = Target(id: "", text: text, leadOfficers: officers, timescale: timescale, due: Timescale(timescale).due)
        updateObjective { $0.targets.append(target) }
    }

    /// "2. Manage …" → (2, "Manage …"); "Manage …" → (nil, "Manage …").
    static func splitNumber(_ text: String) -> (Int?, String) {
        let digits = text.prefix { $0.isNumber }
        guard !digits.isEmpty, digits.count <= 2, let n = Int(digits) else { return (nil, text) }
        let rest = text.dropFirst(digits.count)
        guard let mark = rest.first, mark == "." || mark == ")" else { return (nil, text) }
        let after = rest.dropFirst()
        if let c = after.first, !(c == " " || c.isLetter) { return (nil, text) }
        return (n, ImportText.squash(after))
    }

    /// "1." or "1" alone in a cell.
    static func bareNumber(_ text: String) -> Int? {
        var t = text
        if t.hasSuffix(".") || t.hasSuffix(")") { t.removeLast() }
        guard !t.isEmpty, t.count <= 2, t.allSatisfy(\.isNumber) else { return nil }
        return Int(t)
    }
}
