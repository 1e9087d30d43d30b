import Foundation

/// How alike two texts are, for matching a revised document's rows to a plan's items (`import --into`).
/// The rule (README, "Updating a plan from a revised document"):
/// - texts are compared normalised: case and accents folded, every run of punctuation and spaces one space;
/// - two texts are the same when their normalised forms are equal;
/// - otherwise their similarity is the Sørensen–Dice coefficient of their sets of words,
///   2·|A∩B| / (|A|+|B|), from 0 (no word in common) to 1 (the same words, in any order); texts are
///   taken as a rewording of each other at `threshold` or above (one word changed in a six-word target
///   is 0.83, one in three is 0.67; two unrelated targets of one objective rarely share half their words).
/// Hand-written: the rule is a few lines and has to be stated exactly in the README; no package on the
/// machine's list does token-set similarity.
public enum TextSimilarity {
    public static let threshold = 0.6

    public static func normalised(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var out = ""
        var space = false
        for ch in folded {
            if ch.isLetter || ch.isNumber {
                if space && !out.isEmpty { out.append(" ") }
                space = false
                out.append(ch)
            } else {
                space = true
            }
        }
        return out
    }

    /// A text made ready for comparing: normalised once, however many texts it is compared with.
    public struct Words: Sendable {
        public let normalised: String
        public let set: Set<Substring>

        public init(_ text: String) {
            normalised = TextSimilarity.normalised(text)
            set = Set(normalised.split(separator: " "))
        }
    }

    /// 1 for the same normalised text (two empty texts too: an objective with no wording is the same as
    /// one with none); else the Dice coefficient of the word sets (0 when only one is empty).
    public static func similarity(_ a: String, _ b: String) -> Double {
        similarity(Words(a), Words(b))
    }

    public static func similarity(_ a: Words, _ b: Words) -> Double {
        if a.normalised == b.normalised { return 1 }
        guard !a.set.isEmpty, !b.set.isEmpty else { return 0 }
        return 2 * Double(a.set.intersection(b.set).count) / Double(a.set.count + b.set.count)
    }
}

/// Pairs items of a file with items of a plan, best score first, each used at most once (greedy on the
/// scores, ties broken by document order so the result never depends on hashing).
enum BestPairs {
    /// `score(f, e)`: nil when `f` and `e` cannot be the same item. Returns file index → plan index.
    static func pair(fileCount: Int, planCount: Int, score: (Int, Int) -> Double?) -> [Int: Int] {
        var candidates: [(score: Double, file: Int, plan: Int)] = []
        for f in 0..<fileCount {
            for e in 0..<planCount {
                if let s = score(f, e) { candidates.append((s, f, e)) }
            }
        }
        candidates.sort { a, b in a.score != b.score ? a.score > b.score : a.file != b.file ? a.file < b.file : a.plan < b.plan }
        var byFile: [Int: Int] = [:]
        var used: Set<Int> = []
        for c in candidates where byFile[c.file] == nil && !used.contains(c.plan) {
            byFile[c.file] = c.plan
            used.insert(c.plan)
        }
        return byFile
    }
}
