@testable import actionplan
import ArgumentParser
import XCTest

/// The subcommand `arguments` select, parsed from the root as `main` does (shared by the parse tests).
func parse<C: ParsableCommand>(_ type: C.Type, _ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> C {
    let command = try ActionPlanCommand.parseAsRoot(arguments)
    return try XCTUnwrap(command as? C, "\(arguments) parsed as \(Swift.type(of: command))", file: file, line: line)
}

/// The message and exit code `main` would give for arguments that do not parse ("parsed", 0 if they do).
func parseError(_ arguments: [String]) -> (message: String, code: Int32) {
    do {
        _ = try ActionPlanCommand.parseAsRoot(arguments)
        return ("parsed", 0)
    } catch {
        return (ActionPlanCommand.message(for: error), ActionPlanCommand.exitCode(for: error).rawValue)
    }
}
