// The page of a help request (#/hulpvraag/ID, issue 14 point 6): a page that tells. Who the
// child is (name, birth date and age, the BSN masked, municipality, address), the household and
// its members, the coordinator (regisseur) with a button to assign or change, the terms, the
// broad analysis as saved, the routing advice as it was given (kept after weighing a light
// option), the goals with their review dates, the evaluations, allocation, the journal and the
// child's history — each entry naming its child, in words, never codes: a rule's or policy's
// reference waits behind "Waarom?".
//
// The screen's parts from elsewhere come in `ui` from app.js (its helpers, the vocabulary, the
// allocation form, the terms and the journal), so that this file adds no globals and the other
// screens keep theirs. Everything from the server is put in as text.

import { ageOn, dutchDate } from './dates.js';

// The state a help request is in, in a sentence's words, when the step to it needs a button.
const STEP_LABEL = {
  analysed: 'Analyse afronden', planned: 'Plan vaststellen', in_care: 'Zorg is gestart',
  evaluated: 'Evalueren', closed: 'Afsluiten',
};

// A routing answer's reason as the engine writes it: the sentence, then the rules and policy
// keys it came from between square brackets. Split so that the references can wait behind a
// disclosure.
export function splitWhy(why) {
  const text = String(why || '');
  const at = text.lastIndexOf(' [');
  if (at < 0 || !text.endsWith(']')) return { sentence: text, refs: '' };
  return { sentence: text.slice(0, at), refs: text.slice(at + 2, -1) };
}

// A "Waarom?" disclosure: the reason in words, and the rule and policy references under it.
export function whyBox(ui, why, extra) {
  const { h, p } = ui;
  const { sentence, refs } = splitWhy(why);
  if (!sentence && !refs && !extra) return null;
  return h('details', { class: 'why' }, h('summary', {}, 'Waarom?'),
    sentence ? p(sentence) : null,
    refs ? p(h('span', { class: 'why-refs' }, `Regel en beleid: ${refs}`)) : null,
    extra || null);
}

// An address in one line, as a letter would have it; '' when the records know none.
function addressText(a) {
  if (!a || !a.street) return '';
  const number = [a.house_number, a.house_letter, a.house_addition ? `-${a.house_addition}` : ''].join('');
  return `${a.street} ${number}, ${a.postcode ? `${a.postcode.slice(0, 4)} ${a.postcode.slice(4)} ` : ''}${a.place || ''}`.trim();
}

const years = (n) => (n === 1 ? '1 jaar' : `${n} jaar`);

// One item of a definition list.
function fact(ui, key, ...value) {
  const { h } = ui;
  return h('div', { class: 'utrecht-data-list__item' },
    h('dt', { class: 'utrecht-data-list__item-key' }, key),
    h('dd', { class: 'utrecht-data-list__item-value' }, ...value));
}

// What an event of a timeline says, in words: the records keep codes (a measure's kind, a light
// option's id, a form's number, a reason, whether goals were reached); the vocabulary names them.
// `vocab` is the vocabulary of the child's region.
export function eventText(ui, e, vocab) {
  const { label, formText, words } = ui;
  switch (e.kind) {
    case 'assignment': return ui.assignmentText(e);
    case 'measure': return label(words.measures, e.text);
    case 'advice': return `beleid van regio ${label(words.regions, e.text)}`;
    case 'light_option': return `${label(vocab && vocab.light_options, e.text)}${e.number ? ' (geprobeerd)' : ' (niet geprobeerd)'}`;
    case 'goal': return e.extra ? `${e.text} (evalueren op ${dutchDate(e.extra)})` : e.text;
    case 'allocation': return `${e.text} (vorm ${formText(e.number, vocab)})`;
    case 'referral': return `${e.text} (vorm ${formText(e.number, vocab)}${e.extra === 'valid' ? '' : ', niet geldig'})`;
    case 'alloc_change': return `${e.text} (vorm ${formText(e.number, vocab)}), reden: ${label(words.change_reasons, e.extra).toLowerCase()}`;
    case 'evaluation': return `${label(words.evaluation_kinds, e.extra).toLowerCase()}, doelen bereikt: ${label(words.goals_reached, e.text).toLowerCase()}`;
    case 'care_stop': return e.extra ? `${e.text} (doelen bereikt: ${label(words.goals_reached, e.extra).toLowerCase()})` : e.text;
    case 'help_request': return e.text;
    default: return e.text || '';
  }
}

// A timeline, oldest first; each entry names its child: `names` maps a child's id to the name
// to show (the child's own page: its given name; a family's page: each child's).
export function timelineList(ui, events, vocab, names = new Map()) {
  const { h, p, label, words } = ui;
  if (!events.length) return p('Nog niets vastgelegd.');
  return h('ol', { class: 'timeline' }, events.map((e) => h('li', {},
    h('span', { class: 'day' }, dutchDate(e.day)), ' ',
    h('span', { class: 'who' }, names.get(e.child_id) || 'dit kind'), ' — ',
    h('strong', {}, label(words.event_kinds, e.kind)), ': ', eventText(ui, e, vocab))));
}

// The header: who the child is. The BSN is masked; the whole number only on request, which
// reads the person again (an audited read, GET /api/v1/persons/{id}).
function header(ui, hr, vocab) {
  const { h, api, errorText, words, label } = ui;
  const c = hr.child;
  const bsn = h('span', { id: 'kind-bsn' }, c.bsn_masked || 'niet bekend');
  const reveal = h('button', { class: 'utrecht-button utrecht-button--secondary-action', type: 'button' }, 'Volledig BSN tonen');
  reveal.addEventListener('click', async () => {
    const r = await api('GET', `/api/v1/persons/${c.id}`);
    if (!r.ok) { bsn.textContent = errorText(r); return; }
    bsn.textContent = r.data.bsn;
    reveal.remove();
    bsn.setAttribute('tabindex', '-1');
    bsn.focus();
  });
  const address = addressText(c.address);
  return h('section', { class: 'case-header', 'aria-labelledby': 'kind-kop' },
    h('h2', { class: 'utrecht-heading-2', id: 'kind-kop' }, `${c.given_names} ${c.family_name}`),
    h('dl', { class: 'utrecht-data-list' },
      fact(ui, 'Geboren', `${dutchDate(c.birth_date)} (${years(c.age)})`),
      fact(ui, 'BSN', bsn, ' ', c.bsn_masked ? reveal : null,
        c.bsn_masked ? h('div', { class: 'utrecht-form-field-description' }, 'Alleen de laatste vier cijfers; het hele nummer tonen wordt vastgelegd.') : null),
      fact(ui, 'Gemeente', label(vocab.municipalities, c.municipality)),
      address ? fact(ui, 'Adres', address) : null,
      fact(ui, 'Vraag', hr.question),
      h('div', { class: 'utrecht-data-list__item' },
        h('dt', { class: 'utrecht-data-list__item-key' }, 'Stap'),
        h('dd', { class: 'utrecht-data-list__item-value', id: 'hulpvraag-stap' }, hr.state_label)),
      fact(ui, 'Gemeld', `${dutchDate(hr.raised_on)}, door ${label(words.raised_by, hr.raised_by).toLowerCase()}`)));
}

// The household: its members by name, role and age, the link to its page, and its coordinator
// (regisseur) with the choice of one. `say(kind, text)` tells the page's message region.
async function householdSection(ui, hr, reload, say) {
  const { h, p, api, link, label, words, me, errorText, field, select, button } = ui;
  const section = h('section', { 'aria-labelledby': 'gezin-kop' },
    h('h2', { class: 'utrecht-heading-2', id: 'gezin-kop' }, 'Gezin en regisseur'));
  if (!hr.household) {
    section.append(p('Dit kind hoort bij geen vastgelegd huishouden.'));
    return section;
  }
  const hh = hr.household;
  const fam = await api('GET', `/api/v1/households/${hh.id}`);
  const members = fam.ok ? fam.data.members : [];
  section.append(members.length
    ? h('ul', { class: 'utrecht-unordered-list household-members' }, members.map((m) => h('li', {},
      `${m.given_names} ${m.family_name}`,
      ` (${label(words.household_roles, m.role).toLowerCase()}${m.person_id === hr.child_id ? ', dit kind' : ''}, ${years(ageOn(m.birth_date))})`)))
    : p(fam.ok ? 'Geen leden bekend.' : errorText(fam)),
  p(link(`#/gezin/${hh.id}`, 'Naar de pagina van het gezin')));
  const who = hh.coordinator;
  section.append(p(h('strong', {}, 'Regisseur: '), who ? who.name : 'nog niemand',
    who && who.user_id === me.user_id ? ' (u)' : ''));
  if (me.role !== 'consulent') return section;
  const list = await api('GET', `/api/v1/households/${hh.id}/coordinators`);
  if (!list.ok) { section.append(p(errorText(list))); return section; }
  const assign = async (userId) => {
    const r = await api('POST', `/api/v1/households/${hh.id}/coordinator`, { user_id: userId, version: hh.version });
    if (!r.ok) { say('error', errorText(r)); return; }
    await reload(`${r.data.coordinator.name} is nu de regisseur van dit gezin.`);
  };
  const choices = list.data.items.filter((u) => !who || u.user_id !== who.user_id);
  if (!choices.length) { section.append(p('Er is geen andere consulent van deze gemeente om regisseur te maken.')); return section; }
  const form = h('form', { class: 'form-grid', novalidate: true },
    field('regisseur', who ? 'Andere regisseur' : 'Regisseur', select([['', '— kies een consulent —'],
      ...choices.map((u) => [String(u.user_id), u.user_id === me.user_id ? `${u.name} (u)` : u.name])], { name: 'user' }),
    'Een consulent van de gemeente: één gezin, één plan, één regisseur.'),
    h('div', { class: 'button-row' }, button(who ? 'Regisseur wijzigen' : 'Regisseur toewijzen'),
      choices.some((u) => u.user_id === me.user_id)
        ? h('button', { class: 'utrecht-button utrecht-button--secondary-action', type: 'button', id: 'regisseur-ikzelf', onclick: () => assign(me.user_id) }, 'Ikzelf als regisseur')
        : null));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (!form.user.value) { say('error', 'Kies eerst een consulent (veld: regisseur).'); form.user.focus(); return; }
    await assign(Number(form.user.value));
  });
  section.append(form);
  return section;
}

// The broad analysis as saved: the needs per life domain with their level, and its words.
function analysisView(ui, a) {
  const { h, p, words, capital, tableWrap } = ui;
  const max = words.need_max_level;
  const level = (n) => (n === 0 ? '0 — geen zorg' : n === max ? `${n} — zeer ernstig` : String(n));
  const cell = (...c) => h('td', { class: 'utrecht-table__cell' }, ...c);
  return h('section', { 'aria-labelledby': 'analyse-kop' },
    h('h2', { class: 'utrecht-heading-2', id: 'analyse-kop' }, 'Brede verklarende analyse'),
    p(`Vastgelegd op ${dutchDate(a.made_on)}, samen met: ${a.participants}.`),
    tableWrap('Ernst per levensdomein', h('table', { class: 'utrecht-table' },
      h('caption', { class: 'utrecht-table__caption' }, `Ernst per levensdomein (0 tot en met ${max})`),
      h('thead', { class: 'utrecht-table__header' }, h('tr', { class: 'utrecht-table__row' },
        ['Levensdomein', 'Ernst'].map((t) => h('th', { class: 'utrecht-table__header-cell', scope: 'col' }, t)))),
      h('tbody', { class: 'utrecht-table__body' }, words.needs.map((n) => h('tr', { class: 'utrecht-table__row' },
        h('th', { class: 'utrecht-table__header-cell', scope: 'row' }, capital(n.label)),
        cell(level(a.needs[n.code] || 0))))))),
    h('h3', { class: 'utrecht-heading-3' }, 'Uitleg'), p(a.explanation),
    a.hypotheses ? h('h3', { class: 'utrecht-heading-3' }, 'Verklarende hypothesen') : null,
    a.hypotheses ? p(a.hypotheses) : null);
}

function analysisForm(ui, id, done, fail) {
  const { h, words, capital, field, select, button } = ui;
  const max = words.need_max_level;
  const levels = Array.from({ length: max + 1 }, (_, i) => [String(i),
    i === 0 ? '0 — geen zorg' : i === max ? `${i} — zeer ernstig` : String(i)]);
  const selects = words.needs.map((n) => field(`ernst-${n.code}`, capital(n.label), select(levels, { name: n.code })));
  const form = h('form', { class: 'form-grid', novalidate: true },
    h('fieldset', { class: 'utrecht-form-fieldset' }, h('legend', { class: 'utrecht-form-fieldset__legend' }, `Ernst per levensdomein (0 tot en met ${max})`), selects),
    field('uitleg', 'Uitleg', h('textarea', { name: 'explanation', rows: 3, required: true })),
    field('deelnemers', 'Wie deden mee', h('input', { name: 'participants', required: true }),
      'Wie aan de analyse meededen, bijvoorbeeld moeder, kind en mentor.'),
    field('hypothesen', 'Verklarende hypothesen', h('textarea', { name: 'hypotheses', rows: 2 })),
    h('div', {}, button('Analyse vastleggen')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const needs = {};
    for (const n of words.needs) needs[n.code] = Number(form[n.code].value);
    const body = { needs, explanation: form.explanation.value, participants: form.participants.value };
    if (form.hypotheses.value) body.hypotheses = form.hypotheses.value;
    const r = await ui.api('POST', `/api/v1/help-requests/${id}/analysis`, body);
    if (!r.ok) { fail(r); return; }
    done('De analyse is vastgelegd.');
  });
  return h('section', {}, ui.heading(2, 'Brede verklarende analyse'), form);
}

// The goals of the plan with their review dates; the form to add one while the plan is made.
function goalsSection(ui, id, goals, withForm, done, fail) {
  const { h, p, field, button, heading } = ui;
  const list = goals.length
    ? h('ul', { class: 'utrecht-unordered-list goal-list' }, goals.map((g) => h('li', {},
      g.text, g.review_on ? ` — evalueren op ${dutchDate(g.review_on)}` : ' — nog geen evaluatiedatum')))
    : p('Nog geen doelen.');
  if (!withForm) return h('section', {}, heading(2, 'Plan: doelen'), list);
  const form = h('form', { class: 'form-grid', novalidate: true },
    field('doel', 'Doel, in de woorden van het gezin', h('textarea', { name: 'text', rows: 2, required: true })),
    field('evaluatie', 'Evalueren op', h('input', { name: 'review_on', type: 'date' }), 'Een datum, bijvoorbeeld 04-03-2027; leeg laten mag.'),
    h('div', {}, button('Doel toevoegen')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const body = { text: form.text.value };
    if (form.review_on.value) body.review_on = form.review_on.value;
    const r = await ui.api('POST', `/api/v1/help-requests/${id}/goals`, body);
    if (!r.ok) { fail(r); return; }
    done('Het doel is toegevoegd.');
  });
  return h('section', {}, heading(2, 'Plan: doelen'), list, form);
}

// A routing answer's options, lightest first: each by its name and kind, and why behind
// "Waarom?".
function optionsList(ui, answer) {
  const { h, label, words } = ui;
  return h('ol', { class: 'utrecht-ordered-list advice-options' }, (answer.options || []).map((o) => h('li', {},
    h('strong', {}, o.name || label(words.option_kinds, o.kind)), ` (${label(words.option_kinds, o.kind)}`,
    o.referral_required ? ', met verwijzing' : '', ')',
    whyBox(ui, o.why))));
}

// The routing advice: the one kept (as given, with its date), and while the help request is
// analysed the question for (new) advice and the weighing of a light option.
function adviceSection(ui, id, hr, analysed, done, fail) {
  const { h, p, heading, button, capital, words } = ui;
  const out = h('div', { 'aria-live': 'polite' });
  const kept = hr.advice;
  const show = (answer, given) => {
    const light = (answer.options || []).filter((o) => o.kind === 'social_base' || o.kind === 'no_referral');
    out.replaceChildren(...[
      h('h3', { class: 'utrecht-heading-3' }, 'Opties, lichtste eerst'),
      given ? p(`Gegeven op ${dutchDate(given)} onder het beleid van ${ui.label(words.regions, hr.advice ? hr.advice.region : '')}.`) : null,
      (answer.warnings || []).length ? h('ul', { class: 'utrecht-unordered-list' }, answer.warnings.map((w) => h('li', {}, typeof w === 'string' ? splitWhy(w).sentence : splitWhy(w.why || w.text || '').sentence))) : null,
      optionsList(ui, answer),
      analysed ? lightForm(ui, id, light, done, fail) : null,
    ].filter(Boolean));
  };
  if (kept && kept.answer) show(kept.answer, kept.given_at);
  else if (!analysed) return null;
  else out.replaceChildren(p('Nog geen routeadvies gevraagd.'));
  if (!analysed) return h('section', {}, heading(2, 'Routeadvies'), out);
  // the parents' own problems, in the words the API serves: each brings its domain's help
  const context = (words.family_context || []).map((c) => h('div', { class: 'utrecht-form-field utrecht-form-field--checkbox' },
    h('div', { class: 'utrecht-form-field__label utrecht-form-field__label--checkbox' },
      h('label', { class: 'utrecht-form-label utrecht-form-label--checkbox', for: `gezin-${c.code}` },
        h('input', { type: 'checkbox', id: `gezin-${c.code}`, name: 'family_context', value: c.code, class: 'utrecht-checkbox utrecht-checkbox--html-input utrecht-form-field__input' }),
        capital(c.label)))));
  const form = h('form', {},
    context.length ? h('fieldset', { class: 'utrecht-form-fieldset' }, h('legend', { class: 'utrecht-form-fieldset__legend' }, 'Problemen van ouders of gezin'), context) : null,
    button(kept ? 'Routeadvies opnieuw vragen' : 'Routeadvies vragen'));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const chosen = [...form.querySelectorAll('input[name="family_context"]:checked')].map((x) => x.value);
    const r = await ui.api('POST', `/api/v1/help-requests/${id}/advice`, chosen.length ? { family_context: chosen } : {});
    if (!r.ok) { fail(r); return; }
    show(r.data, null);
  });
  return h('section', {}, heading(2, 'Routeadvies en lichte opties'), form, out);
}

function lightForm(ui, id, options, done, fail) {
  const { h, p, field, select, button } = ui;
  if (!options.length) return p('Er is geen licht aanbod om te wegen.');
  const form = h('form', { class: 'form-grid', novalidate: true },
    field('aanbod', 'Licht aanbod', select(options.map((o) => [o.id, o.name || o.id]), { name: 'option' })),
    field('geprobeerd', 'Geprobeerd?', select([['', '— kies —'], ['true', 'Ja'], ['false', 'Nee']], { name: 'tried' })),
    field('waarom', 'Waarom volstaat het niet?', h('textarea', { name: 'why', rows: 2, required: true })),
    h('div', {}, button('Afweging vastleggen')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (!form.tried.value) { // whether it was tried is the consulent's to say, never preset
      fail({ status: 422, data: { error: { message: 'Kies of het lichte aanbod geprobeerd is.' } } });
      return;
    }
    const r = await ui.api('POST', `/api/v1/help-requests/${id}/light-options`, {
      option_id: form.option.value, tried: form.tried.value === 'true', why_not_enough: form.why.value,
    });
    if (!r.ok) { fail(r); return; }
    done('De afweging van het lichte aanbod is vastgelegd.');
  });
  return h('section', {}, h('h3', { class: 'utrecht-heading-3' }, 'Lichte optie gewogen'), form);
}

// The evaluations, and the form of the one that is due: between while care runs, closing once
// it stopped. Nothing in the form is filled in beforehand: what was found is the consulent's to
// say with the family.
// The API's names of the evaluation's fields, and the ids of their controls.
const EVALUATION_FIELDS = {
  held_on: 'evaluatie-datum', goals_reached: 'evaluatie-doelen', family_view: 'evaluatie-gezin',
  next_steps: 'evaluatie-vervolg', kind: 'evaluatie-doelen',
};

function evaluationSection(ui, id, hr, done, fail) {
  const { h, p, checkedField, clearFieldErrors, markField, select, button, choices, words, me, label } = ui;
  const c = hr.course;
  // interim while care runs; closing once it stopped, until the closing one is there
  const closed = hr.evaluations.some((e) => e.kind === 'closing');
  const kind = c.care_running > 0 ? 'interim'
    : c.care_started > 0 && !closed && ['in_care', 'evaluated'].includes(hr.state) ? 'closing' : null;
  const list = hr.evaluations.length
    ? h('ul', { class: 'plain-list evaluation-list' }, hr.evaluations.map((e) => h('li', { class: 'stack' },
      h('h3', { class: 'utrecht-heading-3' }, `${e.kind_label}, ${dutchDate(e.held_on)}`),
      p(`Doelen bereikt: ${e.goals_reached_label.toLowerCase()}.`),
      p(`Het gezin: ${e.family_view}`),
      e.next_steps ? p(`Vervolg: ${e.next_steps}`) : null)))
    : p('Nog geen evaluaties.');
  if (!hr.evaluations.length && !kind) return null;
  const section = h('section', { 'aria-labelledby': 'evaluatie-kop' },
    h('h2', { class: 'utrecht-heading-2', id: 'evaluatie-kop' }, 'Evaluatie'), list);
  if (!kind || me.role !== 'consulent') return section;
  const title = label(words.evaluation_kinds, kind);
  const form = h('form', { class: 'form-grid', novalidate: true, 'aria-labelledby': 'evaluatie-formulier' },
    h('h3', { class: 'utrecht-heading-3', id: 'evaluatie-formulier' }, `Nieuwe ${title.toLowerCase()}`),
    p(kind === 'interim' ? 'De zorg loopt: kijk samen met het gezin hoe het gaat met de doelen.'
      : 'De zorg is gestopt: sluit samen met het gezin af. Daarna is de hulpvraag geëvalueerd.'),
    checkedField('evaluatie-datum', 'Datum van de evaluatie', h('input', { name: 'held_on', type: 'date' }), 'Leeg laten: vandaag.'),
    checkedField('evaluatie-doelen', 'Doelen bereikt?', select([['', '— kies —'], ...choices(words.goals_reached)], { name: 'goals' })),
    checkedField('evaluatie-gezin', 'Hoe ziet het gezin het?', h('textarea', { name: 'family_view', rows: 3, required: true })),
    checkedField('evaluatie-vervolg', 'Vervolg', h('textarea', { name: 'next_steps', rows: 2 }), 'Wat er nu gebeurt; leeg laten mag.'),
    h('div', {}, button(`${title} vastleggen`)));
  // a refusal is put at its field (what was typed stays) and said above the page
  const refuse = (field, message) => {
    const control = markField(form, EVALUATION_FIELDS[field], message);
    fail({ status: 422, data: { error: { message } } });
    if (control) control.focus();
  };
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearFieldErrors(form);
    if (!form.goals.value) { refuse('goals_reached', 'Kies of de doelen bereikt zijn. Niets is vooraf ingevuld.'); return; }
    if (!form.family_view.value.trim()) { refuse('family_view', 'Schrijf op hoe het gezin de hulp en de doelen ziet.'); return; }
    const body = { kind, goals_reached: form.goals.value, family_view: form.family_view.value };
    if (form.next_steps.value) body.next_steps = form.next_steps.value;
    if (form.held_on.value) body.held_on = form.held_on.value;
    const r = await ui.api('POST', `/api/v1/help-requests/${id}/evaluations`, body);
    if (!r.ok) {
      const e = (r.data && r.data.error) || {};
      if (e.field && EVALUATION_FIELDS[e.field]) refuse(e.field, e.message);
      else fail(r);
      return;
    }
    done(`De ${title.toLowerCase()} is vastgelegd${r.data.help_request.state !== hr.state ? `; de hulpvraag is nu ${r.data.help_request.state_label}` : ''}.`);
  });
  section.append(form);
  return section;
}

export async function helpRequestScreen(ui, id, notice) {
  const { h, p, heading, show, api, alertBox, errorText, vocabulary, words, me, label, button, capital,
    allocationSection, allocationChangeForm, deadlinesSection, journalSection } = ui;
  const r = await api('GET', `/api/v1/help-requests/${id}`);
  if (!r.ok) { show('Hulpvraag', alertBox('error', errorText(r))); return; }
  const hr = r.data;
  const [tl, region] = await Promise.all([api('GET', `/api/v1/persons/${hr.child_id}/timeline`),
    vocabulary(`?municipality=${encodeURIComponent(hr.municipality)}`)]);
  const vocab = region || words; // the words of the help request's region
  const msg = h('div', { 'aria-live': 'polite', class: 'case-message' });
  // a message in the page's message region; a confirmation or refusal takes the focus, so that
  // a screen reader and a keyboard user are where the news is
  const say = (kind, text) => {
    const box = alertBox(kind === 'error' ? 'error' : 'ok', text);
    box.setAttribute('tabindex', '-1');
    msg.replaceChildren(box);
    box.focus();
  };
  const reload = (text) => helpRequestScreen(ui, id, text);
  const fail = (res) => say('error', errorText(res));
  const events = tl.ok ? tl.data.timeline : [];
  const sections = [msg, header(ui, hr, vocab),
    await householdSection(ui, hr, reload, say),
    await deadlinesSection(id, api)];

  if (me.role === 'consulent') sections.push(await ui.assigneeSection({ h, p, api, me, field: ui.field, select: ui.select, button }, hr, reload, fail));
  // the referral that led here, with its letter, and the answer to the referrer (web/referrer.js)
  if (me.role === 'consulent' || me.role === 'gi') sections.push(await ui.referralsSection(ui, id, reload));
  if (hr.analysis) sections.push(analysisView(ui, hr.analysis));
  if (hr.state === 'registered' && !hr.course.broad_analysis) sections.push(analysisForm(ui, id, reload, fail));
  if (hr.goals.length || hr.state === 'analysed') sections.push(goalsSection(ui, id, hr.goals, hr.state === 'analysed', reload, fail));
  sections.push(adviceSection(ui, id, hr, hr.state === 'analysed', reload, fail));
  sections.push(evaluationSection(ui, id, hr, reload, fail));
  if (hr.state === 'planned' || hr.state === 'in_care') {
    const referrals = events.filter((e) => e.kind === 'referral' && e.help_request_id === hr.id && e.extra === 'valid');
    sections.push(await allocationSection({ h, checkedField: ui.checkedField, clearFieldErrors: ui.clearFieldErrors, markField: ui.markField, button, alertBox, api, errorText }, id, referrals, vocab, reload));
    const allocations = events.filter((e) => e.kind === 'allocation' && e.help_request_id === hr.id);
    if (allocations.length && me.role === 'consulent') {
      sections.push(allocationChangeForm(allocations, vocab, reload, fail));
    }
  }
  const step = words.help_request_states.find((x) => x.code === hr.state);
  const next = step && step.next;
  // the step that waits for the provider's start is taken by that start
  if (next && me.role === 'consulent' && !(next === 'in_care' && hr.course.care_started < 1)) {
    const stepForm = h('form', {}, button(STEP_LABEL[next] || capital(label(words.help_request_states, next))));
    stepForm.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const res = await api('POST', `/api/v1/help-requests/${id}/move`, { to: next, version: hr.version });
      if (!res.ok) { fail(res); return; }
      reload(`De hulpvraag is nu ${res.data.state_label}.`);
    });
    sections.push(heading(2, 'Volgende stap'), stepForm);
  } else if (next === 'in_care' && hr.course.care_started < 1) {
    sections.push(heading(2, 'Volgende stap'), p('Als de zorgaanbieder de zorg start, staat de hulpvraag vanzelf op "in zorg".'));
  }
  if (me.role === 'consulent') sections.push(await ui.lettersSection({ h, heading, p, api, errorText, alertBox }, id, events));
  if (me.role === 'consulent' || me.role === 'gi') {
    sections.push(await journalSection({ h, heading, p, checkedField: ui.checkedField, clearFieldErrors: ui.clearFieldErrors, markField: ui.markField, button, alertBox, api, errorText, capital, when: ui.when }, id));
  }
  sections.push(heading(2, `Verloop van ${hr.child.given_names}`),
    timelineList(ui, events, vocab, new Map([[hr.child_id, hr.child.given_names]])));
  show(`Hulpvraag ${id}`, ...sections.filter(Boolean));
  if (notice) say('ok', notice);
  else document.getElementById('toewijzing-bevestiging')?.focus(); // an allocation just made (web/allocation.js)
}
