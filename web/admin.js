// The administrator's screens (issue 15 point 5): the users (#/, #/gebruikers/ID) — added with a
// password shown once, a name and an e-mail address, deactivated and reactivated, a password
// reset, another role, API tokens, a second factor reset — and the organisations
// (#/organisaties, #/organisaties/ID): created with their kind, edited, deactivated and
// reactivated. The helpers of app.js come in `ui` (bound per call); the kinds, roles and
// municipalities with their Dutch labels come from the vocabulary (ui.words), never from here.
// Everything from the server is put in as text.

import { dutchDate, dutchMoment } from './dates.js';

let ui, h, p, api, show, alertBox, notify, errorText, field, select, choices, label, words, button, link, heading, tableWrap;
let checkedField, clearFieldErrors, markField, vocabulary, main;
function bind(u) {
  ui = u;
  ({ h, p, api, show, alertBox, notify, errorText, field, select, choices, label, words, button, link, heading, tableWrap, checkedField, clearFieldErrors, markField, vocabulary } = u);
  main = document.getElementById('inhoud');
}

// The API's names of a new user's fields, and the ids of their controls.
const USER_FIELDS = { username: 'nieuwe-gebruiker', role: 'nieuwe-rol', organisation_id: 'nieuwe-organisatie', full_name: 'nieuwe-naam', email: 'nieuwe-email' };

// A refusal: at the field it names (what was typed stays), else in the message box.
function refused(form, box, r, fields) {
  clearFieldErrors(form);
  const e = r.data && r.data.error;
  const control = e && e.field && fields[e.field] ? markField(form, fields[e.field], e.message) : null;
  notify(box, 'error', errorText(r));
  if (control) control.focus();
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

export async function usersScreen(u) {
  bind(u);
  const [users, orgs] = await Promise.all([api('GET', '/api/v1/users'), api('GET', '/api/v1/organisations')]);
  if (!users.ok) { show('Gebruikers', alertBox('error', errorText(users))); return; }
  const orgItems = orgs.ok ? orgs.data.items : [];
  const orgName = new Map(orgItems.map((o) => [o.id, o.name]));
  const msg = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'form-grid', novalidate: true },
    checkedField('nieuwe-gebruiker', 'Gebruikersnaam', h('input', { name: 'username', autocomplete: 'off', required: true }),
      '3 tot 32 tekens: kleine letters, cijfers, punt, liggend streepje of koppelteken.'),
    checkedField('nieuwe-rol', 'Rol', select(choices(words.roles), { name: 'role' })),
    checkedField('nieuwe-organisatie', 'Organisatie', select(orgOptions(orgItems.filter((o) => o.active)), { name: 'organisation' }),
      'De rol moet passen bij de soort organisatie, bijvoorbeeld een consulent bij een lokaal team en een beheerder bij geen organisatie.'),
    checkedField('nieuwe-naam', 'Naam (niet verplicht)', h('input', { name: 'full_name', autocomplete: 'off', maxlength: 100 })),
    checkedField('nieuwe-email', 'E-mailadres (niet verplicht)', h('input', { name: 'email', type: 'email', autocomplete: 'off', maxlength: 254 }),
      'Het werkadres, bijvoorbeeld naam@gemeente.nl.'),
    h('div', {}, button('Gebruiker toevoegen')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const body = { username: form.username.value, role: form.role.value };
    if (form.organisation.value) body.organisation_id = Number(form.organisation.value);
    if (form.full_name.value.trim()) body.full_name = form.full_name.value.trim();
    if (form.email.value.trim()) body.email = form.email.value.trim();
    const r = await api('POST', '/api/v1/users', body);
    if (!r.ok) { refused(form, msg, r, USER_FIELDS); return; }
    await usersScreen(ui);
    notify(main.querySelector('[aria-live]'), 'ok',
      `Gebruiker ${r.data.username} is toegevoegd. Het wachtwoord is ${r.data.password} — geef het veilig door; het wordt niet opnieuw getoond.`);
  });
  show('Gebruikers', msg, form,
    tableWrap('Gebruikers', h('table', { class: 'utrecht-table' },
      h('caption', { class: 'utrecht-table__caption' }, `Gebruikers (${users.data.count})`),
      headRow('Gebruikersnaam', 'Naam', 'Rol', 'Organisatie', 'Tweede factor', 'Status', 'Sinds'),
      h('tbody', { class: 'utrecht-table__body' }, users.data.items.map((u) => h('tr', { class: 'utrecht-table__row' },
        ucell(link(`#/gebruikers/${u.id}`, u.username)), ucell(u.full_name || '—'), ucell(label(words.roles, u.role)),
        ucell(u.organisation_id ? (orgName.get(u.organisation_id) || String(u.organisation_id)) : '—'),
        ucell(u.second_factor ? 'ingesteld' : 'niet ingesteld'),
        ucell(userState(u)), ucell(dutchDate(u.created_at))))))));
}

// One user: deactivate or activate, reset the password (shown once), another role, API tokens.
export async function userScreen(u0, id) {
  bind(u0);
  const [user, orgs, tokens] = await Promise.all([api('GET', `/api/v1/users/${id}`),
    api('GET', '/api/v1/organisations'), api('GET', `/api/v1/users/${id}/tokens`)]);
  if (!user.ok) { show('Gebruiker', alertBox('error', errorText(user))); return; }
  const u = user.data;
  const orgItems = orgs.ok ? orgs.data.items : [];
  const msg = h('div', { 'aria-live': 'polite' });
  // after a change: the screen anew, with what happened in its live region
  const again = async (notice) => {
    await userScreen(ui, id);
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
    checkedField('rol-wijzigen', 'Rol', select(choices(words.roles), { name: 'role' })),
    checkedField('organisatie-wijzigen', 'Organisatie', select(orgOptions(orgItems), { name: 'organisation' })),
    h('div', {}, button('Rol opslaan')));
  roleForm.role.value = u.role;
  roleForm.organisation.value = u.organisation_id ? String(u.organisation_id) : '';
  roleForm.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const body = { role: roleForm.role.value };
    if (roleForm.organisation.value) body.organisation_id = Number(roleForm.organisation.value);
    const r = await api('POST', `/api/v1/users/${id}/role`, body);
    if (!r.ok) { refused(roleForm, msg, r, { role: 'rol-wijzigen', organisation_id: 'organisatie-wijzigen' }); return; }
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
  const detailsForm = h('form', { class: 'form-grid', novalidate: true, 'aria-label': 'Naam en e-mailadres' },
    checkedField('gebruiker-naam', 'Naam', h('input', { name: 'full_name', autocomplete: 'off', maxlength: 100 })),
    checkedField('gebruiker-email', 'E-mailadres', h('input', { name: 'email', type: 'email', autocomplete: 'off', maxlength: 254 }),
      'Het werkadres, bijvoorbeeld naam@gemeente.nl. Leeg: geen.'),
    h('div', {}, button('Naam en e-mail opslaan')));
  detailsForm.full_name.value = u.full_name || '';
  detailsForm.email.value = u.email || '';
  detailsForm.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const r = await api('POST', `/api/v1/users/${id}/details`, { full_name: detailsForm.full_name.value.trim(), email: detailsForm.email.value.trim() });
    if (!r.ok) { refused(detailsForm, msg, r, { full_name: 'gebruiker-naam', email: 'gebruiker-email' }); return; }
    await again(alertBox('ok', `De naam en het e-mailadres van ${r.data.username} zijn opgeslagen.`));
  });
  const factor = u.second_factor
    ? h('div', {}, p(`${u.username} heeft een tweede factor (een app die codes maakt). Is de telefoon kwijt en zijn de herstelcodes op, herstel dan de tweede factor: ${u.username} wordt uitgelogd en stelt bij de volgende inlog een nieuwe in.`),
      h('div', { class: 'button-row' }, secondary('Tweede factor herstellen', async () => {
        const r = await api('DELETE', `/api/v1/users/${id}/second-factor`);
        if (!r.ok) { notify(msg, 'error', errorText(r)); return; }
        await again(alertBox('ok', `De tweede factor van ${u.username} is hersteld; ${ended(r.data.sessions_ended)}.`));
      })))
    : p(`${u.username} heeft (nog) geen tweede factor.`);
  show(`Gebruiker ${u.username}`, p(link('#/', 'Terug naar de gebruikers')), msg,
    h('dl', { class: 'facts' },
      h('dt', {}, 'Naam'), h('dd', {}, u.full_name || '—'),
      h('dt', {}, 'E-mailadres'), h('dd', {}, u.email || '—'),
      h('dt', {}, 'Rol'), h('dd', {}, label(words.roles, u.role)),
      h('dt', {}, 'Organisatie'), h('dd', {}, u.organisation_id ? orgLabel(orgItems.find((o) => o.id === u.organisation_id) || { name: String(u.organisation_id), kind: u.organisation_kind }) : '—'),
      h('dt', {}, 'Status'), h('dd', {}, userState(u))),
    actions,
    heading(2, 'Naam en e-mailadres'), detailsForm,
    heading(2, 'Tweede factor'), factor,
    heading(2, 'Rol en organisatie'), p('Wie een andere rol of organisatie krijgt, wordt uitgelogd: zijn sessies en API-tokens eindigen.'), roleForm,
    heading(2, 'API-tokens'), p('Een API-token geeft een koppeling toegang met de rechten van deze gebruiker. Alleen de beheerder geeft tokens uit en trekt ze in.'),
    tokenTable, heading(3, 'Nieuw API-token'), tokenForm);
}


// The organisations: the list with each one's kind and state, and a new one. The kind decides
// which roles may work there (the server says when a role does not fit).
const ORG_FIELDS = { kind: 'org-soort', name: 'org-naam', municipality: 'org-gemeente', agb: 'org-agb' };
const orgState = (o) => (o.active ? 'actief' : 'gedeactiveerd: de gebruikers kunnen niet inloggen');

// The municipalities of every region the policies describe, per region, by name: the
// administrator works for all of them (each region's words from GET /api/v1/vocabulary?region=).
async function regionsMunicipalities() {
  const regions = words.regions || [];
  const vocabs = await Promise.all(regions.map((r) => vocabulary(`?region=${encodeURIComponent(r.code)}`)));
  return regions.map((r, i) => ({
    label: r.label,
    municipalities: [...((vocabs[i] && vocabs[i].municipalities) || [])].sort((a, b) => a.label.localeCompare(b.label, 'nl')),
  }));
}

// The form of an organisation (new, or `o` to edit), its controls named as the API's fields.
function organisationForm(o, submitText, regions) {
  const municipality = h('select', { name: 'municipality' }, h('option', { value: '' }, '— geen (regionaal) —'),
    regions.map((r) => h('optgroup', { label: r.label }, r.municipalities.map((m) => h('option', { value: m.code }, m.label)))));
  const form = h('form', { class: 'form-grid', novalidate: true, 'aria-label': submitText },
    checkedField(ORG_FIELDS.kind, 'Soort organisatie', select([['', '— kies —'], ...choices(words.organisation_kinds)], { name: 'kind', required: true })),
    checkedField(ORG_FIELDS.name, 'Naam', h('input', { name: 'name', autocomplete: 'off', maxlength: 100, required: true })),
    checkedField(ORG_FIELDS.municipality, 'Gemeente', municipality,
      'Verplicht voor een lokaal team; leeg voor een organisatie van de hele regio.'),
    checkedField(ORG_FIELDS.agb, 'AGB-code (niet verplicht)', h('input', { name: 'agb', inputmode: 'numeric', autocomplete: 'off', maxlength: 8 }),
      '8 cijfers, voor een huisartsenpraktijk, zorgaanbieder of gecertificeerde instelling.'),
    h('div', {}, button(submitText)));
  if (o) {
    form.kind.value = o.kind;
    form.name.value = o.name;
    form.municipality.value = o.municipality || '';
    form.agb.value = o.agb || '';
  }
  return form;
}

function organisationBody(form) {
  const body = { kind: form.kind.value, name: form.name.value.trim() };
  if (form.municipality.value) body.municipality = form.municipality.value;
  if (form.agb.value.trim()) body.agb = form.agb.value.trim();
  return body;
}

export async function organisationsScreen(u) {
  bind(u);
  const [orgs, regions] = await Promise.all([api('GET', '/api/v1/organisations'), regionsMunicipalities()]);
  if (!orgs.ok) { show('Organisaties', alertBox('error', errorText(orgs))); return; }
  const msg = h('div', { 'aria-live': 'polite' });
  const form = organisationForm(null, 'Organisatie toevoegen', regions);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearFieldErrors(form);
    if (!form.kind.value) {
      markField(form, ORG_FIELDS.kind, 'Kies de soort organisatie.');
      notify(msg, 'error', 'Niet opgeslagen: kies de soort organisatie.');
      form.kind.focus();
      return;
    }
    const r = await api('POST', '/api/v1/organisations', organisationBody(form));
    if (!r.ok) { refused(form, msg, r, ORG_FIELDS); return; }
    await organisationsScreen(ui);
    notify(main.querySelector('[aria-live]'), 'ok', `${r.data.name} is toegevoegd als ${label(words.organisation_kinds, r.data.kind)}.`);
  });
  const items = orgs.data.items;
  const munName = new Map(regions.flatMap((r) => r.municipalities.map((m) => [m.code, m.label])));
  show('Organisaties', msg,
    tableWrap('Organisaties', h('table', { class: 'utrecht-table' },
      h('caption', { class: 'utrecht-table__caption' }, `Organisaties (${items.length})`),
      headRow('Naam', 'Soort', 'Gemeente', 'AGB-code', 'Status'),
      h('tbody', { class: 'utrecht-table__body' }, items.map((o) => h('tr', { class: 'utrecht-table__row' },
        ucell(link(`#/organisaties/${o.id}`, o.name)), ucell(label(words.organisation_kinds, o.kind)),
        ucell(o.municipality ? (munName.get(o.municipality) || o.municipality) : '—'), ucell(o.agb || '—'),
        ucell(orgState(o))))))),
    heading(2, 'Nieuwe organisatie'), form);
}

// One organisation: edited, deactivated (its users' sessions end at once) or reactivated.
export async function organisationScreen(u, id) {
  bind(u);
  const [r0, regions] = await Promise.all([api('GET', `/api/v1/organisations/${id}`), regionsMunicipalities()]);
  if (!r0.ok) { show('Organisatie', p(link('#/organisaties', 'Terug naar de organisaties')), alertBox('error', errorText(r0))); return; }
  const o = r0.data;
  const msg = h('div', { 'aria-live': 'polite' });
  const again = async (notice) => {
    await organisationScreen(ui, id);
    notify(main.querySelector('[aria-live]'), 'ok', notice);
  };
  const form = organisationForm(o, 'Wijzigingen opslaan', regions);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const r = await api('POST', `/api/v1/organisations/${id}`, organisationBody(form));
    if (!r.ok) { refused(form, msg, r, ORG_FIELDS); return; }
    await again(`${r.data.name} is opgeslagen.`);
  });
  const sessions = (n) => (n === 1 ? '1 sessie of token is beëindigd' : `${n} sessies en tokens zijn beëindigd`);
  const toggle = h('button', {
    class: 'utrecht-button utrecht-button--secondary-action', type: 'button',
    onclick: async () => {
      const r = await api('POST', `/api/v1/organisations/${id}/${o.active ? 'deactivate' : 'activate'}`);
      if (!r.ok) { notify(msg, 'error', errorText(r)); return; }
      await again(o.active
        ? `${o.name} is gedeactiveerd: de gebruikers kunnen niet meer inloggen; ${sessions(r.data.ended_sessions)}.`
        : `${o.name} is weer actief: de gebruikers kunnen weer inloggen.`);
    },
  }, o.active ? 'Deactiveren' : 'Activeren');
  show(`Organisatie ${o.name}`, p(link('#/organisaties', 'Terug naar de organisaties')), msg,
    h('dl', { class: 'facts' },
      h('dt', {}, 'Soort'), h('dd', {}, label(words.organisation_kinds, o.kind)),
      h('dt', {}, 'Status'), h('dd', {}, orgState(o))),
    h('div', { class: 'button-row' }, toggle),
    p(o.active ? 'Wie bij een gedeactiveerde organisatie werkt, wordt meteen uitgelogd en kan niet inloggen tot zij weer actief is.' : ''),
    heading(2, 'Gegevens'), form);
}
