@testable import ActionPlanCore
import Foundation

/// Paths the import tests read: the repository's data/ (hand transcriptions) and the seed documents
/// in ../shared/seeds beside the repository.
enum ImportFixtures {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var dataDirectory: String { repoRoot.appendingPathComponent("data").path }
    static var seedsDirectory: String { repoRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds").path }

    /// Every plan in data/, loaded strictly.
    static func dataPlans() throws -> [Plan] {
        let names = try FileManager.default.contentsOfDirectory(atPath: dataDirectory).filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
        return try names.map { try PlanFile.loadWithFingerprint(path: "\(dataDirectory)/\($0)").plan }
    }

    static func importCSV(_ text: String, file: String = "plan.csv") throws -> ImportResult {
        try PlanImporter.importBytes(Array(text.utf8), file: file, format: .auto)
    }
}
