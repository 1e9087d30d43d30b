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

4. the committee paper (`report --paper`) of every plan, as HTML printed by Chromium and as Word
   (.docx) printed by headless LibreOffice (`soffice --headless --convert-to pdf`): every page must
   carry "Page N of M" (from CSS in the HTML, from the footer's fields in Word); the HTML paper's
   covering report must be A4 portrait and its appendix A4 landscape; and no page may end with a
   heading (a section, Key Issue or objective heading stranded at its foot) or with a table's header
   row and no row under it. The text of each page comes from `pdftotext -layout`; the headings
   from the Markdown of the same paper. PNG pages (pdftoppm) are written beside, to look at.

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


STATUS_MARKS = ("✓", "Not met", "Not assessed", "Partially met", "◐")


def page_texts(pdf, pages):
    texts = []
    for i in range(1, pages + 1):
        r = subprocess.run(["pdftotext", "-layout", "-f", str(i), "-l", str(i), pdf, "-"],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        texts.append(r.stdout)
    return texts


def headings_of(markdown):
    """The headings of a paper or report, as plain text (Markdown escapes undone)."""
    out = []
    for line in markdown.splitlines():
        m = re.match(r"^#{2,3} (.*)$", line)
        if m:
            out.append(re.sub(r"\\(.)", r"\1", m.group(1)).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))
    return out


def page_problems(pdf, headings, label, running=()):
    """"Page N of M" on every page; no heading and no bare table header at a page's foot."""
    pages, _ = pdf_pages(pdf)
    problems = []
    if pages == 0:
        return 0, [f"{label}: no pages"]
    for i, text in enumerate(page_texts(pdf, pages), 1):
        flat = " ".join(text.split())
        if f"Page {i} of {pages}" not in flat:
            problems.append(f"{label}: page {i} has no 'Page {i} of {pages}'")
        lines = [l.strip() for l in text.splitlines() if l.strip()]
        # The footer: the page number line and (in Word) the running title above it.
        body = [l for l in lines if not re.search(r"Page \d+ of \d+", l) and " ".join(l.split()) not in running]
        if not body or i == pages:
            continue
        last = " ".join(body[-1].split())
        for h in headings:
            h = " ".join(h.split())
            if len(h) >= 8 and (last == h or (len(last) >= 12 and h.startswith(last))):
                problems.append(f"{label}: page {i} ends with the heading “{h[:60]}”")
                break
        header_at = max((k for k, l in enumerate(body) if "Responsible officer" in l), default=None)
        if header_at is not None and not any(m in l for l in body[header_at + 1:] for m in STATUS_MARKS):
            problems.append(f"{label}: page {i} ends with a table header and no row under it")
    return pages, problems


def soffice_pdf(docx, out_dir):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("report-check: soffice not found (make report-check installs libreoffice-writer with apt-get)")
    profile = "file://" + os.path.join(out_dir, "lo-profile")
    subprocess.run([soffice, "-env:UserInstallation=" + profile, "--headless", "--norestore", "--convert-to", "pdf",
                    "--outdir", os.path.dirname(docx), docx], stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)
    return docx[:-5] + ".pdf"


def check_paper(binary, data, out, plan):
    """The paper as HTML (Chromium) and Word (LibreOffice): page numbers, orientation, stranded headings."""
    env = {**os.environ, "LANG": "C.UTF-8"}
    base = [binary, "report", plan, "--paper", "--data", data, "--date", "2009-02-02", "--to", "Scrutiny Committee",
            "--by", "Head of Equalities", "--classification", "Unrestricted", "--contact", "A. Officer, 01582 000000"]
    failures = []
    md = subprocess.run(base + ["--format", "md"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    if md.returncode != 0:
        return [f"{plan} paper: {md.stderr.strip()}"]
    headings = headings_of(md.stdout)
    title = " ".join(md.stdout.splitlines()[0].lstrip("# ").split()).replace("\\", "")
    html = os.path.join(out, plan + "-paper.html")
    docx = os.path.join(out, plan + "-paper.docx")
    for fmt, path in (("html", html), ("docx", docx)):
        r = subprocess.run(base + ["--format", fmt, "-o", path], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        if r.returncode != 0:
            failures.append(f"{plan} paper ({fmt}): {r.stderr.strip()}")
    if failures:
        return failures
    html_pdf = os.path.join(out, plan + "-paper-html.pdf")
    chromium("--no-pdf-header-footer", "--print-to-pdf=" + html_pdf, "file://" + html)
    docx_pdf = soffice_pdf(docx, out)
    for label, pdf in (("HTML paper", html_pdf), ("Word paper", docx_pdf)):
        if not os.path.exists(pdf):
            failures.append(f"{plan} {label}: no PDF was made")
            continue
        pages, problems = page_problems(pdf, headings, f"{plan} {label}", running=(title,))
        failures += problems
        info = subprocess.run(["pdfinfo", "-f", "1", "-l", str(pages), pdf], stdout=subprocess.PIPE, text=True).stdout
        sizes = [(float(a), float(b)) for a, b in re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info, re.M)]
        portrait = [w < h for w, h in sizes]
        if not portrait or not portrait[0] or portrait[-1]:
            failures.append(f"{plan} {label}: the covering report should be portrait and the appendix landscape ({sizes[:1]} … {sizes[-1:]})")
        if shutil.which("pdftoppm"):
            subprocess.run(["pdftoppm", "-r", "50", "-png", pdf, pdf[:-4] + "-page"])
        print(f"{'ok  ' if not problems else 'FAIL'} {plan} {label}: {pages} pages ({portrait.count(True)} portrait, "
              f"{portrait.count(False)} landscape); page numbers and headings " + ("ok" if not problems else "PROBLEM"))
    return failures


def stranding_control(binary, data, out):
    """The Luton report with the keep-together rules taken out must be caught stranding a heading or a
    header row at a page foot, so the page check cannot pass by measuring nothing."""
    plan = "luton-disability-equality-2008"
    html = os.path.join(out, plan + ".html")
    if not os.path.exists(html):
        return True, "skipped (no Luton report)"
    text = open(html, encoding="utf-8").read()
    loose = text.replace("section.objective { break-inside: avoid; page-break-inside: avoid; }", "") \
                .replace("figure, dl.action, .objective-head { break-inside: avoid; }", "")
    if loose == text:
        return False, "the keep-together rules were not found in the report's CSS"
    path = os.path.join(out, "stranding-control.html")
    with open(path, "w", encoding="utf-8") as f:
        f.write(loose)
    pdf = os.path.join(out, "stranding-control.pdf")
    chromium("--no-pdf-header-footer", "--print-to-pdf=" + pdf, "file://" + path)
    md = subprocess.run([binary, "report", plan, "--data", data], stdout=subprocess.PIPE, text=True).stdout
    _, problems = page_problems(pdf, headings_of(md), "control")
    return bool(problems), "; ".join(problems) or "nothing caught"


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
        failures += check_paper(args.binary, data, out, plan)
    ok, text = stranding_control(args.binary, data, out)
    print(("ok  " if ok else "FAIL") + " stranding control: without the keep-together rules a stranded heading or header is caught")
    if not ok:
        failures.append("stranding control not caught: " + text)
    print(f"files in {out}: <plan>.html, .pdf, .png (screen), -page-N.png (PDF pages); <plan>-paper.html/.docx, "
          "-paper-html.pdf and -paper.pdf (Word via LibreOffice) with their -page-N.png")
    if failures:
        print("\n".join(["", "report-check failed:"] + failures), file=sys.stderr)
        sys.exit(1)
    print(f"report-check: {len(plans)} plans rendered and checked in Chromium; their papers in Chromium and LibreOffice")


if __name__ == "__main__":
    main()
