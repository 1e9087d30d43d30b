/// Splits a lead officers cell from a council's own table into people (README "Officers"):
///
/// 1. Each line of the cell is separate (several people in one cell on separate lines).
/// 2. ";" always separates.
/// 3. A comma separates only a list of initials ("VG, JH, RK"): "Head of Legal, Democratic Services"
///    is one role.
/// 4. "/", "&", "+" and the word "and" separate only when every part stands on its own and all parts
///    are of one kind: all initials ("GS/CSO"), all job titles ("Virtual School Head / Data Manager"),
///    or all personal names ("Jane Smith and Tom Brown"). Otherwise the cell is one job title whose
///    parts are not people on their own: "Corporate Improvement & Policy Officer", "Learning &
///    Development Lead", "Head of HR/OD".
/// 5. Initials separated by spaces are several people ("CSO KG").
enum OfficerSplitter {
    /// Words that make a phrase a job title or a body rather than a person.
    static let roleWords: Set<String> = [
        "officer", "officers", "manager", "managers", "head", "heads", "lead", "leads", "director", "directors",
        "coordinator", "co-ordinator", "inspector", "adviser", "advisor", "team", "service", "services", "executive",
        "chief", "assistant", "member", "members", "councillor", "councillors", "chair", "panel", "group", "board",
        "unit", "department", "partnership", "police", "nhs", "consultant", "specialist", "analyst", "administrator",
        "supervisor", "worker", "workers", "champion", "champions", "forum", "network", "trust", "school", "schools",
        "directorate", "secretary", "clerk", "principal", "deputy", "leader", "staff",
    ]

    enum Kind { case initials, role, name, fragment }

    static func split(_ cell: String) -> [String] {
        var result: [String] = []
        for line in cell.split(separator: "\n") {
            for piece in line.split(separator: ";") {
                for officer in splitPiece(ImportText.squash(piece)) {
                    var p = officer
                    while let last = p.last, last == "." || last == "," { p.removeLast() }
                    p = ImportText.squash(p)
                    if !p.isEmpty && !result.contains(p) { result.append(p) }
                }
            }
        }
        return result
    }

    private static func splitPiece(_ text: String) -> [String] {
        if text.isEmpty { return [] }
        let commaParts = text.split(separator: ",").map { ImportText.squash($0) }.filter { !$0.isEmpty }
        if commaParts.count > 1 {
            // "VG, JH & RK": the commas list initials when every part (after splitting the last on &/and) is initials.
            let all = commaParts.flatMap { joinerParts($0) }
            if all.allSatisfy({ kind($0) == .initials }) { return all.flatMap(spacedInitials) }
            return [text]
        }
        let parts = joinerParts(text)
        if parts.count > 1 {
            let kinds = parts.map(kind)
            if !kinds.contains(.fragment), Set(kinds).count == 1 { return parts.flatMap(spacedInitials) }
            return [text]
        }
        return spacedInitials(text)
    }

    /// The parts between "/", " & ", "&", " + " and " and ".
    private static func joinerParts(_ text: String) -> [String] {
        var parts = [text]
        for sep in ["/", "&", " + ", " and "] {
            parts = parts.flatMap { $0.components(separatedBy: sep) }
        }
        return parts.map { ImportText.squash($0) }.filter { !$0.isEmpty }
    }

    static func kind(_ part: String) -> Kind {
        let words = part.split(separator: " ").map(String.init)
        if words.allSatisfy(LeadOfficerParser.isInitials) { return .initials }
        if words.contains(where: { roleWords.contains($0.lowercased()) }) { return .role }
        // A personal name: two to four capitalised words ("Jane Smith", "Mary Ann O'Neill").
        if (2...4).contains(words.count), words.allSatisfy({ $0.first?.isUppercase == true && $0.dropFirst().allSatisfy { $0.isLowercase || $0 == "'" || $0 == "-" } }) {
            return .name
        }
        return .fragment
    }

    /// "CSO KG" → CSO, KG; anything else whole.
    private static func spacedInitials(_ text: String) -> [String] {
        let words = text.split(separator: " ").map(String.init)
        guard words.count > 1, words.allSatisfy(LeadOfficerParser.isInitials) else { return [text] }
        return words
    }
}
