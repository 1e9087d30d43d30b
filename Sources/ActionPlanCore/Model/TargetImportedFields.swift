/// What an import keeps on a target beyond our own fields, stored among the target's extra JSON
/// members (so older readers keep them as unknown keys): `statusAsWritten`, the council's own status
/// word ("Green", "On track"), and `extra`, an object of the columns the importer did not recognise
/// (heading → cell text). One place reads them, for `show`, the detail pane, the CSV export and the
/// import preview.
public extension Target {
    /// The status word as the council wrote it, when an import mapped one.
    var statusAsWritten: String? {
        guard case .string(let word)? = extras.first(where: { $0.key == "statusAsWritten" })?.value,
              !word.isEmpty else { return nil }
        return word
    }

    /// The council's own columns kept on this target, in the order they were imported. Values that
    /// are not strings (a hand-edited file) are skipped rather than guessed at.
    var importedColumns: [(heading: String, value: String)] {
        guard case .object(let members)? = extras.first(where: { $0.key == "extra" })?.value else { return [] }
        return members.compactMap { m in
            guard case .string(let value) = m.value else { return nil }
            return (m.key, value)
        }
    }
}
