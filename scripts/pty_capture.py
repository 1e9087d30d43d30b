#!/usr/bin/env python3
"""Runs a program on a pseudo-terminal of a given size, types keys at given moments, and saves every
byte the program writes to its terminal (the raw stream: escape sequences and all).

    pty_capture.py OUT [--cols N] [--rows N] [--env NAME=VALUE ...] [--step STEP ...] -- PROGRAM ARGS...

Steps, in order:
    wait:TEXT     wait (up to --timeout seconds) until the output since the last send contains TEXT (UTF-8)
    sleep:SECONDS
    send:TEXT     type TEXT; \\r, \\n, \\e (ESC) and \\xHH are understood
After the steps it waits for the program to exit (up to --timeout), killing it if it does not.
Prints the exit status (or "signal N", or "timeout"); writes the bytes to OUT. Used by the UI
end-to-end tests to check that hostile text in a plan never reaches the terminal as control codes.
"""
import argparse
import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import time


def unescape(text):
    """\\r, \\n, \\e (ESC), \\xHH and \\\\ in a step's text; everything else as UTF-8."""
    out = bytearray()
    i = 0
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text):
            n = text[i + 1]
            if n in "rne\\":
                out += {"r": b"\r", "n": b"\n", "e": b"\x1b", "\\": b"\\"}[n]
                i += 2
                continue
            if n == "x" and i + 3 < len(text):
                out.append(int(text[i + 2:i + 4], 16))
                i += 4
                continue
        out += c.encode("utf-8")
        i += 1
    return bytes(out)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--cols", type=int, default=120)
    parser.add_argument("--rows", type=int, default=40)
    parser.add_argument("--timeout", type=float, default=15)
    parser.add_argument("--env", action="append", default=[])
    parser.add_argument("--step", action="append", default=[])
    argv = sys.argv[1:]
    if "--" not in argv or argv.index("--") == len(argv) - 1:
        parser.error("no program to run (put it after --)")
    split = argv.index("--")
    args = parser.parse_args(argv[:split])
    command = argv[split + 1:]

    env = dict(os.environ)
    env.pop("NO_COLOR", None)
    for item in args.env:
        name, _, value = item.partition("=")
        env[name] = value

    pid, fd = pty.fork()
    if pid == 0:
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", args.rows, args.cols, 0, 0))
            os.execvpe(command[0], command, env)
        except BaseException as error:  # never return into the parent's code
            os.write(2, ("pty_capture: cannot run %s: %s\r\n" % (command[0], error)).encode())
        os._exit(127)

    output = bytearray()

    def pump(seconds):
        end = time.monotonic() + seconds
        while True:
            left = end - time.monotonic()
            if left <= 0:
                return True
            ready, _, _ = select.select([fd], [], [], min(left, 0.05))
            if ready:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    return False  # the program closed the terminal (exited)
                if not chunk:
                    return False
                output.extend(chunk)

    def drain():
        while select.select([fd], [], [], 0)[0]:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                return
            if not chunk:
                return
            output.extend(chunk)

    status = "timeout"
    since = 0  # where the output stood at the last send: a wait looks only at what came after it
    for step in args.step:
        kind, _, value = step.partition(":")
        if kind == "wait":
            wanted = value.encode("utf-8")
            end = time.monotonic() + args.timeout
            while wanted not in output[since:] and time.monotonic() < end:
                if not pump(0.05):
                    break
            if wanted not in output[since:]:
                sys.stderr.write("pty_capture: never saw %r\n" % value)
        elif kind == "sleep":
            pump(float(value))
        elif kind == "send":
            drain()  # take in what is already there, so a wait after this send sees only its answer
            since = len(output)
            os.write(fd, unescape(value))
        else:
            parser.error("unknown step %r" % step)

    end = time.monotonic() + args.timeout
    while time.monotonic() < end:
        pump(0.05)
        done, code = os.waitpid(pid, os.WNOHANG)
        if done:
            pump(0.05)
            status = str(os.WEXITSTATUS(code)) if os.WIFEXITED(code) else "signal %d" % os.WTERMSIG(code)
            break
    else:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    with open(args.out, "wb") as f:
        f.write(bytes(output))
    print(status)


if __name__ == "__main__":
    main()
