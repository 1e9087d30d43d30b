import ActionPlanCore
@testable import ActionPlanTUI

/// Events through `update` with every effect performed by a real `EffectRunner` and the events it
/// returns fed back, as the backend does: for the tests that need effects (saves, reviews, sync, locks)
/// against a scratch data directory but no terminal. One copy for every such test file.
extension EffectRunner {
    /// Runs one event until nothing is left to do. `quit` when an effect asked to quit (nothing after
    /// it is performed), unless `ignoringQuit`, where a quit effect is skipped and the rest goes on.
    func drive(_ state: AppState, _ event: Event, ignoringQuit: Bool = false) -> (state: AppState, quit: Bool) {
        var s = state
        var queue = [event]
        while !queue.isEmpty {
            let (next, fx) = update(s, queue.removeFirst())
            s = next
            for e in fx {
                if e.isQuit {
                    if ignoringQuit { continue }
                    return (s, true)
                }
                queue += perform(e)
            }
        }
        return (s, false)
    }

    /// Each key run to rest in turn (quit effects skipped).
    func drive(_ state: AppState, keys: [Key]) -> AppState {
        keys.reduce(state) { drive($0, .key($1), ignoringQuit: true).state }
    }
}
