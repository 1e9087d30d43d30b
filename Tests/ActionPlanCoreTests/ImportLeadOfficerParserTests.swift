@testable import ActionPlanCore
import XCTest

final class ImportLeadOfficerParserTests: XCTestCase {
    private func check(_ cell: String, _ expected: [String], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(LeadOfficerParser.parse(cell), expected, "\"\(cell)\"", file: file, line: line)
    }

    func testSlashesSplit() {
        check("GS/CSO", ["GS", "CSO"])
        check("CB/JT", ["CB", "JT"])
        check("Trevor Morrow/ Michael McMahon/Seona Gordon/Sandra Legate", ["Trevor Morrow", "Michael McMahon", "Seona Gordon", "Sandra Legate"])
    }

    func testCommaAndAmpersandListsOfInitials() {
        check("VG, JH, JI, RK & GB", ["VG", "JH", "JI", "RK", "GB"])
        check("JH, JI, GB, RH & VG", ["JH", "JI", "GB", "RH", "VG"])
        check("JI, JH", ["JI", "JH"])
        check("NP & H of S", ["NP", "H of S"])
        check("RH & H of S", ["RH", "H of S"])
        check("VG; NP", ["VG", "NP"])
    }

    func testInitialsSeparatedBySpaces() {
        check("GS/CSO KG", ["GS", "CSO", "KG"])
        check("HG PCT GH", ["HG", "PCT", "GH"])
        check("JC PCT", ["JC", "PCT"])
    }

    func testPhrasesStayWhole() {
        check("All H of S", ["All H of S"])
        check("Head of HR", ["Head of HR"])
        check("As above", ["As above"])
        check("All as above", ["All as above"])
        check("Corporate Procurement Manager", ["Corporate Procurement Manager"])
        check("Change for Children Commissioning Unit – Steph Cash", ["Change for Children Commissioning Unit – Steph Cash"])
        // A comma between a name and a role is not a list.
        check("Anne Futcher, Head of Access Service", ["Anne Futcher, Head of Access Service"])
        // The importer does not guess whether "SA" is a second officer or part of the phrase.
        check("All H of S SA", ["All H of S SA"])
    }

    func testPluralSlashIsNotASeparator() {
        check("Service Manager/s", ["Service Manager/s"])
        check("Seona Gordon/ Service Manager/s", ["Seona Gordon", "Service Manager/s"])
    }

    func testDuplicatesPunctuationAndBlanks() {
        check("RN/JC VG/RN/JC", ["RN", "JC", "VG"])
        check("RH.", ["RH"])
        check("  GS  /  CSO ", ["GS", "CSO"])
        check("", [])
        check("   ", [])
    }

    func testNonLatinInitialsAreKeptAsPrinted() {
        // Cyrillic look-alikes from OCR are kept, not "corrected".
        check("ВП", ["ВП"])
        check("СВ/JT", ["СВ", "JT"])
    }
}
