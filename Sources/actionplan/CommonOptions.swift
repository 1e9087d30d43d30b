import ActionPlanCore
import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

/// `--data DIR`, shared by every command.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The data directory (default: $ACTIONPLAN_DATA, else data in the config file, else $XDG_DATA_HOME/actionplan).", valueName: "dir"), completion: .directory)
    var data: String?

    var directory: String { DataDirectory.resolve(option: data) }

    enum Stream { case standardOutput, standardError }

    /// With no data directory yet, prints how to start (import, new, the samples) and returns true.
    func explainFirstRun(to stream: Stream) -> Bool {
        var info = stat()
        guard stat(directory, &info) != 0, errno == ENOENT else { return false }
        let text = glyphs.clean(FirstRun.text(dataDirectory: directory, configPath: ConfigFile.location(environment: ProcessSettings.originalEnvironment)),
                                keepNewlines: true)
        if stream == .standardOutput { print(text, terminator: "") } else { var e = StandardError(); print(text, terminator: "", to: &e) }
        return true
    }

    func store() -> PlanStore {
        let store = PlanStore(directory: directory)
        store.removeStaleTemporaryFiles()
        return store
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv
}

/// A day given on the command line, in any form `DayInput` takes (`2009-02-28`, `28/02/2009`,
/// `28 Feb 2009`, `today`, `yesterday`, …; day before month).
struct DayArgument: ExpressibleByArgument {
    var day: Day
    init?(argument: String) {
        guard let d = DayInput.parse(argument, today: Day.today()) else { return nil }
        day = d
    }
    init(day: Day) { self.day = day }
    /// For `@Option(transform:)`: the error says what was wrong ("February 2009 has no day 29").
    static func parse(_ argument: String) throws -> DayArgument {
        DayArgument(day: try DayInput.parseOrExplain(argument, today: Day.today()))
    }
    static var defaultValueDescription: String { "date" }
}

/// A plan named on the command line, exactly or by an unambiguous prefix of its id (`luton-dis`).
func resolvedPlanID(_ given: String, in store: PlanStore) throws -> String {
    if let reason = PlanID.problem(with: given) { throw StoreError.invalidPlanID(given, reason: reason) }
    return try AddressResolution.planID(given, among: store.planIDs())
}

/// The plan named with `--plan` (a prefix is enough), or every plan in the directory, each handed to
/// `body` as it is read. A named plan that cannot be read is an error; of every plan, the files that
/// cannot be read are returned, for the command to report (`failIfInvalid`) after what it could print.
func forEachPlan(named plan: String?, in store: PlanStore, _ body: (Plan) throws -> Void) throws -> [PlanFileError] {
    if let plan {
        try body(try store.load(resolvedPlanID(plan, in: store)).plan)
        return []
    }
    var failures: [PlanFileError] = []
    try store.forEachPlan { result in
        switch result {
        case .success(let loaded): try body(loaded.plan)
        case .failure(let error): failures.append(error)
        }
    }
    return failures
}

/// A target named on the command line: `PLAN/TARGET` (the plan part may be a prefix), or `TARGET` with
/// `--plan`, or alone when exactly one plan has a target of that id.
func resolvedTarget(_ text: String, plan: String?, in store: PlanStore) throws -> TargetAddress {
    try AddressResolution.target(text, plan: plan, among: store.planIDs()) { id in
        var holders: [String] = []
        try store.forEachPlan { result in
            if case .success(let loaded) = result, loaded.plan.target(id: id) != nil { holders.append(loaded.plan.id) }
        }
        return holders
    }
}

extension Status: ExpressibleByArgument {
    public static var allValueStrings: [String] { Status.allCases.map(\.argument) }
}

/// Exit codes, documented in the README and `actionplan --help`.
enum Exit {
    /// Also: a review state that forbids the command (one already open, none open, still open).
    static let invalidData: Int32 = 1
    static let notFound: Int32 = 2
    static let saveFailed: Int32 = 3
    /// `sync` stopped before the end (no network, a merge to resolve, …): what was saved is committed.
    static let syncFailed: Int32 = 4
    static let usage: Int32 = 64
    /// The config file, or a setting's environment variable, is not valid (sysexits' EX_CONFIG).
    static let config: Int32 = 78
}

/// Runs a command body, turning known failures into one clear line on stderr and a documented exit code
/// (never a stack trace).
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as StoreError {
        printError(error.description)
        switch error {
        case .planNotFound, .targetNotFound: throw ExitCode(Exit.notFound)
        case .save: throw ExitCode(Exit.saveFailed)
        case .invalidPlanID: throw ExitCode(Exit.usage)
        case .noDataDirectory, .file, .planExists: throw ExitCode(Exit.invalidData)
        case .change(let e): throw ExitCode(e.isNotFound ? Exit.notFound : Exit.usage)
        }
    } catch let error as PlanFileError {
        printError(error.description)
        throw ExitCode(Exit.invalidData)
    } catch let error as ImportError {
        printError(error.description)
        throw ExitCode(Exit.invalidData)
    } catch let error as ReviewError {
        printError(error.description)
        switch error {
        case .noSuchReview: throw ExitCode(Exit.notFound)
        case .alreadyOpen, .noneOpen, .asAtBeforePrevious, .stillOpen, .noClosedReview: throw ExitCode(Exit.invalidData)
        }
    } catch let error as SaveError {
        printError(error.description)
        throw ExitCode(Exit.saveFailed)
    } catch let error as AddressError {
        printError(error.description)
        throw ExitCode(error.isNotFound ? Exit.notFound : Exit.usage)
    }
}

func printError(_ message: String) {
    var stderr = StandardError()
    print("actionplan: \(Sanitizer.clean(message, keepNewlines: true))", to: &stderr)
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        var bytes = Array(string.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.write(2, $0.baseAddress! + offset, $0.count - offset) }
            if n <= 0 { if n < 0 && errno == EINTR { continue }; return }
            offset += n
        }
    }
}

/// How text output looks: Unicode symbols when the locale is UTF-8, plain ASCII otherwise or with the
/// `ascii` setting ($ACTIONPLAN_ASCII or the config file; read after ProcessSettings.load, on first use).
let glyphs = environmentFlag(.ascii) ? .ascii : Glyphs.fromEnvironment()
