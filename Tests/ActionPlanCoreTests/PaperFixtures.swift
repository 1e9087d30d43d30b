@testable import ActionPlanCore
import ActionPlanTestSupport
import Foundation
import XCTest

/// Plans for the committee paper's tests beyond the samples: several reviews, hostile text, an empty
/// Key Issue, very long comments; and the seed 004 plan.
enum PaperFixtures {
    static let lutonID = "luton-disability-equality-2008"
    static let today = Day(iso: "2030-01-01")!

    static func luton() throws -> Plan {
        try PlanFile.load(from: Fixtures.repoRoot.appendingPathComponent("data/\(lutonID).json"))
    }

    /// Text that must never break a document or be read as markup, and characters XML 1.0 forbids.
    static let hostile = [
        "<w:p><w:r><w:t>injected</w:t></w:r></w:p>", "]]> <!-- --> <?xml ?>", "\"'&amp;<>", "bell\u{7} esc\u{1B}[31m nul\u{0}",
        "\u{202E}override", "not a char \u{FFFE}\u{FFFF}", "<script>alert('x')</script>", "line one\nline two\r\nline three",
    ]

    /// Two Key Issues (the second empty), hostile text in every field, a comment of 20,000 characters.
    static func hostilePlan() -> Plan {
        var p = Plan(id: "hostile", title: "Hostile <b>&</b> plan \u{1B}[2J")
        p.organisation = "Council & \"Co\""
        p.asAt = Day(iso: "2008-06-30")
        var targets: [Target] = []
        for (i, text) in hostile.enumerated() {
            var t = Target(id: "t\(i + 1)", text: text, leadOfficers: [text, "Head of HR"], timescale: text,
                           due: Day(iso: "2008-03-31"), status: [.notMet, .partiallyMet, .met, .notAssessed][i % 4])
            t.comment = text
            t.forecast = text
            targets.append(t)
        }
        var long = Target(id: "t99", text: "A target with a very long comment", timescale: "March 2009", due: Day(iso: "2009-03-31"), status: .notMet)
        long.comment = String(repeating: "A very long comment that goes on. ", count: 600)
        long.forecast = String(repeating: "Forecast words ", count: 300)
        targets.append(long)
        p.keyIssues = [
            KeyIssue(number: 1, title: "Key Issue with <hostile> & text", objectives: [
                Objective(number: 1, code: "H<1>", text: hostile[0], expectedOutcome: hostile[1], targets: targets),
            ]),
            KeyIssue(number: 2, title: "An empty Key Issue", objectives: []),
        ]
        p.nextTargetId = 100
        return p
    }

    /// A small plan with three closed reviews and changes between them, then an open fourth.
    static func threeReviews() throws -> Plan {
        var p = Plan(id: "reviews", title: "Three Reviews Plan")
        p.keyIssues = [
            KeyIssue(number: 1, title: "Leadership", objectives: [Objective(number: 1, text: "Lead", targets: (1...4).map {
                Target(id: "t\($0)", text: "Target \($0)", timescale: "March 2008", due: Day(iso: "2008-03-31"))
            })]),
            KeyIssue(number: 2, title: "Employment", objectives: [Objective(number: 1, text: "Employ", targets: (5...6).map {
                Target(id: "t\($0)", text: "Target \($0)", timescale: "March 2009", due: Day(iso: "2009-03-31"))
            })]),
        ]
        p.nextTargetId = 7
        func set(_ id: String, _ s: Status) {
            let i = p.indexPath(ofTarget: id)!
            p.keyIssues[i.issue].objectives[i.objective].targets[i.target].status = s
        }
        try p.startReview(asAt: Day(iso: "2007-09-30")!, title: "Autumn", openedAt: "2007-10-01T10:00:00Z")
        set("t1", .notMet); set("t2", .partiallyMet)
        try p.closeReview(closedAt: "2007-10-01T12:00:00Z")
        try p.startReview(asAt: Day(iso: "2008-01-31")!, title: "Winter", openedAt: "2008-02-01T10:00:00Z")
        set("t1", .met); set("t3", .notMet); set("t5", .partiallyMet)
        try p.closeReview(closedAt: "2008-02-01T12:00:00Z")
        try p.startReview(asAt: Day(iso: "2008-04-30")!, title: "Spring", openedAt: "2008-05-01T10:00:00Z")
        set("t2", .met); set("t4", .met); set("t3", .partiallyMet)
        try p.closeReview(closedAt: "2008-05-01T12:00:00Z")
        return p
    }

    static func options(asAt: Day? = nil, review: Int? = nil) -> ReportOptions {
        ReportOptions(asAt: asAt, review: review, today: today)
    }

    static func details() -> PaperDetails {
        var d = PaperDetails()
        d.to = "Disability Access and Advisory Forum"
        d.by = ["Head of Equalities", "Cllr A. Member, Portfolio Holder for Equalities"]
        d.classification = "Unrestricted"
        d.contact = ["A. Officer", "Equalities Officer", "01582 000000"]
        return d
    }

    /// The first python3 that can import python-docx (Debian's python3-docx is under /usr/bin), or nil.
    static func pythonWithDocx() -> String? {
        for python in ["/usr/bin/python3", "/usr/local/bin/python3"] where FileManager.default.isExecutableFile(atPath: python) {
            if (try? run(python, ["-c", "import docx"]))?.status == 0 { return python }
        }
        return nil
    }

    static func tool(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    struct Ran { var status: Int32; var output: String }

    /// Runs a tool to its end (output to a file, so a full pipe never blocks it).
    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Ran {
        let ran = try Subprocess.run(executable, arguments, environment: ProcessInfo.processInfo.environment.merging(environment) { $1 },
                                     stderr: .intoStdout)
        return Ran(status: ran.status, output: ran.out)
    }
}
