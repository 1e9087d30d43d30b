/// Aligned text columns for the command line's text output. Every cell is cleaned (no control
/// character from data reaches the terminal) and measured in display columns, so CJK and emoji keep
/// the columns straight. Given a width (the terminal's), the table fits it and no line is ever wider:
/// - the flexible column (the long text) is cut with `…`, or with `wrap` wrapped inside its column;
/// - when that would leave it fewer than `minimumFlexibleWidth` columns, the shrinkable columns (lead
///   officers, time scale) are cut first;
/// - when even that is not enough (an 80-column terminal and long plan ids), the flexible column goes
///   below its row instead, indented and wrapped at word boundaries to the whole width;
/// - anything still too wide (a terminal narrower than the ids) is cut at the width.
/// With no width (a pipe or a file) nothing is cut. Pure: the caller finds the width.
public final class TextTable {
    private let columns: [String]
    private let glyphs: Glyphs
    /// Cells already cleaned, with their display width measured once.
    private var rows: [[(text: String, width: Int)]] = []
    public var flexibleColumn: Int?
    public var shrinkableColumns: Set<Int> = []
    public var minimumFlexibleWidth = 30
    /// Wrap the flexible column inside its column instead of cutting it.
    public var wrap = false
    /// How far a flexible cell placed below its row is indented.
    public static let belowIndent = 4

    public init(columns: [String], glyphs: Glyphs, flexibleColumn: Int? = nil, shrinkable: Set<Int> = []) {
        self.columns = columns
        self.glyphs = glyphs
        self.flexibleColumn = flexibleColumn
        self.shrinkableColumns = shrinkable
    }

    public var isEmpty: Bool { rows.isEmpty }

    public func add(_ row: [String]) {
        rows.append(row.map { glyphs.cleanMeasured($0) })
    }

    /// A row whose cells are already cleaned and measured (e.g. a status label used on every row).
    public func add(measured row: [(text: String, width: Int)]) {
        rows.append(row)
    }

    public func render(width: Int?) -> String { String(decoding: renderBytes(width: width), as: UTF8.self) }

    /// The table as UTF-8, built once: long listings print thousands of rows.
    public func renderBytes(width limit: Int?) -> [UInt8] {
        var widths = columns.map { DisplayWidth.of($0) }
        for row in rows { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.width) } }
        let layout = limit.map { fit(widths, into: $0) } ?? Layout(widths: widths, below: false)
        widths = layout.widths
        var out: [UInt8] = []
        out.reserveCapacity((rows.count + 1) * (widths.reduce(0, +) + 2 * widths.count))
        let flex = flexibleColumn

        /// Cuts the line that starts at `start` to `limit` columns, ending it with `…` (rare: only when
        /// even the fixed columns are wider than the terminal).
        func cut(from start: Int, to limit: Int) {
            // A line takes at least as many bytes as columns: most lines need no measuring.
            guard out.count - start > limit else { return }
            let text = String(decoding: out[start...], as: UTF8.self)
            guard DisplayWidth.of(text) > limit else { return }
            out.removeSubrange(start...)
            out.append(contentsOf: DisplayWidth.truncate(text, to: limit).utf8)
        }
        /// One physical line of cells; the cells skipped (the flexible one when it goes below) leave no gap.
        func line(_ cells: [(text: String, width: Int)], skipping skip: Int?, dropping dropped: Set<Int> = []) {
            let start = out.count
            var first = true
            for (i, cell) in cells.enumerated() where i != skip && !dropped.contains(i) {
                if !first { out.append(0x20); out.append(0x20) }
                first = false
                let fits = cell.width <= widths[i]
                let text = fits ? cell.text : DisplayWidth.truncate(cell.text, to: widths[i])
                out.append(contentsOf: text.utf8)
                let used = fits ? cell.width : DisplayWidth.of(text)
                if widths[i] > used { out.append(contentsOf: repeatElement(0x20, count: widths[i] - used)) }
            }
            while out.count > start && out[out.count - 1] == 0x20 { out.removeLast() }
            if let limit { cut(from: start, to: limit) }
            out.append(0x0A)
        }
        /// Lines of text indented by `indent` spaces (the flexible cell below its row, or wrapped inside its column).
        func continuation(_ text: String, indent: Int, width: Int) {
            for piece in WordWrap.lines(text, width: max(1, width)) {
                let start = out.count
                out.append(contentsOf: repeatElement(0x20, count: indent))
                out.append(contentsOf: piece.utf8)
                while out.count > start && out[out.count - 1] == 0x20 { out.removeLast() }
                if let limit { cut(from: start, to: limit) }
                out.append(0x0A)
            }
        }

        let header = columns.map { ($0, DisplayWidth.of($0)) }
        if layout.below, let flex {
            let skipped = Set(layout.moved + [flex])
            let belowWidth = (limit ?? 80) - Self.belowIndent
            let names = layout.moved.map { Self.sentenceCase(columns[$0]) }
            line(header.enumerated().map { skipped.contains($0.offset) ? ("", 0) : $0.element }, skipping: flex, dropping: skipped)
            continuation(columns[flex], indent: Self.belowIndent, width: belowWidth)
            for row in rows {
                line(row, skipping: flex, dropping: skipped)
                if flex < row.count, !row[flex].text.isEmpty {
                    continuation(row[flex].text, indent: Self.belowIndent, width: belowWidth)
                }
                for (name, column) in zip(names, layout.moved) where column < row.count && !row[column].text.isEmpty {
                    continuation("\(name): \(row[column].text)", indent: Self.belowIndent, width: belowWidth)
                }
            }
            return out
        }
        line(header, skipping: nil)
        for row in rows {
            guard wrap, limit != nil, let flex, flex < row.count, row[flex].width > widths[flex] else {
                line(row, skipping: nil)
                continue
            }
            // Wrapped inside its column: the first piece on the row, the rest under it.
            let pieces = WordWrap.lines(row[flex].text, width: widths[flex])
            var firstRow = row
            firstRow[flex] = (pieces[0], DisplayWidth.of(pieces[0]))
            line(firstRow, skipping: nil)
            let indent = widths[..<flex].reduce(0, +) + 2 * flex
            for piece in pieces.dropFirst() {
                let start = out.count
                out.append(contentsOf: repeatElement(0x20, count: indent))
                out.append(contentsOf: piece.utf8)
                while out.count > start && out[out.count - 1] == 0x20 { out.removeLast() }
                out.append(0x0A)
            }
        }
        return out
    }

    struct Layout {
        var widths: [Int]
        var below: Bool
        /// Shrinkable columns that do not fit even cut to the minimum: shown below the row as "Name: value".
        var moved: [Int] = []
    }

    /// Column widths that fit `limit` columns, and whether the flexible column goes below its row.
    func fit(_ natural: [Int], into limit: Int) -> Layout {
        var widths = natural
        let gaps = 2 * max(0, widths.count - 1)
        guard widths.reduce(0, +) + gaps > limit, let flex = flexibleColumn, flex < widths.count else {
            return Layout(widths: widths, below: false)
        }
        let wanted = min(natural[flex], minimumFlexibleWidth)
        let fixed = widths.enumerated().filter { $0.offset != flex }.map(\.element).reduce(0, +) + gaps
        if limit - fixed >= wanted {
            widths[flex] = limit - fixed
            return Layout(widths: widths, below: false)
        }
        // Cut the shrinkable columns, widest first, to leave the flexible one its minimum.
        if let shrunk = shrink(widths, by: wanted - (limit - fixed)) {
            widths = shrunk
            let nowFixed = widths.enumerated().filter { $0.offset != flex }.map(\.element).reduce(0, +) + gaps
            widths[flex] = limit - nowFixed
            return Layout(widths: widths, below: false)
        }
        // The flexible column below its row; the others share the line at their full width, and the
        // shrinkable ones that do not fit go below too, labelled (rightmost first): cut to a few
        // columns they would say little.
        widths = natural
        widths[flex] = 0
        var moved: [Int] = []
        func lineWidth() -> Int { widths.reduce(0, +) + 2 * (widths.count - 2 - moved.count) }
        for column in shrinkableColumns.sorted(by: >) where lineWidth() > limit && column < widths.count {
            moved.append(column)
            widths[column] = 0
        }
        return Layout(widths: widths, below: true, moved: moved.sorted())
    }

    /// The shrinkable columns narrowed (the widest first, none below `minimumShrunkWidth`) by at least
    /// `amount` columns in all; nil when they cannot give that much (with `all`, as narrow as allowed).
    func shrink(_ widths: [Int], by amount: Int, all: Bool = false) -> [Int]? {
        let minimum = Self.minimumShrunkWidth
        let candidates = shrinkableColumns.filter { $0 < widths.count && widths[$0] > minimum }
        let available = candidates.map { widths[$0] - minimum }.reduce(0, +)
        if all { var w = widths; for c in candidates { w[c] = minimum }; return w }
        guard available >= amount else { return nil }
        var w = widths
        var left = amount
        while left > 0 {
            // One column off the widest shrinkable column at a time: fair, and the amounts are small.
            guard let widest = candidates.filter({ w[$0] > minimum }).max(by: { w[$0] < w[$1] }) else { return nil }
            w[widest] -= 1
            left -= 1
        }
        return w
    }

    public static let minimumShrunkWidth = 8

    /// "LEAD OFFICERS" → "Lead officers", for a column shown below its row.
    static func sentenceCase(_ header: String) -> String {
        guard let first = header.first else { return header }
        return String(first) + header.dropFirst().lowercased()
    }
}

/// How wide the command line's text output may be: `--width N` (0: no limit), else the terminal's
/// width when stdout is one (falling back to $COLUMNS, then 80), else $COLUMNS when set, else no
/// limit (a pipe or a file gets whole lines).
public enum OutputWidth {
    public static func resolve(option: Int?, isTerminal: Bool, terminalColumns: Int?, environment: [String: String]) -> Int? {
        if let option { return option > 0 ? option : nil }
        let columns = environment["COLUMNS"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
        if isTerminal { return terminalColumns.flatMap { $0 > 0 ? $0 : nil } ?? columns ?? 80 }
        return columns
    }
}
