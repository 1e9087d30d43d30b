import ActionPlanCore
import ActionPlanTestSupport
import Foundation
import XCTest

/// `actionplan import` and `export` as a user runs them: the built binary on temporary directories.
final class ImportCommandTests: XCTestCase {
    private static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    private static let binary = repoRoot.appendingPathComponent(".build/debug/actionplan").path
    private static let seeds = repoRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds").path

    private var work = ""
    private var data: String { work + "/data" }

    override func setUpWithError() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.binary) else {
            throw XCTSkip("\(Self.binary) is not built: run `swift build` first")
        }
        work = NSTemporaryDirectory() + "actionplan-import-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: work)
    }

    private struct Run {
        var status: Int32
        var out: String
        var err: String
    }

    private func run(_ arguments: [String]) throws -> Run {
        var environment = ProcessInfo.processInfo.environment
        environment["ACTIONPLAN_DATA"] = data
        environment["LANG"] = "C.UTF-8"
        let ran = try Subprocess.run(Self.binary, arguments, environment: environment)
        return Run(status: ran.status, out: ran.out, err: ran.err)
    }

    private func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = "\(work)/\(name)"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func planFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: data).filter { $0.hasSuffix(".json") }.sorted()
    }

    private func seed(_ name: String) throws -> String {
        let path = "\(Self.seeds)/\(name)"
        guard FileManager.default.fileExists(atPath: path) else { throw XCTSkip("seed \(path) not present") }
        return path
    }

    func testImportSeedPrintsCountsAndEveryUnplacedLine() throws {
        let r = try run(["import", try seed("000_9be351768989e3ab.txt"), "--data", data])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("(plan text) as plan children-learning-draft-equalities-action-plan-april-2006-to-march-2007"), r.out)
        XCTAssertTrue(r.out.contains("Key Issue 1 Leadership and Corporate Commitment: 5 objectives, 7 targets"), r.out)
        XCTAssertTrue(r.out.contains("Key Issue 2 Consultation, Community Development and Partnership: 0 objectives, 0 targets"), r.out)
        XCTAssertTrue(r.out.contains("line 31: page footer"), r.out)
        XCTAssertTrue(r.out.contains("Could not place (2)"), r.out)
        XCTAssertTrue(r.out.contains("line 39: lead officer / time scale with no target text beside them: “AB | Ongoing”"), r.out)
        XCTAssertEqual(try planFiles(), ["children-learning-draft-equalities-action-plan-april-2006-to-march-2007.json"])
        let plan = try PlanFile.loadWithFingerprint(path: "\(data)/\(try planFiles()[0])").plan
        XCTAssertEqual(plan.source, "000_9be351768989e3ab.txt")
        XCTAssertEqual(plan.nextTargetId, 21)
        XCTAssertTrue(plan.notes.contains { $0.contains("AB | Ongoing") })
        XCTAssertTrue(plan.notes.contains { $0.contains("flattened") })

        // The report imports too, with its own id.
        let report = try run(["import", try seed("004_ac58b9118bd7b30d.txt"), "--id", "disability-2008"])
        XCTAssertEqual(report.status, 0, report.err)
        XCTAssertTrue(report.out.contains("(progress report)"), report.out)
        XCTAssertTrue(report.out.contains("derived HCL3"), report.out)
    }

    func testDryRunCreatesNothing() throws {
        let r = try run(["import", try seed("001_a3f305f4d4c03ef1.txt"), "--dry-run", "--id", "ce"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("Dry run: nothing written"), r.out)
        XCTAssertEqual(try planFiles(), [])
    }

    func testExistingPlanIsNeverOverwrittenWithoutReplace() throws {
        let source = try seed("001_a3f305f4d4c03ef1.txt")
        XCTAssertEqual(try run(["import", source, "--id", "ce"]).status, 0)
        let path = "\(data)/ce.json"
        let before = try Data(contentsOf: URL(fileURLWithPath: path))

        let again = try run(["import", source, "--id", "ce"])
        XCTAssertNotEqual(again.status, 0)
        XCTAssertTrue(again.err.contains("a plan with id \"ce\" already exists (use --replace"), again.err)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before)

        let dry = try run(["import", source, "--id", "ce", "--dry-run"])
        XCTAssertEqual(dry.status, 0)
        XCTAssertTrue(dry.out.contains("already exists"), dry.out)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before)

        let csv = try write("other.csv", Array("Key Issue,Objective,Target\n1. A,B,C\n".utf8))
        let replaced = try run(["import", csv, "--id", "ce", "--replace", "--title", "Replaced"])
        XCTAssertEqual(replaced.status, 0, replaced.err)
        XCTAssertTrue(replaced.out.contains("Replaced \(path)"), replaced.out)
        XCTAssertEqual(try PlanFile.loadWithFingerprint(path: path).plan.title, "Replaced")
    }

    /// Each bad input: a clear error naming the file (and line), a non-zero exit, nothing created,
    /// and an existing plan with the same id untouched.
    func testBadInputIsRefusedAndCreatesNothing() throws {
        let existing = try write("keep.csv", Array("Key Issue,Objective,Target\n1. A,B,C\n".utf8))
        XCTAssertEqual(try run(["import", existing, "--id", "keep"]).status, 0)
        let kept = try Data(contentsOf: URL(fileURLWithPath: "\(data)/keep.json"))

        let cases: [(String, [UInt8], String)] = [
            ("binary.docx", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], "not a readable zip package"),
            ("nul.txt", Array("Plan\nKey".utf8) + [0x00] + Array("\n".utf8), "line 2: contains a NUL byte"),
            ("latin1.txt", Array("Key Issue 1: Caf".utf8) + [0xE9] + Array("\n".utf8), "no table found"),
            ("legacy.doc", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], "an old binary Word or Excel file (.doc/.xls)"),
            ("empty.txt", [], "the file is empty"),
            ("blank.txt", Array("\n  \r\n".utf8), "the file is empty"),
            ("prose.txt", Array("Minutes of the meeting\nNothing here is a table.\n".utf8), "no plan table found: it has no table"),
            ("unknown.csv", Array("Name,Address\nA,B\n".utf8), "no plan table found: its first table starts \u{201C}Name | Address\u{201D}"),
            ("headeronly.csv", Array("Action,Lead officer,By when\n".utf8), "the table header was found (Action | Lead officer | By when) but no rows under it are targets"),
            ("header.txt", Array("Plan\nKey Issue 1: A\nKey Objectives\tTargets\tOwner\tTime scale\n".utf8), "line 3: the table header has unknown column \"Owner\""),
        ]
        for (name, bytes, message) in cases {
            let path = try write(name, bytes)
            for arguments in [["import", path], ["import", path, "--id", "keep"], ["import", path, "--id", "keep", "--replace"]] {
                let r = try run(arguments)
                XCTAssertEqual(r.status, 1, "\(name): \(r.err)")
                XCTAssertTrue(r.err.contains("\(path): \(message)"), "\(name): \(r.err)")
                XCTAssertEqual(r.out, "", name)
                XCTAssertEqual(try planFiles(), ["keep.json"], name)
                XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: "\(data)/keep.json")), kept, name)
            }
        }
        let missingFile = try run(["import", "\(work)/nope.txt"])
        XCTAssertEqual(missingFile.status, 1)
        XCTAssertTrue(missingFile.err.contains("nope.txt: cannot read: No such file or directory"), missingFile.err)
        let badID = try run(["import", existing, "--id", "../evil"])
        XCTAssertEqual(badID.status, 64)
        XCTAssertEqual(try planFiles(), ["keep.json"])
    }

    /// export → import through the command line gives back the same plan content.
    func testExportThenImportRoundTrips() throws {
        let source = try seed("004_ac58b9118bd7b30d.txt")
        XCTAssertEqual(try run(["import", source, "--id", "report"]).status, 0)
        XCTAssertEqual(try run(["set", "report/t29", "met", "--comment", "Survey done, results \"good\"\nsee minutes", "--by", "test"]).status, 0)

        let csvPath = "\(work)/report.csv"
        let exported = try run(["export", "report", "--format", "csv", "-o", csvPath, "--bom"])
        XCTAssertEqual(exported.status, 0, exported.err)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: csvPath))
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF])

        let back = try run(["import", csvPath, "--id", "report-copy"])
        XCTAssertEqual(back.status, 0, back.err)
        XCTAssertTrue(back.out.contains("(CSV in actionplan's export layout (UTF-8 with a byte order mark))"), back.out)
        XCTAssertTrue(back.out.contains("Every line was placed."), back.out)
        let a = try PlanFile.loadWithFingerprint(path: "\(data)/report.json").plan
        let b = try PlanFile.loadWithFingerprint(path: "\(data)/report-copy.json").plan
        // History is not in the CSV; everything else about the targets is.
        var expected = a.keyIssues
        for i in expected.indices { for o in expected[i].objectives.indices { for t in expected[i].objectives[o].targets.indices {
            expected[i].objectives[o].targets[t].history = []
        } } }
        XCTAssertEqual(b.keyIssues, expected)
        XCTAssertEqual(b.nextTargetId, a.nextTargetId)

        let stdout = try run(["export", "report"])
        XCTAssertEqual(stdout.status, 0)
        XCTAssertTrue(stdout.out.hasPrefix("Key Issue No,Key Issue,Key Issue Statement,Objective No,Objective Code,Objective,"), String(stdout.out.prefix(200)))
        XCTAssertTrue(stdout.out.contains("\r\n"))
        let missing = try run(["export", "nope"])
        XCTAssertEqual(missing.status, 2)
    }

    private static let corpus = repoRoot.appendingPathComponent("Tests/ActionPlanCoreTests/Fixtures/Corpus").path

    /// A council's Word and Excel files through the binary: the preview names each column's role, the
    /// status words and the rows not placed, writes nothing with --dry-run, and the import creates the plan.
    func testWordAndExcelPlansImportThroughTheBinary() throws {
        let docx = Self.corpus + "/theme-headings.docx"
        let dry = try run(["import", docx, "--dry-run", "--id", "themes"])
        XCTAssertEqual(dry.status, 0, dry.err)
        for expected in ["(Word .docx) as plan themes", "\u{201C}By when\u{201D} → time scale", "\u{201C}RAG\u{201D} → status",
                         "Status words:", "\u{201C}Amber\u{201D} → Partly met (2 rows)", "Officers split (1):",
                         "Could not place (1); kept in the plan's notes:", "paragraph 2: text outside the tables"] {
            XCTAssertTrue(dry.out.contains(expected), "\(expected) in\n\(dry.out)")
        }
        XCTAssertFalse(dry.out.contains("Every line was placed."), dry.out)
        XCTAssertEqual(try planFiles(), [])
        let real = try run(["import", docx, "--id", "themes"])
        XCTAssertEqual(real.status, 0, real.err)
        let plan = try PlanFile.loadWithFingerprint(path: "\(data)/themes.json").plan
        XCTAssertEqual(plan.allTargets.count, 5)
        XCTAssertEqual(plan.title, "Equality and Diversity Action Plan 2024-2026")

        let xlsx = try run(["import", Self.corpus + "/multi-sheet.xlsx", "--sheet", "2024-25 Plan", "--id", "sheet", "--dry-run"])
        XCTAssertEqual(xlsx.status, 0, xlsx.err)
        XCTAssertTrue(xlsx.out.contains("(Excel .xlsx, sheet \"2024-25 Plan\")"), xlsx.out)
        XCTAssertTrue(xlsx.out.contains("Every line was placed."), xlsx.out)
        let badMap = try run(["import", docx, "--map", "RAG=colour", "--dry-run"])
        XCTAssertEqual(badMap.status, 64, badMap.err)
        XCTAssertTrue(badMap.err.contains("unknown role \"colour\""), badMap.err)
    }

    func testBadOfficeFilesAreRefusedAndCreateNothing() throws {
        for name in ["no-table.docx", "entities.docx", "not-well-formed.docx", "truncated.docx", "bomb.docx", "empty-sheet.xlsx", "legacy.doc"] {
            let path = Self.corpus + "/bad/" + name
            let r = try run(["import", path])
            XCTAssertEqual(r.status, 1, "\(name): \(r.err)")
            XCTAssertTrue(r.err.hasPrefix("actionplan: \(path): "), "\(name): \(r.err)")
            XCTAssertEqual(r.err.split(separator: "\n").count, 1, "one line: \(r.err)")
            XCTAssertEqual(r.out, "")
            XCTAssertEqual(try planFiles(), [], name)
        }
    }

    /// Issue 10: --replace over a plan with reviews or history is refused unless --force, naming what would be lost.
    func testReplaceRefusesToLoseHistoryUnlessForced() throws {
        let csv = try write("plan.csv", Array("Key Issue,Objective,Target\n1. A,B,C\n1. A,B,D\n".utf8))
        XCTAssertEqual(try run(["import", csv, "--id", "p"]).status, 0)
        XCTAssertEqual(try run(["set", "p/t1", "met", "--by", "test"]).status, 0)
        let path = "\(data)/p.json"
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let refused = try run(["import", csv, "--id", "p", "--replace"])
        XCTAssertEqual(refused.status, 1, refused.err)
        XCTAssertTrue(refused.err.contains("p has 1 history entry on 1 target; --replace would lose them"), refused.err)
        XCTAssertTrue(refused.err.contains("--into p") && refused.err.contains("--force"), refused.err)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before)
        let dry = try run(["import", csv, "--id", "p", "--replace", "--dry-run"])
        XCTAssertEqual(dry.status, 0, dry.err)
        XCTAssertTrue(dry.out.contains("Replacing would lose p's 1 history entry on 1 target; without --force it is refused."), dry.out)
        let forced = try run(["import", csv, "--id", "p", "--replace", "--force"])
        XCTAssertEqual(forced.status, 0, forced.err)
        XCTAssertEqual(try PlanFile.loadWithFingerprint(path: path).plan.allTargets.flatMap(\.history), [])
    }
}
