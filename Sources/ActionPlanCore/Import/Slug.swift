import Foundation

/// A plan id made from a title: lowercase a-z, 0-9 and '-' ("Children & Learning 2006/07" →
/// "children-learning-2006-07"). Accents are folded so "Équipe" gives "equipe", not "-quipe".
public enum Slug {
    public static func make(_ text: String, maxLength: Int = 80) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        var out = ""
        var pendingDash = false
        for scalar in folded.unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9":
                if pendingDash && !out.isEmpty { out.append("-") }
                pendingDash = false
                out.unicodeScalars.append(scalar)
            case "'", "\u{2019}":
                continue // "Council's" → "councils", not "council-s"
            default:
                pendingDash = true
            }
        }
        guard out.count > maxLength else { return out }
        // Cut at a word boundary so the id does not end in half a word.
        let cut = String(out.prefix(maxLength))
        if let dash = cut.lastIndex(of: "-"), dash > cut.startIndex { return String(cut[..<dash]) }
        return cut
    }
}
