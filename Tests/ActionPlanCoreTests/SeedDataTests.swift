import Foundation
import XCTest
@testable import ActionPlanCore

/// The five plans in data/, transcribed from the seed documents. The expected figures below were
/// counted by reading the seeds (/work/shared/seeds), not by counting the JSON, so a transcription
/// that drops, merges or splits a row, or misreads a status, fails here.
final class SeedDataTests: XCTestCase {
    private static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    private static let dataDir = repoRoot.appendingPathComponent("data")

    private struct Expected {
        var file: String
        var keyIssues: Int
        /// Objectives per Key Issue, in order.
        var objectives: [Int]
        /// Targets per Key Issue, in order.
        var targets: [Int]
        var met: Int, notMet: Int, partiallyMet: Int, notAssessed: Int
    }

    private static let expected: [Expected] = [
        // 000 (Children & Learning draft plan, no progress: all notAssessed).
        // KI1: objectives 1-5; obj 1 one row, obj 2 three rows (CSO Ongoing; GS April 06; GS/CB April 06),
        //      obj 3 one, obj 4 one, obj 5 one (the CYPB priority list row) = 7.
        // KI2 (flattened paragraph): obj 1 one target (GS Sept 06); obj 2 four (consultation strategy
        //      NP/CB June 06; list events NP/CB; Being Young in Luton April 06; Youth Service review NC July 06) = 5.
        // KI3: "Inform Service improvement" 2 (Aug 06, Sept 06); obj 2 two (GH/ZA Nov 06, ZA Oct 06 after the
        //      page break); obj 3 four (DC, AF, CSO, CB); hate crime obj one (CB/JT); obj 5 two (DB Oct 06 and
        //      the AB Ongoing row = Youth Offending) = 11.
        // KI4: obj 1 four (BV11a, BV11b, BV16, BV17); obj 2 one (CW, Sept 06 Sept 06); obj 3 one (cso) = 6.
        Expected(file: "luton-children-learning-2006-07", keyIssues: 4,
                 objectives: [5, 2, 5, 3], targets: [7, 5, 11, 6],
                 met: 0, notMet: 0, partiallyMet: 0, notAssessed: 29),
        // 001 (Chief Executive Dept. draft plan, all notAssessed).
        // KI1: obj 1 one (three dates, one target); obj 2 two ("April 06 onwards" / "April 06");
        //      obj 3 one; obj 4 four (media releases; branding RH Review; website ВП; photo library RH.) = 8.
        // KI2: obj 1 three rows (VG; NP, NP & H of S, All H of S); obj 2 six rows (GB, AII, All, NP & H of S,
        //      JH & GB, NP & VG) = 9.
        // KI3: obj 1 four (All H of S SA; JI, JH; JH 001.00; the DES item ending on the "All" line);
        //      obj 2 three (VG; RN/JC VG/RN/JC; All); obj 3 one (VG/PC) = 8.
        // KI4: three objectives, one row each = 3.
        Expected(file: "luton-chief-executive-2006-07", keyIssues: 4,
                 objectives: [4, 2, 3, 3], targets: [8, 9, 8, 3],
                 met: 0, notMet: 0, partiallyMet: 0, notAssessed: 28),
        // 004 (Disability Equality progress report): one target per month row, continuation rows with an
        // empty month included, page-break fragments not counted.
        // CCS1 5 rows (✓ ✓ X ✓ X), CCS2 6 (✓ ✓ X ✓ X X), CCS3 2 (X X) = 13;
        // CE1 4 (✓ ✓ X X);
        // CL1 1 (✓), CL2 2 (✓ ✓), CL3 2 (✓ ✓), CL4 1 (✓), CL5 4 (✓ ✓ ✓ ✓), CL6 1 (✓), CL7 1 (blank) = 12;
        // ER1 1 (✓), ER2 1 (X), ER3 2 (✓ ✓), ER4 1 (✓) = 5;
        // HCL1 6 (X ×6), HCL2 7 (✓ ✓ X ✓ X x blank), HCL3 1 (X),
        // HCL4 7 (Partially met, ✓, X, X, blank, blank, blank) = 21.
        // ✓ 27 (46 in the file minus 19 column headers), X/x 22, Partially met 1, blank 5.
        Expected(file: "luton-disability-equality-2008", keyIssues: 5,
                 objectives: [3, 1, 7, 4, 4], targets: [13, 4, 12, 5, 21],
                 met: 27, notMet: 22, partiallyMet: 1, notAssessed: 5),
        // 002 (Kent CFE progress report): Key Issues = EFLG areas 2.1-2.5 plus 3.1 Future developments,
        // one objective each, one target per bullet: 2.1 4, 2.2 2, 2.3 4, 2.4 5, 2.5 3, 3.1 6.
        // met (done): 2.1 4th, 2.2 1st, 2.3 1st/2nd/4th, 2.4 3rd, 2.5 1st/2nd = 8;
        // partiallyMet (under way or part done): 2.1 1st/2nd/3rd, 2.4 1st/2nd/4th/5th, 2.5 3rd = 8;
        // notAssessed (planned/proposed): 2.2 2nd ("will consider"), 2.3 3rd ("are planning"), 3.1 ×6 = 8.
        Expected(file: "kent-cfe-equalities-2008-10", keyIssues: 6,
                 objectives: [1, 1, 1, 1, 1, 1], targets: [4, 2, 4, 5, 3, 6],
                 met: 8, notMet: 0, partiallyMet: 8, notAssessed: 8),
        // 003 (Cumbria progress report): KI1 = 4.2 Equality Impact Assessments (one objective, one target);
        // KI2 = Equality Objectives 4.3.1-4.3.6 (six objectives; 4.3.3 has three targets: Reading, Writing,
        // Mathematics; the rest one each = 8). The report states no objective as met or not met.
        Expected(file: "cumbria-childrens-services-2012-13", keyIssues: 2,
                 objectives: [1, 6], targets: [1, 8],
                 met: 0, notMet: 0, partiallyMet: 0, notAssessed: 9),
    ]

    private func load(_ id: String) throws -> Plan {
        try PlanFile.load(from: Self.dataDir.appendingPathComponent(id + ".json"))
    }

    private func target(_ plan: Plan, _ id: String, file: StaticString = #filePath, line: UInt = #line) throws -> Target {
        try XCTUnwrap(plan.allTargets.first { $0.id == id }, "\(plan.id): no target \(id)", file: file, line: line)
    }

    // MARK: - Every file

    func testEveryDataFileLoadsAndThereAreExactlyFive() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.dataDir.path)
            .filter { $0.hasSuffix(".json") }.sorted()
        XCTAssertEqual(names.count, 5, "data/ holds \(names)")
        XCTAssertEqual(Set(names.map { String($0.dropLast(5)) }), Set(Self.expected.map(\.file)))
        for name in names {
            let url = Self.dataDir.appendingPathComponent(name)
            XCTAssertNoThrow(try PlanFile.load(from: url), name)
            let plan = try PlanFile.load(from: url)
            XCTAssertEqual(plan.id + ".json", name)
            XCTAssertFalse(plan.title.isEmpty, name)
            XCTAssertTrue(plan.source.hasSuffix(".txt"), name)
            XCTAssertFalse(plan.notes.isEmpty, "\(name): repairs and decisions are recorded in notes")
        }
    }

    func testFilesAreWrittenExactlyAsTheProgramWritesThem() throws {
        for e in Self.expected {
            let url = Self.dataDir.appendingPathComponent(e.file + ".json")
            let bytes = Array(try Data(contentsOf: url))
            XCTAssertEqual(PlanFile.encode(try PlanFile.load(from: url)), bytes, "\(e.file): saving unchanged would rewrite the file")
        }
    }

    func testCountsMatchTheSeeds() throws {
        for e in Self.expected {
            let plan = try load(e.file)
            XCTAssertEqual(plan.keyIssues.count, e.keyIssues, e.file)
            XCTAssertEqual(plan.keyIssues.map(\.number), Array(1...e.keyIssues), e.file)
            XCTAssertEqual(plan.keyIssues.map(\.objectives.count), e.objectives, "\(e.file) objectives per Key Issue")
            XCTAssertEqual(plan.keyIssues.map { $0.objectives.reduce(0) { $0 + $1.targets.count } }, e.targets,
                           "\(e.file) targets per Key Issue")
            let all = plan.allTargets
            XCTAssertEqual(all.count, e.targets.reduce(0, +), e.file)
            XCTAssertEqual(all.filter { $0.status == .met }.count, e.met, "\(e.file) met")
            XCTAssertEqual(all.filter { $0.status == .notMet }.count, e.notMet, "\(e.file) notMet")
            XCTAssertEqual(all.filter { $0.status == .partiallyMet }.count, e.partiallyMet, "\(e.file) partiallyMet")
            XCTAssertEqual(all.filter { $0.status == .notAssessed }.count, e.notAssessed, "\(e.file) notAssessed")
            // Ids t1, t2, … in document order; the next new id follows the last.
            XCTAssertEqual(all.map(\.id), (1...all.count).map { "t\($0)" }, e.file)
            XCTAssertEqual(plan.nextTargetId, all.count + 1, e.file)
            for o in plan.keyIssues.flatMap(\.objectives) { XCTAssertFalse(o.text.isEmpty, e.file) }
            for t in all { XCTAssertFalse(t.text.isEmpty, "\(e.file) \(t.id)") }
        }
    }

    // MARK: - Spot checks

    func testChildrenAndLearning() throws {
        let plan = try load("luton-children-learning-2006-07")
        XCTAssertEqual(plan.period?.description, "Apr 2006 – Mar 2007")
        XCTAssertEqual(plan.keyIssues.map(\.title), [
            "Leadership and Corporate Commitment",
            "Consultation, Community Development and Partnership",
            "Service Delivery and Customer Care",
            "Employment and Training",
        ])
        XCTAssertTrue(plan.allTargets.allSatisfy { $0.comment.isEmpty && $0.forecast.isEmpty })

        let t1 = try target(plan, "t1")
        XCTAssertEqual(t1.text, "Implement action plans on the 2005/06 equality impact assessments and publish results of consultations and assessments.")
        XCTAssertEqual(t1.leadOfficers, ["GS", "CSO"])
        XCTAssertEqual(t1.timescale, "Aug 06")
        XCTAssertEqual(t1.due?.description, "2006-08-31")
        XCTAssertEqual(plan.keyIssues[0].objectives[0].number, 1)

        let t5 = try target(plan, "t5")
        XCTAssertEqual(t5.leadOfficers, ["GS", "CSO", "KG"])
        XCTAssertEqual(t5.timescale, "May 06 April 06")
        XCTAssertEqual(t5.due?.description, "2006-04-30")

        let t6 = try target(plan, "t6")
        XCTAssertEqual(t6.leadOfficers, ["JC", "PCT"])
        XCTAssertEqual(t6.timescale, "All Ongoing")
        XCTAssertNil(t6.due)

        // Key Issue 2 was flattened; its first row rebuilt.
        let t8 = try target(plan, "t8")
        XCTAssertEqual(plan.keyIssues[1].objectives[0].text, "Support the development and sustainability of the voluntary and community sectors")
        XCTAssertEqual(t8.leadOfficers, ["GS"])
        XCTAssertEqual(t8.timescale, "Sept 06")
        XCTAssertEqual(t8.due?.description, "2006-09-30")

        // Cyrillic "СВ" read as CB; unnumbered objective has no number.
        let t20 = try target(plan, "t20")
        XCTAssertTrue(t20.text.hasPrefix("Monitor following PIs: PAF E45"))
        XCTAssertEqual(t20.leadOfficers, ["CB"])
        XCTAssertEqual(t20.timescale, "Quarterly")
        XCTAssertNil(t20.due)
        XCTAssertNil(plan.keyIssues[2].objectives[0].number)

        // BV lines: "x / y" is current / target.
        let bv11a = try XCTUnwrap(try target(plan, "t24").measure)
        XCTAssertEqual(bv11a.unit, "%")
        XCTAssertEqual(bv11a.baseline, 52.5)
        XCTAssertEqual(bv11a.target, 55)
        XCTAssertEqual(bv11a.better, .higher)
        let bv17 = try XCTUnwrap(try target(plan, "t27").measure)
        XCTAssertEqual(bv17.baseline, 25)
        XCTAssertEqual(bv17.target, 28)
        XCTAssertEqual(try target(plan, "t27").leadOfficers, ["WC"])

        XCTAssertEqual(try target(plan, "t29").leadOfficers, ["CSO"])  // printed "cso"
    }

    func testChiefExecutive() throws {
        let plan = try load("luton-chief-executive-2006-07")
        let t1 = try target(plan, "t1")
        XCTAssertEqual(t1.leadOfficers, ["VG", "JH", "JI", "RK", "GB"])
        XCTAssertEqual(t1.timescale, "Jan.07 Sept.06 Feb.07")
        XCTAssertEqual(t1.due?.description, "2006-09-30")
        // "As above" resolved; "April 06 onwards" names a start, not a deadline.
        let t2 = try target(plan, "t2")
        XCTAssertEqual(t2.leadOfficers, ["VG", "JH", "JI", "RK", "GB"])
        XCTAssertEqual(t2.timescale, "April 06 onwards")
        XCTAssertNil(t2.due)
        XCTAssertEqual(try target(plan, "t3").due?.description, "2006-04-30")
        // "4. Dramata the Councille" repaired from the line below it.
        let objective4 = plan.keyIssues[0].objectives[3]
        XCTAssertEqual(objective4.number, 4)
        XCTAssertEqual(objective4.text, "Promote the Council's commitment to achieving equality, diversity, cohesion and inclusion")
        XCTAssertEqual(try target(plan, "t5").leadOfficers, ["RH", "H of S"])
        XCTAssertEqual(try target(plan, "t6").timescale, "Review")
        XCTAssertEqual(try target(plan, "t8").leadOfficers, ["RH"])
        // "AII" -> All; "All H of S" stays whole.
        XCTAssertEqual(try target(plan, "t11").leadOfficers, ["All H of S"])
        XCTAssertEqual(try target(plan, "t13").leadOfficers, ["All"])
        XCTAssertEqual(try target(plan, "t13").timescale, "May 06")
        XCTAssertEqual(try target(plan, "t17").timescale, "March 2007")
        XCTAssertEqual(try target(plan, "t17").due?.description, "2007-03-31")
        // Key Issue 3's unreadable time scale is kept as written, with no due date.
        let t20 = try target(plan, "t20")
        XCTAssertEqual(t20.text, "Review and ensure disabled access to elections and polling stations")
        XCTAssertEqual(t20.timescale, "001.00")
        XCTAssertNil(t20.due)
        XCTAssertEqual(try target(plan, "t21").text, "Use the Disability Equality Scheme to ensure that priorities of disabled people are included in service development")
        XCTAssertEqual(try target(plan, "t26").leadOfficers, ["JH", "JI", "GB", "RH", "VG"])
        let t28 = try target(plan, "t28")
        XCTAssertEqual(t28.leadOfficers, ["JH", "JI", "GB", "RH", "VG"])  // "All as above"
        XCTAssertEqual(t28.timescale, "Oct.06 & 6 monthly")
        XCTAssertEqual(t28.due?.description, "2006-10-31")
    }

    func testDisabilityEqualityProgressReport() throws {
        let plan = try load("luton-disability-equality-2008")
        XCTAssertEqual(plan.asAt?.description, "2008-01-21")
        XCTAssertEqual(plan.keyIssues.map(\.title), [
            "Customer and Corporate Services", "Chief Executives Department", "Children and Learning",
            "Environment & Regeneration", "Housing and Community Living",
        ])
        XCTAssertEqual(plan.keyIssues.flatMap(\.objectives).map { $0.code ?? "" }, [
            "CCS1", "CCS2", "CCS3", "CE1", "CL1", "CL2", "CL3", "CL4", "CL5", "CL6", "CL7",
            "ER1", "ER2", "ER3", "ER4", "HCL1", "HCL2", "HCL3", "HCL4",
        ])
        let ccs1 = plan.keyIssues[0].objectives[0]
        XCTAssertEqual(ccs1.text, "Undertake a review of procurement and existing contracts to ensure that appropriate action is taken so enabling the Authority to meet its duties")
        XCTAssertEqual(ccs1.expectedOutcome, "Procurement and contracts reviewed, actions identified and incorporated into an action plan for inclusion in revised DES")

        // CCS1's first row.
        let t1 = try target(plan, "t1")
        XCTAssertEqual(t1.text, "All existing corporate contracts reviewed. Report on progress")
        XCTAssertEqual(t1.leadOfficers, ["Corporate Procurement Manager"])
        XCTAssertEqual(t1.timescale, "March 2008")
        XCTAssertEqual(t1.due?.description, "2008-03-31")
        XCTAssertEqual(t1.status, .met)
        XCTAssertEqual(t1.comment, "Major contracts reviewed")
        XCTAssertEqual(t1.forecast, "")

        // CCS1 May 2008: split across a page break, joined.
        let t3 = try target(plan, "t3")
        XCTAssertEqual(t3.text, "All new contracts or contract renewals assessed and fit for purpose Report on major contracts and findings or implications.")
        XCTAssertEqual(t3.status, .notMet)
        XCTAssertEqual(t3.comment, "As per contract renewal timetable and information obtained from Departments")

        // CCS2: a row with an empty month continues March 2008.
        let t8 = try target(plan, "t8")
        XCTAssertEqual(t8.text, "Discuss recruitment process and outcome of survey with Disability Challenge Champions")
        XCTAssertEqual(t8.timescale, "March 2008")
        XCTAssertEqual(t8.status, .notMet)
        XCTAssertEqual(try target(plan, "t9").comment, "Taken to DAAF 5th June")

        // CL1: a name with its role is one officer.
        XCTAssertEqual(try target(plan, "t18").leadOfficers, ["Jo Fisher, Service Manager for children with disabilities"])
        // CL7: blank status.
        let t29 = try target(plan, "t29")
        XCTAssertEqual(t29.status, .notAssessed)
        XCTAssertEqual(t29.timescale, "December 2009")

        // ER4: "Feb 008".
        let t34 = try target(plan, "t34")
        XCTAssertEqual(t34.timescale, "Feb 008")
        XCTAssertEqual(t34.due?.description, "2008-02-29")
        XCTAssertEqual(t34.leadOfficers, ["Paul Barton"])

        // HCL1's first row: four officers.
        let t35 = try target(plan, "t35")
        XCTAssertEqual(t35.leadOfficers, ["Trevor Morrow", "Michael McMahon", "Seona Gordon", "Sandra Legate"])
        XCTAssertEqual(t35.status, .notMet)
        // HCL2 December 2008: lower-case "x".
        let t46 = try target(plan, "t46")
        XCTAssertEqual(t46.leadOfficers, ["Head of Culture Trust", "Trust Managers"])
        XCTAssertEqual(t46.status, .notMet)
        // HCL4 April 2008: "Partially met".
        let t49 = try target(plan, "t49")
        XCTAssertEqual(t49.status, .partiallyMet)
        XCTAssertEqual(t49.comment, "In Planning Stage for Adult Social Care/begun for Housing")
        // HCL4's last row: empty month continues March 2009.
        let t55 = try target(plan, "t55")
        XCTAssertEqual(t55.timescale, "March 2009")
        XCTAssertEqual(t55.due?.description, "2009-03-31")
        XCTAssertEqual(t55.forecast, "Report to April DAAF meeting")
    }

    func testKentProgressReport() throws {
        let plan = try load("kent-cfe-equalities-2008-10")
        XCTAssertEqual(plan.asAt?.description, "2009-01-16")
        XCTAssertEqual(plan.keyIssues.map(\.title), [
            "Knowing your community", "Place shaping, leadership and partnership",
            "Community engagement and satisfaction", "Responsive services and customer care",
            "A modern and diverse workforce", "Future developments",
        ])
        let t1 = try target(plan, "t1")
        XCTAssertEqual(t1.leadOfficers, ["Commissioning", "Strategy, Policy and Performance"])
        XCTAssertEqual(t1.timescale, "December 2008")
        XCTAssertEqual(t1.due?.description, "2008-12-31")
        XCTAssertEqual(try target(plan, "t4").status, .met)          // "have improved"
        XCTAssertEqual(try target(plan, "t3").status, .partiallyMet) // "are working on"
        XCTAssertEqual(try target(plan, "t6").status, .notAssessed)  // "will consider a proposal"
        XCTAssertEqual(try target(plan, "t6").leadOfficers, ["KCT"])
        XCTAssertEqual(try target(plan, "t7").leadOfficers, ["Strategy, Policy and Performance"])   // "Strategy Policy & Performance division"
        XCTAssertEqual(try target(plan, "t8").leadOfficers, ["Strategy, Policy and Performance"])   // "SPP"
        XCTAssertTrue(plan.keyIssues[5].objectives.flatMap(\.targets).allSatisfy { $0.status == .notAssessed })
        XCTAssertTrue(plan.allTargets.filter { $0.id != "t1" }.allSatisfy { $0.timescale.isEmpty })
    }

    func testCumbriaProgressReport() throws {
        let plan = try load("cumbria-childrens-services-2012-13")
        XCTAssertEqual(plan.asAt?.description, "2013-01-28")
        XCTAssertEqual(plan.period?.description, "Apr 2012 – Mar 2013")
        XCTAssertEqual(plan.keyIssues.map(\.title), ["Equality Impact Assessments", "Equality Objectives"])
        XCTAssertEqual(plan.keyIssues[1].objectives.map { $0.code ?? "" }, ["4.3.1", "4.3.2", "4.3.3", "4.3.4", "4.3.5", "4.3.6"])

        let training = try target(plan, "t2")
        XCTAssertEqual(training.text, "75% of all staff to have at least one method of equality training by 31 March 2013 (Corporate objective)")
        XCTAssertEqual(training.timescale, "31 March 2013")
        XCTAssertEqual(training.due?.description, "2013-03-31")
        let m = try XCTUnwrap(training.measure)
        XCTAssertEqual(m.unit, "%")
        XCTAssertEqual(m.target, 75)
        XCTAssertEqual(m.actual, 16.3)
        XCTAssertEqual(m.better, .higher)

        let grt = try XCTUnwrap(try target(plan, "t3").measure)
        XCTAssertEqual(grt.baseline, 12.4)
        XCTAssertEqual(grt.actual, 47)
        XCTAssertEqual(grt.better, .higher)

        let reading = try target(plan, "t4"), writing = try target(plan, "t5"), maths = try target(plan, "t6")
        XCTAssertEqual([reading.text, writing.text, maths.text], ["Reading", "Writing", "Mathematics"])
        XCTAssertEqual(reading.measure?.baseline, 9)
        XCTAssertEqual(reading.measure?.actual, 7)
        XCTAssertEqual(reading.measure?.better, .lower)
        XCTAssertEqual(writing.measure?.baseline, 12)
        XCTAssertEqual(writing.measure?.actual, 9)
        XCTAssertEqual(writing.measure?.better, .lower)
        XCTAssertNil(maths.measure?.baseline)
        XCTAssertEqual(maths.measure?.actual, 2)
        XCTAssertEqual(maths.measure?.better, .lower)

        XCTAssertTrue(try target(plan, "t9").comment.contains("37% ethnicity; 60% religion and belief"))
    }
}
