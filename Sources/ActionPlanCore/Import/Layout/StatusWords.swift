/// The status words councils write, and the status each becomes (README "Status words" prints this
/// table). Compared lowercased with spacing and trailing punctuation ignored. RAG colours mean
/// different things in different councils, so the word is always kept on the target as written
/// (`statusAsWritten`), and `--status 'On track=not-assessed'` overrides a row of this table.
/// A word not in the table never refuses the file: that target is not assessed, and the preview
/// lists the word with every row it is on.
public enum StatusWords {
    public static let table: [(Status, [String])] = [
        (.met, ["✓", "✔", "√", "yes", "y", "done", "met", "complete", "completed", "achieved", "fully achieved", "fully met",
                "green", "blue", "closed", "delivered", "fully completed"]),
        (.partiallyMet, ["amber", "partially met", "partly met", "partially achieved", "partly achieved", "partially complete",
                         "partially completed", "partly complete", "in progress", "on track", "ongoing", "partial", "partially",
                         "part met", "underway", "under way", "started", "amber/green", "green/amber"]),
        (.notMet, ["x", "✗", "✘", "×", "no", "n", "red", "not met", "not achieved", "not started", "overdue", "not complete",
                   "not completed", "off track", "delayed", "missed", "red/amber", "amber/red"]),
        (.notAssessed, ["", "n/a", "na", "not due", "planned", "not yet due", "not assessed", "tbc", "not applicable", "-", "–"]),
    ]

    private static let index: [String: Status] = {
        var m: [String: Status] = [:]
        for (status, words) in table { for w in words { m[key(w)] = status } }
        return m
    }()

    static func key(_ word: String) -> String {
        var k = ImportText.squash(word).lowercased()
        while let last = k.last, last == "." || last == "!" || last == ":" { k.removeLast() }
        return k
    }

    /// The status a word means, or nil when the table does not know it. `overrides` (from `--status`)
    /// are looked up first. A date, or "Completed January 2016", in a Completed column means met.
    static func status(_ word: String, overrides: [String: Status] = [:], completedColumn: Bool = false) -> Status? {
        let k = key(word)
        if let s = overrides[k] { return s }
        if let s = index[k] { return s }
        if k.hasPrefix("completed ") || k.hasPrefix("complete ") || k.hasPrefix("achieved ") || k.hasPrefix("met ") {
            if Timescale(String(k.drop { $0 != " " })).due != nil || ImportDates.due(String(k.drop { $0 != " " })) != nil { return .met }
        }
        if completedColumn, ImportDates.due(word) != nil { return .met }
        return nil
    }
}
