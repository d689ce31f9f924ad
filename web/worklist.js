// The consulent's work list (issue 14, point 2) on the home screen, and the assignment of a help
// request on its page. "Mijn cases" (assigned to me) and "Wachtrij van het team" (assigned to
// nobody) are two views of GET /api/v1/help-requests; a form filters by step, deadline and
// assignee and sorts by the nearest deadline; the counts per step come with every answer. The
// filters live in the address (#/?lijst=…&stap=…&termijn=…&sortering=…), so that the back button
// and a bookmark keep them. The steps' names come from the vocabulary (words.help_request_states),
// the deadlines' words from the server; every text from the server is put in as text.
// Given the UI's helpers by app.js, so that it shares their look and their way with errors.

// 2026-12-04 → 04-12-2026
const dutchDate = (iso) => (/^\d{4}-\d{2}-\d{2}$/.test(iso || '') ? iso.split('-').reverse().join('-') : '');

// The views and the values of the filters, as the address and the API spell them.
const VIEWS = [
  ['mijn', 'Mijn cases', 'me'],
  ['wachtrij', 'Wachtrij van het team', 'none'],
  ['alle', 'Alle open hulpvragen', 'any'],
];
const DEADLINES = [['any', 'Alle termijnen'], ['overdue', 'Verlopen'], ['soon', 'Binnenkort']];
const SORTS = [['deadline', 'Dichtstbijzijnde termijn eerst'], ['raised', 'Nieuwste melding eerst']];

// The filters the address asks for, each checked against what it may be.
function asked(steps) {
  const q = location.hash.indexOf('?');
  const params = new URLSearchParams(q < 0 ? '' : location.hash.slice(q + 1));
  const pick = (name, allowed, dflt) => (allowed.includes(params.get(name)) ? params.get(name) : dflt);
  const who = params.get('lijst') || 'mijn';
  const page = Number(params.get('pagina'));
  return {
    view: /^(mijn|wachtrij|alle|\d{1,12})$/.test(who) ? who : 'mijn',
    step: pick('stap', ['open', ...steps], 'open'),
    deadline: pick('termijn', DEADLINES.map((d) => d[0]), 'any'),
    sort: pick('sortering', SORTS.map((s) => s[0]), 'deadline'),
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

// The address of the list with filters `f`.
function address(f) {
  const q = new URLSearchParams({ lijst: f.view, stap: f.step, termijn: f.deadline, sortering: f.sort });
  if (f.page > 1) q.set('pagina', String(f.page));
  return `#/?${q}`;
}

// What the list's "toegewezen aan" says of a help request.
function assigneeText(hr, me) {
  if (!hr.assignee) return 'niemand (wachtrij)';
  return hr.assignee.id === me.user_id ? `${hr.assignee.username} (u)` : hr.assignee.username;
}

// How many days, in words, for the nearest deadline.
function daysText(d) {
  const unit = d.unit === 'workdays' ? 'werkdag' : 'dag';
  const n = Math.abs(d.days_left);
  const units = n === 1 ? unit : `${unit}en`;
  if (d.days_left > 0) return `nog ${n} ${units}`;
  if (d.days_left === 0) return 'vandaag';
  return `${n} ${units} geleden`;
}

// The work list for the home screen: the nodes to show (a heading, the views, the filters, the
// counts, the table or what says it is empty, the pager).
export async function worklistSection(ui) {
  const { h, heading, p, api, link, label, words, me, tableWrap, field, select, button, alertBox, errorText } = ui;
  const states = (words && words.help_request_states) || [];
  const openSteps = states.map((s) => s.code).filter((c) => c !== 'closed' && c !== 'withdrawn');
  const f = asked(openSteps);
  const view = VIEWS.find((v) => v[0] === f.view);
  const assignee = view ? view[2] : f.view; // a consulent's number
  const perPage = 25;
  const query = new URLSearchParams({ assignee, state: f.step, deadline: f.deadline, sort: f.sort,
    page: String(f.page), per_page: String(perPage) });
  const [list, people] = await Promise.all([api('GET', `/api/v1/help-requests?${query}`),
    api('GET', '/api/v1/help-requests/assignees')]);
  const stepText = (code) => label(states, code);
  const out = [heading(2, 'Werklijst')];

  // the two views of the issue, and all, as links (the current one marked)
  out.push(h('nav', { class: 'worklist-views', 'aria-label': 'Werklijst' },
    h('ul', { class: 'plain-list worklist-view-list' }, VIEWS.map(([code, text]) => h('li', {},
      h('a', { class: 'utrecht-link', href: address({ ...f, view: code, page: 1 }), 'aria-current': f.view === code ? 'page' : null }, text))))));

  // the filters as a form: stap, termijn, toegewezen aan, sortering
  const others = people.ok ? people.data.items : [];
  const whoOptions = [['mijn', 'Mij'], ['wachtrij', 'Niemand (wachtrij van het team)'], ['alle', 'Iedereen'],
    ...others.filter((u) => u.id !== me.user_id).map((u) => [String(u.id), u.username])];
  const form = h('form', { class: 'form-grid worklist-filters', 'aria-label': 'Filters van de werklijst' },
    field('werklijst-stap', 'Stap', select([['open', 'Alle open stappen'], ...openSteps.map((c) => [c, stepText(c)])], { name: 'stap' })),
    field('werklijst-termijn', 'Termijn', select(DEADLINES, { name: 'termijn' }), 'De eerstvolgende termijn van de hulpvraag.'),
    field('werklijst-toegewezen', 'Toegewezen aan', select(whoOptions, { name: 'lijst' })),
    field('werklijst-sortering', 'Sorteren', select(SORTS, { name: 'sortering' })),
    h('div', {}, button('Filters toepassen')));
  form.stap.value = f.step;
  form.termijn.value = f.deadline;
  form.lijst.value = whoOptions.some((o) => o[0] === f.view) ? f.view : 'mijn';
  form.sortering.value = f.sort;
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    location.hash = address({ view: form.lijst.value, step: form.stap.value, deadline: form.termijn.value, sort: form.sortering.value, page: 1 });
  });
  out.push(form);

  if (!list.ok) { out.push(alertBox('error', errorText(list))); return out; }
  const data = list.data;
  // the counts per step for these filters but the step: "Aangemeld 12 · Geanalyseerd 3 …"
  const counts = openSteps.filter((c) => typeof data.counts[c] === 'number');
  out.push(h('p', { class: 'utrecht-paragraph worklist-counts', id: 'werklijst-aantallen' },
    'Per stap: ',
    counts.flatMap((c, i) => [i ? ' · ' : null,
      h('a', { class: 'utrecht-link', href: address({ ...f, step: c, page: 1 }), 'aria-current': f.step === c ? 'page' : null },
        `${stepText(c).charAt(0).toUpperCase()}${stepText(c).slice(1)} ${data.counts[c]}`)])));

  const title = view ? view[1] : `Toegewezen aan ${(others.find((u) => String(u.id) === f.view) || { username: `consulent ${f.view}` }).username}`;
  if (!data.items.length) {
    const empty = {
      mijn: 'U heeft geen cases die bij deze filters passen.',
      wachtrij: 'De wachtrij van het team is leeg voor deze filters.',
    }[f.view] || 'Geen hulpvragen die bij deze filters passen.';
    out.push(p(empty), f.view === 'mijn' ? p(link(address({ ...f, view: 'wachtrij', page: 1 }), 'Naar de wachtrij van het team')) : null);
    return out;
  }
  const cell = (...c) => h('td', { class: 'utrecht-table__cell' }, ...c);
  const head = (...names) => h('thead', { class: 'utrecht-table__header' }, h('tr', { class: 'utrecht-table__row' },
    names.map((t) => h('th', { class: 'utrecht-table__header-cell', scope: 'col' }, t))));
  const rows = data.items.map((it) => {
    const hr = it.help_request;
    const d = it.deadline;
    return h('tr', { class: 'utrecht-table__row' },
      cell(link(`#/hulpvraag/${hr.id}`, `${it.child.given_names} ${it.child.family_name}`)),
      cell(dutchDate(hr.raised_on)),
      cell(stepText(hr.state)),
      cell(d ? h('span', { class: `deadline deadline-${d.state} worklist-deadline` },
        h('strong', { class: 'deadline-state' }, d.state_label), ' ', d.label, ': ', dutchDate(d.due), ` (${daysText(d)})`)
        : 'geen lopende termijn'),
      cell(assigneeText(hr, me)),
      cell(hr.household_id ? link(`#/gezin/${hr.household_id}`, 'Gezin') : '—'));
  });
  out.push(tableWrap(title, h('table', { class: 'utrecht-table' },
    h('caption', { class: 'utrecht-table__caption' }, `Open hulpvragen — ${title} (${data.total})`),
    head('Kind', 'Gemeld op', 'Stap', 'Eerstvolgende termijn', 'Toegewezen aan', 'Gezin'),
    h('tbody', { class: 'utrecht-table__body' }, rows))));
  const pages = Math.max(1, Math.ceil(data.total / perPage));
  if (pages > 1) {
    out.push(h('nav', { class: 'pager', 'aria-label': 'Pagina\'s van de werklijst' },
      f.page > 1 ? link(address({ ...f, page: f.page - 1 }), 'Vorige pagina') : null,
      h('span', { 'aria-current': 'page' }, `Pagina ${f.page} van ${pages}`),
      f.page < pages ? link(address({ ...f, page: f.page + 1 }), 'Volgende pagina') : null));
  }
  return out;
}

// The "Toegewezen aan" block of a help request's page: who has it, "Zelf oppakken" when that
// is not oneself (not "Toewijzen…": on the same page that word is the allocation of care), and
// "Overdragen" to another consulent of the team or back to the queue.
// `done(text)` shows the page again with a confirmation; `fail(res)` shows a refusal.
export async function assigneeSection(ui, hr, done, fail) {
  const { h, p, api, me, field, select, button } = ui;
  const box = h('section', { class: 'stack', 'aria-labelledby': 'toegewezen-kop' },
    h('h2', { class: 'utrecht-heading-2', id: 'toegewezen-kop' }, 'Toegewezen aan'));
  const who = hr.assignee;
  box.append(p(!who ? 'Nog niemand: de hulpvraag staat in de wachtrij van het team.'
    : who.id === me.user_id ? `U (${who.username}).` : who.username));
  const assign = async (userId, text) => {
    const res = await api('POST', `/api/v1/help-requests/${hr.id}/assignee`, { user_id: userId, version: hr.version });
    if (!res.ok) { fail(res); return; }
    done(text);
  };
  if (!who || who.id !== me.user_id) {
    const mine = h('form', {}, button('Zelf oppakken'));
    mine.addEventListener('submit', (ev) => { ev.preventDefault(); assign(me.user_id, 'De hulpvraag is aan u toegewezen.'); });
    box.append(mine);
  }
  const people = await api('GET', '/api/v1/help-requests/assignees');
  const options = (people.ok ? people.data.items : []).filter((u) => !who || u.id !== who.id)
    .map((u) => [String(u.id), u.id === me.user_id ? `${u.username} (u)` : u.username]);
  if (who) options.push(['', 'Niemand: terug naar de wachtrij van het team']);
  if (options.length) {
    const hand = h('form', { class: 'form-grid' },
      field('overdragen-aan', 'Overdragen aan', select(options, { name: 'to' }), 'Een consulent van het lokale team van de gemeente.'),
      h('div', {}, button('Overdragen', { class: 'utrecht-button utrecht-button--secondary-action' })));
    hand.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const to = hand.to.value;
      const name = hand.to.selectedOptions[0] ? hand.to.selectedOptions[0].textContent : '';
      assign(to ? Number(to) : null, to ? `De hulpvraag is overgedragen aan ${name}.` : 'De hulpvraag staat weer in de wachtrij van het team.');
    });
    box.append(hand);
  }
  return box;
}

// What a history entry of an assignment says: to whom, or back to the queue, and by whom.
export function assignmentText(e) {
  const to = e.text ? `aan ${e.text}` : 'terug naar de wachtrij van het team';
  return e.extra ? `${to} (door ${e.extra.replace(/^user:/, '')})` : to;
}
