#!/usr/bin/env python3
"""Checks dxplan's working days against an independent source: python-holidays.

python-holidays (PyPI `holidays`, country VN) records the Labour Codes and the
government notices' day swaps. It is a test-time check only, never a runtime
dependency of dxplan.

For every day of the years checked, both sides say whether state agencies work
(Monday–Friday unless a day off; Saturday or Sunday only when worked in
exchange for a swapped day). Every day where they disagree must be listed,
with its reason, in tests/golden/holidays-python.txt, and the list must have
no stale rows. DESIGN.md (Decision 33) explains the reasons.

usage: check-holidays.py PATH/TO/dxplan
"""

import datetime as dt
import json
import pathlib
import subprocess
import sys

import holidays
from holidays.countries.vietnam import VietnamStaticHolidays

YEARS = range(2020, 2031)
ROOT = pathlib.Path(__file__).resolve().parent.parent
KNOWN = ROOT / "tests" / "golden" / "holidays-python.txt"
DESIGN = ROOT / "DESIGN.md"


def python_worked_weekend_days(year):
    """Weekend days python-holidays records as worked (the 'substituted from' days)."""
    worked = set()
    for y in (year, year + 1):
        entries = VietnamStaticHolidays.special_public_holidays.get(y, ())
        if entries and not isinstance(entries[0], tuple):
            entries = (entries,)
        for e in entries:
            from_year = e[4] if len(e) > 4 else y
            worked.add(dt.date(from_year, e[2], e[3]))
    return {d for d in worked if d.year == year}


def working_days(year, off, worked):
    """Every day of the year: True when it is a working day, given the days
    off and the weekend days worked in exchange."""
    day = dt.date(year, 1, 1)
    out = {}
    while day.year == year:
        weekend = day.weekday() >= 5
        out[day] = day in worked or (not weekend and day not in off)
        day += dt.timedelta(days=1)
    return out


def python_working(year):
    off = set(holidays.Vietnam(years=year).keys())
    worked = python_worked_weekend_days(year)
    return working_days(year, off, worked)


def dxplan_working(binary, year):
    text = subprocess.run(
        [binary, "--json", "holidays", str(year)], check=True, capture_output=True, text=True
    ).stdout
    answer = json.loads(text)
    off = {dt.date.fromisoformat(d["date"]) for d in answer["days_off"]}
    worked = {dt.date.fromisoformat(d["date"]) for d in answer["working_weekend_days"]}
    return working_days(year, off, worked), answer.get("provisional") is not None


def read_known():
    known = {}
    for no, line in enumerate(KNOWN.read_text(encoding="utf-8").splitlines(), 1):
        body = line.split("#", 1)[0].strip()
        if not body:
            continue
        cells = [c.strip() for c in body.split("|")]
        if len(cells) != 3 or "#" not in line:
            sys.exit(f"{KNOWN}:{no}: expected 'dd/mm/yyyy | dxplan | python-holidays # reason'")
        day = dt.datetime.strptime(cells[0], "%d/%m/%Y").date()
        known[day] = (cells[1], cells[2])
    return known


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    binary = sys.argv[1]
    word = {True: "work", False: "off"}
    found = {}
    for year in YEARS:
        ours, _ = dxplan_working(binary, year)
        theirs = python_working(year)
        for day in sorted(ours):
            if ours[day] != theirs[day]:
                found[day] = (word[ours[day]], word[theirs[day]])
    known = read_known()
    design = DESIGN.read_text(encoding="utf-8")
    problems = []
    for day, pair in sorted(found.items()):
        if known.get(day) != pair:
            problems.append(
                f"unlisted disagreement: {day:%d/%m/%Y} dxplan={pair[0]} python-holidays={pair[1]}"
            )
    for day, pair in sorted(known.items()):
        if found.get(day) != pair:
            problems.append(f"stale row: {day:%d/%m/%Y} {pair} no longer disagrees")
        elif f"{day:%d/%m/%Y}" not in design:
            problems.append(f"DESIGN.md does not mention {day:%d/%m/%Y}")
    checked = sum(366 if dt.date(y, 12, 31).timetuple().tm_yday == 366 else 365 for y in YEARS)
    if problems:
        print("\n".join(problems))
        print(f"holidays: {len(problems)} problem(s) against python-holidays {holidays.__version__}")
        sys.exit(1)
    print(
        f"holidays: {checked} days of {YEARS.start}–{YEARS.stop - 1} checked against "
        f"python-holidays {holidays.__version__}; {len(found)} listed disagreements"
    )


if __name__ == "__main__":
    main()
