#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Makes one step of a save fail on purpose, to prove a failed save leaves the old file intact.
/// Tests pass a `FaultPlan` to `AtomicWriter`; end-to-end tests set
/// `ACTIONPLAN_FAULT=<step>:<errno name>` (e.g. `fsync:EIO`, `write:ENOSPC`) for the real binary.
public struct FaultPlan: Sendable, Equatable {
    public var step: SaveError.Step
    public var code: Int32

    public init(step: SaveError.Step, code: Int32) {
        self.step = step
        self.code = code
    }

    public static func fromEnvironment() -> FaultPlan? {
        guard let raw = getenv("ACTIONPLAN_FAULT") else { return nil }
        let parts = String(cString: raw).split(separator: ":")
        guard parts.count == 2, let step = SaveError.Step(rawValue: String(parts[0])) else { return nil }
        let codes: [String: Int32] = ["EIO": EIO, "ENOSPC": ENOSPC, "EROFS": EROFS, "EACCES": EACCES, "EPERM": EPERM, "EDQUOT": EDQUOT]
        guard let code = codes[String(parts[1])] else { return nil }
        return FaultPlan(step: step, code: code)
    }
}
