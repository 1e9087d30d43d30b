import ActionPlanCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where the commands' output goes: the only place that asks whether stdout is a terminal and how wide.
enum Output {
    static let isTerminal = isatty(STDOUT_FILENO) != 0

    /// The terminal's columns from the kernel, when stdout is a terminal.
    static var terminalColumns: Int? {
        guard isTerminal else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// The width text output fits (see `OutputWidth`); `option` is a command's `--width`.
    static func width(option: Int? = nil) -> Int? {
        OutputWidth.resolve(option: option, isTerminal: isTerminal, terminalColumns: terminalColumns,
                            environment: ProcessInfo.processInfo.environment)
    }

    /// Bytes to stdout, after anything already printed through stdio.
    static func write(_ bytes: [UInt8]) {
        fflush(nil)
        FileHandle.standardOutput.write(Data(bytes))
    }

    /// A data format (JSON, CSV, a report) to stdout: exactly as it is into a file or a pipe; on a
    /// terminal with its control and bidi characters made harmless (`TerminalText`).
    static func data(_ text: String, json: Bool = false) {
        guard isTerminal else { return write(Array(text.utf8)) }
        write(Array((json ? TerminalText.json(text, glyphs: glyphs) : TerminalText.lines(text, glyphs: glyphs)).utf8))
    }
}

extension TextTable {
    convenience init(columns: [String], flexibleColumn: Int? = nil, shrinkable: Set<Int> = []) {
        self.init(columns: columns, glyphs: glyphs, flexibleColumn: flexibleColumn, shrinkable: shrinkable)
    }

    /// The table fitted to the output's width (`--width`, the terminal, $COLUMNS).
    func print(width option: Int? = nil) {
        Output.write(renderBytes(width: Output.width(option: option)))
    }
}
