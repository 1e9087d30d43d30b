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
    /// Seconds a save waits for another process's lock before failing "being saved by …" (`FileLock`).
    public var lockTimeout: Double = FileLock.defaultTimeout()

    public init(directory: String, writer: AtomicWriter = AtomicWriter(), keepBackups: Int = Backups.defaultKeep()) {
        self.directory = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        self.writer = writer
        self.backups = Backups(dataDirectory: self.directory, keep: keepBackups)
    }

    /// Writes a new version of a plan file, first keeping the version it replaces as a backup.
    private func replace(_ id: String, at path: String, previous: [UInt8]?, with bytes: [UInt8]) throws(StoreError) {
        var backup: String?
        do throws(SaveError) {
            if let previous { backup = try backups.keep(previous, of: id) }
            try writer.write(bytes, to: path, as: .plan)
        } catch {
            // A failed save leaves nothing behind, not even a copy of the unchanged file.
            if error.previousVersionUnchanged { backups.discard(backup, of: id) }
            throw StoreError.save(error)
        }
    }

    private func withPlanLock<T, E: Error>(_ id: String, wrap: (SaveError) -> E, _ body: () throws(E) -> T) throws(E) -> T {
        try FileLock.withLock(path: lockPath(for: id), planID: id, timeout: lockTimeout, wrap: wrap, body)
    }

    /// Reads the plan file under the lock to change it: a missing one is "no plan", anything else says why.
    private func readForSave(_ id: String, at path: String) throws(StoreError) -> [UInt8] {
        do throws(FileBytes.Failure) {
            return try FileBytes.read(path, limit: PlanFile.maxBytes, links: .ownedByUserOrRoot)
        } catch {
            var info = stat()
            if case .system(let code) = error, code == ENOENT, lstat(path, &info) != 0 {
                throw StoreError.planNotFound(id, available: (try? planIDs()) ?? [])
            }
            throw StoreError.file(PlanFileError(file: path, location: "",
                                                message: "cannot read the plan to save it: \(PlanFile.readProblem(error, path: path))"))
        }
    }

    public func path(for id: String) throws(StoreError) -> String {
        if let reason = PlanID.problem(with: id) { throw .invalidPlanID(id, reason: reason) }
        return "\(directory)/\(id).json"
    }

    func lockPath(for id: String) -> String { "\(directory)/.\(id).lock" }

    /// The ids of the plan files, sorted. Dot files (locks, temporaries, backups) are not plans.
    public func planIDs() throws(StoreError) -> [String] {
        guard let names = DirectoryListing.names(in: directory) else { throw .noDataDirectory(directory) }
        return names.compactMap { $0.hasPrefix(".") ? nil : PlanFile.planID(forPath: $0) }.sorted()
    }

    /// Loads one plan by id.
    public func load(_ id: String) throws(StoreError) -> PlanFile.Loaded {
        let path = try path(for: id)
        var info = stat()
        guard lstat(path, &info) == 0 else { // a dangling link exists: loading it says what it is
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
        guard let path = try? path(for: id),
              let bytes = try? FileBytes.read(path, limit: PlanFile.maxBytes, links: .ownedByUserOrRoot) else { return nil }
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

    /// Applies review-field changes to a plan (the UI's ticks, `set`): `commit(_: [PlanChange] …)` with
    /// each as an `.edit`, the result in the terms of targets.
    public func commit(_ changes: [TargetChange], to id: String, base: PlanFile.Loaded? = nil,
                       who: String, when: String = Timestamp.iso()) throws(StoreError) -> CommitResult {
        let result: ChangeResult
        do throws(StoreError) {
            result = try commit(changes.map(PlanChange.init), to: id, base: base, who: who, when: when)
        } catch {
            // These callers name targets only: say so as they always have.
            if case .change(.itemNotFound(let target, _)) = error { throw .targetNotFound(TargetAddress(planID: id, targetID: target)) }
            throw error
        }
        let conflicts = result.conflicts.compactMap { c -> Conflict? in
            guard case .changedMeanwhile(let field, let theirs, let who, let mine) = c.kind, let f = field.targetField else { return nil }
            return Conflict(targetID: c.item, field: f, theirValue: theirs, theirWho: who, mine: mine)
        }
        return CommitResult(loaded: result.loaded, applied: result.entries, conflicts: conflicts, merged: result.merged)
    }

    public struct ChangeResult: Sendable {
        /// The plan as saved, with the fingerprint of what is on disk now.
        public var loaded: PlanFile.Loaded
        /// History entries this commit added (empty when nothing changed, and then nothing was written).
        public var entries: [HistoryEntry]
        /// The ids given to added items, one per add, in order.
        public var added: [String]
        /// Where this change met someone else's (README "Changing a plan"): never silent.
        public var conflicts: [ChangeConflict]
        public var warnings: [String]
        /// True when the file had changed on disk since `base` and the changes were merged into it.
        public var merged: Bool
    }

    /// Applies changes to a plan: under the lock, reads the file as it is now; if it differs from `base`
    /// (another process saved), applies the changes to the newer version instead, item by item and field by
    /// field (`PlanChanges.apply`), so both people's edits survive and new ids are allocated on the latest
    /// version. Saves atomically; nothing is written if nothing changed, or if a change is refused.
    /// - Parameter undoing: the change number these changes take back (`PlanUndo`).
    public func commit(_ changes: [PlanChange], to id: String, base: PlanFile.Loaded? = nil, who: String,
                       when: String = Timestamp.iso(), undoing: Int? = nil) throws(StoreError) -> ChangeResult {
        try commit(to: id, base: base, who: who, when: when) { (_: Plan) throws(ChangeError) in (changes, undoing) }
    }

    /// Like `commit(_:to:…)`, with the changes worked out from the plan as it is on disk now, under the lock
    /// (`undo`: the last change is the one in the file, whatever another process saved just before).
    public func commit(to id: String, base: PlanFile.Loaded? = nil, who: String, when: String = Timestamp.iso(),
                       _ changes: (Plan) throws(ChangeError) -> (changes: [PlanChange], undoing: Int?)) throws(StoreError) -> ChangeResult {
        let path = try path(for: id)
        return try withPlanLock(id, wrap: StoreError.save) { () throws(StoreError) -> ChangeResult in
            let bytes = try readForSave(id, at: path)
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
            let outcome: PlanChanges.Outcome
            do throws(ChangeError) {
                let asked = try changes(current.plan)
                outcome = try PlanChanges.apply(asked.changes, onto: current.plan, who: who, when: when, undoing: asked.undoing)
            } catch {
                throw StoreError.change(error)
            }
            if outcome.changed {
                current.plan = outcome.plan
                let out = PlanFile.encode(current.plan)
                try replace(id, at: path, previous: bytes, with: out)
                current.fingerprint = Fingerprint(out)
            } else {
                current.fingerprint = onDisk
            }
            return ChangeResult(loaded: current, entries: outcome.entries, added: outcome.added,
                                conflicts: outcome.conflicts, warnings: outcome.warnings, merged: merged)
        }
    }

    /// Replaces a whole plan (import, review snapshots): under the lock, atomically.
    /// With `mustBeNew`, refuses to overwrite an existing plan.
    public func write(_ plan: Plan, mustBeNew: Bool = false) throws(StoreError) -> Fingerprint {
        let path = try path(for: plan.id)
        return try withPlanLock(plan.id, wrap: StoreError.save) { () throws(StoreError) -> Fingerprint in
            var info = stat()
            let exists = lstat(path, &info) == 0
            if mustBeNew && exists { throw StoreError.planExists(plan.id) }
            // What is replaced must be readable as a file first (a FIFO, a directory or another user's
            // link is refused here, naming it), and a write that changes nothing writes nothing.
            let existing = exists ? try readForSave(plan.id, at: path) : nil
            let out = PlanFile.encode(plan)
            if existing != out { try replace(plan.id, at: path, previous: existing, with: out) }
            return Fingerprint(out)
        }
    }

    /// Read-modify-write of a whole plan under its lock (reviews, imports with --replace).
    public func update<T>(_ id: String, _ body: (inout Plan) throws -> T) throws -> T {
        let path = try path(for: id)
        return try withPlanLock(id, wrap: { StoreError.save($0) as any Error }) { () throws -> T in
            let previous = try readForSave(id, at: path)
            let decoded = PlanFile.decode(previous, file: path, expectedID: id)
            guard var plan = decoded.loaded?.plan else { throw StoreError.file(decoded.problems[0]) }
            let result = try body(&plan)
            let out = PlanFile.encode(plan)
            if out != previous { try replace(id, at: path, previous: previous, with: out) }
            return result
        }
    }

    /// Writes a file for people into `folder` of the data directory (the UI's reports): the folder is
    /// never reached through a link, and an existing link or another user's file at `fileName` is
    /// refused (as `report -o` without `--force`). Returns the path written.
    public func writeOutput(_ bytes: [UInt8], folder: String, fileName: String) throws(SaveError) -> String {
        let dir = try OwnDirectory.openPublic(folder, in: directory)
        defer { close(dir.fd) }
        try writer.writeOutput(bytes, in: dir.fd, directoryPath: dir.path, name: fileName, force: false)
        return "\(dir.path)/\(fileName)"
    }

    /// Removes temporary files left by saves of processes that no longer exist (a kill -9 mid-save).
    /// Returns the names removed. (A plan's backup folder is cleaned when a backup is kept in it.)
    @discardableResult
    public func removeStaleTemporaryFiles() -> [String] {
        StaleTemporaryFiles.remove(inDirectoryAt: directory)
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
