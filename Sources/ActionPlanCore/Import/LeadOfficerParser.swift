import Foundation

/// Splits a "Lead officers" cell into officers, the way the plans write them:
///
///     GS/CSO            → GS, CSO
///     VG, JH, JI, RK & GB → VG, JH, JI, RK, GB
///     GS/CSO KG         → GS, CSO, KG        (initials separated by spaces)
///     RH & H of S       → RH, H of S
///     All H of S, Head of HR, As above, Anne Futcher, Head of Access Service → kept whole
///
/// Names and job titles are never split at spaces or commas (a comma there is "name, role");
/// only lists of initials are. Duplicates are dropped ("RN/JC VG/RN/JC" → RN, JC, VG).
public enum LeadOfficerParser {
    public static func parse(_ cell: String) -> [String] {
        let text = ImportText.squash(cell)
        if text.isEmpty { return [] }
        var pieces = splitAll([text], on: ";")
        pieces = pieces.flatMap(splitSlashes)
        pieces = splitAll(pieces, on: " & ")
        pieces = pieces.flatMap(splitCommasIfInitials)
        pieces = pieces.flatMap(splitSpacedInitials)
        var result: [String] = []
        for piece in pieces {
            var p = ImportText.squash(piece)
            // "RH." / "GS," — punctuation left over from the line, not part of the officer.
            while let last = p.last, last == "." || last == "," { p.removeLast() }
            p = ImportText.squash(p)
            if !p.isEmpty && !result.contains(p) { result.append(p) }
        }
        return result
    }

    /// "GS", "CSO", "PCT", "ВП": an officer written as capital initials.
    static func isInitials(_ word: String) -> Bool {
        var w = word
        if w.hasSuffix(".") { w.removeLast() }
        guard (2...6).contains(w.count), w.contains(where: \.isLetter) else { return false }
        return w.allSatisfy { ($0.isLetter && $0.isUppercase) || $0.isNumber }
    }

    private static func splitAll(_ pieces: [String], on separator: String) -> [String] {
        pieces.flatMap { $0.components(separatedBy: separator) }
    }

    /// "a/b" always lists two officers, except a plural "Service Manager/s".
    private static func splitSlashes(_ text: String) -> [String] {
        var result: [String] = []
        for part in text.split(separator: "/", omittingEmptySubsequences: false).map(String.init) {
            let trimmed = ImportText.squash(part)
            if let last = result.last, trimmed.count <= 2, trimmed.allSatisfy(\.isLowercase), !trimmed.isEmpty {
                result[result.count - 1] = last + "/" + trimmed
            } else {
                result.append(part)
            }
        }
        return result
    }

    /// "JH, JI, GB" is a list; "Jo Fisher, Service Manager" is one person with a role.
    private static func splitCommasIfInitials(_ text: String) -> [String] {
        let parts = text.split(separator: ",").map { ImportText.squash($0) }.filter { !$0.isEmpty }
        guard parts.count > 1, parts.allSatisfy({ isInitials($0) }) else { return [text] }
        return parts
    }

    /// "CSO KG" is two officers; "All H of S" and "Head of HR" are one.
    private static func splitSpacedInitials(_ text: String) -> [String] {
        let words = ImportText.squash(text).split(separator: " ").map(String.init)
        guard words.count > 1, words.allSatisfy(isInitials) else { return [text] }
        return words
    }
}
