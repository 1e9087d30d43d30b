import ActionPlanCore

/// What a cell means, not what colour it is: the backend maps roles to colours (or to nothing
/// under NO_COLOR), so status is also always carried by a symbol and a word.
public enum ColorRole: Sendable, Hashable, CaseIterable {
    case met, notMet, partial, notAssessed, overdue, header, accent, error, dim
}

public struct Style: Sendable, Hashable {
    public var bold = false
    public var reverse = false
    public var dim = false
    public var underline = false
    public var role: ColorRole?

    public init(bold: Bool = false, reverse: Bool = false, dim: Bool = false, underline: Bool = false, role: ColorRole? = nil) {
        self.bold = bold
        self.reverse = reverse
        self.dim = dim
        self.underline = underline
        self.role = role
    }

    public static let plain = Style()
    public static let bold = Style(bold: true)
    public static let reverse = Style(reverse: true)
    public static let dimmed = Style(dim: true)
    public static func role(_ r: ColorRole, bold: Bool = false) -> Style { Style(bold: bold, role: r) }

    /// This style with reverse video added (the selected row).
    public var reversed: Style { var s = self; s.reverse = true; return s }
}

/// One screen cell: a grapheme cluster and how many columns it takes. The column after a
/// two-column character holds a continuation cell (empty text, width 0) so every row of the grid
/// has exactly `width` columns.
public struct Cell: Sendable, Hashable {
    public var text: String
    public var width: Int
    public var style: Style

    public init(text: String, width: Int, style: Style) {
        self.text = text
        self.width = width
        self.style = style
    }

    public static let blank = Cell(text: " ", width: 1, style: .plain)
    public var isContinuation: Bool { width == 0 }
}

public struct Size: Sendable, Hashable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }
}

/// The whole screen as rows of cells: what `render` returns and the backend copies to the terminal.
public struct Grid: Sendable {
    public let width: Int
    public let height: Int
    public private(set) var rows: [[Cell]]
    /// Where the terminal cursor should be shown (the editor's caret), or nil to hide it.
    public var cursor: (row: Int, column: Int)?
    /// Where the terminal cursor rests when no caret is shown: the start of the selected line (or of
    /// the field being answered), as mutt's braille_friendly and tig do, so a screen reader's review
    /// cursor lands on what is selected. Shown there in screen-reader mode, hidden there otherwise.
    public var focus: (row: Int, column: Int)?

    /// Makes one cell a plain-styled space (screen-reader mode's clean-up).
    mutating func setBlank(row: Int, column: Int) {
        rows[row][column] = Cell(text: " ", width: 1, style: rows[row][column].style)
    }

    public init(size: Size) {
        width = size.width
        height = size.height
        rows = Array(repeating: Array(repeating: Cell.blank, count: width), count: height)
    }

    /// Writes text (already cleaned) from `column`, clipped at `column + maxWidth` and the right edge.
    /// Zero-width clusters join the cell before them; a wide character that would not fit is shown as
    /// spaces. Returns the number of columns written.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard row >= 0, row < height, column >= 0, column < width else { return 0 }
        let limit = min(width, column + max(0, maxWidth ?? width))
        var x = column
        var lastCell: Int?
        for character in text {
            if x >= limit { break }
            var w = DisplayWidth.of(character)
            if character == "\n" || character == "\r\n" { w = 1 }
            if w == 0 {
                if let last = lastCell { rows[row][last].text.append(character) }
                continue
            }
            if x + w > limit {
                // A wide character at the edge: fill what is left with spaces.
                while x < limit { rows[row][x] = Cell(text: " ", width: 1, style: style); x += 1 }
                break
            }
            clearWide(row: row, column: x, span: w)
            rows[row][x] = Cell(text: w == 1 && character.isNewline ? " " : String(character), width: w, style: style)
            if w == 2 { rows[row][x + 1] = Cell(text: "", width: 0, style: style) }
            lastCell = x
            x += w
        }
        return x - column
    }

    /// Fills columns with spaces in a style (the background of a bar or a selected row).
    public mutating func fill(row: Int, from column: Int = 0, to end: Int? = nil, style: Style) {
        guard row >= 0, row < height else { return }
        let stop = min(width, end ?? width)
        var x = max(0, column)
        while x < stop {
            clearWide(row: row, column: x, span: 1)
            rows[row][x] = Cell(text: " ", width: 1, style: style)
            x += 1
        }
    }

    /// Applies a style change to a span of existing cells (e.g. reverse video on the selected row).
    public mutating func restyle(row: Int, from column: Int = 0, to end: Int? = nil, _ change: (inout Style) -> Void) {
        guard row >= 0, row < height else { return }
        let stop = min(width, end ?? width)
        var x = max(0, column)
        while x < stop { change(&rows[row][x].style); x += 1 }
    }

    /// Overwriting half of a wide character blanks its other half, so no row loses alignment.
    private mutating func clearWide(row: Int, column: Int, span: Int) {
        for x in column..<min(width, column + span) {
            let cell = rows[row][x]
            if cell.width == 2, x + 1 < width, x + 1 >= column + span {
                rows[row][x + 1] = Cell(text: " ", width: 1, style: cell.style)
            }
            if cell.width == 0, x > 0, x - 1 < column {
                rows[row][x - 1] = Cell(text: " ", width: 1, style: rows[row][x - 1].style)
            }
        }
    }

    /// The grid as plain text lines (continuation cells contribute nothing): for tests and debugging.
    public var lines: [String] {
        rows.map { row in row.reduce(into: "") { $0 += $1.text } }
    }

    /// Display width of a row as a terminal would lay it out.
    public func displayWidth(ofRow r: Int) -> Int {
        rows[r].reduce(0) { $0 + $1.width }
    }
}

/// A run of text in one style.
public struct Span: Sendable, Equatable {
    public var text: String
    public var style: Style
    public init(_ text: String, _ style: Style = .plain) {
        self.text = text
        self.style = style
    }
}

public typealias StyledLine = [Span]

extension Grid {
    /// Draws spans left to right from `column`, within `width` columns. Returns columns used.
    @discardableResult
    public mutating func draw(_ line: StyledLine, row: Int, column: Int, width: Int) -> Int {
        var x = column
        let end = column + max(0, width)
        for span in line where x < end {
            x += put(span.text, row: row, column: x, style: span.style, maxWidth: end - x)
        }
        return x - column
    }

    /// Draws a box outline (Unicode lines, or `+-|` in ASCII mode) and a title in the top edge.
    public mutating func box(_ r: Rect, title: String, glyphs: Glyphs, style: Style = .plain) {
        guard r.width >= 2, r.height >= 2 else { return }
        let u = glyphs == .unicode
        let h = u ? "─" : "-", v = u ? "│" : "|"
        let corners = u ? ["┌", "┐", "└", "┘"] : ["+", "+", "+", "+"]
        let inner = String(repeating: h, count: r.width - 2)
        put(corners[0] + inner + corners[1], row: r.row, column: r.column, style: style)
        put(corners[2] + inner + corners[3], row: r.bottom - 1, column: r.column, style: style)
        for y in (r.row + 1)..<(r.bottom - 1) {
            put(v, row: y, column: r.column, style: style)
            fill(row: y, from: r.column + 1, to: r.column + r.width - 1, style: .plain)
            put(v, row: y, column: r.column + r.width - 1, style: style)
        }
        if !title.isEmpty, r.width > 6 {
            put(" " + DisplayWidth.truncate(title, to: r.width - 6) + " ", row: r.row, column: r.column + 2, style: Style(bold: true))
        }
    }
}

extension Grid {
    /// For terminals without UTF-8: every cell becomes one ASCII character (a wide character
    /// becomes `?` and a space), so the columns stay where they were.
    public mutating func makeASCII() {
        for r in 0..<height {
            for c in 0..<width {
                let cell = rows[r][c]
                if cell.width == 0 {
                    rows[r][c] = Cell(text: " ", width: 1, style: cell.style)
                    continue
                }
                if cell.text.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F }) { continue }
                rows[r][c] = Cell(text: Glyphs.oneCellStandIn[cell.text] ?? "?", width: 1, style: cell.style)
            }
        }
    }
}
