extension JSONByteParser {
    /// Parses `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?` at `pos`. The grammar is checked here in full;
    /// the value comes from an exact fast path when it can, else from the C library's correctly rounded strtod.
    mutating func parseNumber() throws(JSONSyntaxError) -> Double {
        let n = bytes.count
        let start = pos
        var p = pos
        let negative = bytes[p] == UInt8(ascii: "-")
        if negative { p += 1 }
        guard p < n && isDigit(bytes[p]) else { throw unexpected("expected a digit after '-'", at: p) }

        var mantissa: UInt64 = 0  // the digits without the decimal point, while they fit
        var exact = true          // false once a digit did not fit into `mantissa`
        var scale = 0             // power of ten to apply to `mantissa`
        func accumulate(_ digit: UInt8) {
            if mantissa < 100_000_000_000_000_000 {
                mantissa = mantissa * 10 + UInt64(digit &- UInt8(ascii: "0"))
            } else {
                exact = false
            }
        }

        if bytes[p] == UInt8(ascii: "0") {
            p += 1
            if p < n && isDigit(bytes[p]) { throw error(at: start, "leading zeros are not allowed in numbers") }
        } else {
            while p < n && isDigit(bytes[p]) { accumulate(bytes[p]); p += 1 }
        }
        if p < n && bytes[p] == UInt8(ascii: ".") {
            p += 1
            guard p < n && isDigit(bytes[p]) else { throw unexpected("expected a digit after the decimal point", at: p) }
            while p < n && isDigit(bytes[p]) { accumulate(bytes[p]); scale -= 1; p += 1 }
        }
        if p < n && bytes[p] | 0x20 == UInt8(ascii: "e") {
            p += 1
            var exponentNegative = false
            if p < n && (bytes[p] == UInt8(ascii: "+") || bytes[p] == UInt8(ascii: "-")) {
                exponentNegative = bytes[p] == UInt8(ascii: "-")
                p += 1
            }
            guard p < n && isDigit(bytes[p]) else { throw unexpected("expected a digit in the exponent", at: p) }
            var exponent = 0
            while p < n && isDigit(bytes[p]) {
                if exponent < 1_000_000 { exponent = exponent * 10 + Int(bytes[p] &- UInt8(ascii: "0")) }  // saturate
                p += 1
            }
            scale += exponentNegative ? -exponent : exponent
        }
        pos = p

        // Clinger's fast path: an integer below 2^53 and a power of ten up to 1e22 are both exact doubles,
        // so one multiplication or division rounds correctly.
        if exact && mantissa <= 1 << 53 && scale >= -22 && scale <= 22 {
            var value = Double(mantissa)
            if scale > 0 { value *= Self.powersOfTen[scale] } else if scale < 0 { value /= Self.powersOfTen[-scale] }
            return negative ? -value : value
        }
        // Double(String) is strtod in the C locale, so a locale set for the terminal cannot change the decimal point.
        let lexeme = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<p]), as: UTF8.self)
        guard let value = Double(lexeme), value.isFinite else { throw error(at: start, "number out of range") }
        return value
    }

    @inline(__always)
    func isDigit(_ b: UInt8) -> Bool { b &- UInt8(ascii: "0") < 10 }

    private static let powersOfTen: [Double] = (0...22).map { (exponent: Int) -> Double in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }  // every step is exact up to 1e22
        return value
    }
}
