import XCTest
@testable import ActionPlanCore

final class TargetIDTests: XCTestCase {
    /// TargetID.number has a fast path for "t" and digits; it must answer as the general rule: "t" and an
    /// integer no larger than TargetID.maxNumber (larger ones are hand-made ids, so the counter cannot overflow).
    func testNumberAgreesWithTheGeneralCode() {
        var ids = ["t1", "t12", "t007", "t0", "t", "", "T1", "x1", "t-5", "t+5", "t1a", "t 1", "t１", "t\u{301}1",
                   "t999999999999999999", "t9223372036854775807", "t9223372036854775808", "t99999999999999999999"]
        var random = SplitMix64(seed: 12)
        let alphabet = Array("t0123456789-+x\u{301}")
        for _ in 0..<3_000 {
            ids.append(String((0..<(1 + random.below(22))).map { _ in alphabet[random.below(alphabet.count)] }))
        }
        for id in ids {
            let general: Int? = id.first == "t" ? Int(id.dropFirst()).flatMap { $0 <= TargetID.maxNumber ? $0 : nil } : nil
            XCTAssertEqual(TargetID.number(in: id), general, id)
        }
    }
}
