/// What every reader (.docx, .xlsx, CSV, text saved from Word) turns a file into, so that one mapper
/// (`LayoutMapper`) infers the plan whatever the format: paragraphs and tables in document order.
/// Merges are already resolved here: a cell merged down (Word's vMerge, Excel's merged range) carries
/// its value in every row it spans; a cell merged across (gridSpan) is one cell with `span` > 1.
struct SourceDocument: Sendable {
    enum Block: Sendable {
        case paragraph(SourceParagraph)
        case table(SourceTable)
    }

    var blocks: [Block] = []
    /// "Word .docx", "Excel .xlsx, sheet \"Plan\"", "CSV (semicolon-separated, Windows-1252)".
    var format: String
    /// The document's own title (Word's core properties), when it has one.
    var title: String?
    /// What the reader decided that the preview should say (encoding assumed, sheets skipped, text boxes).
    var remarks: [String] = []
}

struct SourceParagraph: Sendable {
    var text: String
    /// A heading style (Heading 1…, Title), a short all-bold paragraph, or a line of text that stands alone.
    var isHeading: Bool
    /// Word's "Title" style.
    var isTitle: Bool = false
    /// Where it is, for messages: "paragraph 12", "line 7", "row 3".
    var place: String
}

struct SourceTable: Sendable {
    var rows: [SourceRow]
    /// "table 2", "sheet \"Plan\"", "the CSV".
    var place: String
}

struct SourceRow: Sendable {
    var cells: [SourceCell]
    /// "table 2, row 5", "row 7", "line 12".
    var place: String
    /// Word's "repeat as header row at the top of each page" (w:tblHeader).
    var isRepeatedHeader: Bool = false

    /// The non-empty cells' indices.
    var filled: [Int] { cells.indices.filter { !cells[$0].isEmpty } }
}

struct SourceCell: Sendable {
    /// The cell's paragraphs (or the lines of a CSV cell): one cell, several lines, never several rows.
    var lines: [String]
    /// Grid columns this cell covers (Word's gridSpan, an Excel range merged across).
    var span: Int = 1
    /// The value came from a cell merged down from a row above.
    var continued: Bool = false

    init(lines: [String], span: Int = 1, continued: Bool = false) {
        self.lines = lines
        self.span = span
        self.continued = continued
    }

    init(_ text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { ImportText.squash($0) }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        while let first = lines.first, first.isEmpty { lines.removeFirst() }
        self.lines = lines
    }

    var isEmpty: Bool { lines.allSatisfy(\.isEmpty) }
    /// The lines joined by newlines (kept: a two-paragraph comment is two lines).
    var text: String { lines.filter { !$0.isEmpty }.joined(separator: "\n") }
    /// The lines joined by spaces, for a target's text or a heading.
    var flat: String { ImportText.squash(lines.joined(separator: " ")) }
}
