import ActionPlanCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A hook for the benchmark executable: how long one full-screen render of a plan takes.
public enum TUIBenchmark {
    /// Opens `plan` with everything expanded (cursor on the first target) and renders it
    /// `iterations` times at `width`×`height`. Returns seconds per render (NaN if the plan does not
    /// survive an encode/decode round trip).
    public static func renderFullScreen(plan: Plan, width: Int, height: Int, iterations: Int) -> Double {
        guard let loaded = PlanFile.decode(PlanFile.encode(plan), file: "benchmark", expectedID: plan.id).loaded else { return .nan }
        var state = AppState(options: AppOptions(glyphs: .unicode, asOf: plan.asAt ?? Day(year: 2007, month: 3, day: 31)!))
        state.size = Size(width: width, height: height)
        state.open(loaded)
        if let first = plan.allTargets.first { state.doc?.cursor = .target(first.id) }
        let size = Size(width: width, height: height)
        let n = max(1, iterations)
        var checksum = 0
        let start = monotonicSeconds()
        for _ in 0..<n {
            let grid = render(state, size: size)
            checksum &+= grid.rows.count
        }
        let elapsed = monotonicSeconds() - start
        if checksum == -1 { print(checksum) } // keeps the renders from being optimised away
        return elapsed / Double(n)
    }

    static func monotonicSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
