import Foundation

/// Excel .xlsx → one SourceTable per sheet, in workbook order.
/// - Strings: shared (xl/sharedStrings.xml, rich-text runs joined, phonetic runs left out), inline
///   (`t="inlineStr"`) and formula results (`t="str"`); booleans as TRUE/FALSE.
/// - Numbers: a cell whose number format is a date format (built-in 14–22, 45–47, or a custom code
///   with d, m or y outside quotes and brackets) is a date serial, written as the UK date "31/03/2025"
///   (the 1904 date system when the workbook says so); other numbers as Excel shows them in General.
/// - Merged ranges: a range across the whole used width is one cell (a group heading); a range
///   down gives its value to every row it spans.
/// - Rows keep their sheet row numbers for messages ("sheet \"Plan\", row 7").
struct XlsxReader {
    struct Sheet {
        var name: String
        var table: SourceTable
    }

    let file: String
    private var package: OfficePackage
    private var shared: [String] = []
    private var dateStyles: Set<Int> = []
    private var date1904 = false

    init(bytes: [UInt8], file: String) throws(ImportError) {
        self.file = file
        package = try OfficePackage(bytes: bytes, file: file)
    }

    mutating func read() throws(ImportError) -> [Sheet] {
        guard let workbook = try package.xml("xl/workbook.xml") else {
            throw ImportError(file: file, "a zip file but not an Excel workbook (no xl/workbook.xml)")
        }
        if let p = workbook.child("workbookPr"), let v = p.attribute("date1904") { date1904 = v == "1" || v == "true" }
        var targets: [String: String] = [:]
        if let rels = try package.xml("xl/_rels/workbook.xml.rels") {
            for r in rels.all("Relationship") {
                guard let id = r.attribute("Id"), var target = r.attribute("Target") else { continue }
                if target.hasPrefix("/") { target.removeFirst() } else { target = "xl/" + target }
                targets[id] = target
            }
        }
        if let sst = try package.xml("xl/sharedStrings.xml") {
            shared = sst.all("si").map { si in
                ImportText.trimLines(si.descendants("t", skipping: ["rPh"]).map(\.text).joined())
            }
        }
        if let styles = try package.xml("xl/styles.xml") { readDateStyles(styles) }
        var sheets: [Sheet] = []
        for (index, s) in (workbook.child("sheets")?.all("sheet") ?? []).enumerated() {
            let name = s.attribute("name") ?? "Sheet\(index + 1)"
            let path = s.attribute("id").flatMap { targets[$0] } ?? "xl/worksheets/sheet\(index + 1).xml"
            guard let root = try package.xml(path) else { continue }
            sheets.append(Sheet(name: name, table: sheet(root, name: name)))
        }
        if sheets.isEmpty { throw ImportError(file: file, "the workbook has no sheets") }
        return sheets
    }

    private mutating func readDateStyles(_ root: XMLElement2) {
        var custom: [Int: String] = [:]
        for f in root.child("numFmts")?.all("numFmt") ?? [] {
            if let id = f.attribute("numFmtId").flatMap({ Int($0) }), let code = f.attribute("formatCode") { custom[id] = code }
        }
        for (i, xf) in (root.child("cellXfs")?.all("xf") ?? []).enumerated() {
            guard let id = xf.attribute("numFmtId").flatMap({ Int($0) }) else { continue }
            if (14...22).contains(id) || (45...47).contains(id) || custom[id].map(Self.isDateFormat) == true { dateStyles.insert(i) }
        }
    }

    static func isDateFormat(_ code: String) -> Bool {
        var inQuotes = false, inBrackets = false
        for c in code.lowercased() {
            switch c {
            case "\"": inQuotes.toggle()
            case "[": inBrackets = true
            case "]": inBrackets = false
            case "d", "m", "y" where !inQuotes && !inBrackets: return true
            default: continue
            }
        }
        return false
    }

    private func sheet(_ root: XMLElement2, name: String) -> SourceTable {
        var grid: [Int: [Int: String]] = [:]   // row → column → text
        var maxColumn = -1
        for row in root.child("sheetData")?.all("row") ?? [] {
            let r = row.attribute("r").flatMap { Int($0) } ?? ((grid.keys.max() ?? 0) + 1)
            var next = 0
            for c in row.all("c") {
                let column = c.attribute("r").flatMap(Self.column) ?? next
                next = column + 1
                let text = value(c)
                if text.isEmpty || column > 512 { continue }
                grid[r, default: [:]][column] = text
                maxColumn = max(maxColumn, column)
            }
        }
        var spans: [Int: [Int: Int]] = [:]      // row → column → span across
        var continued: [Int: Set<Int>] = [:]
        for m in root.child("mergeCells")?.all("mergeCell") ?? [] {
            guard let ref = m.attribute("ref"), let (top, left, bottom, right) = Self.range(ref), bottom - top < 100_000 else { continue }
            if right > left { spans[top, default: [:]][left] = right - left + 1 }
            if bottom > top, let value = grid[top]?[left] {
                for r in (top + 1)...bottom {
                    grid[r, default: [:]][left] = value
                    continued[r, default: []].insert(left)
                }
            }
        }
        var rows: [SourceRow] = []
        for r in grid.keys.sorted() {
            guard let values = grid[r] else { continue }
            var cells: [SourceCell] = []
            var c = 0
            while c <= maxColumn {
                var cell = SourceCell(values[c] ?? "")
                cell.continued = continued[r]?.contains(c) ?? false
                let span = spans[r]?[c] ?? 1
                cell.span = span
                cells.append(cell)
                if span > 1 { for _ in 1..<span { cells.append(SourceCell(lines: [], continued: true)) } }
                c += span
            }
            rows.append(SourceRow(cells: Array(cells.prefix(maxColumn + 1)), place: "sheet \"\(name)\", row \(r)"))
        }
        return SourceTable(rows: rows, place: "sheet \"\(name)\"")
    }

    private func value(_ c: XMLElement2) -> String {
        let type = c.attribute("t") ?? "n"
        switch type {
        case "s":
            guard let i = c.child("v").flatMap({ Int(ImportText.squash($0.text)) }), i >= 0, i < shared.count else { return "" }
            return shared[i]
        case "inlineStr":
            return ImportText.trimLines(c.child("is")?.descendants("t", skipping: ["rPh"]).map(\.text).joined() ?? "")
        case "str", "e":
            return ImportText.trimLines(c.child("v")?.text ?? "")
        case "b":
            return c.child("v")?.text == "1" ? "TRUE" : "FALSE"
        default:
            guard let raw = c.child("v")?.text, let number = Double(ImportText.squash(raw)) else { return "" }
            if let s = c.attribute("s").flatMap({ Int($0) }), dateStyles.contains(s), let day = Self.day(serial: number, date1904: date1904) {
                return Self.ukDate(day)
            }
            return Self.general(number)
        }
    }

    /// Excel's serial day number: 1 = 1900-01-01 (with Excel's phantom 29 February 1900, so serials
    /// from 61 on count from 1899-12-30), or 0 = 1904-01-01 in the 1904 system.
    static func day(serial: Double, date1904: Bool) -> Day? {
        guard serial.isFinite, serial >= 1, serial < 2_958_466 else { return nil }
        var days = Int(serial.rounded(.down))
        if date1904 { days += 1462 }
        if !date1904 && days < 61 { days += 1 }
        // 1899-12-30 + days
        return Day.fromDaysSince18991230(days)
    }

    static func ukDate(_ day: Day) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        return "\(two(day.day))/\(two(day.month))/\(day.year)"
    }

    /// A number as Excel's General format shows it: integers without ".0", others shortest.
    static func general(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int(v)) }
        return String(v)
    }

    /// "C7" → 2 (zero-based column).
    static func column(_ ref: String) -> Int? {
        var n = 0
        var any = false
        for u in ref.utf8 {
            guard u >= 65 && u <= 90 else { break }
            n = n * 26 + Int(u - 64)
            any = true
            if n > 16_384 { return nil }
        }
        return any ? n - 1 : nil
    }

    static func rowNumber(_ ref: String) -> Int? {
        Int(String(ref.drop { $0.isLetter }))
    }

    /// "A5:B7" → (top row, left column, bottom row, right column).
    static func range(_ ref: String) -> (Int, Int, Int, Int)? {
        let parts = ref.split(separator: ":").map(String.init)
        guard parts.count == 2, let l = column(parts[0]), let t = rowNumber(parts[0]), let r = column(parts[1]), let b = rowNumber(parts[1]),
              r >= l, b >= t else { return nil }
        return (t, l, b, r)
    }
}

extension Day {
    /// The day `days` after 1899-12-30 (Excel's day 0 of the 1900 system, as the serial reads).
    static func fromDaysSince18991230(_ days: Int) -> Day? {
        // Civil-from-days (Howard Hinnant): days since 1970-01-01 → y/m/d.
        let z = days - 25_569 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return Day(year: m <= 2 ? y + 1 : y, month: m, day: d)
    }
}
