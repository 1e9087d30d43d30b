/// The README's tables of column headings and status words, made from the tables the importer uses
/// (`ColumnRole.exact`, `StatusWords.table`), so the manual cannot drift from the code: a test
/// (ImportReadmeTests) checks the README holds exactly these lines between its markers.
public enum ImportTables {
    public static func columnsMarkdown() -> String {
        var rows = ["| field | headings recognised (case, punctuation and spacing ignored) |", "| --- | --- |"]
        let order: [ColumnRole] = [.target, .objective, .keyIssue, .officers, .timescale, .status, .comment, .measure, .forecast, .reference, .targetID]
        for role in order {
            let names = ColumnRole.exact.filter { $0.value == role }.map(\.key).sorted()
            let keywords = ColumnRole.keywords.filter { $0.1 == role }.map { "\u{2026}\($0.0)\u{2026}" }
            rows.append("| \(role.explanation) | \(names.joined(separator: ", "))\(keywords.isEmpty ? "" : "; or containing " + keywords.joined(separator: ", ")) |")
        }
        return rows.joined(separator: "\n")
    }

    public static func statusMarkdown() -> String {
        var rows = ["| status | words (case and a final full stop ignored) |", "| --- | --- |"]
        for (status, words) in StatusWords.table {
            rows.append("| \(status.word) | \(words.map { $0.isEmpty ? "(blank)" : $0 }.joined(separator: ", ")) |")
        }
        rows.append("| Met | \"Completed\", \"Complete\", \"Achieved\" or \"Met\" followed by a date (\"Completed January 2016\"); a date alone in a column headed *Completed* |")
        return rows.joined(separator: "\n")
    }
}
