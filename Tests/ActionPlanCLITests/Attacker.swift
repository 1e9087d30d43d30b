import ActionPlanTestSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the binary with a deadline: a command still running after `seconds` is killed and reported as
/// hung (status nil). Waits on the process's exit, never a fixed time.
func runWithDeadline(_ arguments: [String], seconds: Double = 20, stdin: String? = nil) throws -> (status: Int32?, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CLI.binary)
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env["LANG"] = "C.UTF-8"
    env.removeValue(forKey: "ACTIONPLAN_DATA")
    process.environment = env
    let outFile = NSTemporaryDirectory() + "actionplan-out-" + UUID().uuidString
    let errFile = outFile + ".err"
    FileManager.default.createFile(atPath: outFile, contents: nil)
    FileManager.default.createFile(atPath: errFile, contents: nil)
    defer { unlink(outFile); unlink(errFile) }
    process.standardOutput = FileHandle(forWritingAtPath: outFile)
    process.standardError = FileHandle(forWritingAtPath: errFile)
    process.standardInput = FileHandle.nullDevice
    let exited = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in exited.signal() }
    try process.run()
    var status: Int32? = nil
    if exited.wait(timeout: .now() + seconds) == .success {
        status = process.terminationStatus
    } else {
        kill(process.processIdentifier, SIGKILL)
        exited.wait()
    }
    return (status, Attacker.contents(outFile) ?? "", Attacker.contents(errFile) ?? "")
}
