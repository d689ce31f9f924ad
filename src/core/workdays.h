/* workdays: Dutch working days as the Algemene termijnenwet (Atw) counts them.
 *
 * A day is not a working day when it is a Saturday, a Sunday or one of the holidays of Atw
 * article 3: Nieuwjaarsdag (1 January), Eerste en Tweede Paasdag, Hemelvaartsdag, Eerste en
 * Tweede Pinksterdag, Eerste en Tweede Kerstdag (25 and 26 December), Koningsdag (27 April, or
 * 26 April when the 27th is a Sunday) and Bevrijdingsdag (5 May, every year). Goede Vrijdag is
 * not one. Easter follows the Gregorian computus. Pure: no I/O. */
#ifndef JR_CORE_WORKDAYS_H
#define JR_CORE_WORKDAYS_H

#include <stdbool.h>

#include "core/date.h"

/* Easter Sunday (Eerste Paasdag) of `year` (Gregorian, the anonymous computus). */
jr_day jr_easter(int year);

/* Whether d is one of the Atw's holidays listed above (whatever its weekday). */
bool jr_holiday(jr_day d);

/* Whether d is a working day: not a Saturday, Sunday or holiday. */
bool jr_workday(jr_day d);

/* The working day `n` working days after d (n >= 0; n = 0 gives d itself): "within 5 working
 * days after receipt" counts from the day after receipt. */
jr_day jr_workdays_add(jr_day d, int n);

/* How many working days lie after `from` up to and including `to`; when to < from, minus the
 * working days after `to` up to and including `from` (so a term passed two working days ago is
 * -2). */
int jr_workdays_between(jr_day from, jr_day to);

/* Atw article 1: a term that ends on a Saturday, Sunday or holiday is extended to the next
 * working day. The term's end `d` itself when it is a working day. Used for terms in weeks. */
jr_day jr_term_end(jr_day d);

#endif
