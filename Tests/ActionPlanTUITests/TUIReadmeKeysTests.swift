@testable import ActionPlanTUI
import XCTest

/// The README's key tables are KeyTable's: the section between the markers must be exactly what
/// `actionplan ui --print-keys` prints (KeyTable.markdown()).
final class TUIReadmeKeysTests: XCTestCase {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md")
    static let start = "<!-- keys:start -->\n"
    static let end = "<!-- keys:end -->"

    func testTheREADMEKeyTablesMatchKeyTable() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        let how = "regenerate them with `scripts/readme-keys.sh` (it puts the output of `actionplan ui --print-keys` "
            + "between the \(Self.start.dropLast()) and \(Self.end) markers of README.md)"
        guard let from = text.range(of: Self.start), let to = text.range(of: Self.end, range: from.upperBound..<text.endIndex) else {
            return XCTFail("README.md has no key tables between \(Self.start.dropLast()) and \(Self.end): \(how)")
        }
        let section = String(text[from.upperBound..<to.lowerBound])
        let expected = KeyTable.markdown()
        guard section != expected else { return }
        let have = section.split(separator: "\n", omittingEmptySubsequences: false)
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line = (0..<min(have.count, want.count)).first { have[$0] != want[$0] } ?? min(have.count, want.count)
        let readmeLine = text[..<from.upperBound].filter { $0 == "\n" }.count + line + 1
        XCTFail("""
            README.md's key tables differ from KeyTable (a key was added or changed): \(how).
            First difference at README.md line \(readmeLine):
              README:   \(line < have.count ? String(have[line]) : "(end)")
              KeyTable: \(line < want.count ? String(want[line]) : "(end)")
            """)
    }
}
