extension BuildInfo {
    /// `actionplan --version`: `0.2.0 (commit 1a2b3c4d5e6f)`.
    static var versionLine: String { "\(version) (commit \(commit))" }
}
