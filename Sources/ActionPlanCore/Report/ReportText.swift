/// Escaping of plan text for the report formats. Every string from a plan file goes through one of
/// these before it reaches a report; the templates and renderers never write data raw.
public enum ReportText {
    /// Text fit for a document: `\n` kept (CRLF and CR become `\n`), tab a space, and every other
    /// control character, bidirectional override or invisible format character shown as a visible
    /// placeholder (`␛`, `⟨U+202E⟩`), as the terminal output does.
    public static func clean(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var previousCR = false
        for s in text.unicodeScalars {
            defer { previousCR = s == "\r" }
            switch s {
            case "\n": if !previousCR { out.append(s) }
            case "\r": out.append("\n")
            case "\t": out.append(" ")
            default:
                if Sanitizer.needsReplacement(s) {
                    out.append(contentsOf: Sanitizer.placeholder(for: s).unicodeScalars)
                } else {
                    out.append(s)
                }
            }
        }
        return String(out)
    }

    /// HTML text and attribute values: `& < > " '` as entities, after `clean`. Works on Unicode
    /// scalars, not Characters: a quote followed by a combining mark (`"\u{338}`) is one Character
    /// that is not equal to `"`, so a Character-wise escaper (as swift-mustache's own is) leaves the
    /// quote raw and lets the value break out of an attribute.
    public static func html(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for s in clean(text).unicodeScalars {
            switch s {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(s)
            }
        }
        return out
    }

    /// One line of GitHub Markdown, safe in a pipe-table cell or a paragraph: `\n` becomes `<br>`, `|`
    /// and the characters Markdown gives meaning (`\ * _ [ ] ~ \` #`) are backslash-escaped, and
    /// `< >` (and `&` where it could start one) become entities, so no data can open an HTML tag, an
    /// autolink or an entity.
    public static func markdown(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        let scalars = Array(clean(text).unicodeScalars)
        for (i, s) in scalars.enumerated() {
            switch s {
            case "\n": out += "<br>"
            case "&":
                // Only `&` followed by a letter, digit or `#` can start an entity ("Environment & Regeneration" stays readable).
                let next = i + 1 < scalars.count ? scalars[i + 1] : " "
                out += next.properties.isAlphabetic || ("0"..."9").contains(next) || next == "#" ? "&amp;" : "&"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\\", "|", "*", "_", "[", "]", "~", "`", "#":
                out += "\\"
                out.unicodeScalars.append(s)
            default: out.unicodeScalars.append(s)
            }
        }
        return out
    }
}

extension Status {
    /// The word a committee report uses beside its mark (seed 004 prints "Partially met").
    public var reportWord: String {
        switch self {
        case .met: return "Met"
        case .notMet: return "Not met"
        case .partiallyMet: return "Partially met"
        case .notAssessed: return "Not assessed"
        }
    }
}

extension ReportText {
    /// How the Met column reads, for the heading of every format (a symbol is never the only sign).
    public static let statusLegend = "In the Met column: ✓ = met, X = not met, blank = not assessed."
}

extension ReportText {
    /// "↑ better than at review 1", "new since the opening of review 1": a target's change, as every
    /// format writes it beside the status.
    public static func change(_ d: Direction, baseline: Baseline) -> String {
        d == .new ? "new since \(baseline.shortName)" : "\(d.label) than at \(baseline.shortName)"
    }
}
