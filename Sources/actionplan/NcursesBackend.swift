import ActionPlanCore
import ActionPlanTUI
import CNcurses
#if canImport(Glibc)
import Glibc
#endif

/// The only code that talks to the terminal: starts ncurses, turns keys into events, runs the
/// app's update loop, performs effects and copies each rendered grid to the screen.
struct NcursesBackend {
    struct Settings {
        var color: Bool
        var mouse: Bool
        /// The terminal cursor always shown, on what is selected (`--screen-reader`).
        var screenReader = false
        /// Idle ticks at least this often (the disk check is paced by them).
        var tickSeconds: Double = 0.5
    }

    enum Failure: Error, CustomStringConvertible {
        case notATerminal
        case cannotStart(String)
        var description: String {
            switch self {
            case .notATerminal:
                return "the review UI needs a terminal (stdin and stdout must be a tty); for scripts use plans, list, show and set"
            case .cannotStart(let term):
                return "cannot start the terminal UI (TERM=\(term) unknown?)"
            }
        }
    }

    let settings: Settings
    let runner: EffectRunner
    private var colorsOn = false
    private var cursorShown = false
    /// What to print once the terminal is restored (set when `run` returns).
    private(set) var farewell: [String] = []
    /// The signal that ended the run (SIGHUP, SIGTERM, SIGINT), 0 when the user quit.
    private(set) var endingSignal: Int32 = 0

    init(settings: Settings, runner: EffectRunner) {
        self.settings = settings
        self.runner = runner
    }

    /// Colour pair numbers for each role.
    static let roles: [ColorRole] = ColorRole.allCases

    mutating func run(initial: AppState, effects initialEffects: [Effect]) throws {
        guard isatty(0) == 1, isatty(1) == 1 else { throw Failure.notATerminal }
        ap_install_signal_handlers()
        guard let screen = ap_newterm() else {
            throw Failure.cannotStart(getenv("TERM").map { String(cString: $0) } ?? "")
        }
        _ = set_term(screen)
        defer {
            endwin()
            delscreen(screen)
        }
        cbreak()
        noecho()
        nonl() // Enter arrives as CR and Ctrl-J as LF, so the editor can tell them apart
        keypad(ap_stdscr(), true)
        if getenv("ESCDELAY") == nil { set_escdelay(25) }
        timeout(readTimeout)
        curs_set(0)
        cursorShown = false
        if settings.mouse { ap_mouse_on() }
        if settings.color && has_colors() {
            start_color()
            use_default_colors()
            colorsOn = true
            for (i, role) in NcursesBackend.roles.enumerated() {
                init_pair(Int16(i + 1), Int16(NcursesBackend.color(for: role)), Int16(ap_default_color()))
            }
        }

        // Events are handled with everything they cause first (see Runtime): a tick read together
        // with a key that saves sees the state after the save.
        var runtime = Runtime(state: initial, runner: runner)
        defer { farewell = runtime.farewell }
        if runtime.start(events: [.resize(currentSize())], effects: initialEffects) { return }
        var lastTick = monotonicNow()
        var firstFrame = true
        while true {
            draw(render(runtime.state, size: currentSize()))
            if firstFrame { FirstFrame.drawn(); firstFrame = false }
            // A signal is acted on here, in the loop, never in the handler: the update turns it
            // into effects (keep the text being edited, leave the plan) and a quit.
            if let signal = takeSignal() { endingSignal = signal; if runtime.handle([.signal]) { return }; continue }
            var input: [Event] = []
            if let event = readEvent() { input.append(event) }
            if let signal = takeSignal() { endingSignal = signal; if runtime.handle(input + [.signal]) { return }; continue }
            let now = monotonicNow()
            if now - lastTick >= settings.tickSeconds || input.isEmpty {
                lastTick = now
                input.append(.tick(now: now))
            }
            if runtime.handle(input) { return }
        }
    }

    private func takeSignal() -> Int32? {
        let signal = ap_take_signal()
        return signal == 0 ? nil : signal
    }

    /// Milliseconds a read waits for a key before an idle tick.
    var readTimeout: Int32 { Int32(max(20, min(500, settings.tickSeconds * 1000))) }

    func currentSize() -> Size { Size(width: Int(ap_cols()), height: Int(ap_lines())) }

    // MARK: - Input

    /// One key as an event, or nil when the wait timed out.
    func readEvent() -> Event? {
        var ch: wint_t = 0
        let rc = wget_wch(ap_stdscr(), &ch)
        if rc == ap_err() { return nil }
        if rc == ap_key_code_yes() {
            let code = Int32(ch)
            if code == ap_key_resize() { return .resize(currentSize()) }
            if code == KEY_MOUSE {
                switch ap_mouse_wheel() {
                case -1: return .key(.up)
                case 1: return .key(.down)
                default: return nil
                }
            }
            return NcursesBackend.functionKey(code).map { .key($0) }
        }
        let value = UInt32(ch)
        if value == 27 {
            // Esc, or Alt-Enter (ESC then Enter in the same burst).
            wtimeout(ap_stdscr(), 0)
            defer { wtimeout(ap_stdscr(), readTimeout) }
            var next: wint_t = 0
            let rc2 = wget_wch(ap_stdscr(), &next)
            if rc2 == OK && (next == 13 || next == 10) { return .key(.altEnter) }
            if rc2 != ap_err() {
                if rc2 == ap_key_code_yes() { _ = ungetch(Int32(next)) } else { _ = unget_wch(wchar_t(next)) }
            }
            return .key(.escape)
        }
        return NcursesBackend.characterKey(value).map { .key($0) }
    }

    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        default:
            for n in 1...12 where code == ap_key_f(Int32(n)) { return .function(n) }
            return nil
        }
    }

    static func characterKey(_ value: UInt32) -> Key? {
        switch value {
        case 9: return .tab
        case 13: return .enter
        case 10: return .ctrl("j")
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(value + 96)!))
        case 0..<32: return nil
        default:
            guard let scalar = Unicode.Scalar(value), !Sanitizer.needsReplacement(scalar) else { return nil }
            return .char(Character(scalar))
        }
    }

    // MARK: - Output

    static func color(for role: ColorRole) -> Int32 {
        switch role {
        case .met: return COLOR_GREEN
        case .notMet: return COLOR_RED
        case .partial: return COLOR_YELLOW
        case .notAssessed: return ap_default_color()
        case .overdue: return COLOR_MAGENTA
        case .header: return COLOR_BLUE
        case .accent: return COLOR_CYAN
        case .error: return COLOR_RED
        case .dim: return ap_default_color()
        }
    }

    func attributes(_ style: Style) -> (attr_t, Int16) {
        var a = ap_a_normal()
        if style.bold { a |= ap_a_bold() }
        if style.reverse { a |= ap_a_reverse() }
        if style.dim || style.role == .dim { a |= ap_a_dim() }
        if style.underline { a |= ap_a_underline() }
        var pair: Int16 = 0
        if colorsOn, let role = style.role, let i = NcursesBackend.roles.firstIndex(of: role) { pair = Int16(i + 1) }
        return (a, pair)
    }

    /// Writes every cell (ncurses sends only what changed). Runs of plain ASCII in one style go out
    /// together; any other cell is placed on its own, so a terminal that measures a character
    /// differently cannot shift the rest of the row.
    mutating func draw(_ grid: Grid) {
        for (y, row) in grid.rows.enumerated() {
            var x = 0
            while x < row.count {
                let cell = row[x]
                if cell.isContinuation { x += 1; continue }
                let style = cell.style
                var text: [wchar_t] = []
                let start = x
                if isPlainASCII(cell.text) {
                    while x < row.count, row[x].style == style, !row[x].isContinuation, isPlainASCII(row[x].text),
                          !(y == grid.height - 1 && x == grid.width - 1) {
                        text.append(wchar_t(row[x].text.unicodeScalars.first!.value))
                        x += 1
                    }
                    if text.isEmpty { // the bottom-right cell: written alone
                        text = cell.text.unicodeScalars.map { wchar_t($0.value) }
                        x += 1
                    }
                } else {
                    text = cell.text.unicodeScalars.map { wchar_t($0.value) }
                    x += max(1, cell.width)
                }
                let (a, pair) = attributes(style)
                _ = ap_attr_set(a, pair)
                text.append(0)
                _ = text.withUnsafeBufferPointer { mvwaddnwstr(ap_stdscr(), Int32(y), Int32(start), $0.baseAddress, Int32(text.count - 1)) }
            }
        }
        _ = ap_attr_set(ap_a_normal(), 0)
        if let cursor = grid.cursor {
            if !cursorShown { curs_set(1); cursorShown = true }
            wmove(ap_stdscr(), Int32(cursor.row), Int32(cursor.column))
        } else {
            // No caret: the cursor rests on the selected line (hidden, unless for a screen reader),
            // never bottom-right where the last cell was written.
            if settings.screenReader != cursorShown { curs_set(settings.screenReader ? 1 : 0); cursorShown = settings.screenReader }
            let focus = grid.focus ?? (0, 0)
            wmove(ap_stdscr(), Int32(focus.row), Int32(focus.column))
        }
        wrefresh(ap_stdscr())
    }

    private func isPlainASCII(_ s: String) -> Bool {
        let u = s.utf8
        return u.count == 1 && u.first! >= 0x20 && u.first! < 0x7F
    }

    func monotonicNow() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
