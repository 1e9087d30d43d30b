import Foundation
import XCTest

/// `report --paper` and `--format docx|pdf` as an officer runs them, on a scratch copy of seed 004's plan:
/// the fields remembered in the plan file, the errors, the review-then-report sequence.
final class PaperCommandTests: ScratchPlanTestCase {
    override class var samplePlan: String { "luton-disability-equality-2008" }
    private var file: String { "\(dir)/\(plan).json" }

    @discardableResult
    private func run(_ args: [String], environment: [String: String] = [:]) throws -> CLI.Result {
        try CLI.run(args + ["--data", dir], environment: environment)
    }

    func testThePaperRemembersItsFieldsInThePlanFileForTheNextPaper() throws {
        let first = try run(["report", plan, "--paper", "--date", "2008-02-04", "--to", "Disability Access and Advisory Forum",
                             "--by", "Head of Equalities", "--by", "Cllr A. Member", "--classification", "Unrestricted",
                             "--contact", "A. Officer", "--contact", "01582 000000", "--recommendation", "Note the progress."])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.contains("**To:** Disability Access and Advisory Forum"), first.stdout)
        XCTAssertTrue(first.stdout.contains("**Date:** 4 February 2008"))
        XCTAssertTrue(first.stdout.contains("## Recommendations\n\nNote the progress.\n"))
        let onDisk = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as! [String: Any]
        let paper = try XCTUnwrap(onDisk["paper"] as? [String: Any])
        XCTAssertEqual(paper["to"] as? String, "Disability Access and Advisory Forum")
        XCTAssertEqual(paper["by"] as? [String], ["Head of Equalities", "Cllr A. Member"])
        XCTAssertEqual(paper["contact"] as? [String], ["A. Officer", "01582 000000"])

        // The next paper starts from the last: only --to changes.
        let bytes = CLI.read(file)
        let second = try run(["report", plan, "--paper", "--to", "Scrutiny Committee"])
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(second.stdout.contains("**To:** Scrutiny Committee"))
        XCTAssertTrue(second.stdout.contains("**By:** Head of Equalities<br>Cllr A. Member"))
        XCTAssertTrue(second.stdout.contains("**Classification:** Unrestricted"))
        XCTAssertNotEqual(CLI.read(file), bytes)
        // Nothing new given: the plan file is not written at all.
        let unchanged = CLI.read(file)
        XCTAssertEqual(try run(["report", plan, "--paper"]).status, 0)
        XCTAssertEqual(CLI.read(file), unchanged)
        // A plain report never writes the plan.
        XCTAssertEqual(try run(["report", plan]).status, 0)
        XCTAssertEqual(CLI.read(file), unchanged)
    }

    func testAMissingFieldIsAPlaceholderNotAnError() throws {
        let r = try run(["report", plan, "--paper"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("**To:** **\\[To be completed: committee\\]**"), r.stdout)
        XCTAssertTrue(r.stdout.contains("**By:** **\\[To be completed: author(s) and cabinet member\\]**"))
    }

    func testWordAndItsErrors() throws {
        let out = "\(dir)/paper.docx"
        let docx = try run(["report", plan, "--paper", "--format", "docx", "-o", out])
        XCTAssertEqual(docx.status, 0, docx.stderr)
        XCTAssertEqual(docx.stdout, "wrote \(out)\n")
        XCTAssertEqual(Array(FileManager.default.contents(atPath: out)!.prefix(4)), [0x50, 0x4B, 0x03, 0x04], "a zip")
        // Into a pipe, the bytes themselves.
        let piped = try run(["report", plan, "--format", "docx"])
        XCTAssertEqual(piped.status, 0)
        XCTAssertTrue(piped.stdout.hasPrefix("PK"))

        let csv = try run(["report", plan, "--paper", "--format", "csv"])
        XCTAssertEqual(csv.status, 64)
        XCTAssertTrue(csv.stderr.contains("the committee paper has no CSV form"), csv.stderr)
        let stray = try run(["report", plan, "--to", "Committee"])
        XCTAssertEqual(stray.status, 64)
        XCTAssertTrue(stray.stderr.contains("are for --paper"), stray.stderr)
        let old = try run(["report", plan, "--format", "doc"])
        XCTAssertEqual(old.status, 64)
        XCTAssertTrue(old.stderr.contains("md"), old.stderr)
    }

    func testPDFWithNoConverterNamesThePackageToInstall() throws {
        let empty = "\(dir)/empty-path"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: false)
        let out = "\(dir)/paper.pdf"
        let r = try run(["report", plan, "--paper", "--format", "pdf", "-o", out], environment: ["PATH": empty])
        XCTAssertEqual(r.status, 69, r.stderr)
        XCTAssertTrue(r.stderr.contains("sudo apt-get install libreoffice-writer"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out), "no half-written file")
    }

    func testPDFWithLibreOffice() throws {
        guard (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains(where: {
            FileManager.default.isExecutableFile(atPath: "\($0)/soffice")
        }) else { throw XCTSkip("LibreOffice (soffice) is not installed (Debian: libreoffice-writer)") }
        let out = "\(dir)/paper.pdf"
        let r = try run(["report", plan, "--paper", "--format", "pdf", "-o", out])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(Array(FileManager.default.contents(atPath: out)!.prefix(4)), Array("%PDF".utf8))
    }

    /// The proof through the commands: open a review, change five targets, close it, report.
    func testReviewChangeFiveCloseThenTheReportShowsTheFiveChanges() throws {
        XCTAssertEqual(try run(["review", "start", plan, "--as-at", "2008-01-21"]).status, 0)
        for (target, status) in [("t3", "met"), ("t8", "partially-met"), ("t1", "not-met"), ("t5", "met"), ("t11", "met")] {
            let set = try run(["set", "\(plan)/\(target)", status])
            XCTAssertEqual(set.status, 0, set.stderr)
        }
        XCTAssertEqual(try run(["review", "close", plan]).status, 0)
        let csv = try run(["report", plan, "--format", "csv", "--raw"])
        XCTAssertEqual(csv.status, 0, csv.stderr)
        var moved: [String: String] = [:]
        let rows = csv.stdout.components(separatedBy: "\r\n")
        let header = rows[0].split(separator: ",").map(String.init)
        let direction = try XCTUnwrap(header.firstIndex(of: "direction"))
        XCTAssertEqual(header.last, "statusAtReview1", "the trend column of the closed review")
        for line in rows.dropFirst() where !line.isEmpty {
            // Quoted fields may hold commas: count from the end, where the fields are plain words.
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            let d = String(fields[fields.count - (header.count - direction)])
            guard d == "better" || d == "worse" else { continue }
            let target = fields.first { $0.hasPrefix("t") && Int($0.dropFirst()) != nil }.map(String.init) ?? "?"
            moved[target] = d
        }
        XCTAssertEqual(moved.count, 5, csv.stdout)
        XCTAssertEqual(moved["t1"], "worse")
        let md = try run(["report", plan])
        XCTAssertTrue(md.stdout.contains("Direction of travel is against the position when review 1 was opened"), md.stdout)
        // The version before the review is a pinned backup, marked in restore --list.
        let list = try run(["restore", plan, "--list"])
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertTrue(list.stdout.contains("(pinned: before review 1)"), list.stdout)
    }
}
