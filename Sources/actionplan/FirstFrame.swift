#if canImport(Glibc)
import Glibc
#endif

/// A measurement hook: with `ACTIONPLAN_FIRST_FRAME_FILE=PATH`, the UI writes to PATH, once its
/// first frame is on the terminal, the milliseconds since the process reached `main` (one number,
/// e.g. `12.4`). The work of the loader before `main` is not included (a few milliseconds at most
/// for the release binary, whose Swift runtime is linked statically). `scripts/first_frame.py`
/// reads it.
enum FirstFrame {
    /// Monotonic seconds at the start of `main` (0 when `mark` was never called).
    nonisolated(unsafe) private static var start: Double = 0

    /// The first thing `main` does.
    static func mark() { start = now() }

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Called after the first frame is drawn and flushed; does nothing unless the variable is set.
    static func drawn() {
        guard let path = getenv("ACTIONPLAN_FIRST_FRAME_FILE").map({ String(cString: $0) }), !path.isEmpty, start > 0 else { return }
        let ms = (now() - start) * 1000
        let text = String(Int((ms * 10).rounded()) / 10) + "." + String(Int((ms * 10).rounded()) % 10) + "\n"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }
        _ = text.utf8CString.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count - 1) }
        close(fd)
    }
}
