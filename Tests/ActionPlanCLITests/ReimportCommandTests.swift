import ActionPlanCore
import Foundation
import XCTest

/// `actionplan import FILE --into PLAN_ID` through the binary: the change list it prints, that --dry-run
/// and a run with nothing to change write nothing (no backup either), one undo for the whole import, and
/// the refusals with their exit codes.
final class ReimportCommandTests: ScratchPlanTestCase {
    @discardableResult
    private func run(_ arguments: [String]) throws -> CLI.Result {
        try CLI.run(arguments + ["--data", dir], environment: ["ACTIONPLAN_USER": "ed"])
    }

    private var planBytes: String { CLI.read("\(dir)/\(plan).json") }

    private var backups: [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: "\(dir)/.backups/\(plan)")) ?? []
    }

    /// The plan's export with t1's time scale slipped, t2 reworded, a row added after t3 and t5's row gone.
    private func revisedCSV(extraText: String = "") throws -> String {
        XCTAssertEqual(try run(["export", plan, "-o", "\(dir)/export.csv"]).status, 0)
        let loaded = try PlanStore(directory: dir).load(plan).plan
        let header = PlanCSVExporter.header(for: loaded)
        var rows = PlanCSVExporter.rows(loaded)
        func col(_ c: CSVColumn) -> Int { header.firstIndex(of: c.name)! }
        func row(_ id: String) -> Int { rows.firstIndex { $0[col(.targetID)] == id }! }
        rows[row("t1")][col(.timescale)] = "March 2027"
        rows[row("t2")][col(.target)] += " each year"
        var added = rows[row("t3")]
        added[col(.targetID)] = ""
        added[col(.target)] = "Publish an easy-read summary" + extraText
        rows.insert(added, at: row("t3") + 1)
        rows.remove(at: row("t5"))
        let path = "\(dir)/revised.csv"
        CLI.write(CSVText.render(header: header, rows: rows, neutralise: true), to: path)
        return path
    }

    func testDryRunThenImportThenAgainThenUndo() throws {
        let csv = try revisedCSV()
        let original = planBytes

        let dry = try run(["import", csv, "--into", plan, "--dry-run"])
        XCTAssertEqual(dry.status, 0, dry.stderr)
        let expected = [
            "\(plan)/t1: timescale \"Jan.07 Sept.06 Feb.07\" → \"March 2027\"",
            "\(plan)/t2: text \"",
            "\(plan)/o2: target would be added: \"Publish an easy-read summary\"",
            "\(plan)/t5: not in the file, kept (use --prune): \"Promote positive images",
            "Dry run: nothing written. \(plan): 3 changes would be made: 2 fields edited, 1 added; 1 not in the file, kept (use --prune to remove it).",
        ]
        for e in expected { XCTAssertTrue(dry.stdout.contains(e), "missing \(e) in:\n\(dry.stdout)") }
        XCTAssertEqual(planBytes, original, "--dry-run writes nothing")
        XCTAssertEqual(backups, [], "and uses no backup slot")

        let done = try run(["import", csv, "--into", plan])
        XCTAssertEqual(done.status, 0, done.stderr)
        XCTAssertTrue(done.stdout.contains("\(plan)/o2: target added: \"Publish an easy-read summary\" (\(plan)/t29)"), done.stdout)
        XCTAssertTrue(done.stdout.contains("\(plan): 3 changes: 2 fields edited, 1 added; 1 not in the file, kept"), done.stdout)
        XCTAssertTrue(done.stdout.contains("saved "), done.stdout)
        let history = try run(["history", plan])
        XCTAssertTrue(history.stdout.contains("\"Jan.07 Sept.06 Feb.07\" → \"March 2027\" (import of revised.csv)"), history.stdout)
        XCTAssertTrue(history.stdout.contains("\(plan)/t29"), history.stdout)
        let shown = try run(["show", "\(plan)/t1"])
        XCTAssertTrue(shown.stdout.contains("due 31 March 2027"), "the due date follows the time scale: \(shown.stdout)")

        let saved = planBytes, backupCount = backups.count
        let again = try run(["import", csv, "--into", plan])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stdout.contains("\(plan): no changes; 1 not in the file, kept"), again.stdout)
        XCTAssertFalse(again.stdout.contains("saved "), again.stdout)
        XCTAssertEqual(planBytes, saved, "nothing to change: the file byte for byte as it was")
        XCTAssertEqual(backups.count, backupCount, "and no backup slot used")

        let pruned = try run(["import", csv, "--into", plan, "--prune"])
        XCTAssertTrue(pruned.stdout.contains("\(plan)/t5: not in the file, removed: \"Promote positive images"), pruned.stdout)
        XCTAssertTrue(try run(["show", "\(plan)/t5"]).status != 0, "t5 is gone")
        // One undo each: the prune, then the whole import.
        XCTAssertEqual(try run(["undo", plan]).status, 0)
        XCTAssertEqual(try run(["show", "\(plan)/t5"]).status, 0, "t5 is back")
        let undo = try run(["undo", plan])
        XCTAssertEqual(undo.status, 0, undo.stderr)
        let afterUndo = try PlanStore(directory: dir).load(plan).plan
        XCTAssertNil(afterUndo.target(id: "t29"))
        XCTAssertEqual(afterUndo.target(id: "t1")?.timescale, "Jan.07 Sept.06 Feb.07")
        XCTAssertFalse(afterUndo.target(id: "t2")!.text.hasSuffix(" each year"))
        // Imported again after the undo: wanted again, so made again (an undo is not an out-of-date file).
        XCTAssertTrue(try run(["import", csv, "--into", plan]).stdout.contains("\(plan): 3 changes: 2 fields edited, 1 added"))

        // A file older than the plan: t1's time scale was changed after the export, so the file's value is
        // the one before that change, and is kept rather than put back.
        XCTAssertEqual(try run(["edit", "\(plan)/t1", "--timescale", "June 2027"]).status, 0)
        let stale = try run(["import", csv, "--into", plan, "--dry-run"])
        XCTAssertTrue(stale.stdout.contains("\(plan)/t1: timescale kept \"June 2027\": the file's \"March 2027\" is what it was before ed changed it at "), stale.stdout)
        XCTAssertTrue(stale.stdout.contains("no changes; 1 field kept where the file is older than the plan"), stale.stdout)
    }

    /// A council's Word plan: imported, used, then its revised version imported into it.
    func testCouncilWordPlanThroughTheBinary() throws {
        let folder = CLI.repoRoot.appendingPathComponent("Tests/ActionPlanCoreTests/Fixtures/Reimport").path
        XCTAssertEqual(try run(["import", "\(folder)/council-plan.docx", "--id", "council"]).status, 0)
        XCTAssertEqual(try run(["set", "council/t5", "met", "--forecast", "Kept under review"]).status, 0)
        let r = try run(["import", "\(folder)/council-plan-revised.docx", "--into", "council", "--prune"])
        XCTAssertEqual(r.status, 0, r.stderr)
        for e in ["council/t1: timescale \"October 2026\" → \"March 2027\"", "council/o1: target added: \"Train library staff to take hate crime reports\" (council/t6)",
                  "council/t3: not in the file, removed: \"Publish hate crime figures by ward each quarter\"", "council: 5 changes: 3 fields edited, 1 added, 1 removed"] {
            XCTAssertTrue(r.stdout.contains(e), "missing \(e) in:\n\(r.stdout)")
        }
        let shown = try run(["show", "council/t5"])
        XCTAssertTrue(shown.stdout.contains("Kept under review"), "a field the document has no column for is kept: \(shown.stdout)")
        XCTAssertTrue(try run(["import", "\(folder)/council-plan-revised.docx", "--into", "council", "--prune"]).stdout.contains("council: no changes"))
    }

    func testRefusalsHaveTheirExitCodesAndWriteNothing() throws {
        let csv = try revisedCSV()
        CLI.write("", to: "\(dir)/empty.csv")
        let before = planBytes
        let cases: [([String], Int32, String)] = [
            (["import", csv, "--into", "nosuch"], 2, "no plan with id \"nosuch\""),
            (["import", csv, "--into", plan, "--replace"], 64, "cannot be combined with --replace"),
            (["import", csv, "--into", plan, "--title", "New"], 64, "keeps the plan's title"),
            (["import", csv, "--prune"], 64, "--prune needs --into"),
            (["import", "\(dir)/empty.csv", "--into", plan], 1, "the file is empty"),
            (["import", "\(dir)/missing.csv", "--into", plan], 1, "missing.csv"),
        ]
        for (arguments, code, message) in cases {
            let r = try run(arguments)
            XCTAssertEqual(r.status, code, "\(arguments): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains(message), "\(arguments): \(r.stderr)")
            XCTAssertEqual(planBytes, before, "\(arguments) changed the file")
        }
        XCTAssertEqual(backups, [])
    }

    func testTextFromTheFileIsCleanedForTheTerminal() throws {
        let csv = try revisedCSV(extraText: "\u{1B}]0;owned\u{07} \u{202E}reversed")
        let r = try run(["import", csv, "--into", plan, "--dry-run"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertFalse(r.stdout.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{202E}" }, r.stdout)
        XCTAssertTrue(r.stdout.contains("Publish an easy-read summary"), r.stdout)
    }
}
