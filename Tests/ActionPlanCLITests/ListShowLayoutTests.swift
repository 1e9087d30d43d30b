@testable import ActionPlanCore
import XCTest

/// Issue 12: `list` fits the width (no line ever wider), `show` wraps at word boundaries, and whole
/// outputs at 80 columns as golden files.
final class ListShowLayoutTests: XCTestCase {
    private func listText(_ plans: [Plan], width: Int?, wrap: Bool = false, filter: TargetFilter? = nil) -> String {
        let filter = filter ?? TargetFilter(asOf: OutputFixtures.asOf)
        let list = ListOutput(format: .text, filter: filter, glyphs: .unicode, wrap: wrap)
        for plan in plans { list.add(plan, filter) }
        return String(decoding: list.render(width: width), as: UTF8.self)
    }

    private func widest(_ text: String) -> Int {
        text.split(separator: "\n").map { DisplayWidth.of(String($0)) }.max() ?? 0
    }

    func testNoLineIsWiderThanTheWidthForEverySamplePlan() throws {
        let plans = try OutputFixtures.dataPlanIDs.map(OutputFixtures.dataPlan)
        XCTAssertGreaterThanOrEqual(plans.count, 5)
        for width in [40, 60, 80, 100, 120, 200] {
            for wrap in [false, true] {
                let text = listText(plans, width: width, wrap: wrap)
                XCTAssertLessThanOrEqual(widest(text), width, "width \(width) wrap \(wrap)")
                // Every target is listed once, by its full address, whatever the width.
                let addresses = plans.flatMap { p in p.allTargets.map { "\(p.id)/\($0.id)" } }
                for address in addresses.prefix(40) {
                    XCTAssertTrue(text.contains(address + " "), "\(address) at \(width)")
                }
            }
            for plan in plans {
                for target in plan.allTargets.prefix(10) {
                    let show = TargetDetail(plan: plan, targetID: target.id, asOf: OutputFixtures.asOf)!.text(glyphs: .unicode, width: width)
                    XCTAssertLessThanOrEqual(widest(show), max(width, TargetDetail.labelWidth + 20), "\(plan.id)/\(target.id) at \(width)")
                }
            }
        }
    }

    func testWithoutAWidthNothingIsCut() throws {
        let plan = try OutputFixtures.dataPlan("luton-disability-equality-2008")
        let text = listText([plan], width: nil)
        XCTAssertEqual(text.split(separator: "\n").count, plan.allTargets.count + 1, "one line per target into a pipe")
        for t in plan.allTargets { XCTAssertTrue(text.contains(t.text.replacingOccurrences(of: "\n", with: "⏎")), t.id) }
        XCTAssertFalse(text.contains("…"))
    }

    func testTheTableCutsWrapsShrinksAndMovesBelowToFit() {
        func table(wrap: Bool = false) -> TextTable {
            let t = TextTable(columns: ["ID", "WHO", "TEXT"], glyphs: .unicode, flexibleColumn: 2, shrinkable: [1])
            t.minimumFlexibleWidth = 10
            t.wrap = wrap
            t.add(["p/t1", "Corporate Procurement Manager", "All new contracts assessed and fit for purpose"])
            return t
        }
        // Room for the text at its minimum: it is cut with …
        XCTAssertEqual(table().render(width: 50), """
            ID    WHO                            TEXT
            p/t1  Corporate Procurement Manager  All new cont…

            """)
        XCTAssertEqual(table(wrap: true).render(width: 50), """
            ID    WHO                            TEXT
            p/t1  Corporate Procurement Manager  All new
                                                 contracts
                                                 assessed and
                                                 fit for
                                                 purpose

            """, "wrapped inside its column")
        // Less room: the shrinkable column is cut first.
        XCTAssertEqual(table().render(width: 36), """
            ID    WHO                 TEXT
            p/t1  Corporate Procure…  All new c…

            """)
        // Less still: the text goes below, and the shrinkable column with it, labelled.
        XCTAssertEqual(table().render(width: 24), """
            ID
                TEXT
            p/t1
                All new contracts
                assessed and fit for
                purpose
                Who: Corporate
                Procurement Manager

            """)
    }

    func testWordWrapNeverSplitsAWordThatFits() {
        XCTAssertEqual(WordWrap.lines("Disability Equality Action Plan", width: 12), ["Disability", "Equality", "Action Plan"])
        XCTAssertEqual(WordWrap.lines("one\ntwo three", width: 20), ["one", "two three"])
        XCTAssertEqual(WordWrap.lines("abcdefghij", width: 4), ["abcd", "efgh", "ij"], "a word wider than the line is cut")
        XCTAssertEqual(WordWrap.lines("漢字漢字漢字", width: 5), ["漢字", "漢字", "漢字"], "by display columns")
        let show = TargetDetail(plan: OutputFixtures.smallPlan(), targetID: "t1", asOf: OutputFixtures.asOf)!
            .text(glyphs: .unicode, width: 40)
        XCTAssertTrue(show.contains("Key Issue      1. Leadership and\n               Corporate Commitment\n"), show)
    }

    func testOutputWidthComesFromTheOptionTheTerminalOrCOLUMNS() {
        XCTAssertEqual(OutputWidth.resolve(option: 100, isTerminal: true, terminalColumns: 80, environment: [:]), 100)
        XCTAssertNil(OutputWidth.resolve(option: 0, isTerminal: true, terminalColumns: 80, environment: [:]))
        XCTAssertEqual(OutputWidth.resolve(option: nil, isTerminal: true, terminalColumns: 132, environment: ["COLUMNS": "90"]), 132)
        XCTAssertEqual(OutputWidth.resolve(option: nil, isTerminal: true, terminalColumns: nil, environment: ["COLUMNS": "90"]), 90)
        XCTAssertEqual(OutputWidth.resolve(option: nil, isTerminal: true, terminalColumns: nil, environment: [:]), 80)
        XCTAssertEqual(OutputWidth.resolve(option: nil, isTerminal: false, terminalColumns: nil, environment: ["COLUMNS": "90"]), 90)
        XCTAssertNil(OutputWidth.resolve(option: nil, isTerminal: false, terminalColumns: nil, environment: [:]), "a pipe: no limit")
    }

    // MARK: - Whole outputs at 80 columns

    func testListSnapshotsAt80Columns() throws {
        let luton = try OutputFixtures.dataPlan("luton-disability-equality-2008")
        OutputFixtures.assertGolden(listText([luton], width: 80), "list-luton-disability-80.txt")
        OutputFixtures.assertGolden(listText([OutputFixtures.smallPlan()], width: 80), "list-demo-80.txt")
        var mine = TargetFilter(asOf: OutputFixtures.asOf)
        mine.officer = OfficerQuery("Head of HR")
        let plans = try OutputFixtures.dataPlanIDs.map(OutputFixtures.dataPlan)
        OutputFixtures.assertGolden(listText(plans, width: 80, filter: mine), "list-head-of-hr-80.txt")
    }

    func testShowSnapshotsAt80Columns() throws {
        let luton = try OutputFixtures.dataPlan("luton-disability-equality-2008")
        for id in ["t3", "t9"] {
            let detail = try XCTUnwrap(TargetDetail(plan: luton, targetID: id, asOf: OutputFixtures.asOf))
            OutputFixtures.assertGolden(detail.text(glyphs: .unicode, width: 80), "show-luton-disability-\(id)-80.txt")
        }
        let demo = try XCTUnwrap(TargetDetail(plan: OutputFixtures.smallPlan(), targetID: "t3", asOf: OutputFixtures.asOf))
        OutputFixtures.assertGolden(demo.text(glyphs: .ascii, width: 80), "show-demo-t3-ascii-80.txt")
    }
}
