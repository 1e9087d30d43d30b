@testable import ActionPlanCore
import XCTest

final class ImportHelpersTests: XCTestCase {
    func testSlug() {
        XCTAssertEqual(Slug.make("CHILDREN & LEARNING DRAFT EQUALITIES ACTION PLAN APRIL 2006 TO MARCH 2007"),
                       "children-learning-draft-equalities-action-plan-april-2006-to-march-2007")
        XCTAssertEqual(Slug.make("Chief Executive Dept. 2006/07"), "chief-executive-dept-2006-07")
        XCTAssertEqual(Slug.make("  The Council's Plan  "), "the-councils-plan")
        XCTAssertEqual(Slug.make("Équipe Égalité"), "equipe-egalite")
        XCTAssertEqual(Slug.make("–––"), "")
        let long = Slug.make(String(repeating: "word ", count: 40))
        XCTAssertLessThanOrEqual(long.count, 80)
        XCTAssertFalse(long.hasSuffix("-"))
        XCTAssertNil(PlanID.problem(with: long))
    }

    func testTimescaleItems() {
        XCTAssertEqual(TimescaleItems.split("April 06 onwards April 06"), ["April 06 onwards", "April 06"])
        XCTAssertEqual(TimescaleItems.split("Jan.07 Sept.06 Feb.07"), ["Jan.07", "Sept.06", "Feb.07"])
        XCTAssertEqual(TimescaleItems.split("Ongoing Oct. 06"), ["Ongoing", "Oct. 06"])
        XCTAssertEqual(TimescaleItems.split("Sept 06 Sept 06"), ["Sept 06", "Sept 06"])
        XCTAssertEqual(TimescaleItems.split("Aug 06"), ["Aug 06"])
        // Words that belong to no time scale: one item, nothing matched up.
        XCTAssertEqual(TimescaleItems.split("All Ongoing"), ["All Ongoing"])
        XCTAssertEqual(TimescaleItems.split("Oct.06 & 6 monthly"), ["Oct.06 & 6 monthly"])
        XCTAssertEqual(TimescaleItems.split("001.00"), ["001.00"])
        XCTAssertEqual(TimescaleItems.split(""), [])
    }

    func testBulletSegments() {
        let s = BulletText.segments("-All relevant contracts monitored -Produce departmental procurement plan")
        XCTAssertEqual(s.map(\.text), ["All relevant contracts monitored", "Produce departmental procurement plan"])
        XCTAssertTrue(s.allSatisfy(\.bullet))
        // A hyphen or a spaced dash inside a sentence is not a bullet.
        XCTAssertEqual(BulletText.segments("Social Care - monitor complaints").count, 1)
        XCTAssertEqual(BulletText.segments("CPA- Ensure delivery -Make it accessible").map(\.bullet), [false, true])
        XCTAssertEqual(BulletText.segments("• Actively engage").map(\.text), ["Actively engage"])
        XCTAssertEqual(BulletText.segments("in terms of plain English -Review the library").map(\.text),
                       ["in terms of plain English", "Review the library"])
        XCTAssertEqual(BulletText.clean("• Ensure gaps are closed. \u{F0B7} Audit plans"), "Ensure gaps are closed. Audit plans")
        XCTAssertEqual(BulletText.clean("-Improve X -Promote Y"), "Improve X -Promote Y")
        XCTAssertEqual(BulletText.clean("٠ Support groups"), "Support groups")
    }

    func testDocumentTitle() {
        XCTAssertEqual(DocumentTitle.period(in: "DRAFT EQUALITIES ACTION PLAN APRIL 2006 TO MARCH 2007")?.description, "Apr 2006 – Mar 2007")
        XCTAssertNil(DocumentTitle.period(in: "Equalities Action Plan"))
        XCTAssertEqual(DocumentTitle.asAt(in: "Outcomes Progress Report as at 21st January 2008")?.description, "2008-01-21")
    }

    func testInputRefusesWhatIsNotUTF8Text() {
        func error(_ bytes: [UInt8]) -> ImportError? {
            do { _ = try ImportInput.decode(bytes, file: "f.txt"); return nil } catch { return error }
        }
        XCTAssertEqual(error([])?.message, "the file is empty")
        XCTAssertEqual(error(Array(" \n\r\n\t\n".utf8))?.message, "the file is empty (only blank lines)")
        let nul = error(Array("line one\nline two\n".utf8) + [0x50, 0x4B, 0x00, 0x03])
        XCTAssertEqual(nul?.line, 3)
        XCTAssertTrue(nul?.description.hasPrefix("f.txt: line 3: contains a NUL byte") ?? false, nul?.description ?? "")
        let latin1 = error(Array("Caf".utf8) + [0xE9] + Array("\nok\n".utf8))
        XCTAssertEqual(latin1?.line, 1)
        XCTAssertTrue(latin1?.message.contains("not valid UTF-8 (byte 0xE9") ?? false)
        XCTAssertEqual(error([0x41, 0x0A, 0x0A, 0xC0, 0x80])?.line, 3, "overlong encoding")
        XCTAssertEqual(error([0xED, 0xA0, 0x80])?.line, 1, "surrogate")
        XCTAssertEqual(error([0xE2, 0x9C])?.line, 1, "truncated sequence")
        XCTAssertTrue(error([0xFF, 0xFE, 0x41, 0x00])?.message.contains("UTF-16") ?? false)
        XCTAssertEqual(try ImportInput.decode([0xEF, 0xBB, 0xBF] + Array("✓ ok".utf8), file: "f"), "✓ ok")
    }

    func testLinesAcceptEveryLineEnding() {
        XCTAssertEqual(ImportInput.lines("a\r\nb\rc\nd"), ["a", "b", "c", "d"])
        XCTAssertEqual(ImportInput.lines("a\n\nb\n"), ["a", "", "b"])
    }

    func testDetection() {
        XCTAssertEqual(PlanImporter.detect("\n\"Key Issue\",Objective,Target\n1,a,b\n"), .csv)
        XCTAssertEqual(PlanImporter.detect("Plan, for everyone\nKey Issue 1: X\n"), .text)
        XCTAssertEqual(PlanImporter.detect("Sales 1 (S1)\nAction x\nExpected outcome y\n"), .report)
        XCTAssertEqual(PlanImporter.detect("Month outcome to be completed in or by end of.\tExpected Outcome\n"), .report)
        XCTAssertEqual(PlanImporter.detect("PLAN\nKey Issue 1: A\nKey Objectives\tTargets\tLead officers\tTime scale\n"), .text)
    }
}
