@testable import ActionPlanCore
import Foundation
import XCTest

/// Bad Office files (Fixtures/Corpus/bad, made by generate.py): each a one-line error naming the file
/// and what was wrong, never a crash or a hang; and a fuzz of the zip and XML readers.
final class ImportBadInputTests: XCTestCase {
    static let bad = ImportCorpusTests.corpus + "/bad"

    private func message(_ name: String, options: ImportOptions = ImportOptions()) -> String {
        let path = Self.bad + "/" + name
        do {
            _ = try PlanImporter.importFile(path: path, options: options)
            return "imported"
        } catch {
            XCTAssertEqual(error.file, path)
            XCTAssertFalse(error.description.contains("\n"), "one line: \(error)")
            return error.message
        }
    }

    func testEachBadFileGetsItsOwnMessage() {
        XCTAssertTrue(message("no-table.docx").hasPrefix("no plan table found: it has no table"), message("no-table.docx"))
        XCTAssertTrue(message("entities.docx").hasPrefix("word/document.xml declares a DTD or entities"), message("entities.docx"))
        XCTAssertTrue(message("not-well-formed.docx").hasPrefix("word/document.xml is not well-formed XML (line"), message("not-well-formed.docx"))
        XCTAssertTrue(message("truncated.docx").hasPrefix("not a readable zip package"), message("truncated.docx"))
        XCTAssertTrue(message("bomb.docx").contains("more than the 64 MiB a plan's part can be (a zip bomb?)"), message("bomb.docx"))
        XCTAssertTrue(message("empty-sheet.xlsx").hasPrefix("every sheet is empty (\"Plan\")"), message("empty-sheet.xlsx"))
        XCTAssertTrue(message("legacy.doc").hasPrefix("an old binary Word or Excel file (.doc/.xls)"), message("legacy.doc"))
        var sheet = ImportOptions()
        sheet.sheet = "Plan"
        XCTAssertEqual(message("empty-sheet.xlsx", options: sheet), "the sheet \"Plan\" is empty")
    }

    /// A part whose header claims a small size but inflates past the limit is stopped while inflating.
    func testTheLimitIsCountedWhileInflatingNotTakenFromTheHeader() throws {
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Self.bad + "/bomb.docx")))
        // Patch every uncompressed-size field of word/document.xml (local header and central directory) to 1 KiB.
        let name = Array("word/document.xml".utf8)
        var patched = 0
        for i in 0..<(bytes.count - 46) {
            if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 0x03, bytes[i + 3] == 0x04, Array(bytes[(i + 30)..<(i + 30 + name.count)]) == name {
                bytes.replaceSubrange((i + 22)..<(i + 26), with: [0x00, 0x04, 0, 0]); patched += 1
            }
            if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 0x01, bytes[i + 3] == 0x02, i + 46 + name.count <= bytes.count, Array(bytes[(i + 46)..<(i + 46 + name.count)]) == name {
                bytes.replaceSubrange((i + 24)..<(i + 28), with: [0x00, 0x04, 0, 0]); patched += 1
            }
        }
        XCTAssertEqual(patched, 2)
        XCTAssertThrowsError(try PlanImporter.importBytes(bytes, file: "lying.docx")) { error in
            let e = error as? ImportError
            XCTAssertTrue(e?.message.contains("expands past") == true || e?.message.contains("cannot be unpacked") == true, "\(error)")
        }
    }

    /// Random byte changes to real .docx/.xlsx files: every result is a plan or an ImportError.
    func testFuzzedOfficeFilesNeverCrash() throws {
        var generator = SplitMix64(seed: 0x1A2B3C)
        var outcomes: [String: Int] = [:]
        for name in ["theme-headings.docx", "ccs-codes.xlsx", "group-rows.docx", "multi-sheet.xlsx"] {
            let original = Array(try Data(contentsOf: URL(fileURLWithPath: ImportCorpusTests.corpus + "/" + name)))
            for _ in 0..<60 {
                var bytes = original
                for _ in 0..<(1 + Int(generator.next() % 8)) {
                    let at = Int(generator.next() % UInt64(bytes.count))
                    bytes[at] = UInt8(truncatingIfNeeded: generator.next())
                }
                if generator.next() % 5 == 0 { bytes.removeLast(Int(generator.next() % UInt64(bytes.count / 2))) }
                do {
                    _ = try PlanImporter.importBytes(bytes, file: name)
                    outcomes["imported", default: 0] += 1
                } catch {
                    outcomes["refused", default: 0] += 1
                }
            }
        }
        XCTAssertEqual(outcomes.values.reduce(0, +), 240)
        XCTAssertGreaterThan(outcomes["refused"] ?? 0, 0)
    }

    /// XML parts that are nearly right: unclosed elements, stray ampersands, a DOCTYPE late in the part.
    func testMalformedXMLPartsAreRefusedByName() {
        for xml in ["<a><b></a>", "<a>&nope;</a>", "<?xml version=\"1.0\"?><a/><!DOCTYPE x>", "", "<a attr=\"1></a>"] {
            XCTAssertThrowsError(try SafeXML.parse(Data(xml.utf8), file: "f.docx", part: "word/document.xml"), xml) { error in
                XCTAssertTrue("\(error)".hasPrefix("f.docx: word/document.xml "), "\(error)")
            }
        }
        XCTAssertNoThrow(try SafeXML.parse(Data("<a x=\"&amp;\">&lt;ok&gt;</a>".utf8), file: "f", part: "p"))
    }
}

