/// CSV as Excel reads it (RFC 4180): CRLF line ends; a field containing a comma, a quote, CR or LF
/// is quoted, with quotes doubled. Reading CSV (import) uses the CSV.swift package, because parsing is
/// where the hard cases are; writing is this much and no more. (The package's writer emits one byte per
/// stream call and made a 20,000-row listing take a second.)
public enum CSVText {
    public static func render(header: [String], rows: [[String]], byteOrderMark: Bool = false) -> String {
        var out = byteOrderMark ? "\u{FEFF}" : ""
        out.reserveCapacity(rows.count * 160)
        append(header, to: &out)
        for row in rows { append(row, to: &out) }
        return out
    }

    public static func append(_ row: [String], to out: inout String) {
        for (i, field) in row.enumerated() {
            if i > 0 { out += "," }
            out += quoted(field)
        }
        out += "\r\n"
    }

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
