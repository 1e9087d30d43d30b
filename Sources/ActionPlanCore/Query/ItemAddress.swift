import Foundation

/// `PLAN_ID` (the plan itself) or `PLAN_ID/ITEM_ID` (`k2`, `o7`, `t31`), as `edit`, `move`, `remove` and
/// `add` take them. The plan part may be an unambiguous prefix, as everywhere (`AddressResolution`).
public struct ItemAddress: Sendable, Equatable, CustomStringConvertible {
    public var planID: String
    /// nil: the plan itself.
    public var itemID: String?

    public init(planID: String, itemID: String?) {
        self.planID = planID
        self.itemID = itemID
    }

    public var description: String { itemID.map { "\(planID)/\($0)" } ?? planID }

    /// Resolves the plan part among `ids`; the item part is only checked for shape here (the plan, once
    /// loaded, says whether it has it).
    public static func resolve(_ text: String, among ids: [String]) throws(AddressError) -> ItemAddress {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count <= 2, !parts[0].isEmpty else { throw .malformedItem(text, reason: "expected PLAN_ID or PLAN_ID/ID (k2, o7, t31)") }
        if let problem = PlanID.problem(with: parts[0]) { throw .malformedItem(text, reason: problem) }
        let plan = try AddressResolution.planID(parts[0], among: ids)
        guard parts.count == 2 else { return ItemAddress(planID: plan, itemID: nil) }
        if let problem = TargetID.problem(with: parts[1]) {
            throw .malformedItem(text, reason: problem.replacingOccurrences(of: "a target id", with: "an id"))
        }
        return ItemAddress(planID: plan, itemID: parts[1])
    }
}
