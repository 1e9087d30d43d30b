#!/usr/bin/env python3
"""The sync figure of `make bench` (issue 14): `actionplan sync` of a data directory of 100 plans with
10 changed, between local clones of one bare repository. Goal: under 2 s.

Three syncs a round, each timed as a whole process: the server sends its 10 changed plans; the laptop,
which changed other targets of the same 10 plans meanwhile, commits, fetches and merges them (the merge
driver runs once per plan) and pushes; the server takes that in. Git is confined to a fresh temporary
directory (GIT_CEILING_DIRECTORIES, no system config, HOME inside it), as in the tests.
    python3 scripts/bench_sync.py [BINARY] [BENCH_BINARY]
"""
import os, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/release/actionplan")
BENCH = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, ".build/release/actionplan-bench")
ROUNDS = int(os.environ.get("SYNC_ROUNDS", "5"))
PLANS, TARGETS, CHANGED = 100, 50, 10

def main():
    if not shutil.which("git"):
        sys.exit("git is not installed (scripts/ensure-deps.sh --test installs it)")
    work = tempfile.mkdtemp(prefix="actionplan-bench-sync-", dir="/tmp")
    env = dict(os.environ, GIT_CEILING_DIRECTORIES=os.path.dirname(work), GIT_CONFIG_NOSYSTEM="1",
               HOME=os.path.join(work, "home"), XDG_CONFIG_HOME=os.path.join(work, "home/.config"))
    for k in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "ACTIONPLAN_DATA"):
        env.pop(k, None)
    os.makedirs(env["HOME"])
    def run(*args, quiet=True):
        subprocess.run(list(args), check=True, env=env, stdout=subprocess.DEVNULL if quiet else None)
    try:
        remote = os.path.join(work, "remote.git")
        server, laptop = os.path.join(work, "server"), os.path.join(work, "laptop")
        run("git", "init", "-q", "--bare", remote)
        run(BENCH, "generate", server, str(PLANS), str(TARGETS))
        run(BIN, "sync", "--init", remote, "--data", server, "--by", "server")
        run(BIN, "sync", "--init", remote, "--data", laptop, "--by", "laptop")
        timings = {"send 10 changed plans": [], "commit, merge 10 plans changed on both sides, push": [], "take 10 merged plans in": []}
        def timed(label, data):
            start = time.perf_counter()
            run(BIN, "sync", "--data", data)
            timings[label].append(time.perf_counter() - start)
        for r in range(ROUNDS):
            status = "met" if r % 2 == 0 else "not-met"
            for n in range(1, CHANGED + 1):
                plan = f"bench-{(r * CHANGED + n) % PLANS + 1:03d}"
                run(BIN, "set", f"{plan}/t{1 + r}", status, "--data", server, "--by", "jo")
                run(BIN, "set", f"{plan}/t{TARGETS - r}", status, "--data", laptop, "--by", "sam")
            timed("send 10 changed plans", server)
            timed("commit, merge 10 plans changed on both sides, push", laptop)
            timed("take 10 merged plans in", server)
        a = subprocess.run(["git", "-C", server, "rev-parse", "HEAD"], env=env, capture_output=True, text=True).stdout
        b = subprocess.run(["git", "-C", laptop, "rev-parse", "HEAD"], env=env, capture_output=True, text=True).stdout
        if a != b:
            sys.exit("the two clones did not end at the same commit")
        print(f"\nSync, {PLANS} plans x {TARGETS} targets, {CHANGED} changed, local clones; median and worst of {ROUNDS} rounds (goal < 2 s)")
        for label, values in timings.items():
            print(f"{'sync: ' + label:<62}{statistics.median(values) * 1000:>9.0f} ms  (worst {max(values) * 1000:.0f} ms)")
    finally:
        shutil.rmtree(work, ignore_errors=True)

if __name__ == "__main__":
    main()
