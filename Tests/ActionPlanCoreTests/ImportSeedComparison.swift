@testable import ActionPlanCore
import Foundation

/// Compares an imported plan with a hand transcription of the same document, per Key Issue: the
/// number of objectives and targets, and for each target its text (whitespace normalised), lead
/// officers, time scale and status. Targets are matched by their first words (the same target in
/// both), so one extra or missing target shows as one difference, not a cascade.
enum ImportSeedComparison {
    static func differences(imported: Plan, transcribed: Plan) -> [String] {
        var result: [String] = []
        let numbers = (imported.keyIssues.map(\.number) + transcribed.keyIssues.map(\.number)).reduce(into: [Int]()) { if !$0.contains($1) { $0.append($1) } }
        for n in numbers {
            guard let a = imported.keyIssues.first(where: { $0.number == n }) else { result.append("KI\(n): not imported"); continue }
            guard let b = transcribed.keyIssues.first(where: { $0.number == n }) else { result.append("KI\(n): only in the import"); continue }
            if a.objectives.count != b.objectives.count {
                result.append("KI\(n) objectives: imported \(a.objectives.count), transcribed \(b.objectives.count)")
            }
            let mine = a.objectives.flatMap(\.targets), theirs = b.objectives.flatMap(\.targets)
            if mine.count != theirs.count {
                result.append("KI\(n) targets: imported \(mine.count), transcribed \(theirs.count)")
            }
            let pairs = align(mine, theirs)
            for (i, j) in pairs {
                switch (i, j) {
                case let (i?, j?):
                    let x = mine[i], y = theirs[j]
                    if normalise(x.text) != normalise(y.text) { result.append("\(y.id) text") }
                    if x.leadOfficers != y.leadOfficers {
                        result.append("\(y.id) officers: imported \(x.leadOfficers.joined(separator: ", ")); transcribed \(y.leadOfficers.joined(separator: ", "))")
                    }
                    if normalise(x.timescale) != normalise(y.timescale) {
                        result.append("\(y.id) time scale: imported \"\(x.timescale)\"; transcribed \"\(y.timescale)\"")
                    }
                    if x.status != y.status { result.append("\(y.id) status: imported \(x.status.rawValue); transcribed \(y.status.rawValue)") }
                case let (nil, j?):
                    result.append("\(theirs[j].id) not imported")
                case let (i?, nil):
                    result.append("KI\(n) imported only: \"\(key(mine[i]))…\"")
                default: break
                }
            }
        }
        return result
    }

    /// Whitespace and case-insensitive text for comparing.
    static func normalise(_ s: String) -> String {
        s.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The first four words, letters and digits only, lowercase: what identifies a target in both.
    static func key(_ t: Target) -> String {
        t.text.lowercased().split { !$0.isLetter && !$0.isNumber }.prefix(4).joined(separator: " ")
    }

    /// Longest common subsequence of target keys; unmatched targets are paired with nil.
    static func align(_ a: [Target], _ b: [Target]) -> [(Int?, Int?)] {
        let ka = a.map(key), kb = b.map(key)
        var table = Array(repeating: Array(repeating: 0, count: kb.count + 1), count: ka.count + 1)
        for i in stride(from: ka.count - 1, through: 0, by: -1) {
            for j in stride(from: kb.count - 1, through: 0, by: -1) {
                table[i][j] = ka[i] == kb[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var pairs: [(Int?, Int?)] = []
        var i = 0, j = 0
        while i < ka.count || j < kb.count {
            if i < ka.count, j < kb.count, ka[i] == kb[j] {
                pairs.append((i, j)); i += 1; j += 1
            } else if j < kb.count, i == ka.count || table[i][j + 1] >= table[i + 1][j] {
                pairs.append((nil, j)); j += 1
            } else {
                pairs.append((i, nil)); i += 1
            }
        }
        return pairs
    }
}
