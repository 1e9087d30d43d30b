/// What `import` prints (with --dry-run, before anything is written; without, after): what a council
/// officer reads to decide whether the import is right. Every list is complete: every column, every
/// status word, every officer split, every row not placed.
public enum ImportPreview {
    /// How many targets are shown "as they will be imported".
    public static let sampleCount = 5

    public static func lines(plan: Plan, result: ImportResult, file: String) -> [String] {
        let report = result.report
        var out: [String] = []
        out.append("Imported \(file) (\(report.format.isEmpty ? result.format.description : report.format)) as plan \(plan.id): \"\(plan.title)\"")
        if !report.columns.isEmpty {
            out.append("Columns:")
            for c in report.columns {
                out.append("  \u{201C}\(c.heading.isEmpty ? "(no heading)" : c.heading)\u{201D} → \(c.role.explanation) — \(c.why)")
            }
        }
        for s in report.structure { out.append("Structure: \(s)") }
        for issue in plan.keyIssues {
            let targets = issue.objectives.reduce(0) { $0 + $1.targets.count }
            out.append("  Key Issue \(issue.number) \(issue.title): \(count(issue.objectives.count, "objective")), \(count(targets, "target"))")
        }
        let objectives = plan.keyIssues.reduce(0) { $0 + $1.objectives.count }
        let targets = plan.allTargets.count
        let numbered = plan.allTargets.map(\.id) == (0..<targets).map { "t\($0 + 1)" }
        let ids = targets == 0 ? "" : numbered ? (targets == 1 ? " (t1)" : " (t1-t\(targets))") : " (target ids kept from the file; the next new one is t\(plan.nextTargetId))"
        out.append("  Total: \(count(plan.keyIssues.count, "Key Issue")), \(count(objectives, "objective")), \(count(targets, "target"))\(ids)")
        if !report.columns.isEmpty {
            out.append("First targets as they will be imported:")
            for t in plan.allTargets.prefix(sampleCount) {
                var parts = ["\(t.id): \(t.text)"]
                if !t.leadOfficers.isEmpty { parts.append("lead: \(t.leadOfficers.joined(separator: "; "))") }
                if !t.timescale.isEmpty { parts.append("time scale: \(t.timescale)\(t.due.map { " (due \($0))" } ?? " (no due date)")") }
                parts.append("status: \(t.status.word)\(t.statusAsWritten.map { " (\u{201C}\($0)\u{201D})" } ?? "")")
                out.append("  " + parts.joined(separator: " · "))
            }
        }
        if !report.statusWords.isEmpty {
            out.append("Status words:")
            for w in report.statusWords {
                let where_ = w.known ? "\(count(w.places.count, "row"))" : w.places.joined(separator: ", ")
                out.append("  \u{201C}\(w.word)\u{201D} → \(w.known ? w.status.word : "not assessed: UNKNOWN WORD") (\(where_))")
            }
        }
        if !report.officerSplits.isEmpty {
            out.append("Officers split (\(report.officerSplits.count)):")
            for s in report.officerSplits { out.append("  \(s.place): \u{201C}\(s.cell)\u{201D} → \(s.officers.joined(separator: " | "))") }
        }
        if !report.furniture.isEmpty {
            out.append("Skipped page furniture (\(report.furniture.count) line\(report.furniture.count == 1 ? "" : "s")):")
            for item in report.furniture { out.append("  \(item)") }
        }
        if report.unplaced.isEmpty {
            out.append("Every line was placed.")
        } else {
            out.append("Could not place (\(report.unplaced.count)); kept in the plan's notes:")
            for item in report.unplaced { out.append("  \(item)") }
        }
        if !report.remarks.isEmpty {
            out.append("Check (\(report.remarks.count)); also in the plan's notes:")
            for item in report.remarks { out.append("  \(item)") }
        }
        return out
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
