/// Everything an import did not turn into plan content, so nothing is dropped silently.
/// The command prints it; `notes` is what goes into the plan's `notes`.
public struct ImportReport: Sendable, Equatable {
    /// One line (or cell) of the source and what happened to it.
    public struct Item: Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var reason: String
        public var text: String
        /// Where, when the document has no lines: "table 2, row 5", "sheet \"Plan\", row 7".
        public var place: String?

        public init(line: Int, reason: String, text: String = "", place: String? = nil) {
            self.line = line
            self.reason = reason
            self.text = text
            self.place = place
        }

        /// "line 7" or "table 2, row 5"; "" for the whole document.
        public var location: String { place ?? (line == 0 ? "" : "line \(line)") }

        public var description: String {
            let at = location.isEmpty ? "" : location + ": "
            return text.isEmpty ? "\(at)\(reason)" : "\(at)\(reason): \u{201C}\(text)\u{201D}"
        }
    }

    /// A column of the table and the role it was given, and why (the heading, a --map).
    public struct ColumnChoice: Sendable, Equatable {
        public var heading: String
        public var role: ColumnRole
        public var why: String
    }

    /// A status word found in the file, what it became, and where (all rows, for unknown words).
    public struct StatusWordUse: Sendable, Equatable {
        public var word: String
        public var status: Status
        public var known: Bool
        public var places: [String]
    }

    /// A lead officers cell that was split into several people.
    public struct OfficerSplit: Sendable, Equatable {
        public var cell: String
        public var officers: [String]
        public var place: String
    }

    /// What was read: "Word .docx", "CSV (semicolon-separated, Windows-1252 …)".
    public var format = ""
    public var columns: [ColumnChoice] = []
    /// How the hierarchy was formed ("objectives from the \"Equality objective\" column").
    public var structure: [String] = []
    public var statusWords: [StatusWordUse] = []
    public var officerSplits: [OfficerSplit] = []
    /// Target ids read from the file's own id column ("Target ID" of our export, a `target-id` column):
    /// `import --into` matches rows to targets by these first. Ids the importer handed out are not here.
    public var targetIDsFromFile: Set<String> = []
    /// Our own CSV layout: the columns the header has, so `import --into` updates only fields the file
    /// carries (a CSV without a Status column keeps the plan's statuses). Empty for other layouts.
    public var csvColumns: Set<CSVColumn> = []

    /// Recognised page furniture (repeated headings, page footers, table rules): skipped on purpose.
    public var furniture: [Item] = []
    /// Text the importer could not place: also written into the plan's notes.
    public var unplaced: [Item] = []
    /// Things the importer decided that a reader should check (derived codes, joined lines).
    public var remarks: [Item] = []

    public init() {}

    mutating func skip(_ line: Int, _ reason: String, _ text: String) {
        furniture.append(Item(line: line, reason: reason, text: text))
    }

    mutating func unplaced(_ line: Int, _ reason: String, _ text: String) {
        unplaced.append(Item(line: line, reason: reason, text: text))
    }

    mutating func remark(_ line: Int, _ reason: String, _ text: String = "") {
        remarks.append(Item(line: line, reason: reason, text: text))
    }

    mutating func skip(at place: String, _ reason: String, _ text: String) {
        furniture.append(Item(line: 0, reason: reason, text: text, place: place))
    }

    mutating func unplaced(at place: String, _ reason: String, _ text: String) {
        unplaced.append(Item(line: 0, reason: reason, text: text, place: place))
    }

    mutating func remark(at place: String?, _ reason: String, _ text: String = "") {
        remarks.append(Item(line: 0, reason: reason, text: text, place: place))
    }

    /// What goes into the plan's `notes`: every unplaced line and remark in full, and one line
    /// naming the furniture skipped (its text is repetitive and carries no content).
    public func notes(source: String) -> [String] {
        var notes: [String] = []
        for item in unplaced { notes.append("Import of \(source), \(item.location.isEmpty ? "" : item.location + ": ")not placed (\(item.reason)): \(item.text)") }
        for item in remarks {
            let tail = item.text.isEmpty ? "" : ": \(item.text)"
            notes.append("Import of \(source), \(item.location.isEmpty ? "" : item.location + ": ")\(item.reason)\(tail)")
        }
        if !furniture.isEmpty {
            if furniture.allSatisfy({ $0.place == nil }) {
                let lines = furniture.map { String($0.line) }.joined(separator: ", ")
                notes.append("Import of \(source): skipped page furniture (repeated headings, page footers, table rules) on line\(furniture.count == 1 ? "" : "s") \(lines).")
            } else {
                let places = furniture.map(\.location).joined(separator: "; ")
                notes.append("Import of \(source): skipped page furniture (repeated header rows, page numbers, \"continued\") at \(places).")
            }
        }
        return notes
    }
}
