import CSV
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Mustache
import XCTest
@testable import ActionPlanCore

/// The progress report: golden files for seed 004's plan, the CSV read back, the HTML parsed as XML,
/// and hostile strings escaped in every format.
///
/// The golden files are Tests/ActionPlanCoreTests/Golden/luton-disability-equality-2008.{md,html,csv},
/// the report of data/luton-disability-equality-2008.json as at 21 January 2008. After a deliberate
/// change to the report, regenerate them and review the diff:
///
///     UPDATE_GOLDEN=1 swift test --disable-swift-testing --filter ReportTests/testGolden
final class ReportTests: XCTestCase {
    static let lutonID = "luton-disability-equality-2008"
    static let asAt = Day(iso: "2008-01-21")!

    private func luton() throws -> Plan {
        try PlanFile.load(from: Fixtures.repoRoot.appendingPathComponent("data/\(Self.lutonID).json"))
    }

    private func report(_ plan: Plan, asAt: Day? = ReportTests.asAt, review: Int? = nil, officer: String? = nil,
                        exceptions: Bool = false) throws -> ProgressReport {
        try ProgressReport(plan: plan, options: ReportOptions(asAt: asAt, review: review, officer: officer,
                                                              exceptionsOnly: exceptions, today: Day(iso: "2030-01-01")!))
    }

    // MARK: - Golden files

    static var goldenDirectory: URL { Fixtures.repoRoot.appendingPathComponent("Tests/ActionPlanCoreTests/Golden") }

    private func assertGolden(_ text: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = Self.goldenDirectory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.goldenDirectory, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return XCTFail("no golden file \(url.path); run with UPDATE_GOLDEN=1 to create it", file: file, line: line)
        }
        let golden = String(decoding: data, as: UTF8.self)
        if golden != text {
            let a = golden.components(separatedBy: "\n"), b = text.components(separatedBy: "\n")
            let i = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
            XCTFail("\(name) differs from the golden file at line \(i + 1):\n golden: \(i < a.count ? a[i] : "<end>")\n actual: \(i < b.count ? b[i] : "<end>")\n(UPDATE_GOLDEN=1 regenerates it)", file: file, line: line)
        }
    }

    func testGoldenMarkdown() throws {
        try assertGolden(MarkdownReport.render(try report(try luton())), "\(Self.lutonID).md")
    }

    func testGoldenHTML() throws {
        try assertGolden(HTMLReport.render(try report(try luton())), "\(Self.lutonID).html")
    }

    func testGoldenCSV() throws {
        try assertGolden(CSVReport.render(try report(try luton())), "\(Self.lutonID).csv")
    }

    // MARK: - The report model

    func testTitleAndAsAtDate() throws {
        let plan = try luton()
        let r = try report(plan)
        XCTAssertEqual(r.title, "Luton Borough Council – Corporate Equality Scheme, Disability Equality Action Plan – Outcomes Progress Report as at 21 January 2008")
        XCTAssertEqual(try report(plan, asAt: nil).asAt, Day(iso: "2008-01-21"), "the plan's as-at date")
        var undated = plan
        undated.asAt = nil
        XCTAssertEqual(try report(undated, asAt: nil).asAt, Day(iso: "2030-01-01"), "else today")
        XCTAssertEqual(ProgressReport.baseTitle("Children & Learning Draft Equalities Action Plan"), "Children & Learning Draft Equalities Action Plan")
        XCTAssertEqual(ProgressReport.baseTitle("X Plan - progress report as at 1 May"), "X Plan")
    }

    func testSeedLayoutSummaryAndExceptions() throws {
        let r = try report(try luton())
        XCTAssertEqual(r.summary.map(\.title), ["Customer and Corporate Services", "Chief Executives Department", "Children and Learning",
                                                "Environment & Regeneration", "Housing and Community Living"])
        XCTAssertEqual(r.summary.map(\.tally.met), [6, 2, 11, 4, 4])
        XCTAssertEqual(r.total.tally.total, 55)
        XCTAssertEqual(r.total.tally.percentMet, 49)
        XCTAssertNil(r.total.direction, "no closed review")
        XCTAssertEqual(r.exceptions.count, 22, "every not-met target (none is overdue on 21 January 2008)")
        XCTAssertTrue(r.exceptions.allSatisfy { $0.status == .notMet })
        let ccs1 = r.sections[0].objectives[0]
        XCTAssertEqual(ccs1.heading, "Customer and Corporate Services 1 (CCS1)")
        XCTAssertEqual(ccs1.lines.map(\.month), ["March 2008", "April 2008", "May 2008", "December 2008", "February 2009"])
        XCTAssertEqual(ccs1.lines.map(\.status.reportMark), ["✓", "✓", "X", "✓", "X"])
        let hcl4 = r.sections[4].objectives[3]
        XCTAssertEqual(hcl4.lines[0].status.reportMark, "Partially met")
        XCTAssertEqual(hcl4.lines.last?.status.reportMark, "")
        // Later in the year, the unmet targets due by then are overdue and join the exceptions.
        let later = try report(try luton(), asAt: Day(iso: "2008-07-01")!)
        XCTAssertEqual(later.total.tally.overdue, later.exceptions.filter(\.overdue).count)
        XCTAssertTrue(later.exceptions.contains { $0.overdue && $0.status == .notMet })
    }

    func testOfficerAndExceptionFiltersAndTheHeadingSaysSo() throws {
        let plan = try luton()
        let hr = try report(plan, officer: "head of hr")
        XCTAssertEqual(hr.heading, hr.title + " (only targets led by “head of hr”)")
        XCTAssertEqual(hr.summary.map(\.number), [1], "only Key Issues with targets of that officer")
        XCTAssertEqual(hr.total.tally.total, 8)
        XCTAssertTrue(hr.sections.flatMap(\.objectives).flatMap(\.lines).allSatisfy { $0.officers.contains("Head of HR") })
        let ex = try report(plan, exceptions: true)
        XCTAssertTrue(ex.heading.hasSuffix("(exceptions only: not met, or overdue (due before the as-at date and not met))"), ex.heading)
        XCTAssertEqual(ex.total.tally.total, 55, "the summary still counts every target")
        let lines = ex.sections.flatMap(\.objectives).flatMap(\.lines)
        XCTAssertEqual(lines.count, 22)
        XCTAssertTrue(lines.allSatisfy(\.isException))
        XCTAssertFalse(ex.sections.contains { $0.number == 3 && $0.objectives.isEmpty }, "no empty sections")
        XCTAssertTrue(MarkdownReport.render(ex).hasPrefix("# " + ReportText.markdown(ex.heading) + "\n"))
    }

    func testReviewSnapshotAndDirectionOfTravel() throws {
        var plan = try luton()
        try plan.startReview(asAt: Day(iso: "2008-01-21")!, title: "January", openedAt: "a")
        try plan.closeReview(closedAt: "b")
        func setStatus(_ id: String, _ s: Status) {
            let p = plan.indexPath(ofTarget: id)!
            plan.keyIssues[p.issue].objectives[p.objective].targets[p.target].status = s
        }
        setStatus("t3", .met)   // CCS1 May 2008: not met → met
        setStatus("t8", .partiallyMet)
        setStatus("t1", .notMet) // met → not met
        try plan.startReview(asAt: Day(iso: "2009-01-31")!, title: "February", openedAt: "c")
        try plan.closeReview(closedAt: "d")
        setStatus("t1", .met)    // after review 2: the current position differs from the snapshot

        let r2 = try report(plan, asAt: nil, review: 2)
        XCTAssertEqual(r2.asAt, Day(iso: "2009-01-31"), "the review's as-at date")
        XCTAssertEqual(r2.review?.number, 2)
        XCTAssertEqual(r2.baseline?.review.number, 1)
        XCTAssertEqual(r2.baseline?.kind, .closedReview)
        let line = { (id: String) in r2.sections.flatMap(\.objectives).flatMap(\.lines).first { $0.targetID == id }! }
        XCTAssertEqual(line("t1").status, .notMet, "review 2's snapshot, not the current position")
        XCTAssertEqual(line("t1").direction, .worse)
        XCTAssertEqual(line("t3").direction, .better)
        XCTAssertEqual(line("t2").direction, .same)
        XCTAssertEqual(r2.summary[0].direction, .better, "CCS: met 6 → 6, at least partly met 6 → 7")
        XCTAssertEqual(r2.summary[0].previous?.met, 6)
        XCTAssertTrue(r2.basis.contains("review 2"))
        let md = MarkdownReport.render(r2)
        XCTAssertTrue(md.contains("| 1. Customer and Corporate Services | 6 | 1 | 6 | 0 | 6 | 46% | ↑ better |"), md)
        XCTAssertTrue(md.contains("| X<br>↓ worse |"), "the mark and the direction when it changed")

        let now = try report(plan, asAt: Day(iso: "2009-02-01")!)
        // The current position belongs to review 2, the latest: it is compared with the closed review
        // before it (review 1), never with review 2 itself.
        XCTAssertEqual(now.baseline?.review.number, 1, "the review before the latest, not the one just closed")
        XCTAssertEqual(now.sections[0].objectives[0].lines[0].targetID, "t1")
        XCTAssertEqual(now.sections[0].objectives[0].lines[0].direction, .same, "t1 met at review 1 and met now")
        XCTAssertEqual(now.sections.flatMap(\.objectives).flatMap(\.lines).first { $0.targetID == "t3" }?.direction, .better)
        XCTAssertThrowsError(try report(plan, review: 9)) {
            XCTAssertEqual($0 as? ReviewError, .noSuchReview(planID: Self.lutonID, number: 9, available: [1, 2]))
        }
        let r1 = try report(plan, asAt: nil, review: 1)
        XCTAssertEqual(r1.baseline?.kind, .opening, "the first review is compared with its opening position")
        XCTAssertEqual(r1.total.direction, .same, "nothing changed between opening and closing review 1")
    }

    func testExceptionRefsNameTheKeyIssueWhenObjectivesHaveNoCode() throws {
        var p = Plan(id: "refs", title: "Refs")
        p.keyIssues = [1, 2].map { n in
            KeyIssue(number: n, title: "K\(n)", objectives: [
                Objective(number: 4, text: "numbered", targets: [Target(id: "t\(n)a", text: "a", status: .notMet)]),
                Objective(text: "unnumbered", targets: [Target(id: "t\(n)b", text: "b", status: .notMet)]),
            ])
        }
        let r = try report(p)
        XCTAssertEqual(r.exceptions.map(\.objectiveRef), ["Key Issue 1, objective 4", "Key Issue 1, objective 2",
                                                         "Key Issue 2, objective 4", "Key Issue 2, objective 2"])
        XCTAssertEqual(r.sections[0].objectives.map(\.heading), ["Objective 4", "Objective 2"])
        let csv = try CSVReader(string: CSVReport.render(r), hasHeaderRow: true)
        var objectives: [String] = []
        while csv.next() != nil { objectives.append(csv["objective"] ?? "?") }
        XCTAssertEqual(objectives, ["4.", "", "4.", ""], "the CSV has the label as the plan gives it, beside keyIssue")
    }

    // MARK: - CSV

    func testCSVReadsBackWithIdenticalValues() throws {
        for plan in [try luton(), hostilePlan()] {
            let r = try report(plan)
            let text = CSVReport.render(r)
            let reader = try CSVReader(string: text, hasHeaderRow: true)
            XCTAssertEqual(reader.headerRow, CSVReport.header)
            var rows: [[String]] = []
            while let row = reader.next() { rows.append(row) }
            let expected = r.sections.flatMap(\.objectives).flatMap(\.lines).map { CSVReport.fields($0, report: r) }
            XCTAssertEqual(rows.count, expected.count)
            XCTAssertEqual(rows, expected)
        }
        let r = try report(try luton())
        let row = CSVReport.fields(r.sections[0].objectives[0].lines[2], report: r)
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: zip(CSVReport.header, row)).filter { ["plan", "asAt", "keyIssue", "objective", "target", "timescale", "due", "status", "met", "overdue"].contains($0.key) },
                       ["plan": Self.lutonID, "asAt": "2008-01-21", "keyIssue": "1", "objective": "CCS1", "target": "t3",
                        "timescale": "May 2008", "due": "2008-05-31", "status": "not-met", "met": "X", "overdue": "no"])
    }

    func testCSVByteOrderMarkForExcel() throws {
        let r = try report(try luton())
        let plain = CSVReport.render(r)
        let bom = CSVReport.render(r, byteOrderMark: true)
        XCTAssertEqual(Array(bom.utf8.prefix(3)), [0xEF, 0xBB, 0xBF])
        XCTAssertEqual(String(bom.dropFirst()), plain)
        XCTAssertTrue(plain.hasSuffix("\r\n"))
    }

    // MARK: - HTML

    /// Parses the report as XML (it is written well-formed) and collects what the tests look at.
    private final class HTMLShape: NSObject, XMLParserDelegate {
        var elements: [(name: String, attributes: [String: String], path: [String])] = []
        var stack: [String] = []
        var text = ""
        var textByElement: [String: String] = [:]
        var error: Error?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            elements.append((name, attributes, stack))
            stack.append(name)
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) { stack.removeLast() }
        func parser(_ parser: XMLParser, foundCharacters string: String) {
            text += string
            if let top = stack.last { textByElement[top, default: ""] += string }
        }
        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { error = parseError }

        static func parse(_ html: String) -> HTMLShape {
            let shape = HTMLShape()
            // The HTML5 doctype has no public id; XML wants none for a well-formedness check.
            let xml = html.replacingOccurrences(of: "<!DOCTYPE html>", with: "")
            let parser = XMLParser(data: Data(xml.utf8))
            parser.delegate = shape
            if !parser.parse() && shape.error == nil { shape.error = parser.parserError }
            return shape
        }

        func count(_ name: String) -> Int { elements.filter { $0.name == name }.count }
    }

    func testHTMLIsWellFormedWithScopedHeadersCaptionsAndALabelledChart() throws {
        let html = HTMLReport.render(try report(try luton()))
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en-GB\">"), String(html.prefix(80)))
        let shape = HTMLShape.parse(html)
        XCTAssertNil(shape.error, "the report must be well-formed: \(String(describing: shape.error))")
        XCTAssertEqual(shape.count("script"), 0)
        XCTAssertFalse(html.contains("http://") && !html.contains("xmlns=\"http://www.w3.org/2000/svg\""))
        XCTAssertFalse(html.contains("https://"), "nothing fetched")
        XCTAssertFalse(html.contains("<link") || html.contains("@import") || html.contains("url(http"), "self-contained")
        // Every header cell has a scope; the summary uses row headers too.
        let ths = shape.elements.filter { $0.name == "th" }
        XCTAssertFalse(ths.isEmpty)
        XCTAssertTrue(ths.allSatisfy { $0.attributes["scope"] == "col" || $0.attributes["scope"] == "row" })
        XCTAssertEqual(ths.filter { $0.attributes["scope"] == "row" && $0.path.contains("tbody") && !$0.path.contains("thead") }.count >= 5, true)
        // Every data table has a caption, thead and tbody; 2 + one per objective (19).
        let dataTables = shape.elements.filter { $0.name == "table" && ($0.attributes["class"] ?? "").hasPrefix("data") }
        XCTAssertEqual(dataTables.count, 2 + 19)
        XCTAssertEqual(shape.elements.filter { $0.name == "caption" }.count, dataTables.count)
        XCTAssertEqual(shape.elements.filter { $0.name == "thead" }.count, dataTables.count + 1, "plus the layout table's running header")
        // The chart: an image with a title and a description, and the counts in words on every bar.
        let svg = try XCTUnwrap(shape.elements.first { $0.name == "svg" })
        XCTAssertEqual(svg.attributes["role"], "img")
        XCTAssertEqual(svg.attributes["aria-labelledby"], "chart-title chart-desc")
        XCTAssertEqual(shape.textByElement["desc"]?.hasPrefix("1. Customer and Corporate Services: 6 met, 0 partially met, 7 not met, 0 not assessed;"), true)
        for words in ["6 met, 0 partially met, 7 not met, 0 not assessed", "4 met, 1 partially met, 12 not met, 4 not assessed"] {
            XCTAssertTrue(shape.textByElement["text"]?.contains(words) == true, words)
        }
        for legend in ["Met", "Partially met", "Not met", "Not assessed"] {
            XCTAssertTrue(shape.textByElement["text"]?.contains(legend) == true, legend)
        }
        // Status is a symbol and a word; the symbol is hidden from screen readers.
        XCTAssertTrue(html.contains(#"<span class="mark" aria-hidden="true">✓ </span><span class="word">Met</span>"#))
        XCTAssertTrue(html.contains(#"<span class="mark" aria-hidden="true">X </span><span class="word">Not met</span>"#))
        XCTAssertTrue(html.contains(#"<span class="word">Not assessed</span>"#))
        // Print: A4 landscape, headers repeated, rows kept whole, fixed-layout tables that wrap words.
        for rule in ["@page { size: A4 landscape;", "thead { display: table-header-group; }", "tr { break-inside: avoid;",
                     "table-layout: fixed", "overflow-wrap: anywhere", "@media (prefers-contrast: more)", "@media (forced-colors: active)"] {
            XCTAssertTrue(html.contains(rule), rule)
        }
        XCTAssertTrue(html.contains(#"<div class="running" aria-hidden="true">Luton Borough Council – Corporate Equality Scheme, Disability Equality Action Plan · Outcomes Progress Report as at 21 January 2008</div>"#))
    }

    // MARK: - Hostile strings

    static let hostile = [
        "<script>alert('x')</script>", "\"&'", "\"\u{338} onmouseover=\"alert(1)", "<\u{338}img src=x onerror=alert(1)>",
        "a | b", "line one\nline two", "bell\u{7} esc\u{1B}[31m del\u{7F}", "\u{202E}override", "{{mustache}} {{{triple}}}",
        "&lt;pre-escaped&gt; &amp;", "R&D & co", "**bold** _it_ [link](http://x) `code` # h ~s~ \\",
    ]

    private func hostilePlan() -> Plan {
        var p = Plan(id: "hostile", title: "Hostile <plan> \"&'")
        p.organisation = "<Org & \"Co\">"
        var targets: [Target] = []
        for (i, s) in Self.hostile.enumerated() {
            var t = Target(id: "t\(i + 1)", text: s, leadOfficers: [s, "Head of HR"], timescale: s,
                           due: Day(iso: "2008-01-01"), status: [.met, .notMet, .partiallyMet, .notAssessed][i % 4])
            t.comment = s + ",\r\n" + s
            t.forecast = s
            targets.append(t)
        }
        p.keyIssues = [KeyIssue(number: 1, title: Self.hostile[0], objectives: [
            Objective(number: 1, code: "<b>", text: Self.hostile[1], expectedOutcome: Self.hostile[2], targets: targets),
        ])]
        p.nextTargetId = targets.count + 1
        return p
    }

    func testHostileStringsAreEscapedInHTML() throws {
        let html = HTMLReport.render(try report(hostilePlan()))
        let shape = HTMLShape.parse(html)
        XCTAssertNil(shape.error, "hostile data must not break the document: \(String(describing: shape.error))")
        XCTAssertEqual(shape.count("script"), 0)
        XCTAssertEqual(shape.count("img"), 0)
        XCTAssertEqual(shape.count("b"), 0)
        XCTAssertFalse(shape.elements.contains { $0.attributes.keys.contains { $0.hasPrefix("on") } }, "no event handler attribute")
        // Every hostile string is there as text, whole (after control characters became placeholders).
        for s in Self.hostile {
            let visible = ReportText.clean(s)
            XCTAssertTrue(shape.text.contains(visible), "missing as text: \(visible.debugDescription)")
        }
        XCTAssertFalse(html.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "no raw control characters")
        XCTAssertFalse(html.unicodeScalars.contains { $0.value == 0x202E })
        XCTAssertTrue(html.contains("bell␇ esc␛[31m del␡"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        XCTAssertTrue(html.contains("&quot;&amp;&#39;"))
        XCTAssertTrue(html.contains("&quot;\u{338} onmouseover=&quot;alert(1)"), "a quote with a combining mark is still escaped")
        XCTAssertTrue(html.contains("&amp;lt;pre-escaped&amp;gt; &amp;amp;"), "entities in data are shown, not interpreted")
        XCTAssertTrue(html.contains("{{mustache}} {{{triple}}}"), "data is never rendered as a template")
    }

    /// The template engine's own `{{ }}` escaping, and why the report registers its own: the package
    /// escapes the five characters, but Character by Character, so a quote that carries a combining
    /// mark is one Character that is not `"`. (Seen with 2.1.1: `{{v}}` of `"\u{338}x` in an attribute
    /// renders `title=""̸x"`, the quote raw.) The report's escaping works on scalars.
    func testMustacheEscapingAndTheScalarWiseContentType() throws {
        let plain = try MustacheTemplate(string: "<p title=\"{{v}}\">{{v}}</p>")
        XCTAssertEqual(plain.render(["v": "<a href='x'>&\"</a>"]),
                       "<p title=\"&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;\">&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;</p>")
        _ = HTMLReport.template // registers the content type
        let ours = try MustacheTemplate(string: "{{% CONTENT_TYPE: \(HTMLReport.contentTypeName) }}<p title=\"{{v}}\">{{v}}</p>")
        let combining = "\"\u{338} onmouseover=\"alert(1)"
        XCTAssertEqual(ours.render(["v": combining]),
                       "<p title=\"&quot;\u{338} onmouseover=&quot;alert(1)\">&quot;\u{338} onmouseover=&quot;alert(1)</p>")
        XCTAssertEqual(ReportText.html("<>&\"'"), "&lt;&gt;&amp;&quot;&#39;")
        XCTAssertEqual(ReportText.html("a\r\nb\tc\u{1B}"), "a\nb c␛")
    }

    func testHostileStringsAreEscapedInMarkdown() throws {
        let md = MarkdownReport.render(try report(hostilePlan()))
        XCTAssertFalse(md.contains("<script>"))
        XCTAssertFalse(md.contains("<img") || md.contains("<\u{338}img"))
        XCTAssertTrue(md.contains("&lt;script&gt;alert('x')&lt;/script&gt;"))
        XCTAssertTrue(md.contains("a \\| b"))
        XCTAssertTrue(md.contains("line one<br>line two"))
        XCTAssertTrue(md.contains("\\*\\*bold\\*\\* \\_it\\_ \\[link\\](http://x) \\`code\\` \\# h \\~s\\~ \\\\"))
        XCTAssertTrue(md.contains("&amp;lt;pre-escaped&amp;gt; &amp;amp;"))
        XCTAssertTrue(md.contains("R&D & co") == false && md.contains("R&amp;D & co"), "& kept readable where it cannot start an entity")
        XCTAssertFalse(md.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "no raw control characters")
        XCTAssertFalse(md.unicodeScalars.contains { $0.value == 0x202E })
        // Every table row has exactly its columns: no data pipe splits a cell.
        for line in md.split(separator: "\n") where line.hasPrefix("| ") {
            var cells = 0
            var escaped = false
            for c in line {
                if c == "|" && !escaped { cells += 1 }
                escaped = c == "\\" && !escaped
            }
            let widths = [ReportColumns.summary, ReportColumns.exceptions, ReportColumns.targets, ReportColumns.trend].map { $0.count + 1 }
            XCTAssertTrue(widths.contains(cells), "\(cells - 1) columns in: \(line)")
        }
    }
}
