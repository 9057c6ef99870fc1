#!/usr/bin/env python3
"""Writes assets/calendar/bank_holidays_england_wales.csv from the published rules.

England and Wales bank holidays (Banking and Financial Dealings Act 1971 and royal
proclamations): New Year's Day, Good Friday, Easter Monday, early May (first Monday), spring
(last Monday of May), summer (last Monday of August), Christmas Day and Boxing Day. A fixed
holiday on a weekend moves to the next weekday not already a holiday (the substitute day).
One-off changes by proclamation are listed in MOVED and EXTRA. Run from the repository root.
"""
import datetime as dt

FIRST, LAST = 2000, 2030
# Rule-date -> proclaimed date.
MOVED = {dt.date(2002, 5, 27): dt.date(2002, 6, 4),   # spring holiday moved: Golden Jubilee
         dt.date(2012, 5, 28): dt.date(2012, 6, 4),   # spring holiday moved: Diamond Jubilee
         dt.date(2022, 5, 30): dt.date(2022, 6, 2),   # spring holiday moved: Platinum Jubilee
         dt.date(2020, 5, 4): dt.date(2020, 5, 8)}    # early May moved: VE Day 75th anniversary
EXTRA = [(dt.date(1999, 12, 31), "Millennium"),  # outside 2000-2030, kept for the record
         (dt.date(2002, 6, 3), "Golden Jubilee"),
         (dt.date(2011, 4, 29), "Royal wedding"),
         (dt.date(2012, 6, 5), "Diamond Jubilee"),
         (dt.date(2022, 6, 3), "Platinum Jubilee"),
         (dt.date(2022, 9, 19), "State funeral of Queen Elizabeth II"),
         (dt.date(2023, 5, 8), "Coronation of King Charles III")]


def easter(y):  # anonymous Gregorian algorithm (Meeus/Jones/Butcher)
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    return dt.date(y, month, (h + l - 7 * m + 114) % 31 + 1)


def first_monday(y, m):
    d = dt.date(y, m, 1)
    return d + dt.timedelta(days=(7 - d.weekday()) % 7)


def last_monday(y, m):
    d = dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)
    return d - dt.timedelta(days=d.weekday())


def year(y):
    out = []
    taken = set()

    def fixed(d, name):  # a weekend date moves to the next free weekday
        day = d
        while day.weekday() >= 5 or day in taken:
            day += dt.timedelta(days=1)
        taken.add(day)
        out.append((day, name + (" (substitute day)" if day != d else "")))

    fixed(dt.date(y, 1, 1), "New Year's Day")
    e = easter(y)
    for d, name in [(e - dt.timedelta(days=2), "Good Friday"), (e + dt.timedelta(days=1), "Easter Monday"),
                    (first_monday(y, 5), "Early May bank holiday"), (last_monday(y, 5), "Spring bank holiday"),
                    (last_monday(y, 8), "Summer bank holiday")]:
        out.append((MOVED.get(d, d), name))
    taken.update(d for d, _ in out)
    # Boxing Day on a Monday keeps its day; Christmas Day (a Sunday) then moves past it.
    boxing_first = dt.date(y, 12, 26).weekday() < 5
    if boxing_first:
        fixed(dt.date(y, 12, 26), "Boxing Day")
    fixed(dt.date(y, 12, 25), "Christmas Day")
    if not boxing_first:
        fixed(dt.date(y, 12, 26), "Boxing Day")
    out += [(d, name) for d, name in EXTRA if d.year == y]
    return sorted(out)


if __name__ == "__main__":
    with open("assets/calendar/bank_holidays_england_wales.csv", "w", newline="\n") as f:
        f.write("date,name\n")
        for y in range(FIRST, LAST + 1):
            for d, name in year(y):
                f.write(f"{d.isoformat()},{name}\n")
