/// Text for an XML 1.0 document (the .docx parts). Hand-written because the parts are written as
/// strings (see `WordBody`): every data string passes `ReportText.clean` first (control, bidi and format
/// characters become visible placeholders, as in every format), then this, which escapes the five
/// markup characters and drops anything XML 1.0 still forbids (U+FFFE, U+FFFF, and any C0 control
/// `clean` let through), so no plan text can break a part or be read as markup.
enum XMLText {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for s in text.unicodeScalars {
            switch s {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                if isAllowed(s) { out.unicodeScalars.append(s) }
            }
        }
        return out
    }

    /// XML 1.0 `Char`: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
    /// (a Swift scalar is never a surrogate).
    static func isAllowed(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
