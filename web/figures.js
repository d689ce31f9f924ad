// The policy dashboard (issue 16 point 1; moved out of app.js): the regional figures of one's own
// region per municipality for a period, and over time — per month, quarter or year — as line and
// bar charts, each with a text description (figcaption) and a table beside it. The region, its
// name and its municipalities come from the server (the vocabulary and the figures): nothing of a
// region is written here. Suppression is the server's (docs/figures.md): a suppressed figure is
// null, reads "onderdrukt" and is never drawn; a wait or mean over fewer than five youths is
// null with the server's reason. The helpers of app.js come in `ui`.

import { dutchDate } from './dates.js';

// The figures of the table per municipality: key, Dutch label, kind (n count, % share, d days).
const FIGURE_LABELS = [
  ['help_requests', 'Hulpvragen', 'n'], ['settled_without_youth_care_share', 'Afgerond zonder jeugdhulp', '%'],
  ['children_in_youth_care', 'Kinderen in jeugdhulp', 'n'], ['light_share', 'Lichte vormen van jeugdhulp', '%'],
  ['children_away_from_home', 'Kinderen uit huis (verblijf)', 'n'], ['compulsory_share', 'Gedwongen kader', '%'],
  ['wait_referral_to_allocation_days_median', 'Wachttijd verwijzing → toewijzing, mediaan (dagen)', 'd'],
  ['wait_referral_to_allocation_days_p90', 'idem, 90e percentiel (dagen)', 'd'],
  ['wait_allocation_to_start_days_median', 'Wachttijd toewijzing → start, mediaan (dagen)', 'd'],
  ['goals_reached_share', 'Doelen bereikt', '%'], ['continued_without_help_share', 'Verder zonder hulp', '%'],
  ['repeat_request_share', 'Herhaalde hulpvraag binnen een jaar', '%'],
  ['drop_out_share', 'Uitval (voortijdig eenzijdig beëindigd)', '%'],
  ['satisfaction_mean', 'Tevredenheid (1–10)', 'm'],
];
const SUPPRESSED = 'onderdrukt';
const FEW = 'te weinig jeugdigen';

// Whether a share of the row has nothing to be a share of (its denominator is a shown 0).
function shareOfNothing(row, key) {
  const zero = (...keys) => keys.every((k) => row[k] === 0);
  switch (key) {
    case 'settled_without_youth_care_share': case 'repeat_request_share': return zero('help_requests');
    case 'light_share': return zero('children_in_youth_care');
    case 'compulsory_share': return zero('allocations_compulsory', 'allocations_voluntary');
    case 'goals_reached_share': case 'continued_without_help_share': case 'drop_out_share': return zero('care_ended');
    default: return false;
  }
}

function figureText(row, key, kind) {
  const v = row[key];
  if (v === null || v === undefined) {
    if (row[`${key}_reason`]) return FEW;
    return kind === '%' && shareOfNothing(row, key) ? 'geen' : SUPPRESSED;
  }
  if (kind === '%') return `${Math.round(v * 100)}%`;
  if (kind === 'm') return String(v).replace('.', ',');
  return String(v);
}

const SVG = 'http://www.w3.org/2000/svg';
function svgEl(tag, attrs = {}, text) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

// A bar chart as SVG, with the numbers as text too; role img with a description. A suppressed
// value (null) gets no bar, only the word.
function barChart(ui, title, bars) {
  const { h } = ui;
  const max = Math.max(1, ...bars.map((b) => b.value || 0));
  const rowH = 28;
  const svg = svgEl('svg', { viewBox: `0 0 600 ${bars.length * rowH + 10}`, role: 'img',
    'aria-label': `${title}: ${bars.map((b) => `${b.label} ${b.value === null ? SUPPRESSED : b.value}`).join(', ')}` });
  svg.classList.add('chart');
  bars.forEach((b, i) => {
    const y = i * rowH + 5;
    const hidden = b.value === null || b.value === undefined;
    svg.append(svgEl('text', { x: 0, y: y + 18 }, b.label));
    if (!hidden) svg.append(svgEl('rect', { x: 220, y: y + 4, height: 18, width: (b.value / max) * 320 }));
    svg.append(svgEl('text', { x: 226 + (hidden ? 0 : (b.value / max) * 320), y: y + 18 }, hidden ? SUPPRESSED : String(b.value)));
  });
  return h('figure', { class: 'chart-figure' }, h('figcaption', {}, h('strong', {}, title)), svg);
}

// The text of one value of a series line.
function valueText(v, kind) {
  if (v === null || v === undefined) return SUPPRESSED;
  if (kind === '%') return `${Math.round(v * 100)}%`;
  if (kind === 'm') return String(v).replace('.', ',');
  return kind === 'd' ? `${v} dagen` : String(v);
}

// What a line says, in words: first and last shown value, the highest, and how many periods are
// not shown.
function describeLine(line, periods) {
  const shown = line.values.map((v, i) => [v, periods[i]]).filter(([v]) => v !== null && v !== undefined);
  const missing = line.values.length - shown.length;
  if (!shown.length) return `${line.label}: in geen periode getoond.`;
  const [first, last] = [shown[0], shown[shown.length - 1]];
  const top = shown.reduce((a, b) => (b[0] > a[0] ? b : a));
  let text = `${line.label}: ${valueText(first[0], line.kind)} in ${first[1]}`;
  if (shown.length > 1) text += `, ${valueText(last[0], line.kind)} in ${last[1]}; het hoogst ${valueText(top[0], line.kind)} in ${top[1]}`;
  if (missing) text += `; in ${missing} ${missing === 1 ? 'periode' : 'perioden'} niet getoond`;
  return `${text}.`;
}

const DASHES = ['', '6 4', '2 3', '10 3 2 3'];
const MARKS = ['circle', 'square', 'diamond', 'triangle'];

function mark(kind, x, y) {
  switch (kind) {
    case 'square': return svgEl('rect', { x: x - 4, y: y - 4, width: 8, height: 8 });
    case 'diamond': return svgEl('polygon', { points: `${x},${y - 5} ${x + 5},${y} ${x},${y + 5} ${x - 5},${y}` });
    case 'triangle': return svgEl('polygon', { points: `${x},${y - 5} ${x + 5},${y + 4} ${x - 5},${y + 4}` });
    default: return svgEl('circle', { cx: x, cy: y, r: 4 });
  }
}

// A line chart of one or more lines over the periods, with a described caption and the table
// alternative; lines differ by dash and marker, not by colour only. A null value breaks the line
// and gets no marker.
let chartCount = 0;
function lineChart(ui, title, periods, lines) {
  const { h } = ui;
  const id = `grafiek-${++chartCount}`;
  const W = 640, H = 240, left = 56, right = 16, top = 12, bottom = 40;
  const all = lines.flatMap((l) => l.values).filter((v) => v !== null && v !== undefined);
  const kind = lines[0].kind;
  const max = Math.max(kind === '%' ? 0.1 : 1, ...all) * 1.1;
  const x = (i) => left + (periods.length === 1 ? (W - left - right) / 2 : (i * (W - left - right)) / (periods.length - 1));
  const y = (v) => top + (H - top - bottom) * (1 - v / max);
  const svg = svgEl('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': `${id}-titel`, 'aria-describedby': `${id}-uitleg` });
  svg.classList.add('chart-line');
  // the axes, three ticks on the y axis
  svg.append(svgEl('line', { x1: left, y1: top, x2: left, y2: H - bottom, class: 'axis' }));
  svg.append(svgEl('line', { x1: left, y1: H - bottom, x2: W - right, y2: H - bottom, class: 'axis' }));
  for (const t of [0, max / 2, max / 1.1]) {
    svg.append(svgEl('text', { x: left - 6, y: y(t) + 4, 'text-anchor': 'end' }, valueText(kind === 'n' || kind === 'd' ? Math.round(t) : t, kind === 'd' ? 'n' : kind)));
  }
  const every = Math.max(1, Math.ceil(periods.length / 8));
  periods.forEach((label, i) => {
    if (i % every === 0 || i === periods.length - 1) svg.append(svgEl('text', { x: x(i), y: H - bottom + 18, 'text-anchor': 'middle' }, label));
  });
  lines.forEach((line, k) => {
    let path = '';
    let pen = false;
    line.values.forEach((v, i) => {
      if (v === null || v === undefined) { pen = false; return; }
      path += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)} `;
      pen = true;
    });
    const g = svgEl('g', { class: `line line-${k}` });
    if (path) g.append(svgEl('path', { d: path.trim(), fill: 'none', 'stroke-dasharray': DASHES[k % DASHES.length] || 'none' }));
    line.values.forEach((v, i) => { if (v !== null && v !== undefined) g.append(mark(MARKS[k % MARKS.length], x(i), y(v))); });
    svg.append(g);
  });
  const legend = lines.length > 1
    ? h('ul', { class: 'chart-legend' }, lines.map((l, k) => h('li', {}, `${l.label} (${['doorgetrokken lijn, rondjes', 'gestreepte lijn, vierkantjes', 'gestippelde lijn, ruitjes', 'streep-stippellijn, driehoekjes'][k % 4]})`)))
    : null;
  const table = h('table', { class: 'utrecht-table' },
    h('caption', { class: 'utrecht-table__caption' }, `${title}: de cijfers`),
    h('thead', { class: 'utrecht-table__header' }, h('tr', { class: 'utrecht-table__row' },
      h('th', { class: 'utrecht-table__header-cell', scope: 'col' }, 'Periode'),
      lines.map((l) => h('th', { class: 'utrecht-table__header-cell', scope: 'col' }, l.label)))),
    h('tbody', { class: 'utrecht-table__body' }, periods.map((label, i) => h('tr', { class: 'utrecht-table__row' },
      h('th', { class: 'utrecht-table__header-cell', scope: 'row' }, label),
      lines.map((l) => h('td', { class: 'utrecht-table__cell' }, l.values[i] === null && l.reasons && l.reasons[i] ? FEW : valueText(l.values[i], l.kind)))))));
  return h('figure', { class: 'chart-figure' },
    h('figcaption', {}, h('strong', { id: `${id}-titel` }, title),
      h('p', { class: 'utrecht-paragraph', id: `${id}-uitleg` }, lines.map((l) => describeLine(l, periods)).join(' ')), legend),
    svg,
    h('details', {}, h('summary', {}, `Tabel bij “${title}”`), ui.tableWrap(`${title}: tabel`, table)));
}

// The pickers: the region (only one's own), the period and the grain. `choice` holds what was
// chosen; `go` renders again with it.
function pickers(ui, region, choice, go) {
  const { h, field, select, button } = ui;
  const grain = select([['maand', 'per maand'], ['kwartaal', 'per kwartaal'], ['jaar', 'per jaar']], { name: 'grain' });
  grain.value = choice.grain;
  const form = h('form', { class: 'form-grid', 'aria-label': 'Kies regio, periode en indeling' },
    field('cijfers-regio', 'Regio', select([[region.code, region.label]], { name: 'region' }),
      'U ziet alleen de cijfers van uw eigen regio.'),
    field('cijfers-van', 'Van', h('input', { type: 'date', name: 'from', value: choice.from, required: true })),
    field('cijfers-tot', 'Tot en met', h('input', { type: 'date', name: 'to', value: choice.to, required: true })),
    field('cijfers-indeling', 'Indeling', grain),
    button('Toon de cijfers'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    go({ region: data.get('region'), from: data.get('from'), to: data.get('to'), grain: data.get('grain') });
  });
  return form;
}

let remembered = null; // the last choice, for this session

export async function dashboardScreen(ui, choice = remembered) {
  const { h, p, show, api, alertBox, errorText, link, heading, words } = ui;
  const today = new Date().toISOString().slice(0, 10);
  const region = words && words.region;
  const year = Number(today.slice(0, 4));
  const c = choice || { region: region ? region.code : '', from: `${year - 2}-01-01`, to: today, grain: 'kwartaal' };
  remembered = c;
  const q = `from=${encodeURIComponent(c.from)}&to=${encodeURIComponent(c.to)}`;
  // The table per municipality is of one whole calendar year (the year of "tot en met"): the
  // server publishes tables of a month, a quarter or a year only, all cut from one pattern of
  // hidden cells, so that no two answers can be set against each other.
  const tableYear = String(c.to || today).slice(0, 4);
  const tq = `from=${tableYear}-01-01&to=${tableYear}-12-31${region ? `&region=${encodeURIComponent(c.region)}` : ''}`;
  const [table, series] = await Promise.all([
    api('GET', `/api/v1/figures?${tq}`),
    region ? api('GET', `/api/v1/figures?region=${encodeURIComponent(c.region)}&${q}&grain=${encodeURIComponent(c.grain)}`) : null,
  ]);
  const form = region ? pickers(ui, region, c, (next) => dashboardScreen(ui, next)) : null;
  if (!table.ok || (series && !series.ok)) {
    show('Regionale cijfers', form, alertBox('error', errorText(table.ok ? series : table)));
    return;
  }
  const rows = table.data.rows;
  const total = rows[rows.length - 1];
  // one bar per form the figures count (children_form_N), light to heavy
  const forms = Object.keys(total).map((k) => /^children_form_(\d+)$/.exec(k)).filter(Boolean)
    .map((m) => ({ label: `vorm ${m[1]}`, value: total[m[0]] }));
  const explanation = h('p', { class: 'utrecht-paragraph', id: 'cijfers-onderdrukt' },
    `Periode ${dutchDate(table.data.period.from)} tot en met ${dutchDate(table.data.period.to)}. Zodat niemand herkenbaar is, staat bij een cijfer “${SUPPRESSED}” `
    + 'als het over 1 tot en met 4 kinderen gaat, en ook bij zoveel andere cijfers '
    + 'als nodig is om die kleine aantallen niet uit totalen en percentages terug te kunnen rekenen. Waarom een cijfer onderdrukt is, '
    + `staat er met opzet niet bij. Een wachttijd of gemiddelde over minder dan 5 jeugdigen staat er niet (“${FEW}”). “geen”: er is niets om een percentage van te nemen.`);
  const perMunicipality = ui.tableWrap('Cijfers per gemeente', h('table', { class: 'utrecht-table', 'aria-describedby': 'cijfers-onderdrukt' },
    h('caption', { class: 'utrecht-table__caption' }, `Per gemeente, ${dutchDate(table.data.period.from)} tot en met ${dutchDate(table.data.period.to)}`),
    h('thead', { class: 'utrecht-table__header' }, h('tr', { class: 'utrecht-table__row' },
      h('th', { class: 'utrecht-table__header-cell', scope: 'col' }, 'Gemeente'),
      FIGURE_LABELS.map(([, label]) => h('th', { class: 'utrecht-table__header-cell', scope: 'col' }, label)))),
    h('tbody', { class: 'utrecht-table__body' }, rows.map((row) => h('tr', { class: 'utrecht-table__row' },
      h('th', { class: 'utrecht-table__header-cell', scope: 'row' }, row.name || row.municipality),
      FIGURE_LABELS.map(([key, , kind]) => h('td', { class: 'utrecht-table__cell' }, figureText(row, key, kind))))))));
  const overTime = [];
  if (series) {
    const s = series.data.series;
    const periods = s.map((x) => x.period);
    const totals = s.map((x) => x.rows[x.rows.length - 1]);
    const line = (key, label, kind) => ({ label, kind, values: totals.map((t) => t[key] ?? null), reasons: totals.map((t) => t[`${key}_reason`] || null) });
    const grainWord = { maand: 'per maand', kwartaal: 'per kwartaal', jaar: 'per jaar' }[series.data.grain] || '';
    const regionName = region.label;
    overTime.push(heading(2, `Verloop ${grainWord}, ${regionName}`),
      p(`Van ${dutchDate(series.data.from)} tot en met ${dutchDate(series.data.to)}, de regio als geheel (alleen haar eigen gemeenten), in hele perioden: `
        + 'het begin schuift terug naar het begin van zijn periode, het einde door naar het einde van de zijne. ',
        link(`/api/v1/figures?region=${encodeURIComponent(c.region)}&${q}&grain=${encodeURIComponent(c.grain)}&format=csv`, 'Download het verloop als CSV')),
      lineChart(ui, `Hulpvragen ${grainWord}`, periods, [line('help_requests', 'Hulpvragen', 'n'), line('allocations_started', 'Toewijzingen gestart', 'n')]),
      lineChart(ui, `Afgerond zonder jeugdhulp, herhaalde hulpvraag en uitval ${grainWord}`, periods, [
        line('settled_without_youth_care_share', 'Afgerond zonder jeugdhulp', '%'),
        line('repeat_request_share', 'Herhaalde hulpvraag binnen een jaar', '%'),
        line('drop_out_share', 'Uitval', '%'),
        line('goals_reached_share', 'Doelen bereikt', '%')]),
      lineChart(ui, `Wachttijden ${grainWord}, mediaan in dagen`, periods, [
        line('wait_referral_to_allocation_days_median', 'Verwijzing → toewijzing', 'd'),
        line('wait_allocation_to_start_days_median', 'Toewijzing → start', 'd')]));
  }
  show('Regionale cijfers',
    form,
    explanation,
    ...overTime,
    heading(2, `Per gemeente, ${tableYear}`),
    p(`Het kalenderjaar ${tableYear}. `, link(`/api/v1/figures?${tq}&format=csv`, 'Download alle cijfers als CSV')),
    barChart(ui, 'Kinderen in jeugdhulp per vorm (regio)', forms),
    barChart(ui, 'Wachttijd verwijzing → toewijzing per gemeente, mediaan in dagen',
      rows.slice(0, -1).map((row) => ({ label: row.name || row.municipality, value: row.wait_referral_to_allocation_days_median }))),
    perMunicipality);
}
