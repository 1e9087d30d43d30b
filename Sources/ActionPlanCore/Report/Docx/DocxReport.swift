import Foundation
import ZIPFoundation

/// The progress report, or the whole committee paper, as a Word document (.docx): a zip (written with
/// ZIPFoundation) of WordprocessingML parts. The covering report is an A4 portrait section; the
/// appendix an A4 landscape section (its tables are six and seven columns wide). Every table's header
/// row repeats on each page and no row splits; headings use Word's heading styles and keep with what
/// follows; the footer has "Page N of M"; title and author are in the document's properties; the
/// status is a symbol and a word.
public enum DocxReport {
    public enum Failure: Error, CustomStringConvertible {
        case zip(String)
        public var description: String { "could not write the Word document: \(self)" }
    }

    /// The appendix alone: the progress report, all in landscape.
    public static func render(_ report: ProgressReport) throws(Failure) -> [UInt8] {
        var body = WordBody(page: .landscape, footerID: DocxParts.footerID)
        appendix(report, into: &body, topLevel: 1, label: nil)
        return try package(body, title: report.heading, author: "", created: report.asAt, running: running(report))
    }

    /// The covering report, then the progress report as Appendix 1.
    public static func render(_ paper: CommitteePaper) throws(Failure) -> [UInt8] {
        var body = WordBody(page: .portrait, footerID: DocxParts.footerID)
        cover(paper, into: &body)
        body.sectionBreak(next: .landscape)
        appendix(paper.appendix, into: &body, topLevel: 1, label: paper.appendixLabel)
        return try package(body, title: paper.title, author: paper.author, created: paper.date, running: paper.title)
    }

    static func running(_ r: ProgressReport) -> String {
        "\(ProgressReport.baseTitle(r.planTitle)) · Outcomes Progress Report as at \(r.asAt.longDescription)"
    }

    // MARK: - The covering report

    static func cover(_ p: CommitteePaper, into b: inout WordBody) {
        b.title(p.title)
        for f in p.fields {
            var runs = [WordBody.Run("\(f.label): ", bold: true)]
            for (i, line) in f.lines.enumerated() {
                runs.append(WordBody.Run((i == 0 ? "" : "\n") + line.text, placeholder: line.isPlaceholder))
            }
            b.paragraph(runs)
        }
        for s in p.sections {
            b.heading(1, "\(s.number) \(s.heading)")
            for para in s.paragraphs {
                b.paragraph([WordBody.Run(para.number + " ", bold: true), WordBody.Run(para.text)], keepNext: !para.bullets.isEmpty)
                b.bullets(para.bullets)
            }
        }
        b.heading(1, "Recommendations")
        for r in p.recommendations { b.paragraph([WordBody.Run(r.text, placeholder: r.isPlaceholder)]) }
        b.paragraph(p.contact.enumerated().map { i, line in
            WordBody.Run((i == 0 ? "" : "\n") + line.text, placeholder: line.isPlaceholder)
        })
        b.heading(2, "Background Documents")
        b.bullets(p.backgroundDocuments)
    }

    // MARK: - The appendix (seed 004's layout)

    static func mark(_ s: Status) -> String {
        switch s {
        case .met: return "✓ Met"
        case .notMet: return "X Not met"
        case .partiallyMet: return "◐ Partially met"
        case .notAssessed: return "Not assessed"
        }
    }

    static func appendix(_ r: ProgressReport, into b: inout WordBody, topLevel level: Int, label: String?) {
        typealias Run = WordBody.Run
        if let label { b.heading(level, "\(label): \(r.heading)") } else { b.title(r.heading) }
        let h = label == nil ? level : level + 1
        let meta = [r.organisation, r.department].filter { !$0.isEmpty }
        if !meta.isEmpty { b.paragraph([Run(meta.joined(separator: " · "))]) }
        b.paragraph([Run(r.basis)])

        b.heading(h, "Summary by Key Issue")
        let summaryRows = (r.summary + [r.total]).map { row -> [[Run]] in
            let t = row.tally
            let bold = row.number == nil
            return [[Run(row.number.map { "\($0). \(row.title)" } ?? row.title, bold: bold)],
                    [Run("\(t.met)", bold: bold)], [Run("\(t.partiallyMet)", bold: bold)], [Run("\(t.notMet)", bold: bold)],
                    [Run("\(t.notAssessed)", bold: bold)], [Run("\(t.overdue)", bold: bold)], [Run(row.percentMet, bold: bold)],
                    [Run(row.direction?.label ?? "no earlier review", bold: bold)]]
        }
        b.table(ReportColumns.summary, rows: summaryRows, caption: "Targets by status per Key Issue, as at \(r.asAt.longDescription)")

        if r.trend.count > 1 {
            b.heading(h, "Trend across reviews")
            b.table(ReportColumns.trend, rows: r.trend.map { p in
                let t = p.tally
                return [[Run(p.label)], [Run("\(t.met)")], [Run("\(t.partiallyMet)")], [Run("\(t.notMet)")], [Run("\(t.notAssessed)")],
                        [Run("\(t.percentMet)%")], [Run(p.direction?.label ?? "first review")]]
            }, caption: "Targets by status at each closed review")
            let byIssue = r.trendByKeyIssue
            let columns = [ReportColumns.Column("Key Issue", width: 28)]
                + byIssue.columns.map { ReportColumns.Column($0, width: max(8, 72 / max(1, byIssue.columns.count))) }
            b.table(columns, rows: byIssue.rows.map { row in [[Run(row.name)]] + row.cells.map { [Run($0)] } },
                    caption: "Targets by status per Key Issue at each closed review")
        }

        if !r.measures.isEmpty {
            let table = r.measuresTable
            b.heading(h, "Measures over time")
            let points = max(1, table.columns.count - 3)
            let columns = [ReportColumns.Column("Ref", width: 8), ReportColumns.Column("Target", width: 34),
                           ReportColumns.Column("Baseline → target", width: 16)]
                + table.columns.dropFirst(3).map { ReportColumns.Column($0, numeric: true, width: max(6, 42 / points)) }
            b.table(columns, rows: table.rows.map { row in [[Run(row.name, bold: true)]] + row.cells.map { [Run($0)] } },
                    caption: "Targets with a measure: the actual at each closed review")
        }

        b.heading(h, "Exceptions")
        b.paragraph([Run("Targets \(ProgressReport.exceptionRule), with their forecast: \(r.exceptions.count).")],
                    keepNext: !r.exceptions.isEmpty)
        if !r.exceptions.isEmpty {
            b.table(ReportColumns.exceptions, rows: r.exceptions.map { l in
                [[Run(l.objectiveRef, bold: true)], month(l), [Run(l.text)], [Run(l.officers.joined(separator: " / "))],
                 status(l, baseline: r.baseline), [Run(l.comment)], [Run(l.forecast)]]
            }, caption: "Exceptions as at \(r.asAt.longDescription)")
        }

        for issue in r.sections {
            b.heading(h, "Key Issue \(issue.number): \(issue.title)")
            for o in issue.objectives {
                b.heading(h + 1, o.heading)
                b.paragraph([Run("Action: ", bold: true), Run(o.action)], keepNext: true)
                if !o.expectedOutcome.isEmpty {
                    b.paragraph([Run("Expected outcome: ", bold: true), Run(o.expectedOutcome)], keepNext: true)
                }
                b.table(ReportColumns.targets, rows: o.lines.map { l in
                    [month(l), [Run(l.text)], [Run(l.officers.joined(separator: " / "))], status(l, baseline: r.baseline),
                     [Run(l.comment)], [Run(l.forecast)]]
                }, caption: "Targets of \(o.heading)")
            }
        }
    }

    static func month(_ l: ProgressReport.Line) -> [WordBody.Run] {
        var runs = [WordBody.Run(l.month)]
        if l.overdue { runs.append(WordBody.Run((l.month.isEmpty ? "" : "\n") + "OVERDUE", bold: true)) }
        return runs
    }

    static func status(_ l: ProgressReport.Line, baseline: Baseline?) -> [WordBody.Run] {
        var runs = [WordBody.Run(mark(l.status), bold: l.status != .notAssessed, italic: l.status == .notAssessed)]
        if let d = l.direction, d != .same, let baseline {
            runs.append(WordBody.Run("\n" + ReportText.change(d, baseline: baseline), small: true))
        }
        return runs
    }

    // MARK: - The package

    /// The parts, in the order Word writes them ([Content_Types].xml first), deflated, dated `created`
    /// (not the clock) so the same data always gives the same bytes.
    static func package(_ body: WordBody, title: String, author: String, created: Day, running: String) throws(Failure) -> [UInt8] {
        let parts: [(String, String)] = [
            ("[Content_Types].xml", DocxParts.contentTypes),
            ("_rels/.rels", DocxParts.packageRelationships),
            ("docProps/core.xml", DocxParts.core(title: title, author: author, created: created)),
            ("docProps/app.xml", DocxParts.app),
            ("word/document.xml", body.document()),
            ("word/_rels/document.xml.rels", DocxParts.documentRelationships),
            ("word/styles.xml", DocxParts.styles),
            ("word/numbering.xml", DocxParts.numbering),
            ("word/settings.xml", DocxParts.settings),
            ("word/footer1.xml", DocxParts.footer(running: running)),
        ]
        var components = DateComponents()
        components.year = created.year
        components.month = created.month
        components.day = created.day
        components.hour = 12
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let date = calendar.date(from: components) ?? Date(timeIntervalSince1970: 0)
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for (path, text) in parts {
                let data = Data(text.utf8)
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                                     compressionMethod: .deflate) { position, size in
                    data.subdata(in: Data.Index(position)..<Data.Index(position) + size)
                }
            }
            guard let bytes = archive.data else { throw Failure.zip("the archive has no data") }
            return [UInt8](bytes)
        } catch let f as Failure {
            throw f
        } catch {
            throw Failure.zip("\(error)")
        }
    }
}
