/// The keys a decoder knows for one kind of object (each at most 16 bytes), so JSONReader can match a key on
/// its bytes instead of making a String of it and comparing that with each case. Matching is byte-exact, as
/// the duplicate-key check is. A `switch` on String also matches canonically equivalent text, but the only
/// non-ASCII characters equivalent to ASCII ones are U+212A (K), U+037E (;) and U+1FEF (`), so for ASCII
/// names without those three the two agree (checked in init).
struct JSONKeyTable<Known: RawRepresentable & CaseIterable & Sendable>: Sendable where Known.RawValue == String {
    let cases: [Known]
    let matcher: JSONKeyMatcher

    init(_: Known.Type) {
        cases = Array(Known.allCases)
        precondition(cases.count <= 64, "JSONObjectCursor keeps one bit per known key")
        let names = cases.map(\.rawValue)
        assert(names.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 && !"K;`".utf8.contains($0) } })
        matcher = JSONKeyMatcher(names)
    }
}

/// The part of a JSONKeyTable that does not depend on the key type, so JSONReader's matching code is compiled once.
struct JSONKeyMatcher: Sendable {
    let names: [String]
    private let packed: [PackedKey]

    init(_ names: [String]) {
        self.names = names
        packed = names.map { name in
            var name = name
            return name.withUTF8 { PackedKey($0, readable: $0.count)! }
        }
    }

    /// The index of the known key spelt exactly `key`; nil for any other key.
    @inline(__always)
    func index(of key: PackedKey?) -> Int? {
        guard let key else { return nil }
        return packed.firstIndex(of: key)
    }
}

/// A key of up to 16 bytes as two little-endian integers and its length, so matching it against a known key
/// is three comparisons (every key in a plan file is that short; a longer one is never a known key).
struct PackedKey: Equatable, Sendable {
    var low: UInt64 = 0
    var high: UInt64 = 0
    let count: Int

    /// `readable`: how many bytes from the key's start may be read, so that 16 can be loaded at once when
    /// the key sits inside the input with room after it.
    @inline(__always)
    init?(_ bytes: UnsafeBufferPointer<UInt8>, readable: Int) {
        guard bytes.count <= 16 else { return nil }
        count = bytes.count
        if readable >= 16, let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            let first = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
            let second = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            low = count >= 8 ? first : first & ((1 << (8 * UInt64(count))) - 1)
            high = count <= 8 ? 0 : count == 16 ? second : second & ((1 << (8 * UInt64(count - 8))) - 1)
        } else {
            for i in 0..<min(count, 8) { low |= UInt64(bytes[i]) << (8 * UInt64(i)) }
            for i in min(count, 8)..<count { high |= UInt64(bytes[i]) << (8 * UInt64(i - 8)) }
        }
    }
}

/// A key read by JSONReader.nextKey: one the decoder knows, or any other (kept as text).
enum JSONKey<Known: RawRepresentable> where Known.RawValue == String {
    case known(Known)
    case other(String)

    var name: String {
        switch self {
        case .known(let key): return key.rawValue
        case .other(let name): return name
        }
    }
}
