/// A problem with a plan file, said the way an officer can act on it:
/// `data/x.json: $.keyIssues[0].objectives[2].targets[1].status: expected one of met, notMet, …; found "done"`.
public struct PlanFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file, as the user named it (or the data-directory path).
    public var file: String
    /// `line 3, column 7` for syntax errors, a JSON path (`$.keyIssues[0].title`) for content errors, or "".
    public var location: String
    public var message: String

    public init(file: String, location: String, message: String) {
        self.file = file
        self.location = location
        self.message = message
    }

    public var description: String {
        location.isEmpty ? "\(file): \(message)" : "\(file): \(location): \(message)"
    }
}

/// Several problems found in one file (validation reports them all, loading stops at the first).
public struct PlanFileErrors: Error, Sendable, CustomStringConvertible {
    public var problems: [PlanFileError]
    public init(_ problems: [PlanFileError]) { self.problems = problems }
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
