import XCTest
final class ActionPlanCoreTestsPlaceholder: XCTestCase { func testBuilds() { XCTAssertTrue(true) } }
