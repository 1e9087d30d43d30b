import ActionPlanCore
import XCTest

/// Text for a terminal without UTF-8: the symbols the program writes have one ASCII stand-in each
/// (the same table the screen's grid uses), wider ones where text may grow, `?` for anything else.
final class GlyphsTests: XCTestCase {
    func testASCIICleanUsesTheStandInsOfTheProgramsOwnSymbols() {
        XCTAssertEqual(Glyphs.ascii.clean("t1: Refresh · lead: HR › Plans"), "t1: Refresh . lead: HR > Plans")
        XCTAssertEqual(Glyphs.ascii.clean("Not assessed → Met ← back"), "Not assessed -> Met <- back")
        XCTAssertEqual(Glyphs.ascii.clean("“quoted” … £5 ✓ ✗ ◐ ⚠"), "\"quoted\" ... GBP5 Y N P !")
        XCTAssertEqual(Glyphs.ascii.clean("中 ☃"), "? ?", "anything without a stand-in is a question mark")
        XCTAssertEqual(Glyphs.unicode.clean("a · b → c"), "a · b → c")
        for sample in ["a · b → c", "“x” … ✓", "中☃"] {
            XCTAssertTrue(Glyphs.ascii.clean(sample).unicodeScalars.allSatisfy(\.isASCII), sample)
        }
    }
}
