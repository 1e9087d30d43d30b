import ActionPlanCore
import Foundation
import XCTest

/// docs/FORMAT.md promises that keys the program does not know are kept when it saves. For every sample plan:
/// give it a closed review (so it has snapshot entries) and an open one, add an unknown key to every object
/// in the file (plan, period, Key Issues, objectives, targets, measures, history entries, reviews, snapshot
/// entries), then save it through every kind of change the command line makes and find every key after each,
/// with a big integer in it kept to the digit. (`import --replace` is left out on purpose: it replaces the plan
/// with the imported document, so nothing of the old file is meant to survive it.)
final class UnknownKeysCommandTests: XCTestCase {
    private static let key = "zzKept"
    private static let big = "12345678901234567890"

    func testUnknownKeysAtEveryLevelSurviveEveryKindOfChange() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: CLI.repoRoot.appendingPathComponent("data").path)
            .filter { $0.hasSuffix(".json") }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, 5)
        for name in names {
            let id = String(name.dropLast(5))
            let dir = try CLI.scratchData(copying: [name])
            defer { try? FileManager.default.removeItem(atPath: dir) }
            let file = "\(dir)/\(name)"
            try run(["review", "start", id, "--as-at", "2030-01-31", "--title", "First"], dir)
            try run(["set", "\(id)/t1", "met", "--comment", "before the keys"], dir)
            try run(["review", "close", id], dir)
            try run(["review", "start", id, "--as-at", "2030-02-28"], dir)

            var tree = try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: file))))
            var planted: [String] = []
            Self.plant(&tree, at: "$", into: &planted)
            try Data(JSONWriter.serialize(tree)).write(to: URL(fileURLWithPath: file))
            for level in ["$", "$.period", "$.keyIssues[0]", "$.keyIssues[0].objectives[0]", "$.keyIssues[0].objectives[0].targets[0]",
                          "$.keyIssues[0].objectives[0].targets[0].history[0]", "$.reviews[0]", "$.reviews[0].snapshot[0]", "$.reviews[1]"]
            where level != "$.period" || tree["period"] != nil {
                XCTAssertTrue(planted.contains(level), "\(name): no object at \(level) to plant a key in")
            }
            try assertKept(planted, in: file, "\(name) as planted")
            let validate = try CLI.run(["validate", file])
            XCTAssertEqual(validate.status, 0, "\(name): \(validate.stderr)")

            try run(["set", "\(id)/t1", "partially-met"], dir)
            try assertKept(planted, in: file, "\(name) after a status change")
            try run(["set", "\(id)/t1", "partially-met", "--comment", "a new comment", "--forecast", "June"], dir)
            try assertKept(planted, in: file, "\(name) after a comment and forecast change")
            try run(["review", "close", id], dir)
            try assertKept(planted, in: file, "\(name) after review close")
            try run(["review", "start", id, "--as-at", "2030-03-31"], dir)
            try assertKept(planted, in: file, "\(name) after review start")
            try run(["restore", id, "--version", "2"], dir)
            try assertKept(planted, in: file, "\(name) after restore")
        }
    }

    // MARK: - Helpers

    private func run(_ arguments: [String], _ dir: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let result = try CLI.run(arguments + ["--data", dir], environment: ["ACTIONPLAN_USER": "tester"])
        XCTAssertEqual(result.status, 0, "\(arguments.joined(separator: " ")): \(result.stderr)", file: file, line: line)
    }

    /// Adds `zzKept: {"at": PATH, "big": 12345678901234567890}` to every object, depth first.
    private static func plant(_ value: inout JSONValue, at path: String, into planted: inout [String]) {
        switch value {
        case .object(var members):
            for i in members.indices { plant(&members[i].value, at: "\(path).\(members[i].key)", into: &planted) }
            let marker = #"{"at": \#(String(decoding: JSONWriter.serialize(.string(path)).dropLast(), as: UTF8.self)), "big": \#(big)}"#
            members.append(JSONMember(key, try! JSONParser.parse(Array(marker.utf8))))
            planted.append(path)
            value = .object(members)
        case .array(var elements):
            for i in elements.indices { plant(&elements[i], at: "\(path)[\(i)]", into: &planted) }
            value = .array(elements)
        default:
            break
        }
    }

    /// Every planted marker is in the file, where it was put, with its number as written.
    private func assertKept(_ planted: [String], in file: String, _ label: String, line: UInt = #line) throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertEqual(text.components(separatedBy: "\"big\": \(Self.big)").count - 1, planted.count, "\(label): big integers kept", line: line)
        var found: [String] = []
        func collect(_ value: JSONValue, _ path: String) {
            switch value {
            case .object(let members):
                for m in members {
                    if m.key == Self.key, case .string(let at)? = m.value["at"] {
                        XCTAssertEqual(at, path, "\(label): marker moved", line: line)
                        found.append(at)
                    } else {
                        collect(m.value, "\(path).\(m.key)")
                    }
                }
            case .array(let elements):
                for (i, e) in elements.enumerated() { collect(e, "\(path)[\(i)]") }
            default: break
            }
        }
        collect(try JSONParser.parse(bytes), "$")
        XCTAssertEqual(Set(found), Set(planted), "\(label): \(Set(planted).subtracting(found).sorted().prefix(5)) lost", line: line)
    }
}
