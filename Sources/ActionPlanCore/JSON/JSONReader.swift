/// The strict JSON parser, as a pull interface: a decoder asks for the value it expects next and builds its
/// model straight from the bytes, with no JSONValue tree in between; `parseValue` reads a whole value as a tree
/// (JSONParser.parse is that). Strings, numbers, literals and UTF-8 checks are JSONByteParser's. A document
/// fails with the same message, line and column whichever way it is read, provided the caller reads every
/// value it is handed (read, skip or parse it) before asking for the next key or element.
///
///     var reader = try JSONReader(buffer, limits: limits)
///     if var object = try reader.beginObject() {
///         while let key = try reader.nextKey(&object) { … read, skip or parse the value … }
///     }
///     try reader.finish()
///
/// Arrays go the same way: `while let i = try reader.nextElement(&array) { … }`. There is no separate
/// "end" call: nextKey and nextElement read the closing brace or bracket when they return nil.
///
/// The `read…` and `begin…` calls return nil, consuming nothing, when the next value is of another kind
/// (`peek()` says which): the caller reports that and calls `skipValue()`. They throw on a syntax error.
struct JSONReader {
    private var parser: JSONByteParser
    /// Arrays and objects open around the next value.
    private var depth = 0
    /// The message for a missing value here (the first element of an array says "or ']'").
    private var expected: StaticString = "expected a JSON value"

    /// Checks the size limit and the encoding before anything is parsed.
    init(_ buffer: UnsafeBufferPointer<UInt8>, limits: JSONLimits) throws(JSONSyntaxError) {
        try JSONParser.checkSize(of: buffer, limits: limits)
        parser = JSONByteParser(buffer, limits: limits)
        try parser.beginDocument()
    }

    /// After the top-level value: only whitespace may follow.
    mutating func finish() throws(JSONSyntaxError) {
        assert(depth == 0, "finish() inside an array or object")
        try parser.endDocument()
    }

    // MARK: - Scalars

    /// The kind of the next value, from its first byte (the rest is checked when it is read or skipped).
    func peek() throws(JSONSyntaxError) -> JSONKind {
        let pos = parser.pos
        guard pos < parser.bytes.count else { throw parser.unexpected(expected.description, at: pos) }
        switch parser.bytes[pos] {
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        case UInt8(ascii: "+"): throw parser.error(at: pos, "numbers cannot start with '+'")
        default: throw parser.unexpected(expected.description, at: pos)
        }
    }

    @inline(__always)
    private func next(is byte: UInt8) -> Bool {
        parser.pos < parser.bytes.count && parser.bytes[parser.pos] == byte
    }

    /// Nil for a value of another kind, once `peek` has checked that a value starts here at all.
    private func otherKind<T>() throws(JSONSyntaxError) -> T? {
        _ = try peek()
        return nil
    }

    mutating func readString() throws(JSONSyntaxError) -> String? {
        guard next(is: UInt8(ascii: "\"")) else { return try otherKind() }
        return try parser.parseString()
    }

    mutating func readNumber() throws(JSONSyntaxError) -> Double? {
        guard try peek() == .number else { return nil }
        return try parser.parseNumber()
    }

    mutating func readBool() throws(JSONSyntaxError) -> Bool? {
        if next(is: UInt8(ascii: "t")) { try parser.expectLiteral("true"); return true }
        if next(is: UInt8(ascii: "f")) { try parser.expectLiteral("false"); return false }
        return try otherKind()
    }

    /// True when the next value was `null` (now read).
    mutating func readNull() throws(JSONSyntaxError) -> Bool {
        guard next(is: UInt8(ascii: "n")) else { _ = try peek(); return false }
        try parser.expectLiteral("null")
        return true
    }

    /// The whole next value as a tree: for members a decoder keeps without knowing them, and for
    /// JSONParser.parse. Numbers keep their text (see JSONNumber).
    mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
        switch try peek() {
        case .string:
            return .string(try parser.parseString())
        case .number:
            let start = parser.pos
            _ = try parser.parseNumber()  // checks the grammar and the range
            return .number(JSONNumber(checkedText: String(decoding: UnsafeBufferPointer(rebasing: parser.bytes[start..<parser.pos]), as: UTF8.self)))
        case .bool:
            return .bool(try readBool()!)
        case .null:
            _ = try readNull()
            return .null
        case .array:
            var array = try beginArray()!
            var elements: [JSONValue] = []
            while try nextElement(&array) != nil { elements.append(try parseValue()) }
            return .array(elements)
        case .object:
            var object = try beginObject()!
            var members: [JSONMember] = []
            while let key = try nextKey(&object) { members.append(JSONMember(key, try parseValue())) }
            return .object(members)
        }
    }

    /// Reads past the next value, checking it in full (so a syntax error inside it is still the one reported).
    /// It builds the value and drops it: only values of the wrong type and dropped unknown members are skipped.
    mutating func skipValue() throws(JSONSyntaxError) {
        _ = try parseValue()
    }

    // MARK: - Objects

    /// Opens the object that is the next value; nil when the next value is not an object.
    mutating func beginObject() throws(JSONSyntaxError) -> JSONObjectCursor? {
        guard next(is: UInt8(ascii: "{")) else { return try otherKind() }
        try enter()
        return JSONObjectCursor(start: parser.pos - 1)
    }

    /// The next key of `object`, positioned at its value; nil at the closing brace (now read), which ends the object.
    /// Use this or the keyed form below for all the keys of one object, not both.
    mutating func nextKey(_ object: inout JSONObjectCursor) throws(JSONSyntaxError) -> String? {
        guard try toNextKey(&object) else { return nil }
        let keyOffset = parser.pos
        let key = try parser.parseString()
        try checkOtherKey(key, at: keyOffset, in: &object)
        try toValue(after: &object)
        return key
    }

    /// The next key of `object`, matched against the keys a decoder knows without making a String of it.
    mutating func nextKey<Known>(_ object: inout JSONObjectCursor, _ keys: JSONKeyTable<Known>) throws(JSONSyntaxError) -> JSONKey<Known>? {
        switch try nextKey(&object, matching: keys.matcher) {
        case .known(let index)?: return .known(keys.cases[index])
        case .other(let name)?: return .other(name)
        case nil: return nil
        }
    }

    private enum KeyMatch {
        case known(Int)
        case other(String)
    }

    private mutating func nextKey(_ object: inout JSONObjectCursor, matching keys: JSONKeyMatcher) throws(JSONSyntaxError) -> KeyMatch? {
        guard try toNextKey(&object) else { return nil }
        let keyOffset = parser.pos
        let scanned = try parser.scanString()
        let packed: PackedKey?
        switch scanned {
        case .raw(let range):
            packed = PackedKey(UnsafeBufferPointer(rebasing: parser.bytes[range]), readable: parser.bytes.count - range.lowerBound)
        case .decoded:
            packed = parser.scratch.withUnsafeBufferPointer { PackedKey($0, readable: $0.count) }
        }
        let match: KeyMatch
        if let index = keys.index(of: packed) {
            // A known key can only equal the same known key, so one bit per key is the whole duplicate check.
            let bit: UInt64 = 1 << UInt64(index)
            if object.knownSeen & bit != 0 {
                throw parser.duplicateKeyError(keys.names[index], at: keyOffset, objectStart: object.start)
            }
            object.knownSeen |= bit
            match = .known(index)
        } else {
            let name = parser.withText(of: scanned) { String(decoding: $0, as: UTF8.self) }
            try checkOtherKey(name, at: keyOffset, in: &object)
            match = .other(name)
        }
        try toValue(after: &object)
        return match
    }

    /// Past the separator before the next key (at its opening quote: true) or past the closing brace (false).
    private mutating func toNextKey(_ object: inout JSONObjectCursor) throws(JSONSyntaxError) -> Bool {
        parser.skipWhitespace()
        if object.count == 0 {
            if next(is: UInt8(ascii: "}")) { leave(); return false }
            guard next(is: UInt8(ascii: "\"")) else { throw parser.unexpected("expected a string key or '}'", at: parser.pos) }
            return true
        }
        if next(is: UInt8(ascii: ",")) {
            let comma = parser.pos
            parser.pos += 1
            parser.skipWhitespace()
            if next(is: UInt8(ascii: "}")) { throw parser.error(at: comma, "trailing comma before '}'") }
            guard next(is: UInt8(ascii: "\"")) else { throw parser.unexpected("expected a string key after ','", at: parser.pos) }
            return true
        }
        if next(is: UInt8(ascii: "}")) { leave(); return false }
        throw parser.unexpected("expected ',' or '}' after object member", at: parser.pos)
    }

    /// Past the colon after a key, at the member's value.
    private mutating func toValue(after object: inout JSONObjectCursor) throws(JSONSyntaxError) {
        parser.skipWhitespace()
        guard next(is: UInt8(ascii: ":")) else { throw parser.unexpected("expected ':' after object key", at: parser.pos) }
        parser.pos += 1
        parser.skipWhitespace()
        object.count += 1
        expected = "expected a JSON value"
    }

    private mutating func checkOtherKey(_ key: String, at keyOffset: Int, in object: inout JSONObjectCursor) throws(JSONSyntaxError) {
        if JSONByteParser.earlierMember(withKey: key, in: object.otherKeys, index: &object.otherIndex) != nil {
            throw parser.duplicateKeyError(key, at: keyOffset, objectStart: object.start)
        }
        object.otherKeys.append(OtherKey(key: key))
    }

    // MARK: - Arrays

    /// Opens the array that is the next value; nil when the next value is not an array.
    mutating func beginArray() throws(JSONSyntaxError) -> JSONArrayCursor? {
        guard next(is: UInt8(ascii: "[")) else { return try otherKind() }
        try enter()
        return JSONArrayCursor()
    }

    /// The index of the next element of `array`, positioned at it; nil past the closing bracket (now read).
    mutating func nextElement(_ array: inout JSONArrayCursor) throws(JSONSyntaxError) -> Int? {
        parser.skipWhitespace()
        if array.count == 0 {
            if next(is: UInt8(ascii: "]")) { leave(); return nil }
            expected = "expected a JSON value or ']'"
        } else if next(is: UInt8(ascii: ",")) {
            let comma = parser.pos
            parser.pos += 1
            parser.skipWhitespace()
            if next(is: UInt8(ascii: "]")) { throw parser.error(at: comma, "trailing comma before ']'") }
            expected = "expected a JSON value"
        } else if next(is: UInt8(ascii: "]")) {
            leave()
            return nil
        } else {
            throw parser.unexpected("expected ',' or ']' after array element", at: parser.pos)
        }
        array.count += 1
        return array.count - 1
    }

    // MARK: - Depth

    /// Past an opening bracket or brace, within the depth limit.
    private mutating func enter() throws(JSONSyntaxError) {
        if depth + 1 > parser.limits.maxDepth {
            throw parser.error(at: parser.pos, "nesting deeper than \(parser.limits.maxDepth) levels")
        }
        depth += 1
        parser.pos += 1
    }

    /// Past a closing bracket or brace.
    private mutating func leave() {
        depth -= 1
        parser.pos += 1
    }
}

/// An object being read: where it starts (for duplicate-key messages) and the keys seen so far.
struct JSONObjectCursor {
    fileprivate let start: Int
    fileprivate var count = 0
    /// Bit i: known key i of the JSONKeyTable has been seen.
    fileprivate var knownSeen: UInt64 = 0
    /// Keys not in the table, for the duplicate check (unknown keys are rare, so this stays empty).
    fileprivate var otherKeys: [OtherKey] = []
    fileprivate var otherIndex: [String: Int]?

    fileprivate init(start: Int) { self.start = start }
}

private struct OtherKey: JSONKeyed {
    let key: String
}

struct JSONArrayCursor {
    /// Elements read so far.
    fileprivate var count = 0
}

/// What the next value is, as far as its first byte tells.
enum JSONKind: Sendable, Equatable {
    case null, bool, number, string, array, object

    /// For error messages ("expected a string, found an array").
    var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
