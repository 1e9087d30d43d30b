/// Where a scanned string's text is: still in the input (no escapes, so the raw bytes are the text), or
/// decoded into `scratch` (valid until the next string is scanned). Lets the pull reader match object keys
/// against the keys it knows without making a String of each.
enum ScannedString {
    case raw(Range<Int>)
    case decoded
}

extension JSONByteParser {
    /// Parses the string whose opening quote is at `pos`.
    @inline(__always)
    mutating func parseString() throws(JSONSyntaxError) -> String {
        switch try scanString() {
        case .raw(let range): return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        case .decoded: return String(decoding: scratch, as: UTF8.self)
        }
    }

    /// The text of a string just scanned, as bytes.
    @inline(__always)
    func withText<R>(of scanned: ScannedString, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        switch scanned {
        case .raw(let range): return body(UnsafeBufferPointer(rebasing: bytes[range]))
        case .decoded: return scratch.withUnsafeBufferPointer(body)
        }
    }

    /// Checks the string whose opening quote is at `pos` and moves past it, decoding escapes into `scratch`.
    /// Inlined so the common plain-ASCII case costs no call (as when this was part of parseString).
    @inline(__always)
    mutating func scanString() throws(JSONSyntaxError) -> ScannedString {
        let quote = pos
        var p = quote + 1
        // Fast path: plain ASCII up to the closing quote needs no validation of our own and no copying.
        while p < bytes.count {
            let b = bytes[p]
            if b == UInt8(ascii: "\"") {
                pos = p + 1
                return .raw((quote + 1)..<p)
            }
            if b == UInt8(ascii: "\\") || b < 0x20 || b >= 0x80 { break }
            p += 1
        }
        return try scanStringSlowly(quote: quote, from: p)
    }

    /// Non-ASCII text (validated here), escapes (decoded into `scratch`), and the errors.
    private mutating func scanStringSlowly(quote: Int, from first: Int) throws(JSONSyntaxError) -> ScannedString {
        var p = first
        var escaped = false
        var run = quote + 1  // start of the raw bytes not yet copied to `scratch`
        while true {
            guard p < bytes.count else { throw error(at: quote, "unexpected end of file inside a string") }
            let b = bytes[p]
            if b == UInt8(ascii: "\"") { break }
            if b == UInt8(ascii: "\\") {
                if !escaped {
                    escaped = true
                    scratch.removeAll(keepingCapacity: true)
                }
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<p]))
                p = try decodeEscape(at: p, quote: quote)
                run = p
            } else if b < 0x20 {
                throw error(at: p, "control character \(scalarName(UInt32(b))) in string (escape it as \(escapeName(b)))")
            } else if b < 0x80 {
                p += 1
            } else {
                guard let next = utf8SequenceEnd(at: p) else { throw invalidUTF8(at: p) }
                p = next
            }
        }
        pos = p + 1
        if !escaped { return .raw((quote + 1)..<p) }
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<p]))
        return .decoded
    }

    /// Appends the character escaped at `p` (a backslash) to `scratch`; returns the offset after the escape.
    private mutating func decodeEscape(at p: Int, quote: Int) throws(JSONSyntaxError) -> Int {
        guard p + 1 < bytes.count else { throw error(at: quote, "unexpected end of file inside a string") }
        let simple: UInt8
        switch bytes[p + 1] {
        case UInt8(ascii: "\""): simple = 0x22
        case UInt8(ascii: "\\"): simple = 0x5C
        case UInt8(ascii: "/"): simple = 0x2F
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"): return try decodeUnicodeEscape(at: p, quote: quote)
        case let c where c > 0x20 && c < 0x7F:
            throw error(at: p, "invalid escape '\\\(Character(Unicode.Scalar(c)))' in string")
        default:
            throw unexpected("expected an escape character after '\\'", at: p + 1)
        }
        scratch.append(simple)
        return p + 2
    }

    /// `\uXXXX`, joining a UTF-16 surrogate pair written as two escapes.
    private mutating func decodeUnicodeEscape(at p: Int, quote: Int) throws(JSONSyntaxError) -> Int {
        let unit = try hex4(at: p + 2, quote: quote)
        var scalar = unit
        var end = p + 6
        if unit >= 0xD800 && unit <= 0xDBFF {
            guard end + 1 < bytes.count, bytes[end] == UInt8(ascii: "\\"), bytes[end + 1] == UInt8(ascii: "u"),
                  let low = try? hex4(at: end + 2, quote: quote), low >= 0xDC00 && low <= 0xDFFF
            else { throw error(at: p, "lone surrogate \\u\(hex(unit))") }
            scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            end += 6
        } else if unit >= 0xDC00 && unit <= 0xDFFF {
            throw error(at: p, "lone surrogate \\u\(hex(unit))")
        }
        appendUTF8(scalar)
        return end
    }

    private func hex4(at p: Int, quote: Int) throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for i in p..<(p + 4) {
            guard i < bytes.count else { throw error(at: quote, "unexpected end of file inside a string") }
            let b = bytes[i]
            let digit: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = b - UInt8(ascii: "A") + 10
            default: throw unexpected("expected 4 hex digits after \\u", at: i)
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            scratch.append(UInt8(scalar))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | scalar >> 6))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | scalar >> 12))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | scalar >> 18))
            scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// The offset after the well-formed UTF-8 sequence starting at `p` (a byte >= 0x80), or nil when it is not one.
    func utf8SequenceEnd(at p: Int) -> Int? {
        let prefix = utf8Prefix(at: p)
        return prefix.valid == prefix.length ? p + prefix.length : nil
    }

    /// How many bytes from `p` on fit a UTF-8 sequence (0 when `p` cannot start one), and how many it needs.
    /// The second byte's range follows Unicode table 3-7, which rules out overlong forms, encoded surrogates
    /// and values above U+10FFFF.
    func utf8Prefix(at p: Int) -> (valid: Int, length: Int) {
        let length: Int, low: UInt8, high: UInt8
        switch bytes[p] {
        case 0xC2...0xDF: (length, low, high) = (2, 0x80, 0xBF)
        case 0xE0: (length, low, high) = (3, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (length, low, high) = (3, 0x80, 0xBF)
        case 0xED: (length, low, high) = (3, 0x80, 0x9F)
        case 0xF0: (length, low, high) = (4, 0x90, 0xBF)
        case 0xF1...0xF3: (length, low, high) = (4, 0x80, 0xBF)
        case 0xF4: (length, low, high) = (4, 0x80, 0x8F)
        default: return (0, 1)
        }
        guard p + 1 < bytes.count && bytes[p + 1] >= low && bytes[p + 1] <= high else { return (1, length) }
        var valid = 2
        while valid < length && p + valid < bytes.count && bytes[p + valid] & 0xC0 == 0x80 { valid += 1 }
        return (valid, length)
    }
}
