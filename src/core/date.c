/* date: day-number arithmetic on the proleptic Gregorian calendar (see date.h).
 * The conversions are the well-known era-based civil-calendar formulas. */
#include "core/date.h"

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const unsigned char dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && is_leap(y) ? 29 : dim[m - 1];
}

bool jr_date_valid(int year, int month, int day)
{
	if (year < JR_DATE_MIN_YEAR || year > JR_DATE_MAX_YEAR)
		return false;
	if (month < 1 || month > 12)
		return false;
	return day >= 1 && day <= days_in_month(year, month);
}

jr_day jr_date_from_ymd(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void jr_date_to_ymd(jr_day z, int *year, int *month, int *day)
{
	int era, doe, yoe, y, doy, mp, d, m;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	*year = y + (m <= 2);
	*month = m;
	*day = d;
}

static int digits(const char *s, size_t n)
{
	int v = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

enum jr_err jr_date_parse(const char *s, size_t len, jr_day *out)
{
	int y, m, d;

	if (len != 10 || s[4] != '-' || s[7] != '-')
		return JR_ERR_INPUT;
	y = digits(s, 4);
	m = digits(s + 5, 2);
	d = digits(s + 8, 2);
	if (y < 0 || m < 0 || d < 0 || !jr_date_valid(y, m, d))
		return JR_ERR_INPUT;
	*out = jr_date_from_ymd(y, m, d);
	return JR_OK;
}

void jr_date_format(jr_day day, char out[JR_DATE_STRLEN])
{
	int y, m, d;

	jr_date_to_ymd(day, &y, &m, &d);
	/* Written by hand: y is 1900..2199 for every date that came in through jr_date_parse, and
	 * clamped here so that no arithmetic result can overflow the 11 bytes. */
	if (y < 0)
		y = 0;
	if (y > 9999)
		y = 9999;
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
}

int jr_date_age_years(jr_day birth, jr_day date)
{
	int by, bm, bd, y, m, d, age;

	jr_date_to_ymd(birth, &by, &bm, &bd);
	jr_date_to_ymd(date, &y, &m, &d);
	age = y - by;
	if (m < bm || (m == bm && d < bd))
		age--;
	return age;
}

jr_day jr_date_add_years(jr_day birth, int years)
{
	int y, m, d;

	jr_date_to_ymd(birth, &y, &m, &d);
	y += years;
	if (m == 2 && d == 29 && !is_leap(y)) {
		m = 3;
		d = 1;
	}
	return jr_date_from_ymd(y, m, d);
}

jr_day jr_date_add_months(jr_day d, int months)
{
	static const int days_in[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int y, m, day, last;

	jr_date_to_ymd(d, &y, &m, &day);
	m += months;
	y += (m - 1) / 12 - ((m - 1) % 12 < 0);
	m = ((m - 1) % 12 + 12) % 12 + 1;
	last = days_in[m - 1] + (m == 2 && is_leap(y));
	return jr_date_from_ymd(y, m, day < last ? day : last);
}

jr_day jr_date_monday(jr_day d)
{
	/* 1970-01-01 was a Thursday: day 0 is weekday 3 counting from Monday = 0 */
	int weekday = (int)(((int64_t)d + 3) % 7);

	if (weekday < 0)
		weekday += 7;
	return d - weekday;
}

int jr_date_weeks_touched(jr_day start, jr_day end)
{
	return (int)((jr_date_monday(end) - jr_date_monday(start)) / 7) + 1;
}
