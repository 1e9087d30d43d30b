/// Text typed in a terminal whose locale is not UTF-8 (`LANG=C`, `en_GB.ISO-8859-1`), read byte by
/// byte: ncurses' own decoding in such a locale loses "£5k agreed – café" from the £ on (issue 12).
/// Terminals nearly always send UTF-8 whatever LANG says, so UTF-8 is tried first; a byte that is
/// not UTF-8 is read as Latin-1 when the locale is ISO-8859-1/15, and otherwise refused out loud.
public enum ByteText {
    public enum Fallback: Sendable, Equatable {
        case latin1
        case none

        /// From the locale's codeset name (nl_langinfo(CODESET)).
        public init(codeset: String) {
            let c = codeset.uppercased()
            self = c.contains("8859-1") || c.contains("8859-15") || c.contains("88591") ? .latin1 : .none
        }
    }

    public enum Result: Equatable {
        case character(Character)
        /// Bytes that are not text in this locale (the message names them).
        case undecodable([UInt8])
    }

    /// Decodes the character that starts with `first` (a byte ≥ 0x80), taking the bytes that follow
    /// it from `next` (nil: nothing more is waiting). `leftover` are bytes read but not part of it,
    /// to be handled next, in order.
    public static func decode(first: UInt8, next: () -> UInt8?, fallback: Fallback) -> (Result, leftover: [UInt8]) {
        let expected: Int
        switch first {
        case 0xC2...0xDF: expected = 1
        case 0xE0...0xEF: expected = 2
        case 0xF0...0xF4: expected = 3
        default: expected = -1
        }
        var bytes = [first]
        var leftover: [UInt8] = []
        if expected > 0 {
            while bytes.count < expected + 1, let b = next() {
                if b & 0xC0 == 0x80 { bytes.append(b) } else { leftover = [b]; break }
            }
            if bytes.count == expected + 1, let text = String(validating: bytes, as: UTF8.self), let c = text.first, text.count == 1 {
                return (.character(c), leftover)
            }
        }
        switch fallback {
        case .latin1:
            // Latin-1 maps each byte to the code point of the same number.
            return (.character(Character(Unicode.Scalar(first))), Array(bytes.dropFirst()) + leftover)
        case .none:
            return (.undecodable(bytes), leftover)
        }
    }

    /// What the status bar says for bytes that could not be read.
    public static func problem(_ bytes: [UInt8], codeset: String) -> String {
        let hex = bytes.map { String($0, radix: 16, uppercase: true) }.joined(separator: " ")
        return "A typed character (bytes \(hex)) is not text in this locale (\(codeset)) and was not entered: set LANG to a UTF-8 locale such as en_GB.UTF-8"
    }
}
