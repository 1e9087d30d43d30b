@testable import ActionPlanCore
import XCTest

final class ImportCSVTests: XCTestCase {
    private func importError(_ text: String) -> ImportError? {
        do { _ = try ImportFixtures.importCSV(text); return nil } catch let e as ImportError { return e } catch { return nil }
    }

    /// export → import gives back every Key Issue, objective and target field (ids, officers, time
    /// scales, due, statuses, comments, forecasts, measures), with and without a BOM.
    func testRoundTripEveryPlanInData() throws {
        let plans = try ImportFixtures.dataPlans()
        XCTAssertFalse(plans.isEmpty, "no plans in \(ImportFixtures.dataDirectory)")
        for plan in plans {
            for bom in [false, true] {
                let csv = PlanCSVExporter.render(plan, byteOrderMark: bom)
                XCTAssertEqual(csv.hasPrefix("\u{FEFF}"), bom)
                XCTAssertTrue(csv.contains("\r\n"), "Excel-style CRLF line ends")
                let result = try ImportFixtures.importCSV(csv, file: "\(plan.id).csv")
                XCTAssertEqual(result.format, .csv)
                XCTAssertEqual(result.report, ImportReport(), "\(plan.id): nothing left over")
                XCTAssertEqual(result.plan.keyIssues.count, plan.keyIssues.count)
                for (a, b) in zip(result.plan.keyIssues, plan.keyIssues) {
                    XCTAssertEqual(a, b, "\(plan.id) Key Issue \(b.number) (bom: \(bom))")
                }
                XCTAssertEqual(result.plan.nextTargetId, plan.allTargets.compactMap { TargetID.number(in: $0.id) }.max()! + 1)
            }
        }
    }

    func testRoundTripOfProgressAndOddShapes() throws {
        var plan = Plan(id: "odd", title: "Odd")
        var issue = KeyIssue(number: 3, title: "Service, Delivery", statement: "Line one\nline \"two\"")
        var objective = Objective(number: nil, code: "CL7", text: "Do, then review", expectedOutcome: "Better")
        var target = Target(id: "t9", text: "Report, with \"quotes\"\nand a new line", leadOfficers: ["Jo Fisher, Service Manager", "Service Manager/Team Leader"],
                            timescale: "Oct.06 & 6 monthly", due: Day(iso: "2006-10-31"), status: .partiallyMet)
        target.comment = "Taken to DAAF; see minutes"
        target.forecast = "Met by March\r\n2009"
        target.measure = Measure(unit: "%", baseline: 7, target: 11.5, actual: 9.09, better: .higher)
        objective.targets = [target]
        var single = Target(id: "t2", text: "One officer with a slash", leadOfficers: ["RN/JC"], timescale: "", status: .met)
        single.due = Day(iso: "2007-01-31") // set by hand: wins over the (blank) time scale
        objective.targets.append(single)
        issue.objectives = [objective, Objective(number: 2, text: "No targets yet")]
        plan.keyIssues = [issue, KeyIssue(number: 4, title: "Empty")]
        let back = try ImportFixtures.importCSV(PlanCSVExporter.render(plan)).plan
        var expected = plan.withIds().keyIssues
        expected[0].objectives[0].targets[0].forecast = "Met by March\n2009" // a CRLF in a cell is a line break
        XCTAssertEqual(back.keyIssues, expected)
        XCTAssertEqual(back.nextTargetId, 10)
    }

    func testExcelStyleQuotingCommasNewlinesAndCRLF() throws {
        let csv = "\u{FEFF}\"Key Issue\",\"Objective\",\"Target\",\"Lead officers\",\"Time scale\",\"Status\",\"Comment\"\r\n"
            + "\"1. Leadership\",\"Improve, and promote\",\"Publish results, then review\",\"GS/CSO\",\"Aug 06\",\"✓\",\"Line one\r\nLine two\"\r\n"
            + ",,\"Second target\",CSO,Ongoing,x,\r\n"
            + "\"2. Consultation\",Support groups,\"Say \"\"hello\"\"\",,,,\r\n"
        let result = try ImportFixtures.importCSV(csv)
        let plan = result.plan
        XCTAssertEqual(plan.keyIssues.map(\.number), [1, 2])
        XCTAssertEqual(plan.keyIssues.map(\.title), ["Leadership", "Consultation"])
        let targets = plan.keyIssues[0].objectives[0].targets
        XCTAssertEqual(plan.keyIssues[0].objectives[0].text, "Improve, and promote")
        XCTAssertEqual(targets.map(\.text), ["Publish results, then review", "Second target"])
        XCTAssertEqual(targets[0].leadOfficers, ["GS", "CSO"])
        XCTAssertEqual(targets[0].due?.description, "2006-08-31")
        XCTAssertEqual(targets.map(\.status), [.met, .notMet])
        XCTAssertEqual(targets[0].comment, "Line one\nLine two")
        XCTAssertEqual(plan.keyIssues[1].objectives[0].targets[0].text, "Say \"hello\"")
        XCTAssertEqual(plan.allTargets.map(\.id), ["t1", "t2", "t3"])
        XCTAssertEqual(plan.nextTargetId, 4)
        // Plain LF and no BOM read the same.
        let lf = csv.dropFirst().replacingOccurrences(of: "\r\n", with: "\n")
        XCTAssertEqual(try ImportFixtures.importCSV(String(lf)).plan.keyIssues, plan.keyIssues)
    }

    func testSynonymsSeparateNumbersAndSortedRows() throws {
        let csv = """
        key issue no,KEY ISSUE,Key Objectives,Targets & Outcomes,Lead Officer,Timescale,Met,Comments,Forecast,ID
        2,Consultation,Support groups,Review forums,VG; NP,Sept. 06,partially met,,,t7
        1,Leadership,Improve,Publish,GS,Aug 06,,,,t3
        2,Consultation,Support groups,Take the lead,NP & H of S,Sept. 06,Not met,late,by May,
        1,,Improve,Review,GS,Oct 06,met,,,t3
        """
        let result = try ImportFixtures.importCSV(csv)
        let plan = result.plan
        XCTAssertEqual(plan.keyIssues.map(\.number), [2, 1])
        XCTAssertEqual(plan.keyIssues[0].objectives.count, 1)
        XCTAssertEqual(plan.keyIssues[0].objectives[0].targets.map(\.text), ["Review forums", "Take the lead"])
        XCTAssertEqual(plan.keyIssues[0].objectives[0].targets.map(\.leadOfficers), [["VG", "NP"], ["NP", "H of S"]])
        XCTAssertEqual(plan.keyIssues[0].objectives[0].targets.map(\.status), [.partiallyMet, .notMet])
        // Kept ids stay; a missing or repeated id gets the next free number, and the repeat is reported.
        XCTAssertEqual(plan.allTargets.map(\.id), ["t7", "t8", "t3", "t9"])
        XCTAssertEqual(plan.nextTargetId, 10)
        XCTAssertEqual(result.report.remarks.map(\.line), [5])
    }

    func testBadCSV() {
        let unknown = importError("Key Issue,Objective,Target,Budget,Owner\n1,a,b,c,d\n")
        XCTAssertEqual(unknown?.line, 1)
        XCTAssertTrue(unknown?.message.contains("unknown columns \"Budget\" (column 4), \"Owner\" (column 5); accepted names: Key Issue No, Key Issue,") ?? false,
                      unknown?.description ?? "")
        let missing = importError("Key Issue,Objective,Lead officers\n1,a,GS\n")
        XCTAssertTrue(missing?.message.contains("missing required column \"Target\"") ?? false, missing?.description ?? "")
        let headerOnly = importError("Key Issue,Objective,Target\r\n")
        XCTAssertTrue(headerOnly?.message.contains("no plan rows") ?? false)
        // Line numbers count the lines inside quoted cells.
        let status = importError("Key Issue,Objective,Target,Status\n1,a,\"two\nlines\",met\n1,a,c,finished\n")
        XCTAssertEqual(status?.line, 4)
        XCTAssertTrue(status?.message.contains("unknown status \"finished\"") ?? false)
        XCTAssertEqual(importError("Key Issue,Objective,Target\n,a,b\n")?.line, 2)
        XCTAssertEqual(importError("Key Issue,Objective,Target,Due\n1,a,b,someday\n")?.line, 2)
        XCTAssertEqual(importError("Key Issue,Objective,Target,Target\n1,a,b,c\n")?.message.contains("appears twice"), true)
        // An unclosed quote would swallow the rest of the file into one cell.
        let quote = importError("Key Issue,Objective,Target\n1,a,b\n1,a,\"never closed\n1,a,c\n")
        XCTAssertEqual(quote?.line, 3)
        XCTAssertTrue(quote?.message.contains("never closed") ?? false)
    }
}
