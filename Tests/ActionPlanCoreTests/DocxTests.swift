@testable import ActionPlanCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
import ZIPFoundation

/// The Word document: re-opened as a zip and its parts parsed as XML; a golden file of the document's
/// XML parts for the Luton sample; read by python-docx and printed by headless LibreOffice where those
/// are installed (skipped with a message where not; `scripts/ensure-deps.sh --test` installs
/// python3-docx, `--report` LibreOffice).
final class DocxTests: XCTestCase {
    typealias F = PaperFixtures
    static let paperDate = Day(iso: "2008-02-04")!

    private func lutonPaper(_ plan: Plan? = nil) throws -> CommitteePaper {
        let report = try ProgressReport(plan: plan ?? F.luton(), options: F.options(asAt: Day(iso: "2008-01-21")))
        return CommitteePaper(report: report, details: F.details(), date: Self.paperDate)
    }

    private func hostilePaper() throws -> CommitteePaper {
        let report = try ProgressReport(plan: F.hostilePlan(), options: F.options())
        var details = F.details()
        details.to = "<w:body>\u{0}Committee & \"friends\""
        details.recommendations = ["Note ]]> the <progress>\u{1B}[0m"]
        return CommitteePaper(report: report, details: details, date: Self.paperDate)
    }

    /// The zip's parts by name, in archive order.
    private func parts(_ bytes: [UInt8]) throws -> [(String, Data)] {
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        var out: [(String, Data)] = []
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            out.append((entry.path, data))
        }
        return out
    }

    private func xml(_ data: Data) throws -> XMLDocument { try XMLDocument(data: data) }

    private func nodes(_ doc: XMLDocument, _ localName: String) throws -> [XMLNode] {
        try doc.nodes(forXPath: "//*[local-name()='\(localName)']")
    }

    private func attribute(_ node: XMLNode, _ name: String) -> String? {
        (node as? XMLElement)?.attributes?.first { $0.localName == name }?.stringValue
    }

    /// Paragraph style ids and texts of document.xml, in order.
    private func paragraphs(_ doc: XMLDocument) throws -> [(style: String, text: String)] {
        try nodes(doc, "p").map { p in
            let style = try p.nodes(forXPath: "./*[local-name()='pPr']/*[local-name()='pStyle']").first.flatMap { attribute($0, "val") } ?? ""
            let text = try p.nodes(forXPath: ".//*[local-name()='t']").map { $0.stringValue ?? "" }.joined()
            return (style, text)
        }
    }

    func testThePackageIsWordprocessingMLWithStructureTablesSectionsAndProperties() throws {
        let bytes = try DocxReport.render(try lutonPaper())
        XCTAssertEqual(Array(bytes.prefix(2)), [0x50, 0x4B], "a zip")
        let parts = try parts(bytes)
        XCTAssertEqual(parts.first?.0, "[Content_Types].xml")
        XCTAssertEqual(Set(parts.map(\.0)), ["[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "word/document.xml",
                                             "word/_rels/document.xml.rels", "word/styles.xml", "word/numbering.xml", "word/settings.xml", "word/footer1.xml"])
        var docs: [String: XMLDocument] = [:]
        for (name, data) in parts { docs[name] = try xml(data) }   // every part parses

        // Every part named in the content types and relationships is there.
        let overrides = try nodes(docs["[Content_Types].xml"]!, "Override").compactMap { attribute($0, "PartName") }
        XCTAssertTrue(overrides.allSatisfy { name in parts.contains { "/" + $0.0 == name } }, "\(overrides)")
        let targets = try nodes(docs["word/_rels/document.xml.rels"]!, "Relationship").compactMap { attribute($0, "Target") }
        XCTAssertTrue(targets.allSatisfy { t in parts.contains { $0.0 == "word/" + t } }, "\(targets)")

        let document = docs["word/document.xml"]!
        let ps = try paragraphs(document)
        let headings = ps.filter { $0.style.hasPrefix("Heading") }
        XCTAssertEqual(headings.prefix(6).map(\.text), ["1 Introduction", "2 Progress by Key Issue", "3 Exceptions", "4 Not yet assessed",
                                                        "Recommendations", "Background Documents"])
        XCTAssertTrue(headings.contains { $0.style == "Heading1" && $0.text.hasPrefix("Appendix 1: Luton Borough Council") })
        XCTAssertTrue(headings.contains { $0.style == "Heading3" && $0.text == "Customer and Corporate Services 1 (CCS1)" })
        XCTAssertEqual(ps.first?.style, "Title")
        // Each heading style is defined, with an outline level (what the navigation pane reads).
        let styles = docs["word/styles.xml"]!
        for level in 1...3 {
            let style = try styles.nodes(forXPath: "//*[local-name()='style'][@*[local-name()='styleId']='Heading\(level)']")
            XCTAssertEqual(style.count, 1)
            let outline = try style[0].nodes(forXPath: ".//*[local-name()='outlineLvl']").first.flatMap { attribute($0, "val") }
            XCTAssertEqual(outline, "\(level - 1)")
            XCTAssertEqual(try style[0].nodes(forXPath: ".//*[local-name()='keepNext']").count, 1, "a heading keeps with what follows")
        }

        // Tables: a repeated header row each, rows that do not split; the six Luton columns.
        let tables = try nodes(document, "tbl")
        XCTAssertEqual(tables.count, 2 + 19, "summary, exceptions and one per objective")
        for table in tables {
            let rows = try table.nodes(forXPath: "./*[local-name()='tr']")
            XCTAssertGreaterThan(rows.count, 1)
            XCTAssertEqual(try rows[0].nodes(forXPath: "./*[local-name()='trPr']/*[local-name()='tblHeader']").count, 1)
            XCTAssertTrue(try rows.allSatisfy { try $0.nodes(forXPath: "./*[local-name()='trPr']/*[local-name()='cantSplit']").count == 1 })
            XCTAssertTrue(try rows.dropFirst().allSatisfy { try $0.nodes(forXPath: "./*[local-name()='trPr']/*[local-name()='tblHeader']").isEmpty })
        }
        let header = { (t: XMLNode) in try t.nodes(forXPath: "./*[local-name()='tr'][1]/*[local-name()='tc']").map { $0.stringValue ?? "" } }
        XCTAssertEqual(try header(tables[2]), ReportColumns.headings(ReportColumns.targets))
        XCTAssertEqual(try header(tables[1]), ReportColumns.headings(ReportColumns.exceptions))
        XCTAssertEqual(try header(tables[0]), ReportColumns.headings(ReportColumns.summary))
        // The status as a symbol and a word.
        XCTAssertTrue(document.rootElement()?.stringValue?.contains("✓ Met") ?? false)
        XCTAssertTrue(document.rootElement()?.stringValue?.contains("X Not met") ?? false)

        // Two sections: the covering report in portrait, the appendix in landscape, each with the footer.
        let sections = try nodes(document, "sectPr")
        XCTAssertEqual(sections.count, 2)
        let sizes = try sections.map { try $0.nodes(forXPath: "./*[local-name()='pgSz']")[0] }
        XCTAssertNil(attribute(sizes[0], "orient"))
        XCTAssertEqual(attribute(sizes[1], "orient"), "landscape")
        XCTAssertGreaterThan(Int(attribute(sizes[1], "w")!)!, Int(attribute(sizes[1], "h")!)!)
        XCTAssertTrue(try sections.allSatisfy { try $0.nodes(forXPath: "./*[local-name()='footerReference']").count == 1 })
        let footer = try nodes(docs["word/footer1.xml"]!, "instrText").map { ($0.stringValue ?? "").trimmingCharacters(in: .whitespaces) }
        XCTAssertEqual(footer, ["PAGE", "NUMPAGES"], "Page N of M")

        // Title and author in the properties.
        let core = docs["docProps/core.xml"]!
        XCTAssertEqual(try nodes(core, "title").first?.stringValue, "Luton Borough Council – Corporate Equality Scheme, Disability Equality Action Plan: progress report")
        XCTAssertEqual(try nodes(core, "creator").first?.stringValue, "Head of Equalities")
    }

    func testHostileTextIsTextInEveryPart() throws {
        let bytes = try DocxReport.render(try hostilePaper())
        let parts = try parts(bytes)
        for (name, data) in parts {
            XCTAssertNoThrow(try xml(data), "\(name) parses")
            let text = String(decoding: data, as: UTF8.self)
            XCTAssertFalse(text.unicodeScalars.contains { !XMLText.isAllowed($0) }, "\(name): no character XML 1.0 forbids")
        }
        let document = try xml(parts.first { $0.0 == "word/document.xml" }!.1)
        // The injected markup is text, not elements: the only elements are WordprocessingML's own.
        let names = Set(try document.nodes(forXPath: "//*").compactMap(\.name))
        XCTAssertFalse(names.contains("body") && names.count < 3)
        XCTAssertEqual(try nodes(document, "body").count, 1)
        XCTAssertEqual(try nodes(document, "script").count, 0)
        let all = try paragraphs(document).map(\.text).joined(separator: "\n")
        XCTAssertTrue(all.contains("<w:p><w:r><w:t>injected</w:t></w:r></w:p>"), "shown as text")
        XCTAssertTrue(all.contains("]]> <!-- --> <?xml ?>"))
        XCTAssertTrue(all.contains("<w:body>␀Committee & \"friends\""), "a NUL shown as its placeholder")
        XCTAssertTrue(all.contains("bell␇ esc␛[31m"))
        XCTAssertTrue(all.contains("⟨U+202E⟩override"))
        XCTAssertTrue(all.contains("A very long comment that goes on."))
        XCTAssertTrue(all.contains("Key Issue 2, An empty Key Issue: no targets."))
        // Line breaks in data are breaks, not new paragraphs.
        let breaks = try nodes(document, "br").count
        XCTAssertGreaterThan(breaks, 8)
        // The hostile title is in the properties as text.
        let core = try xml(parts.first { $0.0 == "docProps/core.xml" }!.1)
        XCTAssertEqual(try nodes(core, "creator").first?.stringValue, "Head of Equalities")
    }

    /// The document's XML parts for the Luton sample, byte for byte (UPDATE_GOLDEN=1 regenerates them),
    /// and the same bytes on every run.
    func testGoldenXMLPartsForLuton() throws {
        let bytes = try DocxReport.render(try lutonPaper())
        XCTAssertEqual(try DocxReport.render(try lutonPaper()), bytes, "deterministic: no clock in the package")
        let parts = try parts(bytes)
        for name in ["word/document.xml", "word/styles.xml", "word/footer1.xml", "docProps/core.xml"] {
            let text = String(decoding: parts.first { $0.0 == name }!.1, as: UTF8.self)
            // One element a line, so a change shows as a readable diff.
            let readable = text.replacingOccurrences(of: "><", with: ">\n<") + "\n"
            let golden = ReportTests.goldenDirectory.appendingPathComponent("luton-paper-docx/" + name.replacingOccurrences(of: "/", with: "_"))
            if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
                try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(readable.utf8).write(to: golden)
                continue
            }
            let expected = try String(contentsOf: golden, encoding: .utf8)
            if expected != readable {
                let a = expected.components(separatedBy: "\n"), b = readable.components(separatedBy: "\n")
                let i = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
                XCTFail("\(name) differs from \(golden.lastPathComponent) at line \(i + 1):\n golden: \(i < a.count ? a[i] : "<end>")\n actual: \(i < b.count ? b[i] : "<end>")")
            }
        }
    }

    func testAppendixAloneIsOneLandscapeSection() throws {
        let report = try ProgressReport(plan: F.luton(), options: F.options(asAt: Day(iso: "2008-01-21")))
        let document = try xml(try parts(try DocxReport.render(report)).first { $0.0 == "word/document.xml" }!.1)
        let sections = try nodes(document, "sectPr")
        XCTAssertEqual(sections.count, 1)
        XCTAssertEqual(attribute(try sections[0].nodes(forXPath: "./*[local-name()='pgSz']")[0], "orient"), "landscape")
        let ps = try paragraphs(document)
        XCTAssertEqual(ps.first?.style, "Title")
        XCTAssertEqual(ps.filter { $0.style == "Heading1" }.first?.text, "Summary by Key Issue")
    }

    // MARK: - Other readers

    private func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("paper-docx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: false)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    func testPythonDocxReadsHeadingsTablesSectionsAndProperties() throws {
        guard let python = F.pythonWithDocx() else {
            throw XCTSkip("python-docx is not installed (Debian: python3-docx; `scripts/ensure-deps.sh --test` installs it)")
        }
        let dir = try scratch()
        let files = [("luton", try DocxReport.render(try lutonPaper())), ("hostile", try DocxReport.render(try hostilePaper())),
                     ("appendix", try DocxReport.render(try ProgressReport(plan: F.threeReviews(), options: F.options())))]
        for (name, bytes) in files { try Data(bytes).write(to: dir.appendingPathComponent("\(name).docx")) }
        let script = """
        import docx, json, sys
        from docx.enum.section import WD_ORIENT
        out = {}
        for name in sys.argv[1:]:
            d = docx.Document(name)
            ns = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
            out[name.rsplit('/', 1)[-1]] = {
                'title': d.core_properties.title, 'author': d.core_properties.author,
                'headings': [[p.style.name, p.text] for p in d.paragraphs if p.style.name.startswith('Heading')],
                'tables': [[c.text for c in t.rows[0].cells] for t in d.tables],
                'repeat': [t.rows[0]._tr.trPr is not None and t.rows[0]._tr.trPr.find(ns + 'tblHeader') is not None for t in d.tables],
                'orientations': ['landscape' if s.orientation == WD_ORIENT.LANDSCAPE else 'portrait' for s in d.sections],
                'text': '\\n'.join(p.text for p in d.paragraphs) + '\\n'.join(c.text for t in d.tables for r in t.rows for c in r.cells),
            }
        print(json.dumps(out))
        """
        let ran = try F.run(python, ["-c", script] + files.map { dir.appendingPathComponent("\($0.0).docx").path })
        XCTAssertEqual(ran.status, 0, ran.output)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(ran.output.utf8)) as? [String: [String: Any]])
        let luton = try XCTUnwrap(json["luton.docx"])
        XCTAssertEqual(luton["title"] as? String, "Luton Borough Council – Corporate Equality Scheme, Disability Equality Action Plan: progress report")
        XCTAssertEqual(luton["author"] as? String, "Head of Equalities")
        let headings = luton["headings"] as! [[String]]
        XCTAssertEqual(headings.first, ["Heading 1", "1 Introduction"], "python-docx sees Word's own heading styles")
        XCTAssertTrue(headings.contains(["Heading 3", "Customer and Corporate Services 1 (CCS1)"]))
        let tables = luton["tables"] as! [[String]]
        XCTAssertEqual(tables.count, 21)
        XCTAssertEqual(tables[2], ReportColumns.headings(ReportColumns.targets))
        XCTAssertEqual(luton["repeat"] as? [Bool], Array(repeating: true, count: 21))
        XCTAssertEqual(luton["orientations"] as? [String], ["portrait", "landscape"])

        let hostile = try XCTUnwrap(json["hostile.docx"])
        let text = hostile["text"] as! String
        XCTAssertTrue(text.contains("<w:p><w:r><w:t>injected</w:t></w:r></w:p>"))
        XCTAssertTrue(text.contains("<script>alert('x')</script>"))
        XCTAssertEqual(hostile["orientations"] as? [String], ["portrait", "landscape"])

        let appendix = try XCTUnwrap(json["appendix.docx"])
        XCTAssertEqual(appendix["orientations"] as? [String], ["landscape"])
        XCTAssertTrue((appendix["headings"] as! [[String]]).contains(["Heading 1", "Trend across reviews"]))
    }

    func testLibreOfficePrintsItWithPageNumbersHeadingsAndTheLutonColumns() throws {
        let converter = PDFConverter()
        guard converter.available == .libreOffice else {
            throw XCTSkip("LibreOffice (soffice) is not installed (Debian: libreoffice-writer; `make report-check` installs it)")
        }
        guard let pdftotext = F.tool("pdftotext"), let pdfinfo = F.tool("pdfinfo") else {
            throw XCTSkip("pdftotext/pdfinfo are not installed (Debian: poppler-utils)")
        }
        let dir = try scratch()
        for (name, paper) in [("luton", try lutonPaper()), ("hostile", try hostilePaper())] {
            let pdf = try converter.convert(try DocxReport.render(paper), from: .docx)
            let file = dir.appendingPathComponent("\(name).pdf")
            try Data(pdf).write(to: file)
            let info = try F.run(pdfinfo, [file.path])
            let pages = info.output.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
            XCTAssertGreaterThan(pages, 2, info.output)
            let text = try F.run(pdftotext, ["-layout", file.path, "-"]).output
            let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            XCTAssertTrue(flat.contains("Page 1 of \(pages)"), "page numbers from the footer fields")
            XCTAssertTrue(flat.contains("Page \(pages) of \(pages)"))
            XCTAssertTrue(flat.contains("1 Introduction"))
            XCTAssertTrue(flat.contains("Recommendations"))
            XCTAssertTrue(flat.contains("Appendix 1"))
            if name == "luton" {
                for column in ["Month", "Expected outcome", "Responsible officer", "Met", "Comments", "Is it expected that the action be met"] {
                    XCTAssertTrue(flat.contains(column), column)
                }
                XCTAssertTrue(flat.contains("Customer and Corporate Services 1 (CCS1)"))
                XCTAssertTrue(flat.contains("✓ Met") || flat.contains("Met"), "status words")
            } else {
                XCTAssertTrue(flat.contains("<w:p><w:r><w:t>injected</w:t></w:r></w:p>"), "hostile text printed as text")
            }
        }
    }
}
