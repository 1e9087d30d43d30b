#!/usr/bin/python3
"""Generates the import test corpus: ten layouts modelled on public council equality action plans
and progress reports, each as a genuine Word .docx (python-docx) and Excel .xlsx (openpyxl), plus a
CSV and a text variant in the encodings and delimiters councils' files come in.

The wording is our own; only the facts of the genre are kept (column headings, status vocabularies,
how tables nest, how dates are written). `expected.json` holds, for every layout, the counts and
sample targets that the Swift tests (ImportCorpusTests) check each variant against.

Run with Debian's python3 (python3-docx, python3-openpyxl):  /usr/bin/python3 generate.py
The generated files are committed, so the tests do not need python.
"""
import csv, io, json, os, zipfile, datetime, re
import docx
from docx.shared import Pt
from docx.oxml.ns import qn
from docx.oxml import OxmlElement
import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))

# A row of a layout's table is one of:
#   T(...)            a target row (cells by column role; the expected values beside them)
#   G("text")         a group heading row merged across the whole table
# Blocks of a layout: ("title", text), ("h", level, text), ("bold", text), ("p", text),
#   ("num", level, text) (Word automatic numbering), ("table", columns, rows, options)


class T:
    def __init__(self, cells, text, officers, timescale, due, status, word=None, objective=None):
        self.cells = cells          # {header: value}; "\n" separates paragraphs of one cell
        self.text = text            # expected target text
        self.officers = officers
        self.timescale = timescale
        self.due = due
        self.status = status
        self.word = word            # the status word as written (None: blank)
        self.objective = objective  # expected objective text (None: not checked)


class G:
    def __init__(self, text):
        self.text = text


def t(action, lead, when, due, status_word, status, **more):
    return dict(action=action, lead=lead, when=when, due=due, word=status_word, status=status, **more)


LAYOUTS = []


def layout(name, title, blocks, issues, objectives, note=""):
    LAYOUTS.append(dict(name=name, title=title, blocks=blocks, issues=issues, objectives=objectives, note=note))


def row(columns, values, expected_text, officers, timescale, due, status, word=None, objective=None):
    return T(dict(zip(columns, values)), expected_text, officers, timescale, due, status, word, objective)


# 1. Themes as headings, Ref / Action / Lead officer / By when / RAG / Progress update (Green, Amber, Red).
cols1 = ["Ref", "Action", "Lead officer", "By when", "RAG", "Progress update"]
layout("theme-headings", "Equality and Diversity Action Plan 2024-2026", [
    ("title", "Equality and Diversity Action Plan 2024-2026"),
    ("p", "This plan sets out the actions the council will take to meet its equality objectives."),
    ("h", 1, "Theme 1: Knowing our communities"),
    ("table", cols1, [
        row(cols1, ["1.1", "Refresh the borough equality profile using census data", "Policy and Insight Manager", "31/03/2025", "Green", "Draft profile shared with directors.\nFinal version due at Cabinet in March."],
            "Refresh the borough equality profile using census data", ["Policy and Insight Manager"], "31/03/2025", "2025-03-31", "met", "Green"),
        row(cols1, ["1.2", "Publish workforce diversity data each year", "Head of HR/OD", "Q3 2024/25", "Amber", "Data collected; publication delayed by system change."],
            "Publish workforce diversity data each year", ["Head of HR/OD"], "Q3 2024/25", "2024-12-31", "partiallyMet", "Amber"),
    ], {}),
    ("h", 1, "Theme 2: Accessible services"),
    ("table", cols1, [
        row(cols1, ["2.1", "Audit the accessibility of the council website", "Digital Services Lead\nCustomer Services Manager", "12/24", "Red", "Supplier not yet appointed."],
            "Audit the accessibility of the council website", ["Digital Services Lead", "Customer Services Manager"], "12/24", "2024-12-31", "notMet", "Red"),
        row(cols1, ["2.2", "Provide British Sign Language interpretation at public meetings on request", "Democratic Services Manager", "2024/25", "Green", "In place since May."],
            "Provide British Sign Language interpretation at public meetings on request", ["Democratic Services Manager"], "2024/25", "2025-03-31", "met", "Green"),
        row(cols1, ["2.3", "Train front-line staff in disability awareness", "Learning & Development Lead", "April 2024 – June 2024", "Amber", ""],
            "Train front-line staff in disability awareness", ["Learning & Development Lead"], "April 2024 – June 2024", "2024-06-30", "partiallyMet", "Amber"),
    ], {}),
], issues=2, objectives=2, note="objectives formed from the Key Issue headings (no objective column)")

# 2. One flat table, the objective cell merged down over its actions (vMerge); no headings at all.
cols2 = ["Equality objective", "Action", "Responsible officer", "Timescale", "Status"]
obj2a = "Reduce the gap in educational attainment"
obj2b = "Make the council an inclusive employer"
layout("merged-objective", "Corporate Equality Action Plan", [
    ("title", "Corporate Equality Action Plan"),
    ("table", cols2, [
        row(cols2, [obj2a, "Target tutoring at pupils eligible for free school meals", "Head of School Improvement", "Summer 2024", "Complete"],
            "Target tutoring at pupils eligible for free school meals", ["Head of School Improvement"], "Summer 2024", "2024-08-31", "met", "Complete", obj2a),
        row(cols2, [None, "Report attainment by ethnicity to the Schools Forum", "Data Manager", "By end of Oct 2015", "On track"],
            "Report attainment by ethnicity to the Schools Forum", ["Data Manager"], "By end of Oct 2015", "2015-10-31", "partiallyMet", "On track", obj2a),
        row(cols2, [None, "Agree an inclusion charter with every secondary school", "Jane Smith and Tom Brown", "By 2018", "Not started"],
            "Agree an inclusion charter with every secondary school", ["Jane Smith", "Tom Brown"], "By 2018", "2018-12-31", "notMet", "Not started", obj2a),
        row(cols2, [obj2b, "Guarantee an interview to disabled applicants who meet the job’s criteria", "Corporate Improvement & Policy Officer", "2025-03-31", "Complete"],
            "Guarantee an interview to disabled applicants who meet the job’s criteria", ["Corporate Improvement & Policy Officer"], "2025-03-31", "2025-03-31", "met", "Complete", obj2b),
        row(cols2, [None, "Set up staff networks for LGBT+ and Black and minority ethnic staff", "Head of HR/OD", "Six monthly", "Amber"],
            "Set up staff networks for LGBT+ and Black and minority ethnic staff", ["Head of HR/OD"], "Six monthly", None, "partiallyMet", "Amber", obj2b),
    ], {"vmerge": ["Equality objective"]}),
], issues=1, objectives=2, note="one Key Issue named from the document title")

# 3. Group heading rows merged across the table ("PEO 1: …"); a Completed column holding dates.
cols3 = ["No.", "What we will do", "Lead responsibility", "Target date (MM/YY)", "Completed"]
layout("group-rows", "Public Equality Objectives: Action Plan", [
    ("title", "Public Equality Objectives: Action Plan"),
    ("p", "Progress as at 31 March 2016."),
    ("table", cols3, [
        G("PEO 1: Improve access to council services"),
        row(cols3, ["1", "Offer translated versions of the ten most used leaflets", "Communications Manager", "09/15", "Completed January 2016"],
            "Offer translated versions of the ten most used leaflets", ["Communications Manager"], "09/15", "2015-09-30", "met", "Completed January 2016", "PEO 1: Improve access to council services"),
        row(cols3, ["2", "Install hearing loops at every customer service point", "Facilities Manager; Customer Services Manager", "03/16", ""],
            "Install hearing loops at every customer service point", ["Facilities Manager", "Customer Services Manager"], "03/16", "2016-03-31", "notAssessed", None, "PEO 1: Improve access to council services"),
        G("PEO 2: Understand who uses our services"),
        row(cols3, ["3", "Add equality monitoring questions to the customer survey", "Research Officer", "12/15", datetime.date(2015, 11, 20)],
            "Add equality monitoring questions to the customer survey", ["Research Officer"], "12/15", "2015-12-31", "met", "20/11/2015", "PEO 2: Understand who uses our services"),
        G("Screening"),
        row(cols3, ["4", "Screen every new policy for its equality impact", "All Heads of Service", "Ongoing", "Not due"],
            "Screen every new policy for its equality impact", ["All Heads of Service"], "Ongoing", None, "notAssessed", "Not due", "Screening"),
    ], {}),
], issues=1, objectives=3)

# 4. "As a Community Leader" headings, each followed by an "Objective: …" line, then a table.
cols4 = ["Activity", "Owner", "When", "Progress status", "Comments"]
layout("community-leader", "Single Equality Scheme Action Plan 2010-2013", [
    ("title", "Single Equality Scheme Action Plan 2010-2013"),
    ("bold", "As a Community Leader"),
    ("p", "Objective: Bring communities together to tackle hate crime"),
    ("table", cols4, [
        row(cols4, ["Run a hate crime awareness week with the police", "Community Safety Manager\nPolice Inspector", "October 2011", "Achieved", "Held 10-16 October.\nAttended by 400 residents."],
            "Run a hate crime awareness week with the police", ["Community Safety Manager", "Police Inspector"], "October 2011", "2011-10-31", "met", "Achieved", "Bring communities together to tackle hate crime"),
        row(cols4, ["Open third-party reporting centres in libraries", "Libraries Manager", "Within three months of the launch", "In progress", ""],
            "Open third-party reporting centres in libraries", ["Libraries Manager"], "Within three months of the launch", None, "partiallyMet", "In progress", "Bring communities together to tackle hate crime"),
    ], {}),
    ("bold", "As an Employer"),
    ("p", "Objective: Have a workforce that reflects the community"),
    ("table", cols4, [
        row(cols4, ["Advertise every vacancy through community groups", "Recruitment Manager", "31 August (annually)", "Overdue", "Not yet done this year."],
            "Advertise every vacancy through community groups", ["Recruitment Manager"], "31 August (annually)", None, "notMet", "Overdue", "Have a workforce that reflects the community"),
    ], {}),
], issues=2, objectives=2)

# 5. Word automatic numbering: "1." Key Issues as numbered headings, "1.1" objectives as numbered paragraphs.
cols5 = ["Milestone", "Delivery lead", "Deadline", "Update"]
layout("numbered-paragraphs", "Equality Scheme Delivery Plan", [
    ("title", "Equality Scheme Delivery Plan"),
    ("num", 0, "Leadership and commitment"),
    ("num", 1, "Councillors understand their equality duties"),
    ("table", cols5, [
        row(cols5, ["Equality training for all councillors after the election", "Member Services Manager", "July 2023", "Delivered to 48 of 51 members."],
            "Equality training for all councillors after the election", ["Member Services Manager"], "July 2023", "2023-07-31", "notAssessed", None, "Councillors understand their equality duties"),
    ], {}),
    ("num", 1, "Equality is part of every decision"),
    ("table", cols5, [
        row(cols5, ["Equality impact section in every committee report template", "Head of Legal, Democratic Services", "April 2023", "Template changed."],
            "Equality impact section in every committee report template", ["Head of Legal, Democratic Services"], "April 2023", "2023-04-30", "notAssessed", None, "Equality is part of every decision"),
    ], {}),
    ("num", 0, "Engagement"),
    ("num", 1, "Residents shape the services they use"),
    ("table", cols5, [
        row(cols5, ["Set up a disability reference group", "Engagement Officer", "Q1 2023/24", "Group met twice."],
            "Set up a disability reference group", ["Engagement Officer"], "Q1 2023/24", "2023-06-30", "notAssessed", None, "Residents shape the services they use"),
        row(cols5, ["Publish a consultation calendar", "Engagement Officer", "Q4 2023/24", ""],
            "Publish a consultation calendar", ["Engagement Officer"], "Q4 2023/24", "2024-03-31", "notAssessed", None, "Residents shape the services they use"),
    ], {}),
], issues=2, objectives=3)

# 6. Title rows above the header (Excel), a notes sheet first, Date of completion as real date cells.
cols6 = ["Key area", "Agreed actions", "Person responsible", "Date of completion", "RAG", "Comments"]
layout("excel-title-rows", "Equality Action Plan 2022/23 - Housing", [
    ("title", "Equality Action Plan 2022/23 - Housing"),
    ("p", "Directorate: Housing and Communities"),
    ("table", cols6, [
        row(cols6, ["Tenancy services", "Record the protected characteristics of all new tenants", "Tenancy Manager", datetime.date(2022, 9, 30), "Green", "Added to sign-up form."],
            "Record the protected characteristics of all new tenants", ["Tenancy Manager"], "30/09/2022", "2022-09-30", "met", "Green", "Tenancy services"),
        row(cols6, ["Tenancy services", "Offer large-print and audio tenancy agreements – on request", "Tenancy Manager", datetime.date(2022, 12, 31), "Amber", ""],
            "Offer large-print and audio tenancy agreements – on request", ["Tenancy Manager"], "31/12/2022", "2022-12-31", "partiallyMet", "Amber", "Tenancy services"),
        row(cols6, ["Homelessness", "Review temporary accommodation for accessibility", "Housing Options Manager", datetime.date(2023, 3, 31), "Blue", "Review complete; report to board."],
            "Review temporary accommodation for accessibility", ["Housing Options Manager"], "31/03/2023", "2023-03-31", "met", "Blue", "Homelessness"),
    ], {"title_rows": ["Equality Action Plan 2022/23 - Housing", "Directorate: Housing and Communities"], "sheet_before": "Notes"}),
], issues=1, objectives=2)

# 7. Several plans, one per sheet; the first plan sheet is taken unless --sheet names another.
cols7 = ["Priority", "Targets & Outcomes", "Lead", "Due", "Status", "How will success be measured?"]
layout("multi-sheet", "Equality Objectives 2023-24", [
    ("title", "Equality Objectives 2023-24"),
    ("table", cols7, [
        row(cols7, ["Inclusive communities", "Hold four community cohesion events", "GS/CSO", "Sept 23", "Done", "Four events held"],
            "Hold four community cohesion events", ["GS", "CSO"], "Sept 23", "2023-09-30", "met", "Done", "Inclusive communities"),
        row(cols7, ["Inclusive communities", "Translate the residents' magazine summary into five languages", "CSO", "March 2024", "No", "Summary online in five languages"],
            "Translate the residents' magazine summary into five languages", ["CSO"], "March 2024", "2024-03-31", "notMet", "No", "Inclusive communities"),
        row(cols7, ["Fair employment", "Close the gender pay gap by one percentage point", "Head of HR", "2024/25", "Partially achieved", "Gap below 5%"],
            "Close the gender pay gap by one percentage point", ["Head of HR"], "2024/25", "2025-03-31", "partiallyMet", "Partially achieved", "Fair employment"),
    ], {"sheet_name": "2023-24 Plan", "sheet_before": "Cover", "sheet_after": ("2024-25 Plan", [
        ["Inclusive communities", "Run a cohesion grants scheme", "CSO", "June 2024", "Planned", "Grants awarded"],
    ])}),
], issues=1, objectives=2)

# 8. A progress report: Progress – 2022 and Next steps columns, an unknown Budget column (kept as extra),
#    the header row repeated after a page break, and "Fully achieved"/"Not achieved" vocabulary plus one
#    word no table knows ("Paused").
cols8 = ["Objective", "Action", "Lead Officer(s)", "Timescale", "Budget", "Progress – 2022", "Next steps", "Status"]
obj8 = "Older and disabled residents can live independently"
layout("progress-report", "Equality Objectives Progress Report 2022", [
    ("title", "Equality Objectives Progress Report 2022"),
    ("h", 1, "Adult Social Care"),
    ("table", cols8, [
        row(cols8, [obj8, "Increase take-up of direct payments", "Head of Adult Services", "March 2022", "£20,000", "Take-up rose from 18% to 23%.", "Continue promotion", "Fully achieved"],
            "Increase take-up of direct payments", ["Head of Adult Services"], "March 2022", "2022-03-31", "met", "Fully achieved", obj8),
        row(cols8, [obj8, "Adapt 200 homes for disabled residents", "Occupational Therapy Lead", "December 2022", "£1.2m", "140 adaptations completed.", "If not met, when? March 2023", "Not achieved"],
            "Adapt 200 homes for disabled residents", ["Occupational Therapy Lead"], "December 2022", "2022-12-31", "notMet", "Not achieved", obj8),
        "REPEAT_HEADER",
        row(cols8, [obj8, "Pilot a dementia-friendly libraries scheme", "Libraries Manager", "Summer 2022", "", "Pilot paused during refurbishment.", "Restart in spring", "Paused"],
            "Pilot a dementia-friendly libraries scheme", ["Libraries Manager"], "Summer 2022", "2022-08-31", "notAssessed", "Paused", obj8),
    ], {"vmerge": ["Objective"]}),
], issues=1, objectives=1, note="Budget kept as an extra column; Paused is an unknown status word")

# 9. Objective codes (CCS1) in a first column merged down with the objective.
cols9 = ["Code", "Key Objectives", "Targets", "Lead officers", "Time scale"]
obj9a, obj9b = "Improve outcomes for looked-after children", "Support young carers"
layout("ccs-codes", "Children's Services Equality Plan 2012-13", [
    ("title", "Children's Services Equality Plan 2012-13"),
    ("h", 1, "Key Issue 1: Narrowing the gap"),
    ("table", cols9, [
        row(cols9, ["CCS1", obj9a, "Personal education plans for every looked-after child", "Virtual School Head", "Sept 12"],
            "Personal education plans for every looked-after child", ["Virtual School Head"], "Sept 12", "2012-09-30", "notAssessed", None, obj9a),
        row(cols9, [None, None, "Monitor exclusions of looked-after children by ethnicity", "Virtual School Head / Data Manager", "Termly"],
            "Monitor exclusions of looked-after children by ethnicity", ["Virtual School Head", "Data Manager"], "Termly", None, "notAssessed", None, obj9a),
        row(cols9, ["CCS2", obj9b, "Identify young carers through school census returns", "VG, JH & RK", "March 2013"],
            "Identify young carers through school census returns", ["VG", "JH", "RK"], "March 2013", "2013-03-31", "notAssessed", None, obj9b),
    ], {"vmerge": ["Code", "Key Objectives"]}),
], issues=1, objectives=2)

# 10. Numbers in the first column at three depths: "1" Key Issue rows, "1.1" objective rows, "1.1.1" actions.
cols10 = ["Ref", "Outcome / action", "Lead", "By when", "Status"]
layout("nested-numbers", "Fairness and Inclusion Plan 2025-2028", [
    ("title", "Fairness and Inclusion Plan 2025-2028"),
    ("table", cols10, [
        G("1 Safe and welcoming places"),
        G("1.1 Fewer hate incidents in town centres"),
        row(cols10, ["1.1.1", "Extend the safe-space scheme to twenty shops", "Community Safety Manager", "31/10/2025", "✓"],
            "Extend the safe-space scheme to twenty shops", ["Community Safety Manager"], "31/10/2025", "2025-10-31", "met", "✓", "Fewer hate incidents in town centres"),
        row(cols10, ["1.1.2", "Train night-time economy staff as active bystanders", "Licensing Manager", "Q2 2025/26", "X"],
            "Train night-time economy staff as active bystanders", ["Licensing Manager"], "Q2 2025/26", "2025-09-30", "notMet", "X", "Fewer hate incidents in town centres"),
        G("2 A council for everyone"),
        G("2.1 Decisions informed by lived experience"),
        row(cols10, ["2.1.1", "Recruit a residents' equality panel", "Engagement Officer", "2026-01-31", "N/A"],
            "Recruit a residents' equality panel", ["Engagement Officer"], "2026-01-31", "2026-01-31", "notAssessed", "N/A", "Decisions informed by lived experience"),
    ], {"number_groups": True}),
], issues=2, objectives=2)


# ---------------------------------------------------------------------------------------------------
# Rendering

def cell_text(value):
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    return value


def table_rows(columns, rows, options):
    """The table as rows of strings (None for a vMerge continuation), with ("group", text) rows."""
    out = [("header", columns)]
    last = {}
    for r in rows:
        if r == "REPEAT_HEADER":
            out.append(("header", columns))
        elif isinstance(r, G):
            out.append(("group", r.text))
        else:
            values = []
            for c in columns:
                v = r.cells.get(c)
                if c in options.get("vmerge", []):
                    if v is None:
                        values.append(None)
                        continue
                values.append(v)
            out.append(("row", values))
    return out


def add_numbering(document):
    """A two-level list ("1." then "1.1") in numbering.xml, as Word writes a multilevel list."""
    numbering = document.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), "90")
    for level, fmt in [(0, "%1."), (1, "%1.%2")]:
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(level))
        for tag, val in [("w:start", "1"), ("w:numFmt", "decimal"), ("w:lvlText", fmt)]:
            e = OxmlElement(tag)
            e.set(qn("w:val"), val)
            lvl.append(e)
        abstract.append(lvl)
    numbering.insert(0, abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), "90")
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), "90")
    num.append(ref)
    numbering.append(num)


def numbered_paragraph(document, level, text):
    p = document.add_paragraph(text, style="Heading 1" if level == 0 else None)
    pPr = p._p.get_or_add_pPr()
    numPr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), str(level))
    numId = OxmlElement("w:numId")
    numId.set(qn("w:val"), "90")
    numPr.append(ilvl)
    numPr.append(numId)
    pPr.append(numPr)


def set_cell(cell, value):
    lines = cell_text(value).split("\n")
    cell.text = lines[0]
    for extra in lines[1:]:
        cell.add_paragraph(extra)


def write_docx(lay, path):
    d = docx.Document()
    if any(b[0] == "num" for b in lay["blocks"]):
        add_numbering(d)
    for block in lay["blocks"]:
        kind = block[0]
        if kind == "title":
            d.add_paragraph(block[1], style="Title")
        elif kind == "h":
            d.add_heading(block[2], level=block[1])
        elif kind == "bold":
            d.add_paragraph().add_run(block[1]).bold = True
        elif kind == "p":
            d.add_paragraph(block[1])
        elif kind == "num":
            numbered_paragraph(d, block[1], block[2])
        elif kind == "table":
            _, columns, rows, options = block
            flat = table_rows(columns, rows, options)
            table = d.add_table(rows=len(flat), cols=len(columns))
            table.style = "Table Grid"
            merges = []
            start = {}
            for r, (what, values) in enumerate(flat):
                if what == "group":
                    a, b = table.cell(r, 0), table.cell(r, len(columns) - 1)
                    a.text = values
                    a.merge(b)
                    continue
                for c, v in enumerate(values):
                    if v is None and what == "row" and columns[c] in options.get("vmerge", []):
                        merges.append((start[c], r, c))
                        continue
                    start[c] = r
                    set_cell(table.cell(r, c), v)
                    if what == "header":
                        for run in table.cell(r, c).paragraphs[0].runs:
                            run.bold = True
            for top, bottom, c in merges:
                table.cell(top, c).merge(table.cell(bottom, c))
            d.add_paragraph("")
    d.core_properties.title = lay["title"]
    d.save(path)


def write_xlsx(lay, path):
    wb = openpyxl.Workbook()
    ws = wb.active
    table = [b for b in lay["blocks"] if b[0] == "table"]
    options = table[0][3]
    counters = [0, 0]
    if "sheet_before" in options:
        ws.title = options["sheet_before"]
        ws.append(["About this workbook"])
        ws.append(["The plan is on the next sheet. Rows are updated each quarter."])
        ws = wb.create_sheet(options.get("sheet_name", "Plan"))
    else:
        ws.title = options.get("sheet_name", "Plan")
    for text in options.get("title_rows", [lay["title"]]):
        ws.append([text])
    ws.append([])
    for block in lay["blocks"]:
        kind = block[0]
        if kind == "num":
            # typed into the sheet as Word showed them: "2. Engagement", "2.1 Residents …"
            level = block[1]
            counters[level] += 1
            if level == 0:
                counters[1] = 0
            ws.append([f"{counters[0]}. {block[2]}" if level == 0 else f"{counters[0]}.{counters[1]} {block[2]}"])
        elif kind in ("h", "bold", "p") and "title_rows" not in options:
            if block[-1].startswith("This plan") or block[-1].startswith("Progress as at"):
                continue
            ws.append([block[-1]])
        elif kind == "table":
            _, columns, rows, opts = block
            runs = {}   # column -> [top row, bottom row] of the vMerge run being written
            merged = []
            for what, values in table_rows(columns, rows, opts):
                if what == "group":
                    ws.append([values])
                    r = ws.max_row
                    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(columns))
                    continue
                if what == "header":
                    # a later table of the same shape repeats its header, as councils paste them
                    ws.append(columns)
                    continue
                r = ws.max_row + 1
                for c, v in enumerate(values, start=1):
                    if v is None:
                        if c in runs:
                            runs[c][1] = r
                        continue
                    if c in runs:
                        merged.append((c, runs.pop(c)))
                    if columns[c - 1] in opts.get("vmerge", []):
                        runs[c] = [r, r]
                    ws.cell(row=r, column=c, value=v)
                    if isinstance(v, datetime.date):
                        ws.cell(row=r, column=c).number_format = "dd/mm/yyyy"
            merged.extend(runs.items())
            for c, (top, bottom) in merged:
                if bottom > top:
                    ws.merge_cells(start_row=top, start_column=c, end_row=bottom, end_column=c)
    if "sheet_after" in options:
        name, extra = options["sheet_after"]
        other = wb.create_sheet(name)
        other.append([name])
        other.append(table[0][1])
        for r in extra:
            other.append(r)
    wb.save(path)


def text_rows(lay, sep_join):
    """Lines as Word's "Save as plain text" writes them: a paragraph a line, a table row a line of
    tab-separated cells. Paragraphs inside a cell are joined with "; " here: Word itself would write
    them as line breaks that split the row (the defect issue 9 describes), so the council's copy
    joined them before saving."""
    lines = []
    counters = [0, 0]
    for block in lay["blocks"]:
        kind = block[0]
        if kind in ("title", "h", "bold", "p"):
            lines.append([block[-1]])
        elif kind == "num":
            # Word's plain-text export writes the list numbers it draws.
            level = block[1]
            counters[level] += 1
            if level == 0:
                counters[1] = 0
                lines.append([f"{counters[0]}. {block[2]}"])
            else:
                lines.append([f"{counters[0]}.{counters[1]} {block[2]}"])
        elif kind == "table":
            _, columns, rows, opts = block
            last = {}
            for what, values in table_rows(columns, rows, opts):
                if what == "group":
                    lines.append([values] + [""] * (len(columns) - 1))
                elif what == "header":
                    lines.append(list(columns))
                else:
                    cells = []
                    for c, v in enumerate(values):
                        if v is None:
                            v = last.get(c, "")   # a merged cell is repeated in every row it spans
                        last[c] = v
                        cells.append(cell_text(v).replace("\n", sep_join))
                    lines.append(cells)
    return lines


def write_txt(lay, path, encoding="utf-8"):
    lines = text_rows(lay, "; ")
    out = "\r\n".join("\t".join(l) for l in lines) + "\r\n"
    with open(path, "wb") as f:
        f.write(out.encode(encoding))


def write_csv(lay, path, delimiter, encoding, bom=False):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    for l in text_rows(lay, "\n"):
        w.writerow(l)
    data = buf.getvalue()
    raw = data.encode(encoding)
    if bom and encoding == "utf-8":
        raw = b"\xef\xbb\xbf" + raw
    with open(path, "wb") as f:
        f.write(raw)


def shared_strings(path):
    """Moves every sheet's inline strings (which this openpyxl writes) into xl/sharedStrings.xml, as
    Excel itself writes them: <c t="s"><v>index</v></c>. One file (ccs-codes) keeps inline strings."""
    with zipfile.ZipFile(path) as z:
        items = {n: z.read(n) for n in z.namelist()}
    table, index = [], {}

    def repl(m):
        attrs, text = m.group(1), m.group(2)
        if text not in index:
            index[text] = len(table)
            table.append(text)
        attrs = attrs.replace(' t="inlineStr"', ' t="s"')
        return f'<c{attrs}><v>{index[text]}</v></c>'
    for name in list(items):
        if name.startswith("xl/worksheets/sheet"):
            sheet = items[name].decode()
            sheet = re.sub(r'<c([^>]*t="inlineStr"[^>]*)><is><t[^>]*>(.*?)</t></is></c>', repl, sheet, flags=re.S)
            items[name] = sheet.encode()
    sst = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">' % (len(table), len(table))
           + "".join(f'<si><t xml:space="preserve">{t}</t></si>' for t in table) + '</sst>')
    items["xl/sharedStrings.xml"] = sst.encode()
    ct = items["[Content_Types].xml"].decode()
    ct = ct.replace("</Types>", '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    items["[Content_Types].xml"] = ct.encode()
    rels = items["xl/_rels/workbook.xml.rels"].decode()
    rels = rels.replace("</Relationships>", '<Relationship Id="rIdSST" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    items["xl/_rels/workbook.xml.rels"] = rels.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, b in items.items():
            z.writestr(n, b)


# CSV / text variants: the delimiters and encodings councils' files come in.
VARIANTS = {
    "theme-headings": [("txt", "\t", "utf-8", False)],
    "merged-objective": [("csv", ";", "cp1252", False)],
    "group-rows": [("csv", ",", "utf-8", True)],
    "community-leader": [("txt", "\t", "utf-8", False)],
    "numbered-paragraphs": [("csv", "\t", "utf-16", False)],
    "excel-title-rows": [("csv", ",", "cp1252", False)],
    "multi-sheet": [("csv", ",", "utf-8", False)],
    "progress-report": [("txt", "\t", "utf-8", False), ("csv", ";", "utf-8", True)],
    "ccs-codes": [("csv", ",", "utf-8", False)],
    "nested-numbers": [("csv", "\t", "utf-8", False)],
}


def expected(lay):
    targets = []
    for block in lay["blocks"]:
        if block[0] == "table":
            for r in block[2]:
                if isinstance(r, T):
                    targets.append(dict(text=r.text, officers=r.officers, timescale=r.timescale, due=r.due,
                                        status=r.status, statusAsWritten=r.word, objective=r.objective))
    return dict(title=lay["title"], issues=lay["issues"], objectives=lay["objectives"],
                targets=len(targets), samples=targets, note=lay["note"])


def main():
    manifest = {}
    for lay in LAYOUTS:
        name = lay["name"]
        files = [f"{name}.docx", f"{name}.xlsx"]
        write_docx(lay, os.path.join(HERE, f"{name}.docx"))
        write_xlsx(lay, os.path.join(HERE, f"{name}.xlsx"))
        if name != "ccs-codes":
            shared_strings(os.path.join(HERE, f"{name}.xlsx"))
        for ext, sep, enc, bom in VARIANTS[name]:
            suffix = f"-{enc.replace('-', '')}{'-bom' if bom else ''}"
            if ext == "csv":
                suffix += {",": "-comma", ";": "-semicolon", "\t": "-tab"}[sep]
            fname = f"{name}{suffix}.{ext}"
            if ext == "txt":
                write_txt(lay, os.path.join(HERE, fname), enc)
            else:
                write_csv(lay, os.path.join(HERE, fname), sep, enc, bom)
            files.append(fname)
        e = expected(lay)
        e["files"] = files
        manifest[name] = e
    with open(os.path.join(HERE, "expected.json"), "w") as f:
        json.dump(manifest, f, indent=1, ensure_ascii=False, sort_keys=True)
        f.write("\n")


def bad_inputs():
    """Files that must be refused with a clear message and nothing created (ImportBadInputTests)."""
    bad = os.path.join(HERE, "bad")
    os.makedirs(bad, exist_ok=True)
    d = docx.Document()
    d.add_paragraph("Equality Action Plan", style="Title")
    d.add_paragraph("The action plan will be agreed at the next meeting.")
    d.save(os.path.join(bad, "no-table.docx"))
    good = os.path.join(HERE, "theme-headings.docx")
    with zipfile.ZipFile(good) as z:
        items = {n: z.read(n) for n in z.namelist()}
    # "Billion laughs": entities that would expand to gigabytes if a parser expanded them.
    laughs = ('<?xml version="1.0"?>\n<!DOCTYPE w:document [<!ENTITY a "ha">'
              + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
              + ']>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body></w:document>')
    with zipfile.ZipFile(os.path.join(bad, "entities.docx"), "w", zipfile.ZIP_DEFLATED) as z:
        for n, b in items.items():
            z.writestr(n, laughs.encode() if n == "word/document.xml" else b)
    with zipfile.ZipFile(os.path.join(bad, "not-well-formed.docx"), "w", zipfile.ZIP_DEFLATED) as z:
        for n, b in items.items():
            z.writestr(n, b[: len(b) // 2] if n == "word/document.xml" else b)
    raw = open(good, "rb").read()
    open(os.path.join(bad, "truncated.docx"), "wb").write(raw[: len(raw) // 2])
    # A zip bomb: a 100 MB part that compresses to about 100 KB.
    with zipfile.ZipFile(os.path.join(bad, "bomb.docx"), "w", zipfile.ZIP_DEFLATED) as z:
        for n, b in items.items():
            if n == "word/document.xml":
                z.writestr(n, b"<w:document>" + b" " * (100 << 20) + b"</w:document>")
            else:
                z.writestr(n, b)
    wb = openpyxl.Workbook()
    wb.active.title = "Plan"
    wb.save(os.path.join(bad, "empty-sheet.xlsx"))
    open(os.path.join(bad, "legacy.doc"), "wb").write(bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(504))


if __name__ == "__main__":
    main()
    bad_inputs()
