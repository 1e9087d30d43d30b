#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A data directory of plan files (`PLAN_ID.json`). Every change is a read-modify-write under the
/// plan's lock, saved atomically, so concurrent editors never lose each other's changes.
public struct PlanStore: Sendable {
    public let directory: String
    public var writer: AtomicWriter
    public var backups: Backups

    public init(directory: String, writer: AtomicWriter = AtomicWriter(), keepBackups: Int = Backups.defaultKeep()) {
        self.directory = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        self.writer = writer
        self.backups = Backups(dataDirectory: self.directory, keep: keepBackups)
    }

    /// Writes a new version of a plan file, first keeping the version it replaces as a backup.
    private func replace(_ id: String, at path: String, previous: [UInt8]?, with bytes: [UInt8]) throws(StoreError) {
        let backup = previous.flatMap { backups.keep($0, of: id) }
        do throws(SaveError) {
            try writer.write(bytes, to: path)
        } catch {
            // A failed save leaves nothing behind, not even a copy of the unchanged file.
            if error.step != .fsyncDirectory { backups.discard(backup, of: id) }
            throw StoreError.save(error)
        }
    }

    public func path(for id: String) throws(StoreError) -> String {
        if let reason = PlanID.problem(with: id) { throw .invalidPlanID(id, reason: reason) }
        return "\(directory)/\(id).json"
    }

    func lockPath(for id: String) -> String { "\(directory)/.\(id).lock" }

    /// The ids of the plan files, sorted. Dot files (locks, temporaries, backups) are not plans.
    public func planIDs() throws(StoreError) -> [String] {
        guard let dir = opendir(directory) else { throw .noDataDirectory(directory) }
        defer { closedir(dir) }
        var ids: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard !name.hasPrefix("."), let id = PlanFile.planID(forPath: name) else { continue }
            ids.append(id)
        }
        return ids.sorted()
    }

    /// Loads one plan by id.
    public func load(_ id: String) throws(StoreError) -> PlanFile.Loaded {
        let path = try path(for: id)
        guard access(path, F_OK) == 0 else {
            throw .planNotFound(id, available: (try? planIDs()) ?? [])
        }
        do {
            return try PlanFile.loadWithFingerprint(path: path)
        } catch {
            throw .file(error)
        }
    }

    /// Visits every plan in id order. Files are read and parsed a few at a time on all cores (parsing
    /// dominates commands that read every plan), then handed to `body` one by one in order, so memory
    /// stays bounded however many plans there are. A bad file does not stop the others: it is passed
    /// on as a failure.
    public func forEachPlan(_ body: (Result<PlanFile.Loaded, PlanFileError>) throws -> Void) throws {
        let ids = try planIDs()
        let batchSize = max(2, ProcessInfo.processInfo.activeProcessorCount * 2)
        var start = 0
        while start < ids.count {
            let batch = Array(ids[start..<min(start + batchSize, ids.count)])
            let slots = ResultSlots(count: batch.count)
            DispatchQueue.concurrentPerform(iterations: batch.count) { i in
                let path = "\(directory)/\(batch[i]).json"
                do throws(PlanFileError) {
                    slots.set(i, .success(try PlanFile.loadWithFingerprint(path: path)))
                } catch {
                    slots.set(i, .failure(error))
                }
            }
            for result in slots.take() { try body(result) }
            start += batch.count
        }
    }

    /// Reads the fingerprint of a plan's file as it is on disk now (to notice saves by others).
    public func fingerprintOnDisk(_ id: String) -> Fingerprint? {
        guard let path = try? path(for: id), let bytes = try? FileBytes.read(path, limit: PlanFile.maxBytes) else { return nil }
        return Fingerprint(bytes)
    }

    public struct CommitResult: Sendable {
        /// The plan as saved, with the fingerprint of what is on disk now.
        public var loaded: PlanFile.Loaded
        /// History entries this commit added (empty when every value was already as asked).
        public var applied: [HistoryEntry]
        /// Fields someone else had changed since `base` was loaded (ours won; theirs is in history).
        public var conflicts: [Conflict]
        /// True when the file had changed on disk since `base` and the changes were merged into it.
        public var merged: Bool
    }

    /// Applies changes to a plan: under the lock, reads the file as it is now; if it differs from
    /// `base` (another process saved), applies the changes to the newer version instead, field by
    /// field, so both people's edits survive. Saves atomically; nothing is written if nothing changed.
    public func commit(_ changes: [TargetChange], to id: String, base: PlanFile.Loaded? = nil,
                       who: String, when: String = Timestamp.iso()) throws(StoreError) -> CommitResult {
        let path = try path(for: id)
        do {
            return try FileLock.withLock(path: lockPath(for: id)) {
                let bytes: [UInt8]
                do throws(FileBytes.Failure) {
                    bytes = try FileBytes.read(path, limit: PlanFile.maxBytes)
                } catch {
                    if case .system(let code) = error, code == ENOENT {
                        throw StoreError.planNotFound(id, available: (try? planIDs()) ?? [])
                    }
                    throw StoreError.file(PlanFileError(file: path, location: "", message: "cannot read the plan to save it"))
                }
                let onDisk = Fingerprint(bytes)
                var current: PlanFile.Loaded
                var merged = false
                if let base, base.fingerprint == onDisk {
                    current = base
                } else {
                    let decoded = PlanFile.decode(bytes, file: path, expectedID: id, fingerprint: onDisk)
                    guard let loaded = decoded.loaded else { throw StoreError.file(decoded.problems[0]) }
                    current = loaded
                    merged = base != nil
                }
                var applied: [HistoryEntry] = []
                var conflicts: [Conflict] = []
                for change in changes {
                    guard let before = current.plan.target(id: change.targetID) else {
                        throw StoreError.targetNotFound(TargetAddress(planID: id, targetID: change.targetID))
                    }
                    let now = before.value(of: change.field)
                    if let expected = change.expectedOld, expected != now, now != change.new {
                        let theirs = before.history.last(where: { $0.field == change.field })
                        conflicts.append(Conflict(targetID: change.targetID, field: change.field,
                                                  theirValue: now, theirWho: theirs?.who, mine: change.new))
                    }
                    if let entry = try current.plan.apply(change, who: who, when: when) { applied.append(entry) }
                }
                if !applied.isEmpty {
                    let out = PlanFile.encode(current.plan)
                    try replace(id, at: path, previous: bytes, with: out)
                    current.fingerprint = Fingerprint(out)
                } else {
                    current.fingerprint = onDisk
                }
                return CommitResult(loaded: current, applied: applied, conflicts: conflicts, merged: merged)
            }
        } catch let error as StoreError {
            throw error
        } catch let error as SaveError {
            throw .save(error)
        } catch {
            throw .save(SaveError(step: .lock, path: path, code: EIO))
        }
    }

    /// Replaces a whole plan (import, review snapshots): under the lock, atomically.
    /// With `mustBeNew`, refuses to overwrite an existing plan.
    public func write(_ plan: Plan, mustBeNew: Bool = false) throws(StoreError) -> Fingerprint {
        let path = try path(for: plan.id)
        do {
            return try FileLock.withLock(path: lockPath(for: plan.id)) {
                if mustBeNew && access(path, F_OK) == 0 { throw StoreError.planExists(plan.id) }
                let existing = try? FileBytes.read(path, limit: PlanFile.maxBytes)
                let out = PlanFile.encode(plan)
                try replace(plan.id, at: path, previous: existing, with: out)
                return Fingerprint(out)
            }
        } catch let error as StoreError {
            throw error
        } catch let error as SaveError {
            throw .save(error)
        } catch {
            throw .save(SaveError(step: .lock, path: path, code: EIO))
        }
    }

    /// Read-modify-write of a whole plan under its lock (reviews, imports with --replace).
    public func update<T>(_ id: String, _ body: (inout Plan) throws -> T) throws -> T {
        let path = try path(for: id)
        return try FileLock.withLock(path: lockPath(for: id)) {
            let previous: [UInt8]
            do throws(FileBytes.Failure) { previous = try FileBytes.read(path, limit: PlanFile.maxBytes) } catch {
                throw StoreError.planNotFound(id, available: (try? planIDs()) ?? [])
            }
            let decoded = PlanFile.decode(previous, file: path, expectedID: id)
            guard var plan = decoded.loaded?.plan else { throw StoreError.file(decoded.problems[0]) }
            let result = try body(&plan)
            let out = PlanFile.encode(plan)
            if out != previous { try replace(id, at: path, previous: previous, with: out) }
            return result
        }
    }

    /// Removes temporary files left by saves of processes that no longer exist (a kill -9 mid-save).
    /// Returns the names removed.
    @discardableResult
    public func removeStaleTemporaryFiles() -> [String] {
        guard let dir = opendir(directory) else { return [] }
        defer { closedir(dir) }
        var removed: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard name.hasPrefix("."), let marker = name.range(of: AtomicWriter.temporaryMarker) else { continue }
            let rest = name[marker.upperBound...]
            guard let pidText = rest.split(separator: ".").first, let pid = pid_t(pidText) else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                if unlink("\(directory)/\(name)") == 0 { removed.append(name) }
            }
        }
        return removed
    }
}

/// Results written by concurrent loaders, each into its own slot.
private final class ResultSlots: @unchecked Sendable {
    private var results: [Result<PlanFile.Loaded, PlanFileError>?]
    private let lock = NSLock()

    init(count: Int) { results = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<PlanFile.Loaded, PlanFileError>) {
        lock.lock()
        results[index] = result
        lock.unlock()
    }

    func take() -> [Result<PlanFile.Loaded, PlanFileError>] { results.map { $0! } }
}
