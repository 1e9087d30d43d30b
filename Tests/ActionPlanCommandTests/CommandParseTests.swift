@testable import actionplan
import ActionPlanCore
import ArgumentParser
import XCTest

/// Every command parsed in-process, the way swift-argument-parser's `AssertParseCommand` does it: the
/// arguments a user types give the command and options expected, and bad ones the documented error —
/// without starting a process (the few tests that run the binary check exit codes and wiring).
final class CommandParseTests: XCTestCase {
    func testListOptions() throws {
        let list = try parse(ListCommand.self, ["list", "--plan", "luton-dis", "--officer", "Head of HR", "--status", "partly,no",
                                                "--overdue", "--as-of", "28/02/2009", "--due-before", "1 March 2009",
                                                "--format", "csv", "--raw", "--width", "80", "--wrap", "--data", "/d"])
        XCTAssertEqual(list.plan, "luton-dis")
        XCTAssertEqual(list.officer, "Head of HR")
        XCTAssertEqual(try list.parsedStatuses(), [.partiallyMet, .notMet])
        XCTAssertTrue(list.overdue)
        XCTAssertEqual(list.asOf?.day, Day(iso: "2009-02-28"))
        XCTAssertEqual(list.dueBefore?.day, Day(iso: "2009-03-01"))
        XCTAssertEqual(list.format, .csv)
        XCTAssertTrue(list.raw)
        XCTAssertTrue(list.wrap)
        XCTAssertEqual(list.width, 80)
        XCTAssertEqual(list.dataOptions.data, "/d")
        let plain = try parse(ListCommand.self, ["list"])
        XCTAssertEqual(plain.format, .text)
        XCTAssertFalse(plain.raw)
        XCTAssertNil(plain.width)
    }

    func testEveryDateOptionTakesTheForgivingForms() throws {
        XCTAssertEqual(try parse(SummaryCommand.self, ["summary", "--as-of", "28 Feb 2009"]).asOf?.day, Day(iso: "2009-02-28"))
        XCTAssertEqual(try parse(PlansCommand.self, ["plans", "--as-of", "2009-02-28"]).asOf?.day, Day(iso: "2009-02-28"))
        XCTAssertEqual(try parse(HistoryCommand.self, ["history", "p", "--since", "28 February 2009"]).since?.day, Day(iso: "2009-02-28"))
        XCTAssertEqual(try parse(ReportCommand.self, ["report", "p", "--as-at", "28.02.2009"]).asAt?.day, Day(iso: "2009-02-28"))
        XCTAssertEqual(try parse(ReviewCommand.Start.self, ["review", "start", "p", "--as-at", "28/02/09"]).asAt?.day, Day(iso: "2009-02-28"))
        XCTAssertEqual(try parse(ShowCommand.self, ["show", "t1", "--as-of", "today"]).asOf?.day, Day.today())
        XCTAssertEqual(try parse(MeetCommand.self, ["meet", "p", "--as-of", "yesterday"]).asOf?.day, Day.today().adding(days: -1))
        let bad = parseError(["list", "--as-of", "31/02/2009"])
        XCTAssertEqual(bad.code, 64)
        XCTAssertTrue(bad.message.contains("'31/02/2009' is invalid for '--as-of <date>': not a date: \"31/02/2009\" (February 2009 has no day 31); expected YYYY-MM-DD, DD/MM/YYYY"), bad.message)
    }

    func testShowAndSetTakeForgivingAddressesAndStatuses() throws {
        let show = try parse(ShowCommand.self, ["show", "t12", "--plan", "luton-dis", "--width", "0"])
        XCTAssertEqual(show.address, "t12")
        XCTAssertEqual(show.plan, "luton-dis")
        XCTAssertEqual(show.width, 0)
        for (word, status) in [("done", Status.met), ("yes", .met), ("no", .notMet), ("partly", .partiallyMet), ("partial", .partiallyMet), ("not-assessed", .notAssessed)] {
            XCTAssertEqual(try parse(SetCommand.self, ["set", "luton-dis/t12", word]).status, status, word)
        }
        let set = try parse(SetCommand.self, ["set", "t12", "met", "--plan", "luton", "--comment", "c", "--forecast", "f", "--by", "gs"])
        XCTAssertEqual(set.target, "t12")
        XCTAssertEqual(set.plan, "luton")
        XCTAssertEqual(set.comment, "c")
        XCTAssertEqual(set.by, "gs")
        let bad = parseError(["set", "p/t1", "finished"])
        XCTAssertEqual(bad.code, 64)
        XCTAssertTrue(bad.message.contains("'met', 'not-met', 'partially-met' or 'not-assessed'"), bad.message)
    }

    func testCSVCommandsHaveRaw() throws {
        XCTAssertTrue(try parse(ExportCommand.self, ["export", "p", "--raw", "--bom", "-o", "x.csv"]).raw)
        XCTAssertFalse(try parse(ExportCommand.self, ["export", "p"]).raw)
        XCTAssertTrue(try parse(ReportCommand.self, ["report", "p", "--format", "csv", "--raw"]).raw)
        XCTAssertTrue(try parse(HistoryCommand.self, ["history", "p", "--format", "csv", "--raw"]).raw)
        XCTAssertTrue(try parse(PlansCommand.self, ["plans", "--format", "csv", "--raw"]).raw)
        XCTAssertEqual(parseError(["report", "p", "--raw"]).code, 64, "--raw is for csv")
    }

    func testValidationErrors() {
        XCTAssertEqual(parseError(["show", "p/t1", "--format", "csv"]).message, "show prints text or json, not csv")
        XCTAssertEqual(parseError(["summary", "--format", "csv"]).message, "summary prints text or json, not csv")
        XCTAssertEqual(parseError(["summary", "--review", "1"]).code, 64)
        XCTAssertEqual(parseError(["restore", "p"]).message, "give either --list or --version N")
        XCTAssertEqual(parseError(["list", "--status", "soon"]).code, 64)
        XCTAssertEqual(parseError(["list", "--bogus"]).code, 64)
        XCTAssertEqual(parseError(["report", "p", "--review", "0"]).code, 64)
        XCTAssertEqual(parseError(["meet", "../x"]).code, 64)
    }

    func testParserMessagesQuotingTheCommandLineAreCleanedByMain() {
        let error = parseError(["set", "p/t1", "\u{1B}]0;pwned\u{07}"])
        XCTAssertTrue(error.message.contains("\u{1B}"), "the parser itself quotes what was typed")
        let cleaned = ParserMessage.clean(ActionPlanCommand.fullMessage(for: { () -> Error in
            do { _ = try ActionPlanCommand.parseAsRoot(["set", "p/t1", "\u{1B}]0;pwned\u{07}"]); return CleanExit.message("") } catch { return error }
        }()))
        XCTAssertFalse(cleaned.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, cleaned)
        XCTAssertTrue(cleaned.contains("␛]0;pwned␇"), cleaned)
    }

    func testNoSubcommandOpensTheUI() throws {
        XCTAssertTrue(try ActionPlanCommand.parseAsRoot([]) is UICommand)
    }
}
