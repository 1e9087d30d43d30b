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
    /// In a locale that is not UTF-8, keys are read as bytes and decoded by `ByteText`.
    private var byteInput = false
    private var codeset = ""
    private var fallback = ByteText.Fallback.none
    /// Ctrl-Z was read: suspend before the next read.
    private var suspendRequested = false
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
            ap_write_terminal(NcursesBackend.bracketedPasteOff)
            endwin()
            delscreen(screen)
        }
        // Raw, not cbreak: no IXON, so Ctrl-S cannot freeze the screen while keys typed meanwhile
        // still act, and Ctrl-S, Ctrl-Q and Ctrl-V reach the program; Ctrl-C and Ctrl-Z arrive as keys
        // (quit, suspend) and are handled below.
        raw()
        ap_install_job_control_handlers()
        codeset = String(cString: ap_locale_codeset())
        byteInput = ap_locale_is_utf8() == 0
        fallback = ByteText.Fallback(codeset: codeset)
        ap_define_paste_keys()
        ap_write_terminal(NcursesBackend.bracketedPasteOn)
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
            if suspendRequested || ap_take_tstp() != 0 {
                suspendRequested = false
                suspend()
                if runtime.handle([.resize(currentSize())]) { return }
                continue
            }
            if ap_take_cont() != 0 { ap_redraw_all() } // resumed after a stop we did not ask for
            var input: [Event] = []
            let editing: Bool
            if case .editing = runtime.state.mode { editing = true } else { editing = false }
            if let event = readEvent(editing: editing) { input.append(event) }
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

    /// For the external editor: the terminal as the shell had it while `body` runs, then the screen
    /// back and redrawn whole.
    static let handOverTerminal: @Sendable (() -> Void) -> Void = { body in
        ap_write_terminal(bracketedPasteOff)
        endwin()
        body()
        ap_write_terminal(bracketedPasteOn)
        ap_redraw_all()
        wrefresh(ap_stdscr())
    }

    static let bracketedPasteOn = "\u{1b}[?2004h"
    static let bracketedPasteOff = "\u{1b}[?2004l"

    /// Ctrl-Z (or a SIGTSTP from outside): the terminal as the shell had it, stopped until `fg`, then
    /// the screen redrawn whole (the caller re-renders at the size the terminal has now).
    mutating func suspend() {
        ap_write_terminal(NcursesBackend.bracketedPasteOff)
        endwin()
        ap_stop_process_group()
        ap_write_terminal(NcursesBackend.bracketedPasteOn)
        ap_redraw_all()
        wrefresh(ap_stdscr())
    }

    /// One unit of input: a key code, a character, or bytes that are not text in this locale.
    enum Unit {
        case code(Int32)
        case scalar(UInt32)
        case undecodable([UInt8])
    }

    /// Reads one unit, waiting as the window's timeout says; `timeout` is restored after the short
    /// waits for the rest of a multi-byte character.
    func readUnit(timeout: Int32) -> Unit? {
        if !byteInput {
            var ch: wint_t = 0
            let rc = wget_wch(ap_stdscr(), &ch)
            if rc == ap_err() { return nil }
            return rc == ap_key_code_yes() ? .code(Int32(ch)) : .scalar(UInt32(ch))
        }
        let c = wgetch(ap_stdscr())
        if c == ap_err() { return nil }
        if c > 0xFF { return .code(c) }
        if c < 0x80 { return .scalar(UInt32(c)) }
        // The rest of the character is already on its way: wait for it only briefly.
        wtimeout(ap_stdscr(), 20)
        defer { wtimeout(ap_stdscr(), timeout) }
        var pushBack: [Int32] = []
        let (result, leftover) = ByteText.decode(first: UInt8(c), next: {
            let b = wgetch(ap_stdscr())
            if b == ap_err() { return nil }
            if b > 0xFF { pushBack.append(b); return nil }
            return UInt8(b)
        }, fallback: fallback)
        for b in (leftover.map(Int32.init) + pushBack).reversed() { _ = ungetch(b) }
        switch result {
        case .character(let ch): return .scalar(ch.unicodeScalars.first!.value)
        case .undecodable(let bytes): return .undecodable(bytes)
        }
    }

    /// One key (or a paste) as an event, or nil when the wait timed out. `editing`: an editor is
    /// open, where Enter followed at once by more input is a paste's line break, not "save".
    mutating func readEvent(editing: Bool) -> Event? {
        guard let unit = readUnit(timeout: readTimeout) else { return nil }
        switch unit {
        case .undecodable(let bytes):
            return .inputProblem(ByteText.problem(bytes, codeset: codeset))
        case .code(let code):
            if code == ap_key_paste_start() { return readPaste() }
            if code == ap_key_paste_end() { return nil }
            if code == ap_key_resize() { return .resize(currentSize()) }
            if code == KEY_MOUSE {
                switch ap_mouse_wheel() {
                case -1: return .key(.up)
                case 1: return .key(.down)
                default: return nil
                }
            }
            if code == KEY_ENTER, editing, let more = pendingBurst() { return .paste("\n" + more) }
            return NcursesBackend.functionKey(code).map { .key($0) }
        case .scalar(let value):
            if value == 26 { suspendRequested = true; return nil } // Ctrl-Z
            if value == 27 {
                // Esc, or Alt-Enter (ESC then Enter in the same burst).
                wtimeout(ap_stdscr(), 0)
                defer { wtimeout(ap_stdscr(), readTimeout) }
                switch readUnit(timeout: 0) {
                case .scalar(13)?, .scalar(10)?: return .key(.altEnter)
                case .code(let code)?: _ = ungetch(code)
                case .scalar(let next)?:
                    if byteInput, next < 0x80 { _ = ungetch(Int32(next)) } else { _ = unget_wch(wchar_t(next)) }
                default: break
                }
                return .key(.escape)
            }
            if value == 13, editing, let more = pendingBurst() { return .paste("\n" + more) }
            return NcursesBackend.characterKey(value).map { .key($0) }
        }
    }

    /// The text of a bracketed paste, up to its end marker (or a second without input, if the
    /// terminal never sends one). Key codes inside it are dropped: a paste is text, never keys.
    func readPaste() -> Event {
        var text = String.UnicodeScalarView()
        wtimeout(ap_stdscr(), 1000)
        defer { wtimeout(ap_stdscr(), readTimeout) }
        while let unit = readUnit(timeout: 1000) {
            switch unit {
            case .code(let code):
                if code == ap_key_paste_end() { return .paste(String(text)) }
                if code == KEY_ENTER { text.append("\n") }
            case .scalar(let value):
                if let scalar = Unicode.Scalar(value) { text.append(scalar) }
            case .undecodable: text.append("\u{FFFD}")
            }
        }
        return .paste(String(text))
    }

    /// What arrived together with an Enter typed in an editor. A person cannot type another key
    /// within milliseconds of Enter; a terminal pasting without bracketed paste does. Nil when
    /// nothing is waiting (a real Enter: save).
    func pendingBurst() -> String? {
        wtimeout(ap_stdscr(), 0)
        defer { wtimeout(ap_stdscr(), readTimeout) }
        guard let first = readUnit(timeout: 0) else { return nil }
        var text = String.UnicodeScalarView()
        var unit: Unit? = first
        // The rest of a pasted chunk follows within a few milliseconds.
        wtimeout(ap_stdscr(), 10)
        while let u = unit {
            switch u {
            case .scalar(13), .scalar(10), .code(KEY_ENTER): text.append("\n")
            case .scalar(let value): if let scalar = Unicode.Scalar(value) { text.append(scalar) }
            case .code, .undecodable: break
            }
            unit = readUnit(timeout: 10)
        }
        return String(text)
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
