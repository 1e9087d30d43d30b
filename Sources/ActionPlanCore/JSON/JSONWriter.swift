// TEMPORARY STUB — replaced by the writer from branch `json`.
public enum JSONWriter {
    public static func serialize(_ value: JSONValue, sortKeys: Bool = true) -> [UInt8] {
        var out = ""
        write(value, 0, &out)
        out += "\n"
        return Array(out.utf8)
    }
    static func write(_ v: JSONValue, _ indent: Int, _ out: inout String) {
        let pad = String(repeating: "  ", count: indent + 1), end = String(repeating: "  ", count: indent)
        switch v {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let d): out += d == d.rounded() && abs(d) < 9e15 ? String(Int(d)) : String(d)
        case .string(let s): str(s, &out)
        case .array(let a):
            if a.isEmpty { out += "[]"; return }
            out += "[\n"
            for (i, e) in a.enumerated() { out += pad; write(e, indent + 1, &out); out += i < a.count - 1 ? ",\n" : "\n" }
            out += end + "]"
        case .object(let m):
            if m.isEmpty { out += "{}"; return }
            out += "{\n"
            let s = m.sorted { $0.key < $1.key }
            for (i, e) in s.enumerated() { out += pad; str(e.key, &out); out += ": "; write(e.value, indent + 1, &out); out += i < s.count - 1 ? ",\n" : "\n" }
            out += end + "}"
        }
    }
    static func str(_ s: String, _ out: inout String) {
        out += "\""
        for c in s.unicodeScalars {
            switch c { case "\"": out += "\\\""; case "\\": out += "\\\\"; case "\n": out += "\\n"; case "\t": out += "\\t"; case "\r": out += "\\r"
            default: if c.value < 0x20 { out += String(format: "\\u%04x", c.value) } else { out.unicodeScalars.append(c) } }
        }
        out += "\""
    }
}
