import Foundation

/// Bounds on what the parser accepts, so a broken or hostile file fails fast instead of using up memory or stack.
public struct JSONLimits: Sendable {
    /// Arrays and objects nested inside each other, counted together. The parser recurses once per level,
    /// so this also bounds its stack use; keep it in the hundreds at most.
    public var maxDepth: Int = 64
    /// Size of the whole input, checked before parsing starts.
    public var maxBytes: Int = 64 << 20

    public init(maxDepth: Int = 64, maxBytes: Int = 64 << 20) {
        self.maxDepth = maxDepth
        self.maxBytes = maxBytes
    }

    public static let `default` = JSONLimits()
}

/// Where and why a document is not strict JSON. Line and column are 1-based; the column counts Unicode scalars.
public struct JSONSyntaxError: Error, Equatable, CustomStringConvertible {
    public let line: Int
    public let column: Int
    public let message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "line \(line), column \(column): \(message)" }
}

/// A strict RFC 8259 parser: no trailing commas, no duplicate keys, no invalid UTF-8, no NaN, nothing after the value.
public enum JSONParser {
    public static func parse(_ bytes: [UInt8], limits: JSONLimits = .default) throws(JSONSyntaxError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { (buffer) throws(JSONSyntaxError) -> JSONValue in
            try parse(buffer: buffer, limits: limits)
        }
    }

    public static func parse(_ data: Data, limits: JSONLimits = .default) throws(JSONSyntaxError) -> JSONValue {
        // Data.withUnsafeBytes only rethrows untyped errors, so carry the outcome out as a Result.
        let result = data.withUnsafeBytes { raw in
            Result<JSONValue, JSONSyntaxError>(catching: { () throws(JSONSyntaxError) -> JSONValue in
                try parse(buffer: raw.bindMemory(to: UInt8.self), limits: limits)
            })
        }
        return try result.get()
    }

    /// The one parser: JSONReader, reading the whole document as a tree (so a plan file and any other JSON
    /// fail with the same messages and positions).
    static func parse(buffer: UnsafeBufferPointer<UInt8>, limits: JSONLimits) throws(JSONSyntaxError) -> JSONValue {
        var reader = try JSONReader(buffer, limits: limits)
        let value = try reader.parseValue()
        try reader.finish()
        return value
    }

    /// The size limit, checked before any parsing (shared with JSONReader).
    static func checkSize(of buffer: UnsafeBufferPointer<UInt8>, limits: JSONLimits) throws(JSONSyntaxError) {
        if buffer.count > limits.maxBytes {
            throw JSONSyntaxError(line: 1, column: 1, message: "file is larger than the \(sizeName(limits.maxBytes)) limit")
        }
    }

    private static func sizeName(_ bytes: Int) -> String {
        if bytes > 0 && bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes > 0 && bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes)-byte"
    }
}

/// Something with an object key: a key JSONReader remembers for the duplicate check.
protocol JSONKeyed {
    var key: String { get }
}

/// The byte-level pieces of the parser (strings, numbers, literals, whitespace, errors) that JSONReader drives.
/// Positions are byte offsets; line and column are only worked out when an error is thrown (see JSONParser+Errors.swift).
struct JSONByteParser {
    let bytes: UnsafeBufferPointer<UInt8>
    let limits: JSONLimits
    /// Offset of the first byte after an optional UTF-8 byte order mark.
    let start: Int
    var pos: Int
    /// Reused for strings that contain escapes, so each such string costs one allocation (its own storage).
    var scratch: [UInt8] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>, limits: JSONLimits) {
        self.bytes = bytes
        self.limits = limits
        let bom = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        start = bom ? 3 : 0
        pos = start
    }

    /// What comes before the top-level value (shared with JSONReader).
    mutating func beginDocument() throws(JSONSyntaxError) {
        if let encoding = utf16Encoding() {
            throw error(at: 0, "the file is \(encoding) encoded; save it as UTF-8")
        }
        skipWhitespace()
    }

    /// What may come after the top-level value: only whitespace.
    mutating func endDocument() throws(JSONSyntaxError) {
        skipWhitespace()
        if pos < bytes.count { throw unexpected("expected end of file after the JSON value", at: pos) }
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while pos < bytes.count {
            switch bytes[pos] {
            case 0x20, 0x0A, 0x0D, 0x09: pos += 1
            default: return
            }
        }
    }

    /// The index of an earlier member with exactly the same key (same scalars, not merely canonically equal), or nil.
    /// Small objects are scanned; once an object has 16 members a dictionary of keys keeps the check O(1).
    static func earlierMember<Member: JSONKeyed>(withKey key: String, in members: [Member], index: inout [String: Int]?) -> Int? {
        if index == nil {
            if members.count < 16 {
                // String == is canonical equivalence, which is weaker than byte equality, so a miss is a sure miss.
                for i in members.indices where members[i].key == key && sameUTF8(members[i].key, key) { return i }
                return nil
            }
            var built = [String: Int](minimumCapacity: members.count * 2)
            for i in members.indices where built[members[i].key] == nil { built[members[i].key] = i }
            index = built
        }
        if let candidate = index![key] {
            if sameUTF8(members[candidate].key, key) { return candidate }
            // Canonically equal but different scalars (e.g. "é" and "e\u0301"): rare, so settle it by scanning.
            return members.firstIndex { sameUTF8($0.key, key) }
        }
        index![key] = members.count
        return nil
    }

    mutating func expectLiteral(_ word: StaticString) throws(JSONSyntaxError) {
        let count = word.utf8CodeUnitCount
        let matches = pos + count <= bytes.count && word.withUTF8Buffer { expected in
            (0..<count).allSatisfy { bytes[pos + $0] == expected[$0] }
        }
        if !matches { throw literalError(expected: word.description) }
        pos += count
    }
}
