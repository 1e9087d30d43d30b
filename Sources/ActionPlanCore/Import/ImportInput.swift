#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file to import and refuses what is not UTF-8 text, naming the line, before any parsing:
/// a Word or Excel file (binary, NUL bytes), UTF-16 "Unicode Text", Latin-1 or an empty file.
public enum ImportInput {
    /// Source documents are a few pages; anything near this size is not one.
    public static let maxBytes = 32 << 20

    public static func read(path: String) throws(ImportError) -> [UInt8] {
        do {
            return try FileBytes.read(path, limit: maxBytes)
        } catch {
            switch error {
            case .system(let code): throw ImportError(file: path, "cannot read: \(String(cString: strerror(code)))")
            case .tooLarge(let size): throw ImportError(file: path, "file is \(size) bytes, larger than the \(maxBytes >> 20) MiB an action plan can be")
            default: throw ImportError(file: path, error.reason) // a FIFO, a device: refused unopened for reading, never waited on
            }
        }
    }

    /// The text of the file, without a UTF-8 byte order mark.
    public static func decode(_ bytes: [UInt8], file: String) throws(ImportError) -> String {
        if bytes.isEmpty { throw ImportError(file: file, "the file is empty") }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw ImportError(file: file, line: 1, "UTF-16 text (Excel's \"Unicode Text\"): save it as \"CSV UTF-8\" or as plain UTF-8 text and import that")
        }
        var body = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { body = bytes.dropFirst(3) }
        if let nul = body.firstIndex(of: 0) {
            throw ImportError(file: file, line: line(of: nul, in: bytes),
                              "contains a NUL byte: this is a binary file (a .doc, .docx, .xls or .xlsx?), not text; save the document as plain text or CSV and import that")
        }
        if let bad = firstInvalidUTF8(body) {
            let hex = String(bytes[bad], radix: 16, uppercase: true)
            throw ImportError(file: file, line: line(of: bad, in: bytes),
                              "not valid UTF-8 (byte 0x\(hex) at offset \(bad)): save the file as UTF-8 and import it again")
        }
        let text = String(decoding: body, as: UTF8.self)
        if ImportText.isBlank(text) { throw ImportError(file: file, "the file is empty (only blank lines)") }
        return text
    }

    /// Lines of text, whichever line ends the file uses (LF, CRLF from Windows, CR from old Macs).
    static func lines(_ text: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var previousCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                if !previousCR { lines.append(String(current)); current = String.UnicodeScalarView() }
                previousCR = false
            } else if scalar == "\r" {
                lines.append(String(current))
                current = String.UnicodeScalarView()
                previousCR = true
            } else {
                current.append(scalar)
                previousCR = false
            }
        }
        if !current.isEmpty { lines.append(String(current)) }
        return lines
    }

    private static func line<C: Collection>(of offset: Int, in bytes: C) -> Int where C.Element == UInt8, C.Index == Int {
        1 + bytes[bytes.startIndex..<offset].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    /// Offset of the first byte that does not start a valid UTF-8 sequence (overlong forms and
    /// surrogates are invalid too), or nil.
    static func firstInvalidUTF8(_ b: ArraySlice<UInt8>) -> Int? {
        var i = b.startIndex
        let end = b.endIndex
        while i < end {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            var need = 0
            var cp: UInt32 = 0
            var minimum: UInt32 = 0
            switch c {
            case 0xC2...0xDF: need = 1; cp = UInt32(c & 0x1F); minimum = 0x80
            case 0xE0...0xEF: need = 2; cp = UInt32(c & 0x0F); minimum = 0x800
            case 0xF0...0xF4: need = 3; cp = UInt32(c & 0x07); minimum = 0x10000
            default: return i
            }
            if i + need >= end { return i }
            for k in 1...need {
                let cc = b[i + k]
                if cc & 0xC0 != 0x80 { return i }
                cp = cp << 6 | UInt32(cc & 0x3F)
            }
            if cp < minimum || cp > 0x10FFFF || (0xD800...0xDFFF).contains(cp) { return i }
            i += need + 1
        }
        return nil
    }
}
