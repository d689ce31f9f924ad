// The Regiovisie monitor (issue 16; docs/monitor.md), for policy makers and contract managers:
// the region's targets with their state, costs against the budgets (SVG bars with the numbers
// as text), the waiting list with the waits per month, and contracted places against occupancy.
// Every word of the tables — column names, forms, municipalities, targets, states — comes from
// the API (GET /api/v1/monitor/…); the regions to choose from from the vocabulary. A cell the
// server hid (small cells) or that does not exist is null and reads "–", never drawn.

const DASH = '–';

function cellText(v) {
  if (v === null || v === undefined) return DASH;
  if (typeof v === 'number') return v.toLocaleString('nl-NL', { maximumFractionDigits: 2 });
  return String(v);
}

// One table of the answer as it came, its columns' labels as headers. `keys` limits the columns
// (in that order); the first is the row header.
function monitorTable(ui, t, keys) {
  const { h, tableWrap } = ui;
  const cols = keys ? keys.map((k) => t.columns.find((c) => c.key === k)).filter(Boolean) : t.columns;
  return tableWrap(t.title, h('table', { class: 'utrecht-table', 'aria-describedby': 'monitor-uitleg' },
    h('caption', { class: 'utrecht-table__caption' }, t.title),
    h('thead', { class: 'utrecht-table__header' }, h('tr', { class: 'utrecht-table__row' },
      cols.map((c) => h('th', { class: 'utrecht-table__header-cell', scope: 'col' }, c.label)))),
    h('tbody', { class: 'utrecht-table__body' }, t.rows.length
      ? t.rows.map((row) => h('tr', { class: 'utrecht-table__row' }, cols.map((c, i) => i === 0
        ? h('th', { class: 'utrecht-table__header-cell', scope: 'row' }, cellText(row[c.key]))
        : h('td', { class: 'utrecht-table__cell' }, cellText(row[c.key])))))
      : h('tr', { class: 'utrecht-table__row' }, h('td', { class: 'utrecht-table__cell', colspan: String(cols.length) }, 'Geen gegevens.')))));
}

const SVG = 'http://www.w3.org/2000/svg';
function svgEl(tag, attrs, text) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

// Bars of a percentage per row, with the number as text beside each bar; a hidden value gets
// no bar, only the dash. The figure's caption and the SVG's label say the same in words.
function percentBars(ui, title, description, bars) {
  const { h } = ui;
  const rowH = 28, max = Math.max(100, ...bars.map((b) => b.value || 0));
  const svg = svgEl('svg', { viewBox: `0 0 640 ${bars.length * rowH + 10}`, role: 'img', class: 'chart',
    'aria-label': `${title}: ${bars.map((b) => `${b.label} ${b.value === null ? 'niet getoond' : `${cellText(b.value)} %`}`).join(', ')}` });
  bars.forEach((b, i) => {
    const y = i * rowH + 5;
    svg.append(svgEl('text', { x: 0, y: y + 18 }, b.label));
    if (b.value === null || b.value === undefined) {
      svg.append(svgEl('text', { x: 226, y: y + 18 }, DASH));
      return;
    }
    const w = (b.value / max) * 340;
    svg.append(svgEl('rect', { x: 220, y: y + 4, height: 18, width: w }));
    svg.append(svgEl('text', { x: 226 + w, y: y + 18 }, `${cellText(b.value)} %`));
  });
  return h('figure', { class: 'chart-figure' }, h('figcaption', {}, h('strong', {}, title), ' ', description), svg);
}

async function fetchPart(ui, part, query) {
  const r = await ui.api('GET', `/api/v1/monitor/${part}?${query}`);
  return r.ok ? { data: r.data } : { error: ui.errorText(r) };
}

export async function monitorScreen(ui) {
  const { h, p, show, heading, alertBox, field, select, button, words, link } = ui;
  const params = new URLSearchParams(location.hash.split('?')[1] || '');
  const regions = (words && words.regions) || [];
  const own = words && words.region ? words.region.code : (regions[0] && regions[0].code) || '';
  const region = params.get('regio') || own;
  const year = params.get('jaar') || String(new Date().getFullYear());
  const form = h('form', { class: 'form-grid', novalidate: true },
    field('monitor-regio', 'Regio', select(regions.map((r) => [r.code, r.label]), { name: 'region' })),
    field('monitor-jaar', 'Jaar', h('input', { name: 'year', inputmode: 'numeric', value: year }), 'Doelen en kosten gaan over een kalenderjaar; wachtlijst en capaciteit over vandaag.'),
    h('div', {}, button('Toon monitor')));
  form.region.value = region;
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    location.hash = `#/monitor?regio=${encodeURIComponent(form.region.value)}&jaar=${encodeURIComponent(form.year.value.trim())}`;
  });
  const q = `region=${encodeURIComponent(region)}&year=${encodeURIComponent(year)}`;
  const qDay = `region=${encodeURIComponent(region)}`;
  const [targets, costs, waiting, capacity] = await Promise.all([
    fetchPart(ui, 'targets', q), fetchPart(ui, 'costs', q), fetchPart(ui, 'waiting', qDay), fetchPart(ui, 'capacity', qDay)]);
  const explanation = h('p', { class: 'utrecht-paragraph', id: 'monitor-uitleg' },
    `Zodat niemand herkenbaar is, staat er “${DASH}” bij een aantal van 1 tot en met 4 kinderen of toewijzingen, en bij zoveel `
    + 'andere cijfers als nodig is om die niet uit totalen terug te rekenen; ook waar een cijfer niet bestaat (geen budget, geen '
    + 'streefwaarde). Waarom, staat er met opzet niet bij.');
  // one section per part; h() takes the list a part renders (one level deep)
  const part = (title, r, render) => h('section', {}, heading(2, title), r.error ? alertBox('error', r.error) : render(r.data));
  const name = (r) => (r && r.data ? r.data.region_name : region);
  show(`Monitor regiovisie${region ? ` — ${name(targets) || region}` : ''}`,
    form, explanation,
    part('Doelen', targets, (d) => [
      p(`Per gemeente en voor de regio in ${d.year}: de waarde uit de gegevens tegen de streefwaarde van dat jaar.`),
      monitorTable(ui, d.tables[0], ['municipality_name', 'target', 'baseline', 'target_value', 'value', 'state_label']),
      p(link(`/api/v1/monitor/targets?${q}&format=csv`, 'Download de doelen als CSV'))]),
    part('Kosten tegen het budget', costs, (d) => {
      const t = d.tables[0];
      return [
        percentBars(ui, `Werkelijke kosten in ${d.year} als deel van het budget`, 'Per gemeente, in procenten van het budget (geaccepteerde declaraties).',
          t.rows.map((row) => ({ label: cellText(row.municipality_name), value: row.actual_percent_of_budget }))),
        percentBars(ui, `Verwachte kosten in ${d.year} als deel van het budget`, 'Per gemeente, in procenten van het budget (toewijzingen maal tarief).',
          t.rows.map((row) => ({ label: cellText(row.municipality_name), value: row.expected_percent_of_budget }))),
        monitorTable(ui, t, t.columns.map((c) => c.key).filter((k) => k !== 'municipality')),
        monitorTable(ui, d.tables[2]),
        p(link(`/api/v1/monitor/costs?${q}&format=csv`, 'Download de kosten als CSV'))];
    }),
    part('Wachtlijst en wachttijd', waiting, (d) => [
      monitorTable(ui, d.tables[0]), monitorTable(ui, d.tables[1])]),
    part('Capaciteit en bezetting', capacity, (d) => [monitorTable(ui, d.tables[0])]));
}
