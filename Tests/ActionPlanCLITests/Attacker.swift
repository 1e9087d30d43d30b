import ActionPlanTestSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the binary with a deadline: a command still running after `seconds` is killed and reported as
/// hung (status nil). Waits on the process's exit, never a fixed time.
func runWithDeadline(_ arguments: [String], seconds: Double = 20) throws -> (status: Int32?, stdout: String, stderr: String) {
    var env = ProcessInfo.processInfo.environment
    env["LANG"] = "C.UTF-8"
    env.removeValue(forKey: "ACTIONPLAN_DATA")
    let ran = try Subprocess.run(CLI.binary, arguments, environment: env, deadline: seconds)
    return (ran.exitStatus, ran.out, ran.err)
}
