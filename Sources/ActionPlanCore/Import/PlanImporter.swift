/// Which importer reads a file.
public enum ImportFormat: String, Sendable, CaseIterable {
    case auto, text, report, csv

    public var description: String {
        switch self {
        case .auto: return "auto"
        case .text: return "plan text"
        case .report: return "progress report"
        case .csv: return "CSV"
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

/// Reads a document into a new plan: checks the bytes are UTF-8 text, picks the format, runs its importer.
public enum PlanImporter {
    public static func importFile(path: String, format: ImportFormat = .auto) throws(ImportError) -> ImportResult {
        try importBytes(try ImportInput.read(path: path), file: path, format: format)
    }

    /// `file` names the document in errors and (its last path component) in `source` and notes.
    public static func importBytes(_ bytes: [UInt8], file: String, format: ImportFormat = .auto) throws(ImportError) -> ImportResult {
        let text = try ImportInput.decode(bytes, file: file)
        let source = String(file.split(separator: "/").last ?? Substring(file))
        let chosen = format == .auto ? detect(text) : format
        var plan: Plan
        var report: ImportReport
        switch chosen {
        case .csv:
            var importer = CSVPlanImporter(file: file, text: text)
            (plan, report) = try importer.run()
        case .report:
            var importer = ProgressReportImporter(file: file, lines: ImportInput.lines(text))
            (plan, report) = try importer.run()
            numberTargets(&plan)
        case .text, .auto:
            var importer = PlanTextImporter(file: file, lines: ImportInput.lines(text))
            (plan, report) = try importer.run()
            numberTargets(&plan)
        }
        plan.source = source
        plan.notes = report.notes(source: source)
        plan.assignMissingIds() // k1…, o1… in document order, as a saved plan has them
        return ImportResult(plan: plan, report: report, format: chosen)
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
