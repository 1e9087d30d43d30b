import Foundation

/// How far a target has been met at a review. The raw values are the JSON spellings (a public contract).
public enum Status: String, Sendable, CaseIterable, Hashable {
    case met
    case notMet
    case partiallyMet
    case notAssessed

    /// Parses what a person types on the command line: the JSON spelling, or the dashed form
    /// (`not-met`, `partially-met`, `not-assessed`), case-insensitively; also a few words
    /// that appear in the documents and that people type (`partly`, `partial`, `done`, `yes`, `no`;
    /// spaces or underscores for the dash, `not met`). The command line and the UI's prompts share it.
    public init?(argument: String) {
        let key = argument.trimmingCharacters(in: .whitespaces).lowercased()
            .replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: " ", with: "-")
        switch key {
        case "met", "✓", "done", "yes": self = .met
        case "notmet", "not-met", "x", "no": self = .notMet
        case "partiallymet", "partially-met", "partly-met", "partial", "partially", "partly": self = .partiallyMet
        case "notassessed", "not-assessed", "none", "blank": self = .notAssessed
        default: return nil
        }
    }

    /// What a command line accepts, for error messages.
    public static let argumentSpellings = "met, not-met, partially-met, not-assessed (also done/yes, no, partly/partial, and the JSON spellings notMet, partiallyMet, notAssessed)"

    /// Dashed spelling used on the command line and in CSV.
    public var argument: String {
        switch self {
        case .met: return "met"
        case .notMet: return "not-met"
        case .partiallyMet: return "partially-met"
        case .notAssessed: return "not-assessed"
        }
    }

    /// The word shown beside the symbol: status is never conveyed by colour or symbol alone.
    public var word: String {
        switch self {
        case .met: return "Met"
        case .notMet: return "Not met"
        case .partiallyMet: return "Partly met"
        case .notAssessed: return "Not assessed"
        }
    }

    public var unicodeSymbol: String {
        switch self {
        case .met: return "✓"
        case .notMet: return "✗"
        case .partiallyMet: return "◐"
        case .notAssessed: return "·"
        }
    }

    public var asciiSymbol: String {
        switch self {
        case .met: return "[Y]"
        case .notMet: return "[N]"
        case .partiallyMet: return "[P]"
        case .notAssessed: return "[ ]"
        }
    }

    /// The mark a committee report prints in its "Met" column (seed 004's convention).
    public var reportMark: String {
        switch self {
        case .met: return "✓"
        case .notMet: return "X"
        case .partiallyMet: return "Partially met"
        case .notAssessed: return ""
        }
    }

    /// The order `Space` cycles through in the review UI.
    public var next: Status {
        switch self {
        case .notAssessed: return .met
        case .met: return .partiallyMet
        case .partiallyMet: return .notMet
        case .notMet: return .notAssessed
        }
    }
}
