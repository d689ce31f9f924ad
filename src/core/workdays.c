/* workdays: the Algemene termijnenwet's working days (see workdays.h). */
#include "core/workdays.h"

jr_day jr_easter(int year)
{
	/* The anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
	int a = year % 19, b = year / 100, c = year % 100;
	int d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
	int h = (19 * a + b - d - g + 15) % 30;
	int i = c / 4, k = c % 4;
	int l = (32 + 2 * e + 2 * i - h - k) % 7;
	int m = (a + 11 * h + 22 * l) / 451;
	int month = (h + l - 7 * m + 114) / 31;
	int day = (h + l - 7 * m + 114) % 31 + 1;

	return jr_date_from_ymd(year, month, day);
}

/* 0 = Monday … 6 = Sunday; day 0 (1970-01-01) was a Thursday. */
static int weekday(jr_day d)
{
	int w = (int)((d + 3) % 7);

	return w < 0 ? w + 7 : w;
}

bool jr_holiday(jr_day d)
{
	int y, m, day;
	jr_day easter, king;

	jr_date_to_ymd(d, &y, &m, &day);
	if ((m == 1 && day == 1) || (m == 12 && (day == 25 || day == 26)) || (m == 5 && day == 5))
		return true;
	/* Koningsdag moves to the 26th when the 27th is a Sunday (Wet van 2013, Stb. 2013, 183). */
	king = jr_date_from_ymd(y, 4, 27);
	if (weekday(king) == 6)
		king--;
	if (d == king)
		return true;
	easter = jr_easter(y);
	return d == easter || d == easter + 1 || /* Eerste en Tweede Paasdag */
	       d == easter + 39 ||                /* Hemelvaartsdag */
	       d == easter + 49 || d == easter + 50; /* Eerste en Tweede Pinksterdag */
}

bool jr_workday(jr_day d)
{
	return weekday(d) < 5 && !jr_holiday(d);
}

jr_day jr_workdays_add(jr_day d, int n)
{
	while (n > 0) {
		d++;
		if (jr_workday(d))
			n--;
	}
	return d;
}

int jr_workdays_between(jr_day from, jr_day to)
{
	int n = 0, sign = 1;

	if (to < from) {
		jr_day t = to;
		to = from;
		from = t;
		sign = -1;
	}
	for (jr_day d = from + 1; d <= to; d++)
		if (jr_workday(d))
			n++;
	return sign * n;
}

jr_day jr_term_end(jr_day d)
{
	while (!jr_workday(d))
		d++;
	return d;
}
