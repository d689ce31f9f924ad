// The browser UI of jeugdroute: one page, screens by the part of the address after '#'.
// Every text from the server is put in with textContent, never as HTML. Writes send the
// CSRF token of the session (X-CSRF-Token). Screens: login, work list (werkbak), help request
// with its course, new help request, a family's page, one's own password, the second factor
// (web/secondfactor.js), and for the administrator the users and the organisations
// (web/admin.js).
//
// The UI keeps no list of the region's words, nor of the iJw standard's or the records': forms,
// municipalities, regimes, light options, life domains, measures, reasons, units, steps, roles,
// … come with their code and Dutch label from GET /api/v1/vocabulary (`words`, fetched once
// per session and kept; another region's on demand, kept too).

import { allocationHooks, allocationSection } from './allocation.js';
import { deadlinesSection } from './deadlines.js';
import { journalSection } from './journal.js';
import { letterNotice, lettersSection, letterScreen } from './letter.js';
import { providerScreen } from './provider.js';
import { searchScreen } from './search.js';
import { assigneeSection, assignmentText, worklistSection } from './worklist.js';
import { helpRequestScreen, splitWhy, timelineList, whyBox } from './casepage.js';
import { dutchDate, dutchDatesIn, dutchMoment, ageOn, todayIso } from './dates.js';
import { socialMapScreen } from './socialmap.js';
import { measuresScreen, measureScreen, newMeasureScreen } from './gi.js';
import { referrerScreen, referralsSection } from './referrer.js';
import { organisationScreen, organisationsScreen, userScreen, usersScreen } from './admin.js';
import { codeScreen, enrolScreen } from './secondfactor.js';
import { contractScreen, contractsScreen, providersScreen } from './contracts.js';
import { scenarioScreen } from './scenario.js';
import { monitorScreen } from './monitor.js';
import { dashboardScreen } from './figures.js';

// The confirmation of an allocation names its decision letter (web/letter.js), for whom may read it
allocationHooks.confirmed.push((made, element) => {
  if (me && me.role === 'consulent') element.append(h('p', { class: 'utrecht-paragraph' }, letterNotice({ h, role: me.role }, made)));
});

const main = document.getElementById('inhoud');
const menu = document.getElementById('menu');
let me = null; // the logged-in principal, with its CSRF token
let words = null; // the vocabulary of the principal's region (see vocabulary())
const vocabularies = new Map(); // query → the promise of its vocabulary, for this session

// h('p', {class: 'x'}, 'text', child…): an element; strings become text nodes.
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v === null || v === undefined) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  return el;
}

const p = (...c) => h('p', { class: 'utrecht-paragraph' }, ...c);
// A table in a box that scrolls sideways when the table is wider than the window; the box can
// take focus so that keyboard users can scroll it too.
const tableWrap = (label, table) => h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': label }, table);
const heading = (level, text) => h(`h${level}`, { class: `utrecht-heading-${level}` }, text);
const link = (href, text) => h('a', { class: 'utrecht-link', href }, text);
const button = (text, attrs = {}) => h('button', { class: 'utrecht-button utrecht-button--primary-action', type: 'submit', ...attrs }, text);

// The vocabulary of GET /api/v1/vocabulary with `query` ('' for one's own region,
// '?municipality=CODE' or '?region=ID' for another), fetched once per session; null when it
// cannot be had (it is then asked again next time).
function vocabulary(query = '') {
  if (!vocabularies.has(query)) {
    vocabularies.set(query, api('GET', `/api/v1/vocabulary${query}`).then((r) => {
      if (!r.ok) vocabularies.delete(query);
      return r.ok ? r.data : null;
    }));
  }
  return vocabularies.get(query);
}

// The label of `code` in a list of words, or the code itself when the list does not have it.
function label(list, code) {
  const w = (list || []).find((x) => x.code === String(code));
  return w ? w.label : String(code);
}
const choices = (list) => (list || []).map((w) => [w.code, w.label]);
const coded = (list) => (list || []).map((w) => [w.code, `${w.code} — ${w.label}`]);
const capital = (text) => text.charAt(0).toUpperCase() + text.slice(1);
// A form of youth care by number, with its name when the vocabulary has it.
function formText(number, vocab = words) {
  const f = ((vocab && vocab.forms) || []).find((x) => x.number === Number(number));
  return f ? `${f.number} — ${f.label}` : String(number);
}

// The page of a long list the address asks for (#/…?pagina=N), 1 when it asks for none.
function pageAsked() {
  const q = location.hash.indexOf('?');
  const n = q < 0 ? 1 : Number(new URLSearchParams(location.hash.slice(q + 1)).get('pagina'));
  return Number.isInteger(n) && n > 0 ? n : 1;
}

// Under a list of more than one page: where one is, and links to the page before and after.
function pager(list) {
  const pages = Math.max(1, Math.ceil(list.total / list.per_page));
  if (pages <= 1) return null;
  const base = location.hash.split('?')[0] || '#/';
  return h('nav', { class: 'pager', 'aria-label': 'Pagina\'s' },
    list.page > 1 ? link(`${base}?pagina=${list.page - 1}`, 'Vorige pagina') : null,
    h('span', { 'aria-current': 'page' }, `Pagina ${list.page} van ${pages}`),
    list.page < pages ? link(`${base}?pagina=${list.page + 1}`, 'Volgende pagina') : null);
}

function alertBox(kind, text) {
  return h('div', { class: `utrecht-alert utrecht-alert--${kind}`, role: kind === 'error' ? 'alert' : 'status' },
    h('p', { class: 'utrecht-paragraph' }, text));
}

// Puts a message in `box` and moves the focus to it (issue 14, point 9): after saving, the
// confirmation (or what went wrong) is where a keyboard and screen reader user is taken.
function notify(box, kind, text) {
  const alert = alertBox(kind, text);
  alert.setAttribute('tabindex', '-1');
  box.replaceChildren(alert);
  alert.focus();
  return alert;
}

function show(title, ...nodes) {
  document.title = `${title} — jeugdroute`;
  main.replaceChildren(heading(1, title), ...nodes.filter((n) => n));
  main.focus();
}

async function api(method, path, body, extraHeaders = {}) {
  const headers = { ...extraHeaders };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && me && me.csrf) headers['X-CSRF-Token'] = me.csrf;
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  let data = null;
  try { data = await res.json(); } catch { data = null; }
  // (a wrong second-factor code is a 401 too, but the session it waits in goes on)
  const badCode = data && data.error && data.error.code === 'bad_code';
  if (res.status === 401 && path !== '/api/v1/login' && !badCode) {
    me = null;
    words = null;
    vocabularies.clear();
    location.hash = '#/login';
  }
  if (res.status === 403 && data && data.error && data.error.code === 'password_change_required') {
    if (me) me.must_change_password = true;
    location.hash = '#/wachtwoord';
  }
  // the second factor (web/secondfactor.js): the code still to give, or an enrolment first
  if (res.status === 403 && data && data.error && data.error.code === 'second_factor_required') {
    if (me) me.second_factor_pending = true;
    location.hash = '#/code';
  }
  if (res.status === 403 && data && data.error && data.error.code === 'second_factor_enrolment_required') {
    if (me) me.must_enrol = true;
    location.hash = '#/tweede-factor';
  }
  return { status: res.status, ok: res.ok, data };
}

function errorText(r) {
  const e = r.data && r.data.error;
  if (!e) return `Er ging iets mis (status ${r.status}).`;
  return e.field ? `${e.message} (veld: ${e.field})` : e.message;
}

// A labelled field: input, select or textarea, with an optional description.
function field(id, label, control, description) {
  control.id = id;
  control.classList.add(control.tagName === 'SELECT' ? 'utrecht-select' : control.tagName === 'TEXTAREA' ? 'utrecht-textarea' : 'utrecht-textbox');
  const desc = description ? h('div', { class: 'utrecht-form-field-description', id: `${id}-uitleg` }, description) : null;
  if (desc) control.setAttribute('aria-describedby', `${id}-uitleg`);
  return h('div', { class: 'utrecht-form-field' },
    h('div', { class: 'utrecht-form-field__label' }, h('label', { class: 'utrecht-form-label', for: id }, label)),
    desc, h('div', { class: 'utrecht-form-field__input' }, control));
}

function select(options, attrs = {}) {
  return h('select', attrs, options.map(([v, t]) => h('option', { value: v }, t)));
}

function renderMenu() {
  menu.replaceChildren();
  if (!me) return;
  const items = [];
  if (me.must_change_password || me.second_factor_pending || me.must_enrol) {
    items.push(h('span', {}, me.username));
  } else {
    if (me.role === 'consulent') items.push(link('#/', 'Werkbak'), link('#/nieuw', 'Nieuwe hulpvraag'), link('#/sociale-kaart', 'Sociale kaart'));
    if (me.role === 'contract_manager') items.push(link('#/', 'Cijfers'), link('#/aanbieders', 'Zorgaanbieders'));
    if (me.role === 'admin') items.push(link('#/', 'Gebruikers'), link('#/organisaties', 'Organisaties'));
    if (me.role === 'gi') items.push(link('#/', 'Maatregelen'), link('#/maatregel/nieuw', 'Maatregel vastleggen'));
    if (me.role === 'policy') items.push(link('#/', 'Cijfers'), link('#/scenario', 'Scenario'));
    if (['policy', 'contract_manager'].includes(me.role)) items.push(link('#/monitor', 'Monitor regiovisie'));
    // every role that sees children's files finds a child by search (web/search.js)
    if (['consulent', 'gi', 'provider'].includes(me.role)) items.push(link('#/zoeken', 'Kind zoeken'));
    items.push(h('span', {}, `${me.username} (${label(words && words.roles, me.role)})`));
    items.push(link('#/wachtwoord', 'Wachtwoord wijzigen'), link('#/tweede-factor', 'Tweede factor'));
  }
  items.push(h('button', { class: 'utrecht-button utrecht-button--secondary-action', type: 'button', onclick: logout }, 'Uitloggen'));
  menu.append(h('ul', {}, items.map((i) => h('li', {}, i))));
}

async function logout() {
  await api('POST', '/api/v1/logout');
  me = null;
  words = null;
  vocabularies.clear();
  renderMenu();
  location.hash = '#/login';
}

function loginScreen() {
  const msg = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'form-grid', novalidate: true },
    field('gebruikersnaam', 'Gebruikersnaam', h('input', { name: 'username', autocomplete: 'username', required: true })),
    field('wachtwoord', 'Wachtwoord', h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true })),
    h('div', {}, button('Inloggen')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const r = await api('POST', '/api/v1/login', { username: form.username.value, password: form.password.value });
    if (!r.ok) {
      notify(msg, 'error', errorText(r));
      return;
    }
    me = r.data;
    words = null;
    vocabularies.clear();
    const next = me.second_factor_pending ? '#/code' : me.must_change_password ? '#/wachtwoord' : '#/';
    if (location.hash === next) route(); else location.hash = next;
  });
  show('Inloggen', msg, form);
}

// Choosing one's own password: after a reset by the administrator this comes first, before
// anything else; otherwise it is in the menu. The server checks the rules (at least 12
// characters, not the user name, not the current password) and says what is wrong.
function passwordScreen() {
  const forced = me.must_change_password;
  const msg = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'form-grid', novalidate: true },
    field('huidig-wachtwoord', forced ? 'Wachtwoord van de beheerder' : 'Huidig wachtwoord',
      h('input', { name: 'old', type: 'password', autocomplete: 'current-password', required: true })),
    field('nieuw-wachtwoord', 'Nieuw wachtwoord', h('input', { name: 'new', type: 'password', autocomplete: 'new-password', required: true }),
      'Ten minste 12 tekens. Een zin van een paar woorden is goed te onthouden en moeilijk te raden. Niet uw gebruikersnaam.'),
    field('herhaal-wachtwoord', 'Herhaal het nieuwe wachtwoord', h('input', { name: 'again', type: 'password', autocomplete: 'new-password', required: true })),
    h('div', {}, button('Wachtwoord wijzigen')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (form.new.value !== form.again.value) {
      notify(msg, 'error', 'De twee nieuwe wachtwoorden zijn niet gelijk; typ ze opnieuw (veld: herhaal het nieuwe wachtwoord).');
      return;
    }
    const r = await api('POST', '/api/v1/me/password', { old_password: form.old.value, new_password: form.new.value });
    if (!r.ok) { notify(msg, 'error', errorText(r)); return; }
    me.must_change_password = false;
    renderMenu();
    form.reset();
    if (forced) { location.hash = '#/'; return; }
    notify(msg, 'ok', 'Uw wachtwoord is gewijzigd. Uw andere sessies zijn beëindigd.');
  });
  show(forced ? 'Kies een nieuw wachtwoord' : 'Wachtwoord wijzigen',
    forced ? p('De beheerder heeft uw wachtwoord hersteld. Kies nu een wachtwoord dat alleen u kent; daarna kunt u verder.') : null,
    msg, form);
}

async function home() {
  if (me.role === 'verwijzer') { await referrerScreen({ h, p, heading, show, api, alertBox, errorText, select, checkedField, clearFieldErrors, markField, button, notify, pageAsked, tableWrap, pager }); return; }
  if (me.role === 'provider') {
    await providerScreen({ h, p, heading, link, button, api, show, alertBox, notify, errorText, field, checkedField, clearFieldErrors, markField, select, choices, coded, label, formText, words, me });
    return;
  }
  if (me.role === 'policy' || me.role === 'contract_manager') { await dashboardScreen({ h, p, heading, link, button, field, select, show, api, alertBox, errorText, tableWrap, words }); return; }
  if (me.role === 'admin') { await usersScreen(adminUi()); return; }
  if (me.role === 'gi') { await measuresScreen(giUi(), false); return; }
  if (me.role !== 'consulent') {
    show('Welkom', p(`U bent ingelogd als ${me.username}, rol ${label(words && words.roles, me.role)}.`),
      p('De schermen voor uw rol volgen; de API staat klaar (zie /api/v1/openapi.json).'));
    return;
  }
  const [signals, mine, due] = await Promise.all([
    api('GET', '/api/v1/signals'),
    api('GET', '/api/v1/households?per_page=50'),
    api('GET', '/api/v1/help-requests?state=review_due&per_page=25'),
  ]);
  const cell = (...c) => h('td', { class: 'utrecht-table__cell' }, ...c);
  const head = (...names) => h('thead', { class: 'utrecht-table__header' }, h('tr', { class: 'utrecht-table__row' },
    names.map((t) => h('th', { class: 'utrecht-table__header-cell', scope: 'col' }, t))));
  const families = mine.ok && mine.data.items.length
    ? tableWrap('Mijn gezinnen', h('table', { class: 'utrecht-table' },
      h('caption', { class: 'utrecht-table__caption' }, `Gezinnen waarvan u regisseur bent (${mine.data.total})`),
      head('Gezin', 'Kinderen', 'Open hulpvragen'),
      h('tbody', { class: 'utrecht-table__body' }, mine.data.items.map((f) => h('tr', { class: 'utrecht-table__row' },
        cell(link(`#/gezin/${f.id}`, f.family_name ? `Gezin ${f.family_name}` : `Huishouden ${f.id}`)),
        cell(String(f.children)), cell(String(f.open_help_requests)))))))
    : p(mine.ok ? 'U bent nog van geen gezin regisseur.' : errorText(mine));
  const overdue = due.ok && due.data.items.length
    ? h('ul', { class: 'utrecht-unordered-list' }, due.data.items.map((it) => h('li', {},
      link(`#/hulpvraag/${it.help_request.id}`, `${it.child.given_names} ${it.child.family_name}`),
      ` — gemeld op ${dutchDate(it.help_request.raised_on)}, stap: ${it.help_request.state_label}`)))
    : p(due.ok ? 'Geen verlopen evaluaties.' : errorText(due));
  const sig = signals.ok ? signals.data.signals : [];
  const sigList = sig.length
    ? h('ul', { class: 'utrecht-unordered-list' }, sig.slice(0, 30).map((s) => {
      // the sentence in words with its dates as DD-MM-JJJJ; the rule and policy keys behind "Waarom?"
      const { sentence, refs } = splitWhy(s.why);
      return h('li', {},
        h('strong', {}, label(words.signals, s.code)), ' — ', s.subject.help_request_id ? link(`#/hulpvraag/${s.subject.help_request_id}`, `hulpvraag ${s.subject.help_request_id}`) : `sociale kaart ${s.subject.entry_id}`,
        s.since ? ` (sinds ${dutchDate(s.since)})` : '', ': ', dutchDatesIn(sentence),
        refs ? whyBox({ h, p }, ` [${refs}]`, null) : null);
    }))
    : p('Geen open signalen.');
  show('Werkbak', p(link('#/nieuw', 'Nieuwe hulpvraag vastleggen')),
    heading(2, 'Mijn gezinnen'), families,
    ...await worklistSection({ h, heading, p, api, link, label, words, me, tableWrap, field, select, button, alertBox, errorText }),
    heading(2, `Signalen (${sig.length})`), sigList,
    heading(2, `Over tijd: evaluatie van doelen verlopen (${due.ok ? due.data.total : '?'})`), overdue);
}

function newRequestScreen() {
  const msg = h('div', { 'aria-live': 'polite' });
  const today = todayIso();
  const form = h('form', { class: 'form-grid', novalidate: true },
    field('kind-bsn', 'BSN van het kind', h('input', { name: 'bsn', inputmode: 'numeric', autocomplete: 'off' }), 'Of vul hieronder het nummer in de dossiers in.'),
    field('kind', 'Nummer van het kind', h('input', { name: 'child', inputmode: 'numeric' }), 'Het nummer (id) van het kind in de dossiers.'),
    field('gemeld-door', 'Gemeld door', select(choices(words.raised_by), { name: 'raised_by' })),
    field('vraag', 'De vraag, in de woorden van het gezin', h('textarea', { name: 'question', rows: 4, required: true })),
    field('gemeld-op', 'Gemeld op', h('input', { name: 'raised_on', type: 'date', value: today })),
    h('div', {}, button('Hulpvraag vastleggen')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    let childId = Number(form.child.value);
    if (form.bsn.value.trim()) {
      const found = await api('GET', `/api/v1/persons?bsn=${encodeURIComponent(form.bsn.value.trim())}`);
      if (!found.ok) { notify(msg, 'error', errorText(found)); return; }
      childId = found.data.id;
    }
    const r = await api('POST', '/api/v1/help-requests', {
      child_id: childId, raised_by: form.raised_by.value,
      question: form.question.value, raised_on: form.raised_on.value,
    });
    if (!r.ok) { notify(msg, 'error', errorText(r)); return; }
    location.hash = `#/hulpvraag/${r.data.id}`;
  });
  show('Nieuwe hulpvraag', msg, form);
}

// A labelled field with room for the server's message about it (shown when it names the field).
function checkedField(id, label, control, description) {
  const wrap = field(id, label, control, description);
  wrap.querySelector('.utrecht-form-field__input')
    .before(h('p', { class: 'utrecht-form-field-error-message', id: `${id}-fout`, hidden: true }));
  control.dataset.describedby = control.getAttribute('aria-describedby') || '';
  return wrap;
}

function clearFieldErrors(form) {
  for (const err of form.querySelectorAll('.utrecht-form-field-error-message')) {
    err.hidden = true;
    err.textContent = '';
  }
  for (const control of form.querySelectorAll('[aria-invalid]')) {
    control.removeAttribute('aria-invalid');
    control.classList.remove('utrecht-textbox--invalid', 'utrecht-select--invalid', 'utrecht-textarea--invalid');
    if (control.dataset.describedby) control.setAttribute('aria-describedby', control.dataset.describedby);
    else control.removeAttribute('aria-describedby');
    control.closest('.utrecht-form-field').classList.remove('utrecht-form-field--invalid');
  }
}

// Puts `text` at the field with control id `id`: marked invalid, the message read with it.
function markField(form, id, text) {
  const control = form.querySelector(`#${id}`);
  const err = form.querySelector(`#${id}-fout`);
  if (!control || !err) return null;
  err.textContent = text;
  err.hidden = false;
  control.setAttribute('aria-invalid', 'true');
  control.classList.add(control.tagName === 'SELECT' ? 'utrecht-select--invalid' : control.tagName === 'TEXTAREA' ? 'utrecht-textarea--invalid' : 'utrecht-textbox--invalid');
  control.setAttribute('aria-describedby', [control.dataset.describedby, `${id}-fout`].filter(Boolean).join(' '));
  control.closest('.utrecht-form-field').classList.add('utrecht-form-field--invalid');
  return control;
}

// A child: who it is, who is involved, and its whole course.
async function childScreen(id) {
  const [person, involved, tl] = await Promise.all([api('GET', `/api/v1/persons/${id}`),
    api('GET', `/api/v1/persons/${id}/involvement`), api('GET', `/api/v1/persons/${id}/timeline`)]);
  if (!person.ok) { show('Kind', alertBox('error', errorText(person))); return; }
  const who = involved.ok ? involved.data.involved : [];
  const home = await vocabulary(`?municipality=${encodeURIComponent(person.data.municipality)}`);
  // the woonplaatsbeginsel: during a stay the municipality before it stays responsible, and a
  // move does not move running care; its name from its own region's words
  const resp = person.data.responsible_municipality;
  const elsewhere = resp && (resp.code !== person.data.municipality || resp.basis === 'residence_before_stay');
  const respWords = elsewhere && resp.code !== person.data.municipality
    ? await vocabulary(`?municipality=${encodeURIComponent(resp.code)}`) : home;
  show(`${person.data.given_names} ${person.data.family_name}`,
    p(`Geboren ${dutchDate(person.data.birth_date)} (${ageOn(person.data.birth_date)} jaar), gemeente ${label(home && home.municipalities, person.data.municipality)}.`),
    elsewhere ? p(`Verantwoordelijke gemeente: ${label(respWords && respWords.municipalities, resp.code)}`
      + (resp.basis === 'residence_before_stay' ? ', de woonplaats vlak vóór het lopende verblijf (woonplaatsbeginsel).' : '.')) : '',
    heading(2, 'Betrokken'), who.length ? h('ul', { class: 'utrecht-unordered-list' },
      who.map((v) => h('li', {}, `${v.name || label(words.involvement_kinds, v.kind)} (${label(words.involvement_kinds, v.kind)}, sinds ${dutchDate(v.since)})`))) : p('Nu is niemand betrokken.'),
    heading(2, 'Verloop'), timelineList(caseUi(), tl.ok ? tl.data.timeline : [], home,
      new Map([[person.data.id, person.data.given_names]])));
}

// A change of an allocation by the municipality: another end date or volume, with its reason
// (iJw JZ002). The provider gets the allocation again (JW301); a request for change of it that
// waits is honoured by it.
function allocationChangeForm(allocations, vocab, done, fail) {
  const form = h('form', { class: 'form-grid', novalidate: true },
    field('wijzig-toewijzing', 'Toewijzing', select(allocations.map((e) => [String(e.object_id), `${e.text}, vorm ${formText(e.number, vocab)}, vanaf ${dutchDate(e.day)}`]), { name: 'allocation' })),
    field('wijzig-reden', 'Reden van wijziging', select([['', '— kies een reden —'], ...coded(words.change_reasons)], { name: 'reason' }),
      'De reden uit de iJw-codelijst JZ002. Reden 13 (verwijderd) gaat alleen met een einddatum gelijk aan de begindatum.'),
    field('wijzig-einde', 'Nieuwe einddatum', h('input', { name: 'end', type: 'date' })),
    field('wijzig-omvang', 'Nieuw volume', h('input', { name: 'volume', inputmode: 'numeric' }), 'Leeg laten als het volume blijft.'),
    h('div', {}, button('Toewijzing wijzigen')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const body = { reason_code: form.reason.value };
    if (form.end.value) body.end = form.end.value;
    if (form.volume.value) body.volume = Number(form.volume.value);
    const r = await api('POST', `/api/v1/allocations/${form.allocation.value}/change`, body);
    if (!r.ok) { fail(r); return; }
    const honoured = r.data.requests_honoured ? ` Het verzoek om wijziging van de aanbieder is daarmee gehonoreerd.` : '';
    done(`De toewijzing is gewijzigd${r.data.end ? `: einddatum ${dutchDate(r.data.end)}` : ''}${r.data.volume ? `, volume ${r.data.volume}` : ''}. De aanbieder krijgt haar opnieuw bij de volgende iJw-uitwisseling.${honoured}`);
  });
  return h('section', {}, heading(2, 'Toewijzing wijzigen'), form);
}

// The UI's helpers, words and screens as web/casepage.js (and other modules) are given them:
// made when a screen is drawn, so that they carry the words and login of that moment.
function caseUi() {
  return {
    h, p, heading, link, button, alertBox, api, errorText, field, select, checkedField, clearFieldErrors,
    markField, label, capital, formText, coded, choices, vocabulary, words, me, show, tableWrap, when,
    allocationSection, allocationChangeForm, deadlinesSection, journalSection, assigneeSection, assignmentText,
    lettersSection, referralsSection,
  };
}

// The GI's screens (web/gi.js) get the case helpers and the list's paging.
const giUi = () => ({ ...caseUi(), pager, pageAsked, notify });

async function familyScreen(id) {
  const r = await api('GET', `/api/v1/households/${id}`);
  if (!r.ok) { show('Gezin', alertBox('error', errorText(r))); return; }
  const vocab = await vocabulary(`?municipality=${encodeURIComponent(r.data.municipality)}`);
  const members = r.data.members.length ? h('ul', { class: 'utrecht-unordered-list' }, r.data.members.map((m) => h('li', {},
    `${m.given_names} ${m.family_name} (${label(words.household_roles, m.role).toLowerCase()}, geboren ${dutchDate(m.birth_date)}, ${ageOn(m.birth_date)} jaar)`)))
    : p('Geen leden die u mag zien.');
  // each entry of the family's timeline names its child
  const names = new Map(r.data.members.filter((m) => m.role === 'child').map((m) => [m.person_id, m.given_names]));
  show(`Gezin ${id}`, p(r.data.coordinator_user_id ? 'Dit gezin heeft een regisseur.' : 'Dit gezin heeft nog geen regisseur.'),
    heading(2, 'Leden'), members, heading(2, 'Tijdlijn'), timelineList(caseUi(), r.data.timeline, vocab || words, names));
}

// The helpers of the second factor's screens (web/secondfactor.js).
const factorUi = () => ({ h, p, show, api, alertBox, notify, errorText, checkedField, clearFieldErrors, markField, button, heading });
// The helpers the administrator's screens (web/admin.js) use.
const adminUi = () => ({ h, p, api, show, alertBox, notify, errorText, field, select, choices, label, words, button, link, heading, tableWrap, checkedField, clearFieldErrors, markField, vocabulary });

async function route() {
  const hash = location.hash || '#/';
  if (!me && hash !== '#/login') {
    const r = await api('GET', '/api/v1/me');
    if (r.ok) me = r.data;
  }
  // whether one must enrol a second factor first (the server's --second-factor verplicht), once
  if (me && !me.second_factor_pending && !me.must_change_password && me.must_enrol === undefined) {
    const f = await api('GET', '/api/v1/me/second-factor');
    me.must_enrol = f.ok && f.data.required && !f.data.enrolled;
  }
  // the words of one's region, once per session (not before a password of one's own is chosen
  // and the second factor given or enrolled)
  if (me && !me.must_change_password && !me.second_factor_pending && !me.must_enrol && !words) {
    words = await vocabulary();
    if (!words) { renderMenu(); show('jeugdroute', alertBox('error', 'De woorden van uw regio konden niet worden opgehaald; probeer het later opnieuw.')); return; }
  }
  renderMenu();
  if (!me) { loginScreen(); return; }
  let m;
  const onward = () => { if (location.hash === '#/') route(); else location.hash = '#/'; };
  if (hash === '#/login') loginScreen();
  else if (me.second_factor_pending) codeScreen(factorUi(), (who) => { me = who; me.must_enrol = undefined; onward(); });
  else if (me.must_change_password || hash === '#/wachtwoord') passwordScreen();
  else if (me.must_enrol || hash === '#/tweede-factor') await enrolScreen(factorUi(), me.must_enrol, () => { me.must_enrol = false; me.second_factor = true; onward(); });
  else if (me.role === 'admin' && (m = hash.match(/^#\/gebruikers\/(\d+)$/))) await userScreen(adminUi(), m[1]);
  else if (me.role === 'admin' && hash === '#/organisaties') await organisationsScreen(adminUi());
  else if (me.role === 'admin' && (m = hash.match(/^#\/organisaties\/(\d+)$/))) await organisationScreen(adminUi(), m[1]);
  else if (hash === '#/nieuw') newRequestScreen();
  else if ((m = hash.match(/^#\/hulpvraag\/(\d+)$/))) await helpRequestScreen(caseUi(), m[1]);
  else if ((m = hash.match(/^#\/gezin\/(\d+)$/))) await familyScreen(m[1]);
  else if (hash === '#/aanbieders') await providersScreen({ ...caseUi(), notify });
  else if ((m = hash.match(/^#\/aanbieders\/(\d+)$/))) await contractsScreen({ ...caseUi(), notify }, m[1]);
  else if ((m = hash.match(/^#\/contract\/(\d+)$/))) await contractScreen({ ...caseUi(), notify }, m[1]);
  else if (hash === '#/sociale-kaart') await socialMapScreen({ h, p, show, api, checkedField, clearFieldErrors, markField, alertBox, errorText, choices, capital, words, button, me });
  else if ((m = hash.match(/^#\/kind\/(\d+)$/))) await childScreen(m[1]);
  else if (me.role === 'gi' && hash.split('?')[0] === '#/maatregelen/beeindigd') await measuresScreen(giUi(), true);
  else if (me.role === 'gi' && hash === '#/maatregel/nieuw') await newMeasureScreen(giUi());
  else if (me.role === 'gi' && (m = hash.match(/^#\/maatregel\/(\d+)$/))) await measureScreen(giUi(), m[1]);
  else if ((m = hash.match(/^#\/beschikking\/(\d+)\/(\d+)$/))) await letterScreen({ h, p, show, alertBox, api, errorText }, m[1], m[2]);
  else if (me.role === 'policy' && hash === '#/scenario') await scenarioScreen({ h, p, show, api, alertBox, errorText, field, words, button, notify, heading, tableWrap });
  else if (['policy', 'contract_manager'].includes(me.role) && hash.split('?')[0] === '#/monitor') await monitorScreen({ h, p, show, api, alertBox, errorText, tableWrap, heading, field, select, button, link, words });
  else if (hash === '#/zoeken') searchScreen({ h, p, show, api, checkedField, clearFieldErrors, markField, alertBox, errorText, tableWrap, link, label, words, button });
  else await home();
}

window.addEventListener('hashchange', route);
route();
