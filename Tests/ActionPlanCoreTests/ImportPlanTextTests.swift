@testable import ActionPlanCore
import XCTest

/// The plan-text importer on small documents shaped like the seeds' Word tables.
final class ImportPlanTextTests: XCTestCase {
    private func run(_ text: String, format: ImportFormat = .auto) throws -> ImportResult {
        try PlanImporter.importBytes(Array(text.utf8), file: "plan.txt", format: format)
    }

    private func importError(_ text: String, format: ImportFormat = .auto) -> ImportError? {
        do { _ = try run(text, format: format); return nil } catch let e as ImportError { return e } catch { return nil }
    }

    private let basic = """
    CHILDREN & LEARNING DRAFT EQUALITIES ACTION PLAN APRIL 2006 TO MARCH 2007

    Key Issue 1: Leadership and Corporate Commitment

    The Council recognises the need to demonstrate strong leadership.

    Key Objectives\tTargets & Outcomes\tLead officers\tTime scale
    1. Improve performance on the duty\t Implement action plans. \tGS/CSO\tAug 06
    2. Manage the Council's performance on key\t• Actively engage with disabled people.\tCSO\tOngoing
    indicators and demonstrate improvements\t Contribute to achieving Level 4. \tGS\tApril 06
    \tReview key performance indicators\tGS/CB\tApril 06

    DRAFT EQUALITIES ACTION PLAN APRIL 2006 TO MARCH 2007

    Key Issue 2: Employment and Training The Council's objective is to reflect the population.
     time SCALE \t  lead   OFFICERS\tKey Objectives\tTargets and Outcomes
    Quarterly\tWC\t Ensure the workforce reflects the population\tReport workforce figures
    Equalities Action Plan - 2006/07\t\tPag\tje 4 of 5
    """

    func testTitleHeadingsStatementsAndRows() throws {
        let result = try run(basic)
        XCTAssertEqual(result.format, .text)
        let plan = result.plan
        XCTAssertEqual(plan.title, "CHILDREN & LEARNING DRAFT EQUALITIES ACTION PLAN APRIL 2006 TO MARCH 2007")
        XCTAssertEqual(plan.period?.description, "Apr 2006 – Mar 2007")
        XCTAssertEqual(plan.source, "plan.txt")
        XCTAssertEqual(plan.keyIssues.map(\.number), [1, 2])
        XCTAssertEqual(plan.keyIssues.map(\.title), ["Leadership and Corporate Commitment", "Employment and Training"])
        XCTAssertEqual(plan.keyIssues[0].statement, "The Council recognises the need to demonstrate strong leadership.")
        XCTAssertEqual(plan.keyIssues[1].statement, "The Council's objective is to reflect the population.")

        let objectives = plan.keyIssues[0].objectives
        XCTAssertEqual(objectives.map(\.number), [1, 2])
        XCTAssertEqual(objectives[1].text, "Manage the Council's performance on key indicators and demonstrate improvements")
        XCTAssertEqual(objectives[1].targets.map(\.text), ["Actively engage with disabled people.", "Contribute to achieving Level 4.",
                                                           "Review key performance indicators"])
        let first = objectives[0].targets[0]
        XCTAssertEqual(first.id, "t1")
        XCTAssertEqual(first.leadOfficers, ["GS", "CSO"])
        XCTAssertEqual(first.timescale, "Aug 06")
        XCTAssertEqual(first.due?.description, "2006-08-31")
        XCTAssertEqual(first.status, .notAssessed)

        // Columns in another order, any case, extra spaces.
        let t = plan.keyIssues[1].objectives[0].targets[0]
        XCTAssertEqual(plan.keyIssues[1].objectives[0].text, "Ensure the workforce reflects the population")
        XCTAssertEqual([t.text, t.timescale], ["Report workforce figures", "Quarterly"])
        XCTAssertEqual(t.leadOfficers, ["WC"])
        XCTAssertEqual(plan.allTargets.map(\.id), ["t1", "t2", "t3", "t4", "t5"])
        XCTAssertEqual(plan.nextTargetId, 6)

        // Page furniture is skipped and listed; nothing else was left over.
        XCTAssertEqual(result.report.furniture.map(\.line), [13, 18])
        XCTAssertEqual(result.report.unplaced, [])
    }

    func testBulletsWithTheirOwnTimeScalesAreSeparateTargets() throws {
        let plan = try run("""
        Plan
        Key Issue 1: Leadership
        Key Objectives\tTargets & Outcomes\tLead officers\tTime scale
        Promote equality through procurement\t-All contracts monitored annually -Produce a procurement plan\tAs above\tApril 06 onwards April 06
        Improve performance\t-Implement action plans -Promote LGBT History Month\tVG, JH\tJan.07 Sept.06 Feb.07
        """).plan
        let targets = plan.keyIssues[0].objectives.map { $0.targets.map { [$0.text, $0.timescale] } }
        XCTAssertEqual(targets[0], [["All contracts monitored annually", "April 06 onwards"], ["Produce a procurement plan", "April 06"]])
        // Two items, three dates: which date is whose would be a guess, so it is one target.
        XCTAssertEqual(targets[1], [["Implement action plans -Promote LGBT History Month", "Jan.07 Sept.06 Feb.07"]])
        XCTAssertNil(plan.keyIssues[0].objectives[0].targets[0].due, "onwards is a start, not a deadline")
        XCTAssertEqual(plan.keyIssues[0].objectives[0].targets[0].leadOfficers, ["As above"])
    }

    func testWrappedCellsAndLooseOfficerLines() throws {
        let result = try run("""
        Plan
        Key Issue 1: Leadership
        Key Objectives\tTargets & Outcomes\tLead officers\tTime scale
        4. Promote commitment to diversity and inclusion\t-Produce branding guidelines\t\t
        \t\tRH\tReview
        and inclusion\t-In partnership ensure the website meets guidelines\tRH\tOct. 06
        \tin terms of plain English -Review the photo library\tRH.\tOct.06
        5. Secure regeneration\tSupport the areas\tDB\tOct 06
        \t\tAB\tOngoing
        """)
        let targets = result.plan.keyIssues[0].objectives[0].targets
        XCTAssertEqual(targets.map(\.text), ["Produce branding guidelines", "In partnership ensure the website meets guidelines in terms of plain English",
                                             "Review the photo library"])
        XCTAssertEqual(targets[0].leadOfficers, ["RH"])
        XCTAssertEqual(targets[0].timescale, "Review")
        XCTAssertEqual(targets[2].leadOfficers, ["RH"])
        XCTAssertEqual(result.report.remarks.map(\.line), [5])
        // The repeated "and inclusion" and the officer line beside a target that has its own are reported, not guessed.
        XCTAssertEqual(result.report.unplaced.map(\.line), [6, 9])
        XCTAssertEqual(result.report.unplaced.map(\.text), ["and inclusion", "AB | Ongoing"])
        XCTAssertTrue(result.plan.notes.contains { $0.contains("line 9") && $0.contains("AB | Ongoing") })
    }

    func testFlattenedTableIsReportedNotGuessed() throws {
        let result = try run("""
        Plan
        Key Issue 1: Leadership
        Key Objectives\tTargets & Outcomes\tLead officers\tTime scale
        Lead\tDo it\tGS\tAug 06
        Key Issue 2: Consultation and Partnership The Council has a 'Duty'. **Key Objectives Targets and Outcomes** Time Lead officers scale Support the Ensure GS Sept 06
        """)
        let issue = result.plan.keyIssues[1]
        XCTAssertEqual(issue.title, "Consultation and Partnership")
        XCTAssertEqual(issue.statement, "The Council has a 'Duty'.")
        XCTAssertEqual(issue.objectives.count, 0)
        XCTAssertEqual(result.report.unplaced.count, 1)
        XCTAssertEqual(result.report.unplaced[0].line, 5)
        XCTAssertTrue(result.report.unplaced[0].text.hasPrefix("**Key Objectives Targets and Outcomes**"))
        XCTAssertTrue(result.plan.notes[0].contains("flattened"))
    }

    func testTextBeforeTheFirstKeyIssueIsKept() throws {
        let result = try run("""
        Please note: copy targets into service plans.
        CHIEF EXECUTIVE DEPT. ACTION PLAN
        Key Issue 1: Leadership
        Key Objectives\tTargets & Outcomes\tLead officers\tTime scale
        Lead\tDo it\tGS\tAug 06
        """)
        XCTAssertEqual(result.plan.title, "CHIEF EXECUTIVE DEPT. ACTION PLAN")
        XCTAssertEqual(result.report.unplaced.map(\.text), ["Please note: copy targets into service plans."])
    }

    func testBadTables() {
        XCTAssertEqual(importError("Just some text\nwith no table at all\n")?.message.hasPrefix("no plan table found: it has no table"), true)
        XCTAssertEqual(importError("Plan\nKey Issue 1: A\nNo table here\n")?.message.hasPrefix("no table found"), true)
        let unknown = importError("Plan\nKey Issue 1: A\nKey Objectives\tTargets & Outcomes\tBudget\tLead officers\tTime scale\n")
        XCTAssertEqual(unknown?.line, 3)
        XCTAssertTrue(unknown?.message.contains("unknown column \"Budget\"") ?? false, unknown?.description ?? "")
        let missing = importError("Plan\nKey Issue 1: A\nKey Objectives\tTargets & Outcomes\tLead officers\n")
        XCTAssertEqual(missing?.line, 3)
        XCTAssertTrue(missing?.message.contains("no \"Time scale\" column") ?? false, missing?.description ?? "")
        // A table with no Key Issue heading is a flat plan (issue 9): one Key Issue named from the title.
        let flat = try? PlanImporter.importBytes(Array("Plan\nKey Objectives\tTargets & Outcomes\tLead officers\tTime scale\nA\tB\tC\tD\n".utf8), file: "plan.txt")
        XCTAssertEqual(flat?.plan.keyIssues.map(\.title), ["Plan"])
        XCTAssertEqual(flat?.plan.allTargets.map(\.text), ["B"])
    }
}
