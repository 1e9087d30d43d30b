/// CSV as Excel reads it (RFC 4180): CRLF line ends; a field containing a comma, a quote, CR or LF
/// is quoted, with quotes doubled. Reading CSV (import) uses the CSV.swift package, because parsing is
/// where the hard cases are; writing is this much and no more. (The package's writer emits one byte per
/// stream call and made a 20,000-row listing take a second.)
public enum CSVText {
    /// - Parameter neutralise: write each cell through `neutralised` (CSV meant to be opened by people in
    ///   a spreadsheet); false writes every value exactly (`--raw`).
    public static func render(header: [String], rows: [[String]], byteOrderMark: Bool = false, neutralise: Bool = false) -> String {
        var out = byteOrderMark ? "\u{FEFF}" : ""
        out.reserveCapacity(rows.count * 160)
        append(header, to: &out)
        for row in rows { append(row, to: &out, neutralise: neutralise) }
        return out
    }

    public static func append(_ row: [String], to out: inout String, neutralise: Bool = false) {
        for (i, field) in row.enumerated() {
            if i > 0 { out += "," }
            out += quoted(neutralise ? neutralised(field) : field)
        }
        out += "\r\n"
    }

    /// The one place that knows the rule against CSV formula injection (OWASP, "CSV Injection"), shared
    /// with import, which undoes it: a cell whose value begins with one of `=` `+` `-` `@` TAB CR is
    /// written with a leading apostrophe, so a spreadsheet shows it as text instead of running it as a
    /// formula (`=HYPERLINK(…)`, `@SUM(…)`, `-2+3`). On import, a cell that begins with an apostrophe
    /// followed by one of those characters has the apostrophe removed (`CSVText.restored`), so
    /// export → import gives back the value. Every other cell is written as it is.
    /// A value that itself begins with an apostrophe and one of those characters ("'=x") gets a second
    /// apostrophe too, so that import, which removes one, gives it back exactly.
    public static func neutralised(_ field: String) -> String {
        guard let first = field.utf8.first else { return field }
        if formulaStarts.contains(first) || restored(field) != field { return "'" + field }
        return field
    }

    /// What import does with a cell written by `neutralised`: the leading apostrophe removed when the
    /// next character is one that `neutralised` protects; any other value is returned as it is.
    public static func restored(_ field: String) -> String {
        var bytes = field.utf8.makeIterator()
        guard bytes.next() == UInt8(ascii: "'"), let second = bytes.next(), formulaStarts.contains(second) else { return field }
        return String(field.dropFirst())
    }

    /// `=` `+` `-` `@` TAB CR: what a spreadsheet treats as the start of a formula.
    public static let formulaStarts: Set<UInt8> = [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D]

    public static func quoted(_ field: String) -> String {
        var needsQuotes = false
        for byte in field.utf8 where byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 10 || byte == 13 {
            needsQuotes = true
            break
        }
        guard needsQuotes else { return field }
        var escaped = "\""
        for c in field.unicodeScalars {
            if c == "\"" { escaped += "\"\"" } else { escaped.unicodeScalars.append(c) }
        }
        return escaped + "\""
    }
}
