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
        rows.append(row.map { glyphs.cleanMeasured($0) })
    }

    /// A row whose cells are already cleaned and measured (e.g. a status label used on every row).
    func add(measured row: [(text: String, width: Int)]) {
        rows.append(row)
    }

    func print(flexibleColumn: Int? = nil) {
        var widths = columns.map { DisplayWidth.of($0) }
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.width) } }
        if let flex = flexibleColumn, let terminal = TextTable.terminalWidth() {
            let others = widths.enumerated().filter { $0.offset != flex }.map(\.element).reduce(0, +) + 2 * (widths.count - 1)
            widths[flex] = max(12, min(widths[flex], terminal - others))
        }
        // The output is built as UTF-8 bytes and written once: long listings print thousands of rows.
        var out: [UInt8] = []
        out.reserveCapacity((rows.count + 1) * (widths.reduce(0, +) + 2 * widths.count))
        func line(_ cells: [(text: String, width: Int)]) {
            let start = out.count
            for (i, cell) in cells.enumerated() {
                if i > 0 { out.append(0x20); out.append(0x20) }
                let fits = cell.width <= widths[i]
                let text = fits ? cell.text : DisplayWidth.truncate(cell.text, to: widths[i])
                out.append(contentsOf: text.utf8)
                if i < cells.count - 1 {
                    let used = fits ? cell.width : DisplayWidth.of(text)
                    if widths[i] > used { out.append(contentsOf: repeatElement(0x20, count: widths[i] - used)) }
                }
            }
            while out.count > start && out[out.count - 1] == 0x20 { out.removeLast() }
            out.append(0x0A)
        }
        line(columns.map { ($0, DisplayWidth.of($0)) })
        for row in rows { line(row) }
        fflush(nil) // anything already printed through stdio goes first
        FileHandle.standardOutput.write(Data(out))
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
