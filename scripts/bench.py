#!/usr/bin/env python3
"""make bench: generate large data directories and time actionplan as whole processes.

Each command is run RUNS times (after one warm-up run); we print the median wall time and the
peak resident memory (from wait4's rusage, so it is that process's own peak). Goals (issue #2):
< 25 ms at 5,000 targets, < 250 ms at 50,000 targets, peak memory < 100 MB at 50,000.
In-process figures (load, keypress-to-saved, UI render) come from actionplan-bench; the sync figure
(issue 14: 100 plans, 10 changed, local clones, < 2 s) from scripts/bench_sync.py.
"""
import os, shutil, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, ".build/release/actionplan")
BENCH = os.path.join(ROOT, ".build/release/actionplan-bench")
WORK = os.path.join(ROOT, ".bench")
RUNS = int(os.environ.get("RUNS", "15"))

def generate(name, plans, targets):
    path = os.path.join(WORK, name)
    if not os.path.isdir(path):
        subprocess.run([BENCH, "generate", path, str(plans), str(targets)], check=True)
    return path

def measure(args):
    """Median wall ms and max peak RSS (MB) over RUNS runs of one process."""
    times, peaks = [], []
    for i in range(RUNS + 1):
        start = time.perf_counter()
        proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = (time.perf_counter() - start) * 1000
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            sys.exit(f"failed ({proc.returncode}): {' '.join(args)}\n{proc.stderr.read().decode()}")
        if i == 0:
            continue  # warm-up: page cache and dynamic loader
        times.append(elapsed)
        peaks.append(usage.ru_maxrss / 1024)
    return statistics.median(times), max(peaks)

def binary_figures():
    """The installed binary's size (stripped, as make install installs it), the part of it that is ICU's
    data, and process start (`--version`: parse and exit, no data read)."""
    stripped = os.path.join(WORK, "actionplan-stripped")
    subprocess.run(["strip", "-o", stripped, BIN], check=True)
    icu = 0
    nm = subprocess.run(["nm", "-S", BIN], capture_output=True, text=True)
    for line in nm.stdout.splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[3].startswith("icudt"):
            icu = int(parts[1], 16)
    print("\nBinary (the release build, stripped as make install installs it)")
    print(f"{'size, stripped':<34}{os.path.getsize(stripped) / 1e6:>13.1f} MB   (unstripped {os.path.getsize(BIN) / 1e6:.1f} MB; ICU data {icu / 1e6:.1f} MB of it)")
    ms, mb = measure([stripped, "--version"])
    print(f"{'process start (--version)':<34}{ms:>13.1f} ms{'':>16}{mb:>11.1f} MB")

def main():
    os.makedirs(WORK, exist_ok=True)
    binary_figures()
    small = generate("5k", 20, 250)
    large = generate("50k", 100, 500)
    single = os.path.join(WORK, "set-2500")
    shutil.rmtree(single, ignore_errors=True)
    subprocess.run([BENCH, "generate", single, "1", "2500"], check=True, stdout=subprocess.DEVNULL)
    ui = os.path.join(WORK, "ui-500")
    shutil.rmtree(ui, ignore_errors=True)
    subprocess.run([BENCH, "generate", ui, "1", "500"], check=True, stdout=subprocess.DEVNULL)

    print(f"\nWhole processes, median of {RUNS} runs (goal: < 25 ms at 5,000 targets, < 250 ms at 50,000; < 100 MB)")
    print(f"{'command':<34}{'5,000 targets':>16}{'50,000 targets':>16}{'peak RSS 50k':>14}")
    for label, args in [("plans", ["plans"]), ("list --officer GS", ["list", "--officer", "GS"]),
                        ("list --overdue", ["list", "--overdue"])]:
        s_ms, _ = measure([BIN] + args + ["--data", small])
        l_ms, l_mb = measure([BIN] + args + ["--data", large])
        print(f"{label:<34}{s_ms:>13.1f} ms{l_ms:>13.1f} ms{l_mb:>11.1f} MB")
    flip = [0]
    def set_args():
        flip[0] ^= 1
        return [BIN, "set", "bench-001/t1250", "met" if flip[0] else "not-met", "--data", single, "--by", "bench"]
    times, peaks = [], []
    for i in range(RUNS + 1):
        start = time.perf_counter()
        proc = subprocess.Popen(set_args(), stdout=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit("set failed")
        if i:
            times.append((time.perf_counter() - start) * 1000)
            peaks.append(usage.ru_maxrss / 1024)
    print(f"{'set (one target, 2,500-target plan)':<34}{statistics.median(times):>13.1f} ms{'':>16}{max(peaks):>11.1f} MB")

    print("\nIn process (actionplan-bench)")
    subprocess.run([BENCH, "load", large, "5"], check=True)
    subprocess.run([BENCH, "save", ui, "bench-001", "200"], check=True)
    subprocess.run([BENCH, "save", single, "bench-001", "100"], check=True)
    print("\nUI, in process (goals: render < 1 ms; keypress to durable save < 10 ms at 500 targets)")
    subprocess.run([BENCH, "render", single, "bench-001", "200"], check=True)
    subprocess.run([BENCH, "keypress", ui, "bench-001", "200"], check=True)
    subprocess.run([sys.executable, os.path.join(ROOT, "scripts/bench_sync.py"), BIN, BENCH], check=True)
    if shutil.which("tmux"):
        print("\nUI, startup to first frame with the bundled data (goal < 50 ms)")
        subprocess.run([sys.executable, os.path.join(ROOT, "scripts/first_frame.py"), "--binary", BIN], check=True)

def import_figures():
    """Import (issue 9: a 1,200-target .docx under 1 s and 100 MB; issue 16: 100k CSV rows under 2 s).
    The .docx is made by the corpus generator (python3-docx); the CSVs here. Each is a real import
    (--replace into a scratch data directory), median of IMPORT_RUNS runs."""
    runs = int(os.environ.get("IMPORT_RUNS", "5"))
    work = os.path.join(WORK, "import")
    os.makedirs(work, exist_ok=True)
    docx = os.path.join(work, "plan-1200.docx")
    if not os.path.exists(docx):
        subprocess.run(["/usr/bin/python3", os.path.join(ROOT, "Tests/ActionPlanCoreTests/Fixtures/Corpus/generate.py"),
                        "--big", "1200", docx], check=True)
    def csv_file(name, rows, council):
        path = os.path.join(work, name)
        if os.path.exists(path):
            return path
        with open(path, "w", encoding="utf-8", newline="") as f:
            if council:
                f.write("Equality objective;Action;Responsible officer;Timescale;RAG;Progress\r\n")
            else:
                f.write("Key Issue No,Key Issue,Objective No,Objective,Target ID,Target,Lead Officers,Time Scale,Status,Comment\r\n")
            for i in range(rows):
                k, o = i // 2000 + 1, i // 20 + 1
                if council:
                    f.write(f"Objective {o};Action {i} for residents, with partners;Service Manager / Policy Officer;Q{i % 4 + 1} 2025/26;{('Green', 'Amber', 'Red')[i % 3]};Update {i}\r\n")
                else:
                    f.write(f'{k},Issue {k},{o},Objective {o},t{i + 1},"Target {i}, with text",GS; CSO,Aug 06,{"met" if i % 3 else "not-met"},Comment {i}\r\n')
        return path
    data = os.path.join(work, "data")
    shutil.rmtree(data, ignore_errors=True)
    os.makedirs(data)
    print(f"\nImport, whole process incl. writing the plan, median of {runs} runs (goals: 1,200-target .docx < 1 s and < 100 MB; 100k CSV rows < 2 s)")
    print(f"{'file':<44}{'size':>10}{'time':>12}{'peak RSS':>12}")
    cases = [("Word .docx, 1,200 targets", docx)]
    for rows in (10_000, 40_000, 100_000):
        cases.append((f"export-layout CSV, {rows:,} rows", csv_file(f"export-{rows}.csv", rows, False)))
    cases.append(("council CSV (;), 100,000 rows", csv_file("council-100000.csv", 100_000, True)))
    saved = globals()["RUNS"]
    globals()["RUNS"] = runs
    results = {}
    for label, path in cases:
        ms, mb = measure([BIN, "import", path, "--id", "bench-import", "--replace", "--data", data])
        results[label] = ms
        print(f"{label:<44}{os.path.getsize(path) / 1e6:>8.1f} MB{ms / 1000:>10.2f} s{mb:>9.1f} MB")
    globals()["RUNS"] = saved
    ratio = results["export-layout CSV, 40,000 rows"] / results["export-layout CSV, 10,000 rows"]
    print(f"{'growth, 40k rows / 10k rows':<44}{'':>10}{ratio:>12.2f}   (linear = 4; issue 16 asks < 6)")


if __name__ == "__main__":
    if sys.argv[1:] == ["import"]:
        os.makedirs(WORK, exist_ok=True)
        import_figures()
        sys.exit(0)
    main()
    import_figures()
