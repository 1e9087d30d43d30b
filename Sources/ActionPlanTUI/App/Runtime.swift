import ActionPlanCore

/// The loop between `update` and the effects, without the terminal: the backend feeds it what the
/// terminal produced (keys, resizes, ticks, signals) and draws `state`; tests feed it the same.
///
/// The events an effect produces are handled before anything that was queued after the event that
/// caused it. A key and an idle tick read in the same pass of the backend's loop arrive together; if
/// the key saves, the tick must see the state after that save (its new base fingerprint), or it
/// compares the file on disk with the version before our own save and reports "saved by someone
/// else".
public struct Runtime {
    public private(set) var state: AppState
    public let runner: EffectRunner
    /// Lines to print after the terminal is restored, once the app quit (what was kept, what failed).
    public private(set) var farewell: [String] = []

    public init(state: AppState, runner: EffectRunner) {
        self.state = state
        self.runner = runner
    }

    /// Handles `events` in order, each with all its consequences first. Returns true when the app
    /// is to quit (every effect before the quit has been performed: recovery, presence, saves).
    public mutating func handle(_ events: [Event]) -> Bool {
        var queue = events
        while !queue.isEmpty {
            let (next, effects) = update(state, queue.removeFirst())
            state = next
            var produced: [Event] = []
            for effect in effects {
                if effect.isQuit {
                    farewell += Runtime.farewell(from: produced)
                    return true
                }
                produced += runner.perform(effect)
            }
            queue.insert(contentsOf: produced, at: 0)
        }
        return false
    }

    /// The start: handles `events` (the terminal size), then what the first effects (from `Startup`)
    /// produce. Returns true when one of them is a quit.
    public mutating func start(events: [Event], effects: [Effect]) -> Bool {
        var queue = events
        for effect in effects {
            if effect.isQuit { return true }
            queue += runner.perform(effect)
        }
        return handle(queue)
    }
}

extension Runtime {
    /// What to print once the terminal is restored, from the events of the effects performed just
    /// before a quit (a kept recovery file, a last save that failed).
    static func farewell(from events: [Event]) -> [String] {
        events.compactMap { event in
            switch event {
            case .session(.farewell(let text)): return text
            case .saved(let planID, let changes, .failure(let error), _):
                return "\(changes.count) change\(changes.count == 1 ? "" : "s") to \(planID) could not be saved: \(error)"
            default: return nil
            }
        }
    }
}
