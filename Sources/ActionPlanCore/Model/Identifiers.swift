/// Plan ids become file names (`PLAN_ID.json`), so they are held to a safe alphabet: nothing from
/// data or the command line can name a path outside the data directory (`../`, `/`, NUL, dot files).
public enum PlanID {
    public static func problem(with id: String) -> String? {
        if id.isEmpty { return "a plan id must not be empty" }
        if id.utf8.count > 120 { return "a plan id must be at most 120 characters" }
        if id.hasPrefix(".") || id.hasPrefix("-") { return "a plan id must start with a letter or digit, found \"\(Sanitizer.clean(id))\"" }
        for scalar in id.unicodeScalars where !isAllowed(scalar) {
            return "a plan id may use only letters a-z, A-Z, digits, '-', '_' and '.'; found \"\(Sanitizer.clean(id))\""
        }
        return nil
    }

    private static func isAllowed(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".": return true
        default: return false
        }
    }
}

/// Target ids: short, printable, no slash (addresses are `PLAN_ID/TARGET_ID`).
public enum TargetID {
    public static func problem(with id: String) -> String? {
        if id.isEmpty { return "a target id must not be empty" }
        if id.utf8.count > 64 { return "a target id must be at most 64 characters" }
        for scalar in id.unicodeScalars {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".": continue
            default: return "a target id may use only letters, digits, '-', '_' and '.'; found \"\(Sanitizer.clean(id))\""
            }
        }
        return nil
    }

    /// 12 for "t12"; nil for ids of another shape (hand-made ids are allowed, they just don't count).
    /// The largest id number that counts: anything above it is treated as a hand-made id, so that
    /// `nextTargetId` (highest + 1) can never overflow, whatever a file says.
    public static let maxNumber = 999_999_999

    public static func number(in id: String) -> Int? {
        // Fast path for the usual shape, "t" and 1 to 18 ASCII digits (so no overflow): the same answer as the
        // general code below, without slicing a String (loading a plan asks this of every target).
        if let n = id.utf8.withContiguousStorageIfAvailable(plainNumber) ?? nil { return n <= maxNumber ? n : nil }
        guard id.first == "t", let n = Int(id.dropFirst()), n <= maxNumber else { return nil }
        return n
    }

    private static func plainNumber(_ id: UnsafeBufferPointer<UInt8>) -> Int? {
        guard id.count >= 2 && id.count <= 19 && id[0] == UInt8(ascii: "t") else { return nil }
        var n = 0
        for b in id[1...] {
            guard b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") else { return nil }
            n = n * 10 + Int(b - UInt8(ascii: "0"))
        }
        return n
    }
}

/// `PLAN_ID/TARGET_ID`, as scripts and the command line address a target.
public struct TargetAddress: Sendable, Hashable, CustomStringConvertible {
    public let planID: String
    public let targetID: String

    public init(planID: String, targetID: String) {
        self.planID = planID
        self.targetID = targetID
    }

    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, PlanID.problem(with: String(parts[0])) == nil,
              TargetID.problem(with: String(parts[1])) == nil else { return nil }
        planID = String(parts[0])
        targetID = String(parts[1])
    }

    public var description: String { "\(planID)/\(targetID)" }
}
