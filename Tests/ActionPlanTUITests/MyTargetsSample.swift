import ActionPlanCore
@testable import ActionPlanTUI
import XCTest

/// Two plans for "my targets": the sample (GS leads t1 and t3) and a disability equality scheme laid
/// out as Luton's 2008 one is (Key Issues of access, employment and involvement), where GS leads
/// targets too, one of them also numbered t1 — so a change must go to the right plan's file — and
/// officers are named as councils name them ("Head of HR", "GS/CSO" as one entry, "GSX").
enum MyTargetsSample {
    static func disabilityPlan() -> Plan {
        var plan = Plan(id: "disability", title: "Disability Equality Scheme Action Plan 2008")
        plan.organisation = "Luton Borough Council"
        plan.asAt = Day(year: 2007, month: 1, day: 5)
        let t1 = Target(id: "t1", text: "Audit the accessibility of the Town Hall and the customer service centre.",
                        leadOfficers: ["GS"], timescale: "Oct 06", due: Day(year: 2006, month: 10, day: 31), status: .notAssessed)
        var t2 = Target(id: "t2", text: "Publish the scheme in easy read, large print, audio and BSL.", leadOfficers: ["Head of HR"],
                        timescale: "Dec 06", due: Day(year: 2006, month: 12, day: 31), status: .met)
        t2.comment = "Easy read and large print published."
        let t3 = Target(id: "t3", text: "Review reasonable adjustments for disabled staff.", leadOfficers: ["Head of HR", "GS"],
                        timescale: "Mar 07", due: Day(year: 2007, month: 3, day: 31), status: .partiallyMet)
        let t4 = Target(id: "t4", text: "Set up a disabled staff forum.", leadOfficers: ["GSX"], timescale: "Ongoing")
        let t5 = Target(id: "t5", text: "Involve disabled people in the review of the scheme.", leadOfficers: ["GS/CSO"], timescale: "Annually")
        plan.keyIssues = [
            KeyIssue(number: 1, title: "Access to services", objectives: [
                Objective(number: 1, text: "Make council buildings and information accessible", targets: [t1, t2]),
            ]),
            KeyIssue(number: 2, title: "Employment", objectives: [
                Objective(number: 1, text: "Support disabled staff", targets: [t3, t4]),
            ]),
            KeyIssue(number: 3, title: "Involvement", objectives: [
                Objective(number: 1, text: "Involve disabled people", targets: [t5]),
            ]),
        ]
        plan.nextTargetId = 6
        return plan.withIds()
    }

    static func plans() -> [Plan] { [Sample.plan(), disabilityPlan()] }

    /// The plans list with both plans, then my targets for `officer` (as Startup builds it for
    /// `actionplan --officer NAME`).
    static func state(officer: String = "GS", plans: [Plan] = plans(), size: Size = Size(width: 80, height: 24),
                      glyphs: Glyphs = .unicode) -> AppState {
        var state = AppState(options: Sample.options(glyphs))
        state.plans = plans.map { PlanSummary(plan: $0, asOf: Sample.asOf) }
        state = update(state, .resize(size)).0
        state.myTargets = MyTargets(officer: officer, docs: AppState.myTargetsDocs(plans.map { Sample.loaded($0) }))
        state.showMyTargets(officer: officer)
        return state
    }

    static func item(_ plan: String, _ target: String) -> MyTargetsItem { MyTargetsItem(planID: plan, targetID: target) }
}

/// Moves the cursor in my targets to an item by pressing ↓, failing if it is never reached.
func moveTo(_ item: MyTargetsItem, inMyTargets state: AppState, file: StaticString = #filePath, line: UInt = #line) -> AppState {
    var s = send(state, .char("g")).0
    for _ in 0..<100 {
        if s.myTargets?.cursor == item { return s }
        s = send(s, .down).0
    }
    XCTFail("never reached \(item)", file: file, line: line)
    return s
}
