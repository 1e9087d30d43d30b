/// Everything an import did not turn into plan content, so nothing is dropped silently.
/// The command prints it; `notes` is what goes into the plan's `notes`.
public struct ImportReport: Sendable, Equatable {
    /// One line (or cell) of the source and what happened to it.
    public struct Item: Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var reason: String
        public var text: String

        public init(line: Int, reason: String, text: String = "") {
            self.line = line
            self.reason = reason
            self.text = text
        }

        public var description: String {
            text.isEmpty ? "line \(line): \(reason)" : "line \(line): \(reason): \u{201C}\(text)\u{201D}"
        }
    }

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

    /// What goes into the plan's `notes`: every unplaced line and remark in full, and one line
    /// naming the furniture skipped (its text is repetitive and carries no content).
    public func notes(source: String) -> [String] {
        var notes: [String] = []
        for item in unplaced { notes.append("Import of \(source), \(item.line == 0 ? "" : "line \(item.line): ")not placed (\(item.reason)): \(item.text)") }
        for item in remarks {
            let tail = item.text.isEmpty ? "" : ": \(item.text)"
            notes.append("Import of \(source), \(item.line == 0 ? "" : "line \(item.line): ")\(item.reason)\(tail)")
        }
        if !furniture.isEmpty {
            let lines = furniture.map { String($0.line) }.joined(separator: ", ")
            notes.append("Import of \(source): skipped page furniture (repeated headings, page footers, table rules) on line\(furniture.count == 1 ? "" : "s") \(lines).")
        }
        return notes
    }
}
