/// How `--officer NAME` and the UI's officer filter pick targets.
///
/// A query matches one entry of a target's lead-officer list, case-insensitively: the whole entry
/// (`gs` matches `GS` in `["GS", "CSO"]`, never `GSX`), or a run of whole words inside a longer entry
/// (`jo fisher` matches `Jo Fisher, Service Manager for children with disabilities`).
public struct OfficerQuery: Sendable {
    public let text: String
    private let words: [Substring]
    /// The query's words in lowercase ASCII bytes, when the query is ASCII: then entries that are ASCII
    /// too are matched byte by byte without allocating (a listing checks every officer of every target).
    private let asciiWords: [[UInt8]]?

    public init(_ text: String) {
        self.text = text
        self.words = OfficerQuery.words(of: text.lowercased()[...])
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            asciiWords = words.map { Array($0.utf8) }
        } else {
            asciiWords = nil
        }
    }

    public func matches(officer: String) -> Bool {
        if let asciiWords, let fast = OfficerQuery.asciiMatch(asciiWords, text, officer) { return fast }
        if officer.lowercased() == text.lowercased() { return true }
        guard !words.isEmpty else { return false }
        let entryWords = OfficerQuery.words(of: officer.lowercased()[...])
        guard entryWords.count >= words.count else { return false }
        for start in 0...(entryWords.count - words.count) where entryWords[start] == words[0] {
            if zip(entryWords[start...], words).allSatisfy({ $0 == $1 }) { return true }
        }
        return false
    }

    public func matches(_ target: Target) -> Bool {
        target.leadOfficers.contains { matches(officer: $0) }
    }

    private static func words(of text: Substring) -> [Substring] {
        text.split { !($0.isLetter || $0.isNumber) }
    }

    /// The same rule over ASCII bytes; nil when the entry is not ASCII (the general path decides).
    static func asciiMatch(_ query: [[UInt8]], _ queryText: String, _ officer: String) -> Bool? {
        var entry = officer
        var queryCopy = queryText
        return entry.withUTF8 { e -> Bool? in
            if e.contains(where: { $0 >= 0x80 }) { return nil }
            // Whole entry, ignoring case.
            let same = queryCopy.withUTF8 { q in
                q.count == e.count && zip(q, e).allSatisfy { lower($0) == lower($1) }
            }
            if same { return true }
            guard !query.isEmpty else { return false }
            // Runs of whole words: split the entry into letter/digit runs and look for the query's run.
            var entryWords: [Range<Int>] = []
            var i = 0
            while i < e.count {
                while i < e.count && !isWordByte(e[i]) { i += 1 }
                let start = i
                while i < e.count && isWordByte(e[i]) { i += 1 }
                if i > start { entryWords.append(start..<i) }
            }
            guard entryWords.count >= query.count else { return false }
            func equal(_ r: Range<Int>, _ w: [UInt8]) -> Bool {
                r.count == w.count && zip(r, w).allSatisfy { lower(e[$0]) == $1 }
            }
            for start in 0...(entryWords.count - query.count) where equal(entryWords[start], query[0]) {
                if (1..<query.count).allSatisfy({ equal(entryWords[start + $0], query[$0]) }) { return true }
            }
            return false
        }
    }

    @inline(__always) private static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
    @inline(__always) private static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }
}
