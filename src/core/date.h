/* date: calendar dates as day numbers, for ages, windows and due dates.
 *
 * A date is an int32 count of days since 1970-01-01 (proleptic Gregorian). Only years 1900–2199
 * are accepted from outside: enough for any child's birth date and any case date, small enough to
 * rule out nonsense. */
#ifndef JR_CORE_DATE_H
#define JR_CORE_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

typedef int32_t jr_day;

#define JR_DATE_MIN_YEAR 1900
#define JR_DATE_MAX_YEAR 2199
#define JR_DATE_STRLEN 11 /* "YYYY-MM-DD" and NUL */

/* Days since 1970-01-01 of a valid y-m-d; the caller guarantees validity (jr_date_valid). */
jr_day jr_date_from_ymd(int year, int month, int day);
void jr_date_to_ymd(jr_day d, int *year, int *month, int *day);
bool jr_date_valid(int year, int month, int day);

/* Parses exactly "YYYY-MM-DD" (len bytes, not NUL-terminated necessarily) into *out.
 * JR_ERR_INPUT when the shape is wrong or the date does not exist (2023-02-29). */
enum jr_err jr_date_parse(const char *s, size_t len, jr_day *out);

/* Writes "YYYY-MM-DD" into out (at least JR_DATE_STRLEN bytes). */
void jr_date_format(jr_day d, char out[JR_DATE_STRLEN]);

/* Completed years between birth and date (the age on `date`); negative when date < birth. */
int jr_date_age_years(jr_day birth, jr_day date);

/* The date on which someone born on `birth` turns `years` (29 February -> 1 March). */
jr_day jr_date_add_years(jr_day birth, int years);

/* The same day `months` calendar months after d, or the last day of that month when it is
 * shorter (30 November + 3 months = 28 or 29 February). */
jr_day jr_date_add_months(jr_day d, int months);

/* The Monday of the (ISO 8601) week that holds d. */
jr_day jr_date_monday(jr_day d);

/* How many weeks (Monday to Sunday) the period start..end (inclusive, start <= end) touches:
 * 1 July to 31 July 2022 touches 5, 11 July to 31 July 3. */
int jr_date_weeks_touched(jr_day start, jr_day end);

#endif
