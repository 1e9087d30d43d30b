/// The body of a WordprocessingML document (word/document.xml), written as XML strings: headings with
/// Word's own heading styles (Heading1–3, so the navigation pane and a screen reader see the
/// structure), paragraphs, bullet lists, tables whose header row repeats on each page and whose rows
/// do not split, and section breaks (portrait covering report, landscape appendix).
///
/// Hand-writing the XML is deliberate: the format is fixed and small, the parts must be byte-for-byte
/// stable for the golden test, and an XML library would add nothing but a dependency. Every piece of
/// text goes through `WordBody.text`, the one path from data to the document.
struct WordBody {
    /// A run of text: `\n` becomes a line break in the same paragraph.
    struct Run {
        var text: String
        var bold = false
        var italic = false
        /// A field the paper lacks: bold on a yellow highlight, as well as its bracketed words.
        var placeholder = false
        /// Spoken by nothing else: shown smaller (a change beside a status).
        var small = false

        init(_ text: String, bold: Bool = false, italic: Bool = false, placeholder: Bool = false, small: Bool = false) {
            self.text = text
            self.bold = bold
            self.italic = italic
            self.placeholder = placeholder
            self.small = small
        }
    }

    enum Page {
        case portrait, landscape

        /// A4 in twentieths of a point, and the margins.
        var size: (width: Int, height: Int) { self == .portrait ? (11906, 16838) : (16838, 11906) }
        var margin: Int { self == .portrait ? 1134 : 851 }
        var textWidth: Int { size.width - 2 * margin }
    }

    private(set) var xml = ""
    /// The page of the section being written.
    private(set) var page: Page
    let footerID: String

    init(page: Page, footerID: String) {
        self.page = page
        self.footerID = footerID
    }

    // MARK: - Blocks

    mutating func heading(_ level: Int, _ text: String) {
        paragraph([Run(text)], style: "Heading\(min(max(level, 1), 3))")
    }

    mutating func title(_ text: String) { paragraph([Run(text)], style: "Title") }

    mutating func paragraph(_ runs: [Run], style: String? = nil, keepNext: Bool = false) {
        xml += "<w:p>" + paragraphProperties(style: style, keepNext: keepNext) + runs.map(run).joined() + "</w:p>"
    }

    mutating func bullets(_ items: [String]) {
        for item in items { paragraph([Run(item)], style: "ListBullet") }
    }

    /// A table across the text width: `columns` give the headings and shares of the width; the
    /// header row repeats at the top of each page; no row splits across pages.
    mutating func table(_ columns: [ReportColumns.Column], rows: [[[Run]]], caption: String) {
        let total = max(1, columns.reduce(0) { $0 + $1.width })
        let widths = columns.map { $0.width * page.textWidth / total }
        xml += "<w:tbl><w:tblPr><w:tblStyle w:val=\"ReportTable\"/><w:tblW w:w=\"\(widths.reduce(0, +))\" w:type=\"dxa\"/>"
            + "<w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/>"
            + "<w:tblCaption w:val=\"\(text(caption))\"/></w:tblPr><w:tblGrid>"
            + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        xml += "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
        for (c, w) in zip(columns, widths) {
            xml += cell([Run(c.heading, bold: true)], width: w, header: true, numeric: c.numeric)
        }
        xml += "</w:tr>"
        for row in rows {
            xml += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            for (i, w) in widths.enumerated() {
                xml += cell(i < row.count ? row[i] : [], width: w, header: false, numeric: columns[i].numeric)
            }
            xml += "</w:tr>"
        }
        xml += "</w:tbl>"
        // Word needs a paragraph between two tables, and after the last one in a cell or section.
        paragraph([], style: "TableGap")
    }

    /// Ends the section being written (its page size and footer) and starts one on `next`.
    mutating func sectionBreak(next: Page) {
        xml += "<w:p><w:pPr>\(sectionProperties())</w:pPr></w:p>"
        page = next
    }

    /// The body's closing `sectPr` (the last section's properties) and the whole `document.xml`.
    func document() -> String {
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + "<w:document xmlns:w=\"\(Self.wordNamespace)\" xmlns:r=\"\(Self.relationshipNamespace)\"><w:body>"
            + xml + sectionProperties() + "</w:body></w:document>"
    }

    static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    // MARK: - Pieces

    /// Data text for an element or attribute: cleaned as in every format, then escaped for XML.
    func text(_ s: String) -> String { XMLText.escape(ReportText.clean(s)) }

    private func paragraphProperties(style: String?, keepNext: Bool, alignRight: Bool = false) -> String {
        var p = ""
        if let style { p += "<w:pStyle w:val=\"\(style)\"/>" }
        if keepNext { p += "<w:keepNext/>" }
        if alignRight { p += "<w:jc w:val=\"right\"/>" }
        return p.isEmpty ? "" : "<w:pPr>\(p)</w:pPr>"
    }

    private func run(_ r: Run) -> String {
        var props = ""
        if r.bold || r.placeholder { props += "<w:b/><w:bCs/>" }
        if r.italic { props += "<w:i/><w:iCs/>" }
        if r.small { props += "<w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/>" }
        if r.placeholder { props += "<w:highlight w:val=\"yellow\"/>" }
        let open = "<w:r>" + (props.isEmpty ? "" : "<w:rPr>\(props)</w:rPr>")
        let pieces = ReportText.clean(r.text).split(separator: "\n", omittingEmptySubsequences: false)
        return open + pieces.map { "<w:t xml:space=\"preserve\">\(XMLText.escape(String($0)))</w:t>" }.joined(separator: "<w:br/>") + "</w:r>"
    }

    private func cell(_ runs: [Run], width: Int, header: Bool, numeric: Bool) -> String {
        "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>"
            + (header ? "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E4E4E4\"/>" : "") + "</w:tcPr>"
            + "<w:p>" + paragraphProperties(style: "TableText", keepNext: header, alignRight: numeric) + runs.map(run).joined() + "</w:p></w:tc>"
    }

    private func sectionProperties() -> String {
        let (w, h) = page.size
        let m = page.margin
        return "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"\(footerID)\"/>"
            + "<w:pgSz w:w=\"\(w)\" w:h=\"\(h)\"\(page == .landscape ? " w:orient=\"landscape\"" : "")/>"
            + "<w:pgMar w:top=\"\(m)\" w:right=\"\(m)\" w:bottom=\"\(m)\" w:left=\"\(m)\" w:header=\"425\" w:footer=\"425\" w:gutter=\"0\"/>"
            + "</w:sectPr>"
    }
}
