/// `actionplan merge-driver %O %A %B %P`: what git runs for a plan file changed on both sides (the
/// `merge=actionplan` attribute, `merge.actionplan.driver` config). Reads the common version (%O),
/// ours (%A) and theirs (%B), merges them with `PlanMerge` and writes the result over %A, as git
/// expects. The result is always a whole, valid plan file; when the file cannot be merged (a side is
/// not a valid plan, both changed its structure) %A is left as it was, the reason is printed, and
/// the exit status tells git it is a conflict: the other files still merge.
public enum MergeDriver {
    /// Lines sync reads back from git's output (the driver's stderr passes through git's).
    public static let failurePrefix = "cannot merge "
    public static let notePrefix = "merged with a decision: "

    public struct Result: Sendable, Equatable {
        public var ok: Bool
        /// Lines for stderr, each starting with one of the prefixes above.
        public var messages: [String]
    }

    public static func run(base: String, ours: String, theirs: String, pathName: String,
                           writer: AtomicWriter = AtomicWriter()) -> Result {
        let name = Sanitizer.clean(pathName)
        func fail(_ reason: String) -> Result { Result(ok: false, messages: [failurePrefix + "\(name): " + reason]) }
        guard let id = PlanFile.planID(forPath: pathName), PlanID.problem(with: id) == nil else {
            return fail("not a plan file name (ID.json); resolve it with git")
        }
        func load(_ path: String, _ side: String) -> (plan: Plan?, problem: String?) {
            let (loaded, problems) = PlanFile.inspect(path: path, displayName: "\(pathName) (\(side))", expectedID: id)
            if let plan = loaded?.plan { return (plan, nil) }
            let first = problems.first
            return (nil, "\(side) is not a valid plan: \(first.map { "\($0.location.isEmpty ? "" : $0.location + ": ")\($0.message)" } ?? "unreadable")")
        }
        // An empty common version: the file was added on both sides (no ancestor).
        let baseBytes = (try? FileBytes.read(base, limit: PlanFile.maxBytes, links: .ownedByUserOrRoot)) ?? []
        var basePlan: Plan?
        if !baseBytes.isEmpty {
            let b = load(base, "the common version")
            guard let plan = b.plan else { return fail(b.problem ?? "") }
            basePlan = plan
        }
        let a = load(ours, "ours")
        guard let oursPlan = a.plan else { return fail(a.problem ?? "") }
        let b = load(theirs, "theirs")
        guard let theirsPlan = b.plan else { return fail(b.problem ?? "") }
        let outcome: PlanMerge.Outcome
        do {
            outcome = try PlanMerge.merge(base: basePlan, ours: oursPlan, theirs: theirsPlan)
        } catch {
            return fail(error.message)
        }
        do {
            try writer.write(PlanFile.encode(outcome.plan), to: ours, as: .plan)
        } catch {
            return fail("the merged plan could not be written: \(error.description)")
        }
        return Result(ok: true, messages: outcome.notes.map { notePrefix + "\(name): " + $0 })
    }
}
