import ActionPlanCore
@testable import ActionPlanTUI
import Foundation
import XCTest

/// Whole-screen golden files: every row of the grid as text, under it the runs of non-plain style
/// (bold, reverse, dim, underline, colour role), and where the terminal cursor is.
///
/// Hand-written instead of swift-snapshot-testing: that package brings swift-syntax, minutes of
/// build on the 2-core machine for each clean build, and the Grid needs a custom text strategy either
/// way; this is that strategy and a file compare. The files are plain text, so `git diff` of a
/// re-recorded snapshot shows which rows and which styled runs changed.
///
/// Re-record (after a deliberate change to a screen): `make snapshots`, i.e.
/// `SNAPSHOTS=record swift test --filter TUISnapshotTests`, then review `git diff Tests/ActionPlanTUITests/Snapshots`.
enum Snapshot {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    static let failures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build/snapshot-failures")
    static var recording: Bool { ProcessInfo.processInfo.environment["SNAPSHOTS"] == "record" }

    /// The text form of a grid.
    static func text(of grid: Grid, title: String) -> String {
        var out = "== \(title): \(grid.width)x\(grid.height) ==\n"
        for (y, row) in grid.rows.enumerated() {
            let number = y < 10 ? "0\(y)" : "\(y)"
            out += "\(number) |" + row.map(\.text).joined() + "|\n"
            let runs = styleRuns(row)
            if !runs.isEmpty { out += "     " + runs.joined(separator: "; ") + "\n" }
        }
        if let c = grid.cursor {
            out += "cursor: row \(c.row), column \(c.column)\n"
        } else {
            out += "cursor: hidden\n"
        }
        return out
    }

    /// "3-10 bold,met" for each run of cells in one non-plain style (columns, end exclusive).
    static func styleRuns(_ row: [Cell]) -> [String] {
        var runs: [String] = []
        var x = 0
        while x < row.count {
            let style = row[x].style
            var end = x + 1
            while end < row.count && row[end].style == style { end += 1 }
            if style != .plain { runs.append("\(x)-\(end) \(describe(style))") }
            x = end
        }
        return runs
    }

    static func describe(_ s: Style) -> String {
        var parts: [String] = []
        if s.bold { parts.append("bold") }
        if s.reverse { parts.append("reverse") }
        if s.dim { parts.append("dim") }
        if s.underline { parts.append("underline") }
        if let role = s.role { parts.append("\(role)") }
        return parts.joined(separator: ",")
    }

    /// Compares the screens with the golden file `name.txt` (or writes it when recording).
    static func assert(_ screens: [(title: String, grid: Grid)], named name: String, file: StaticString = #filePath, line: UInt = #line) {
        let actual = screens.map { text(of: $0.grid, title: $0.title) }.joined(separator: "\n")
        let path = folder.appendingPathComponent(name + ".txt")
        if recording {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            XCTAssertNoThrow(try actual.write(to: path, atomically: true, encoding: .utf8), file: file, line: line)
            return
        }
        guard let expected = try? String(contentsOf: path, encoding: .utf8) else {
            XCTFail("no snapshot \(path.path): record it with `make snapshots` and review it", file: file, line: line)
            return
        }
        guard expected != actual else { return }
        try? FileManager.default.createDirectory(at: failures, withIntermediateDirectories: true)
        let actualPath = failures.appendingPathComponent(name + ".txt")
        try? actual.write(to: actualPath, atomically: true, encoding: .utf8)
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let have = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var report: [String] = []
        for i in 0..<max(want.count, have.count) where report.count < 24 {
            let w = i < want.count ? String(want[i]) : "(end)", h = i < have.count ? String(have[i]) : "(end)"
            if w != h { report += ["line \(i + 1):", "- \(w)", "+ \(h)"] }
        }
        XCTFail("""
            \(name) differs from its snapshot. If the change is meant, run `make snapshots` and review the diff.
            diff -u \(path.path) \(actualPath.path)
            \(report.joined(separator: "\n"))
            """, file: file, line: line)
    }
}
