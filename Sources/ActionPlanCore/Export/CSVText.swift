import CSV
import Foundation

/// CSV as Excel reads it (RFC 4180: CRLF line ends, fields with commas, quotes or newlines quoted),
/// written by the CSV.swift package rather than by hand.
public enum CSVText {
    public static func render(header: [String], rows: [[String]], byteOrderMark: Bool = false) -> String {
        let stream = OutputStream(toMemory: ())
        stream.open()
        // Writing to memory cannot fail; a failure here would be a bug in the package.
        let writer = try! CSVWriter(stream: stream, delimiter: ",", newline: .crlf)
        try! writer.write(row: header)
        for row in rows { try! writer.write(row: row) }
        stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        let body = String(decoding: data, as: UTF8.self) + "\r\n"
        return byteOrderMark ? "\u{FEFF}" + body : body
    }
}
