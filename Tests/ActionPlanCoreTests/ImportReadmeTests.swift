@testable import ActionPlanCore
import Foundation
import XCTest

/// The README's import tables are the importer's own tables (ImportTables), between markers.
final class ImportReadmeTests: XCTestCase {
    private func block(_ name: String, in readme: String) -> String? {
        guard let a = readme.range(of: "<!-- \(name) begin -->\n"),
              let b = readme.range(of: "<!-- \(name) end -->", range: a.upperBound..<readme.endIndex) else { return nil }
        return String(readme[a.upperBound..<b.lowerBound].dropLast())
    }

    func testReadmeTablesAreTheImportersTables() throws {
        let readme = try String(contentsOfFile: ImportFixtures.repoRoot.appendingPathComponent("README.md").path, encoding: .utf8)
        XCTAssertEqual(block("import-columns", in: readme), ImportTables.columnsMarkdown(), "README: paste\n\(ImportTables.columnsMarkdown())")
        XCTAssertEqual(block("import-status-words", in: readme), ImportTables.statusMarkdown(), "README: paste\n\(ImportTables.statusMarkdown())")
    }

    /// Every heading the README's column table names is recognised as that field.
    func testEveryListedHeadingIsRecognised() {
        for (name, role) in ColumnRole.exact {
            XCTAssertEqual(ColumnRole.recognise(name)?.0, role, name)
        }
        for (heading, role) in [("Progress – 2022", ColumnRole.comment), ("If not met, when?", .forecast), ("Target date (MM/YY)", .timescale),
                                ("Lead Officer(s)", .officers), ("Responsibility / Delivery lead", .officers), ("Targets & Outcomes", .target),
                                ("Expected outcome", .measure), ("Preferred supplier", .extra)] {
            XCTAssertEqual(ColumnRole.recognise(heading)?.0 ?? .extra, role, heading)
        }
    }
}
