// The referrer's portal (GP, youth doctor, medical specialist; issue 15 point 1) and the local
// team's side of a referral.
//
// referrerScreen: refer a child — always saying who it is (BSN, birth date, given names, family
// name, municipality chosen by name), whether the records know the child or not, with the
// referral letter (the question, how urgent, what was tried, who consented) — and see how far
// one's own referrals got and what the local team answered. A referrer sees its referrals, never
// a child's file: there is no link to one. The municipalities, the forms of youth care and the
// letter's words come from GET /api/v1/referrals/choices (the policies); nothing is chosen for
// the referrer. One Idempotency-Key per filling-in of the form: a double submit records one
// referral.
//
// referralsSection: on the case page (web/casepage.js), the referrals that led to the help
// request with their letters, and for the consulent a short message back to the referrer.
//
// The helpers come in `ui` from app.js, so that this file adds no globals.

import { dutchDate } from './dates.js';

// The API's names of the referral form's fields, and the ids of their controls.
const REFERRAL_FIELDS = {
  bsn: 'bsn', birth_date: 'geboren', family_name: 'achternaam', given_names: 'voornamen',
  municipality: 'gemeente', form: 'vorm', question: 'verwijsvraag', urgency: 'urgentie',
  tried: 'geprobeerd', consent: 'toestemming',
};

// What must be filled in, with the Dutch sentence when it is not (the server says the same).
const REQUIRED = [
  ['bsn', 'Vul het BSN van het kind in (9 cijfers).'],
  ['birth_date', 'Vul de geboortedatum van het kind in.'],
  ['family_name', 'Vul de achternaam van het kind in.'],
  ['given_names', 'Vul de voornamen van het kind in.'],
  ['municipality', 'Kies de gemeente waar het kind staat ingeschreven.'],
  ['form', 'Kies de vorm van jeugdhulp.'],
  ['question', 'Schrijf de vraag en de reden van de verwijzing op.'],
  ['urgency', 'Kies hoe dringend de verwijzing is.'],
  ['tried', 'Schrijf op wat al is geprobeerd (of dat er nog niets is geprobeerd).'],
  ['consent', 'Kies wie toestemming gaf. Zonder uitdrukkelijke toestemming wordt niet verwezen.'],
];

// A fresh Idempotency-Key for one filling-in of a form: sent again, it records nothing new.
function newKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

// How far a referral got, in a sentence (from the API's progress).
export function progressText(pr) {
  if (pr.closed) return `${pr.closed.label} op ${dutchDate(pr.closed.on)}`;
  if (pr.allocation) {
    const a = pr.allocation;
    return [`toegewezen aan ${a.provider} vanaf ${dutchDate(a.from)}`,
      a.care_started_on ? `zorg gestart op ${dutchDate(a.care_started_on)}` : null,
      a.care_stopped_on ? `zorg gestopt op ${dutchDate(a.care_stopped_on)}` : null].filter(Boolean).join(', ');
  }
  return pr.label;
}

// The local team's answer, in a sentence; '' when there is none yet.
// The engine's reason ends in its trace ("[regel 7 verwijzers; beleid referrers[02]]") and starts
// with the iJw referrer code: useful to a consulent or an auditor, noise to a GP.
function plainWhy(why) {
  return String(why || '').replace(/\s*\[regel [^\n]*\]\s*$/, '').replace(/^\d{2} /, '');
}

function answerText(pr) {
  return pr.answer ? `${pr.answer.message} (${dutchDate(pr.answer.on)})` : '';
}

export async function referrerScreen(ui) {
  const { h, p, heading, show, api, alertBox, errorText, select, checkedField, clearFieldErrors, markField, button, notify, pageAsked } = ui;
  const [list, choices] = await Promise.all([
    api('GET', `/api/v1/referrals?page=${pageAsked()}`),
    api('GET', '/api/v1/referrals/choices'),
  ]);
  if (!choices.ok) { show('Verwijzen', alertBox('error', errorText(choices))); return; }
  const c = choices.data;
  const municipalities = [...c.municipalities].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  const formNames = {};
  for (const r of c.regions) for (const f of r.forms) formNames[f.number] = formNames[f.number] || f.name;
  const urgencyNames = Object.fromEntries((c.urgencies || []).map((u) => [u.code, u.label]));
  // nothing is chosen for the referrer: each list starts empty
  const muniSelect = select([['', '— kies een gemeente —'], ...municipalities.map((m) => [m.code, m.name])], { name: 'municipality' });
  const formSelect = h('select', { name: 'form' });
  // the forms the region of the chosen municipality lets this referrer refer to
  const fillForms = () => {
    const m = municipalities.find((x) => x.code === muniSelect.value);
    const region = c.regions.find((r) => m && r.id === m.region);
    const keep = formSelect.value;
    formSelect.replaceChildren(h('option', { value: '' }, m ? '— kies een vorm —' : '— kies eerst de gemeente —'),
      ...(region ? region.forms.filter((f) => f.may_refer) : [])
        .map((f) => h('option', { value: String(f.number) }, `${f.number} — ${f.name}`)));
    if ([...formSelect.options].some((o) => o.value === keep)) formSelect.value = keep;
  };
  muniSelect.addEventListener('change', fillForms);
  fillForms();
  const msg = h('div', { 'aria-live': 'polite' });
  const send = button('Verwijzen');
  const form = h('form', { class: 'form-grid', novalidate: true, 'aria-labelledby': 'verwijs-kop' },
    h('h2', { class: 'utrecht-heading-2', id: 'verwijs-kop' }, 'Nieuwe verwijzing'),
    p('Vul altijd in wie het kind is, ook als het al bij de gemeente bekend is: BSN, geboortedatum, achternaam en voornamen moeten bij elkaar passen. U krijgt alleen te horen of ze passen; het dossier van het kind ziet u niet.'),
    checkedField('bsn', 'BSN van het kind', h('input', { name: 'bsn', inputmode: 'numeric', autocomplete: 'off', required: true })),
    checkedField('geboren', 'Geboortedatum', h('input', { name: 'birth_date', type: 'date', required: true })),
    checkedField('achternaam', 'Achternaam', h('input', { name: 'family_name', autocomplete: 'off', required: true }), 'Met voorvoegsels zoals "van der", zoals op het identiteitsbewijs.'),
    checkedField('voornamen', 'Voornamen', h('input', { name: 'given_names', autocomplete: 'off', required: true }), 'Zoals op het identiteitsbewijs; de eerste voornaam voluit.'),
    checkedField('gemeente', 'Gemeente waar het kind staat ingeschreven', muniSelect),
    checkedField('vorm', 'Vorm van jeugdhulp', formSelect),
    checkedField('verwijsvraag', 'Vraag en reden van verwijzing', h('textarea', { name: 'question', rows: 3, required: true })),
    checkedField('urgentie', 'Hoe dringend is het?', select([['', '— kies —'], ...(c.urgencies || []).map((u) => [u.code, u.label])], { name: 'urgency' })),
    checkedField('geprobeerd', 'Wat is al geprobeerd?', h('textarea', { name: 'tried', rows: 3, required: true }), 'Bijvoorbeeld gesprekken op de praktijk, de POH-GGZ, het wijkteam. Is er nog niets geprobeerd, schrijf dat dan op.'),
    checkedField('toestemming', 'Wie gaf toestemming voor de verwijzing?', select([['', '— kies —'], ...(c.consents || []).map((x) => [x.code, x.label])], { name: 'consent' }),
      'Onder 12 jaar de ouders of gezaghebbers, van 12 tot en met 15 jaar de ouders én de jeugdige, vanaf 16 jaar de jeugdige zelf.'),
    h('div', {}, send));
  let key = newKey(); // one per filling-in of the form
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (send.disabled) return;
    clearFieldErrors(form);
    // every empty field at once, at its field; what was typed stays
    const empty = REQUIRED.filter(([name]) => !String(form[name].value).trim())
      .map(([name, text]) => markField(form, REFERRAL_FIELDS[name], text)).filter(Boolean);
    if (empty.length) {
      notify(msg, 'error', `Niet alles is ingevuld (${empty.length} ${empty.length === 1 ? 'veld' : 'velden'}); de velden staan hieronder gemarkeerd. Er is niets verstuurd.`);
      empty[0].focus();
      return;
    }
    send.disabled = true;
    form.setAttribute('aria-busy', 'true');
    try {
      const body = {
        bsn: form.bsn.value.trim(), birth_date: form.birth_date.value, family_name: form.family_name.value,
        given_names: form.given_names.value, municipality: form.municipality.value,
        form: Number(form.form.value), question: form.question.value,
        urgency: form.urgency.value, tried: form.tried.value, consent: form.consent.value,
      };
      const r = await api('POST', '/api/v1/referrals', body, { 'Idempotency-Key': key });
      if (!r.ok) {
        const e = (r.data && r.data.error) || {};
        const named = (e.fields || (e.field ? [e.field] : [])).map((f) => markField(form, REFERRAL_FIELDS[f], e.message)).filter(Boolean);
        // a key that belongs to another request: this filling-in gets its own
        if (e.code === 'idempotency_key_reused') key = newKey();
        notify(msg, 'error', named.length ? e.message : errorText(r));
        if (named.length) named[0].focus();
        return;
      }
      const ref = r.data.referral;
      notify(msg, ref.valid ? 'ok' : 'warning',
        `${r.data.message}${ref.valid ? '' : ' Deze verwijzing is niet geldig.'} ${plainWhy(ref.why)}`);
      form.reset();
      fillForms();
      key = newKey();
      await referrerList(ui, listBox, formNames, urgencyNames);
    } finally {
      send.disabled = false;
      form.removeAttribute('aria-busy');
    }
  });
  const listBox = h('div', {});
  show('Verwijzen', msg, form, heading(2, 'Mijn verwijzingen'), listBox);
  renderReferrals(ui, listBox, list, formNames, urgencyNames);
}

async function referrerList(ui, box, formNames, urgencyNames) {
  renderReferrals(ui, box, await ui.api('GET', `/api/v1/referrals?page=${ui.pageAsked()}`), formNames, urgencyNames);
}

function renderReferrals(ui, box, list, formNames = {}, urgencyNames = {}) {
  const { h, p, alertBox, errorText, tableWrap, pager } = ui;
  if (!list.ok) { box.replaceChildren(alertBox('error', errorText(list))); return; }
  if (!list.data.items.length) { box.replaceChildren(p('Nog geen verwijzingen.')); return; }
  const cell = (...c) => h('td', { class: 'utrecht-table__cell' }, ...c);
  box.replaceChildren(tableWrap('Mijn verwijzingen', h('table', { class: 'utrecht-table referral-list' },
    h('caption', { class: 'utrecht-table__caption' }, `Verwijzingen van uw organisatie (${list.data.total})`),
    h('thead', { class: 'utrecht-table__header' }, h('tr', { class: 'utrecht-table__row' },
      ['Datum', 'Kind', 'Geboren', 'Vorm', 'Urgentie', 'Geldig', 'Stand', 'Bericht van het lokale team'].map((t) => h('th', { class: 'utrecht-table__header-cell', scope: 'col' }, t)))),
    h('tbody', { class: 'utrecht-table__body' }, list.data.items.map((it) => h('tr', { class: 'utrecht-table__row' },
      cell(dutchDate(it.referral.referred_on)),
      cell(`${it.child.given_names} ${it.child.family_name}`),
      cell(dutchDate(it.child.birth_date)),
      cell(formNames[it.referral.form] ? `${it.referral.form} — ${formNames[it.referral.form]}` : String(it.referral.form)),
      cell(it.letter ? (urgencyNames[it.letter.urgency] || it.letter.urgency_label || '') : ''),
      cell(it.referral.valid ? 'ja' : 'nee'),
      cell(progressText(it.progress)),
      cell(answerText(it.progress) || 'nog geen bericht')))))),
  ...[pager(list.data)].filter(Boolean));
}

// The case page's referrals: who referred, the letter, and the answer to the referrer; for the
// consulent a form to write that answer. Null when the help request came without a referral
// that one may read.
export async function referralsSection(ui, id, reload) {
  const { h, p, api, me, checkedField, clearFieldErrors, markField, button, alertBox, errorText, formText } = ui;
  const r = await api('GET', `/api/v1/help-requests/${id}/referrals`);
  if (!r.ok || !r.data.items.length) return null;
  const section = h('section', { 'aria-labelledby': 'verwijzingen-kop' },
    h('h2', { class: 'utrecht-heading-2', id: 'verwijzingen-kop' }, 'Verwijzing en verwijsbrief'));
  const fact = (key, value) => h('div', { class: 'utrecht-data-list__item' },
    h('dt', { class: 'utrecht-data-list__item-key' }, key), h('dd', { class: 'utrecht-data-list__item-value' }, value));
  for (const it of r.data.items) {
    const ref = it.referral;
    const n = ref.id;
    const item = h('div', { class: 'stack referral-letter' },
      h('h3', { class: 'utrecht-heading-3', id: `verwijzing-${n}` }, `Verwijzing van ${it.referrer_name || 'de verwijzer'}, ${dutchDate(ref.referred_on)}`),
      h('dl', { class: 'utrecht-data-list' },
        fact('Vorm', formText ? formText(ref.form) : String(ref.form)),
        fact('Vraag', it.question || ''),
        it.letter ? fact('Urgentie', it.letter.urgency_label || it.letter.urgency) : null,
        it.letter ? fact('Al geprobeerd', it.letter.tried) : null,
        it.letter ? fact('Toestemming', it.letter.consent_label || it.letter.consent) : null,
        fact('Stand voor de verwijzer', progressText(it.progress)),
        fact('Bericht aan de verwijzer', answerText(it.progress) || 'nog geen bericht')));
    if (me.role === 'consulent' && it.source === 'api') {
      const box = h('div', { 'aria-live': 'polite' });
      const form = h('form', { class: 'form-grid', novalidate: true, 'aria-labelledby': `antwoord-kop-${n}` },
        h('h4', { class: 'utrecht-heading-4', id: `antwoord-kop-${n}` }, 'Kort bericht aan de verwijzer'),
        checkedField(`antwoord-${n}`, 'Bericht (ten hoogste 600 tekens)', h('textarea', { name: 'message', rows: 2, maxlength: 600 }),
          'De verwijzer ziet dit bij de stand van de verwijzing, zonder het dossier. Schrijf geen gegevens die de verwijzer niet nodig heeft.'),
        h('div', {}, button('Bericht versturen')));
      form.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        clearFieldErrors(form);
        if (!form.message.value.trim()) {
          markField(form, `antwoord-${n}`, 'Schrijf een kort bericht voor de verwijzer.').focus();
          return;
        }
        const res = await api('POST', `/api/v1/referrals/${n}/answer`, { message: form.message.value });
        if (!res.ok) {
          const e = (res.data && res.data.error) || {};
          const control = e.field === 'message' ? markField(form, `antwoord-${n}`, e.message) : null;
          if (control) control.focus();
          else box.replaceChildren(alertBox('error', errorText(res)));
          return;
        }
        reload('Het bericht aan de verwijzer is verstuurd.');
      });
      item.append(box, form);
    }
    section.append(item);
  }
  return section;
}

