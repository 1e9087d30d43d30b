import Foundation
// TEMPORARY STUB — replaced by the strict parser from branch `json`.
public struct JSONLimits: Sendable { public var maxDepth: Int; public var maxBytes: Int
    public init(maxDepth: Int = 64, maxBytes: Int = 64 << 20) { self.maxDepth = maxDepth; self.maxBytes = maxBytes }
    public static let `default` = JSONLimits() }
public struct JSONSyntaxError: Error, Equatable, CustomStringConvertible { public let line: Int; public let column: Int; public let message: String
    public var description: String { "line \(line), column \(column): \(message)" } }
public enum JSONParser {
    public static func parse(_ bytes: [UInt8], limits: JSONLimits = .default) throws -> JSONValue {
        do { return convert(try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])) }
        catch { throw JSONSyntaxError(line: 1, column: 1, message: "invalid JSON") }
    }
    static func convert(_ o: Any) -> JSONValue {
        if o is NSNull { return .null }
        if let s = o as? String { return .string(s) }
        if let n = o as? NSNumber { return .number(n.doubleValue) }
        if let a = o as? [Any] { return .array(a.map(convert)) }
        if let d = o as? [String: Any] { return .object(d.map { JSONMember($0.key, convert($0.value)) }) }
        return .null
    }
}
