/// Which importer reads a file.
public enum ImportFormat: String, Sendable, CaseIterable {
    case auto, text, report, csv, docx, xlsx

    public var description: String {
        switch self {
        case .auto: return "auto"
        case .text: return "plan text"
        case .report: return "progress report"
        case .csv: return "CSV"
        case .docx: return "Word .docx"
        case .xlsx: return "Excel .xlsx"
        }
    }
}

public struct ImportResult: Sendable {
    /// The plan, with target ids and notes; `id` is empty and `title` is the document's (empty for CSV):
    /// the caller chooses them.
    public var plan: Plan
    public var report: ImportReport
    /// The format actually read (never `.auto`).
    public var format: ImportFormat
}

/// Reads a document into a new plan: tells the format from the bytes (a zip package is Word or Excel,
/// an OLE file is a legacy or password-protected Office file, anything else text in UTF-8, UTF-16 or
/// Windows-1252), then runs the importer for it:
/// - our own CSV export (every heading one `CSVColumn` names) → `CSVPlanImporter`, exact round trip;
/// - the sample plans' text and progress-report layouts → `PlanTextImporter`, `ProgressReportImporter`;
/// - everything else (Word, Excel, a council's CSV or text saved from Word) → `LayoutMapper`.
public enum PlanImporter {
    public static func importFile(path: String, format: ImportFormat = .auto, options: ImportOptions = ImportOptions()) throws(ImportError) -> ImportResult {
        try importBytes(try ImportInput.read(path: path), file: path, format: format, options: options)
    }

    /// `file` names the document in errors and (its last path component) in `source` and notes.
    public static func importBytes(_ bytes: [UInt8], file: String, format: ImportFormat = .auto, options: ImportOptions = ImportOptions()) throws(ImportError) -> ImportResult {
        if bytes.isEmpty { throw ImportError(file: file, "the file is empty") }
        let source = String(file.split(separator: "/").last ?? Substring(file))
        let ext = source.contains(".") ? String(source.split(separator: ".").last ?? "").lowercased() : ""
        var (plan, report, chosen) = try read(bytes, file: file, ext: ext, format: format, options: options)
        plan.source = source
        plan.notes = report.notes(source: source)
        if report.format.isEmpty { report.format = chosen.description }
        plan.assignMissingIds() // k1…, o1… in document order, as a saved plan has them
        return ImportResult(plan: plan, report: report, format: chosen)
    }

    private static func read(_ bytes: [UInt8], file: String, ext: String, format: ImportFormat, options: ImportOptions) throws(ImportError) -> (Plan, ImportReport, ImportFormat) {
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            if ext == "docx" || ext == "xlsx" {
                throw ImportError(file: file, "this .\(ext) is password-protected (encrypted), or is an old .\(ext == "docx" ? "doc" : "xls") renamed: remove the password (File › Info › Protect) and save it again as .\(ext)")
            }
            throw ImportError(file: file, "an old binary Word or Excel file (.doc/.xls), which this program does not read: open it in Word or Excel (or LibreOffice) and save it as .docx or .xlsx, then import that")
        }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) || ext == "docx" || ext == "xlsx" {
            var package = try OfficePackage(bytes: bytes, file: file)
            if package.has("word/document.xml") || format == .docx {
                var reader = try DocxReader(bytes: bytes, file: file)
                let doc = try reader.read()
                var mapper = LayoutMapper(file: file, options: options)
                let (plan, report) = try mapper.run(doc)
                return (plan, report, .docx)
            }
            if package.has("xl/workbook.xml") || format == .xlsx {
                return try excel(bytes, file: file, options: options)
            }
            if let mime = try package.read("mimetype").map({ String(decoding: $0, as: UTF8.self) }), mime.contains("opendocument") {
                let kind = mime.contains("spreadsheet") ? ("LibreOffice/OpenDocument spreadsheet (.ods)", ".xlsx") : ("LibreOffice/OpenDocument text (.odt)", ".docx")
                throw ImportError(file: file, "a \(kind.0), which this program does not read yet: save it as \(kind.1) (File › Save As) and import that")
            }
            throw ImportError(file: file, "a zip file, but not a Word .docx or Excel .xlsx (no word/document.xml or xl/workbook.xml inside)")
        }
        let (text, encoding) = TextEncoding.decode(bytes)
        if let nul = text.unicodeScalars.firstIndex(of: "\u{0}") {
            let line = 1 + text.unicodeScalars[..<nul].reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
            throw ImportError(file: file, line: line, "contains a NUL byte: this is a binary file, not text, and not a .docx or .xlsx either; save the document as .docx, .xlsx, CSV or plain text and import that")
        }
        if ImportText.isBlank(text) { throw ImportError(file: file, "the file is empty (only blank lines)") }
        return try textFile(text, encoding: encoding, file: file, ext: ext, format: format, options: options)
    }

    private static func textFile(_ text: String, encoding: TextEncoding, file: String, ext: String, format: ImportFormat, options: ImportOptions) throws(ImportError) -> (Plan, ImportReport, ImportFormat) {
        func note(_ r: inout ImportReport) {
            if encoding == .windows1252 { r.remark(at: nil, "the file is not UTF-8, so it was read as Windows-1252 (Excel's \"CSV (Comma delimited)\"); check that £, – and ’ came out right") }
        }
        // Our own CSV is told by its first line: the whole file is split into lines only for the
        // other layouts (a split of 100k rows cost a tenth of the import).
        let isOurCSV = ImportText.firstNonBlankLine(text).map(CSVPlanImporter.looksLikeOurs) ?? false
        if format == .csv || (format == .auto && isOurCSV) {
            if isOurCSV {
                var importer = CSVPlanImporter(file: file, text: text, options: options)
                var (plan, report) = try importer.run()
                note(&report)
                report.format = "CSV in actionplan's export layout (\(encoding.rawValue))"
                return (plan, report, .csv)
            }
            return try mapped(DelimitedReader.csv(text, encoding: encoding, file: file), file: file, options: options, format: .csv)
        }
        // A .csv or .tsv is a table: the text layouts are not tried on it (testing a 100k-row CSV
        // for the progress-report layout was a fifth of its import).
        if format == .auto && (ext == "csv" || ext == "tsv") {
            return try mapped(DelimitedReader.csv(text, encoding: encoding, file: file), file: file, options: options, format: .csv)
        }
        let lines = ImportInput.lines(text)
        if format == .report || (format == .auto && ProgressReportImporter.looksLikeReport(lines)) {
            var importer = ProgressReportImporter(file: file, lines: lines)
            var (plan, report) = try importer.run()
            numberTargets(&plan)
            note(&report)
            return (plan, report, .report)
        }
        if format == .text {
            var importer = PlanTextImporter(file: file, lines: lines)
            var (plan, report) = try importer.run()
            numberTargets(&plan)
            return (plan, report, .text)
        }
        // Text: the sample plans' own layout first, then a council's table saved from Word (tabs), or
        // CSV saved with a .txt name.
        var planText = PlanTextImporter(file: file, lines: lines)
        let planTextError: ImportError
        do {
            var (plan, report) = try planText.run()
            numberTargets(&plan)
            note(&report)
            return (plan, report, .text)
        } catch {
            planTextError = error
        }
        // No tabs but a comma or semicolon on most lines: CSV saved as .txt; else text saved from Word.
        let delimited = !text.contains("\t") && DelimitedReader.sniffDelimiter(text) != "\t"
            && lines.filter { $0.contains(",") || $0.contains(";") }.count * 2 > lines.filter { !ImportText.squash($0).isEmpty }.count
        let doc = delimited ? try DelimitedReader.csv(text, encoding: encoding, file: file) : DelimitedReader.wordText(text, encoding: encoding)
        do {
            return try mapped(doc, file: file, options: options, format: delimited ? .csv : .text)
        } catch {
            // A file written in the sample plans' layout ("Key Issue 1: …" headings) gets that
            // importer's more specific message.
            if lines.contains(where: { $0.range(of: #"^\s*Key Issue\s+[0-9]+\s*:"#, options: .regularExpression) != nil }) {
                throw planTextError
            }
            throw error
        }
    }

    private static func mapped(_ doc: SourceDocument, file: String, options: ImportOptions, format: ImportFormat) throws(ImportError) -> (Plan, ImportReport, ImportFormat) {
        var mapper = LayoutMapper(file: file, options: options)
        let (plan, report) = try mapper.run(doc)
        return (plan, report, format)
    }

    /// The sheet named by --sheet, else the first sheet with a plan table; the others are named in the preview.
    private static func excel(_ bytes: [UInt8], file: String, options: ImportOptions) throws(ImportError) -> (Plan, ImportReport, ImportFormat) {
        var reader = try XlsxReader(bytes: bytes, file: file)
        let sheets = try reader.read()
        func doc(_ s: XlsxReader.Sheet) -> SourceDocument {
            SourceDocument(blocks: [.table(s.table)], format: "Excel .xlsx, sheet \"\(s.name)\"")
        }
        let names = sheets.map { "\"\($0.name)\"" }.joined(separator: ", ")
        let chosen: XlsxReader.Sheet
        if let wanted = options.sheet {
            guard let s = sheets.first(where: { $0.name.caseInsensitiveCompare(wanted) == .orderedSame }) else {
                throw ImportError(file: file, "no sheet named \"\(wanted)\"; the sheets are \(names)")
            }
            if s.table.rows.isEmpty { throw ImportError(file: file, "the sheet \"\(s.name)\" is empty") }
            chosen = s
        } else {
            guard let s = sheets.first(where: { LayoutMapper.hasHeader(doc($0), options: options) }) else {
                if sheets.allSatisfy({ $0.table.rows.isEmpty }) { throw ImportError(file: file, "every sheet is empty (\(names))") }
                let seen = sheets.map { s in "\"\(s.name)\" (\(s.table.rows.first.map { r in "first row \u{201C}\(r.cells.map(\.flat).filter { !$0.isEmpty }.joined(separator: " | ").prefix(80))\u{201D}" } ?? "empty"))" }
                throw ImportError(file: file, "no sheet has a plan table: \(seen.joined(separator: "; ")); expected a header row naming columns such as Action, Lead officer, Timescale, Status — or name the sheet with --sheet and the columns with --map")
            }
            chosen = s
        }
        var mapper = LayoutMapper(file: file, options: options)
        var (plan, report) = try mapper.run(doc(chosen))
        for s in sheets where s.name != chosen.name {
            let has = LayoutMapper.hasHeader(doc(s), options: options)
            report.remark(at: "sheet \"\(s.name)\"", has ? "another sheet with a plan table, not imported: import it with --sheet \"\(s.name)\"" : "not imported: no plan table on it")
        }
        plan.notes = []
        return (plan, report, .xlsx)
    }

    /// CSV if the first non-empty line is a CSV header; a progress report if it has the month table
    /// or Action / Expected outcome sections; else plan text.
    public static func detect(_ text: String) -> ImportFormat {
        let lines = ImportInput.lines(text)
        if let first = lines.first(where: { !ImportText.squash($0).isEmpty }), CSVPlanImporter.looksLikeCSV(firstLine: first) {
            return .csv
        }
        if ProgressReportImporter.looksLikeReport(lines) { return .report }
        return .text
    }

    /// t1…tN in document order; the next new target is tN+1.
    static func numberTargets(_ plan: inout Plan) {
        var n = 0
        for i in plan.keyIssues.indices {
            for o in plan.keyIssues[i].objectives.indices {
                for t in plan.keyIssues[i].objectives[o].targets.indices {
                    n += 1
                    plan.keyIssues[i].objectives[o].targets[t].id = "t\(n)"
                }
            }
        }
        plan.nextTargetId = n + 1
    }
}
