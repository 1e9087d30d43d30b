import Foundation

/// Word .docx → SourceDocument: `word/document.xml` read as paragraphs and tables in order.
/// - Tables: rows and cells; `w:gridSpan` (merged across) gives a cell's span; `w:vMerge` (merged
///   down) gives every row it spans the top cell's value; `w:gridBefore` leaves its columns empty;
///   `w:tblHeader` marks a header row that Word repeats at the top of each page.
/// - A cell's paragraphs are lines of that one cell. A table nested in a cell is read as more lines
///   of that cell (and said in the preview).
/// - Headings: a heading style (by its name in styles.xml: "heading 1"…, "Title", or an outline
///   level), or a short paragraph whose text is all bold.
/// - Word's automatic numbering (numbering.xml) is put back in front of the text as the reader
///   sees it: "1.", "1.1", "2.3.1", "a)".
/// - Text boxes are read as paragraphs of their own after the paragraph that anchors them.
/// - Tracked deletions (w:delText) are left out; insertions are kept, as Word shows them.
struct DocxReader {
    let file: String
    private var package: OfficePackage
    private var styles: [String: (name: String, outline: Int?)] = [:]
    private var numbering = WordNumbering()
    private var remarks: [String] = []
    private var paragraphCount = 0
    private var tableCount = 0

    init(bytes: [UInt8], file: String) throws(ImportError) {
        self.file = file
        package = try OfficePackage(bytes: bytes, file: file)
    }

    mutating func read() throws(ImportError) -> SourceDocument {
        guard let document = try package.xml("word/document.xml") else {
            throw ImportError(file: file, "a zip file but not a Word document (no word/document.xml)")
        }
        if let s = try package.xml("word/styles.xml") { readStyles(s) }
        if let n = try package.xml("word/numbering.xml") { numbering = WordNumbering(n) }
        var title: String?
        if let core = try package.xml("docProps/core.xml"), let t = core.descendants("title").first {
            let text = ImportText.squash(t.text)
            if !text.isEmpty { title = text }
        }
        guard let body = document.child("body") else {
            throw ImportError(file: file, "word/document.xml has no body")
        }
        var doc = SourceDocument(format: "Word .docx", title: title)
        readBlocks(body.children, into: &doc.blocks)
        doc.remarks = remarks
        return doc
    }

    private mutating func readStyles(_ root: XMLElement2) {
        for style in root.all("style") {
            guard let id = style.attribute("styleId") else { continue }
            let name = style.child("name")?.attribute("val") ?? id
            let outline = style.child("pPr")?.child("outlineLvl")?.attribute("val").flatMap { Int($0) }
            styles[id] = (name.lowercased(), outline)
        }
    }

    private mutating func readBlocks(_ elements: [XMLElement2], into blocks: inout [SourceDocument.Block]) {
        for e in elements {
            switch e.local {
            case "p":
                for p in paragraphs(e) { blocks.append(.paragraph(p)) }
            case "tbl":
                tableCount += 1
                blocks.append(.table(table(e, number: tableCount)))
            case "sdt":
                // A content control (Word's forms and some templates) wraps ordinary content.
                if let content = e.child("sdtContent") { readBlocks(content.children, into: &blocks) }
            case "customXml", "ins", "smartTag":
                readBlocks(e.children, into: &blocks)
            default:
                continue
            }
        }
    }

    /// The paragraph, then any text boxes anchored in it.
    private mutating func paragraphs(_ p: XMLElement2) -> [SourceParagraph] {
        paragraphCount += 1
        let place = "paragraph \(paragraphCount)"
        var text = runText(p)
        let properties = p.child("pPr")
        let styleID = properties?.child("pStyle")?.attribute("val")
        let style = styleID.flatMap { styles[$0] }
        let styleName = style?.name ?? styleID?.lowercased() ?? ""
        if let label = numbering.label(for: properties, styleNumbering: nil), !text.isEmpty {
            text = label + " " + text
        }
        let isTitle = styleName == "title"
        var isHeading = isTitle || styleName.hasPrefix("heading") || styleName.hasPrefix("subtitle")
        if let level = properties?.child("outlineLvl")?.attribute("val") ?? style?.outline.map(String.init), Int(level).map({ $0 < 9 }) == true {
            isHeading = true
        }
        if !isHeading && !text.isEmpty && text.count <= 120 && allBold(p) { isHeading = true }
        var out = [SourceParagraph(text: text, isHeading: isHeading, isTitle: isTitle, place: place)]
        for box in p.descendants("txbxContent") {
            let lines = box.descendants("p").map { runText($0) }.filter { !$0.isEmpty }
            if lines.isEmpty { continue }
            remarks.append("a text box at \(place) was read as a paragraph of its own: \u{201C}\(lines.joined(separator: " / "))\u{201D}")
            out.append(SourceParagraph(text: lines.joined(separator: " "), isHeading: false, place: "\(place) (text box)"))
        }
        if text.isEmpty { out.removeFirst() }
        return out
    }

    /// The visible text of a paragraph: w:t (and w:tab, w:br, w:noBreakHyphen), leaving out text
    /// boxes, tracked deletions and field instructions.
    private func runText(_ p: XMLElement2) -> String {
        var out = ""
        var stack: [XMLElement2] = p.children.reversed()
        while let e = stack.popLast() {
            switch e.local {
            case "t": out += e.text
            case "tab": if e.attributes.isEmpty || out.last != nil { out += "\t" }
            case "br", "cr": out += " "
            case "noBreakHyphen": out += "-"
            case "txbxContent", "delText", "instrText", "pPr", "rPr", "fldData", "del": continue
            default: stack.append(contentsOf: e.children.reversed())
            }
        }
        return ImportText.squash(out)
    }

    private func allBold(_ p: XMLElement2) -> Bool {
        let runs = p.descendants("r", skipping: ["txbxContent"]).filter { r in r.children.contains { $0.local == "t" && !ImportText.squash($0.text).isEmpty } }
        guard !runs.isEmpty else { return false }
        return runs.allSatisfy { r in
            guard let b = r.child("rPr")?.child("b") else { return false }
            let v = b.attribute("val") ?? "true"
            return v != "0" && v != "false"
        }
    }

    private mutating func table(_ tbl: XMLElement2, number: Int) -> SourceTable {
        var rows: [SourceRow] = []
        // grid column → the lines of the cell a vertical merge started with
        var mergedDown: [Int: [String]] = [:]
        var rowNumber = 0
        for tr in tbl.descendants("tr", skipping: ["tbl"]) {
            rowNumber += 1
            let place = "table \(number), row \(rowNumber)"
            var cells: [SourceCell] = []
            var column = 0
            let trPr = tr.child("trPr")
            if let before = trPr?.child("gridBefore")?.attribute("val").flatMap({ Int($0) }), before > 0, before < 64 {
                for _ in 0..<before { cells.append(SourceCell(lines: [])) }
                column += before
            }
            for tc in tr.descendants("tc", skipping: ["tbl"]) {
                let pr = tc.child("tcPr")
                let span = max(1, min(64, pr?.child("gridSpan")?.attribute("val").flatMap { Int($0) } ?? 1))
                var lines: [String] = []
                for e in tc.children {
                    if e.local == "p" {
                        lines.append(contentsOf: paragraphs(e).map(\.text))
                    } else if e.local == "tbl" {
                        remarks.append("a table nested in a cell (\(place)) was read as lines of that cell")
                        for p in e.descendants("p") {
                            let t = runText(p)
                            if !t.isEmpty { lines.append(t) }
                        }
                    } else if e.local == "sdt", let content = e.child("sdtContent") {
                        for p in content.descendants("p") { lines.append(runText(p)) }
                    }
                }
                while let last = lines.last, last.isEmpty { lines.removeLast() }
                var cell = SourceCell(lines: lines, span: span)
                if let vMerge = pr?.child("vMerge") {
                    let value = vMerge.attribute("val") ?? "continue"
                    if value == "restart" {
                        mergedDown[column] = lines
                    } else if let top = mergedDown[column] {
                        cell = SourceCell(lines: top, span: span, continued: true)
                    }
                } else {
                    mergedDown[column] = nil
                }
                cells.append(cell)
                for _ in 1..<span { cells.append(SourceCell(lines: [], continued: true)) }
                column += span
            }
            let repeated = trPr?.child("tblHeader") != nil
            rows.append(SourceRow(cells: cells, place: place, isRepeatedHeader: repeated))
        }
        return SourceTable(rows: rows, place: "table \(number)")
    }
}

/// Word's automatic numbering: numbering.xml's w:num → w:abstractNum levels, counted as the
/// document goes, so a numbered paragraph gets the label Word draws in front of it.
struct WordNumbering {
    struct Level {
        var start = 1
        var format = "decimal"
        var text = "%1."
    }

    private var levels: [String: [Int: Level]] = [:]   // numId → ilvl → level
    private var counters: [String: [Int]] = [:]           // abstractNumId → counter per level
    private var abstractOf: [String: String] = [:]        // numId → abstractNumId

    init() {}

    init(_ root: XMLElement2) {
        var abstract: [String: [Int: Level]] = [:]
        for a in root.all("abstractNum") {
            guard let id = a.attribute("abstractNumId") else { continue }
            var map: [Int: Level] = [:]
            for lvl in a.all("lvl") {
                guard let i = lvl.attribute("ilvl").flatMap({ Int($0) }) else { continue }
                var level = Level()
                level.start = lvl.child("start")?.attribute("val").flatMap { Int($0) } ?? 1
                level.format = lvl.child("numFmt")?.attribute("val") ?? "decimal"
                level.text = lvl.child("lvlText")?.attribute("val") ?? ""
                map[i] = level
            }
            abstract[id] = map
        }
        for n in root.all("num") {
            guard let id = n.attribute("numId"), let a = n.child("abstractNumId")?.attribute("val") else { continue }
            var map = abstract[a] ?? [:]
            for o in n.all("lvlOverride") {
                if let i = o.attribute("ilvl").flatMap({ Int($0) }), let s = o.child("startOverride")?.attribute("val").flatMap({ Int($0) }) {
                    map[i, default: Level()].start = s
                }
            }
            levels[id] = map
            abstractOf[id] = a
        }
    }

    /// The label of a paragraph with these properties ("1.", "1.1"), advancing the counters; nil when
    /// it is not numbered or is a bullet.
    mutating func label(for properties: XMLElement2?, styleNumbering: Void?) -> String? {
        guard let numPr = properties?.child("numPr"), let id = numPr.child("numId")?.attribute("val"), id != "0",
              let map = levels[id] else { return nil }
        let ilvl = max(0, min(8, numPr.child("ilvl")?.attribute("val").flatMap { Int($0) } ?? 0))
        guard let level = map[ilvl] else { return nil }
        let key = abstractOf[id] ?? id
        var counter = counters[key] ?? Array(repeating: 0, count: 9)
        for i in 0..<9 where counter[i] == 0 { counter[i] = (map[i]?.start ?? 1) - 1 }
        counter[ilvl] += 1
        for i in (ilvl + 1)..<9 { counter[i] = (map[i]?.start ?? 1) - 1 }
        counters[key] = counter
        if level.format == "bullet" || level.format == "none" { return nil }
        var text = level.text
        for i in 0...ilvl {
            let value = max(counter[i], map[i]?.start ?? 1)
            text = text.replacingOccurrences(of: "%\(i + 1)", with: Self.format(value, map[i]?.format ?? "decimal"))
        }
        let label = ImportText.squash(text)
        return label.isEmpty ? nil : label
    }

    static func format(_ n: Int, _ format: String) -> String {
        switch format {
        case "lowerLetter": return letters(n).lowercased()
        case "upperLetter": return letters(n)
        case "lowerRoman": return roman(n).lowercased()
        case "upperRoman": return roman(n)
        default: return String(n)
        }
    }

    private static func letters(_ n: Int) -> String {
        guard n > 0 else { return String(n) }
        let letter = Character(UnicodeScalar(UInt8(65 + (n - 1) % 26)))
        return String(repeating: letter, count: (n - 1) / 26 + 1)
    }

    private static func roman(_ n: Int) -> String {
        guard n > 0, n < 4000 else { return String(n) }
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var n = n, out = ""
        for (v, s) in table { while n >= v { out += s; n -= v } }
        return out
    }
}
