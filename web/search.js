// The search screen (#/zoeken): a child within one's reach by BSN, name and birth date
// (POST /api/v1/persons/search, so that a BSN or name never lands in an address or a log).
// Given the UI's helpers by app.js, so that it shares their look and their way with errors.

import { dutchDate, isoDate } from './dates.js';

// The API's names of the fields, and the ids of their controls.
const FIELDS = { bsn: 'zoek-bsn', name: 'zoek-naam', birth_date: 'zoek-geboortedatum' };

export function searchScreen(ui) {
  const { h, p, show, api, checkedField, clearFieldErrors, markField, alertBox, errorText, tableWrap, link, label, words, button } = ui;
  const results = h('div', { id: 'zoek-resultaten', tabindex: '-1', 'aria-live': 'polite' });
  const general = h('div', {});
  const form = h('form', { class: 'form-grid', novalidate: true, 'aria-label': 'Zoeken' },
    checkedField(FIELDS.bsn, 'BSN', h('input', { name: 'bsn', inputmode: 'numeric', autocomplete: 'off', maxlength: 9 }),
      '9 cijfers.'),
    checkedField(FIELDS.name, 'Naam', h('input', { name: 'name', autocomplete: 'off' }),
      'Het begin van de achternaam en/of de voornamen, ten minste 2 letters; hoofdletters en accenten maken niet uit.'),
    checkedField(FIELDS.birth_date, 'Geboortedatum', h('input', { name: 'birth_date', autocomplete: 'off', placeholder: 'DD-MM-JJJJ' }),
      'Als DD-MM-JJJJ, bijvoorbeeld 04-12-2015.'),
    h('div', {}, button('Zoeken')));

  const municipality = (code) => label(words && words.municipalities, code);
  const stateText = (s) => label(words && words.help_request_states, s);
  const cell = (...c) => h('td', { class: 'utrecht-table__cell' }, ...c);
  const head = (...names) => h('thead', { class: 'utrecht-table__header' },
    h('tr', { class: 'utrecht-table__row' }, names.map((n) => h('th', { class: 'utrecht-table__header-cell', scope: 'col' }, n))));

  function render(data) {
    if (!data.results.length) {
      results.replaceChildren(p('Geen kinderen gevonden binnen uw bereik. Controleer de gegevens of zoek met minder gegevens.'));
      return;
    }
    const rows = data.results.map((r) => h('tr', { class: 'utrecht-table__row' },
      cell(link(`#/kind/${r.id}`, `${r.family_name}, ${r.given_names}`)),
      cell(dutchDate(r.birth_date)),
      cell(String(r.age)),
      cell(municipality(r.municipality)),
      cell(r.open_help_requests.length
        ? h('ul', { class: 'plain-list' }, r.open_help_requests.map((o) => h('li', {},
          link(`#/hulpvraag/${o.id}`, `Hulpvraag ${o.id}`), ` (${stateText(o.state)}, sinds ${dutchDate(o.raised_on)})`)),
          r.open_help_request_count > r.open_help_requests.length
            ? h('li', {}, `en nog ${r.open_help_request_count - r.open_help_requests.length}`) : null)
        : 'geen')));
    // replaceChildren would write a null as the text "null": leave it out
    results.replaceChildren(...[
      p(data.results.length === 1 ? '1 kind gevonden.' : `${data.results.length} kinderen gevonden.`),
      data.more ? alertBox('warning', `Er zijn meer dan ${data.limit} resultaten; maak de zoekvraag preciezer.`) : null,
      tableWrap('Zoekresultaten', h('table', { class: 'utrecht-table' },
        h('caption', { class: 'utrecht-table__caption' }, 'Gevonden kinderen, op achternaam'),
        head('Naam', 'Geboortedatum', 'Leeftijd', 'Gemeente', 'Open hulpvragen'),
        h('tbody', { class: 'utrecht-table__body' }, rows))),
    ].filter(Boolean));
  }

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearFieldErrors(form);
    general.replaceChildren();
    const body = {};
    const bsn = form.bsn.value.trim();
    const name = form.name.value.trim();
    const birth = form.birth_date.value.trim();
    if (bsn) body.bsn = bsn;
    if (name) body.name = name;
    if (birth) {
      const iso = isoDate(birth);
      if (!iso) { markField(form, FIELDS.birth_date, 'Geef de geboortedatum als DD-MM-JJJJ, een datum die bestaat.').focus(); return; }
      body.birth_date = iso;
    }
    if (!bsn && !name && !birth) {
      general.replaceChildren(alertBox('error', 'Vul ten minste één zoekgegeven in: BSN, naam of geboortedatum.'));
      form.bsn.focus();
      return;
    }
    const r = await api('POST', '/api/v1/persons/search', body);
    if (!r.ok) {
      const e = r.data && r.data.error;
      const control = e && e.field && FIELDS[e.field] ? markField(form, FIELDS[e.field], e.message) : null;
      if (control) control.focus();
      else general.replaceChildren(alertBox('error', errorText(r)));
      return;
    }
    render(r.data);
    results.focus();
  });
  show('Kind zoeken',
    p('Zoek een kind binnen uw bereik op BSN, naam of geboortedatum, of een combinatie daarvan. Elke zoekvraag wordt vastgelegd.'),
    general, form, results);
}
