#!/usr/bin/python3
"""Generates a council-layout Word plan and a revised version of it, for ReimportTests (import --into).

The layout is the genre's common one (a bold Key Issue line, an "Objective: ..." paragraph, then a table
headed Action | Lead officer | Timescale | Status | Progress); the wording is our own. The revision does
what a council's officer does between meetings: a time scale slips, a target is reworded slightly, a target
agreed at the meeting is added, one is dropped, and a progress comment is updated.

Run with Debian's python3 (python3-docx):  /usr/bin/python3 generate.py
The generated files are committed, so the tests do not need python.
"""
import os
import docx

HERE = os.path.dirname(os.path.abspath(__file__))
COLUMNS = ["Action", "Lead officer", "Timescale", "Status", "Progress"]

ORIGINAL = [
    ("As a Community Leader", "Bring communities together to tackle hate crime", [
        ["Run a hate crime awareness week with the police", "Community Safety Manager", "October 2026", "In progress", "Venues booked."],
        ["Open third-party reporting centres in every library", "Libraries Manager", "December 2026", "Not started", ""],
        ["Publish hate crime figures by ward each quarter", "Community Safety Manager", "Quarterly", "Achieved", "First figures published in July."],
    ]),
    ("As an Employer", "Have a workforce that reflects the community", [
        ["Advertise every vacancy through community groups", "Recruitment Manager", "31 August 2026", "Overdue", "Not yet done this year."],
        ["Offer guaranteed interviews to disabled applicants who meet the criteria", "Head of HR", "April 2026", "Achieved", "In place since April."],
    ]),
]

REVISED = [
    ("As a Community Leader", "Bring communities together to tackle hate crime", [
        ["Run a hate crime awareness week with the police", "Community Safety Manager", "March 2027", "In progress", "Venues booked."],
        ["Open third-party reporting centres in every branch library", "Libraries Manager", "December 2026", "Not started", ""],
        ["Train library staff to take hate crime reports", "Libraries Manager", "February 2027", "Not started", ""],
    ]),
    ("As an Employer", "Have a workforce that reflects the community", [
        ["Advertise every vacancy through community groups", "Recruitment Manager", "31 August 2026", "Overdue", "Two groups signed up; the rest in September."],
        ["Offer guaranteed interviews to disabled applicants who meet the criteria", "Head of HR", "April 2026", "Achieved", "In place since April."],
    ]),
]


def write(name, sections):
    d = docx.Document()
    d.add_heading("Equality Action Plan 2026-27", level=0)
    for issue, objective, rows in sections:
        d.add_paragraph().add_run(issue).bold = True
        d.add_paragraph("Objective: " + objective)
        table = d.add_table(rows=1, cols=len(COLUMNS))
        for i, c in enumerate(COLUMNS):
            table.rows[0].cells[i].text = c
        for r in rows:
            cells = table.add_row().cells
            for i, v in enumerate(r):
                cells[i].text = v
    # A fixed date in the package, so regenerating gives the same bytes' meaning.
    d.core_properties.created = d.core_properties.modified = __import__("datetime").datetime(2026, 1, 1)
    d.save(os.path.join(HERE, name))


write("council-plan.docx", ORIGINAL)
write("council-plan-revised.docx", REVISED)
