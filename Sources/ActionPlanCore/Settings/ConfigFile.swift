#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TOMLKit

/// A problem with the config file (or a setting's environment variable), said so that it can be fixed:
/// the file, the line, the key and what was expected.
public struct ConfigError: Error, Equatable, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var key: String?
    public var message: String

    public init(path: String, line: Int? = nil, key: String? = nil, message: String) {
        self.path = path
        self.line = line
        self.key = key
        self.message = message
    }

    public var description: String {
        var place = path
        if let line { place += ":\(line)" }
        if let key { place += ": \(key)" }
        return "\(place): \(message)"
    }
}

/// The config file's values, checked against `SettingKey.all`, each with the line it is on.
public struct ConfigFile: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        /// As text: strings as they are, booleans `true`/`false`, integers in decimal.
        public var value: String
        public var line: Int
    }

    public var path: String
    public var entries: [String: Entry]

    /// Parses and checks the text: TOML syntax (TOMLKit), known keys only, each of the right type.
    public static func parse(_ text: String, path: String) throws(ConfigError) -> ConfigFile {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let n = error.source.begin.line
            let key = n >= 1 && n <= lines.count ? KeyLines.key(onLine: String(lines[n - 1])) : nil
            throw ConfigError(path: path, line: n, key: key,
                              message: "\(error.description) (column \(error.source.begin.column)); the file must be TOML, e.g. data = \"/srv/plans\"")
        } catch {
            throw ConfigError(path: path, message: "not readable as TOML: \(error)")
        }
        let lines = KeyLines(text)
        var entries: [String: Entry] = [:]
        try collect(table, prefix: "", into: &entries, lines: lines, path: path)
        return ConfigFile(path: path, entries: entries)
    }

    private static func collect(_ table: TOMLTable, prefix: String, into entries: inout [String: Entry],
                                lines: KeyLines, path: String) throws(ConfigError) {
        for name in table.keys.sorted() {
            guard let node = table[name] else { continue }
            let key = prefix + name
            let line = lines.line(of: key)
            if node.type == .table, let inner = node.table {
                guard SettingKey.all.contains(where: { $0.name.hasPrefix(key + ".") }) else {
                    throw ConfigError(path: path, line: line, key: key, message: "unknown table; known keys: \(knownKeys)")
                }
                try collect(inner, prefix: key + ".", into: &entries, lines: lines, path: path)
                continue
            }
            guard let setting = SettingKey.named(key) else {
                throw ConfigError(path: path, line: line, key: key, message: "unknown key; known keys: \(knownKeys)")
            }
            let value: String?
            switch setting.kind {
            case .bool: value = node.bool.map { $0 ? "true" : "false" }
            case .count: value = node.int.map(String.init)
            case .path, .text, .choice: value = node.string
            }
            guard let value else {
                throw ConfigError(path: path, line: line, key: key,
                                  message: "expected \(setting.kind.expected), found a TOML \(node.type)")
            }
            if let problem = setting.kind.problem(with: value) {
                throw ConfigError(path: path, line: line, key: key, message: problem)
            }
            entries[key] = Entry(value: value, line: line ?? 0)
        }
    }

    static var knownKeys: String { SettingKey.all.map(\.name).joined(separator: ", ") }

    /// `$ACTIONPLAN_CONFIG`, else `$XDG_CONFIG_HOME/actionplan/config.toml`, else `~/.config/actionplan/config.toml`.
    public static func location(environment env: [String: String]) -> String {
        if let p = env["ACTIONPLAN_CONFIG"], !p.isEmpty { return p }
        if let xdg = env["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/actionplan/config.toml" }
        return (env["HOME"] ?? "") + "/.config/actionplan/config.toml"
    }

    /// The file's text, nil when there is none. Opened non-blocking and checked to be a regular file, so a
    /// FIFO or a device planted at the path is refused rather than waited on. (Not FileBytes: that one opens
    /// blocking, which is right for plan files in a directory the program owns, not for a path in $HOME.)
    public static func readText(at path: String, limit: Int = 1 << 20) throws(ConfigError) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        if fd < 0 {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw ConfigError(path: path, message: "cannot be read: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw ConfigError(path: path, message: "is not a regular file")
        }
        guard Int(info.st_size) <= limit else { throw ConfigError(path: path, message: "is larger than \(limit) bytes") }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16384)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n < 0 { if errno == EINTR { continue }; throw ConfigError(path: path, message: "cannot be read: \(String(cString: strerror(errno)))") }
            if n == 0 { break }
            bytes.append(contentsOf: buffer[0..<n])
            if bytes.count > limit { throw ConfigError(path: path, message: "is larger than \(limit) bytes") }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ConfigError(path: path, message: "is not valid UTF-8")
        }
        return text
    }
}

extension SettingKey.Kind {
    public var expected: String {
        switch self {
        case .path: return "a path in quotes, e.g. \"/srv/plans\""
        case .text: return "text in quotes"
        case .bool: return "true or false"
        case .count: return "a whole number, e.g. 10"
        case .choice(let names): return "one of " + names.map { "\"\($0)\"" }.joined(separator: ", ")
        }
    }

    /// Checks a value already of the right TOML type (or any environment text).
    func problem(with value: String) -> String? {
        switch self {
        case .path:
            return value.hasPrefix("/") || value.hasPrefix("~/") || value == "~" ? nil
                : "expected an absolute path (or one starting with ~/), found \"\(value)\""
        case .text: return nil
        case .bool: return value == "true" || value == "false" ? nil : "expected true or false, found \"\(value)\""
        case .count:
            guard let n = Int(value), n >= 0 else { return "expected a whole number ≥ 0, found \"\(value)\"" }
            _ = n
            return nil
        case .choice(let names): return names.contains(value) ? nil : "expected \(expected), found \"\(value)\""
        }
    }
}

/// Which line each key of a TOML text is on. TOMLKit gives positions for syntax errors only, so this
/// reads the simple shapes config files have (`[table]` headers, `key = …` and `a.b = …` lines) to point
/// a type or unknown-key error at its line.
struct KeyLines {
    private var lines: [String: Int] = [:]

    init(_ text: String) {
        var table = ""
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmedForConfig
            if line.hasPrefix("[") && !line.hasPrefix("[[") {
                let header = line.dropFirst().prefix { $0 != "]" }
                table = String(header).split(separator: ".").map { Self.unquote(String($0).trimmedForConfig) }.joined(separator: ".")
                if lines[table] == nil { lines[table] = i + 1 }
                continue
            }
            guard let key = Self.key(onLine: line) else { continue }
            let full = table.isEmpty ? key : table + "." + key
            if lines[full] == nil { lines[full] = i + 1 }
        }
    }

    func line(of key: String) -> Int? { lines[key] }

    /// The dotted key a `key = value` line sets, nil for any other line.
    static func key(onLine line: String) -> String? {
        let trimmed = line.trimmedForConfig
        guard !trimmed.hasPrefix("#"), let eq = trimmed.firstIndex(of: "=") else { return nil }
        let parts = trimmed[..<eq].split(separator: ".").map { unquote(String($0).trimmedForConfig) }
        guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty }) else { return nil }
        return parts.joined(separator: ".")
    }

    private static func unquote(_ s: String) -> String {
        if s.count >= 2, let f = s.first, f == "\"" || f == "'", s.last == f { return String(s.dropFirst().dropLast()) }
        return s
    }
}

extension StringProtocol {
    var trimmedForConfig: String {
        String(drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
    }
}
