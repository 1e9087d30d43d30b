/// Why a file could not be imported at all. When this is thrown nothing has been created.
/// Says the file, the line when there is one, and what to do: `notes.txt: line 3: contains a NUL byte …`.
public struct ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var message: String

    public init(file: String, line: Int? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(file): line \(line): \(message)" }
        return "\(file): \(message)"
    }
}
