/// "did you mean Head of HR?" for an `--officer` (or the UI's officer filter) that matches nobody:
/// the lead-officer entries closest to what was typed, best first.
public enum OfficerSuggestion {
    /// Up to `limit` distinct entries of `officers` close to `query`: ones containing it (any case),
    /// ones whose words begin with its words in order (`head hr` → `Head of HR`), then ones within a
    /// few typing mistakes of it, as a whole or as a run of as many words (`Head of RH` → `Head of HR`).
    public static func suggestions(for query: String, among officers: some Sequence<String>, limit: Int = 3) -> [String] {
        let q = query.lowercased().split(whereSeparator: { $0 == " " }).joined(separator: " ")
        guard !q.isEmpty else { return [] }
        let qWords = words(q)
        var scored: [(score: Int, name: String)] = []
        var seen = Set<String>()
        for name in officers where seen.insert(name).inserted {
            let entry = name.lowercased()
            if let score = score(q, qWords, entry) { scored.append((score, name)) }
        }
        return scored.sorted { $0.score != $1.score ? $0.score < $1.score : $0.name < $1.name }.prefix(limit).map(\.name)
    }

    /// "no lead officer matches "head of h"; did you mean "Head of HR"?" (cleaned for a terminal), said
    /// wherever an officer named on the command line matches no target (`list`, `meet`, `ui --officer`).
    public static func noMatchNotice(for query: String, among officers: some Sequence<String>, in place: String? = nil) -> String {
        let close = suggestions(for: query, among: officers)
        let quoted = "\"\(Sanitizer.clean(query))\""
        let head = "no lead officer\(place.map { " of \(Sanitizer.clean($0))" } ?? "") matches \(quoted)"
        guard !close.isEmpty else { return head }
        return head + "; did you mean " + close.map { "\"\(Sanitizer.clean($0))\"" }.joined(separator: " or ") + "?"
    }

    private static func score(_ q: String, _ qWords: [Substring], _ entry: String) -> Int? {
        if entry.contains(q) { return 0 }
        let eWords = words(entry)
        if !qWords.isEmpty, wordsArePrefixes(qWords, of: eWords) { return 1 }
        // Typing mistakes: against the whole entry, and against each run of as many words as the query has.
        let allowed = max(1, q.count / 4)
        var best = distance(q, entry, limit: allowed)
        if eWords.count > qWords.count, !qWords.isEmpty {
            for start in 0...(eWords.count - qWords.count) {
                let run = eWords[start..<(start + qWords.count)].joined(separator: " ")
                best = min(best, distance(q, run, limit: allowed))
            }
        }
        return best <= allowed ? 2 + best : nil
    }

    private static func words(_ text: String) -> [Substring] {
        text.split { !($0.isLetter || $0.isNumber) }
    }

    /// Each query word begins an entry word, in order (other entry words may come between).
    private static func wordsArePrefixes(_ q: [Substring], of e: [Substring]) -> Bool {
        var i = 0
        for word in e where i < q.count && word.hasPrefix(q[i]) { i += 1 }
        return i == q.count
    }

    /// Levenshtein distance over characters, giving up (returning limit + 1) once it must exceed `limit`.
    static func distance(_ a: String, _ b: String, limit: Int) -> Int {
        let a = Array(a), b = Array(b)
        if abs(a.count - b.count) > limit { return limit + 1 }
        var previous = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            var rowBest = current[0]
            for j in 1...max(1, b.count) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                rowBest = min(rowBest, current[j])
            }
            if rowBest > limit { return limit + 1 }
            previous = current
        }
        return previous[b.count]
    }
}
