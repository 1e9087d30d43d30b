import ActionPlanCore
import Foundation
import XCTest

/// The commands that change a plan, through the binary: what they print, their exit codes, and that a
/// refused change leaves the file byte for byte as it was.
final class ChangeCommandTests: ScratchPlanTestCase {
    @discardableResult
    private func run(_ arguments: [String]) throws -> CLI.Result {
        try CLI.run(arguments + ["--data", dir], environment: ["ACTIONPLAN_USER": "ed"])
    }

    private var file: String { CLI.read("\(dir)/\(plan).json") }

    func testInACLocaleTheChangeArrowIsASCII() throws {
        let c = ["LANG": "C", "LC_ALL": "C", "ACTIONPLAN_USER": "ed"]
        let set = try CLI.run(["set", "\(plan)/t1", "met", "--data", dir], environment: c)
        XCTAssertEqual(set.status, 0, set.stderr)
        XCTAssertTrue(set.stdout.contains("\(plan)/t1: [ ] Not assessed -> [Y] Met"), set.stdout)
        let history = try CLI.run(["history", plan, "--data", dir], environment: c)
        XCTAssertTrue(history.stdout.contains("[ ] Not assessed -> [Y] Met"), history.stdout)
        for text in [set.stdout, history.stdout] { XCTAssertTrue(text.unicodeScalars.allSatisfy(\.isASCII), text) }
    }

    func testBuildAPlanFromNothingThenUndoEachStep() throws {
        XCTAssertEqual(try run(["new", "demo", "--title", "Demo", "--period", "2026-04..2027-03"]).status, 0)
        XCTAssertEqual(try run(["add", "issue", "demo", "--title", "Leadership"]).stdout.split(separator: "\n").last, "demo/k1")
        XCTAssertEqual(try run(["add", "objective", "demo/k1", "--text", "Lead well"]).stdout.split(separator: "\n").last, "demo/o1")
        let added = try run(["add", "target", "demo/o1", "--text", "Train staff", "--lead", "GS/CSO", "--timescale", "Sept 26"])
        XCTAssertEqual(added.stdout.split(separator: "\n").last, "demo/t1")
        XCTAssertTrue(CLI.read("\(dir)/demo.json").contains("\"due\": \"2026-09-30\""))
        let edit = try run(["edit", "demo/t1", "--timescale", "March 2027"])
        XCTAssertTrue(edit.stdout.contains("demo/t1: timescale \"Sept 26\" → \"March 2027\""), edit.stdout)
        XCTAssertTrue(CLI.read("\(dir)/demo.json").contains("\"due\": \"2027-03-31\""), "the due date follows the time scale")
        XCTAssertTrue(try run(["undo", "demo"]).stdout.contains("timescale \"March 2027\" → \"Sept 26\" (undo)"))
        XCTAssertTrue(try run(["undo", "demo"]).stdout.contains("demo/t1: removed"), "then the add")
        XCTAssertTrue(try run(["history", "demo"]).stdout.contains("removed"))
    }

    func testRefusalsHaveTheirExitCodesAndWriteNothing() throws {
        let before = file
        let cases: [([String], Int32, String)] = [
            (["add", "target", "\(plan)/t1", "--text", "x"], 64, "cannot add a target: \"t1\" is a target, expected an objective"),
            (["move", "\(plan)/o1", "--into", "\(plan)/o1"], 64, "cannot move \"o1\" into itself"),
            (["remove", "\(plan)/o1"], 1, "is an objective with 1 target; remove it with all of them with --yes"),
            (["edit", "\(plan)/t1", "--text", ""], 64, "the text of \"t1\" must not be empty"),
            (["edit", "\(plan)/k9", "--title", "x"], 2, "no Key Issue, objective or target \"k9\""),
            (["edit", "\(plan)/t1/x", "--text", "x"], 64, "is not an address"),
            (["edit", "nosuch/t1", "--text", "x"], 2, "no plan with id \"nosuch\""),
            (["edit", "\(plan)/k1", "--timescale", "May 07"], 64, "a Key Issue has no field timescale"),
            (["new", plan, "--title", "Again"], 1, "already exists"),
            (["officers", "rename", "Nobody at all", "X"], 2, "no target names \"Nobody at all\""),
        ]
        for (arguments, code, message) in cases {
            let r = try run(arguments)
            XCTAssertEqual(r.status, code, "\(arguments): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains(message), "\(arguments): \(r.stderr)")
            XCTAssertEqual(file, before, "\(arguments) changed the file")
        }
    }

    func testUnreadableTimescaleIsAWarningNotARefusal() throws {
        let r = try run(["edit", "\(plan)/t1", "--timescale", "when the budget allows"])
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("warning: the time scale \"when the budget allows\" of t1 names no date"), r.stderr)
    }

    func testRemoveWithYesAndUndoGivesTheSameTargetsBack() throws {
        let before = try XCTUnwrap(PlanFile.decode(Array(file.utf8), file: plan, expectedID: plan).loaded?.plan)
        XCTAssertEqual(try run(["remove", "\(plan)/k1", "--yes"]).status, 0)
        XCTAssertFalse(file.contains("\"id\": \"k1\",\n      \"number\""))
        XCTAssertEqual(try run(["undo", plan]).status, 0)
        let after = try XCTUnwrap(PlanFile.decode(Array(file.utf8), file: plan, expectedID: plan).loaded?.plan)
        XCTAssertEqual(after.keyIssues, before.keyIssues)
    }

    func testOfficersListAndRename() throws {
        let list = try run(["officers", "--plan", plan])
        XCTAssertEqual(list.status, 0)
        let row = try XCTUnwrap(list.stdout.split(separator: "\n").first { $0.hasSuffix(" JH  \(plan)") || $0.contains(" JH ") })
        let count = Int(row.split(separator: " ").first ?? "") ?? 0
        XCTAssertGreaterThan(count, 0)
        let rename = try run(["officers", "rename", "JH", "Jo Hughes", "--plan", plan])
        XCTAssertEqual(rename.status, 0, rename.stderr)
        XCTAssertEqual(rename.stdout.components(separatedBy: "(officer renamed)").count - 1, count, "one history entry per target")
        XCTAssertTrue(try run(["officers", "--plan", plan]).stdout.split(separator: "\n").contains { $0.hasPrefix("\(count) ") && $0.contains("Jo Hughes") })
        let undo = try run(["undo", plan])
        XCTAssertEqual(undo.stdout.components(separatedBy: "(undo)").count - 1, count, "the whole rename is one change")
        XCTAssertFalse(try run(["officers", "--plan", plan]).stdout.contains("Jo Hughes"), "only history still names it")
    }

    func testRolloverCarriesWhatIsNotMetAndLeavesTheOldPlan() throws {
        let before = file
        let preview = try run(["rollover", plan, "--to", "next", "--period", "2007-04..2008-03", "--dry-run"])
        XCTAssertEqual(preview.status, 0)
        XCTAssertTrue(preview.stdout.hasPrefix("would carry "), preview.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: "\(dir)/next.json"))
        XCTAssertEqual(try run(["rollover", plan, "--to", "next", "--period", "2007-04..2008-03"]).status, 0)
        XCTAssertEqual(file, before, "the old plan is unchanged")
        let old = try XCTUnwrap(PlanFile.decode(Array(before.utf8), file: plan, expectedID: plan).loaded?.plan)
        let new = try XCTUnwrap(PlanFile.decode(Array(CLI.read("\(dir)/next.json").utf8), file: "next", expectedID: "next").loaded?.plan)
        XCTAssertEqual(new.keyIssues.map(\.id), old.keyIssues.map(\.id))
        XCTAssertEqual(new.allTargets.map(\.id), old.allTargets.filter { $0.status != .met }.map(\.id))
        XCTAssertTrue(new.allTargets.allSatisfy { $0.status == .notAssessed && $0.carriedFrom == "\(plan)/\($0.id)" })
        XCTAssertEqual(new.period.map(PeriodText.format), "2007-04..2008-03")
        let keep = try run(["rollover", plan, "--to", "all", "--period", "2007-04..2008-03", "--keep-met"])
        XCTAssertEqual(keep.status, 0)
        XCTAssertEqual(try XCTUnwrap(PlanFile.decode(Array(CLI.read("\(dir)/all.json").utf8), file: "all", expectedID: "all").loaded?.plan).targetCount, old.targetCount)
    }

    func testListJSONAndShowNameTheKeyIssueAndObjectiveIds() throws {
        let show = try run(["show", "\(plan)/t1"])
        XCTAssertTrue(show.stdout.contains("[k1]") && show.stdout.contains("[o1]"), show.stdout)
        let json = try run(["list", "--plan", plan, "--format", "json"])
        XCTAssertTrue(json.stdout.contains("\"keyIssueId\": \"k1\"") && json.stdout.contains("\"objectiveId\": \"o1\""))
    }
}
