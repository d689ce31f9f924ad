// The social map (#/sociale-kaart, issue 14 point 8): what the neighbourhood offers, lightest help
// first, from GET /api/v1/socialmap. A search by words in the name or description (case and
// accents aside), the child's age, the municipality, a life domain and whether a referral is
// needed; each offer
// with what it is, its address, the ages it serves ("4 tot en met 18 jaar"), its cost and its own
// contact as links (tel:, mailto:, its website). An offer not verified within the region's norm
// is flagged, not hidden. The helpers of app.js come in `ui`; everything from the server is put
// in as text, and a link only where its address is of the kind it says (tel:, mailto:, http(s)).

// "2026-12-04" as 04-12-2026
const dutchDate = (iso) => (/^\d{4}-\d{2}-\d{2}$/.test(iso || '') ? iso.split('-').reverse().join('-') : '');

// The API's names of the fields, and the ids of their controls.
const FIELDS = { q: 'kaart-zoek', age: 'kaart-leeftijd', municipality: 'kaart-gemeente', need: 'kaart-domein', no_referral: 'kaart-vrij' };

// The ages an offer serves, in words; '' when it names none.
export function agesText(min, max) {
  const lo = Number.isInteger(min) && min >= 0 ? min : null;
  const hi = Number.isInteger(max) && max >= 0 ? max : null;
  if (lo !== null && hi !== null) return lo === hi ? `${lo} jaar` : `${lo} tot en met ${hi} jaar`;
  if (lo !== null) return `vanaf ${lo} jaar`;
  if (hi !== null) return `tot en met ${hi} jaar`;
  return '';
}

export async function socialMapScreen(ui) {
  const { h, p, show, api, checkedField, clearFieldErrors, markField, alertBox, errorText, choices, capital, words, button } = ui;
  const results = h('div', { id: 'kaart-resultaten', tabindex: '-1', 'aria-live': 'polite' });
  const general = h('div', {});
  const needSelect = h('select', { name: 'need' }, h('option', { value: '' }, 'alle levensdomeinen'),
    choices(words && words.needs).map(([c, t]) => h('option', { value: c }, capital(t))));
  // the municipalities of one's region, one's own first chosen; the API answers one's own when
  // none is asked
  const own = ui.me && ui.me.municipality;
  const municipalities = [...((words && words.municipalities) || [])].sort((a, b) => a.label.localeCompare(b.label, 'nl'));
  const muniSelect = h('select', { name: 'municipality' }, own ? null : h('option', { value: '' }, 'alle gemeenten'),
    municipalities.map((m) => h('option', { value: m.code, selected: m.code === own }, m.label)));
  const form = h('form', { class: 'form-grid', novalidate: true, 'aria-label': 'Zoeken op de sociale kaart' },
    checkedField(FIELDS.q, 'Zoekwoorden', h('input', { name: 'q', type: 'search', autocomplete: 'off', maxlength: 100 }),
      'Woorden uit de naam of de beschrijving, bijvoorbeeld "huiswerk" of "opvoedspreekuur". Hoofdletters en accenten maken niet uit.'),
    checkedField(FIELDS.age, 'Leeftijd van het kind', h('input', { name: 'age', inputmode: 'numeric', autocomplete: 'off' }),
      'In jaren; leeg laten voor elke leeftijd.'),
    municipalities.length ? checkedField(FIELDS.municipality, 'Gemeente', muniSelect) : null,
    checkedField(FIELDS.need, 'Levensdomein', needSelect),
    h('div', { class: 'utrecht-form-field utrecht-form-field--checkbox' },
      h('input', { type: 'checkbox', id: FIELDS.no_referral, name: 'free', class: 'utrecht-checkbox utrecht-checkbox--html-input' }),
      h('label', { class: 'utrecht-form-label utrecht-form-label--checkbox', for: FIELDS.no_referral }, 'Alleen zonder verwijzing')),
    h('div', {}, button('Zoeken')));

  const row = (key, ...value) => h('div', { class: 'utrecht-data-list__item' },
    h('dt', { class: 'utrecht-data-list__item-key' }, key), h('dd', { class: 'utrecht-data-list__item-value' }, ...value));
  const link = (href, text) => h('a', { class: 'utrecht-link', href }, text);
  const contactLinks = (e) => {
    const links = [];
    const digits = (e.phone || '').replace(/[^0-9+]/g, '');
    if (e.phone && digits) links.push(link(`tel:${digits}`, e.phone));
    if (e.email && /^[^\s@<>"']+@[^\s@<>"']+\.[^\s@<>"']+$/.test(e.email)) links.push(link(`mailto:${e.email}`, e.email));
    if (e.website && /^https?:\/\/[^\s<>"']+$/.test(e.website)) links.push(link(e.website, e.website.replace(/^https?:\/\//, '')));
    return links;
  };
  const entry = (e) => {
    const ages = agesText(e.age_min, e.age_max);
    const links = contactLinks(e);
    return h('li', { class: 'stack social-entry' },
      h('h2', { class: 'utrecht-heading-2' }, `${e.service} — ${e.organisation}`),
      e.stale ? alertBox('warning', `Niet nagekeken sinds ${dutchDate(e.verified_on)}: controleer dit voordat u het een gezin aanraadt.`) : null,
      e.description ? p(e.description) : null,
      h('dl', { class: 'utrecht-data-list' },
        e.address ? row('Adres', e.address) : (e.location ? row('Plaats', e.location) : null),
        ages ? row('Leeftijd', ages) : null,
        e.cost ? row('Kosten', e.cost) : null,
        row('Verwijzing', e.no_referral ? 'niet nodig' : 'nodig'),
        links.length ? row('Contact', h('ul', { class: 'contact-list' }, links.map((a) => h('li', {}, a)))) : null,
        e.contact ? row(links.length ? 'Bereikbaar' : 'Contact', e.contact) : null,
        row('Nagekeken', dutchDate(e.verified_on))));
  };

  const search = async (focus) => {
    clearFieldErrors(form);
    general.replaceChildren();
    const q = new URLSearchParams();
    const text = form.q.value.trim();
    if (text) q.set('q', text);
    if (form.municipality && form.municipality.value) q.set('municipality', form.municipality.value);
    if (form.need.value) q.set('need', form.need.value);
    const age = form.age.value.trim();
    if (age) {
      if (!/^\d{1,2}$/.test(age) || Number(age) > 27) {
        // what was typed stays; the field says what it wants
        const control = markField(form, FIELDS.age, 'Geef de leeftijd als een geheel getal van 0 tot en met 27.');
        if (control) control.focus();
        return;
      }
      q.set('age', age);
    }
    if (form.free.checked) q.set('no_referral', 'true');
    const r = await api('GET', `/api/v1/socialmap?${q}`);
    if (!r.ok) {
      const e = (r.data && r.data.error) || {};
      const control = e.field && FIELDS[e.field] ? markField(form, FIELDS[e.field], e.message) : null;
      if (control) control.focus();
      else general.replaceChildren(alertBox('error', errorText(r)));
      results.replaceChildren();
      return;
    }
    const items = r.data.items || [];
    results.replaceChildren(...(items.length
      ? [p(items.length === 1 ? '1 voorziening gevonden.' : `${items.length} voorzieningen gevonden.`),
        h('ul', { class: 'plain-list' }, items.map(entry))]
      : [p('Geen voorzieningen gevonden. Probeer andere woorden of laat een filter weg.')]));
    if (focus) results.focus();
  };
  form.addEventListener('submit', (ev) => { ev.preventDefault(); search(true); });
  show('Sociale kaart', p('Wat de wijk biedt, lichtste hulp eerst. Een voorziening die te lang niet is nagekeken wordt gemeld, niet verborgen.'),
    form, general, results);
  await search(false);
}
