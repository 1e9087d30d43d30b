import Foundation
@testable import ActionPlanCore

/// Builders for tests: a small plan with every field used, and scratch directories.
enum Fixtures {
    static func samplePlan(id: String = "sample") -> Plan {
        var plan = Plan(id: id, title: "Sample Equalities Action Plan")
        plan.organisation = "Luton Borough Council"
        plan.department = "Children & Learning"
        plan.period = Period(start: YearMonth(year: 2006, month: 4)!, end: YearMonth(year: 2007, month: 3)!)
        plan.asAt = Day(iso: "2008-01-21")
        plan.source = "000_9be351768989e3ab.txt"
        plan.notes = ["A note", "Ünïcödé ✓ note"]
        var t1 = Target(id: "t1", text: "Implement action plans", leadOfficers: ["GS", "CSO"], timescale: "Aug 06", due: Day(iso: "2006-08-31"), status: .met)
        t1.comment = "Done, see report\nsecond line"
        t1.forecast = "Not applicable, action met"
        t1.history = [HistoryEntry(when: "2026-11-24T10:00:00Z", who: "gs", field: .status, old: "notAssessed", new: "met", note: "meeting")]
        var t2 = Target(id: "t2", text: "Top 5% of earners that are women", leadOfficers: ["WC"], timescale: "Quarterly", status: .partiallyMet)
        t2.measure = Measure(unit: "%", baseline: 52.5, target: 55, actual: 53.25, better: .higher)
        let t3 = Target(id: "t3", text: "Review process for recording hate crime", leadOfficers: ["CB", "JT"], timescale: "Nov 06", due: Day(iso: "2006-11-30"), status: .notMet)
        let t4 = Target(id: "t4", text: "Continue to support school building adaptations", leadOfficers: ["Head of HR"], timescale: "Ongoing")
        plan.keyIssues = [
            KeyIssue(number: 1, title: "Leadership and Corporate Commitment", statement: "The Council recognises…", objectives: [
                Objective(number: 1, text: "Improve performance on the duty", targets: [t1, t2]),
            ]),
            KeyIssue(number: 2, title: "Service Delivery", objectives: [
                Objective(code: "CCS1", text: "Undertake a review of procurement", expectedOutcome: "Contracts reviewed", targets: [t3, t4]),
            ]),
        ]
        plan.nextTargetId = 5
        var review = Review(number: 1, asAt: Day(iso: "2007-01-31")!, title: "January review")
        review.openedAt = "2007-01-20T09:00:00Z"
        review.closedAt = "2007-01-31T17:00:00Z"
        review.snapshot = [TargetSnapshot(id: "t1", status: .partiallyMet, comment: "c", forecast: "")]
        plan.reviews = [review]
        return plan.withIds() // as a saved plan has them (k1, o1 …)
    }

    static func temporaryDirectory() -> String {
        let path = NSTemporaryDirectory() + "actionplan-tests-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func write(_ plan: Plan, in directory: String) -> String {
        let path = "\(directory)/\(plan.id).json"
        FileManager.default.createFile(atPath: path, contents: Data(PlanFile.encode(plan)))
        return path
    }

    static func bytes(_ path: String) -> [UInt8] {
        Array(FileManager.default.contents(atPath: path) ?? Data())
    }

    static var repoRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
}
