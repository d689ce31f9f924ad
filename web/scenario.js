// The scenario screen (#/scenario, issue 16 point 6): a policy maker uploads a policy file (the
// region's policy with a change: a threshold, a form moved between local and regional, a new
// offer, another regime), the server re-routes the region's help requests under it (POST
// /api/v1/scenarios) and this shows what changes — youth care, out-of-home share and costs with
// their spread (p5 to p95 of the bootstrap), and per form and per municipality the expected
// allocations under the current policy and the scenario. The names of forms, offers and
// municipalities come from the answer, the regions from the vocabulary; a null in the answer is a
// suppressed small number and reads "onderdrukt". The helpers of app.js come in `ui`.

const SUPPRESSED = 'onderdrukt';

// A number in Dutch notation ("1.234", "-0,5"); decimals as asked.
function nl(value, decimals = 0) {
  return Number(value).toLocaleString('nl-NL', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

const signed = (v, decimals = 0) => (v > 0 ? `+${nl(v, decimals)}` : nl(v, decimals));

// One statistic with its spread: "101 (93 tot 109)", or "onderdrukt".
function spreadText(s, kind, diff = false) {
  if (s === null || s === undefined) return SUPPRESSED;
  const f = kind === '%' ? (v) => `${(diff ? signed : nl)(v * 100, 1)}%`
    : kind === '€' ? (v) => `€ ${(diff ? signed : nl)(v, 0)}` : (v) => (diff ? signed : nl)(v, 0);
  return `${f(s.value)} (${f(s.p5)} tot ${f(s.p95)})`;
}

const count = (v) => (v === null || v === undefined ? SUPPRESSED : nl(v));

const SVG = 'http://www.w3.org/2000/svg';
function svgEl(tag, attrs = {}, text) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (text !== undefined) el.textContent = text;
  return el;
}

// The expected allocations per form of youth care, now and in the scenario, as pairs of bars
// (now filled, the scenario outlined: told apart by more than colour), with a description in
// words of the largest changes and the table of "Per vorm" beside it. A suppressed number draws
// no bar and reads "onderdrukt".
function formsChart(ui, forms) {
  const { h } = ui;
  const care = forms.filter((f) => f.kind === 'youth_care');
  const values = care.flatMap((f) => [f.allocations.base, f.allocations.scenario]).filter((v) => v !== null && v !== undefined);
  const max = Math.max(1, ...values);
  const rowH = 44;
  const svg = svgEl('svg', { viewBox: `0 0 640 ${care.length * rowH + 10}`, role: 'img',
    'aria-labelledby': 'scenario-grafiek-titel', 'aria-describedby': 'scenario-grafiek-uitleg' });
  svg.classList.add('chart', 'chart-pairs');
  care.forEach((f, i) => {
    const y = i * rowH + 5;
    svg.append(svgEl('text', { x: 0, y: y + 24 }, `${f.form}. ${f.name}`.slice(0, 30)));
    [['base', 'nu'], ['scenario', 'scenario']].forEach(([key, word], k) => {
      const v = f.allocations[key];
      const by = y + k * 18 + 2;
      const shown = v !== null && v !== undefined;
      if (shown) svg.append(svgEl('rect', { x: 250, y: by, height: 14, width: Math.max(1, (v / max) * 300), class: k ? 'scenario' : 'base' }));
      svg.append(svgEl('text', { x: 256 + (shown ? (v / max) * 300 : 0), y: by + 12 }, `${word}: ${shown ? nl(v) : SUPPRESSED}`));
    });
  });
  const changes = care.filter((f) => typeof f.allocations.difference === 'number' && f.allocations.difference !== 0)
    .sort((a, b) => Math.abs(b.allocations.difference) - Math.abs(a.allocations.difference)).slice(0, 3);
  const words = changes.length
    ? `De grootste veranderingen: ${changes.map((f) => `${f.name} ${signed(f.allocations.difference)}`).join(', ')}.`
    : 'Geen vorm verandert (voor zover getoond).';
  const hidden = care.filter((f) => f.allocations.base === null || f.allocations.scenario === null).length;
  return h('figure', { class: 'chart-figure' },
    h('figcaption', {}, h('strong', { id: 'scenario-grafiek-titel' }, 'Verwachte toewijzingen per vorm: nu (gevuld) en in het scenario (open)'),
      h('p', { class: 'utrecht-paragraph', id: 'scenario-grafiek-uitleg' },
        `${words}${hidden ? ` Bij ${hidden} ${hidden === 1 ? 'vorm is' : 'vormen zijn'} een aantal onderdrukt.` : ''} De getallen staan ook in de tabel "Per vorm".`)),
    svg);
}
const diffCount = (v) => (v === null || v === undefined ? SUPPRESSED : signed(v));

function table(ui, caption, head, rows) {
  const { h } = ui;
  return h('table', { class: 'utrecht-table' },
    h('caption', { class: 'utrecht-table__caption' }, caption),
    h('thead', { class: 'utrecht-table__header' }, h('tr', { class: 'utrecht-table__row' },
      head.map((c, i) => h('th', { class: 'utrecht-table__header-cell', scope: 'col', ...(i > 0 ? { 'data-numeric': '' } : {}) }, c)))),
    h('tbody', { class: 'utrecht-table__body' }, rows.map((r) => h('tr', { class: 'utrecht-table__row' },
      r.map((c, i) => (i === 0 ? h('th', { class: 'utrecht-table__header-cell', scope: 'row' }, c)
        : h('td', { class: 'utrecht-table__cell utrecht-table__cell--numeric' }, c)))))));
}

function result(ui, r) {
  const { h, p, heading, tableWrap } = ui;
  const t = r.total;
  const pop = r.population;
  const totals = [
    ['Jeugdhulp (verwachte toewijzingen)', t.youth_care, ''],
    ['Verblijf buiten huis', t.out_of_home, ''],
    ['Aandeel buiten huis in de jeugdhulp', t.out_of_home_share, '%'],
  ];
  if (t.costs) totals.push(['Verwachte kosten', t.costs, '€']);
  const costsFrom = t.costs ? p(`De kosten volgen uit ${t.tariffs_source}.`) : p('Zonder tarieven zijn er geen kosten te berekenen.');
  const forms = r.forms.map((f) => [
    f.form ? `${f.form}. ${f.name}` : f.name,
    count(f.options.base), count(f.options.scenario),
    count(f.allocations.base), count(f.allocations.scenario), diffCount(f.allocations.difference),
    f.expected && f.expected.difference ? `${signed(f.expected.difference.p5)} tot ${signed(f.expected.difference.p95)}` : SUPPRESSED,
  ]);
  const munis = r.municipalities.map((m) => [m.name, count(m.requests),
    count(m.youth_care.base), count(m.youth_care.scenario), diffCount(m.youth_care.difference)]);
  const changedOffers = (r.offers || []).filter((o) => o.base !== o.scenario);
  return [
    heading(2, 'Uitkomst'),
    p(`Beleid nu: ${r.base.name} (${r.base.period}). Scenario: ${r.scenario.name} (${r.scenario.period}).`),
    p(`Hulpvragen: ${nl(pop.read)} gelezen, ${nl(pop.accepted)} meegeteld, ${nl(pop.refused)} niet te routeren (geen brede analyse), ${nl(pop.outside_region)} buiten de regio, ${nl(pop.not_in_scenario)} niet in het scenario. Spreiding: ${nl(r.resamples)} herhalingen (bootstrap)${r.outcomes === 'ja' ? ', met de historische uitkomsten' : ''}; tussen haakjes de band van 5% tot 95%.`),
    tableWrap('Totalen', table(ui, 'Totalen: nu, scenario en verschil (met spreiding)',
      ['', 'Nu', 'Scenario', 'Verschil'],
      totals.map(([label, s, kind]) => [label, spreadText(s.base, kind), spreadText(s.scenario, kind), spreadText(s.difference, kind, true)]))),
    costsFrom,
    formsChart(ui, r.forms),
    tableWrap('Per vorm', table(ui, 'Per vorm: opties en verwachte toewijzingen',
      ['Vorm', 'Opties nu', 'Opties scenario', 'Toewijzingen nu', 'Toewijzingen scenario', 'Verschil', 'Spreiding verschil'], forms)),
    tableWrap('Per gemeente', table(ui, 'Per gemeente: verwachte toewijzingen jeugdhulp',
      ['Gemeente', 'Hulpvragen', 'Jeugdhulp nu', 'Jeugdhulp scenario', 'Verschil'], munis)),
    changedOffers.length ? tableWrap('Aanbod', table(ui, 'Lichte hulp die anders wordt aangeboden',
      ['Aanbod', 'Nu', 'Scenario'], changedOffers.map((o) => [o.name, count(o.base), count(o.scenario)]))) : null,
    h('p', { class: 'utrecht-paragraph' }, `"${SUPPRESSED}": een aantal onder ${r.suppressed_below}, of een aantal waaruit zo'n klein aantal terug te rekenen is.`),
  ].filter((n) => n);
}

export async function scenarioScreen(ui) {
  const { h, p, show, api, alertBox, errorText, field, words, button, notify } = ui;
  // one's own region when one has one, else every region the server knows
  const all = (words && words.regions) || [];
  const own = words && words.region && words.region.code;
  const regions = own ? all.filter((r) => r.code === own) : all;
  const msg = h('div', { 'aria-live': 'polite' });
  const out = h('div', { id: 'scenario-uitkomst', tabindex: '-1' });
  const file = h('input', { name: 'policy', type: 'file', accept: 'application/json,.json', required: true });
  const regionSelect = h('select', { name: 'region' }, regions.map((r) => h('option', { value: r.code }, r.label)));
  const resamples = h('input', { name: 'resamples', type: 'number', min: 1, max: 10000, value: 1000, inputmode: 'numeric' });
  const form = h('form', { class: 'form-grid', novalidate: true, 'aria-label': 'Scenario doorrekenen' },
    field('scenario-beleid', 'Beleidsbestand van het scenario (JSON)', file,
      'Het beleid van de regio met uw wijziging, in de vorm van de beleidsbestanden (zie jeugdroute policy check).'),
    field('scenario-regio', 'Regio', regionSelect),
    field('scenario-herhalingen', 'Herhalingen van de bootstrap', resamples, 'Meer herhalingen geven een nauwkeuriger spreiding en duren langer (1 tot en met 10.000).'),
    h('div', {}, button('Doorrekenen')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    out.replaceChildren();
    const chosen = file.files && file.files[0];
    if (!chosen) { notify(msg, 'error', 'Kies eerst een beleidsbestand.'); return; }
    let policy;
    try { policy = JSON.parse(await chosen.text()); } catch { notify(msg, 'error', 'Het bestand is geen geldige JSON.'); return; }
    msg.replaceChildren(alertBox('info', 'Bezig met doorrekenen…'));
    const r = await api('POST', '/api/v1/scenarios', { policy, region: regionSelect.value, resamples: Number(resamples.value) });
    if (!r.ok) { notify(msg, 'error', errorText(r)); return; }
    msg.replaceChildren();
    out.replaceChildren(...result(ui, r.data));
    out.focus();
  });
  show('Scenario', p('Wat zou een ander beleid doen? De hulpvragen van de regio worden opnieuw gerouteerd onder het beleid van nu en onder uw scenario.'),
    regions.length ? null : alertBox('warning', 'Er is geen regio om door te rekenen.'), msg, form, out);
}
