#!/usr/bin/env python3
"""paybill.py: Current's basic paybill, year by year, the way a skilled
analyst would write it without paymodel: Python's decimal, people grouped
by band, point, FTE and the month their time at the point counts from.

It is the comparison program of paymodel's issue 17 (make bench-census runs
it and checks its figures against paymodel's cost.csv to the penny). It
covers what the benchmark's dataset needs and refuses the rest:

- the structure in force at the start is used for every year (a structure
  dated after the start is refused);
- progression on a fixed date (bands.csv's progression "MM-DD" with
  qualifying_months): on each progression date a person moves up one
  point if their time at the point is at least months - 12 +
  qualifying_months; anniversary schemes are refused;
- CPD hours are ignored, so every point's cpd_hours must be 0;
- a month's pay is salary x FTE / 12 rounded to the penny, halves away
  from zero; a pay year is its 12 months; a band's year sums its people.

Usage: paybill.py DATASET START YEARS [OUT]
writes CSV to OUT (default: standard output): year,date,band,basic (the
band rows in bands.csv's order, then All), as cost.csv's Current rows.
"""
import csv
import sys
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal

PENNY = Decimal("0.01")
TWELVE = Decimal(12)


def month_index(date):
    """Months since year 0 of the first of the month on or after date."""
    y, m, d = (int(x) for x in date.split("-"))
    i = y * 12 + (m - 1)
    return i + 1 if d > 1 else i


def main():
    ds, start, years = sys.argv[1], sys.argv[2], int(sys.argv[3])
    start_m = month_index(start)
    with open(f"{ds}/bands.csv", newline="", encoding="utf-8-sig") as f:
        bands = sorted(csv.DictReader(f), key=lambda r: int(r["order"]))
    rules = {}
    for b in bands:
        prog = b["progression"]
        if prog == "anniversary" or len(prog) != 5:
            sys.exit(f"paybill.py: {b['band']}: only fixed-date progression is supported")
        rules[b["band"]] = (int(prog[:2]), int(b["qualifying_months"] or 0))
    # The structure in force at the start: the latest dated on or before it.
    with open(f"{ds}/increments.csv", newline="", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    dates = sorted({r["effective_from"] for r in rows})
    if dates[-1] > start:
        sys.exit("paybill.py: a structure dated after the start is not supported")
    scale = {}  # band -> [(salary, months)] in point order
    for r in rows:
        if r["effective_from"] != dates[-1]:
            continue
        if Decimal(r["cpd_hours"] or 0) != 0:
            sys.exit("paybill.py: CPD thresholds are not supported")
        scale.setdefault(r["band"], []).append((r["point"], Decimal(r["salary"]), int(r["months"])))
    index = {(b, p[0]): i for b, pts in scale.items() for i, p in enumerate(pts)}

    # People grouped by band, point, FTE and the month their time counts
    # from; time counted from before the start only matters up to the
    # longest qualifying time (months - 12 + qualifying_months), so earlier
    # months are one group.
    longest = max(p[2] for pts in scale.values() for p in pts) + max(q for _, q in rules.values())
    earliest = start_m - longest
    groups = Counter()
    with open(f"{ds}/staff.csv", newline="", encoding="utf-8-sig") as f:
        for r in csv.DictReader(f):
            since = month_index(r["point_date"]) if r.get("point_date") else start_m
            groups[(r["band"], index[(r["band"], r["point"])], r["fte"], max(since, earliest))] += 1

    monthly = {}  # (band, point, fte) -> a month's pay
    basic = {}  # (year, band) -> Decimal
    for (band, point, fte_text, since), n in groups.items():
        month, qualifying = rules[band]
        fte = Decimal(fte_text)
        pts = scale[band]
        for year in range(1, years + 1):
            earned = Decimal(0)
            for k in range((year - 1) * 12, year * 12):
                m = start_m + k
                if m % 12 == month - 1 and point + 1 < len(pts):
                    if m - since >= pts[point][2] - 12 + qualifying:
                        point, since = point + 1, m
                pay = monthly.get((band, point, fte_text))
                if pay is None:
                    pay = (pts[point][1] * fte / TWELVE).quantize(PENNY, ROUND_HALF_UP)
                    monthly[(band, point, fte_text)] = pay
                earned += pay
            key = (year, band)
            basic[key] = basic.get(key, Decimal(0)) + earned * n

    out = open(sys.argv[4], "w", newline="") if len(sys.argv) > 4 else sys.stdout
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["year", "date", "band", "basic"])
    y0 = int(start[:4])
    for year in range(1, years + 1):
        date = f"{y0 + year - 1}{start[4:]}"
        total = Decimal(0)
        for b in bands:
            v = basic.get((year, b["band"]), Decimal(0))
            total += v
            w.writerow([year, date, b["band"], f"{v:.2f}"])
        w.writerow([year, date, "All", f"{total:.2f}"])


if __name__ == "__main__":
    main()
