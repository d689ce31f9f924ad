// The provider's screen (issue 15, point 2): a work list instead of one long page. Tabs by group
// (new, not started after the policy's term, running, ending soon, ended) with their counts, a
// filter by form and pages, from GET /api/v1/allocations/worklist; per allocation the child,
// the period, the extent, the product or result and the consulent to contact. Start and stop
// of care (the stop's outcome chosen field by field: nothing is checked or chosen beforehand),
// a claim for a month prefilled from the allocation and answered with the JW325, and the iJw
// messages for a provider without a system of its own. The filters live in the address
// (#/?groep=…&vorm=…&pagina=…). Every text from the server is put in as text.
// Given the UI's helpers by app.js (`ui`), so that it shares their look and their way with errors.

import { dutchDate, isoDate } from './dates.js';

const GROUPS = [
  ['all', 'Alle'],
  ['new', 'Nieuw'],
  ['not_started', 'Niet gestart'],
  ['running', 'Lopend'],
  ['ending', 'Loopt binnenkort af'],
  ['ended', 'Beëindigd'],
];

// The filters the address asks for, each checked against what it may be.
function asked() {
  const q = location.hash.indexOf('?');
  const params = new URLSearchParams(q < 0 ? '' : location.hash.slice(q + 1));
  const group = GROUPS.some(([g]) => g === params.get('groep')) ? params.get('groep') : 'all';
  const form = Number(params.get('vorm'));
  const page = Number(params.get('pagina'));
  return {
    group,
    form: Number.isInteger(form) && form >= 1 && form <= 10 ? form : 0,
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

function address(f) {
  const q = new URLSearchParams({ groep: f.group });
  if (f.form) q.set('vorm', String(f.form));
  if (f.page > 1) q.set('pagina', String(f.page));
  return `#/?${q}`;
}

// "1 uur per week", "resultaat: …", "product 45A03": the extent as the allocation states it.
function extentText(a) {
  const parts = [];
  if (a.regime === 'result' && a.result) parts.push(`resultaat: ${a.result}`);
  if (a.product_code) parts.push(`product ${a.product_code}`);
  if (a.volume !== null && a.volume !== undefined) parts.push([a.volume, a.unit, a.frequency].filter(Boolean).join(' '));
  if (a.intensity) parts.push(`intensiteit ${a.intensity}`);
  return parts.length ? parts.join(', ') : 'zonder omvang (taakgericht)';
}

function stateText(a) {
  if (a.care.running) return `zorg loopt sinds ${dutchDate(a.care.started_on)}`;
  if (a.care.stopped_on) return `zorg gestopt op ${dutchDate(a.care.stopped_on)}`;
  return 'zorg nog niet gestart';
}

// The months a claim may be for: from the allocation's start to the last month that has ended
// (or the allocation's end): a claim is sent after its period (iJw TR137).
function claimMonths(a) {
  const out = [];
  const now = new Date();
  const prev = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  const last = `${prev.getFullYear()}-${String(prev.getMonth() + 1).padStart(2, '0')}`;
  const end = a.end && a.end.slice(0, 7) < last ? a.end.slice(0, 7) : last;
  let [y, m] = a.start.slice(0, 7).split('-').map(Number);
  while (`${y}-${String(m).padStart(2, '0')}` <= end && out.length < 36) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) { m = 1; y += 1; }
  }
  return out.reverse();
}

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const monthText = (ym) => `${MONTHS[Number(ym.slice(5, 7)) - 1]} ${ym.slice(0, 4)}`;

// Marks each field the server names (its API name → the control's id) or tells the error above.
function serverError(ui, form, msg, r, ids) {
  const e = r.data && r.data.error;
  const id = e && e.field ? ids[e.field] || ids[e.field.replace(/\[\d+\]$/, '')] : null;
  if (id && ui.markField(form, id, e.message)) {
    ui.notify(msg, 'error', 'Niet opgeslagen: verbeter het gemarkeerde veld. Wat u invulde staat er nog.');
    return;
  }
  ui.notify(msg, 'error', ui.errorText(r));
}

// Start of care: the date the care began, stated by the provider (nothing filled in for it).
function startForm(ui, a, msg, done) {
  const { h, button, checkedField } = ui;
  const id = `start-${a.id}`;
  const f = h('form', { class: 'form-grid', novalidate: true },
    checkedField(id, 'Datum waarop de zorg begon', h('input', { name: 'on', autocomplete: 'off' }), 'Als DD-MM-JJJJ.'),
    h('div', {}, button('Zorg gestart')));
  f.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    ui.clearFieldErrors(f);
    const on = isoDate(f.on.value);
    if (!on) {
      ui.markField(f, id, f.on.value.trim() ? 'Geen bestaande datum; schrijf DD-MM-JJJJ.' : 'Vul de datum in waarop de zorg begon.');
      ui.notify(msg, 'error', 'Niet opgeslagen: verbeter het gemarkeerde veld.');
      return;
    }
    const r = await ui.api('POST', `/api/v1/allocations/${a.id}/start`, { on });
    if (!r.ok) { serverError(ui, f, msg, r, { on: id }); return; }
    done(`De zorg voor ${a.child.given_names} ${a.child.family_name} (toewijzing ${a.number}) is gestart op ${dutchDate(r.data.care.started_on)}.`);
  });
  return f;
}

// Stop of care with the outcome: every outcome field chosen by the provider, none beforehand.
function stopForm(ui, a, msg, done) {
  const { h, button, checkedField, select, choices, coded, words } = ui;
  const ids = {
    on: `stop-${a.id}`, goals_reached: `doelen-${a.id}`, continues_without_help: `zelf-${a.id}`,
    satisfaction: `tevreden-${a.id}`, end_reason: `reden-${a.id}`,
  };
  const f = h('form', { class: 'form-grid', novalidate: true },
    checkedField(ids.on, 'Datum waarop de zorg stopte', h('input', { name: 'on', autocomplete: 'off' }), 'Als DD-MM-JJJJ.'),
    checkedField(ids.goals_reached, 'Zijn de doelen bereikt?', select([['', '— kies —'], ...choices(words.goals_reached)], { name: 'goals' })),
    checkedField(ids.continues_without_help, 'Kan het gezin verder zonder hulp?', select([['', '— kies —'], ['true', 'Ja'], ['false', 'Nee']], { name: 'alone' })),
    checkedField(ids.satisfaction, 'Tevredenheid van het gezin (1 tot en met 10)', h('input', { name: 'satisfaction', inputmode: 'numeric', autocomplete: 'off' })),
    checkedField(ids.end_reason, 'Reden van beëindiging (iJw JZ588)', select([['', '— kies —'], ...coded(words.end_reasons)], { name: 'reason' })),
    h('div', {}, button('Zorg gestopt')));
  f.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    ui.clearFieldErrors(f);
    const on = isoDate(f.on.value);
    const sat = f.satisfaction.value.trim();
    const problems = [
      [!on, ids.on, f.on.value.trim() ? 'Geen bestaande datum; schrijf DD-MM-JJJJ.' : 'Vul de datum in waarop de zorg stopte.'],
      [!f.goals.value, ids.goals_reached, 'Kies of de doelen bereikt zijn.'],
      [!f.alone.value, ids.continues_without_help, 'Kies of het gezin verder kan zonder hulp.'],
      [!/^(10|[1-9])$/.test(sat), ids.satisfaction, sat ? 'Een geheel getal van 1 tot en met 10.' : 'Vul de tevredenheid van het gezin in.'],
      [!f.reason.value, ids.end_reason, 'Kies de reden van beëindiging.'],
    ].filter(([bad]) => bad);
    if (problems.length) {
      for (const [, id, text] of problems) ui.markField(f, id, text);
      ui.notify(msg, 'error', 'Niet opgeslagen: niets is vooraf ingevuld, u legt de uitkomst zelf vast. Vul de gemarkeerde velden in.');
      return;
    }
    const r = await ui.api('POST', `/api/v1/allocations/${a.id}/stop`, {
      on, goals_reached: f.goals.value, continues_without_help: f.alone.value === 'true',
      satisfaction: Number(sat), end_reason: f.reason.value,
    });
    if (!r.ok) { serverError(ui, f, msg, r, ids); return; }
    done(`De zorg voor ${a.child.given_names} ${a.child.family_name} (toewijzing ${a.number}) is gestopt op ${dutchDate(r.data.care.stopped_on)}; de uitkomst is vastgelegd.`);
  });
  return f;
}

// What the JW325 said, in Dutch: the lines accepted and refused, each refusal with its rule.
function claimAnswer(ui, sent, data) {
  const { h, p } = ui;
  const refused = new Map();
  const whole = [];
  for (const x of data.problems || []) {
    if (x.at === 'line' && Number.isInteger(x.index)) { // the API counts the lines from 1
      if (!refused.has(x.index - 1)) refused.set(x.index - 1, []);
      refused.get(x.index - 1).push(`${x.rule}: ${x.message}`);
    } else whole.push(`${x.rule}${x.code ? ` (${x.code})` : ''}: ${x.message}`);
  }
  const lines = sent.map((l, i) => h('li', {},
    `Regel ${i + 1}, ${dutchDate(l.start)} t/m ${dutchDate(l.end)}, ${l.units} eenheden: `,
    data.accepted && !refused.has(i) ? 'goedgekeurd' : `afgewezen${refused.has(i) ? ` — ${refused.get(i).join('; ')}` : ''}`));
  const ok = data.accepted && refused.size === 0;
  const url = data.answer ? URL.createObjectURL(new Blob([data.answer.xml], { type: 'application/xml' })) : null;
  return [
    ui.alertBox(ok ? 'ok' : 'error', ok
      ? 'De declaratie is ontvangen en goedgekeurd (JW325).'
      : data.accepted ? `De declaratie is ontvangen; ${refused.size} van ${sent.length} regels afgewezen (JW325).`
        : 'De declaratie is afgewezen; er is niets van vastgelegd (JW325).'),
    h('ul', { class: 'utrecht-unordered-list' }, lines),
    whole.length ? h('ul', { class: 'utrecht-unordered-list' }, whole.map((t) => h('li', {}, t))) : null,
    url ? p('Antwoordbericht: ', h('a', { class: 'utrecht-link', href: url, download: `${data.answer.bericht}.xml` }, `${data.answer.bericht}.xml`)) : null,
  ].filter(Boolean);
}

// A claim for a month: the month chosen, the line prefilled from the allocation (its period in
// the month, the units it allows), then sent and checked as a JW323 is.
function claimForm(ui, a) {
  const { h, button, checkedField, select } = ui;
  const ids = { month: `maand-${a.id}`, start: `van-${a.id}`, end: `tot-${a.id}`, units: `eenheden-${a.id}` };
  const out = h('div', { 'aria-live': 'polite' });
  const facts = h('p', { class: 'utrecht-paragraph' });
  const line = h('div', { class: 'stack', hidden: true },
    facts,
    checkedField(ids.start, 'Van', h('input', { name: 'start', autocomplete: 'off' }), 'Als DD-MM-JJJJ.'),
    checkedField(ids.end, 'Tot en met', h('input', { name: 'end', autocomplete: 'off' }), 'Als DD-MM-JJJJ.'),
    checkedField(ids.units, 'Geleverd aantal eenheden', h('input', { name: 'units', inputmode: 'numeric', autocomplete: 'off' })),
    h('div', {}, button('Declaratie insturen')));
  const f = h('form', { class: 'form-grid', novalidate: true },
    checkedField(ids.month, 'Maand', select([['', '— kies —'], ...claimMonths(a).map((m) => [m, monthText(m)])], { name: 'month' })),
    line);
  let shown = null;
  f.month.addEventListener('change', async () => {
    ui.clearFieldErrors(f);
    out.replaceChildren();
    line.hidden = true;
    shown = null;
    const month = f.month.value;
    if (!month) return;
    const r = await ui.api('GET', `/api/v1/allocations/${a.id}/claim?month=${encodeURIComponent(month)}`);
    if (f.month.value !== month) return; // another month was chosen meanwhile: its answer fills the lines
    if (!r.ok) { serverError(ui, f, out, r, ids); return; }
    shown = r.data;
    facts.textContent = `Product ${[r.data.product.category, r.data.product.code].filter(Boolean).join(' ')}, eenheid ${r.data.unit}`
      + `${r.data.tariff_cents !== null ? `, tarief € ${(r.data.tariff_cents / 100).toFixed(2).replace('.', ',')} per eenheid` : ''}.`
      + ` Ingevuld uit de toewijzing; pas aan wat u werkelijk leverde.`;
    f.start.value = dutchDate(r.data.line.start);
    f.end.value = dutchDate(r.data.line.end);
    f.units.value = String(r.data.line.units);
    line.hidden = false;
  });
  f.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    ui.clearFieldErrors(f);
    if (!f.month.value || !shown) {
      ui.markField(f, ids.month, 'Kies de maand van de declaratie.');
      ui.notify(out, 'error', 'Niet ingestuurd: verbeter het gemarkeerde veld.');
      return;
    }
    const start = isoDate(f.start.value);
    const end = isoDate(f.end.value);
    const units = f.units.value.trim();
    const problems = [
      [!start, ids.start, 'Geen bestaande datum; schrijf DD-MM-JJJJ.'],
      [!end, ids.end, 'Geen bestaande datum; schrijf DD-MM-JJJJ.'],
      [!/^[1-9]\d{0,7}$/.test(units), ids.units, 'Een geheel getal groter dan 0.'],
    ].filter(([bad]) => bad);
    if (problems.length) {
      for (const [, id, text] of problems) ui.markField(f, id, text);
      ui.notify(out, 'error', 'Niet ingestuurd: verbeter de gemarkeerde velden. Wat u invulde staat er nog.');
      return;
    }
    const sent = [{ start, end, units: Number(units) }];
    const r = await ui.api('POST', `/api/v1/allocations/${a.id}/claims`, { month: f.month.value, lines: sent });
    if (!r.ok && !(r.data && r.data.bericht)) { serverError(ui, f, out, r, { month: ids.month, lines: ids.units }); return; }
    out.replaceChildren(...claimAnswer(ui, sent, r.data));
    const first = out.firstElementChild;
    first.setAttribute('tabindex', '-1');
    first.focus();
  });
  return h('div', { class: 'stack' }, f, out);
}

// One allocation of the list, with what the provider can do with it.
function card(ui, a, msg, done) {
  const { h, heading } = ui;
  const who = `${a.child.given_names} ${a.child.family_name}`;
  const contact = a.contact.consulent
    ? `${a.contact.consulent} (lokaal team ${a.contact.municipality_name})`
    : `het lokale team van ${a.contact.municipality_name}`;
  const fact = (term, value) => [h('dt', {}, term), h('dd', {}, value)];
  const action = (title, body) => h('details', { class: 'stack' }, h('summary', {}, title), body);
  const actions = [];
  if (!a.care.running && !a.care.stopped_on && a.group !== 'ended') actions.push(action('Zorg starten', startForm(ui, a, msg, done)));
  if (a.care.running) actions.push(action('Zorg stoppen, met de uitkomst', stopForm(ui, a, msg, done)));
  if (a.regime !== 'generic' && (a.care.started_on || a.care.stopped_on) && claimMonths(a).length) actions.push(action('Declareren (JW323)', claimForm(ui, a)));
  return h('li', { class: 'stack' },
    heading(2, who),
    h('dl', { class: 'facts' },
      ...fact('Geboren', dutchDate(a.child.birth_date)),
      ...fact('Toewijzing', `${a.number}, vorm ${ui.formText(a.form)}`),
      ...fact('Periode', a.end ? `${dutchDate(a.start)} tot en met ${dutchDate(a.end)}` : `vanaf ${dutchDate(a.start)}`),
      ...fact('Omvang', extentText(a)),
      ...fact('Stand', stateText(a)),
      ...fact('Contact', contact)),
    ...actions);
}

// The provider's home screen: the work list with its tabs, filter and pages, and the iJw messages.
export async function providerScreen(ui, notice) {
  const { h, p, link } = ui;
  const f = asked();
  const q = new URLSearchParams({ group: f.group, page: String(f.page), per_page: '25' });
  if (f.form) q.set('form', String(f.form));
  const list = await ui.api('GET', `/api/v1/allocations/worklist?${q}`);
  if (!list.ok) { ui.show('Werklijst', ui.alertBox('error', ui.errorText(list))); return; }
  const d = list.data;
  const msg = h('div', { 'aria-live': 'polite' });
  const rerender = (text) => providerScreen(ui, text);
  const tabs = h('nav', { class: 'tabs', 'aria-label': 'Groepen van toewijzingen' },
    h('ul', { class: 'plain-list tabs__list' }, GROUPS.map(([g, name]) => h('li', {},
      h('a', { class: 'utrecht-link', href: address({ ...f, group: g, page: 1 }), 'aria-current': g === f.group ? 'page' : false },
        `${name} (${d.counts[g]})`)))));
  const forms = ((ui.words && ui.words.forms) || []).map((x) => [String(x.number), `${x.number} — ${x.label}`]);
  const filter = h('form', { class: 'form-grid', novalidate: true },
    ui.field('filter-vorm', 'Vorm van jeugdhulp', ui.select([['', 'Alle vormen'], ...forms], { name: 'vorm' })),
    h('div', {}, ui.button('Filteren')));
  filter.vorm.value = f.form ? String(f.form) : '';
  filter.addEventListener('submit', (ev) => {
    ev.preventDefault();
    location.hash = address({ ...f, form: Number(filter.vorm.value) || 0, page: 1 });
  });
  const pages = Math.max(1, Math.ceil(d.total / d.per_page));
  const pager = pages > 1 ? h('nav', { class: 'pager', 'aria-label': 'Pagina\'s' },
    d.page > 1 ? link(address({ ...f, page: d.page - 1 }), 'Vorige pagina') : null,
    h('span', { 'aria-current': 'page' }, `Pagina ${d.page} van ${pages}`),
    d.page < pages ? link(address({ ...f, page: d.page + 1 }), 'Volgende pagina') : null) : null;
  const groupName = GROUPS.find(([g]) => g === f.group)[1].toLowerCase();
  ui.show('Werklijst', msg,
    p(`${d.counts.all} toewijzingen aan uw organisatie. Niet gestart: de zorg begon niet binnen ${d.terms.start_within_days} dagen na de ingangsdatum; loopt binnenkort af: binnen ${d.terms.ending_within_days} dagen (beleid van de regio).`),
    tabs, filter,
    d.items.length ? h('ul', { class: 'plain-list', 'aria-label': `Toewijzingen: ${groupName}` }, d.items.map((a) => card(ui, a, msg, rerender)))
      : p(f.group === 'all' ? 'Nog geen toewijzingen.' : `Geen toewijzingen in de groep ${groupName}.`),
    pager, ijwSection(ui));
  if (notice) ui.notify(msg, 'ok', notice);
}

// A download link for a message's XML (a file the provider's own system can read).
function xmlLink(ui, name, xml) {
  const url = URL.createObjectURL(new Blob([xml], { type: 'application/xml' }));
  return ui.h('a', { class: 'utrecht-link', href: url, download: name }, name);
}

// iJw for a provider without a system of its own: send a message (start, stop, request,
// claim) as a file and get its answer; fetch the allocation messages (JW301) as files, each
// named by its allocation and the child's initials.
function ijwSection(ui) {
  const { h, p, field, button, alertBox, words, label } = ui;
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
      headers: { 'Content-Type': 'application/xml', 'X-CSRF-Token': ui.me.csrf },
    });
    let data = null;
    try { data = await res.json(); } catch { data = null; }
    if (!data || (!res.ok && !data.problems)) { out.replaceChildren(alertBox('error', ui.errorText({ status: res.status, data }))); return; }
    const problems = (data.problems || []).map((x) => h('li', {},
      `${x.rule}${x.code ? ` (${x.code})` : ''}${x.at ? `, ${label(words.ijw_places, x.at)}${x.index ? ` ${x.index}` : ''}` : ''}${x.line ? `, regel ${x.line} in het bestand` : ''}: ${x.message}`));
    out.replaceChildren(...[
      alertBox(data.accepted ? 'ok' : 'error', data.accepted
        ? `${data.bericht} is opgenomen${data.lines_rejected ? `; ${data.lines_rejected} van ${data.lines} regels afgewezen` : ''}.`
        : `${data.bericht || 'Het bericht'} is afgewezen; er is niets van vastgelegd.`),
      problems.length ? h('ul', { class: 'utrecht-unordered-list' }, problems) : null,
      data.answer ? p('Antwoord: ', xmlLink(ui, `${data.answer.bericht}.xml`, data.answer.xml)) : null,
    ].filter(Boolean));
  });
  const fetchForm = h('form', { class: 'form-grid', novalidate: true },
    ui.checkedField('ijw-sinds', 'Toewijzingen vanaf', h('input', { name: 'since', autocomplete: 'off' }), 'Als DD-MM-JJJJ.'),
    h('div', {}, button('Toewijzingsberichten ophalen')));
  const list = h('div', { 'aria-live': 'polite' });
  fetchForm.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    ui.clearFieldErrors(fetchForm);
    const since = isoDate(fetchForm.since.value);
    if (!since) {
      ui.markField(fetchForm, 'ijw-sinds', fetchForm.since.value.trim() ? 'Geen bestaande datum; schrijf DD-MM-JJJJ.' : 'Vul in vanaf welke datum.');
      return;
    }
    const r = await ui.api('GET', `/api/v1/ijw/allocations?since=${encodeURIComponent(since)}`);
    if (!r.ok) { list.replaceChildren(alertBox('error', ui.errorText(r))); return; }
    list.replaceChildren(...[
      p(r.data.count ? `${r.data.count} toewijzingsbericht(en) (JW301).` : 'Geen toewijzingsberichten (JW301) sinds die datum.'),
      r.data.items.length ? h('ul', { class: 'utrecht-unordered-list' }, r.data.items.map((m) => h('li', {}, xmlLink(ui, m.name, m.xml)))) : null,
      r.data.skipped ? p(`Niet verstuurd: ${r.data.skipped_why}`) : null,
    ].filter(Boolean));
  });
  return h('section', { class: 'stack', 'aria-labelledby': 'ijw-kop' },
    h('h2', { class: 'utrecht-heading-2', id: 'ijw-kop' }, 'iJw-berichten'),
    p('Zonder eigen berichtensysteem: stuur hier uw berichten in en haal de toewijzingsberichten op.'),
    send, out, fetchForm, list);
}
