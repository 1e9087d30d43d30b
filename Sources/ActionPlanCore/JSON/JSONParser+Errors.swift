/// Building errors. Only this cold path turns byte offsets into lines and columns, so parsing never tracks them.
extension JSONByteParser {
    @inline(never)
    func error(at offset: Int, _ message: String) -> JSONSyntaxError {
        let (line, column) = lineAndColumn(of: offset)
        return JSONSyntaxError(line: line, column: column, message: message)
    }

    /// "expected X, found Y" at `offset`, unless the byte there is not UTF-8 at all: that is the real problem then.
    @inline(never)
    func unexpected(_ expected: String, at offset: Int) -> JSONSyntaxError {
        if offset < bytes.count && bytes[offset] >= 0x80 && utf8SequenceEnd(at: offset) == nil {
            return invalidUTF8(at: offset)
        }
        return error(at: offset, "\(expected), found \(describe(at: offset))")
    }

    /// 1-based line and column; lines end at LF, CRLF or a lone CR, and the column counts Unicode scalars.
    func lineAndColumn(of offset: Int) -> (line: Int, column: Int) {
        let end = min(offset, bytes.count)
        var line = 1
        var lineStart = start
        var i = start
        while i < end {
            let b = bytes[i]
            if b == 0x0A || (b == 0x0D && !(i + 1 < bytes.count && bytes[i + 1] == 0x0A)) {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        var column = 1
        for i in lineStart..<max(lineStart, end) where bytes[i] & 0xC0 != 0x80 { column += 1 }
        return (line, column)
    }

    /// What stands at `offset`, for "found ...": `'x'`, `U+000C`, `'é' (U+00E9)` or `end of file`.
    func describe(at offset: Int) -> String {
        guard offset < bytes.count else { return "end of file" }
        let b = bytes[offset]
        switch b {
        case UInt8(ascii: "'"): return "\"'\""
        case 0x20...0x7E: return "'\(Character(Unicode.Scalar(b)))'"
        case 0..<0x20, 0x7F: return scalarName(UInt32(b))
        default:
            guard let end = utf8SequenceEnd(at: offset) else { return "byte 0x\(hex(UInt32(b), width: 2))" }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self)
            return "'\(text)' (\(scalarName(text.unicodeScalars.first!.value)))"
        }
    }

    /// A byte that cannot start a UTF-8 character, or a sequence that is cut short, overlong or out of range.
    func invalidUTF8(at offset: Int) -> JSONSyntaxError {
        let (valid, _) = utf8Prefix(at: offset)
        if valid == 0 { return error(at: offset, "invalid UTF-8 byte 0x\(hex(UInt32(bytes[offset]), width: 2))") }
        // Show the bytes up to and including the first one that breaks the sequence.
        let shown = bytes[offset..<min(bytes.count, offset + valid + 1)].map { "0x" + hex(UInt32($0), width: 2) }
        let cutShort = offset + valid == bytes.count ? " (cut short by end of file)" : ""
        return error(at: offset, "invalid UTF-8 sequence " + shown.joined(separator: " ") + cutShort)
    }

    func literalError(expected word: String) -> JSONSyntaxError {
        var end = pos
        while end < bytes.count && end < pos + 16 && (bytes[end] | 0x20) >= UInt8(ascii: "a") && (bytes[end] | 0x20) <= UInt8(ascii: "z") {
            end += 1
        }
        let found = String(decoding: UnsafeBufferPointer(rebasing: bytes[pos..<end]), as: UTF8.self)
        return error(at: pos, "expected '\(word)', found '\(found)'")
    }

    func utf16Encoding() -> String? {
        guard bytes.count >= 2 else { return nil }
        if bytes[0] == 0xFF && bytes[1] == 0xFE { return "UTF-16 (little-endian)" }
        if bytes[0] == 0xFE && bytes[1] == 0xFF { return "UTF-16 (big-endian)" }
        return nil
    }

    /// The position of the first key is only needed for the message, so it is found by walking the object again
    /// (the reader keeps keys without their positions).
    @inline(never)
    func duplicateKeyError(_ key: String, at keyOffset: Int, objectStart: Int) -> JSONSyntaxError {
        var walker = self
        walker.pos = objectStart + 1
        var firstOffset = keyOffset
        while walker.pos < keyOffset {
            // Everything up to the duplicate has already parsed, so none of these can fail.
            walker.skipWhitespace()
            let offset = walker.pos
            if let earlier = try? walker.parseString(), sameUTF8(earlier, key) {
                firstOffset = offset
                break
            }
            walker.skipWhitespace()
            walker.pos += 1  // ':'
            walker.skipWhitespace()
            walker.skipParsedValue()
            walker.skipWhitespace()
            walker.pos += 1  // ','
        }
        let first = lineAndColumn(of: firstOffset)
        let quoted = String(decoding: JSONWriter.quoted(key), as: UTF8.self)
        return error(at: keyOffset, "duplicate key \(quoted) (first at line \(first.line), column \(first.column))")
    }

    /// Past a value that has already been parsed without error, so only strings and brackets need minding.
    private mutating func skipParsedValue() {
        var depth = 0
        while pos < bytes.count {
            switch bytes[pos] {
            case UInt8(ascii: "\""):
                _ = try? scanString()
                if depth == 0 { return }
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if depth == 0 { return }
                depth -= 1
                if depth == 0 { pos += 1; return }
            case UInt8(ascii: ","), 0x20, 0x0A, 0x0D, 0x09:
                if depth == 0 { return }
            default:
                break
            }
            pos += 1
        }
    }

    func scalarName(_ value: UInt32) -> String { "U+" + hex(value, width: 4) }

    /// How a control character is written inside a JSON string: the writer's escape, without the quotes.
    func escapeName(_ b: UInt8) -> String {
        String(decoding: JSONWriter.quoted(String(Unicode.Scalar(b))).dropFirst().dropLast(), as: UTF8.self)
    }

    func hex(_ value: UInt32, width: Int = 4) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
