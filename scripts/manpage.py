#!/usr/bin/env python3
"""Writes the man page actionplan(1) from the program itself, so it never lists a command by hand:

  * the commands, their arguments and options: `actionplan --experimental-dump-help` (ArgumentParser's
    description of the command tree; a command added anywhere in the tree appears here by itself);
  * the exit codes: the root command's discussion ("Exit codes: 0 …; 1 …");
  * the config file's keys: `actionplan config --keys --format json` (SettingKey.all);
  * the review UI's keys: `actionplan ui --print-keys` (the KeyTable, as the README's key tables).

  scripts/manpage.py BINARY [OUTPUT]      (OUTPUT default: standard output)

Why not ArgumentParser's generate-manual plugin: it works offline here, but its mdoc output draws
"Empty input line" warnings from multi-paragraph discussions (`man --warnings` must be clean), it has
no way to add the sections a user needs (data directory, file format, configuration, keys, exit
status), and it builds a second tool through a plugin invocation that needs write access to the
package directory. The dump it reads is the same one used here.

The date is $SOURCE_DATE_EPOCH, else the date of the git commit, else today: the same tree gives
the same page.
"""
import datetime
import json
import os
import re
import subprocess
import sys

binary = sys.argv[1]
output = sys.argv[2] if len(sys.argv) > 2 else None
env = dict(os.environ, LANG="C.UTF-8", NO_COLOR="1")
# The page must not depend on who builds it: no config file, no settings from the environment.
env["XDG_CONFIG_HOME"] = "/nonexistent"
for k in list(env):
    if k.startswith("ACTIONPLAN_"):
        del env[k]


def run(*args):
    return subprocess.run([binary, *args], check=True, capture_output=True, text=True, env=env).stdout


tree = json.loads(run("--experimental-dump-help"))["command"]
version_line = run("--version").strip()
version = version_line.split()[0]
settings = json.loads(run("config", "--keys", "--format", "json"))
keys_markdown = run("ui", "--print-keys")


def page_date():
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return datetime.datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), datetime.timezone.utc).date()
    here = os.path.dirname(os.path.abspath(__file__))
    try:
        iso = subprocess.run(["git", "-C", here, "log", "-1", "--format=%cs"], check=True, capture_output=True, text=True).stdout.strip()
        if iso:
            return datetime.date.fromisoformat(iso)
    except (OSError, subprocess.CalledProcessError, ValueError):
        pass
    return datetime.date.today()


# Characters the UI's key table uses, as words: a man page is read in any terminal and locale.
WORDS = {"↑": "Up", "↓": "Down", "←": "Left", "→": "Right", "…": "...", "–": "-", "—": "-",
         "“": '"', "”": '"', "‘": "'", "’": "'", "·": "-", "✓": "[Y]", "✗": "[N]", "◐": "[P]"}


# In running text an arrow is a direction of change ("not assessed → met"), not a key.
PROSE = dict(WORDS, **{"→": "->", "←": "<-", "↑": "up", "↓": "down"})


def esc(text, words=WORDS):
    """Text for a roff line: backslashes and hyphens escaped, non-ASCII as words or \\[uXXXX]."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    out = []
    for ch in text:
        if ord(ch) < 128:
            out.append(ch)
        elif ch in words:
            out.append(words[ch].replace("-", "\\-"))
        else:
            out.append("\\[u%04X]" % ord(ch))
    return "".join(out)


def lines(text):
    """Paragraphs of text as roff lines, with .PP between paragraphs; no line starts with . or '."""
    result = []
    for para in re.split(r"\n\s*\n", text.strip()):
        if result:
            result.append(".PP")
        line = " ".join(para.split())
        if line:
            line = esc(line, PROSE)
            if line[0] in ".'":
                line = "\\&" + line
            result.append(line)
    return result


def visible(args):
    return [a for a in args if a.get("shouldDisplay", True) and a["preferredName" if a["kind"] != "positional" else "kind"]]


def synopsis_word(a):
    if a["kind"] == "positional":
        word = "\\fI%s\\fR" % esc(a["valueName"])
        if a.get("isRepeating"):
            word += " ..."
    else:
        name = a["preferredName"]
        dash = "\\-\\-" if name["kind"] == "long" else "\\-"
        word = "\\fB%s%s\\fR" % (dash, esc(name["name"]))
        if a["kind"] == "option":
            word += " \\fI%s\\fR" % esc(a["valueName"])
    return "[" + word + "]" if a.get("isOptional") else word


def option_heading(a):
    if a["kind"] == "positional":
        return "\\fI%s\\fR" % esc(a["valueName"])
    names = []
    for n in a["names"]:
        dash = "\\-\\-" if n["kind"] == "long" else "\\-"
        names.append("\\fB%s%s\\fR" % (dash, esc(n["name"])))
    head = ", ".join(names)
    if a["kind"] == "option":
        head += " \\fI%s\\fR" % esc(a["valueName"])
    return head


def describe_argument(a):
    text = a.get("abstract", "")
    extras = []
    if a.get("allValues") and a["kind"] != "flag":
        extras.append("one of " + ", ".join(a["allValues"]))
    if a.get("defaultValue") not in (None, "", "false"):
        extras.append("default: " + a["defaultValue"])
    if extras:
        text = (text + " " if text else "") + "(" + "; ".join(extras) + ")"
    return text


def commands(node, path):
    """Every command below the root, depth first, as (path, node)."""
    for sub in node.get("subcommands", []):
        if not sub.get("shouldDisplay", True) or sub["commandName"] == "help":
            continue
        yield path + [sub["commandName"]], sub
        yield from commands(sub, path + [sub["commandName"]])


out = []
w = out.append
w('.\\" Generated by scripts/manpage.py from `actionplan --experimental-dump-help` and the program\'s')
w('.\\" key and settings tables. Do not edit; run make man (make install does).')
w('.TH ACTIONPLAN 1 "%s" "actionplan %s" "User Commands"' % (page_date().isoformat(), esc(version)))
w(".SH NAME")
w("actionplan \\- " + esc(tree["abstract"]))
w(".SH SYNOPSIS")
w(".B actionplan")
w("[\\fIcommand\\fR] [\\fIoptions\\fR]")
for path, node in commands(tree, []):
    if node.get("subcommands"):
        continue
    w(".br")
    w(".B actionplan %s" % esc(" ".join(path)))
    positionals = " ".join(synopsis_word(a) for a in visible(node.get("arguments", [])) if a["kind"] == "positional")
    if positionals:
        w(positionals)
w(".SH DESCRIPTION")
discussion = tree.get("discussion", "")
exit_text = ""
if "Exit codes:" in discussion:
    discussion, exit_text = discussion.split("Exit codes:", 1)
out += lines(discussion)
w(".PP")
w("Run \\fBactionplan\\fR \\fIcommand\\fR \\fB\\-\\-help\\fR for any command's options, as below.")

w(".SH COMMANDS")
for path, node in commands(tree, []):
    args = visible(node.get("arguments", []))
    w('.SS "%s"' % ("actionplan " + esc(" ".join(path))))
    usage = ["\\fBactionplan %s\\fR" % esc(" ".join(path))]
    if node.get("subcommands"):
        usage.append("\\fIcommand\\fR")
    usage += [synopsis_word(a) for a in args if a["kind"] != "flag" or a["preferredName"]["name"] not in ("help", "version")]
    w(".PP")
    w(" ".join(usage))
    w(".PP")
    out += lines(node.get("abstract", ""))
    if node.get("discussion"):
        w(".PP")
        out += lines(node["discussion"])
    for a in args:
        if a["kind"] == "flag" and a["preferredName"]["name"] in ("help", "version"):
            continue
        w(".TP")
        w(option_heading(a))
        out += lines(describe_argument(a)) or ["(no description)"]

w(".SH DATA DIRECTORY")
out += lines("""Plans live in one directory, one file per plan named PLAN_ID.json: --data DIR, else
$ACTIONPLAN_DATA, else data in the config file, else $XDG_DATA_HOME/actionplan (~/.local/share/actionplan).
actionplan init [--samples] [DIR] creates it with mode 0700; for a directory shared by a team, make it
group-owned (chgrp TEAM DIR; chmod 2770 DIR).

Beside the plans the program keeps .PLAN_ID.lock (only for the instant of a save), .backups/PLAN_ID/
(previous versions, see restore), .presence/PLAN_ID/ while the review UI has a plan open,
.PLAN_ID.recovery.json when the UI was ended while text was being typed, and reports/ for reports
written from the UI. Files whose names start with a dot are never read as plans.""")

w(".SH FILE FORMAT")
out += lines("""Each plan is plain JSON, pretty-printed with sorted keys and a trailing newline, so git diff of a
change shows only the lines that changed: a plan has keyIssues, each with objectives, each with targets;
a target has an id (t1, t2, ...), text, leadOfficers, a timescale as written and the due date it means,
a status (met, notMet, partiallyMet or notAssessed), a comment, a forecast and its history of changes
(when, who, field, old, new). A target is addressed on the command line as PLAN_ID/TARGET_ID.

Files are checked strictly when loaded; a problem is reported with the file, the place (line and column
or a JSON path) and what was expected. Keys the program does not know are kept when it saves. The full
contract is FORMAT.md in the documentation directory (/usr/share/doc/actionplan or PREFIX/share/doc/actionplan).""")

w(".SH CONFIGURATION")
out += lines("""The config file is $ACTIONPLAN_CONFIG, else $XDG_CONFIG_HOME/actionplan/config.toml, else
~/.config/actionplan/config.toml. It is TOML; dotted keys may be written as a table ([sync] then
remote = "origin"). A command-line flag wins over the environment variable, which wins over the config
file, which wins over the default; actionplan config shows every effective setting and where it came from.
A malformed file, an unknown key or a value of the wrong type is an error naming the file, the line and the
key (exit status 78); --help still works.""")
w(".PP")
w("Example:")
w(".PP")
w(".nf")
w('.RS 4')
w('data = "/srv/plans"')
w('user = "Jo Fisher"')
w("backups = 20")
w("[sync]")
w('remote = "origin"')
w(".RE")
w(".fi")
w(".PP")
w("The keys:")
for s in settings:
    w(".TP")
    head = "\\fB%s\\fR" % esc(s["key"])
    where = [("\\fB$%s\\fR" % esc(s["environment"])) if s["environment"] else None,
             ("\\fB%s\\fR" % esc(s["flag"])) if s["flag"] else None]
    where = [x for x in where if x]
    if where:
        head += " (" + ", ".join(where) + ")"
    w(head)
    out += lines("%s Expected: %s." % (s["help"], s["expected"]))

w(".SH KEYS")
out += lines("The review UI (actionplan with no command, or actionplan ui); ? in the UI shows the same list.")
for block in keys_markdown.split("\n\n"):
    block = block.strip()
    if not block:
        continue
    if block.startswith("**") and block.endswith("**"):
        w('.SS "%s"' % esc(block.strip("*")))
        continue
    for row in block.splitlines():
        cells = [c.strip() for c in row.strip().strip("|").split("|")]
        if len(cells) < 2 or cells[0] in ("Key", "---") or set(cells[0]) <= set("- "):
            continue
        keys = [k.strip().strip("`") for k in re.split(r"`\s*,\s*`", cells[0])]
        w(".TP")
        w(", ".join("\\fB%s\\fR" % esc(k) for k in keys))
        out += lines(" | ".join(cells[1:]).replace("`", ""))

w(".SH EXIT STATUS")
for part in exit_text.strip().rstrip(".").split(";"):
    m = re.match(r"\s*(\d+)\s+(.*)", part.strip())
    if m:
        w(".TP")
        w("\\fB%s\\fR" % m.group(1))
        out += lines(m.group(2).strip())

w(".SH ENVIRONMENT")
for s in settings:
    if s["environment"]:
        w(".TP")
        w("\\fB%s\\fR" % esc(s["environment"]))
        out += lines("The %s setting (see CONFIGURATION)." % s["key"])
for name, text in [("ACTIONPLAN_CONFIG", "The config file to read instead of the default."),
                   ("NO_COLOR", "When set, the review UI uses no colours (status is never shown by colour alone)."),
                   ("XDG_DATA_HOME, XDG_CONFIG_HOME", "Where the default data directory and config file are.")]:
    w(".TP")
    w("\\fB%s\\fR" % esc(name))
    out += lines(text)

w(".SH FILES")
w(".TP")
w("\\fI~/.config/actionplan/config.toml\\fR")
w("The config file.")
w(".TP")
w("\\fI~/.local/share/actionplan/\\fR")
w("The default data directory.")
w(".TP")
w("\\fIPREFIX/share/actionplan/samples/\\fR")
w("The sample plans that \\fBactionplan init \\-\\-samples\\fR copies.")

w(".SH SHELL COMPLETION")
out += lines("""Installed for bash, zsh and fish; they complete commands and options, and from the data directory
in use (--data on the line, else as above) plan ids, target addresses (PLAN_ID/t...) and lead officers'
names. To generate a script by hand: actionplan --generate-completion-script bash|zsh|fish.""")

w(".SH VERSION")
out += lines("This page documents %s." % version_line)

text = "\n".join(out) + "\n"
if output:
    with open(output + ".tmp", "w") as f:
        f.write(text)
    os.replace(output + ".tmp", output)
else:
    sys.stdout.write(text)
