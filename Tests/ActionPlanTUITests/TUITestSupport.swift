import ActionPlanCore
@testable import ActionPlanTUI
import XCTest

/// A small plan with every kind of line: numbered and unnumbered objectives, a code, an expected
/// outcome, every status, overdue and on-time targets, a measure and history.
enum Sample {
    static let asOf = Day(year: 2007, month: 1, day: 15)!

    static func plan() -> Plan {
        var plan = Plan(id: "sample", title: "Sample Equalities Action Plan 2006/07")
        plan.organisation = "Luton Borough Council"
        plan.period = Period(start: YearMonth(year: 2006, month: 4)!, end: YearMonth(year: 2007, month: 3)!)
        plan.asAt = Day(year: 2007, month: 1, day: 10)
        var t1 = Target(id: "t1", text: "Implement action plans on the 2005/06 equality impact assessments.",
                        leadOfficers: ["GS", "CSO"], timescale: "Aug 06", due: Day(year: 2006, month: 8, day: 31), status: .met)
        t1.comment = "All action plans in place."
        t1.history = [HistoryEntry(when: "2006-09-01T10:00:00Z", who: "jo", field: .status, old: "notAssessed", new: "met")]
        let t2 = Target(id: "t2", text: "Actively engage with disabled people, BME and LGBT groups.", leadOfficers: ["CSO"], timescale: "Ongoing")
        var t3 = Target(id: "t3", text: "Contribute to achieving Level 4 of the Equality Standard.", leadOfficers: ["GS"],
                        timescale: "April 06", due: Day(year: 2006, month: 4, day: 30), status: .notMet)
        t3.comment = "Delayed by the restructure."
        var t4 = Target(id: "t4", text: "All relevant contracts to include equality clauses.", leadOfficers: ["KG"],
                        timescale: "Quarterly", status: .partiallyMet)
        t4.measure = Measure(unit: "%", baseline: 40, target: 100, actual: 70, better: .higher)
        var t5 = Target(id: "t5", text: "Ensure recruitment of foster carers reflects the community.", leadOfficers: ["WC"],
                        timescale: "Sept 06", due: Day(year: 2006, month: 9, day: 30))
        t5.forecast = "Expected by March 2007."
        let t6 = Target(id: "t6", text: "Monitor and report on the categories covered by the employment duty.",
                        leadOfficers: ["Jo Fisher, Service Manager"], timescale: "Mar 07", due: Day(year: 2007, month: 3, day: 31))
        plan.keyIssues = [
            KeyIssue(number: 1, title: "Leadership and Corporate Commitment", statement: "The Council recognises the need to lead.", objectives: [
                Objective(number: 1, text: "Improve performance on the duty to promote equality", targets: [t1, t2, t3]),
                Objective(code: "CCS2", text: "Promote equality through procurement", expectedOutcome: "Contracts include equality clauses", targets: [t4]),
            ]),
            KeyIssue(number: 2, title: "Employment and Training", objectives: [
                Objective(text: "Ensure the workforce reflects the community", targets: [t5, t6]),
            ]),
        ]
        plan.nextTargetId = 7
        return plan.withIds() // as loaded from a file (k1, o1 …)
    }

    static func loaded(_ plan: Plan = plan()) -> PlanFile.Loaded {
        let result = PlanFile.decode(PlanFile.encode(plan), file: "\(plan.id).json", expectedID: plan.id)
        guard let loaded = result.loaded else { fatalError("sample plan does not round-trip: \(result.problems)") }
        return loaded
    }

    static func options(_ glyphs: Glyphs = .unicode, officer: String? = nil) -> AppOptions {
        AppOptions(glyphs: glyphs, asOf: asOf, who: "tester", officer: officer, dataDirectory: "/tmp/plans")
    }

    /// A state with the plan open (everything expanded, cursor on the first line) at a size.
    static func opened(_ plan: Plan = plan(), size: Size = Size(width: 120, height: 40), glyphs: Glyphs = .unicode,
                       officer: String? = nil, otherPlans: Int = 1) -> AppState {
        var state = AppState(options: options(glyphs, officer: officer))
        state.plans = [PlanSummary(plan: plan, asOf: asOf)]
        for i in 0..<otherPlans { state.plans.append(PlanSummary(id: "other\(i)", title: "Other plan \(i)")) }
        state = update(state, .resize(size)).0
        return update(state, .planOpened(id: plan.id, .success(loaded(plan)))).0
    }
}

/// Sends keys one by one; returns the final state and every effect produced.
func send(_ state: AppState, _ keys: Key...) -> (AppState, [Effect]) {
    send(state, keys)
}

func send(_ state: AppState, _ keys: [Key]) -> (AppState, [Effect]) {
    var s = state
    var all: [Effect] = []
    for k in keys {
        let (next, fx) = update(s, .key(k))
        s = next
        all += fx
    }
    return (s, all)
}

func type(_ text: String) -> [Key] { text.map { Key.char($0) } }

/// Moves the cursor to a node by pressing ↓ (as a user would), failing if it is never reached.
func moveTo(_ node: NodeID, in state: AppState, file: StaticString = #filePath, line: UInt = #line) -> AppState {
    var s = state
    s = send(s, .char("g")).0
    for _ in 0..<200 {
        if s.doc?.cursor == node { return s }
        s = send(s, .down).0
    }
    XCTFail("never reached \(node)", file: file, line: line)
    return s
}

extension Grid {
    var text: String { lines.joined(separator: "\n") }

    /// Every row takes exactly the grid's width in display columns.
    func assertAligned(file: StaticString = #filePath, line: UInt = #line) {
        let lines = self.lines // once: `lines` builds every row's text
        for r in 0..<height {
            XCTAssertEqual(displayWidth(ofRow: r), width, "row \(r) is misaligned: \(lines[r])", file: file, line: line)
            // And the visible text measures the same (continuations are empty, wide cells are 2).
            XCTAssertEqual(DisplayWidth.of(lines[r]), width, "row \(r) text width: \(lines[r])", file: file, line: line)
        }
    }

    func row(containing needle: String) -> String? { lines.first { $0.contains(needle) } }

    /// The tree's part of the first line containing `needle` in the tree (left of the divider when wide).
    func treeRow(_ needle: String) -> String? {
        lines.lazy.map { line in String(line.split(separator: "│", maxSplits: 1, omittingEmptySubsequences: false).first ?? "") }
            .map { line in String(line.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false).first ?? "") }
            .first { $0.contains(needle) }
    }
}
