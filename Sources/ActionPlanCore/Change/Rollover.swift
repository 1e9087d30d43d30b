/// Next year's plan built on this year's (`actionplan rollover`): the same Key Issues and objectives (same
/// ids, so `k2` is still "Key Issue 2"), targets not met carried over as not assessed with a note of their
/// last status, comment and forecast and `carriedFrom` naming where they came from; met targets left out
/// unless asked for. The old plan is not touched.
public enum Rollover {
    public struct Result: Sendable {
        public var plan: Plan
        /// One line per target carried (`t3 ← old-plan/t3 (not met): "…"`) and per target left out.
        public var carried: [String] = []
        public var leftOut: [String] = []
    }

    public static func make(from old: Plan, id: String, period: Period, title: String?, keepMet: Bool) -> Result {
        var plan = Plan(id: id, title: title ?? old.title)
        plan.organisation = old.organisation
        plan.department = old.department
        plan.period = period
        plan.source = old.source
        plan.notes = ["Rolled over from \(old.id) (\(old.period?.description ?? old.title))."]
        plan.nextTargetId = old.nextTargetId
        plan.nextKeyIssueId = old.nextKeyIssueId
        plan.nextObjectiveId = old.nextObjectiveId
        var result = Result(plan: plan)
        plan.keyIssues = old.withIds().keyIssues.map { issue in
            var k = issue
            k.objectives = issue.objectives.map { objective in
                var o = objective
                o.targets = objective.targets.compactMap { t -> Target? in
                    if t.status == .met && !keepMet {
                        result.leftOut.append("\(t.id) (met): \(t.text)")
                        return nil
                    }
                    var n = Target(id: t.id, text: t.text, leadOfficers: t.leadOfficers, timescale: t.timescale, due: t.due)
                    n.measure = t.measure
                    n.extras = t.extras
                    n.carriedFrom = "\(old.id)/\(t.id)"
                    var last = ["last status: \(t.status.argument)"]
                    if !t.comment.isEmpty { last.append("comment: \(t.comment)") }
                    if !t.forecast.isEmpty { last.append("forecast: \(t.forecast)") }
                    n.comment = "Carried over from \(old.id)/\(t.id); " + last.joined(separator: "; ")
                    result.carried.append("\(t.id) ← \(old.id)/\(t.id) (\(t.status.argument)): \(t.text)")
                    return n
                }
                return o
            }
            return k
        }
        result.plan = plan
        return result
    }
}
