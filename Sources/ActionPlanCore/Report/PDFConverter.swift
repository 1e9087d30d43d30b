import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `--format pdf`: the Word document printed by LibreOffice (`soffice --headless --convert-to pdf`), or,
/// when LibreOffice is not installed, the HTML printed by headless Chromium. Both run in a private
/// temporary directory (0700) with their own profile, so nothing is read from or left in the user's
/// LibreOffice or Chromium set-up, and the data directory is not touched; the PDF's bytes are
/// returned for the caller to write (atomically, through Storage). A converter that runs longer than
/// `timeout` is stopped.
public struct PDFConverter: Sendable {
    public enum Tool: Sendable, Equatable { case libreOffice, chromium }
    public enum Source: Sendable { case docx, html }

    public enum Failure: Error, Sendable, CustomStringConvertible {
        case noConverter
        case failed(tool: String, status: Int32, output: String)
        case timedOut(tool: String, seconds: Int)
        case io(String)

        public var description: String {
            switch self {
            case .noConverter:
                return "--format pdf needs LibreOffice or Chromium to print the report, and neither is installed: "
                    + "install one with `sudo apt-get install libreoffice-writer` (or `chromium`), or write --format docx or html and print that"
            case .failed(let tool, let status, let output):
                return "\(tool) could not make the PDF (exit \(status))" + (output.isEmpty ? "" : ": \(output)")
            case .timedOut(let tool, let s): return "\(tool) did not finish the PDF in \(s) s and was stopped"
            case .io(let s): return "could not make the PDF: \(s)"
            }
        }
    }

    /// Where to look for the tools (default: $PATH).
    public var searchPath: [String]
    public var timeout: Int

    public init(searchPath: [String]? = nil, timeout: Int = 180) {
        self.searchPath = searchPath ?? (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        self.timeout = timeout
    }

    public func executable(_ names: [String]) -> String? {
        for dir in searchPath {
            for name in names {
                let path = dir + "/" + name
                if access(path, X_OK) == 0 { return path }
            }
        }
        return nil
    }

    var libreOffice: String? { executable(["soffice", "libreoffice"]) }
    var chromium: String? { executable(["chromium", "chromium-browser", "google-chrome"]) }

    /// LibreOffice first: it prints the Word document the clerk gets, so the PDF matches it.
    public var available: Tool? {
        if libreOffice != nil { return .libreOffice }
        if chromium != nil { return .chromium }
        return nil
    }

    public func convert(_ bytes: [UInt8], from source: Source) throws(Failure) -> [UInt8] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("actionplan-pdf-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .io("cannot make a temporary directory: \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent(source == .docx ? "report.docx" : "report.html")
        do { try Data(bytes).write(to: input) } catch { throw .io(error.localizedDescription) }
        let pdf = dir.appendingPathComponent("report.pdf")
        let tool: String, arguments: [String]
        switch source {
        case .docx:
            guard let soffice = libreOffice else { throw .noConverter }
            tool = soffice
            arguments = ["-env:UserInstallation=" + dir.appendingPathComponent("profile").absoluteString,
                         "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir.path, input.path]
        case .html:
            guard let chrome = chromium else { throw .noConverter }
            tool = chrome
            arguments = (geteuid() == 0 ? ["--no-sandbox"] : []) + [
                "--headless", "--disable-gpu", "--no-pdf-header-footer", "--user-data-dir=" + dir.appendingPathComponent("profile").path,
                "--print-to-pdf=" + pdf.path, input.absoluteString]
        }
        let name = URL(fileURLWithPath: tool).lastPathComponent
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = dir.path
        process.environment = environment
        let log = dir.appendingPathComponent("log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        guard let handle = try? FileHandle(forWritingTo: log) else { throw .io("cannot open the converter's log") }
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { throw .io("cannot run \(tool): \(error.localizedDescription)") }
        let deadline = Date().addingTimeInterval(TimeInterval(timeout))
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw .timedOut(tool: name, seconds: timeout)
        }
        try? handle.close()
        guard process.terminationStatus == 0, let out = try? Data(contentsOf: pdf), out.starts(with: Array("%PDF".utf8)) else {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            throw .failed(tool: name, status: process.terminationStatus,
                          output: String(ReportText.clean(text).split(separator: "\n").suffix(3).joined(separator: " ").prefix(400)))
        }
        return [UInt8](out)
    }
}
