@testable import ActionPlanCore
import Foundation
import XCTest

/// The corpus (Fixtures/Corpus, made by generate.py): ten layouts modelled on public council plans,
/// each as .docx and .xlsx and in CSV/text variants, checked against expected.json — counts of Key
/// Issues, objectives and targets, and every target's text, officers, time scale, due date, status,
/// status word as written and objective.
final class ImportCorpusTests: XCTestCase {
    static let corpus = ImportFixtures.repoRoot.appendingPathComponent("Tests/ActionPlanCoreTests/Fixtures/Corpus").path

    struct Expected {
        var name: String
        var title: String
        var issues: Int
        var objectives: Int
        var targets: Int
        var files: [String]
        var samples: [[String: Any]]
    }

    static func expected() throws -> [Expected] {
        let data = try Data(contentsOf: URL(fileURLWithPath: corpus + "/expected.json"))
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: [String: Any]])
        return root.keys.sorted().map { name in
            let e = root[name]!
            return Expected(name: name, title: e["title"] as? String ?? "", issues: e["issues"] as? Int ?? -1,
                            objectives: e["objectives"] as? Int ?? -1, targets: e["targets"] as? Int ?? -1,
                            files: e["files"] as? [String] ?? [], samples: e["samples"] as? [[String: Any]] ?? [])
        }
    }

    static func importCorpus(_ file: String, options: ImportOptions = ImportOptions()) throws -> ImportResult {
        try PlanImporter.importFile(path: corpus + "/" + file, options: options)
    }

    func testCorpusHasTenLayoutsEachAsDocxAndXlsx() throws {
        let all = try Self.expected()
        XCTAssertGreaterThanOrEqual(all.count, 10)
        for e in all {
            XCTAssertTrue(e.files.contains("\(e.name).docx") && e.files.contains("\(e.name).xlsx"), e.name)
            XCTAssertGreaterThan(e.files.count, 2, "\(e.name) has a CSV or text variant")
        }
    }

    func testEveryCorpusFileImportsWithItsExpectedContent() throws {
        var checked = 0
        for e in try Self.expected() {
            for file in e.files {
                let result: ImportResult
                do { result = try Self.importCorpus(file) } catch { XCTFail("\(file): \(error)"); continue }
                let plan = result.plan
                let ctx = "\(file)"
                XCTAssertEqual(plan.title, e.title, "\(ctx): title")
                XCTAssertEqual(plan.keyIssues.count, e.issues, "\(ctx): Key Issues \(plan.keyIssues.map(\.title))")
                XCTAssertEqual(plan.keyIssues.reduce(0) { $0 + $1.objectives.count }, e.objectives, "\(ctx): objectives \(plan.keyIssues.flatMap(\.objectives).map(\.text))")
                let targets = plan.keyIssues.flatMap { i in i.objectives.flatMap { o in o.targets.map { (o, $0) } } }
                XCTAssertEqual(targets.count, e.targets, "\(ctx): targets \(targets.map(\.1.text))")
                for (k, sample) in e.samples.enumerated() where k < targets.count {
                    let (objective, t) = targets[k]
                    let at = "\(ctx) target \(k + 1)"
                    XCTAssertEqual(ImportText.squash(t.text), ImportText.squash(sample["text"] as? String ?? ""), "\(at): text")
                    XCTAssertEqual(t.leadOfficers, sample["officers"] as? [String] ?? [], "\(at): officers")
                    XCTAssertEqual(t.timescale, sample["timescale"] as? String ?? "", "\(at): time scale")
                    XCTAssertEqual(t.due?.description, sample["due"] as? String, "\(at): due from \"\(t.timescale)\"")
                    XCTAssertEqual(t.status.rawValue, sample["status"] as? String, "\(at): status")
                    let written = t.statusAsWritten
                    XCTAssertEqual(written, sample["statusAsWritten"] as? String, "\(at): status as written")
                    if let o = sample["objective"] as? String {
                        XCTAssertTrue(!objective.text.isEmpty && o.hasSuffix(objective.text), "\(at): objective \"\(objective.text)\", expected \"\(o)\"")
                    }
                    checked += 1
                }
            }
        }
        XCTAssertGreaterThan(checked, 80)
    }

    func testMultiParagraphCellsNeverShiftRows() throws {
        // theme-headings: "Progress update" has two paragraphs in one cell; the row stays one target.
        let plan = try Self.importCorpus("theme-headings.docx").plan
        let t1 = try XCTUnwrap(plan.allTargets.first)
        XCTAssertEqual(t1.comment, "Draft profile shared with directors.\nFinal version due at Cabinet in March.")
        XCTAssertEqual(t1.timescale, "31/03/2025")
    }

    func testWordNumberingBecomesTheLabelsTheReaderSees() throws {
        let plan = try Self.importCorpus("numbered-paragraphs.docx").plan
        XCTAssertEqual(plan.keyIssues.map(\.number), [1, 2])
        XCTAssertEqual(plan.keyIssues.map(\.title), ["Leadership and commitment", "Engagement"])
        XCTAssertEqual(plan.keyIssues.flatMap(\.objectives).map(\.label), ["1.1", "1.2", "2.1"])
    }

    func testCodesAndGroupRowsBecomeObjectiveLabels() throws {
        let ccs = try Self.importCorpus("ccs-codes.docx").plan
        XCTAssertEqual(ccs.keyIssues.flatMap(\.objectives).map(\.label), ["CCS1", "CCS2"])
        let peo = try Self.importCorpus("group-rows.docx").plan
        XCTAssertEqual(peo.keyIssues.flatMap(\.objectives).map(\.label), ["PEO 1", "PEO 2", ""])
    }

    func testShowPrintsTheStatusAsWrittenAndTheKeptColumns() throws {
        let plan = try Self.importCorpus("progress-report.docx").plan.withIds()
        let detail = try XCTUnwrap(TargetDetail(plan: plan, targetID: "t1", asOf: Day(iso: "2022-06-30")!))
        let text = detail.text(glyphs: .unicode, width: nil)
        XCTAssertTrue(text.contains("Status         ✓ Met (as written: Fully achieved)\n"), text)
        XCTAssertTrue(text.contains("Imported       Budget: £20,000\n"), text)
        guard case .object(let members) = detail.json else { return XCTFail("not an object") }
        XCTAssertEqual(members.first { $0.key == "statusAsWritten" }?.value, .string("Fully achieved"))
        XCTAssertEqual(members.first { $0.key == "imported" }?.value, .object([JSONMember("Budget", .string("£20,000"))]))
    }

    func testUnknownColumnsAreKeptAsExtraAndUnknownStatusWordsListed() throws {
        let result = try Self.importCorpus("progress-report.docx")
        let t1 = try XCTUnwrap(result.plan.allTargets.first)
        XCTAssertEqual(t1.extras.first { $0.key == "extra" }?.value["Budget"], .string("£20,000"))
        XCTAssertEqual(t1.forecast, "Continue promotion")
        XCTAssertEqual(result.report.columns.first { $0.heading == "Budget" }?.role, .extra)
        let paused = try XCTUnwrap(result.report.statusWords.first { $0.word == "Paused" })
        XCTAssertFalse(paused.known)
        XCTAssertEqual(paused.places, ["table 1, row 5"])
        XCTAssertTrue(result.report.remarks.contains { $0.reason.contains("unknown status word \u{201C}Paused\u{201D}") })
        XCTAssertTrue(result.report.furniture.contains { $0.reason == "the header row repeated" })
        // --status says what the word means.
        var options = ImportOptions()
        XCTAssertNil(options.addStatus("Paused=not-met"))
        let remapped = try Self.importCorpus("progress-report.docx", options: options)
        XCTAssertEqual(remapped.plan.allTargets.last?.status, .notMet)
    }

    func testExcelSheetsDatesAndTitleRows() throws {
        let result = try Self.importCorpus("multi-sheet.xlsx")
        XCTAssertEqual(result.report.format, "Excel .xlsx, sheet \"2023-24 Plan\"")
        XCTAssertTrue(result.report.remarks.contains { $0.place == "sheet \"2024-25 Plan\"" && $0.reason.contains("--sheet") })
        var options = ImportOptions()
        options.sheet = "2024-25 plan"
        let other = try Self.importCorpus("multi-sheet.xlsx", options: options)
        XCTAssertEqual(other.plan.allTargets.map(\.text), ["Run a cohesion grants scheme"])
        XCTAssertEqual(other.plan.allTargets.first?.status, .notAssessed)
        options.sheet = "Nope"
        XCTAssertThrowsError(try Self.importCorpus("multi-sheet.xlsx", options: options)) { error in
            XCTAssertTrue("\(error)".contains("no sheet named \"Nope\"; the sheets are \"Cover\", \"2023-24 Plan\", \"2024-25 Plan\""), "\(error)")
        }
        let housing = try Self.importCorpus("excel-title-rows.xlsx").plan
        XCTAssertEqual(housing.department, "Housing and Communities")
        XCTAssertEqual(housing.allTargets.map { $0.due?.description ?? "" }, ["2022-09-30", "2022-12-31", "2023-03-31"])
    }

    func testEncodingsAndDelimitersAreSaidInThePreview() throws {
        XCTAssertEqual(try Self.importCorpus("merged-objective-cp1252-semicolon.csv").report.format, "CSV (semicolon-separated, Windows-1252 (assumed: the file is not UTF-8))")
        XCTAssertEqual(try Self.importCorpus("numbered-paragraphs-utf16-tab.csv").report.format, "CSV (tab-separated, UTF-16 little-endian (byte order mark))")
        XCTAssertEqual(try Self.importCorpus("group-rows-utf8-bom-comma.csv").report.format, "CSV (comma-separated, UTF-8 with a byte order mark)")
        let cp = try Self.importCorpus("merged-objective-cp1252-semicolon.csv")
        XCTAssertTrue(cp.plan.allTargets.contains { $0.text.contains("job\u{2019}s criteria") })
        XCTAssertTrue(cp.report.remarks.contains { $0.reason.contains("Windows-1252") })
    }

    func testMapOverridesAGuessAndIgnoreDropsAColumn() throws {
        var options = ImportOptions()
        XCTAssertNil(options.addMap("Budget=ignore"))
        XCTAssertNil(options.addMap("Next steps=comment"))
        let result = try Self.importCorpus("progress-report.docx", options: options)
        let t1 = try XCTUnwrap(result.plan.allTargets.first)
        XCTAssertNil(t1.extras.first { $0.key == "extra" }?.value["Budget"])
        XCTAssertEqual(t1.forecast, "")
        XCTAssertEqual(t1.comment, "Take-up rose from 18% to 23%.\nContinue promotion")
        XCTAssertNotNil(options.addMap("Budget=banana"))
        XCTAssertNotNil(options.addMap("no equals sign"))
    }
}
