#!/usr/bin/env python3
"""make report-check: the HTML report of every plan in data/ (and of a generated stress plan full of
hostile and unbreakable text) rendered in a real browser, headless Chromium:

1. print to PDF (A4 landscape, from the report's own @page rule): `pdfinfo` must count pages > 0 and
   a landscape A4 page size;
2. a PNG screenshot of the screen rendering, and PNG pages of the PDF (pdftoppm), to look at;
3. no overflow: a copy of the report with scripts/overflow-check.js injected is loaded with
   `chromium --dump-dom`. The script measures, after layout, that no table is wider than its
   container, no cell's content is wider than the cell (scrollWidth <= clientWidth), the page does
   not scroll sideways and the chart fits; that nothing from the data became markup (one script
   element only: itself; no event handlers, images, frames, links); and that every data table has a
   caption and every <th> a scope. It writes its verdict into the DOM; a missing verdict fails.
   This runs at three layouts: the screen rules at 1280px and 800px wide, and the print rules
   (the copy's `@media print` rewritten to `@media all`) at 1032px, the width of A4 landscape less
   the 12mm margins at 96px per inch. Headless Chromium has no switch that emulates print media, so
   rewriting the media query is how the print layout is measured. A negative control (a table
   made to overflow) must be caught, so a check that measures nothing cannot pass.

Never writes into data/: plans are copied to OUT/data first. Usage:
    python3 scripts/report_check.py [--binary .build/debug/actionplan] [--out .report-check]
"""
import argparse
import glob
import json
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CHECK_JS = open(os.path.join(HERE, "overflow-check.js"), encoding="utf-8").read()
A4_LANDSCAPE_CONTENT_PX = 1032  # (297mm - 2 * 12mm) / 25.4 * 96
LAYOUTS = [("screen-1280", 1280, None), ("screen-800", 800, None), ("print", A4_LANDSCAPE_CONTENT_PX, "print")]


def chromium(*args, timeout=120):
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not browser:
        sys.exit("report-check: chromium not found (make report-check installs it with apt-get)")
    cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
           "--no-first-run", "--disable-extensions", "--mute-audio", *args]
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout, text=True)


def overflow_verdict(html_path, out_dir, name, width, media):
    """Loads a copy of the report with the check injected; returns (ok, text)."""
    html = open(html_path, encoding="utf-8").read()
    if media == "print":
        html = html.replace("@media print {", "@media all {")
    if "</body>" not in html:
        return False, "no </body> in the report"
    html = html.replace("</body>", "<script>\n" + CHECK_JS + "\n</script>\n</body>", 1)
    probe = os.path.join(out_dir, "check", f"{name}.html")
    os.makedirs(os.path.dirname(probe), exist_ok=True)
    with open(probe, "w", encoding="utf-8") as f:
        f.write(html)
    r = chromium(f"--window-size={width},900", "--virtual-time-budget=3000", "--dump-dom", "file://" + probe)
    # The verdict is the last element of the body; the script's own text comes before it.
    verdicts = re.findall(r'<pre id="overflow-check">(.*?)</pre>', r.stdout, re.S)
    if not verdicts:
        return False, "the check did not run (no verdict in the DOM); chromium said: " + r.stderr.strip()[-400:]
    text = verdicts[-1].replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")
    return text.startswith("OVERFLOW-CHECK OK"), text


def pdf_pages(pdf):
    info = subprocess.run(["pdfinfo", pdf], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    pages = re.search(r"^Pages:\s+(\d+)", info.stdout, re.M)
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info.stdout, re.M)
    return (int(pages.group(1)) if pages else 0), ((float(size.group(1)), float(size.group(2))) if size else None)


def stress_plan():
    """A plan made to break layouts and escaping: unbreakable words, long URLs, markup, controls."""
    long_word = "Supercalifragilistic" * 12
    url = "https://example.invalid/" + "a-very-long-path-segment/" * 12 + "?q=" + "x" * 80
    hostile = ['<script>document.title="PWNED"</script>', '"><img src=x onerror=alert(1)>',
               "' onmouseover='alert(1)", '"\u0338 onmouseover="alert(1)', "</td></tr></table><h1>broken</h1>",
               "&lt;already escaped&gt; &amp; & R&D", "\u202eevil override\u202c", "bell\u0007 esc\u001b[31m red",
               "{{mustache}} {{{triple}}}", "| pipe | cell |", "CJK 平等行动计划 · emoji 👩🏽‍🦽 · עברית"]
    targets, n = [], 0
    objectives = []
    for o in range(3):
        ts = []
        for i, text in enumerate(hostile):
            n += 1
            ts.append({"id": f"t{n}", "text": f"{text} {long_word if i % 3 == 0 else ''}", "timescale": "March 2008",
                       "due": "2008-03-31", "leadOfficers": [text, long_word[:90]],
                       "status": ["met", "notMet", "partiallyMet", "notAssessed"][i % 4],
                       "comment": url if i % 2 else text + "\n" + url, "forecast": text + " " + long_word})
        objectives.append({"number": o + 1, "code": f"X{o + 1}<b>", "text": hostile[o] + " " + long_word,
                           "expectedOutcome": url, "targets": ts})
    return {"schemaVersion": 1, "id": "zz-stress", "title": "Stress <plan> & \"quotes\" " + long_word,
            "asAt": "2009-01-31", "organisation": "<Org>", "nextTargetId": n + 1,
            "keyIssues": [{"number": 1, "title": hostile[0] + " " + long_word, "objectives": objectives},
                          {"number": 2, "title": "Empty Key Issue", "objectives": []}]}


def negative_control(out_dir):
    """A page whose table overflows: the check must say so."""
    path = os.path.join(out_dir, "negative-control.html")
    with open(path, "w", encoding="utf-8") as f:
        f.write('<!DOCTYPE html><html><body><table class="data" style="width:100%;table-layout:fixed">'
                '<caption>c</caption><tr><th scope="col" style="white-space:nowrap">' + "W" * 400 +
                '</th></tr></table></body></html>')
    ok, text = overflow_verdict(path, out_dir, "negative-control", 800, None)
    return not ok and "overflows" in text, text


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/actionplan"))
    ap.add_argument("--out", default=os.path.join(ROOT, ".report-check"))
    ap.add_argument("--data", default=os.path.join(ROOT, "data"))
    args = ap.parse_args()
    out = os.path.abspath(args.out)
    shutil.rmtree(out, ignore_errors=True)
    data = os.path.join(out, "data")
    os.makedirs(data)
    for f in glob.glob(os.path.join(args.data, "*.json")):
        shutil.copy(f, data)
    with open(os.path.join(data, "zz-stress.json"), "w", encoding="utf-8") as f:
        json.dump(stress_plan(), f, ensure_ascii=False, indent=2)

    failures = []
    ok, text = negative_control(out)
    print(("ok  " if ok else "FAIL") + " negative control: an overflowing table is caught")
    if not ok:
        failures.append("negative control not caught: " + text)

    plans = sorted(os.path.basename(p)[:-5] for p in glob.glob(os.path.join(data, "*.json")))
    for plan in plans:
        html = os.path.join(out, plan + ".html")
        r = subprocess.run([args.binary, "report", plan, "--format", "html", "--data", data, "-o", html],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, "LANG": "C.UTF-8"})
        if r.returncode != 0:
            failures.append(f"{plan}: actionplan report failed ({r.returncode}): {r.stderr.strip()}")
            print(f"FAIL {plan}: report: {r.stderr.strip()}")
            continue
        pdf = os.path.join(out, plan + ".pdf")
        chromium("--no-pdf-header-footer", "--print-to-pdf=" + pdf, "file://" + html)
        pages, size = pdf_pages(pdf) if os.path.exists(pdf) else (0, None)
        landscape_a4 = size is not None and abs(size[0] - 841.9) < 2 and abs(size[1] - 595.3) < 2
        png = os.path.join(out, plan + ".png")
        chromium("--window-size=1280,1800", "--screenshot=" + png, "file://" + html)
        if shutil.which("pdftoppm") and pages:
            subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "2", pdf, os.path.join(out, plan + "-page")])
        verdicts = [(label,) + overflow_verdict(html, out, f"{plan}-{label}", width, media) for label, width, media in LAYOUTS]
        good = pages > 0 and landscape_a4 and os.path.exists(png) and all(v[1] for v in verdicts)
        print(f"{'ok  ' if good else 'FAIL'} {plan}: {pages} A4 {'landscape ' if landscape_a4 else 'NOT-landscape '}pages; "
              + "; ".join(f"{label}: {'no overflow' if ok else 'PROBLEM'}" for label, ok, _ in verdicts))
        if pages <= 0:
            failures.append(f"{plan}: the PDF has no pages")
        if not landscape_a4:
            failures.append(f"{plan}: the PDF page size is {size}, not A4 landscape")
        for label, ok, text in verdicts:
            if not ok:
                failures.append(f"{plan} ({label}): {text}")
    print(f"files in {out}: <plan>.html, .pdf, .png (screen), -page-N.png (PDF pages)")
    if failures:
        print("\n".join(["", "report-check failed:"] + failures), file=sys.stderr)
        sys.exit(1)
    print(f"report-check: {len(plans)} plans rendered and checked in Chromium")


if __name__ == "__main__":
    main()
