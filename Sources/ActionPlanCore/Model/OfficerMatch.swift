/// How `--officer NAME` and the UI's officer filter pick targets.
///
/// A query matches one entry of a target's lead-officer list, case-insensitively: the whole entry
/// (`gs` matches `GS` in `["GS", "CSO"]`, never `GSX`), or a run of whole words inside a longer entry
/// (`jo fisher` matches `Jo Fisher, Service Manager for children with disabilities`).
public struct OfficerQuery: Sendable {
    public let text: String
    private let words: [Substring]

    public init(_ text: String) {
        self.text = text
        self.words = OfficerQuery.words(of: text.lowercased()[...])
    }

    public func matches(officer: String) -> Bool {
        if officer.caseInsensitiveCompare(text) == .orderedSame { return true }
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
}
