// The journal of a help request ("Journaal"), on the help request's page: a form to write a note
// (kind, date, text) and the notes, newest first. A note is never changed: "Verbeteren" writes a
// new note that names the one it corrects; the original stays, shown as corrected, and the
// correction shows the note it corrects. The kinds of note come from the API
// (GET /api/v1/help-requests/{id}/notes), never from this file. Everything from the server is
// put in as text. The helpers of app.js come in `ui`, so that this file adds no globals.

import { dutchDate, todayIso } from './dates.js';

// the author as people know them: the user's name, without the audit log's "user:" prefix
const authorName = (who) => String(who || '').replace(/^user:/, '');

// The API's field names and the ids of their controls.
const FIELDS = { kind: 'notitie-soort', date: 'notitie-datum', text: 'notitie-tekst', corrects: 'notitie-tekst' };

// The "Journaal" section of help request `id`, or null when the principal may not read it (the
// API answers 404 alike for no such journal and one out of reach: nothing is shown then).
// `notice`: a confirmation to show (and move the focus to) after saving.
export async function journalSection(ui, id, notice) {
  const { h, heading, p, checkedField, clearFieldErrors, markField, button, alertBox, api, errorText, capital, when } = ui;
  const r = await api('GET', `/api/v1/help-requests/${id}/notes`);
  if (r.status === 404) return null;
  const section = h('section', { 'aria-labelledby': 'journaal-kop', id: 'journaal' });
  if (!r.ok) {
    section.append(heading(2, 'Journaal'), alertBox('error', errorText(r)));
    section.firstChild.id = 'journaal-kop';
    return section;
  }
  const { kinds, notes } = r.data;
  const byId = new Map(notes.map((n) => [n.id, n]));
  const msg = h('div', { 'aria-live': 'polite', tabindex: '-1', class: 'journal-message' },
    notice ? alertBox('ok', notice) : null);
  const today = todayIso();
  const kindSelect = h('select', { name: 'kind', required: true },
    h('option', { value: '' }, '— kies —'),
    kinds.map((k) => h('option', { value: k.code }, capital(k.label))));
  const correcting = h('div', { class: 'journal-correcting', hidden: true });
  let corrects = 0;
  const send = button('Notitie toevoegen');
  const form = h('form', { class: 'form-grid', novalidate: true, 'aria-labelledby': 'journaal-formulier' },
    h('h3', { class: 'utrecht-heading-3', id: 'journaal-formulier' }, 'Nieuwe notitie'),
    correcting,
    checkedField(FIELDS.kind, 'Soort', kindSelect),
    checkedField(FIELDS.date, 'Datum', h('input', { name: 'date', type: 'date', value: today, max: today, required: true }),
      'De dag waarop het gesprek, telefoontje, huisbezoek of overleg was.'),
    checkedField(FIELDS.text, 'Notitie', h('textarea', { name: 'text', rows: 4, maxlength: 4000, required: true })),
    h('div', {}, send));

  const stopCorrecting = () => {
    corrects = 0;
    correcting.hidden = true;
    correcting.replaceChildren();
    send.textContent = 'Notitie toevoegen';
  };
  const startCorrecting = (n) => {
    corrects = n.id;
    const cancel = h('button', { class: 'utrecht-button utrecht-button--secondary-action', type: 'button' }, 'Niet verbeteren');
    cancel.addEventListener('click', () => { stopCorrecting(); form.text.focus(); });
    correcting.replaceChildren(
      p(`U verbetert de notitie van ${dutchDate(n.date)} (${n.kind_label}). De oorspronkelijke notitie blijft staan en wordt als verbeterd getoond.`),
      cancel);
    correcting.hidden = false;
    send.textContent = 'Verbetering toevoegen';
    form.text.focus();
  };

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (send.disabled) return;
    send.disabled = true;
    form.setAttribute('aria-busy', 'true');
    clearFieldErrors(form);
    try {
      const body = { kind: form.kind.value, text: form.text.value };
      if (form.date.value) body.date = form.date.value;
      if (corrects) body.corrects = corrects;
      const res = await api('POST', `/api/v1/help-requests/${id}/notes`, body);
      if (!res.ok) {
        // what was typed stays; the field is named and gets the focus
        const e = (res.data && res.data.error) || {};
        const control = e.field && FIELDS[e.field] ? markField(form, FIELDS[e.field], e.message) : null;
        msg.replaceChildren(alertBox('error', control ? e.message : errorText(res)));
        if (control) control.focus();
        return;
      }
      const done = await journalSection(ui, id, res.data.corrects
        ? `De verbetering is opgeslagen (notitie van ${dutchDate(res.data.date)}).`
        : `De notitie is opgeslagen (${res.data.kind_label}, ${dutchDate(res.data.date)}).`);
      if (done) {
        section.replaceWith(done);
        done.querySelector('.journal-message').focus();
      }
    } finally {
      send.disabled = false;
      form.removeAttribute('aria-busy');
    }
  });

  const list = notes.length
    ? h('ol', { class: 'journal-list' }, notes.map((n) => {
      const corrected = n.corrected_by ? byId.get(n.corrected_by) : null;
      const original = n.corrects ? byId.get(n.corrects) : null;
      const fix = h('button', { class: 'utrecht-button utrecht-button--secondary-action', type: 'button' }, 'Verbeteren');
      fix.setAttribute('aria-label', `Notitie van ${dutchDate(n.date)} (${n.kind_label}) verbeteren`);
      fix.addEventListener('click', () => startCorrecting(n));
      return h('li', { class: `journal-note${corrected ? ' journal-note--corrected' : ''}`, id: `notitie-${n.id}` },
        h('h3', { class: 'utrecht-heading-3' }, `${dutchDate(n.date)} — ${capital(n.kind_label)}`),
        corrected ? p(h('strong', {}, 'Verbeterd'), ` op ${dutchDate(corrected.date)}: zie `,
          h('a', { class: 'utrecht-link', href: `#notitie-${corrected.id}`, 'data-note': String(corrected.id) }, 'de verbetering'), '.') : null,
        original ? h('blockquote', { class: 'journal-original' },
          p(h('strong', {}, 'Verbetert de notitie van '), `${dutchDate(original.date)} (${original.kind_label}):`),
          p(original.text)) : null,
        h('p', { class: 'utrecht-paragraph journal-text' }, n.text),
        h('p', { class: 'utrecht-paragraph journal-meta' }, `Geschreven door ${authorName(n.author)}, ${when(n.created_at)}`),
        fix);
    }))
    : p('Nog geen notities.');
  // an in-page link to a note moves the focus there without leaving the page's hash route
  list.addEventListener('click', (ev) => {
    const a = ev.target.closest && ev.target.closest('a[data-note]');
    if (!a) return;
    ev.preventDefault();
    const target = section.querySelector(`#notitie-${a.dataset.note}`);
    if (target) { target.setAttribute('tabindex', '-1'); target.focus(); }
  });

  section.append(h('h2', { class: 'utrecht-heading-2', id: 'journaal-kop' }, 'Journaal'), msg, form,
    h('h3', { class: 'utrecht-heading-3' }, 'Notities, nieuwste eerst'), list);
  return section;
}
