import ActionPlanCore

/// Placeholder until the review UI lands: the TUI's state type.
public struct AppState: Sendable {
    public init() {}
}
