// The allocation form of a help request ("Toewijzen", issue 14 point 7), on the help request's
// page. What it offers comes from GET /api/v1/help-requests/{id}/allocation-choices: per form of
// youth care the providers with a contract for it in the help request's municipality on the
// start date (never a certified institution, never a suspended provider), and the fields the
// municipality's regime asks — result and intensity, or product, volume, unit and frequency, or
// none (generic), and an end date where one may be given. The server checks every rule again
// and names the field it refuses; what was typed stays. After saving, the page is drawn again
// with a confirmation (id "toewijzing-bevestiging") that says what was allocated; app.js moves
// the focus to it. The helpers of app.js come in `ui`, so that this file adds no globals.

// "2026-12-04" as 04-12-2026, as the screens write a date
const dutchDate = (iso) => (/^\d{4}-\d{2}-\d{2}$/.test(iso || '') ? iso.split('-').reverse().join('-') : '');

// The API's names of the fields, and the ids of their controls.
const FIELDS = {
  provider_id: 'aanbieder', form: 'toewijzing-vorm', referral_id: 'grondslag', municipal_decision: 'grondslag',
  start: 'begin', end: 'einde', result: 'resultaat', intensity: 'intensiteit', product_code: 'product',
  volume: 'omvang', unit: 'eenheid', frequency: 'frequentie',
};

// Functions called with (allocation, confirmation element) when a confirmation is shown: the
// decision letter adds its link there (web/letter.js), without this file knowing it.
export const allocationHooks = { confirmed: [] };

// The allocation just made per help request, shown once as the confirmation when the page is
// drawn again after saving.
const made = new Map();

// What was allocated, in a sentence.
function madeText(a, formLabel, providerName, units) {
  const period = a.end ? `van ${dutchDate(a.start)} tot en met ${dutchDate(a.end)}` : `vanaf ${dutchDate(a.start)}, zonder einddatum`;
  const parts = [`Toegewezen: ${formLabel} aan ${providerName}, ${period}.`];
  if (a.result) parts.push(`Resultaat: ${a.result}${a.intensity ? ` (intensiteit OB${a.intensity})` : ''}.`);
  if (a.product_code) {
    const unit = (units || []).find((u) => u.code === a.unit);
    parts.push(`Product ${a.product_code}${a.volume ? `, ${a.volume} ${unit ? unit.label.toLowerCase() : (a.unit || '')}` : ''}${a.frequency ? ` ${a.frequency}` : ''}.`.replace(/\s+\./, '.'));
  }
  parts.push(`Toewijzingsnummer ${a.number}. De aanbieder krijgt de toewijzing bij de volgende iJw-uitwisseling.`);
  if (a.decided_by === 'gi') parts.push('Dit is een eigen besluit van de GI binnen de maatregel, geen besluit van de gemeente: er komt geen beschikking van de gemeente.');
  return parts.join(' ');
}

// The "Toewijzen" section of help request `id`. `referrals`: the valid referrals of the help
// request (timeline events); `vocab`: the words of the help request's region; `done()` draws
// the page again.
export async function allocationSection(ui, id, referrals, vocab, done) {
  const { h, checkedField, clearFieldErrors, markField, button, alertBox, api, errorText } = ui;
  const section = h('section', { 'aria-labelledby': 'toewijzen-kop', id: 'toewijzen' });
  const title = h('h2', { class: 'utrecht-heading-2', id: 'toewijzen-kop' }, 'Toewijzen');
  const msg = h('div', { 'aria-live': 'polite', class: 'allocation-message' });
  const today = new Date().toISOString().slice(0, 10);
  let choices = null;

  const load = async (start) => {
    const r = await api('GET', `/api/v1/help-requests/${id}/allocation-choices${start ? `?start=${encodeURIComponent(start)}` : ''}`);
    return r.ok ? r.data : { error: r };
  };
  choices = await load(today);
  if (choices.error) {
    if (choices.error.status === 404) return null;
    section.append(title, alertBox('error', errorText(choices.error)));
    return section;
  }

  // the confirmation of what was just allocated, once
  let confirmation = null;
  const last = made.get(id);
  if (last) {
    made.delete(id);
    confirmation = h('div', {
      id: 'toewijzing-bevestiging', class: 'utrecht-alert utrecht-alert--ok', role: 'status', tabindex: '-1',
      'data-allocation-id': String(last.allocation.id), 'data-allocation-number': last.allocation.number,
    }, h('p', { class: 'utrecht-paragraph' }, madeText(last.allocation, last.formLabel, last.providerName, vocab.units)));
    for (const hook of allocationHooks.confirmed) hook(last.allocation, confirmation);
  }

  const formSelect = h('select', { name: 'form', required: true });
  const providerSelect = h('select', { name: 'provider', required: true });
  const basisSelect = h('select', { name: 'basis', required: true });
  const startInput = h('input', { name: 'start', type: 'date', value: today, required: true });
  const endInput = h('input', { name: 'end', type: 'date' });
  const resultInput = h('textarea', { name: 'result', rows: 2, maxlength: 1000 });
  const intensitySelect = h('select', { name: 'intensity' });
  const productHolder = h('div', {});
  const volumeInput = h('input', { name: 'volume', inputmode: 'numeric', autocomplete: 'off' });
  const unitSelect = h('select', { name: 'unit' }, h('option', { value: '' }, '— kies —'),
    (vocab.units || []).map((u) => h('option', { value: u.code }, u.label)));
  const frequencySelect = h('select', { name: 'frequency' });
  const none = h('p', { class: 'utrecht-paragraph', hidden: true });
  // how the municipality buys ambulant care, in the policy's words
  const own = (vocab.municipalities || []).find((m) => m.code === choices.municipality);
  const ownRegime = own && (vocab.regimes || []).find((g) => g.code === own.regime);
  const regimeNote = ownRegime
    ? h('p', { class: 'utrecht-paragraph' }, `Inkoop van ambulante jeugdhulp in ${own.label}: ${ownRegime.label}.${ownRegime.description ? ` ${ownRegime.description}` : ''}`)
    : null;
  const formNote = h('p', { class: 'utrecht-paragraph', hidden: true });
  const regimeFields = h('div', { class: 'form-grid' });

  const wraps = {
    end: checkedField(FIELDS.end, 'Einddatum', endInput, 'De laatste dag van de toewijzing. Leeg laten als de toewijzing geen einddatum heeft.'),
    result: checkedField(FIELDS.result, 'Te bereiken resultaat', resultInput, 'Wat het kind en het gezin met de hulp bereiken, in hun woorden.'),
    intensity: checkedField(FIELDS.intensity, 'Ondersteuningsbehoefte', intensitySelect, 'De intensiteit van de hulp (OB-niveau).'),
    product_code: productHolder,
    volume: checkedField(FIELDS.volume, 'Omvang', volumeInput, 'Een geheel getal, bijvoorbeeld 2.'),
    unit: checkedField(FIELDS.unit, 'Eenheid', unitSelect),
    frequency: checkedField(FIELDS.frequency, 'Frequentie', frequencySelect),
  };

  const formOf = () => choices.forms.find((f) => String(f.number) === formSelect.value);
  const providerOf = () => {
    const f = formOf();
    return f && f.providers.find((x) => String(x.id) === providerSelect.value);
  };
  const fill = (sel, options, keep) => {
    sel.replaceChildren(...options.map(([v, t]) => h('option', { value: v }, t)));
    if (keep !== undefined && options.some(([v]) => v === keep)) sel.value = keep;
  };

  // the forms: those with a contracted provider; the others named below the list
  const fillForms = () => {
    const keep = formSelect.value;
    const offered = choices.forms.filter((f) => f.providers.length);
    fill(formSelect, [['', '— kies een vorm —'], ...offered.map((f) => [String(f.number), `${f.number} — ${f.label}`])], keep);
    const without = choices.forms.filter((f) => !f.providers.length).map((f) => String(f.number));
    none.hidden = !without.length;
    none.textContent = without.length
      ? `Geen gecontracteerde zorgaanbieder op ${dutchDate(choices.date)} voor vorm ${without.join(', ')} in ${choices.municipality_name}.` : '';
  };
  // the providers of the chosen form, the basis, and the fields of its regime
  const fillForm = () => {
    const f = formOf();
    const keepProvider = providerSelect.value;
    fill(providerSelect, f
      ? [['', '— kies een zorgaanbieder —'], ...f.providers.map((x) => [String(x.id),
        `${x.name}${x.status !== 'active' ? ` (${x.status_label})` : ''}${x.contract_scope === 'region' ? ' — regionaal contract' : ''}`])]
      : [['', '— kies eerst een vorm —']], keepProvider);
    const keepBasis = basisSelect.value;
    const basis = referrals.filter((e) => f && e.number === f.number)
      .map((e) => [String(e.object_id), `verwijzing van ${e.text} (${dutchDate(e.day)})`]);
    // a GI's allocation within its measure is its own decision, never the municipality's
    fill(basisSelect, [...basis, ['besluit', choices.decision_by === 'gi'
      ? 'eigen besluit van de GI binnen de maatregel (geen besluit van de gemeente)'
      : 'besluit van de gemeente (geen verwijzing)']], keepBasis);
    // only the fields of the form's regime are on the page (what was typed in the others is kept
    // for when they come back); fields already there stay where they are, so that a redraw while
    // someone types (the offer of a new start date coming in) takes neither focus nor keystrokes
    const fields = f ? f.fields : [];
    const wanted = Object.entries(wraps).filter(([name]) => fields.includes(name)).map(([, wrap]) => wrap);
    const shown = [...regimeFields.children];
    if (shown.length !== wanted.length || shown.some((w, i) => w !== wanted[i])) regimeFields.replaceChildren(...wanted);
    const keepIntensity = intensitySelect.value;
    fill(intensitySelect, [['', '— kies —'], ...(f ? f.intensities : []).map((t, i) => [String(i + 1), t])], keepIntensity);
    const keepFrequency = frequencySelect.value;
    fill(frequencySelect, [['', '— kies —'], ...(f ? f.frequencies : []).map((t) => [t, t])], keepFrequency);
    fillProduct();
    formNote.textContent = !f ? ''
      : f.contracting !== 'local' ? `Vorm ${f.number} wordt regionaal ingekocht: geen resultaat of product, alleen de periode.`
        : !f.fields.length ? 'Een generieke verwijzing: geen resultaat, product of einddatum.'
          : '';
    formNote.hidden = !formNote.textContent;
  };
  // the product: chosen from the contract's codes when it lists them, else typed
  let productCodesShown = null; // the codes the product control was made for (a redraw with the same keeps it)
  const fillProduct = () => {
    const x = providerOf();
    const old = productHolder.querySelector('[name=product_code]');
    const keep = old ? old.value : '';
    const codes = x ? x.product_codes : [];
    if (old && productCodesShown === codes.join(',')) return;
    productCodesShown = codes.join(',');
    const control = codes.length
      ? h('select', { name: 'product_code' }, h('option', { value: '' }, '— kies —'), codes.map((c) => h('option', { value: c }, c)))
      : h('input', { name: 'product_code', autocomplete: 'off', maxlength: 16 });
    productHolder.replaceChildren(checkedField(FIELDS.product_code, 'Productcode', control,
      codes.length ? 'Een product uit het contract van de zorgaanbieder.' : 'De productcode uit het contract, bijvoorbeeld 45A01.'));
    if (keep && (!codes.length || codes.includes(keep))) control.value = keep;
  };

  formSelect.addEventListener('change', fillForm);
  providerSelect.addEventListener('change', fillProduct);
  // the contracts in force on the start date decide who is offered; `pending` is the offer of
  // a start date still being fetched, which the form waits for before it is read and sent (a
  // quick typist's submit would otherwise cross the offer's redrawing)
  let pending = null;
  startInput.addEventListener('change', () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(startInput.value)) return;
    const date = startInput.value;
    const loading = (async () => {
      const next = await load(date);
      if (next.error || startInput.value !== date) return; // a bad date is named when sent; a later date wins
      choices = next;
      fillForms();
      fillForm();
    })().catch(() => {}).finally(() => { if (pending === loading) pending = null; });
    pending = loading;
  });

  const send = button('Toewijzen');
  const form = h('form', { class: 'form-grid', novalidate: true, 'aria-labelledby': 'toewijzen-kop' },
    regimeNote,
    checkedField(FIELDS.form, 'Vorm van jeugdhulp', formSelect),
    none,
    formNote,
    checkedField(FIELDS.provider_id, 'Zorgaanbieder', providerSelect,
      'Alleen zorgaanbieders met een contract voor deze vorm in deze gemeente op de begindatum.'),
    checkedField(FIELDS.referral_id, 'Op grond van', basisSelect),
    checkedField(FIELDS.start, 'Begindatum', startInput),
    regimeFields,
    h('div', {}, send));
  fillForms();
  fillForm();

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (send.disabled) return;
    clearFieldErrors(form);
    msg.replaceChildren();
    // the confirmation of the allocation before this one is no longer news
    if (confirmation) { confirmation.remove(); confirmation = null; }
    if (pending) {
      send.disabled = true;
      form.setAttribute('aria-busy', 'true');
      try { await pending; } finally { send.disabled = false; form.removeAttribute('aria-busy'); }
    }
    const f = formOf();
    const x = providerOf();
    // what the form itself can tell before asking the server, at the field
    const missing = !f ? ['form', 'Kies een vorm van jeugdhulp.']
      : !x ? ['provider_id', 'Kies een zorgaanbieder.']
        : !startInput.value ? ['start', 'Geef de begindatum.'] : null;
    if (missing) {
      const control = markField(form, FIELDS[missing[0]], missing[1]);
      msg.replaceChildren(alertBox('error', missing[1]));
      if (control) control.focus();
      return;
    }
    const body = { provider_id: x.id, form: f.number, start: startInput.value };
    if (basisSelect.value === 'besluit') body.municipal_decision = true;
    else body.referral_id = Number(basisSelect.value);
    const shown = (name) => f.fields.includes(name);
    if (shown('end') && endInput.value) body.end = endInput.value;
    if (shown('result') && resultInput.value.trim()) body.result = resultInput.value.trim();
    if (shown('intensity') && intensitySelect.value) body.intensity = Number(intensitySelect.value);
    const product = form.querySelector('[name=product_code]');
    if (shown('product_code') && product && product.value.trim()) body.product_code = product.value.trim();
    if (shown('volume') && volumeInput.value.trim()) {
      const n = Number(volumeInput.value.trim());
      if (!Number.isInteger(n) || n < 1) {
        const control = markField(form, FIELDS.volume, 'Geef de omvang als een geheel getal groter dan 0.');
        msg.replaceChildren(alertBox('error', 'Geef de omvang als een geheel getal groter dan 0.'));
        if (control) control.focus();
        return;
      }
      body.volume = n;
    }
    if (shown('unit') && unitSelect.value) body.unit = unitSelect.value;
    if (shown('frequency') && frequencySelect.value) body.frequency = frequencySelect.value;
    send.disabled = true;
    form.setAttribute('aria-busy', 'true');
    try {
      const r = await api('POST', `/api/v1/help-requests/${id}/allocations`, body);
      if (!r.ok) {
        // what was typed stays; the field is named and gets the focus
        const e = (r.data && r.data.error) || {};
        const control = e.field && FIELDS[e.field] ? markField(form, FIELDS[e.field], e.message) : null;
        msg.replaceChildren(alertBox('error', control ? e.message : errorText(r)));
        (control || msg.querySelector('[role=alert]'))?.focus?.();
        return;
      }
      made.set(id, { allocation: r.data, formLabel: `vorm ${f.number} (${f.label})`, providerName: x.name });
      done();
    } finally {
      send.disabled = false;
      form.removeAttribute('aria-busy');
    }
  });

  section.append(title, ...(confirmation ? [confirmation] : []), msg, form);
  return section;
}
