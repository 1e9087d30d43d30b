#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Text typed into the editor but not yet saved when the session ended (SIGHUP from a dropped SSH
/// link, SIGTERM). It is written to `.PLAN_ID.recovery.json` beside the plan, and the next start
/// offers to restore it. Every other change is saved the moment it is made, so this is the only
/// unsaved state there ever is.
public struct EditRecovery: Sendable, Equatable {
    public var planID: String
    public var targetID: String
    public var field: TargetField
    public var text: String
    public var who: String
    public var when: String

    public init(planID: String, targetID: String, field: TargetField, text: String, who: String, when: String = Timestamp.iso()) {
        self.planID = planID
        self.targetID = targetID
        self.field = field
        self.text = text
        self.who = who
        self.when = when
    }

    public static func path(in directory: String, planID: String) -> String {
        "\(directory)/.\(planID).recovery.json"
    }

    /// Written atomically (a half-written recovery file would be worse than none), as one of the
    /// program's own files: never through a link or over a non-regular file, with the plan's mode and
    /// group (the text may be as confidential as the plan).
    public func save(in directory: String) throws(SaveError) {
        let value = JSONValue.object([
            JSONMember("plan", .string(planID)), JSONMember("target", .string(targetID)),
            JSONMember("field", .string(field.rawValue)), JSONMember("text", .string(text)),
            JSONMember("who", .string(who)), JSONMember("when", .string(when)),
        ])
        let dir = Posix.openFile(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dir >= 0 else { throw SaveError(step: .open, path: EditRecovery.path(in: directory, planID: planID), code: errno) }
        defer { close(dir) }
        let (mode, group) = OwnDirectory.fileMode(forPlan: "\(directory)/\(planID).json")
        try AtomicWriter().writeOwnFile(JSONWriter.serialize(value), in: dir, directoryPath: directory,
                                        name: ".\(planID).recovery.json", mode: mode, group: group)
    }

    /// The recovery left for a plan, if any (an unreadable one, a link or a FIFO, is treated as none and
    /// left in place: never followed, never waited on).
    public static func load(in directory: String, planID: String) -> EditRecovery? {
        guard let bytes = try? FileBytes.read(path(in: directory, planID: planID), limit: 1 << 20, links: .never),
              let value = try? JSONParser.parse(bytes),
              case .string(let target)? = value["target"], case .string(let fieldName)? = value["field"],
              let field = TargetField(rawValue: fieldName), case .string(let text)? = value["text"] else { return nil }
        var who = "", when = ""
        if case .string(let w)? = value["who"] { who = w }
        if case .string(let w)? = value["when"] { when = w }
        return EditRecovery(planID: planID, targetID: target, field: field, text: text, who: who, when: when)
    }

    public static func discard(in directory: String, planID: String) {
        unlink(path(in: directory, planID: planID))
    }
}
