/// One path from a plan to the bytes of a report in any format, for `actionplan report` and the UI's
/// `r`: the appendix alone (the progress report) or the whole committee paper (covering report +
/// appendix), as Markdown, HTML, CSV, Word or PDF.
public enum ReportDocument {
    public enum Format: String, Sendable, CaseIterable {
        case md, html, csv, docx, pdf

        public var fileExtension: String { rawValue }
        /// Bytes that do not belong on a terminal.
        public var isBinary: Bool { self == .docx || self == .pdf }
    }

    public enum Kind: Sendable, Equatable {
        /// The progress report alone (what the program wrote before the paper).
        case appendix
        /// The covering report with the progress report as its Appendix 1.
        case paper(PaperDetails, date: Day)
    }

    public enum Failure: Error, Sendable, CustomStringConvertible {
        case review(ReviewError)
        case docx(String)
        case pdf(PDFConverter.Failure)
        /// CSV is one row per target: the covering report has no CSV form.
        case paperAsCSV

        public var description: String {
            switch self {
            case .review(let e): return e.description
            case .docx(let s): return s
            case .pdf(let e): return e.description
            case .paperAsCSV: return "the committee paper has no CSV form (CSV is one row per target): use --format md, html, docx or pdf, or leave out --paper"
            }
        }
    }

    /// `byteOrderMark` and `neutralise` are CSV's (`report --bom`, `--raw`); `converter` makes PDFs.
    public static func render(plan: Plan, options: ReportOptions, kind: Kind, format: Format,
                              byteOrderMark: Bool = false, neutralise: Bool = true,
                              converter: PDFConverter = PDFConverter()) throws(Failure) -> [UInt8] {
        let report: ProgressReport
        do { report = try ProgressReport(plan: plan, options: options) } catch { throw .review(error) }
        let paper: CommitteePaper?
        switch kind {
        case .appendix: paper = nil
        case .paper(let details, let date): paper = CommitteePaper(report: report, details: details, date: date)
        }
        switch format {
        case .md: return Array((paper.map(PaperMarkdown.render) ?? MarkdownReport.render(report)).utf8)
        case .html: return Array(html(report, paper).utf8)
        case .csv:
            if paper != nil { throw .paperAsCSV }
            return Array(CSVReport.render(report, byteOrderMark: byteOrderMark, neutralise: neutralise).utf8)
        case .docx: return try docx(report, paper)
        case .pdf:
            do {
                switch converter.available {
                case .libreOffice?: return try converter.convert(docx(report, paper), from: .docx)
                case .chromium?: return try converter.convert(Array(html(report, paper).utf8), from: .html)
                case nil: throw PDFConverter.Failure.noConverter
                }
            } catch let e as PDFConverter.Failure {
                throw .pdf(e)
            } catch let e as Failure {
                throw e
            } catch {
                throw .docx("\(error)")
            }
        }
    }

    static func html(_ report: ProgressReport, _ paper: CommitteePaper?) -> String {
        paper.map(HTMLReport.render) ?? HTMLReport.render(report)
    }

    static func docx(_ report: ProgressReport, _ paper: CommitteePaper?) throws(Failure) -> [UInt8] {
        do {
            if let paper { return try DocxReport.render(paper) }
            return try DocxReport.render(report)
        } catch {
            throw .docx(error.description)
        }
    }
}
