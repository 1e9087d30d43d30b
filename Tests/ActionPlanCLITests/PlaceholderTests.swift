import XCTest
final class ActionPlanCLITestsPlaceholder: XCTestCase { func testBuilds() { XCTAssertTrue(true) } }
