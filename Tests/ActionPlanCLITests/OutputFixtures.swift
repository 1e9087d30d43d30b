@testable import ActionPlanCore
import Foundation
import XCTest

/// Plans for the in-process output tests, and whole-output golden files (`Golden/`).
enum OutputFixtures {
    static let asOf = Day(iso: "2008-01-21")!

    /// Four targets over two Key Issues, with officers, a hostile comment and one overdue target.
    static func smallPlan() -> Plan {
        var plan = Plan(id: "demo", title: "Demo Plan")
        plan.period = Period(start: YearMonth(year: 2006, month: 4)!, end: YearMonth(year: 2007, month: 3)!)
        var t1 = Target(id: "t1", text: "Implement action plans", leadOfficers: ["GS", "CSO"], timescale: "Aug 06", due: Day(iso: "2006-08-31"))
        t1.comment = "Half done"
        let t2 = Target(id: "t2", text: "Publish results", leadOfficers: ["GSX"], timescale: "Sept 06", due: Day(iso: "2006-09-30"), status: .met)
        let t3 = Target(id: "t3", text: "Consult \u{1B}]0;pwned\u{7} groups", leadOfficers: ["Jo Fisher, Service Manager"], timescale: "Ongoing", status: .notMet)
        let t4 = Target(id: "t4", text: "Monitor take-up", leadOfficers: ["Head of HR"], timescale: "Quarterly", status: .partiallyMet)
        plan.keyIssues = [
            KeyIssue(number: 1, title: "Leadership and Corporate Commitment", objectives: [Objective(number: 1, text: "Improve performance", targets: [t1, t2, t3])]),
            KeyIssue(number: 2, title: "Service Delivery", objectives: [Objective(text: "Service", targets: [t4])]),
        ]
        plan.nextTargetId = 5
        return plan
    }

    static var repoRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// A sample plan of `data/` (read-only; nothing is written there).
    static func dataPlan(_ id: String) throws -> Plan {
        let (loaded, problems) = PlanFile.inspect(path: repoRoot.appendingPathComponent("data/\(id).json").path)
        guard let plan = loaded?.plan else { throw XCTSkip("data/\(id).json: \(problems)") }
        return plan
    }

    static var dataPlanIDs: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: repoRoot.appendingPathComponent("data").path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// Compares `text` with `Golden/NAME` as a whole; `ACTIONPLAN_RECORD=1 swift test --filter …` rewrites
    /// the file instead (then review `git diff Tests/ActionPlanCLITests/Golden`).
    static func assertGolden(_ text: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        let url = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent("Golden/\(name)")
        if ProcessInfo.processInfo.environment["ACTIONPLAN_RECORD"] == "1" {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(text.utf8).write(to: url)
            return
        }
        guard let expected = FileManager.default.contents(atPath: url.path).map({ String(decoding: $0, as: UTF8.self) }) else {
            XCTFail("no golden file \(url.path): record it with ACTIONPLAN_RECORD=1", file: file, line: line)
            return
        }
        guard text != expected else { return }
        // The first differing line, so a reviewer sees what changed without a diff tool.
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = text.split(separator: "\n", omittingEmptySubsequences: false)
        let n = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
        XCTFail("\(name) differs at line \(n + 1):\n  expected: \(n < a.count ? String(a[n]) : "(end)")\n  actual:   \(n < b.count ? String(b[n]) : "(end)")\n(ACTIONPLAN_RECORD=1 to re-record)", file: file, line: line)
    }
}
