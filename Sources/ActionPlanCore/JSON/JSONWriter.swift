/// Writes the plan file layout: two-space indent, one member or element per line, keys in Unicode scalar order,
/// non-ASCII text raw, one final newline. The output depends only on the value, so an unchanged plan saves
/// byte-identical and a changed field shows up in `git diff` as the changed line alone.
public enum JSONWriter {
    public static func serialize(_ value: JSONValue, sortKeys: Bool = true) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 14)
        write(value, indent: 0, sortKeys: sortKeys, into: &out)
        out.append(0x0A)
        return out
    }

    /// `string` as a JSON string literal, quotes included.
    static func quoted(_ string: String) -> [UInt8] {
        var out: [UInt8] = []
        appendQuoted(string, to: &out)
        return out
    }

    static func write(_ value: JSONValue, indent: Int, sortKeys: Bool, into out: inout [UInt8]) {
        switch value {
        case .null:
            append("null", to: &out)
        case .bool(let flag):
            append(flag ? "true" : "false", to: &out)
        case .number(let number):
            out.append(contentsOf: number.text.utf8)
        case .string(let string):
            appendQuoted(string, to: &out)
        case .array(let elements):
            if elements.isEmpty { return append("[]", to: &out) }
            out.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                newline(indent + 1, into: &out)
                write(element, indent: indent + 1, sortKeys: sortKeys, into: &out)
            }
            newline(indent, into: &out)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { return append("{}", to: &out) }
            out.append(UInt8(ascii: "{"))
            for (index, member) in (sortKeys ? sortedByKey(members) : members).enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                newline(indent + 1, into: &out)
                appendQuoted(member.key, to: &out)
                append(": ", to: &out)
                write(member.value, indent: indent + 1, sortKeys: sortKeys, into: &out)
            }
            newline(indent, into: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Stable: members with equal keys (only possible in a hand-built value) keep their order.
    static func sortedByKey(_ members: [JSONMember]) -> [JSONMember] {
        if zip(members, members.dropFirst()).allSatisfy({ !utf8Precedes($1.key, $0.key) }) { return members }
        return members.enumerated().sorted { a, b in
            let order = compareUTF8(a.element.key, b.element.key)
            return order != 0 ? order < 0 : a.offset < b.offset
        }.map(\.element)
    }

    static func newline(_ indent: Int, into out: inout [UInt8]) {
        out.append(0x0A)
        // A slice of a ready-made run of spaces (appending a repeated element byte by byte was slow).
        var remaining = 2 * indent
        while remaining > 0 {
            let n = min(remaining, spaces.count)
            out.append(contentsOf: spaces[0..<n])
            remaining -= n
        }
    }

    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 128)

    private static func append(_ text: StaticString, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Integers below 2^53 (exact in a Double) as integers, -0 as 0; anything else in Swift's shortest round-trip
    /// form, which is valid JSON (`52.5`, `1e-05`). Non-finite values cannot come from the parser; they become null.
    static func appendNumber(_ number: Double, to out: inout [UInt8]) {
        guard number.isFinite else { return append("null", to: &out) }
        guard number.rounded(.towardZero) == number && number.magnitude < 9_007_199_254_740_992 else {
            return out.append(contentsOf: number.description.utf8)
        }
        let integer = Int64(number)
        if integer < 0 { out.append(UInt8(ascii: "-")) }
        var magnitude = integer.magnitude
        let first = out.count
        repeat {
            out.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        out[first...].reverse()
    }

    /// Escapes what JSON requires, plus U+007F and U+2028/U+2029 (line breaks to JavaScript); `/` stays as it is.
    static func appendQuoted(_ string: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { utf8 in
            var run = 0  // start of the bytes not yet copied
            var i = 0
            while i < utf8.count {
                let b = utf8[i]
                var length = 1
                let escape: StaticString
                switch b {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x09: escape = "\\t"
                case 0x0D: escape = "\\r"
                case 0x08: escape = "\\b"
                case 0x0C: escape = "\\f"
                case 0..<0x20, 0x7F: escape = ""
                case 0xE2 where i + 2 < utf8.count && utf8[i + 1] == 0x80 && (utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9):
                    escape = utf8[i + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    length = 3
                default:
                    i += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<i]))
                if escape.utf8CodeUnitCount > 0 {
                    append(escape, to: &out)
                } else {
                    let hexDigits: StaticString = "0123456789abcdef"
                    append("\\u00", to: &out)
                    out.append(hexDigits.utf8Start[Int(b >> 4)])
                    out.append(hexDigits.utf8Start[Int(b & 0x0F)])
                }
                i += length
                run = i
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<utf8.count]))
        }
        out.append(UInt8(ascii: "\""))
    }
}
