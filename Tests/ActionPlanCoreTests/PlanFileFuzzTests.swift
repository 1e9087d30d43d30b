import XCTest
@testable import ActionPlanCore

/// Damaged copies of the real plan files in data/: loading must either succeed or report a
/// PlanFileError, never crash or hang.
final class PlanFileFuzzTests: XCTestCase {
    func testMutatedRealPlanFilesNeverCrash() throws {
        let dataDir = Fixtures.repoRoot.appendingPathComponent("data")
        let files = try FileManager.default.contentsOfDirectory(atPath: dataDir.path).filter { $0.hasSuffix(".json") }.sorted()
        XCTAssertEqual(files.count, 5)
        var rng = SplitMix64(seed: 2026)
        var accepted = 0, rejected = 0
        let inserts: [UInt8] = Array("{}[],:\"\\0123456789-tfn ".utf8) + [0x00, 0x1B, 0xC3, 0xFF, 0xE2, 0x80]
        for file in files {
            let original = Array(try Data(contentsOf: dataDir.appendingPathComponent(file)))
            for _ in 0..<400 {
                var bytes = original
                for _ in 0..<(1 + Int(rng.next() % 4)) {
                    let at = Int(rng.next() % UInt64(max(bytes.count, 1)))
                    switch rng.next() % 4 {
                    case 0: if !bytes.isEmpty { bytes[at] ^= UInt8(truncatingIfNeeded: rng.next() | 1) }
                    case 1: if !bytes.isEmpty { bytes.remove(at: at) }
                    case 2: bytes.insert(inserts[Int(rng.next() % UInt64(inserts.count))], at: at)
                    default: bytes = Array(bytes.prefix(at))
                    }
                }
                let result = PlanFile.decode(bytes, file: file, expectedID: String(file.dropLast(5)))
                if result.loaded != nil { accepted += 1 } else {
                    rejected += 1
                    XCTAssertFalse(result.problems.isEmpty)
                    XCTAssertTrue(result.problems[0].description.hasPrefix(file + ": "))
                }
            }
        }
        XCTAssertEqual(accepted + rejected, 2_000)
        XCTAssertGreaterThan(rejected, 1_000, "most damage must be caught")
    }
}
