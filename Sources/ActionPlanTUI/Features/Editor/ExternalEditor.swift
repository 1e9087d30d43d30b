#if canImport(Glibc)
import Glibc
#endif
import ActionPlanCore

/// Long text in the user's own editor, as git and mutt do: Ctrl-X in the editor (or E on a target)
/// writes the text to a private temporary file, hands the terminal to $VISUAL / $EDITOR (vi or nano
/// when neither is set), and saves what the file holds when the editor exits — through the same
/// save, with history, as the built-in editor's Enter.
public enum ExternalEditFailure: Error, Sendable, Equatable, CustomStringConvertible {
    case noTerminal
    case cannotStart(String)
    case exited(Int32)
    case file(String)

    public var description: String {
        switch self {
        case .noTerminal: return "no terminal to hand to an editor"
        case .cannotStart(let command): return "the editor \"\(Sanitizer.clean(command))\" could not be started (set VISUAL or EDITOR)"
        case .exited(let status): return "the editor exited with status \(status)"
        case .file(let reason): return "the text could not be passed to the editor: \(reason)"
        }
    }
}

extension EffectRunner {
    /// The command to run: $VISUAL, $EDITOR, else the first of vi and nano on the PATH.
    func resolvedEditorCommand() -> String {
        if let editorCommand { return editorCommand }
        for name in ["VISUAL", "EDITOR"] {
            if let v = getenv(name), !String(cString: v).trimmingCharacters(in: .whitespaces).isEmpty { return String(cString: v) }
        }
        for candidate in ["/usr/bin/vi", "/bin/vi", "/usr/bin/nano", "/bin/nano"] where access(candidate, X_OK) == 0 { return candidate }
        return "vi"
    }

    func performExternalEdit(_ text: String) -> Result<String, ExternalEditFailure> {
        guard let handOverTerminal else { return .failure(.noTerminal) }
        // A private temporary file (mkstemps: a new name, mode 0600), never in the shared data directory.
        let directory = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((directory + "/actionplan-edit-XXXXXX.txt").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 4) }
        guard fd >= 0 else { return .failure(.file(String(cString: strerror(errno)))) }
        let path = String(cString: template)
        defer { unlink(path) }
        let bytes = Array((text.hasSuffix("\n") || text.isEmpty ? text : text + "\n").utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == bytes.count else { return .failure(.file("short write")) }

        let command = resolvedEditorCommand()
        var outcome: Result<Void, ExternalEditFailure> = .success(())
        handOverTerminal {
            outcome = ExternalEditor.run(command, file: path)
        }
        if case .failure(let failure) = outcome { return .failure(failure) }
        guard let edited = ExternalEditor.read(path) else { return .failure(.file("the file is gone or unreadable")) }
        // Editors end the file with a newline; the text did not have one.
        return .success(edited.hasSuffix("\n") ? String(edited.dropLast()) : edited)
    }
}

enum ExternalEditor {
    /// `sh -c 'COMMAND "$1"' sh FILE`, so VISUAL="code --wait" works; waits for it.
    static func run(_ command: String, file: String) -> Result<Void, ExternalEditFailure> {
        let argv = ["/bin/sh", "-c", command + " \"$1\"", "sh", file]
        var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for a in cArgs { free(a) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, "/bin/sh", nil, nil, &cArgs, environ) == 0 else { return .failure(.cannotStart(command)) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 { if errno != EINTR { return .failure(.cannotStart(command)) } }
        let exited = (status & 0x7f) == 0
        let code = (status >> 8) & 0xff
        if !exited { return .failure(.exited(128 + (status & 0x7f))) }
        if code == 127 { return .failure(.cannotStart(command)) }
        return code == 0 ? .success(()) : .failure(.exited(code))
    }

    /// The file's text (invalid UTF-8 repaired), or nil.
    static func read(_ path: String) -> String? {
        let fd = open(path, O_RDONLY | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; return nil }
            if n == 0 { break }
            bytes += buffer[0..<n]
            if bytes.count > 10_000_000 { return nil }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension AppState {
    /// The editor exited: its text is saved as if typed and Enter pressed (history, meeting and all);
    /// when it failed, the built-in editor stays open with the text as it was.
    mutating func externalEdited(targetID: String, field: TargetField, _ result: Result<String, ExternalEditFailure>, _ fx: inout [Effect]) {
        guard case .editing(var session) = mode, session.targetID == targetID, session.field == field else { return }
        switch result {
        case .success(let text):
            // The file is cleaned as pasted text is: no control or escape characters reach the plan.
            session.editor = LineEditor(Paste.cleaned(text, keepNewlines: true))
            editorInput(.command(.editSave), session: session, &fx)
        case .failure(let failure):
            message = Message("Nothing saved: \(failure.description); the text is still in the editor", isError: true)
        }
    }
}
