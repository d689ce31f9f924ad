// The browser UI of jeugdroute: one page, screens by the part of the address after '#'.
// Every text from the server is put in with textContent, never as HTML. Writes send the
// CSRF token of the session (X-CSRF-Token). Screens: login, work list (werkbak), help request
// with its course, new help request, a family's page, one's own password, and for the
// administrator the users and one user (deactivate, reset, role, API tokens).
//
// The UI keeps no list of the region's words, nor of the iJw standard's or the records': forms,
// municipalities, regimes, light options, life domains, measures, reasons, units, steps, roles,
// … come with their code and Dutch label from GET /api/v1/vocabulary (`words`, fetched once
// per session and kept; another region's on demand, kept too).

import { allocationHooks, allocationSection } from './allocation.js';
import { deadlinesSection } from './deadlines.js';
import { journalSection } from './journal.js';
import { letterNotice, lettersSection, letterScreen } from './letter.js';
import { searchScreen } from './search.js';
import { assigneeSection, assignmentText, worklistSection } from './worklist.js';
import { helpRequestScreen, splitWhy, timelineList, whyBox } from './casepage.js';
import { dutchDate, dutchDatesIn, dutchMoment, ageOn, todayIso } from './dates.js';
import { socialMapScreen } from './socialmap.js';

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
  if (res.status === 401 && path !== '/api/v1/login') {
    me = null;
    words = null;
    vocabularies.clear();
    location.hash = '#/login';
  }
  if (res.status === 403 && data && data.error && data.error.code === 'password_change_required') {
    if (me) me.must_change_password = true;
    location.hash = '#/wachtwoord';
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
  if (me.must_change_password) {
    items.push(h('span', {}, me.username));
  } else {
    if (me.role === 'consulent') items.push(link('#/', 'Werkbak'), link('#/nieuw', 'Nieuwe hulpvraag'), link('#/sociale-kaart', 'Sociale kaart'));
    if (me.role === 'contract_manager') items.push(link('#/', 'Cijfers'), link('#/aanbieders', 'Zorgaanbieders'));
    if (me.role === 'admin') items.push(link('#/', 'Gebruikers'));
    // every role that sees children's files finds a child by search (web/search.js)
    if (['consulent', 'gi', 'provider'].includes(me.role)) items.push(link('#/zoeken', 'Kind zoeken'));
    items.push(h('span', {}, `${me.username} (${label(words && words.roles, me.role)})`));
    items.push(link('#/wachtwoord', 'Wachtwoord wijzigen'));
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
    location.hash = me.must_change_password ? '#/wachtwoord' : '#/';
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
  if (me.role === 'verwijzer') { await referrerScreen(); return; }
  if (me.role === 'provider') { await providerScreen(); return; }
  if (me.role === 'policy' || me.role === 'contract_manager') { await dashboardScreen(); return; }
  if (me.role === 'admin') { await usersScreen(); return; }
  if (me.role === 'gi') { await measuresScreen(); return; }
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

// A fresh Idempotency-Key for one filling-in of a form: sent again, it records nothing new.
function newKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
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

// The API's names of the referral form's fields, and the ids of their controls.
const REFERRAL_FIELDS = {
  bsn: 'bsn', birth_date: 'geboren', family_name: 'achternaam', given_names: 'voornamen',
  municipality: 'gemeente', form: 'vorm', question: 'verwijsvraag',
};

// How far a referral got, in a sentence (from the API's progress).
function progressText(pr) {
  if (pr.closed) return `${pr.closed.label} op ${dutchDate(pr.closed.on)}`;
  if (pr.allocation) {
    const a = pr.allocation;
    return [`toegewezen aan ${a.provider} vanaf ${dutchDate(a.from)}`,
      a.care_started_on ? `zorg gestart op ${dutchDate(a.care_started_on)}` : null,
      a.care_stopped_on ? `zorg gestopt op ${dutchDate(a.care_stopped_on)}` : null].filter(Boolean).join(', ');
  }
  return pr.label;
}

// The GP's portal: refer a child — always saying who it is (BSN, birth date, names, municipality),
// whether the records know the child or not — and see how far one's own referrals got. A referrer
// sees its referrals, not a child's file: there is no link to one.
async function referrerScreen() {
  const [list, choices] = await Promise.all([
    api('GET', `/api/v1/referrals?page=${pageAsked()}`),
    api('GET', '/api/v1/referrals/choices'),
  ]);
  if (!choices.ok) { show('Verwijzen', alertBox('error', errorText(choices))); return; }
  const c = choices.data;
  const municipalities = [...c.municipalities].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  const own = municipalities.some((m) => m.code === c.own_municipality) ? c.own_municipality : (municipalities[0] || {}).code;
  const formNames = {};
  for (const r of c.regions) for (const f of r.forms) formNames[f.number] = formNames[f.number] || f.name;
  const muniSelect = select(municipalities.map((m) => [m.code, m.name]), { name: 'municipality' });
  const formSelect = h('select', { name: 'form' });
  // the forms the region of the chosen municipality lets this referrer refer to
  const fillForms = () => {
    const m = municipalities.find((x) => x.code === muniSelect.value);
    const region = c.regions.find((r) => m && r.id === m.region);
    const keep = formSelect.value;
    formSelect.replaceChildren(...(region ? region.forms.filter((f) => f.may_refer) : [])
      .map((f) => h('option', { value: String(f.number) }, `${f.number} — ${f.name}`)));
    if ([...formSelect.options].some((o) => o.value === keep)) formSelect.value = keep;
  };
  muniSelect.value = own;
  muniSelect.addEventListener('change', fillForms);
  fillForms();
  const msg = h('div', { 'aria-live': 'polite' });
  const send = button('Verwijzen');
  const form = h('form', { class: 'form-grid', novalidate: true },
    p('Vul altijd in wie het kind is, ook als het al bij de gemeente bekend is: BSN, geboortedatum en achternaam moeten bij elkaar passen.'),
    checkedField('bsn', 'BSN van het kind', h('input', { name: 'bsn', inputmode: 'numeric', autocomplete: 'off', required: true })),
    checkedField('geboren', 'Geboortedatum', h('input', { name: 'birth_date', type: 'date', required: true })),
    checkedField('achternaam', 'Achternaam', h('input', { name: 'family_name', autocomplete: 'off', required: true }), 'Met voorvoegsels zoals "van der", zoals op het identiteitsbewijs.'),
    checkedField('voornamen', 'Voornamen', h('input', { name: 'given_names', autocomplete: 'off', required: true })),
    checkedField('gemeente', 'Gemeente waar het kind staat ingeschreven', muniSelect),
    checkedField('vorm', 'Vorm van jeugdhulp', formSelect),
    checkedField('verwijsvraag', 'Vraag en reden van verwijzing', h('textarea', { name: 'question', rows: 3, required: true })),
    h('div', {}, send));
  let key = newKey(); // one per filling-in of the form
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (send.disabled) return;
    send.disabled = true;
    form.setAttribute('aria-busy', 'true');
    clearFieldErrors(form);
    try {
      const body = {
        bsn: form.bsn.value.trim(), birth_date: form.birth_date.value, family_name: form.family_name.value,
        given_names: form.given_names.value, municipality: form.municipality.value,
        form: Number(form.form.value), question: form.question.value,
      };
      const r = await api('POST', '/api/v1/referrals', body, { 'Idempotency-Key': key });
      if (!r.ok) {
        const e = (r.data && r.data.error) || {};
        const named = (e.fields || (e.field ? [e.field] : [])).map((f) => markField(form, REFERRAL_FIELDS[f], e.message)).filter(Boolean);
        // a key that belongs to another request: this filling-in gets its own
        if (e.code === 'idempotency_key_reused') key = newKey();
        notify(msg, 'error', named.length ? e.message : errorText(r));
        if (named.length) named[0].focus();
        return;
      }
      const ref = r.data.referral;
      notify(msg, ref.valid ? 'ok' : 'warning',
        `${r.data.message}${ref.valid ? '' : ' Deze verwijzing is niet geldig.'} ${ref.why}`);
      form.reset();
      muniSelect.value = own;
      fillForms();
      key = newKey();
      await referrerList(listBox, formNames);
    } finally {
      send.disabled = false;
      form.removeAttribute('aria-busy');
    }
  });
  const listBox = h('div', {});
  show('Verwijzen', msg, form, heading(2, 'Mijn verwijzingen'), listBox);
  renderReferrals(listBox, list, formNames);
}

async function referrerList(box, formNames) {
  renderReferrals(box, await api('GET', `/api/v1/referrals?page=${pageAsked()}`), formNames);
}

function renderReferrals(box, list, formNames = {}) {
  if (!list.ok) { box.replaceChildren(alertBox('error', errorText(list))); return; }
  if (!list.data.items.length) { box.replaceChildren(p('Nog geen verwijzingen.')); return; }
  const cell = (...c) => h('td', { class: 'utrecht-table__cell' }, ...c);
  box.replaceChildren(tableWrap('Mijn verwijzingen', h('table', { class: 'utrecht-table' },
    h('caption', { class: 'utrecht-table__caption' }, `Verwijzingen van uw organisatie (${list.data.total})`),
    h('thead', { class: 'utrecht-table__header' }, h('tr', { class: 'utrecht-table__row' },
      ['Datum', 'Kind', 'Geboren', 'Vorm', 'Geldig', 'Stand'].map((t) => h('th', { class: 'utrecht-table__header-cell', scope: 'col' }, t)))),
    h('tbody', { class: 'utrecht-table__body' }, list.data.items.map((it) => h('tr', { class: 'utrecht-table__row' },
      cell(dutchDate(it.referral.referred_on)),
      cell(`${it.child.given_names} ${it.child.family_name}`),
      cell(dutchDate(it.child.birth_date)),
      cell(formNames[it.referral.form] ? `${it.referral.form} — ${formNames[it.referral.form]}` : String(it.referral.form)),
      cell(it.referral.valid ? 'ja' : 'nee'),
      cell(progressText(it.progress))))))),
  ...[pager(list.data)].filter(Boolean));
}

// The provider's portal: incoming allocations, start and stop of care with the outcome.
async function providerScreen(notice) {
  const list = await api('GET', `/api/v1/allocations?page=${pageAsked()}`);
  if (!list.ok) { show('Toewijzingen', alertBox('error', errorText(list))); return; }
  const msg = h('div', { 'aria-live': 'polite' });
  const items = list.data.items.map((a) => {
    const who = `${a.child.given_names} ${a.child.family_name}`;
    const state = a.care.running ? `zorg loopt sinds ${dutchDate(a.care.started_on)}`
      : a.care.stopped_on ? `zorg gestopt op ${dutchDate(a.care.stopped_on)}` : 'nog niet gestart';
    const actions = [];
    const today = todayIso();
    if (!a.care.running && !a.care.stopped_on) {
      const f = h('form', { class: 'form-grid', novalidate: true },
        field(`start-${a.id}`, 'Startdatum', h('input', { name: 'on', type: 'date', value: a.start > today ? a.start : today })),
        h('div', {}, button('Zorg gestart')));
      f.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        const r = await api('POST', `/api/v1/allocations/${a.id}/start`, { on: f.on.value });
        if (!r.ok) { notify(msg, 'error', errorText(r)); return; }
        providerScreen(`De zorg voor ${who} is gestart op ${dutchDate(r.data.care.started_on)}.`);
      });
      actions.push(f);
    }
    if (a.care.running) {
      const f = h('form', { class: 'form-grid', novalidate: true },
        field(`stop-${a.id}`, 'Einddatum', h('input', { name: 'on', type: 'date', value: a.care.started_on > today ? a.care.started_on : today })),
        // the outcome is what the provider states: nothing is chosen beforehand
        field(`doelen-${a.id}`, 'Doelen bereikt?', select([['', '— kies —'], ...choices(words.goals_reached)], { name: 'goals' })),
        field(`zelf-${a.id}`, 'Kan het gezin verder zonder hulp?', select([['', '— kies —'], ['true', 'Ja'], ['false', 'Nee']], { name: 'alone' })),
        field(`tevreden-${a.id}`, 'Tevredenheid van het gezin (1 tot en met 10)', h('input', { name: 'satisfaction', inputmode: 'numeric' })),
        field(`reden-${a.id}`, 'Reden van beëindiging (iJw JZ588)',
          select([['', '— kies een reden —'], ...coded(words.end_reasons)], { name: 'reason' })),
        h('div', {}, button('Zorg gestopt')));
      f.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        const missing = [[f.goals, 'of de doelen bereikt zijn'], [f.alone, 'of het gezin verder kan zonder hulp'],
          [f.satisfaction, 'de tevredenheid van het gezin'], [f.reason, 'de reden van beëindiging']]
          .filter(([el]) => !el.value.trim()).map(([, what]) => what);
        if (missing.length) {
          notify(msg, 'error', `Vul nog in: ${missing.join(', ')}. Niets is vooraf ingevuld: u legt de uitkomst zelf vast.`);
          return;
        }
        const r = await api('POST', `/api/v1/allocations/${a.id}/stop`, {
          on: f.on.value, goals_reached: f.goals.value, continues_without_help: f.alone.value === 'true',
          satisfaction: Number(f.satisfaction.value), end_reason: f.reason.value,
        });
        if (!r.ok) { notify(msg, 'error', errorText(r)); return; }
        providerScreen(`De zorg voor ${who} is gestopt op ${dutchDate(r.data.care.stopped_on)}; de uitkomst is vastgelegd.`);
      });
      actions.push(f);
    }
    return h('li', { class: 'stack' }, heading(2, `${a.number}: ${who}`),
      p(`Vorm ${formText(a.form)}, vanaf ${dutchDate(a.start)} — ${a.regime === 'result' ? `resultaat: ${a.result}` : a.product_code ? `product ${a.product_code}` : label(words.regimes, a.regime)} — ${state}`),
      ...actions);
  });
  show('Toewijzingen', msg, p(`${list.data.total} toewijzingen aan uw organisatie.`),
    items.length ? h('ul', { class: 'plain-list' }, items) : p('Nog geen toewijzingen.'),
    pager(list.data), ijwSection());
  if (notice) notify(msg, 'ok', notice);
}

// A download link for a message's XML (a file the provider's own system can read).
function xmlLink(name, xml) {
  const url = URL.createObjectURL(new Blob([xml], { type: 'application/xml' }));
  return h('a', { class: 'utrecht-link', href: url, download: name }, name);
}

// iJw for a provider without a system of its own: send a message (start, stop, request,
// claim) as a file and get its answer; fetch the allocation messages (JW301) as files.
function ijwSection() {
  const out = h('div', { 'aria-live': 'polite' });
  const send = h('form', { class: 'form-grid', novalidate: true },
    field('ijw-bestand', 'iJw-bericht (XML)', h('input', { name: 'file', type: 'file', accept: '.xml,application/xml' }),
      'JW305 (start), JW307 (stop), JW315 (verzoek om toewijzing), JW317 (verzoek om wijziging) of JW323 (declaratie).'),
    h('div', {}, button('Bericht insturen')));
  send.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const file = send.file.files[0];
    if (!file) { out.replaceChildren(alertBox('error', 'Kies eerst een bestand.')); return; }
    const res = await fetch('/api/v1/ijw/messages', {
      method: 'POST', credentials: 'same-origin', body: await file.text(),
      headers: { 'Content-Type': 'application/xml', 'X-CSRF-Token': me.csrf },
    });
    let data = null;
    try { data = await res.json(); } catch { data = null; }
    if (!data || (!res.ok && !data.problems)) { out.replaceChildren(alertBox('error', errorText({ status: res.status, data }))); return; }
    const problems = (data.problems || []).map((x) => h('li', {},
      `${x.rule}${x.code ? ` (${x.code})` : ''}${x.at ? `, ${label(words.ijw_places, x.at)}${x.index ? ` ${x.index}` : ''}` : ''}${x.line ? `, regel ${x.line} in het bestand` : ''}: ${x.message}`));
    out.replaceChildren(...[
      alertBox(data.accepted ? 'ok' : 'error', data.accepted
        ? `${data.bericht} is opgenomen${data.lines_rejected ? `; ${data.lines_rejected} van ${data.lines} regels afgewezen` : ''}.`
        : `${data.bericht || 'Het bericht'} is afgewezen; er is niets van vastgelegd.`),
      problems.length ? h('ul', { class: 'utrecht-unordered-list' }, problems) : null,
      data.answer ? p('Antwoord: ', xmlLink(`${data.answer.bericht}.xml`, data.answer.xml)) : null,
    ].filter(Boolean));
  });
  const since = new Date(Date.now() - 30 * 864e5).toISOString().slice(0, 10);
  const fetchForm = h('form', { class: 'form-grid', novalidate: true },
    field('ijw-sinds', 'Toewijzingen vanaf', h('input', { name: 'since', type: 'date', value: since })),
    h('div', {}, button('Toewijzingsberichten ophalen')));
  const list = h('div', { 'aria-live': 'polite' });
  fetchForm.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const r = await api('GET', `/api/v1/ijw/allocations?since=${encodeURIComponent(fetchForm.since.value)}`);
    if (!r.ok) { list.replaceChildren(alertBox('error', errorText(r))); return; }
    list.replaceChildren(...[
      p(r.data.count ? `${r.data.count} toewijzingsbericht(en) (JW301).` : 'Geen toewijzingsberichten (JW301) sinds die datum.'),
      r.data.items.length ? h('ul', { class: 'utrecht-unordered-list' }, r.data.items.map((m) => h('li', {}, xmlLink(m.name, m.xml)))) : null,
      r.data.skipped ? p(`Niet verstuurd: ${r.data.skipped_why}`) : null,
    ].filter(Boolean));
  });
  return h('section', { class: 'stack', 'aria-labelledby': 'ijw-kop' },
    h('h2', { class: 'utrecht-heading-2', id: 'ijw-kop' }, 'iJw-berichten'),
    p('Zonder eigen berichtensysteem: stuur hier uw berichten in en haal de toewijzingsberichten op.'),
    send, out, fetchForm, list);
}

// The GI's own cases: the children under a measure with it as GI.
async function measuresScreen() {
  const list = await api('GET', `/api/v1/measures?page=${pageAsked()}`);
  if (!list.ok) { show('Maatregelen', alertBox('error', errorText(list))); return; }
  show('Maatregelen', list.data.items.length ? tableWrap('Maatregelen', h('table', { class: 'utrecht-table' },
    h('caption', { class: 'utrecht-table__caption' }, `Kinderen onder een maatregel van uw instelling (${list.data.total})`),
    h('thead', { class: 'utrecht-table__header' }, h('tr', { class: 'utrecht-table__row' },
      ['Kind', 'Maatregel', 'Van', 'Tot'].map((t) => h('th', { class: 'utrecht-table__header-cell', scope: 'col' }, t)))),
    h('tbody', { class: 'utrecht-table__body' }, list.data.items.map((m) => h('tr', { class: 'utrecht-table__row' },
      h('td', { class: 'utrecht-table__cell' }, link(`#/kind/${m.child_id}`, `${m.child.given_names} ${m.child.family_name}`)),
      h('td', { class: 'utrecht-table__cell' }, label(words.measures, m.kind)),
      h('td', { class: 'utrecht-table__cell' }, dutchDate(m.start)), h('td', { class: 'utrecht-table__cell' }, m.end ? dutchDate(m.end) : '—'))))))
    : p('Geen maatregelen op naam van uw instelling.'), pager(list.data));
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

// The policy dashboard: the regional figures, suppressed by the server: small cells, and the
// cells they could be recomputed from (null in the answer, whatever the reason: the reason would
// tell which cells are small). A suppressed figure reads "onderdrukt" and is never drawn.
const FIGURE_LABELS = [
  ['help_requests', 'Hulpvragen', 'n'], ['settled_without_youth_care_share', 'Afgerond zonder jeugdhulp', '%'],
  ['children_in_youth_care', 'Kinderen in jeugdhulp', 'n'], ['light_share', 'Lichte vormen (1–3)', '%'],
  ['children_away_from_home', 'Kinderen uit huis (vorm 5–8)', 'n'], ['compulsory_share', 'Gedwongen kader', '%'],
  ['wait_referral_to_allocation_days_median', 'Wachttijd verwijzing → toewijzing, mediaan (dagen)', 'd'],
  ['wait_referral_to_allocation_days_p90', 'idem, 90e percentiel (dagen)', 'd'],
  ['wait_allocation_to_start_days_median', 'Wachttijd toewijzing → start, mediaan (dagen)', 'd'],
  ['goals_reached_share', 'Doelen bereikt', '%'], ['continued_without_help_share', 'Verder zonder hulp', '%'],
  ['repeat_request_share', 'Herhaalde hulpvraag', '%'],
];
const SUPPRESSED = 'onderdrukt';

// Whether a share of the row has nothing to be a share of (its denominator is a shown 0).
function shareOfNothing(row, key) {
  const zero = (...keys) => keys.every((k) => row[k] === 0);
  switch (key) {
    case 'settled_without_youth_care_share': case 'repeat_request_share': return zero('help_requests');
    case 'light_share': return zero('children_in_youth_care');
    case 'compulsory_share': return zero('allocations_compulsory', 'allocations_voluntary');
    case 'goals_reached_share': case 'continued_without_help_share': return zero('care_ended');
    default: return false;
  }
}

function figureText(row, key, kind) {
  const v = row[key];
  if (v === null || v === undefined) return kind === '%' && shareOfNothing(row, key) ? 'geen' : SUPPRESSED;
  return kind === '%' ? `${Math.round(v * 100)}%` : String(v);
}

// A bar chart as SVG, with the numbers as text too; role img with a description. A suppressed
// value (null) gets no bar, only the word.
function barChart(title, bars) {
  const max = Math.max(1, ...bars.map((b) => b.value || 0));
  const rowH = 28;
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', `0 0 600 ${bars.length * rowH + 10}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `${title}: ${bars.map((b) => `${b.label} ${b.value === null ? SUPPRESSED : b.value}`).join(', ')}`);
  svg.classList.add('chart');
  bars.forEach((b, i) => {
    const y = i * rowH + 5;
    const hidden = b.value === null || b.value === undefined;
    const label = document.createElementNS(svg.namespaceURI, 'text');
    label.setAttribute('x', '0'); label.setAttribute('y', String(y + 18));
    label.textContent = b.label;
    const value = document.createElementNS(svg.namespaceURI, 'text');
    value.setAttribute('x', String(226 + (hidden ? 0 : (b.value / max) * 320))); value.setAttribute('y', String(y + 18));
    value.textContent = hidden ? SUPPRESSED : String(b.value);
    svg.append(label);
    if (!hidden) {
      const rect = document.createElementNS(svg.namespaceURI, 'rect');
      rect.setAttribute('x', '220'); rect.setAttribute('y', String(y + 4));
      rect.setAttribute('height', '18'); rect.setAttribute('width', String((b.value / max) * 320));
      svg.append(rect);
    }
    svg.append(value);
  });
  return h('figure', { class: 'chart-figure' }, h('figcaption', {}, h('strong', {}, title)), svg);
}

async function dashboardScreen() {
  const year = new Date().getFullYear();
  const from = `${year - 1}-01-01`;
  const to = new Date().toISOString().slice(0, 10);
  const r = await api('GET', `/api/v1/figures?from=${from}&to=${to}`);
  if (!r.ok) { show('Regionale cijfers', alertBox('error', errorText(r))); return; }
  const rows = r.data.rows;
  const region = rows[rows.length - 1];
  // one bar per form the figures count (children_form_N), light to heavy
  const forms = Object.keys(region).map((k) => /^children_form_(\d+)$/.exec(k)).filter(Boolean)
    .map((m) => ({ label: `vorm ${m[1]}`, value: region[m[0]] }));
  const explanation = h('p', { class: 'utrecht-paragraph', id: 'cijfers-onderdrukt' },
    `Periode ${dutchDate(r.data.period.from)} tot en met ${dutchDate(r.data.period.to)}. Zodat niemand herkenbaar is, staat bij een cijfer “${SUPPRESSED}” `
    + 'als het over 1 tot en met 4 kinderen gaat (ook een percentage of wachttijd over minder dan 5), en ook bij zoveel andere cijfers '
    + 'als nodig is om die kleine aantallen niet uit totalen en percentages terug te kunnen rekenen. Waarom een cijfer onderdrukt is, '
    + 'staat er met opzet niet bij. “geen”: er is niets om een percentage van te nemen.');
  const table = tableWrap('Cijfers per gemeente', h('table', { class: 'utrecht-table', 'aria-describedby': 'cijfers-onderdrukt' },
    h('caption', { class: 'utrecht-table__caption' }, `Per gemeente, ${dutchDate(r.data.period.from)} tot en met ${dutchDate(r.data.period.to)}`),
    h('thead', { class: 'utrecht-table__header' }, h('tr', { class: 'utrecht-table__row' },
      h('th', { class: 'utrecht-table__header-cell', scope: 'col' }, 'Gemeente'),
      FIGURE_LABELS.map(([, label]) => h('th', { class: 'utrecht-table__header-cell', scope: 'col' }, label)))),
    h('tbody', { class: 'utrecht-table__body' }, rows.map((row) => h('tr', { class: 'utrecht-table__row' },
      h('th', { class: 'utrecht-table__header-cell', scope: 'row' }, row.name || row.municipality),
      FIGURE_LABELS.map(([key, , kind]) => h('td', { class: 'utrecht-table__cell' }, figureText(row, key, kind))))))));
  show('Regionale cijfers',
    explanation,
    p(link(`/api/v1/figures?from=${from}&to=${to}&format=csv`, 'Download alle cijfers als CSV')),
    barChart('Kinderen in jeugdhulp per vorm (regio)', forms),
    barChart('Wachttijd verwijzing → toewijzing per gemeente, mediaan in dagen',
      rows.slice(0, -1).map((row) => ({ label: row.name || row.municipality, value: row.wait_referral_to_allocation_days_median }))),
    table);
}

// Contract management: every provider with its status; suspending stops new allocations.
async function providersScreen() {
  const list = await api('GET', '/api/v1/providers');
  if (!list.ok) { show('Zorgaanbieders', alertBox('error', errorText(list))); return; }
  const msg = h('div', { 'aria-live': 'polite' });
  const rows = list.data.items.map((x) => {
    const form = h('form', { class: 'inline-form' },
      h('label', { class: 'utrecht-form-label', for: `status-${x.id}` }, `Status van ${x.name}`),
      select(choices(words.provider_statuses), { name: 'status', id: `status-${x.id}`, class: 'utrecht-select' }),
      button('Opslaan'));
    form.status.value = x.status;
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const r = await api('POST', `/api/v1/providers/${x.id}/status`, { status: form.status.value, version: x.version });
      if (!r.ok) { notify(msg, 'error', errorText(r)); return; }
      notify(msg, 'ok', `${x.name}: ${label(words.provider_statuses, r.data.status)}.`);
      x.version = r.data.version;
      x.status = r.data.status;
      status.textContent = label(words.provider_statuses, r.data.status);
    });
    const status = h('td', { class: 'utrecht-table__cell' }, label(words.provider_statuses, x.status));
    return h('tr', { class: 'utrecht-table__row' },
      h('td', { class: 'utrecht-table__cell' }, link(`#/aanbieders/${x.id}`, x.name)), h('td', { class: 'utrecht-table__cell' }, x.agb),
      status, h('td', { class: 'utrecht-table__cell' }, form));
  });
  show('Zorgaanbieders', msg, p('Een geschorste aanbieder krijgt geen nieuwe toewijzingen; lopende zorg blijft in de dossiers.'),
    !rows.length ? p('Geen zorgaanbieders.') : tableWrap('Zorgaanbieders', h('table', { class: 'utrecht-table' },
      h('caption', { class: 'utrecht-table__caption' }, `Zorgaanbieders (${list.data.count})`),
      h('thead', { class: 'utrecht-table__header' }, h('tr', { class: 'utrecht-table__row' },
        ['Naam', 'AGB-code', 'Status', 'Wijzigen'].map((t) => h('th', { class: 'utrecht-table__header-cell', scope: 'col' }, t)))),
      h('tbody', { class: 'utrecht-table__body' }, rows))));
}

// One provider's contracts, and a new contract: the region, its municipality and its forms
// chosen from the region's words.
async function contractsScreen(id, notice) {
  const list = await api('GET', `/api/v1/providers/${id}/contracts`);
  if (!list.ok) { show('Contracten', alertBox('error', errorText(list))); return; }
  const regionWords = new Map(await Promise.all([...new Set(list.data.items.map((c) => c.region))]
    .map(async (code) => [code, await vocabulary(`?region=${encodeURIComponent(code)}`)])));
  const msg = h('div', { 'aria-live': 'polite' });
  const regionSelect = select(choices(words.regions), { name: 'region' });
  const muniSelect = h('select', { name: 'municipality' });
  const formBoxes = h('div', {});
  // the municipalities and forms of the chosen region
  const fillRegion = async () => {
    const v = await vocabulary(`?region=${encodeURIComponent(regionSelect.value)}`);
    muniSelect.replaceChildren(...[['', 'de hele regio'], ...choices(v && v.municipalities)].map(([c, t]) => h('option', { value: c }, t)));
    formBoxes.replaceChildren(...((v && v.forms) || []).map((f) => h('div', { class: 'utrecht-form-field utrecht-form-field--checkbox' },
      h('div', { class: 'utrecht-form-field__label utrecht-form-field__label--checkbox' },
        h('label', { class: 'utrecht-form-label utrecht-form-label--checkbox', for: `contract-vorm-${f.code}` },
          h('input', { type: 'checkbox', id: `contract-vorm-${f.code}`, name: 'forms', value: f.code, class: 'utrecht-checkbox utrecht-checkbox--html-input utrecht-form-field__input' }),
          `${f.number} — ${f.label}`)))));
  };
  // one's own region; else the region of the provider's contracts; else the first
  const usual = words.region ? words.region.code : (list.data.items[0] || {}).region;
  if (usual && words.regions.some((x) => x.code === usual)) regionSelect.value = usual;
  regionSelect.addEventListener('change', fillRegion);
  await fillRegion();
  const form = h('form', { class: 'form-grid', novalidate: true },
    field('contract-regio', 'Regio', regionSelect),
    field('contract-gemeente', 'Gemeente', muniSelect, 'De hele regio, of één gemeente ervan.'),
    h('fieldset', { class: 'utrecht-form-fieldset' }, h('legend', { class: 'utrecht-form-fieldset__legend' }, 'Vormen'), formBoxes),
    field('contract-begin', 'Begindatum', h('input', { name: 'start', type: 'date', required: true })),
    field('contract-einde', 'Einddatum', h('input', { name: 'end', type: 'date' })),
    h('div', {}, button('Contract vastleggen')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const forms = [...form.querySelectorAll('input[name=forms]:checked')].map((x) => Number(x.value));
    const body = { region: form.region.value, forms, start: form.start.value };
    if (form.municipality.value) body.municipality = form.municipality.value;
    if (form.end.value) body.end = form.end.value;
    const r = await api('POST', `/api/v1/providers/${id}/contracts`, body);
    if (!r.ok) { notify(msg, 'error', errorText(r)); return; }
    await contractsScreen(id, 'Het contract is vastgelegd.');
  });
  show(`Contracten van aanbieder ${id}`, msg, p(link('#/aanbieders', 'Terug naar de zorgaanbieders')),
    list.data.items.length ? null : p('Deze aanbieder heeft nog geen contracten.'),
    !list.data.items.length ? null : tableWrap('Contracten', h('table', { class: 'utrecht-table' },
      h('caption', { class: 'utrecht-table__caption' }, `Contracten (${list.data.count})`),
      h('thead', { class: 'utrecht-table__header' }, h('tr', { class: 'utrecht-table__row' },
        ['Regio', 'Gemeente', 'Vormen', 'Producten', 'Van', 'Tot'].map((t) => h('th', { class: 'utrecht-table__header-cell', scope: 'col' }, t)))),
      h('tbody', { class: 'utrecht-table__body' }, list.data.items.map((c) => h('tr', { class: 'utrecht-table__row' },
        [label(words.regions, c.region), c.municipality ? label((regionWords.get(c.region) || {}).municipalities, c.municipality) : 'hele regio',
          c.forms.join(', '), c.product_codes || '—', dutchDate(c.start), c.end ? dutchDate(c.end) : '—']
          .map((t) => h('td', { class: 'utrecht-table__cell' }, t))))))),
    heading(2, 'Nieuw contract'), form);
  if (notice) notify(msg, 'ok', notice);
}

// User administration: the users (never a password), and a new user with a password shown once.
// A role must fit the kind of its organisation; the server says what fits when it does not.
const orgLabel = (o) => `${o.name} (${label(words.organisation_kinds, o.kind)})`;
const orgOptions = (orgs) => [['', '— geen —'], ...orgs.map((o) => [String(o.id), orgLabel(o)])];
function userState(u) {
  if (!u.active) return 'gedeactiveerd';
  if (!u.role_fits) return 'rol past niet bij de organisatie: geen toegang';
  if (u.must_change_password) return 'actief; kiest een nieuw wachtwoord';
  return 'actief';
}
const ucell = (...c) => h('td', { class: 'utrecht-table__cell' }, ...c);
const headRow = (...names) => h('thead', { class: 'utrecht-table__header' }, h('tr', { class: 'utrecht-table__row' },
  names.map((t) => h('th', { class: 'utrecht-table__header-cell', scope: 'col' }, t))));
const when = (iso) => dutchMoment(iso);

async function usersScreen() {
  const [users, orgs] = await Promise.all([api('GET', '/api/v1/users'), api('GET', '/api/v1/organisations')]);
  if (!users.ok) { show('Gebruikers', alertBox('error', errorText(users))); return; }
  const orgItems = orgs.ok ? orgs.data.items : [];
  const orgName = new Map(orgItems.map((o) => [o.id, o.name]));
  const msg = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'form-grid', novalidate: true },
    field('nieuwe-gebruiker', 'Gebruikersnaam', h('input', { name: 'username', autocomplete: 'off', required: true }),
      '3 tot 32 tekens: kleine letters, cijfers, punt, liggend streepje of koppelteken.'),
    field('nieuwe-rol', 'Rol', select(choices(words.roles), { name: 'role' })),
    field('nieuwe-organisatie', 'Organisatie', select(orgOptions(orgItems), { name: 'organisation' }),
      'De rol moet passen bij de soort organisatie, bijvoorbeeld een consulent bij een lokaal team en een beheerder bij geen organisatie.'),
    h('div', {}, button('Gebruiker toevoegen')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const body = { username: form.username.value, role: form.role.value };
    if (form.organisation.value) body.organisation_id = Number(form.organisation.value);
    const r = await api('POST', '/api/v1/users', body);
    if (!r.ok) { notify(msg, 'error', errorText(r)); return; }
    await usersScreen();
    notify(main.querySelector('[aria-live]'), 'ok',
      `Gebruiker ${r.data.username} is toegevoegd. Het wachtwoord is ${r.data.password} — geef het veilig door; het wordt niet opnieuw getoond.`);
  });
  show('Gebruikers', msg, form,
    tableWrap('Gebruikers', h('table', { class: 'utrecht-table' },
      h('caption', { class: 'utrecht-table__caption' }, `Gebruikers (${users.data.count})`),
      headRow('Gebruikersnaam', 'Rol', 'Organisatie', 'Status', 'Sinds'),
      h('tbody', { class: 'utrecht-table__body' }, users.data.items.map((u) => h('tr', { class: 'utrecht-table__row' },
        ucell(link(`#/gebruikers/${u.id}`, u.username)), ucell(label(words.roles, u.role)),
        ucell(u.organisation_id ? (orgName.get(u.organisation_id) || String(u.organisation_id)) : '—'),
        ucell(userState(u)), ucell(dutchDate(u.created_at))))))));
}

// One user: deactivate or activate, reset the password (shown once), another role, API tokens.
async function userScreen(id) {
  const [user, orgs, tokens] = await Promise.all([api('GET', `/api/v1/users/${id}`),
    api('GET', '/api/v1/organisations'), api('GET', `/api/v1/users/${id}/tokens`)]);
  if (!user.ok) { show('Gebruiker', alertBox('error', errorText(user))); return; }
  const u = user.data;
  const orgItems = orgs.ok ? orgs.data.items : [];
  const msg = h('div', { 'aria-live': 'polite' });
  // after a change: the screen anew, with what happened in its live region
  const again = async (notice) => {
    await userScreen(id);
    const box = main.querySelector('[aria-live]');
    box.replaceChildren(notice);
    notice.setAttribute('tabindex', '-1');
    notice.focus();
  };
  const act = async (path, done) => {
    const r = await api('POST', path);
    if (!r.ok) { notify(msg, 'error', errorText(r)); return; }
    await again(done(r.data));
  };
  const secondary = (text, onclick) => h('button', { class: 'utrecht-button utrecht-button--secondary-action', type: 'button', onclick }, text);
  const ended = (n) => (n === 1 ? '1 sessie of token is beëindigd' : `${n} sessies en tokens zijn beëindigd`);
  const actions = h('div', { class: 'button-row' },
    u.active
      ? secondary('Deactiveren', () => act(`/api/v1/users/${id}/deactivate`, (d) => alertBox('ok', `${d.username} is gedeactiveerd en kan niet meer inloggen; ${ended(d.ended_sessions)}.`)))
      : secondary('Activeren', () => act(`/api/v1/users/${id}/activate`, (d) => alertBox('ok', `${d.username} is weer actief en kan inloggen.`))),
    secondary('Wachtwoord herstellen', () => act(`/api/v1/users/${id}/password`, (d) => h('div', { class: 'utrecht-alert utrecht-alert--ok', role: 'status' },
      p(`Het nieuwe wachtwoord van ${d.username} is `, h('code', { class: 'secret' }, d.password),
        ` — geef het veilig door; het wordt niet opnieuw getoond. Bij de volgende inlog kiest ${d.username} een eigen wachtwoord.`)))));
  const roleForm = h('form', { class: 'form-grid', novalidate: true },
    field('rol-wijzigen', 'Rol', select(choices(words.roles), { name: 'role' })),
    field('organisatie-wijzigen', 'Organisatie', select(orgOptions(orgItems), { name: 'organisation' })),
    h('div', {}, button('Rol opslaan')));
  roleForm.role.value = u.role;
  roleForm.organisation.value = u.organisation_id ? String(u.organisation_id) : '';
  roleForm.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const body = { role: roleForm.role.value };
    if (roleForm.organisation.value) body.organisation_id = Number(roleForm.organisation.value);
    const r = await api('POST', `/api/v1/users/${id}/role`, body);
    if (!r.ok) { notify(msg, 'error', errorText(r)); return; }
    await again(alertBox('ok', `De rol van ${r.data.username} is nu ${label(words.roles, r.data.role)}; ${ended(r.data.ended_sessions)}.`));
  });
  const list = tokens.ok ? tokens.data.items : [];
  const tokenTable = list.length
    ? tableWrap('API-tokens', h('table', { class: 'utrecht-table' },
      h('caption', { class: 'utrecht-table__caption' }, `API-tokens (${list.length})`),
      headRow('Naam', 'Gemaakt', 'Verloopt', 'Laatst gebruikt', 'Intrekken'),
      h('tbody', { class: 'utrecht-table__body' }, list.map((t) => h('tr', { class: 'utrecht-table__row' },
        ucell(t.name), ucell(when(t.created_at)), ucell(when(t.expires_at)), ucell(when(t.last_used_at)),
        ucell(h('button', {
          class: 'utrecht-button utrecht-button--secondary-action', type: 'button', 'aria-label': `Token ${t.name} intrekken`,
          onclick: async () => {
            const r = await api('DELETE', `/api/v1/users/${id}/tokens/${t.id}`);
            if (!r.ok) { notify(msg, 'error', errorText(r)); return; }
            await again(alertBox('ok', `Het token ${t.name} is ingetrokken; het werkt niet meer.`));
          },
        }, 'Intrekken')))))))
    : p(tokens.ok ? 'Deze gebruiker heeft geen geldige API-tokens.' : errorText(tokens));
  const tokenForm = h('form', { class: 'form-grid', novalidate: true },
    field('token-naam', 'Naam van het token', h('input', { name: 'name', autocomplete: 'off', required: true }),
      'Waarvoor het token is, bijvoorbeeld de naam van de koppeling.'),
    field('token-dagen', 'Looptijd in dagen', h('input', { name: 'days', inputmode: 'numeric', value: '90' }), '1 tot 3660 dagen.'),
    h('div', {}, button('API-token uitgeven')));
  tokenForm.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const r = await api('POST', `/api/v1/users/${id}/tokens`, { name: tokenForm.name.value, days: Number(tokenForm.days.value) });
    if (!r.ok) { notify(msg, 'error', errorText(r)); return; }
    await again(h('div', { class: 'utrecht-alert utrecht-alert--ok', role: 'status' },
      p(`Het API-token ${r.data.name} is `, h('code', { class: 'secret' }, r.data.token),
        ' — kopieer het nu; het wordt niet opnieuw getoond. Een koppeling stuurt het mee als Authorization: Bearer, gevolgd door het token.')));
  });
  show(`Gebruiker ${u.username}`, p(link('#/', 'Terug naar de gebruikers')), msg,
    h('dl', { class: 'facts' },
      h('dt', {}, 'Rol'), h('dd', {}, label(words.roles, u.role)),
      h('dt', {}, 'Organisatie'), h('dd', {}, u.organisation_id ? orgLabel(orgItems.find((o) => o.id === u.organisation_id) || { name: String(u.organisation_id), kind: u.organisation_kind }) : '—'),
      h('dt', {}, 'Status'), h('dd', {}, userState(u))),
    actions,
    heading(2, 'Rol en organisatie'), p('Wie een andere rol of organisatie krijgt, wordt uitgelogd: zijn sessies en API-tokens eindigen.'), roleForm,
    heading(2, 'API-tokens'), p('Een API-token geeft een koppeling toegang met de rechten van deze gebruiker. Alleen de beheerder geeft tokens uit en trekt ze in.'),
    tokenTable, heading(3, 'Nieuw API-token'), tokenForm);
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
    lettersSection,
  };
}

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

async function route() {
  const hash = location.hash || '#/';
  if (!me && hash !== '#/login') {
    const r = await api('GET', '/api/v1/me');
    if (r.ok) me = r.data;
  }
  // the words of one's region, once per session (not before a password of one's own is chosen)
  if (me && !me.must_change_password && !words) {
    words = await vocabulary();
    if (!words) { renderMenu(); show('jeugdroute', alertBox('error', 'De woorden van uw regio konden niet worden opgehaald; probeer het later opnieuw.')); return; }
  }
  renderMenu();
  if (!me) { loginScreen(); return; }
  let m;
  if (hash === '#/login') loginScreen();
  else if (me.must_change_password || hash === '#/wachtwoord') passwordScreen();
  else if (me.role === 'admin' && (m = hash.match(/^#\/gebruikers\/(\d+)$/))) await userScreen(m[1]);
  else if (hash === '#/nieuw') newRequestScreen();
  else if ((m = hash.match(/^#\/hulpvraag\/(\d+)$/))) await helpRequestScreen(caseUi(), m[1]);
  else if ((m = hash.match(/^#\/gezin\/(\d+)$/))) await familyScreen(m[1]);
  else if (hash === '#/aanbieders') await providersScreen();
  else if ((m = hash.match(/^#\/aanbieders\/(\d+)$/))) await contractsScreen(m[1]);
  else if (hash === '#/sociale-kaart') await socialMapScreen({ h, p, show, api, checkedField, clearFieldErrors, markField, alertBox, errorText, choices, capital, words, button, me });
  else if ((m = hash.match(/^#\/kind\/(\d+)$/))) await childScreen(m[1]);
  else if ((m = hash.match(/^#\/beschikking\/(\d+)\/(\d+)$/))) await letterScreen({ h, p, show, alertBox, api, errorText }, m[1], m[2]);
  else if (hash === '#/zoeken') searchScreen({ h, p, show, api, checkedField, clearFieldErrors, markField, alertBox, errorText, tableWrap, link, label, words, button });
  else await home();
}

window.addEventListener('hashchange', route);
route();
