@testable import actionplan
import ActionPlanCore
import ArgumentParser
import XCTest

/// The commands that change a plan, parsed in-process: options land where expected, bad combinations are
/// refused with exit 64 before anything is read.
final class ChangeCommandParseTests: XCTestCase {
    func testAddSubcommands() throws {
        let t = try parse(AddTarget.self, ["add", "target", "p/o3", "--text", "Train staff", "--lead", "GS/CSO", "--timescale", "Sept 26", "--after", "t4", "--by", "jo"])
        XCTAssertEqual(t.objective, "p/o3")
        XCTAssertEqual(t.lead, "GS/CSO")
        XCTAssertEqual(t.placement.destination(parent: "o3"), .after("t4"))
        XCTAssertEqual(t.byOption.by, "jo")
        let o = try parse(AddObjective.self, ["add", "objective", "p/k2", "--text", "x", "--code", "CCS9", "--expected", "y"])
        XCTAssertEqual(o.code, "CCS9")
        XCTAssertEqual(o.placement.destination(parent: "k2"), .end(of: "k2"))
        let k = try parse(AddIssue.self, ["add", "issue", "p", "--title", "Workforce", "--before", "p/k1"])
        XCTAssertEqual(k.placement.destination(parent: nil), .before("k1"))
        XCTAssertEqual(parseError(["add", "target", "p/o1", "--text", "x", "--before", "t1", "--after", "t2"]).code, 64)
        XCTAssertEqual(parseError(["add", "target", "p/o1"]).code, 64, "--text is required")
    }

    func testEditTakesOnlyWhatIsNamed() throws {
        let e = try parse(EditCommand.self, ["edit", "p/t3", "--timescale", "March 2009", "--lead", "GS/CSO"])
        XCTAssertEqual(e.fields.map(\.0), [.timescale, .leadOfficers])
        XCTAssertEqual(e.fields.last?.1, "GS\nCSO")
        let plan = try parse(EditCommand.self, ["edit", "p", "--title", "T", "--period", "2026-04..2027-03"])
        XCTAssertEqual(plan.fields.map(\.0), [.title, .period])
        XCTAssertTrue(parseError(["edit", "p/t3"]).message.contains("nothing to change"))
        XCTAssertEqual(parseError(["edit", "p/t3"]).code, 64)
    }

    func testMoveNeedsExactlyOneDestination() throws {
        XCTAssertEqual(try parse(MoveCommand.self, ["move", "p/t3", "--into", "p/o1"]).into, "p/o1")
        XCTAssertEqual(parseError(["move", "p/t3"]).code, 64)
        XCTAssertTrue(parseError(["move", "p/t3", "--before", "t1", "--into", "o1"]).message.contains("exactly one of --before, --after or --into"))
    }

    func testRemoveUndoOfficersRollover() throws {
        XCTAssertTrue(try parse(RemoveCommand.self, ["remove", "p/o2", "--yes"]).yes)
        XCTAssertEqual(try parse(UndoCommand.self, ["undo", "p"]).plan, "p")
        XCTAssertEqual(try parse(OfficersList.self, ["officers", "--plan", "p"]).plan, "p")
        let r = try parse(OfficersRename.self, ["officers", "rename", "Anne Fatcher", "Anne Futcher", "--plan", "p"])
        XCTAssertEqual([r.old, r.new], ["Anne Fatcher", "Anne Futcher"])
        let roll = try parse(RolloverCommand.self, ["rollover", "p", "--to", "p2", "--period", "2027-04..2028-03", "--keep-met", "--title", "Next"])
        XCTAssertTrue(roll.keepMet)
        XCTAssertEqual(roll.to, "p2")
        XCTAssertEqual(parseError(["rollover", "p", "--to", "p2"]).code, 64, "--period is required")
        let n = try parse(NewCommand.self, ["new", "p", "--title", "T", "--organisation", "Luton Borough Council", "--period", "2026-04..2027-03"])
        XCTAssertEqual(n.organisation, "Luton Borough Council")
    }
}
