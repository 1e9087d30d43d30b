import ActionPlanCore
import ActionPlanTUI
import ArgumentParser
import CNcurses
#if canImport(Glibc)
import Glibc
#endif

/// The default command: the interactive review UI.
struct UICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ui",
        abstract: "Open the interactive review UI (the default).",
        discussion: """
        Shows the plans in the data directory; Enter opens one (with only one plan, it opens directly). \
        --officer NAME (or o on the plans list) shows that officer's targets from every plan, grouped by plan. \
        Mark targets met (m), not met (x), partially met (p); edit comments (c) and forecasts (f). \
        Every change is saved at once, with history. Press ? in the UI for every key. \
        Colours are off with --no-color or when NO_COLOR is set; ASCII symbols with --ascii or a non-UTF-8 locale.
        """
    )

    @OptionGroup var dataOptions: DataOptions
    @Option(help: ArgumentHelp("Open this plan.", valueName: "id"), completion: .planID) var plan: String?
    @Option(help: ArgumentHelp("My targets: this lead officer's targets from every plan (with --plan: that plan, filtered to them).", valueName: "name"), completion: .officer) var officer: String?
    @Flag(help: "ASCII status symbols and box lines ([Y] [N] [P] [ ]).") var ascii = false
    @Flag(name: .customLong("no-color"), help: "No colours (also when NO_COLOR is set).") var noColor = false
    @Flag(help: "Let the mouse wheel scroll.") var mouse = false
    @Flag(help: "For a screen reader: the cursor shown on what is selected, no box lines or bar charts (also ACTIONPLAN_SCREEN_READER=1).")
    var screenReader = false
    @Option(help: ArgumentHelp("default, high-contrast (no dim text) or projector (high contrast, the meeting's text in full).", valueName: "theme"))
    var theme: Theme?
    @Option(help: ArgumentHelp("Judge overdue as of this day (default: today).", valueName: "date")) var asOf: DayArgument?
    /// Prints the key table as Markdown (for the README) and exits.
    @Flag(help: .hidden) var printKeys = false
    /// Straight into meeting mode once the plan is open (`actionplan meet` runs the UI with it).
    @Flag(help: .hidden) var meeting = false

    func validate() throws {
        if let plan, let problem = PlanID.problem(with: plan) {
            throw ValidationError("invalid plan id: \(problem)")
        }
    }

    func run() throws {
        if printKeys {
            print(KeyTable.markdown(), terminator: "")
            return
        }
        if dataOptions.explainFirstRun(to: .standardOutput) { return }
        setlocale(LC_ALL, "")
        let utf8 = ap_locale_is_utf8() != 0
        let store = dataOptions.store()
        let who = Identity.current()
        // --ascii and --officer, else the setting (environment or config file: see ProcessSettings).
        let ascii = self.ascii || environmentFlag(.ascii)
        var options = AppOptions(glyphs: ascii || !utf8 ? .ascii : .unicode, asOf: asOf?.day ?? Day.today(), who: who,
                                 officer: officer ?? environmentValue(.officer), planID: plan, dataDirectory: dataOptions.directory)
        options.startInMeeting = meeting
        options.screenReader = screenReader || environmentFlag(.screenReader)
        // The setting's value was checked when the config file and environment were read (exit 78).
        options.theme = theme ?? environmentValue(.theme).flatMap(Theme.init(rawValue:)) ?? .standard
        // A test hook (the end-to-end tests shorten it): seconds between checks of the plan file on disk.
        if let text = getenv("ACTIONPLAN_DISK_CHECK_SECONDS").map({ String(cString: $0) }), let seconds = Double(text), seconds > 0 {
            options.diskCheckInterval = seconds
        }
        // Sync (S) when the data directory is a repository of its own (actionplan sync --init).
        let sync = SyncCommand.makeSync(store: store, remote: nil, who: who)
        options.syncAvailable = (try? sync.pending()) != nil
        options.syncAuto = options.syncAvailable && environmentFlag(.syncAuto)
        let (state, startEffects) = Startup.initialState(store: store, options: options)
        let effects = startEffects + (options.syncAvailable ? [.sync(.checkPending)] : [])
        let colour = !noColor && getenv("NO_COLOR") == nil
        let presence = Presence(dataDirectory: store.directory, user: who)
        var runner = EffectRunner(store: store, who: who, presence: presence, sync: options.syncAvailable ? sync : nil)
        runner.handOverTerminal = NcursesBackend.handOverTerminal
        var backend = NcursesBackend(settings: .init(color: colour, mouse: mouse, screenReader: options.screenReader,
                                                     tickSeconds: min(0.5, options.diskCheckInterval)),
                                     runner: runner)
        do {
            try backend.run(initial: state, effects: effects)
            for line in backend.farewell { printError(line) }
            // A hang-up or SIGTERM ended the session without the user quitting: a script or the shell
            // must be able to tell (128 + the signal, as shells report it). Ctrl-C is the user's own quit.
            let signal = backend.endingSignal
            if signal == SIGHUP || signal == SIGTERM { throw ExitCode(128 + signal) }
        } catch let failure as NcursesBackend.Failure {
            printError(failure.description)
            throw ExitCode(Exit.usage)
        }
    }
}

extension Theme: ExpressibleByArgument {}
