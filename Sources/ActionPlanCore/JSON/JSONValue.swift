/// A parsed JSON document. Objects keep their members in file order (a plan file is hand-edited and
/// diffed, so order and duplicates matter: the strict parser rejects duplicate keys instead of
/// silently dropping one as Foundation does).
///
/// The plan itself is never read into this tree (PlanDecoder reads the bytes directly); it holds the values
/// of keys the program does not know (kept and written back as they were), command output and small files.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object([JSONMember])

    /// A number the program computed, written in the shortest form that reads back as the same Double.
    public static func number(_ value: Double) -> JSONValue { .number(JSONNumber(value)) }

    /// The member named `key` of an object, or nil (also nil when this is not an object).
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        for member in members where member.key == key { return member.value }
        return nil
    }

    /// A short name of this value's JSON type, for error messages ("expected a string, found an array").
    public var typeName: String { kind.typeName }

    var kind: JSONKind {
        switch self {
        case .null: return .null
        case .bool: return .bool
        case .number: return .number
        case .string: return .string
        case .array: return .array
        case .object: return .object
        }
    }
}

/// A JSON number kept as its text, so a number the program does not interpret is written back exactly as it
/// was read (`12345678901234567890` stays that, not `1.2345678901234567e+19`; `2.50` stays `2.50`). Two numbers
/// are equal when their text is: this is about keeping what a person wrote, not arithmetic.
public struct JSONNumber: Sendable, Equatable, CustomStringConvertible {
    /// Valid JSON number syntax (the parser checked it, or JSONWriter made it).
    public let text: String

    public init(_ value: Double) {
        var bytes: [UInt8] = []
        JSONWriter.appendNumber(value, to: &bytes)
        text = String(decoding: bytes, as: UTF8.self)
    }

    /// Text already checked against the JSON number grammar.
    init(checkedText text: String) { self.text = text }

    /// The nearest Double (what the program would compute with).
    public var value: Double { Double(text) ?? .nan }
    public var description: String { text }
}

public struct JSONMember: Sendable, Equatable {
    public var key: String
    public var value: JSONValue
    public init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}
