import ActionPlanCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Aligned text columns for the terminal. Every cell is sanitised (no control characters from data
/// reach the terminal) and measured in display columns, so CJK and emoji keep the columns straight.
/// When stdout is a terminal, the flexible column (the long text) is cut to fit its width.
final class TextTable {
    private let columns: [String]
    /// Cells already cleaned, with their display width measured once.
    private var rows: [[(text: String, width: Int)]] = []

    init(columns: [String]) { self.columns = columns }

    func add(_ row: [String]) {
        rows.append(row.map { cell in
            let text = glyphs.clean(cell)
            return (text, DisplayWidth.of(text))
        })
    }

    func print(flexibleColumn: Int? = nil) {
        var widths = columns.map { DisplayWidth.of($0) }
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.width) } }
        if let flex = flexibleColumn, let terminal = TextTable.terminalWidth() {
            let others = widths.enumerated().filter { $0.offset != flex }.map(\.element).reduce(0, +) + 2 * (widths.count - 1)
            widths[flex] = max(12, min(widths[flex], terminal - others))
        }
        func line(_ cells: [(text: String, width: Int)]) -> String {
            var line = ""
            for (i, cell) in cells.enumerated() {
                if i > 0 { line += "  " }
                let fits = cell.width <= widths[i]
                let text = fits ? cell.text : DisplayWidth.truncate(cell.text, to: widths[i])
                line += text
                if i < cells.count - 1 {
                    let used = fits ? cell.width : DisplayWidth.of(text)
                    line += String(repeating: " ", count: max(0, widths[i] - used))
                }
            }
            while line.utf8.last == UInt8(ascii: " ") { line.removeLast() }
            return line
        }
        var out = line(columns.map { ($0, DisplayWidth.of($0)) }) + "\n"
        for row in rows { out += line(row); out += "\n" }
        Swift.print(out, terminator: "")
    }

    /// The terminal's width when stdout is one; nil when piped (then nothing is cut).
    static func terminalWidth() -> Int? {
        guard isatty(STDOUT_FILENO) != 0 else { return nil }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let c = ProcessInfo.processInfo.environment["COLUMNS"], let n = Int(c), n > 0 { return n }
        return 80
    }
}
