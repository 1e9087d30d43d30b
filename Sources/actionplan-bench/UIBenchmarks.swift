import ActionPlanCore
import ActionPlanTUI
import Foundation

/// The UI's in-process figures for `make bench`: one full-screen render, and a keypress that changes a
/// status through update → effect → durable save → the saved event back into update.
enum UIBenchmarks {
    static func render(directory: String, planID: String, iterations: Int) throws {
        let plan = try PlanStore(directory: directory).load(planID).plan
        for (w, h) in [(200, 60), (80, 24)] {
            let seconds = TUIBenchmark.renderFullScreen(plan: plan, width: w, height: h, iterations: iterations)
            print(String(format: "render %d×%d of a %d-target plan: %.3f ms per frame (%d frames)",
                         w, h, plan.allTargets.count, seconds * 1000, iterations))
        }
    }

    static func keypressToSaved(directory: String, planID: String, iterations: Int) throws {
        let store = PlanStore(directory: directory, keepBackups: Backups.defaultKeep())
        let runner = EffectRunner(store: store, who: "bench")
        let options = AppOptions(glyphs: .unicode, asOf: Day(year: 2007, month: 3, day: 31)!, who: "bench",
                                 planID: planID, dataDirectory: directory)
        var (state, effects) = Startup.initialState(store: store, options: options)
        state = run(state, effects, runner)
        state = run(state, .resize(Size(width: 120, height: 40)), runner)
        // Down to the first target line (Key Issue, objective, target).
        for _ in 0..<2 { state = run(state, .key(.down), runner) }
        var samples: [Double] = []
        for i in 0..<iterations {
            let start = DispatchTime.now().uptimeNanoseconds
            state = run(state, .key(.char(i % 2 == 0 ? "m" : "x")), runner)
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        samples.sort()
        let saved = (try? store.load(planID).plan.allTargets.first?.history.count) ?? 0
        print(String(format: "keypress to saved (update + durable save + saved event), %d-target plan: median %.2f ms, p90 %.2f ms over %d keys (%d history entries on disk)",
                     state.doc?.plan.allTargets.count ?? 0, samples[samples.count / 2], samples[samples.count * 9 / 10], iterations, saved))
    }

    /// Feeds an event through update and performs the effects, as the backend's loop does.
    private static func run(_ state: AppState, _ event: Event, _ runner: EffectRunner) -> AppState {
        let (next, effects) = update(state, event)
        return run(next, effects, runner)
    }

    private static func run(_ state: AppState, _ effects: [Effect], _ runner: EffectRunner) -> AppState {
        var state = state
        var queue = effects.flatMap { runner.perform($0) }
        while !queue.isEmpty {
            let (next, more) = update(state, queue.removeFirst())
            state = next
            queue += more.flatMap { runner.perform($0) }
        }
        return state
    }
}
