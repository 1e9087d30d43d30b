import Foundation

// JSON compares keys by their scalars, whereas String's == and < use canonical equivalence ("é" == "e\u{301}").
// Comparing UTF-8 bytes gives exact equality and Unicode scalar order.

/// Whether the two strings have exactly the same Unicode scalars.
func sameUTF8(_ a: String, _ b: String) -> Bool {
    a.utf8.count == b.utf8.count && compareUTF8(a, b) == 0
}

/// Whether `a` sorts before `b` in Unicode scalar order.
func utf8Precedes(_ a: String, _ b: String) -> Bool {
    compareUTF8(a, b) < 0
}

/// Negative, zero or positive as `a`'s UTF-8 bytes sort before, equal to or after `b`'s.
func compareUTF8(_ a: String, _ b: String) -> Int {
    var a = a, b = b  // withUTF8 is mutating: it may first make a bridged string native
    return a.withUTF8 { x in
        b.withUTF8 { y in
            let common = min(x.count, y.count)
            if common > 0 {
                let order = memcmp(x.baseAddress!, y.baseAddress!, common)
                if order != 0 { return Int(order) }
            }
            return x.count - y.count
        }
    }
}
