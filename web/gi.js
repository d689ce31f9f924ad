// The screens of a certified institution (GI, issue 15 point 3): its measures, running and ended
// apart with their deadlines (#/ and #/maatregelen/beeindigd), recording a measure the judge
// imposed (#/maatregel/nieuw), and one measure (#/maatregel/N) with the judge's extensions, kept
// as decided, and the help the GI deploys within it as its own decision — never the
// municipality's. Given the UI's helpers by app.js, so that it shares their look and their way
// with errors; the words (kinds of measure, municipalities) come from the vocabulary.

import { dutchDate, todayIso } from './dates.js';

// The API's names of the measure form's fields, and the ids of their controls.
const MEASURE_FIELDS = {
  bsn: 'mr-bsn', birth_date: 'mr-geboren', family_name: 'mr-achternaam', given_names: 'mr-voornamen',
  municipality: 'mr-gemeente', kind: 'mr-soort', court_date: 'mr-uitspraak', reference: 'mr-kenmerk',
  start: 'mr-start', end: 'mr-einde',
};
const EXTEND_FIELDS = { court_date: 'vl-uitspraak', end: 'vl-einde', reference: 'vl-kenmerk' };
const HELP_FIELDS = { question: 'hi-vraag' };

export const OWN_DECISION = 'Eigen besluit van de GI';
const OWN_DECISION_TEXT = 'Wat de GI binnen haar maatregel inzet, is een eigen besluit van de GI (Jeugdwet, hoofdstuk 3), '
  + 'geen besluit van de gemeente: de gemeente maakt er geen beschikking voor.';

// A field error from the server at its field (when the form has it), else in `msg`; the focus
// goes to the field, and what was typed stays.
function showError(ui, form, msg, ids, r) {
  const { alertBox, errorText, markField } = ui;
  const e = r.data && r.data.error;
  const id = e && e.field && ids[e.field];
  const control = id ? markField(form, id, e.message) : null;
  msg.replaceChildren(alertBox('error', control ? `Niet vastgelegd: ${e.message}` : errorText(r)));
  if (control) control.focus();
}

// The deadline of a measure in a few words: its label, due date and state.
function deadlineText(d) {
  return d ? `${d.state_label}: ${dutchDate(d.due)} (${d.days_left >= 0 ? `nog ${d.days_left} dagen` : `${-d.days_left} dagen geleden`})` : '—';
}

// The measures of the GI: running (`ended` false) or ended, in two tabs.
export async function measuresScreen(ui, ended) {
  const { h, p, show, api, alertBox, errorText, tableWrap, link, label, words, pager, pageAsked } = ui;
  const status = ended ? 'ended' : 'running';
  const list = await api('GET', `/api/v1/measures?status=${status}&page=${pageAsked()}`);
  const tab = (href, text, current) => h('li', {}, h('a', { class: 'utrecht-link', href, 'aria-current': current ? 'page' : null }, text));
  const tabs = h('nav', { class: 'worklist-views', 'aria-label': 'Lopend of beëindigd' }, h('ul', { class: 'worklist-view-list' },
    tab('#/', 'Lopende maatregelen', !ended), tab('#/maatregelen/beeindigd', 'Beëindigde maatregelen', ended)));
  const add = p(link('#/maatregel/nieuw', 'Maatregel vastleggen'));
  if (!list.ok) { show('Maatregelen', tabs, add, alertBox('error', errorText(list))); return; }
  const cell = (...c) => h('td', { class: 'utrecht-table__cell' }, ...c);
  const items = list.data.items;
  const caption = ended ? `Beëindigde maatregelen van uw instelling (${list.data.total})`
    : `Lopende maatregelen van uw instelling (${list.data.total}), de eerst aflopende bovenaan`;
  show('Maatregelen', tabs, add, items.length ? tableWrap(caption, h('table', { class: 'utrecht-table', id: ended ? 'maatregelen-beeindigd' : 'maatregelen-lopend' },
    h('caption', { class: 'utrecht-table__caption' }, caption),
    h('thead', { class: 'utrecht-table__header' }, h('tr', { class: 'utrecht-table__row' },
      ['Kind', 'Maatregel', 'Kenmerk', 'Van', 'Tot', 'Verlengd', 'Termijn'].map((t) => h('th', { class: 'utrecht-table__header-cell', scope: 'col' }, t)))),
    h('tbody', { class: 'utrecht-table__body' }, items.map((m) => h('tr', { class: 'utrecht-table__row', 'data-measure-id': String(m.id) },
      cell(link(`#/kind/${m.child_id}`, `${m.child.given_names} ${m.child.family_name}`)),
      cell(link(`#/maatregel/${m.id}`, label(words.measures, m.kind))),
      cell(m.reference || '—'),
      cell(dutchDate(m.start)), cell(m.end ? dutchDate(m.end) : 'geen einddatum'),
      cell(m.extensions ? `${m.extensions} keer` : 'nee'),
      cell(m.deadline ? deadlineText(m.deadline) : '—'))))))
    : p(ended ? 'Geen beëindigde maatregelen op naam van uw instelling.' : 'Geen lopende maatregelen op naam van uw instelling.'),
  pager(list.data));
}

// Recording a measure the judge imposed: the child as a referrer names it, the decision and its term.
export async function newMeasureScreen(ui) {
  const { h, p, show, api, checkedField, clearFieldErrors, select, choices, words, button, vocabulary } = ui;
  const msg = h('div', { 'aria-live': 'polite' });
  const none = [['', '— kies —']];
  // a GI works for the children of every region: the municipalities of each, by region
  const regions = (words && words.regions) || [];
  const lists = await Promise.all(regions.map((r) => vocabulary(`?region=${encodeURIComponent(r.code)}`)));
  const municipalities = h('select', { name: 'municipality' }, h('option', { value: '' }, '— kies —'),
    regions.map((r, i) => h('optgroup', { label: r.label },
      ((lists[i] && lists[i].municipalities) || []).map((m) => h('option', { value: m.code }, m.label)))));
  const form = h('form', { class: 'form-grid', novalidate: true, 'aria-label': 'Maatregel vastleggen' },
    h('fieldset', { class: 'form-grid' }, h('legend', {}, 'Het kind'),
      checkedField(MEASURE_FIELDS.bsn, 'BSN', h('input', { name: 'bsn', inputmode: 'numeric', autocomplete: 'off', maxlength: 9 }), '9 cijfers, zoals in de uitspraak.'),
      checkedField(MEASURE_FIELDS.birth_date, 'Geboortedatum', h('input', { name: 'birth_date', type: 'date' })),
      checkedField(MEASURE_FIELDS.family_name, 'Achternaam', h('input', { name: 'family_name', autocomplete: 'off' }),
        'BSN, geboortedatum en achternaam moeten passen bij het kind dat het systeem al kent.'),
      checkedField(MEASURE_FIELDS.given_names, 'Voornamen', h('input', { name: 'given_names', autocomplete: 'off' }),
        'Alleen nodig als het kind nog niet in het systeem staat.'),
      checkedField(MEASURE_FIELDS.municipality, 'Gemeente van inschrijving', municipalities,
        'Alleen nodig als het kind nog niet in het systeem staat.')),
    h('fieldset', { class: 'form-grid' }, h('legend', {}, 'De uitspraak'),
      checkedField(MEASURE_FIELDS.kind, 'Soort maatregel', select([...none, ...choices(words.measures)], { name: 'kind', required: true })),
      checkedField(MEASURE_FIELDS.court_date, 'Datum van de uitspraak', h('input', { name: 'court_date', type: 'date', required: true })),
      checkedField(MEASURE_FIELDS.reference, 'Kenmerk van de uitspraak', h('input', { name: 'reference', autocomplete: 'off', maxlength: 64, required: true }),
        'Het zaak- of rekestnummer.'),
      checkedField(MEASURE_FIELDS.start, 'Begindatum', h('input', { name: 'start', type: 'date', required: true })),
      checkedField(MEASURE_FIELDS.end, 'Einddatum', h('input', { name: 'end', type: 'date' }),
        'Een ondertoezichtstelling duurt per uitspraak ten hoogste een jaar, een voorlopige ten hoogste drie maanden; een voogdij loopt tot de 18e verjaardag.')),
    h('div', {}, button('Maatregel vastleggen')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearFieldErrors(form);
    msg.replaceChildren();
    const body = {};
    for (const name of Object.keys(MEASURE_FIELDS)) {
      const v = form[name].value.trim();
      if (v) body[name] = v;
    }
    const r = await api('POST', '/api/v1/measures', body);
    if (!r.ok) { showError(ui, form, msg, MEASURE_FIELDS, r); return; }
    location.hash = `#/maatregel/${r.data.id}`;
  });
  show('Maatregel vastleggen', p('Leg een maatregel vast die de rechter heeft uitgesproken: dan ziet uw instelling het kind en zijn dossier, en zet u er hulp binnen in.'),
    msg, form);
}

// One measure: what the judge decided, each extension as decided, the deadline, and the help
// the GI deploys within it.
export async function measureScreen(ui, id) {
  const { h, p, show, api, alertBox, errorText, checkedField, clearFieldErrors, tableWrap, link, label, capital, words, button, heading, notify } = ui;
  const r = await api('GET', `/api/v1/measures/${id}`);
  if (!r.ok) { show('Maatregel', alertBox('error', errorText(r))); return; }
  const m = r.data;
  const child = await api('GET', `/api/v1/persons/${m.child_id}`);
  const who = child.ok ? `${child.data.given_names} ${child.data.family_name}` : `kind ${m.child_id}`;
  const cell = (...c) => h('td', { class: 'utrecht-table__cell' }, ...c);
  const facts = h('dl', { class: 'facts' },
    h('dt', {}, 'Kind'), h('dd', {}, link(`#/kind/${m.child_id}`, who)),
    h('dt', {}, 'Uitspraak'), h('dd', {}, `${m.court_date ? dutchDate(m.court_date) : 'datum onbekend'}, kenmerk ${m.reference || 'niet vastgelegd'}`),
    h('dt', {}, 'Looptijd'), h('dd', {}, m.end ? `${dutchDate(m.start)} tot en met ${dutchDate(m.end)}` : `vanaf ${dutchDate(m.start)}, zonder einddatum`),
    h('dt', {}, 'Stand'), h('dd', {}, m.running ? 'lopend' : 'beëindigd'));
  const deadline = m.deadline ? h('div', { class: `utrecht-alert utrecht-alert--${m.deadline.state === 'ok' ? 'info' : 'warning'}`, role: 'status', id: 'maatregel-termijn' },
    h('p', { class: 'utrecht-paragraph' }, `${m.deadline.label}: ${m.deadline.text}`)) : null;
  const extensions = m.extensions.length ? tableWrap('Verlengingen', h('table', { class: 'utrecht-table', id: 'verlengingen' },
    h('caption', { class: 'utrecht-table__caption' }, 'Verlengingen door de rechter, elk bewaard zoals beslist'),
    h('thead', { class: 'utrecht-table__header' }, h('tr', { class: 'utrecht-table__row' },
      ['Uitspraak', 'Kenmerk', 'Einddatum was', 'Nieuwe einddatum'].map((t) => h('th', { class: 'utrecht-table__header-cell', scope: 'col' }, t)))),
    h('tbody', { class: 'utrecht-table__body' }, m.extensions.map((e) => h('tr', { class: 'utrecht-table__row' },
      cell(dutchDate(e.court_date)), cell(e.reference || '—'), cell(dutchDate(e.previous_end)), cell(dutchDate(e.end)))))))
    : p('De rechter heeft deze maatregel (nog) niet verlengd.');

  const sections = [facts, deadline, heading(2, 'Verlengingen'), extensions];
  if (m.running && m.end) {
    const msg = h('div', { 'aria-live': 'polite' });
    const form = h('form', { class: 'form-grid', novalidate: true, 'aria-label': 'Verlenging vastleggen' },
      checkedField(EXTEND_FIELDS.court_date, 'Datum van de uitspraak', h('input', { name: 'court_date', type: 'date' })),
      checkedField(EXTEND_FIELDS.reference, 'Kenmerk van de uitspraak', h('input', { name: 'reference', autocomplete: 'off', maxlength: 64 })),
      checkedField(EXTEND_FIELDS.end, 'Nieuwe einddatum', h('input', { name: 'end', type: 'date' }),
        'Een ondertoezichtstelling wordt telkens met ten hoogste een jaar verlengd.'),
      h('div', {}, button('Verlenging vastleggen')));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      clearFieldErrors(form);
      const body = {};
      for (const name of Object.keys(EXTEND_FIELDS)) if (form[name].value.trim()) body[name] = form[name].value.trim();
      const x = await api('POST', `/api/v1/measures/${id}/extensions`, body);
      if (!x.ok) { showError(ui, form, msg, EXTEND_FIELDS, x); return; }
      await measureScreen(ui, id);
      const box = document.getElementById('maatregel-melding');
      if (box) notify(box, 'ok', `De verlenging tot en met ${dutchDate(x.data.end)} is vastgelegd.`);
    });
    sections.push(heading(2, 'Verlenging vastleggen'), msg, form);
  }
  if (m.running) {
    const msg = h('div', { 'aria-live': 'polite' });
    const form = h('form', { class: 'form-grid', novalidate: true, 'aria-label': 'Hulp inzetten binnen de maatregel' },
      checkedField(HELP_FIELDS.question, 'Waarvoor is hulp nodig?', h('textarea', { name: 'question', rows: 3, maxlength: 1000 })),
      h('div', {}, button('Hulpvraag openen')));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      clearFieldErrors(form);
      const x = await api('POST', '/api/v1/help-requests', { child_id: m.child_id, raised_by: 'gi', question: form.question.value.trim(), raised_on: todayIso() });
      if (!x.ok) { showError(ui, form, msg, HELP_FIELDS, x); return; }
      location.hash = `#/hulpvraag/${x.data.id}`;
    });
    sections.push(heading(2, 'Hulp inzetten binnen de maatregel'),
      h('div', { class: 'utrecht-alert utrecht-alert--info', id: 'eigen-besluit' }, h('p', { class: 'utrecht-paragraph' }, h('strong', {}, `${OWN_DECISION}. `), OWN_DECISION_TEXT)),
      p('Open een hulpvraag voor het kind; op de hulpvraag legt u de analyse vast, verwijst u en wijst u de hulp toe.'), msg, form);
  }
  show(`${capital(label(words.measures, m.kind))} — ${who}`, h('div', { id: 'maatregel-melding', 'aria-live': 'polite' }), ...sections);
}
