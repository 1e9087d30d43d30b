import CSV

/// CSV (comma, semicolon or tab, sniffed) and text saved from Word (tab-separated cells) → a
/// SourceDocument for the layout mapper.
enum DelimitedReader {
    /// The delimiter most lines agree on: for each of , ; TAB, the number of lines among the first 50
    /// non-empty ones (outside quotes) in which it occurs, the most common count taking ties; a line
    /// with none of them is a heading line and does not vote.
    static func sniffDelimiter(_ text: String) -> Unicode.Scalar {
        var votes: [Unicode.Scalar: Int] = [",": 0, ";": 0, "\t": 0]
        var counts: [Unicode.Scalar: Int] = [",": 0, ";": 0, "\t": 0]
        var inQuotes = false
        var lines = 0
        func endLine() {
            for (k, v) in counts where v > 0 { votes[k, default: 0] += 1 + min(v, 20) * 0 }
            for k in counts.keys { counts[k] = 0 }
            lines += 1
        }
        for s in text.unicodeScalars {
            if s == "\"" { inQuotes.toggle(); continue }
            if inQuotes { continue }
            if s == "\n" || s == "\r" { endLine(); if lines > 50 { break }; continue }
            if counts[s] != nil { counts[s]! += 1 }
        }
        endLine()
        // Tab and semicolon beat comma on a tie: commas occur inside text, the others rarely.
        let order: [Unicode.Scalar] = ["\t", ";", ","]
        return order.max { (votes[$0] ?? 0) < (votes[$1] ?? 0) } ?? ","
    }

    static func name(_ d: Unicode.Scalar) -> String {
        switch d {
        case ";": return "semicolon-separated"
        case "\t": return "tab-separated"
        default: return "comma-separated"
        }
    }

    /// CSV with quoting (RFC 4180, as Excel writes it). Line numbers count the lines inside quoted cells.
    static func csv(_ text: String, encoding: TextEncoding, file: String) throws(ImportError) -> SourceDocument {
        if let open = CSVPlanImporter.unclosedQuoteLine(text) {
            throw ImportError(file: file, line: open, "a quoted cell opens here and is never closed (unbalanced \")")
        }
        let delimiter = sniffDelimiter(text)
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: false, delimiter: delimiter)
        } catch {
            throw ImportError(file: file, "cannot read as CSV: \(error)")
        }
        var rows: [SourceRow] = []
        var line = 1
        while let row = reader.next() {
            let place = "line \(line)"
            line += 1 + row.reduce(0) { $0 + CSVPlanImporter.lineBreaks(in: $1) }
            let cells = row.map { SourceCell(ImportText.trimLines(CSVText.restored($0))) }
            if cells.allSatisfy(\.isEmpty) { continue }
            rows.append(SourceRow(cells: cells, place: place))
        }
        if let error = reader.error { throw ImportError(file: file, line: line, "cannot read as CSV: \(error)") }
        var doc = SourceDocument(format: "CSV (\(name(delimiter)), \(encoding.rawValue))")
        doc.blocks = [.table(SourceTable(rows: rows, place: "the CSV"))]
        if encoding == .windows1252 {
            doc.remarks.append("the file is not UTF-8, so it was read as Windows-1252 (Excel's \"CSV (Comma delimited)\"); check that £, – and ’ came out right, or save it as \"CSV UTF-8\"")
        }
        return doc
    }

    /// Text saved from Word: a line with tabs is a table row (its cells between the tabs), a line
    /// without is a paragraph; consecutive rows make one table. Quotes mean nothing here.
    static func wordText(_ text: String, encoding: TextEncoding) -> SourceDocument {
        var doc = SourceDocument(format: "text saved from Word (tab-separated cells, \(encoding.rawValue))")
        var rows: [SourceRow] = []
        var tables = 0
        func flush() {
            if rows.isEmpty { return }
            tables += 1
            doc.blocks.append(.table(SourceTable(rows: rows, place: "the table at \(rows[0].place)")))
            rows = []
        }
        for (i, line) in ImportInput.lines(text).enumerated() {
            let place = "line \(i + 1)"
            if line.contains("\t") {
                let cells = ImportText.cells(line).map { SourceCell(ImportText.squash($0)) }
                if cells.allSatisfy(\.isEmpty) { continue }
                rows.append(SourceRow(cells: cells, place: place))
            } else {
                let t = ImportText.squash(line)
                if t.isEmpty { continue }
                flush()
                let heading = t.count <= 100 && !t.hasSuffix(".")
                doc.blocks.append(.paragraph(SourceParagraph(text: t, isHeading: heading, place: place)))
            }
        }
        flush()
        if encoding == .windows1252 {
            doc.remarks.append("the file is not UTF-8, so it was read as Windows-1252; check that £, – and ’ came out right")
        }
        return doc
    }
}
