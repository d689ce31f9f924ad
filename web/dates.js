// Dates as the UI shows and takes them: DD-MM-JJJJ (04-12-2026), the way a Dutch reader writes
// a date, whatever the records or the API keep (YYYY-MM-DD). One place, used by every screen.

// "2026-12-04" (or a timestamp "2026-12-04T10:00:00Z") → "04-12-2026"; '' for nothing; any
// other text as it is (never "null" or "undefined").
export function dutchDate(iso) {
  if (iso === null || iso === undefined || iso === '') return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(iso));
  return m ? `${m[3]}-${m[2]}-${m[1]}` : String(iso);
}

// DD-MM-JJJJ as typed (also D-M-JJJJ, or with / or . between) → YYYY-MM-DD; null when it is not
// a date that exists. A date picker's own value (YYYY-MM-DD) passes unchanged.
export function isoDate(text) {
  const t = String(text || '').trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return validIso(t);
  const m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
  if (!m) return null;
  return validIso(`${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`);
}

function validIso(iso) {
  const [y, mo, d] = iso.split('-').map(Number);
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d ? iso : null;
}

// Today as YYYY-MM-DD (the value a date input takes), in the browser's own time zone.
export function todayIso() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

// Completed years between a birth date (YYYY-MM-DD) and `on` (today when left out).
export function ageOn(birth, on = todayIso()) {
  const [by, bm, bd] = String(birth).split('-').map(Number);
  const [y, m, d] = String(on).split('-').map(Number);
  if (!by || !y) return null;
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

// A moment (ISO timestamp) as DD-MM-JJJJ with its time, in Dutch: "04-12-2026 om 10:05"; '—'
// for none.
export function dutchMoment(iso) {
  if (!iso) return '—';
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return String(iso);
  const two = (n) => String(n).padStart(2, '0');
  return `${two(t.getDate())}-${two(t.getMonth() + 1)}-${t.getFullYear()} om ${two(t.getHours())}:${two(t.getMinutes())}`;
}

// A sentence from the server with its dates (JJJJ-MM-DD) written as DD-MM-JJJJ.
export function dutchDatesIn(text) {
  return String(text || '').replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (all, y, m, d) => `${d}-${m}-${y}`);
}
