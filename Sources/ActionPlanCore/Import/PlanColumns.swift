/// The header row of a plan table ("Key Objectives | Targets & Outcomes | Lead officers | Time scale",
/// any order, any case) mapped to cell positions.
struct PlanColumns: Equatable {
    enum Column: String, CaseIterable {
        case objective = "Key Objectives"
        case target = "Targets & Outcomes"
        case officers = "Lead officers"
        case timescale = "Time scale"

        var names: [String] {
            switch self {
            case .objective: return ["key objectives", "key objective", "objectives", "objective"]
            case .target: return ["targets & outcomes", "targets and outcomes", "targets & outcome", "outcomes & targets",
                                  "outcomes and targets", "targets/outcomes", "targets", "target"]
            case .officers: return ["lead officers", "lead officer", "lead officer(s)", "lead officers(s)", "officers",
                                    "responsible officer", "responsible officers", "lead"]
            case .timescale: return ["time scale", "timescale", "time scales", "timescales", "time-scale"]
            }
        }
    }

    var index: [Column: Int]
    /// Cells with no header text (a column for objective numbers in some tables).
    var unnamed: [Int]
    var width: Int
    /// Text before the first column name in the header's first cell (a statement run into the table).
    var prefix: String

    static let acceptedNames = Column.allCases.map(\.rawValue).joined(separator: ", ")

    static func normalise(_ cell: String) -> String {
        ImportText.squash(cell.filter { $0 != "*" }).lowercased()
    }

    static func column(named text: String) -> Column? {
        Column.allCases.first { $0.names.contains(text) }
    }

    /// nil when the line is not a header (fewer than two cells name a known column). Throws when it
    /// is one but names an unknown column, repeats one, or lacks one.
    static func parse(_ line: String, lineNumber: Int, file: String) throws(ImportError) -> PlanColumns? {
        let cells = ImportText.cells(line)
        guard cells.count >= 2 else { return nil }
        var index: [Column: Int] = [:]
        var unnamed: [Int] = []
        var unknown: [String] = []
        var prefix = ""
        var matched = 0
        var duplicate: Column?
        for (i, cell) in cells.enumerated() {
            let name = normalise(cell)
            if name.isEmpty { unnamed.append(i); continue }
            var column = self.column(named: name)
            // The first cell may carry the end of the statement: "… to the community. Key Objectives".
            if column == nil, i == 0 {
                for candidate in Column.allCases {
                    for n in candidate.names where name.hasSuffix(" " + n) {
                        column = candidate
                        let squashed = ImportText.squash(cell)
                        prefix = ImportText.squash(String(squashed.dropLast(n.count)))
                        break
                    }
                    if column != nil { break }
                }
            }
            guard let column else { unknown.append(ImportText.squash(cell)); continue }
            if index[column] != nil { duplicate = column }
            index[column] = i
            matched += 1
        }
        guard matched >= 2 else { return nil }
        if let duplicate {
            throw ImportError(file: file, line: lineNumber, "the table header names the column \"\(duplicate.rawValue)\" twice")
        }
        if !unknown.isEmpty {
            let list = unknown.map { "\"\($0)\"" }.joined(separator: ", ")
            throw ImportError(file: file, line: lineNumber,
                              "the table header has unknown column\(unknown.count == 1 ? "" : "s") \(list); accepted columns: \(acceptedNames) (any order, any case; also \"Targets and Outcomes\", \"Timescale\")")
        }
        let missing = Column.allCases.filter { index[$0] == nil }
        if !missing.isEmpty {
            throw ImportError(file: file, line: lineNumber,
                              "the table header has no \(missing.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")) column; a plan table needs \(acceptedNames)")
        }
        return PlanColumns(index: index, unnamed: unnamed, width: cells.count, prefix: prefix)
    }
}
