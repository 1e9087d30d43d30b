/// The progress report as GitHub-flavoured Markdown: headings per Key Issue and objective, pipe
/// tables. Every data string goes through `ReportText.markdown` (pipes escaped, newlines `<br>`).
public enum MarkdownReport {
    public static func render(_ report: ProgressReport) -> String {
        var out = ""
        func line(_ s: String = "") { out += s + "\n" }
        func md(_ s: String) -> String { ReportText.markdown(s) }
        func row(_ cells: [String]) { line("| " + cells.joined(separator: " | ") + " |") }
        func header(_ columns: [ReportColumns.Column]) {
            row(columns.map { md($0.heading) })
            line("| " + columns.map { $0.numeric ? "---:" : "---" }.joined(separator: " | ") + " |")
        }

        line("# " + md(report.heading))
        line()
        let meta = [report.organisation, report.department].filter { !$0.isEmpty }
        if !meta.isEmpty {
            line(md(meta.joined(separator: " · ")))
            line()
        }
        line(md(report.basis))
        line()
        line(md(ReportText.statusLegend))
        line()

        line("## Summary by Key Issue")
        line()
        header(ReportColumns.summary)
        for r in report.summary + [report.total] {
            let name = r.number.map { "\($0). \(md(r.title))" } ?? "**\(md(r.title))**"
            let t = r.tally
            row([name, "\(t.met)", "\(t.partiallyMet)", "\(t.notMet)", "\(t.notAssessed)", "\(t.overdue)", r.percentMet,
                 r.direction?.label ?? "no earlier review"])
        }
        line()

        if report.trend.count > 1 {
            line("## Trend across reviews")
            line()
            header(ReportColumns.trend)
            for p in report.trend {
                let t = p.tally
                row([md(p.label), "\(t.met)", "\(t.partiallyMet)", "\(t.notMet)", "\(t.notAssessed)", "\(t.percentMet)%",
                     p.direction?.label ?? "–"])
            }
            line()
            let byIssue = report.trendByKeyIssue
            row(["Key Issue"] + byIssue.columns.map(md))
            line("| " + Array(repeating: "---", count: byIssue.columns.count + 1).joined(separator: " | ") + " |")
            for r in byIssue.rows { row([md(r.name)] + r.cells.map(md)) }
            line()
        }

        if !report.measures.isEmpty {
            let table = report.measuresTable
            line("## Measures over time")
            line()
            line(md("Targets with a measure: the actual at each closed review" + (report.review == nil ? " and now." : ".")))
            line()
            row(table.columns.map(md))
            line("| " + table.columns.enumerated().map { $0.offset < 3 ? "---" : "---:" }.joined(separator: " | ") + " |")
            for r in table.rows { row([md(r.name)] + r.cells.map(md)) }
            line()
        }

        line("## Exceptions")
        line()
        line(md("Targets \(ProgressReport.exceptionRule), with their forecast: \(report.exceptions.count)."))
        line()
        if !report.exceptions.isEmpty {
            header(ReportColumns.exceptions)
            for e in report.exceptions {
                row([md(e.objectiveRef), month(e), md(e.text), officers(e), mark(e), md(e.comment), md(e.forecast)])
            }
            line()
        }

        for issue in report.sections {
            line("## Key Issue \(issue.number): \(md(issue.title))")
            line()
            for objective in issue.objectives {
                line("### " + md(objective.heading))
                line()
                line("**Action:** " + md(objective.action))
                line()
                if !objective.expectedOutcome.isEmpty {
                    line("**Expected outcome:** " + md(objective.expectedOutcome))
                    line()
                }
                header(ReportColumns.targets)
                for l in objective.lines {
                    row([month(l), md(l.text), officers(l), mark(l), md(l.comment), md(l.forecast)])
                }
                line()
            }
        }
        return out
    }

    /// "March 2008", "March 2008 (overdue)".
    static func month(_ l: ProgressReport.Line) -> String {
        ReportText.markdown(l.month) + (l.overdue ? " **(overdue)**" : "")
    }

    static func officers(_ l: ProgressReport.Line) -> String {
        ReportText.markdown(l.officers.joined(separator: " / "))
    }

    /// The report mark (✓, X, Partially met, blank), and the direction when it changed.
    static func mark(_ l: ProgressReport.Line) -> String {
        var s = l.status.reportMark
        if let d = l.direction, d != .same { s += (s.isEmpty ? "" : "<br>") + d.label }
        return s
    }
}
