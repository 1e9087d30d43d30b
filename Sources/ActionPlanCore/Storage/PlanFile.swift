#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Reading and writing one plan file. Loading is strict (see JSONParser) and every error names the
/// file, where (line/column or JSON path) and what was expected.
public enum PlanFile {
    /// A plan file larger than this is refused before it is read.
    public static let maxBytes = 64 << 20
    public static let limits = JSONLimits(maxDepth: 64, maxBytes: maxBytes)

    public struct Loaded: Sendable {
        public var plan: Plan
        public var fingerprint: Fingerprint
        /// Keys the program does not know (kept on save), as JSON paths.
        public var unknownKeys: [String]
    }

    public static func load(from url: URL) throws -> Plan {
        try loadWithFingerprint(path: url.path).plan
    }

    /// Loads and checks one file; throws `PlanFileError` (the first problem).
    public static func loadWithFingerprint(path: String, displayName: String? = nil) throws(PlanFileError) -> Loaded {
        let result = inspect(path: path, displayName: displayName)
        if let first = result.problems.first { throw first }
        return result.loaded!
    }

    /// Loads and checks one file, collecting every problem (for `validate`).
    /// `expectedID` is the id the file must hold: by default the file name's (a backup holds its plan's).
    public static func inspect(path: String, displayName: String? = nil, expectedID: String? = nil) -> (loaded: Loaded?, problems: [PlanFileError]) {
        let name = displayName ?? path
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path, limit: maxBytes, links: .ownedByUserOrRoot)
        } catch {
            return (nil, [PlanFileError(file: name, location: "", message: readProblem(error, path: path))])
        }
        return decode(bytes, file: name, expectedID: expectedID ?? planID(forPath: path))
    }

    /// Why a plan file could not be read, in words: a dangling link says so rather than "not found".
    static func readProblem(_ error: FileBytes.Failure, path: String) -> String {
        switch error {
        case .system(let code) where code == ENOENT:
            var info = stat()
            if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK {
                // readlink only to say where it points (the text is shown cleaned), never to open it.
                var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
                let n = readlink(path, &buffer, Int(PATH_MAX))
                let target = n > 0 ? String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : "?"
                return "is a symbolic link to \"\(Sanitizer.clean(target))\", which does not exist"
            }
            return error.reason
        case .tooLarge(let size): return "file is \(size) bytes, larger than the \(maxBytes >> 20) MiB limit for a plan file"
        default: return error.reason
        }
    }

    /// Parses and decodes bytes; `expectedID` (from the file name) must match the `id` inside.
    /// `fingerprint`: the bytes' fingerprint when the caller has already computed it (a save under the
    /// lock does), so a large file is not hashed twice.
    public static func decode(_ bytes: [UInt8], file: String, expectedID: String?, fingerprint: Fingerprint? = nil) -> (loaded: Loaded?, problems: [PlanFileError]) {
        // Decoded straight from the bytes (no JSONValue tree): a syntax error, wherever it is, is the only problem reported.
        typealias Decoded = (plan: Plan?, problems: [(path: String, message: String)], unknownKeys: [String])
        let outcome = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONSyntaxError) -> Decoded in
                var decoder = try PlanDecoder(buffer, limits: limits)
                let plan = try decoder.decode()
                return (plan, decoder.problems, decoder.unknownKeys)
            }
        }
        let decoded: Decoded
        switch outcome {
        case .success(let value): decoded = value
        case .failure(let error):
            return (nil, [PlanFileError(file: file, location: "line \(error.line), column \(error.column)", message: error.message)])
        }
        let plan = decoded.plan
        var problems = decoded.problems.map { PlanFileError(file: file, location: $0.path, message: $0.message) }
        if let plan, let expectedID, problems.isEmpty, plan.id != expectedID {
            problems.append(PlanFileError(file: file, location: "$.id",
                message: "the id \"\(Sanitizer.clean(plan.id))\" does not match the file name (expected \"\(expectedID)\", as in \(expectedID).json)"))
        }
        guard let plan, problems.isEmpty else { return (nil, problems) }
        return (Loaded(plan: plan, fingerprint: fingerprint ?? Fingerprint(bytes), unknownKeys: decoded.unknownKeys), [])
    }

    /// The bytes `actionplan` writes for a plan: sorted keys, two-space indent, trailing newline.
    /// Items without ids (a plan built by an import) get them here, as on load (`Plan.assignMissingIds`).
    public static func encode(_ plan: Plan) -> [UInt8] {
        PlanEncoder.encode(plan)
    }

    /// `data/x.json` → `x`; nil when the name is not `*.json`.
    public static func planID(forPath path: String) -> String? {
        let name = AtomicWriter.fileName(of: path)
        guard name.hasSuffix(".json"), name.count > 5 else { return nil }
        return String(name.dropLast(5))
    }
}
