/// Which encoding a CSV or text file is in, decided from its bytes, and the text:
/// - a UTF-16 byte order mark (FF FE or FE FF): UTF-16, little or big endian (Excel's "Unicode Text");
/// - a UTF-8 byte order mark, or bytes that are valid UTF-8: UTF-8 (Excel's "CSV UTF-8");
/// - anything else: Windows-1252, Excel's "CSV (Comma delimited)" on a UK PC — an assumption, said in
///   the preview, because such bytes do not say their encoding (ISO-8859-1 differs only in 0x80–0x9F,
///   where Windows-1252 has € ‘ ’ “ ” – — which councils' documents are full of).
enum TextEncoding: String, Sendable {
    case utf8 = "UTF-8"
    case utf8BOM = "UTF-8 with a byte order mark"
    case utf16LE = "UTF-16 little-endian (byte order mark)"
    case utf16BE = "UTF-16 big-endian (byte order mark)"
    case windows1252 = "Windows-1252 (assumed: the file is not UTF-8)"

    static func decode(_ bytes: [UInt8]) -> (String, TextEncoding) {
        if bytes.starts(with: [0xFF, 0xFE]) { return (utf16(bytes.dropFirst(2), littleEndian: true), .utf16LE) }
        if bytes.starts(with: [0xFE, 0xFF]) { return (utf16(bytes.dropFirst(2), littleEndian: false), .utf16BE) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = bytes.dropFirst(3)
            if ImportInput.firstInvalidUTF8(body) == nil { return (String(decoding: body, as: UTF8.self), .utf8BOM) }
        }
        if ImportInput.firstInvalidUTF8(bytes[...]) == nil { return (String(decoding: bytes, as: UTF8.self), .utf8) }
        return (windows1252(bytes), .windows1252)
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            i += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// 0x80–0x9F of Windows-1252 (0 where the code page has no character: shown as U+FFFD).
    private static let high: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    static func windows1252(_ bytes: [UInt8]) -> String {
        var out = String.UnicodeScalarView()
        for b in bytes {
            var v = UInt32(b)
            if (0x80...0x9F).contains(b) { v = high[Int(b - 0x80)]; if v == 0 { v = 0xFFFD } }
            out.append(Unicode.Scalar(v) ?? "\u{FFFD}")
        }
        return String(out)
    }
}
