import XCTest
final class ActionPlanTUITestsPlaceholder: XCTestCase { func testBuilds() { XCTAssertTrue(true) } }
