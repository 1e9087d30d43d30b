@testable import ActionPlanCore
import XCTest

/// The progress-report importer on a small report shaped like seed 004.
final class ImportProgressReportTests: XCTestCase {
    private let header = "Month outcome to be completed in or by end of.\tExpected Outcome\tResponsible Officer\t✓ = met X not met\tComments\tIs it expected that the action be met, if not already met, and if so when? If not why not?"

    private func run(_ text: String) throws -> ImportResult {
        try PlanImporter.importBytes(Array(text.utf8), file: "report.txt")
    }

    func testSectionsMonthsMarksAndPageBreaks() throws {
        let result = try run("""
        Appendix 1
        Disability Equality Action Plan – Outcomes Progress Report as at 21st January 2008

        Customer and Corporate Services 1 (CCS1)

        <p>Action</p> <p>Review procurement.</p>\t\t\t\t\t
        Expected outcome: Contracts reviewed.\t\t\t\t\t
        \(header)
        March 2008\tAll contracts reviewed. Report on\tHead of HR\t✓\tDone\t
        \tSecond target in March\tHead of HR\tx\t\t

        \tprogress to DAAF\t\t\t\t
        April 2008\tStart group\tJo Fisher, Service Manager for\tPartially met\tBegun\tThe group meets
        --\t---\t--\t--\t--\t--

        \tagain\tchildren\t\t\tin May
        May 2008\tProduce plan\tHead of HR\t\t\t

        Children and Learning 1 (CL1)
        Action
        Every Child Matters data project.
        Expected outcome
        Better monitoring.
        \(header)
        June 2008\tReport\tAnne Futcher, Head of Access\t✓\t\t

        Children & Learning 2 (CL2)
        Action: Review findings.
        Expected outcome: Better services.
        \(header)
        July 2008\tCollate feedback\tSteph Cash\tdone\t\t

        \t\t\t\tout of line\tmore
        Housing and Community Living 3
        Action: Analysis of needs.
        Expected outcome:. Report.
        \(header)
        June 2008\tAnalysis\tWendy Toomey/ Sandra Legate\tX\t\tFeb 2009
        """)
        XCTAssertEqual(result.format, .report)
        let plan = result.plan
        XCTAssertEqual(plan.title, "Disability Equality Action Plan – Outcomes Progress Report as at 21st January 2008")
        XCTAssertEqual(plan.asAt?.description, "2008-01-21")
        // Consecutive sections of one department (spelt "and" or "&") are one Key Issue.
        XCTAssertEqual(plan.keyIssues.map(\.title), ["Customer and Corporate Services", "Children and Learning", "Housing and Community Living"])
        XCTAssertEqual(plan.keyIssues[1].objectives.map(\.code), ["CL1", "CL2"])
        XCTAssertEqual(plan.keyIssues[2].objectives[0].code, "HCL3")
        XCTAssertTrue(result.report.remarks.contains { $0.reason.contains("derived HCL3") })

        let ccs1 = plan.keyIssues[0].objectives[0]
        XCTAssertEqual(ccs1.text, "Review procurement.")
        XCTAssertEqual(ccs1.expectedOutcome, "Contracts reviewed.")
        XCTAssertEqual(ccs1.targets.map(\.text), ["All contracts reviewed. Report on", "Second target in March progress to DAAF",
                                                  "Start group again", "Produce plan"])
        XCTAssertEqual(ccs1.targets.map(\.timescale), ["March 2008", "March 2008", "April 2008", "May 2008"])
        XCTAssertEqual(ccs1.targets.map(\.status), [.met, .notMet, .partiallyMet, .notAssessed])
        XCTAssertEqual(ccs1.targets[2].leadOfficers, ["Jo Fisher, Service Manager for children"])
        XCTAssertEqual(ccs1.targets[2].forecast, "The group meets in May")
        XCTAssertEqual(ccs1.targets[0].comment, "Done")

        let cl1 = plan.keyIssues[1].objectives[0]
        XCTAssertEqual(cl1.text, "Every Child Matters data project.")
        XCTAssertEqual(cl1.expectedOutcome, "Better monitoring.")
        XCTAssertEqual(plan.keyIssues[2].objectives[0].expectedOutcome, "Report.")
        XCTAssertEqual(plan.keyIssues[2].objectives[0].targets[0].leadOfficers, ["Wendy Toomey", "Sandra Legate"])

        // An unknown mark and a row whose columns do not line up are reported, not guessed.
        XCTAssertEqual(result.report.unplaced.map(\.reason), [
            "text before the first section",
            "unrecognised mark in the met column (status left not assessed)",
            "looks like the rest of a row split by a page break, but its columns do not line up with the row above",
        ])
        XCTAssertEqual(plan.allTargets.count, 7)
        XCTAssertEqual(plan.nextTargetId, 8)
        XCTAssertEqual(result.report.furniture.map(\.reason), ["table rule (page break)"])
    }

    func testStatusMarks() {
        XCTAssertEqual(ProgressReportImporter.status("✓"), .met)
        XCTAssertEqual(ProgressReportImporter.status("X"), .notMet)
        XCTAssertEqual(ProgressReportImporter.status("x"), .notMet)
        XCTAssertEqual(ProgressReportImporter.status("Partially met"), .partiallyMet)
        XCTAssertEqual(ProgressReportImporter.status(""), .notAssessed)
        XCTAssertNil(ProgressReportImporter.status("maybe"))
    }

    func testSectionHeadings() {
        XCTAssertEqual(ProgressReportImporter.section("Children & Learning 2 (CL2)")?.2, "CL2")
        XCTAssertEqual(ProgressReportImporter.section("Housing and Community Living 3")?.1, 3)
        XCTAssertNil(ProgressReportImporter.section("Housing and Community Living 3")?.2)
        XCTAssertNil(ProgressReportImporter.section("Appendix 1"))
        XCTAssertNil(ProgressReportImporter.section("Every Disabled Child Matters Data Project"))
        XCTAssertNil(ProgressReportImporter.section("Report to DAAF in 2008"))
    }
}
