// The contract manager's screens (issue 15 point 4): the providers with their status
// (#/aanbieders); one provider (#/aanbieders/ID) with its budget ceiling per year — what the
// accepted claims came to and the warning at 80 % and 100 %, in words in an alert, not colour
// only — its places per form and their occupancy, its contracts and a new contract; and one
// contract (#/contract/ID): edited from the version read, ended, and its tariffs per product code
// or result level. The region, its municipalities (with their regime), the forms, the units and
// the result levels come from the vocabulary (GET /api/v1/vocabulary): nothing of a region is
// written here. The helpers of app.js come in `ui`; everything from the server goes in as text.

import { dutchDate } from './dates.js';

// "250000", "250000,5" or "1.250,00"? Only digits with an optional decimal comma or point and at
// most 2 decimals: the amount in cents, or null when it is not one.
export function euroCents(text) {
  const m = /^\s*(\d{1,10})(?:[.,](\d{1,2}))?\s*$/.exec(text || '');
  if (!m) return null;
  return Number(m[1]) * 100 + (m[2] ? Number(m[2].padEnd(2, '0')) : 0);
}

// cents as "€ 1.250,00"
export function euroText(cents) {
  if (cents === null || cents === undefined) return '—';
  const sign = cents < 0 ? '-' : '';
  const a = Math.abs(cents);
  const euros = String(Math.floor(a / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}€ ${euros},${String(a % 100).padStart(2, '0')}`;
}

// Shows the server's refusal at the field it names (ids: the API's field → the control's id), or
// in `general`; the focus goes to it. What was typed stays.
function refusal(ui, form, general, ids, r) {
  const e = (r.data && r.data.error) || {};
  const control = e.field && ids[e.field] ? ui.markField(form, ids[e.field], e.message) : null;
  if (control) { general.replaceChildren(); control.focus(); } else ui.notify(general, 'error', ui.errorText(r));
}

// Contract management: every provider with its status; suspending stops new allocations.
export async function providersScreen(ui) {
  const { h, p, show, api, alertBox, errorText, select, choices, label, link, button, tableWrap, notify, words } = ui;
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
  show('Zorgaanbieders', msg, p('Een geschorste aanbieder krijgt geen nieuwe toewijzingen; lopende zorg blijft in de dossiers. '
    + 'Kies een aanbieder voor haar contracten, tarieven, budgetplafond en capaciteit.'),
    !rows.length ? p('Geen zorgaanbieders.') : tableWrap('Zorgaanbieders', h('table', { class: 'utrecht-table' },
      h('caption', { class: 'utrecht-table__caption' }, `Zorgaanbieders (${list.data.count})`),
      h('thead', { class: 'utrecht-table__header' }, h('tr', { class: 'utrecht-table__row' },
        ['Naam', 'AGB-code', 'Status', 'Wijzigen'].map((t) => h('th', { class: 'utrecht-table__header-cell', scope: 'col' }, t)))),
      h('tbody', { class: 'utrecht-table__body' }, rows))));
}

// A table with a caption and column headers; rows are arrays of texts (or nodes).
function table(ui, caption, heads, rows) {
  const { h, tableWrap } = ui;
  return tableWrap(caption, h('table', { class: 'utrecht-table' },
    h('caption', { class: 'utrecht-table__caption' }, caption),
    h('thead', { class: 'utrecht-table__header' }, h('tr', { class: 'utrecht-table__row' },
      heads.map((t) => h('th', { class: 'utrecht-table__header-cell', scope: 'col' }, t)))),
    h('tbody', { class: 'utrecht-table__body' }, rows.map((cells) => h('tr', { class: 'utrecht-table__row' },
      cells.map((t) => h('td', { class: 'utrecht-table__cell' }, t)))))));
}

// The budget of one year: the numbers, and the warning as an alert with words.
function budgetView(ui, b) {
  const { h, p, alertBox } = ui;
  const facts = h('dl', { class: 'facts' },
    h('dt', {}, 'Budgetplafond'), h('dd', {}, b.ceiling_cents === null ? 'nog niet vastgelegd' : euroText(b.ceiling_cents)),
    h('dt', {}, 'Gedeclareerd (geaccepteerd)'), h('dd', {}, euroText(b.claimed_cents)),
    b.percent === null ? null : [h('dt', {}, 'Deel van het plafond'), h('dd', {}, `${b.percent} %`)]);
  const warning = b.level === 'reached' ? alertBox('error', b.warning)
    : b.level === 'near' ? alertBox('warning', b.warning)
      : b.level === 'under' ? alertBox('ok', `Onder de 80 % van het budgetplafond voor ${b.year}: ${b.percent} % is gedeclareerd.`)
        : p(`Er is voor ${b.year} nog geen budgetplafond; gedeclareerd is ${euroText(b.claimed_cents)}.`);
  return h('div', { id: 'budget-stand' }, warning, facts);
}

// The budget ceiling per year: the year chosen, what was claimed, the warning; a new ceiling.
async function budgetSection(ui, providerId) {
  const { h, heading, api, checkedField, clearFieldErrors, markField, errorText, button } = ui;
  const general = h('div', { 'aria-live': 'polite' });
  const stand = h('div', { 'aria-live': 'polite' });
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear + 2 - 2000 }, (_, i) => thisYear + 1 - i);
  const yearSelect = h('select', { name: 'year' }, years.map((y) => h('option', { value: String(y), selected: y === thisYear }, String(y))));
  let version = 0;
  const load = async () => {
    const r = await api('GET', `/api/v1/providers/${providerId}/budget?year=${yearSelect.value}`);
    if (!r.ok) { stand.replaceChildren(ui.alertBox('error', errorText(r))); return; }
    version = r.data.version;
    stand.replaceChildren(budgetView(ui, r.data));
  };
  yearSelect.addEventListener('change', load);
  const form = h('form', { class: 'form-grid', novalidate: true, 'aria-label': 'Budgetplafond vastleggen' },
    checkedField('budget-jaar', 'Jaar', yearSelect),
    checkedField('budget-plafond', 'Budgetplafond in euro\'s', h('input', { name: 'ceiling', inputmode: 'decimal', autocomplete: 'off' }),
      'Het bedrag voor het hele jaar, bijvoorbeeld 250000 of 250000,00. Vanaf 80 % gedeclareerd volgt een waarschuwing.'),
    h('div', {}, button('Plafond vastleggen')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearFieldErrors(form);
    const cents = euroCents(form.ceiling.value);
    if (cents === null || cents < 1) {
      markField(form, 'budget-plafond', 'Geef een bedrag in euro\'s van meer dan 0, met ten hoogste 2 decimalen, zoals 250000,00.').focus();
      return;
    }
    const r = await api('POST', `/api/v1/providers/${providerId}/budget`, { year: Number(yearSelect.value), ceiling_cents: cents, version });
    if (!r.ok) { refusal(ui, form, general, { ceiling_cents: 'budget-plafond', year: 'budget-jaar' }, r); if (r.status === 409) await load(); return; }
    version = r.data.version;
    form.ceiling.value = '';
    stand.replaceChildren(budgetView(ui, r.data));
    ui.notify(general, 'ok', `Het budgetplafond voor ${r.data.year} is vastgelegd: ${euroText(r.data.ceiling_cents)}.`);
  });
  await load();
  return h('section', { 'aria-labelledby': 'kop-budget' }, Object.assign(heading(2, 'Budgetplafond'), { id: 'kop-budget' }), general, stand, form);
}

// The places per form and their occupancy (running allocations of that form with the provider).
async function capacitySection(ui, providerId, vocab) {
  const { h, heading, api, checkedField, clearFieldErrors, markField, errorText, button, p } = ui;
  const general = h('div', { 'aria-live': 'polite' });
  const list = h('div', {});
  const formName = (n) => { const f = ((vocab && vocab.forms) || []).find((x) => x.number === n); return f ? `${f.number} — ${f.label}` : String(n); };
  const render = (items) => list.replaceChildren(items.length
    ? table(ui, 'Plaatsen en bezetting per vorm', ['Vorm', 'Plaatsen', 'Bezet (lopende toewijzingen)', 'Vrij', 'Bezetting'],
      items.map((c) => [formName(c.form), c.places === null ? 'niet vastgelegd' : String(c.places), String(c.occupied),
        c.free === null ? '—' : String(c.free), c.places === null ? '—' : `${c.percent} %${c.full ? ' (vol)' : ''}`]))
    : p('Voor deze aanbieder zijn nog geen plaatsen vastgelegd en lopen geen toewijzingen.'));
  const r = await api('GET', `/api/v1/providers/${providerId}/capacity`);
  if (r.ok) render(r.data.items); else list.replaceChildren(ui.alertBox('error', errorText(r)));
  const form = h('form', { class: 'form-grid', novalidate: true, 'aria-label': 'Plaatsen vastleggen' },
    checkedField('capaciteit-vorm', 'Vorm', h('select', { name: 'form' }, h('option', { value: '' }, '— kies een vorm —'),
      ((vocab && vocab.forms) || []).map((f) => h('option', { value: String(f.number) }, `${f.number} — ${f.label}`)))),
    checkedField('capaciteit-plaatsen', 'Aantal plaatsen', h('input', { name: 'places', inputmode: 'numeric', autocomplete: 'off' }), '0 haalt de plaatsen van deze vorm weg.'),
    h('div', {}, button('Plaatsen vastleggen')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearFieldErrors(form);
    if (!form.form.value) { markField(form, 'capaciteit-vorm', 'Kies een vorm.').focus(); return; }
    if (!/^\d{1,6}$/.test(form.places.value.trim())) { markField(form, 'capaciteit-plaatsen', 'Geef het aantal plaatsen als een geheel getal van 0 of meer.').focus(); return; }
    const w = await api('POST', `/api/v1/providers/${providerId}/capacity`, { form: Number(form.form.value), places: Number(form.places.value.trim()) });
    if (!w.ok) { refusal(ui, form, general, { form: 'capaciteit-vorm', places: 'capaciteit-plaatsen' }, w); return; }
    render(w.data.items);
    ui.notify(general, 'ok', `De plaatsen voor vorm ${form.form.value} zijn vastgelegd.`);
  });
  return h('section', { 'aria-labelledby': 'kop-capaciteit' }, Object.assign(heading(2, 'Capaciteit'), { id: 'kop-capaciteit' }), general, list, form);
}

// The ids of the new contract form's controls, by the API's field names.
const NEW_FIELDS = { region: 'contract-regio', municipality: 'contract-gemeente', forms: 'contract-vormen', start: 'contract-begin', end: 'contract-einde', product_codes: 'contract-producten' };

// One provider: its budget, capacity and contracts, and a new contract (the region, its
// municipality and its forms chosen from the region's words).
export async function contractsScreen(ui, id, notice) {
  const { h, p, show, api, alertBox, errorText, select, choices, label, link, button, checkedField, clearFieldErrors, markField, vocabulary, words, heading } = ui;
  const [provider, list] = await Promise.all([api('GET', `/api/v1/providers`), api('GET', `/api/v1/providers/${id}/contracts`)]);
  if (!list.ok) { show('Contracten', alertBox('error', errorText(list))); return; }
  const me = provider.ok ? provider.data.items.find((x) => String(x.id) === String(id)) : null;
  const title = me ? `Zorgaanbieder ${me.name}` : `Zorgaanbieder ${id}`;
  const regionWords = new Map(await Promise.all([...new Set(list.data.items.map((c) => c.region))]
    .map(async (code) => [code, await vocabulary(`?region=${encodeURIComponent(code)}`)])));
  const msg = h('div', { 'aria-live': 'polite' });
  const regionSelect = select(choices(words.regions), { name: 'region' });
  const muniSelect = h('select', { name: 'municipality' });
  const formBoxes = h('div', { id: NEW_FIELDS.forms, tabindex: '-1' });
  const formsError = h('p', { class: 'utrecht-form-field-error-message', id: `${NEW_FIELDS.forms}-fout`, hidden: true });
  // the municipalities (with their regime) and forms of the chosen region
  const fillRegion = async () => {
    const v = await vocabulary(`?region=${encodeURIComponent(regionSelect.value)}`);
    muniSelect.replaceChildren(...[['', 'de hele regio'], ...((v && v.municipalities) || []).map((m) => [m.code, `${m.label} (${label(v.regimes, m.regime).toLowerCase()})`])]
      .map(([c, t]) => h('option', { value: c }, t)));
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
  const form = h('form', { class: 'form-grid', novalidate: true, 'aria-label': 'Nieuw contract' },
    checkedField(NEW_FIELDS.region, 'Regio', regionSelect, 'De regio\'s van de geladen beleidsbestanden.'),
    checkedField(NEW_FIELDS.municipality, 'Gemeente', muniSelect, 'De hele regio, of één gemeente ervan (met haar manier van inkopen).'),
    h('fieldset', { class: 'utrecht-form-fieldset' }, h('legend', { class: 'utrecht-form-fieldset__legend' }, 'Vormen'), formsError, formBoxes),
    checkedField(NEW_FIELDS.product_codes, 'Productcodes', h('input', { name: 'product_codes', autocomplete: 'off' }),
      'Alleen waar productgericht wordt ingekocht: iJw-productcodes van 1 tot 5 letters en cijfers, gescheiden door komma\'s, zoals 45A01,45A02.'),
    checkedField(NEW_FIELDS.start, 'Begindatum', h('input', { name: 'start', type: 'date', required: true })),
    checkedField(NEW_FIELDS.end, 'Einddatum', h('input', { name: 'end', type: 'date' })),
    h('div', {}, button('Contract vastleggen')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearFieldErrors(form);
    formsError.hidden = true;
    const forms = [...form.querySelectorAll('input[name=forms]:checked')].map((x) => Number(x.value));
    const body = { region: form.region.value, forms, start: form.start.value };
    if (form.municipality.value) body.municipality = form.municipality.value;
    if (form.end.value) body.end = form.end.value;
    if (form.product_codes.value.trim()) body.product_codes = form.product_codes.value.trim();
    const r = await api('POST', `/api/v1/providers/${id}/contracts`, body);
    if (!r.ok) {
      const e = (r.data && r.data.error) || {};
      if (e.field === 'forms') { formsError.textContent = e.message; formsError.hidden = false; formBoxes.focus(); return; }
      refusal(ui, form, msg, NEW_FIELDS, r);
      return;
    }
    await contractsScreen(ui, id, 'Het contract is vastgelegd.');
  });
  const vocab = await vocabulary(`?region=${encodeURIComponent(usual || regionSelect.value)}`);
  const budget = await budgetSection(ui, id);
  const capacity = await capacitySection(ui, id, vocab || words);
  show(title, msg, p(link('#/aanbieders', 'Terug naar de zorgaanbieders')),
    budget, capacity,
    heading(2, 'Contracten'),
    list.data.items.length ? null : p('Deze aanbieder heeft nog geen contracten.'),
    !list.data.items.length ? null : table(ui, `Contracten (${list.data.count})`, ['Regio', 'Gemeente', 'Vormen', 'Producten', 'Van', 'Tot', 'Tarieven en wijzigen'],
      list.data.items.map((c) => [label(words.regions, c.region), c.municipality ? label((regionWords.get(c.region) || {}).municipalities, c.municipality) : 'hele regio',
        c.forms.join(', '), c.product_codes || '—', dutchDate(c.start), c.end ? dutchDate(c.end) : '—',
        link(`#/contract/${c.id}`, `Contract ${c.id}`)])),
    heading(2, 'Nieuw contract'), form);
  if (notice) ui.notify(msg, 'ok', notice);
}

// One contract: what it is, an edit from the version read, its end, and its tariffs.
export async function contractScreen(ui, id, notice) {
  const { h, p, show, api, alertBox, errorText, label, link, button, checkedField, clearFieldErrors, markField, vocabulary, words, heading, notify } = ui;
  const r = await api('GET', `/api/v1/contracts/${id}`);
  if (!r.ok) { show('Contract', alertBox('error', errorText(r))); return; }
  const c = r.data;
  const vocab = (await vocabulary(`?region=${encodeURIComponent(c.region)}`)) || words;
  const tariffs = await api('GET', `/api/v1/contracts/${id}/tariffs`);
  const msg = h('div', { 'aria-live': 'polite' });
  const again = (text) => contractScreen(ui, id, text);
  const muni = c.municipality ? (vocab.municipalities || []).find((m) => m.code === c.municipality) : null;
  const facts = h('dl', { class: 'facts' },
    h('dt', {}, 'Regio'), h('dd', {}, label(words.regions, c.region)),
    h('dt', {}, 'Gemeente'), h('dd', {}, muni ? `${muni.label} (${label(vocab.regimes, muni.regime).toLowerCase()})` : 'hele regio'),
    h('dt', {}, 'Vormen'), h('dd', {}, c.forms.join(', ')),
    h('dt', {}, 'Productcodes'), h('dd', {}, c.product_codes || '—'),
    h('dt', {}, 'Looptijd'), h('dd', {}, `${dutchDate(c.start)} tot en met ${c.end ? dutchDate(c.end) : 'geen einde'}`),
    h('dt', {}, 'Tarief'), h('dd', {}, c.tariff ? `${euroText(euroCents(String(c.tariff)))}${c.unit ? ` per ${c.unit}` : ''}` : '—'),
    h('dt', {}, 'Capaciteit'), h('dd', {}, c.capacity === null || c.capacity === undefined ? '—' : `${c.capacity} plaatsen`),
    h('dt', {}, 'Versie'), h('dd', {}, String(c.version)));

  // the edit: every term of the contract, from the version read; what is not changed stays
  const editIds = { forms: 'wijzig-vormen', product_codes: 'wijzig-producten', start: 'wijzig-begin', end: 'wijzig-einde', tariff_cents: 'wijzig-tarief', unit: 'wijzig-eenheid', capacity: 'wijzig-capaciteit', version: 'wijzig-producten' };
  const editGeneral = h('div', { 'aria-live': 'polite' });
  const formsError = h('p', { class: 'utrecht-form-field-error-message', id: 'wijzig-vormen-fout', hidden: true });
  const formBoxes = h('div', { id: 'wijzig-vormen', tabindex: '-1' },
    ...(vocab.forms || []).map((f) => h('div', { class: 'utrecht-form-field utrecht-form-field--checkbox' },
      h('div', { class: 'utrecht-form-field__label utrecht-form-field__label--checkbox' },
        h('label', { class: 'utrecht-form-label utrecht-form-label--checkbox', for: `wijzig-vorm-${f.code}` },
          h('input', { type: 'checkbox', id: `wijzig-vorm-${f.code}`, name: 'forms', value: String(f.number), checked: c.forms.includes(f.number), class: 'utrecht-checkbox utrecht-checkbox--html-input utrecht-form-field__input' }),
          `${f.number} — ${f.label}`)))));
  const tariffText = c.tariff ? String(c.tariff).replace('.', ',') : '';
  const unitSelect = h('select', { name: 'unit' }, h('option', { value: '' }, '— geen eenheid —'),
    ...(words.units || []).map((u) => h('option', { value: u.code, selected: u.code === c.unit }, u.label || u.code)));
  const edit = h('form', { class: 'form-grid', novalidate: true, 'aria-label': 'Contract wijzigen' },
    h('fieldset', { class: 'utrecht-form-fieldset' }, h('legend', { class: 'utrecht-form-fieldset__legend' }, 'Vormen'), formsError, formBoxes),
    checkedField('wijzig-producten', 'Productcodes', h('input', { name: 'product_codes', autocomplete: 'off', value: c.product_codes }),
      'Gescheiden door komma\'s; leeg: geen productcodes.'),
    checkedField('wijzig-begin', 'Begindatum', h('input', { name: 'start', type: 'date', value: c.start || '' })),
    checkedField('wijzig-einde', 'Einddatum', h('input', { name: 'end', type: 'date', value: c.end || '' }), 'Leeg: het contract loopt door zonder einde.'),
    checkedField('wijzig-tarief', 'Tarief per eenheid in euro\'s', h('input', { name: 'tariff', inputmode: 'decimal', autocomplete: 'off', value: tariffText }),
      'Het tarief van het contract zelf; tarieven per productcode of resultaatniveau staan hierboven.'),
    checkedField('wijzig-eenheid', 'Eenheid van het contracttarief', unitSelect),
    checkedField('wijzig-capaciteit', 'Capaciteit (plaatsen)', h('input', { name: 'capacity', inputmode: 'numeric', autocomplete: 'off', value: c.capacity === null || c.capacity === undefined ? '' : String(c.capacity) })),
    h('div', {}, button('Wijziging opslaan')));
  edit.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearFieldErrors(edit);
    formsError.hidden = true;
    const forms = [...edit.querySelectorAll('input[name=forms]:checked')].map((x) => Number(x.value));
    if (!forms.length) { formsError.textContent = 'Kies ten minste één vorm.'; formsError.hidden = false; formBoxes.focus(); return; }
    if (!edit.start.value) { markField(edit, 'wijzig-begin', 'Kies de eerste dag van het contract.').focus(); return; }
    const body = { version: c.version, forms, product_codes: edit.product_codes.value.trim(), start: edit.start.value, end: edit.end.value || null };
    if (edit.tariff.value.trim()) {
      const cents = euroCents(edit.tariff.value);
      if (cents === null) { markField(edit, 'wijzig-tarief', 'Geef een bedrag in euro\'s van 0 of meer, met ten hoogste 2 decimalen, zoals 65,50.').focus(); return; }
      body.tariff_cents = cents;
    }
    if (edit.unit.value) body.unit = edit.unit.value;
    if (edit.capacity.value.trim()) {
      if (!/^\d{1,7}$/.test(edit.capacity.value.trim())) { markField(edit, 'wijzig-capaciteit', 'Geef het aantal plaatsen als een geheel getal van 0 of meer.').focus(); return; }
      body.capacity = Number(edit.capacity.value.trim());
    }
    const w = await api('POST', `/api/v1/contracts/${id}/edit`, body);
    if (!w.ok) {
      const e = (w.data && w.data.error) || {};
      if (e.field === 'forms') { formsError.textContent = e.message; formsError.hidden = false; formBoxes.focus(); return; }
      refusal(ui, edit, editGeneral, editIds, w);
      return;
    }
    await again(`Het contract is gewijzigd (versie ${w.data.version}); de vorige versie blijft bewaard.`);
  });

  const endGeneral = h('div', { 'aria-live': 'polite' });
  const end = h('form', { class: 'form-grid', novalidate: true, 'aria-label': 'Contract beëindigen' },
    checkedField('beeindig-datum', 'Laatste dag van het contract', h('input', { name: 'end', type: 'date' })),
    h('div', {}, button('Contract beëindigen')));
  end.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearFieldErrors(end);
    if (!end.end.value) { markField(end, 'beeindig-datum', 'Kies de laatste dag van het contract.').focus(); return; }
    const w = await api('POST', `/api/v1/contracts/${id}/end`, { version: c.version, end: end.end.value });
    if (!w.ok) { refusal(ui, end, endGeneral, { end: 'beeindig-datum' }, w); return; }
    await again(`Het contract eindigt op ${dutchDate(w.data.end)}.`);
  });

  // a tariff: a product code of the contract, or a result level of the result regime's terms
  const result = (vocab.regimes || []).find((g) => g.code === 'result');
  const levels = ((result && result.terms) || []).map((t, i) => [String(i + 1), t]);
  const tariffIds = { product_code: 'tarief-product', level: 'tarief-niveau', amount_cents: 'tarief-bedrag', unit: 'tarief-eenheid', valid_from: 'tarief-van', valid_to: 'tarief-tot' };
  const tariffGeneral = h('div', { 'aria-live': 'polite' });
  const codes = (c.product_codes || '').split(',').filter(Boolean);
  const tariff = h('form', { class: 'form-grid', novalidate: true, 'aria-label': 'Nieuw tarief' },
    checkedField('tarief-product', 'Productcode', h('select', { name: 'product_code' }, h('option', { value: '' }, '— geen: per resultaatniveau —'),
      codes.map((x) => h('option', { value: x }, x))), 'Een productcode van dit contract (productgericht).'),
    checkedField('tarief-niveau', 'Resultaatniveau', h('select', { name: 'level' }, h('option', { value: '' }, '— geen: per productcode —'),
      levels.map(([v, t]) => h('option', { value: v }, t))), 'Of een intensiteit van het resultaatgerichte regime.'),
    checkedField('tarief-bedrag', 'Bedrag per eenheid in euro\'s', h('input', { name: 'amount', inputmode: 'decimal', autocomplete: 'off' }), 'Bijvoorbeeld 65,50.'),
    checkedField('tarief-eenheid', 'Eenheid', h('select', { name: 'unit' }, h('option', { value: '' }, '— kies een eenheid —'),
      (words.units || []).map((u) => h('option', { value: u.code }, u.label || u.code)))),
    checkedField('tarief-van', 'Geldig vanaf', h('input', { name: 'valid_from', type: 'date' })),
    checkedField('tarief-tot', 'Geldig tot en met', h('input', { name: 'valid_to', type: 'date' }), 'Leeg: zolang het contract loopt.'),
    h('div', {}, button('Tarief vastleggen')));
  tariff.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearFieldErrors(tariff);
    const cents = euroCents(tariff.amount.value);
    if (cents === null) { markField(tariff, 'tarief-bedrag', 'Geef een bedrag in euro\'s van 0 of meer, met ten hoogste 2 decimalen, zoals 65,50.').focus(); return; }
    const body = { amount_cents: cents, unit: tariff.unit.value, valid_from: tariff.valid_from.value };
    if (!body.unit) { markField(tariff, 'tarief-eenheid', 'Kies een eenheid.').focus(); return; }
    if (!body.valid_from) { markField(tariff, 'tarief-van', 'Kies de dag waarop het tarief ingaat.').focus(); return; }
    if (tariff.product_code.value) body.product_code = tariff.product_code.value;
    if (tariff.level.value) body.level = Number(tariff.level.value);
    if (tariff.valid_to.value) body.valid_to = tariff.valid_to.value;
    const w = await api('POST', `/api/v1/contracts/${id}/tariffs`, body);
    if (!w.ok) { refusal(ui, tariff, tariffGeneral, tariffIds, w); return; }
    await again('Het tarief is vastgelegd.');
  });
  const levelText = (n) => (levels[n - 1] ? levels[n - 1][1] : `niveau ${n}`);
  const tariffList = !tariffs.ok ? alertBox('error', errorText(tariffs)) : tariffs.data.items.length
    ? table(ui, `Tarieven (${tariffs.data.count})`, ['Product of niveau', 'Bedrag', 'Eenheid', 'Vanaf', 'Tot en met'],
      tariffs.data.items.map((t) => [t.product_code || levelText(t.level), euroText(t.amount_cents), t.unit, dutchDate(t.valid_from), t.valid_to ? dutchDate(t.valid_to) : '—']))
    : p('Dit contract heeft nog geen tarieven.');
  show(`Contract ${id}`, msg, p(link(`#/aanbieders/${c.provider_id}`, 'Terug naar de zorgaanbieder')), facts,
    heading(2, 'Tarieven'), tariffList, tariffGeneral, tariff,
    heading(2, 'Wijzigen'), editGeneral, edit,
    heading(2, 'Beëindigen'), p('Na de laatste dag dekt dit contract geen nieuwe toewijzingen meer.'), endGeneral, end);
  if (notice) notify(msg, 'ok', notice);
}
