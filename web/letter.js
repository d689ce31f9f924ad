// The decision letter (beschikking) of an allocation (issue 14 point 5): the letter screen
// (#/beschikking/TOEWIJZING/N) shows the letter as kept, to read and print (A4, /letter.css), with
// its PDF and its fingerprint; the help request's page lists each allocation's letters; after
// allocating, the confirmation links to the new letter. The letter itself comes from the server
// as the HTML it kept (GET /api/v1/allocations/{id}/letters/{n}); this file only moves its nodes
// into the page, never its markup as text. The helpers of app.js come in `ui`.

// "2026-12-04" as 04-12-2026, as the screens write a date
const dutchDate = (iso) => (/^\d{4}-\d{2}-\d{2}$/.test(iso || '') ? iso.split('-').reverse().join('-') : iso || '—');
const KIND = { allocation: 'toewijzing', change: 'wijziging' };
const letterUrl = (allocation, n) => `/api/v1/allocations/${allocation}/letters/${n}`;

// The print style sheet of the letter, once per page.
function letterStyle() {
  if (document.querySelector('link[href="/letter.css"]')) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = '/letter.css';
  document.head.append(link);
}

// The links to letter `n` of allocation `allocation`: the screen and the PDF.
// `what` tells the links of one letter from another's to a screen reader (the visible text first).
function letterLinks(h, allocation, n, what) {
  const show = 'Beschikking bekijken en afdrukken';
  const pdf = 'PDF downloaden';
  return [
    h('a', { class: 'utrecht-link', href: `#/beschikking/${allocation}/${n}`, 'aria-label': what ? `${show} (${what})` : null }, show),
    ' · ',
    h('a', { class: 'utrecht-link', href: `${letterUrl(allocation, n)}?format=pdf`, download: `beschikking-${allocation}-${n}.pdf`,
      'aria-label': what ? `${pdf} (${what})` : null }, pdf),
  ];
}

// The confirmation after allocating (the API's allocation `made`): what was decided and where its
// letter is. A GI's allocation within its measure is its own decision: it has no letter of the
// municipality.
export function letterNotice(ui, made) {
  const { h } = ui;
  const number = made.number ? ` (nummer ${made.number})` : '';
  if (ui.role !== 'consulent') return `De toewijzing is vastgelegd${number}.`;
  return h('span', {}, `De toewijzing is vastgelegd${number}. De beschikking is gemaakt en bewaard: `,
    ...letterLinks(h, made.id, 1), '.');
}

// The "Beschikkingen" section of a help request's page: per allocation (the timeline's
// allocation events of help request `id`), its letters, with a link to each and its PDF.
export async function lettersSection(ui, id, timeline) {
  const { h, heading, p, api, errorText, alertBox } = ui;
  const allocations = (timeline || []).filter((e) => e.kind === 'allocation' && e.help_request_id === Number(id));
  const section = h('section', { 'aria-labelledby': 'beschikkingen-kop' },
    h('h2', { class: 'utrecht-heading-2', id: 'beschikkingen-kop' }, 'Beschikkingen'));
  if (!allocations.length) {
    section.append(p('Nog geen beschikkingen: er is nog niets toegewezen.'));
    return section;
  }
  const items = [];
  for (const e of allocations) {
    const r = await api('GET', `/api/v1/allocations/${e.object_id}/letters`);
    if (r.status === 404) continue; // not this principal's to read
    if (!r.ok) { items.push(h('li', {}, alertBox('error', errorText(r)))); continue; }
    const letters = r.data.letters;
    items.push(h('li', {},
      h('h3', { class: 'utrecht-heading-3' }, `Toewijzing ${e.object_id}${e.text ? ` — ${e.text}` : ''}`),
      letters.length
        ? h('ul', { class: 'utrecht-unordered-list' }, letters.map((l) => {
          const what = `${KIND[l.kind] || l.kind}, ${dutchDate(l.issued_on)}`;
          return h('li', {}, `Beschikking ${l.sequence} (${what}): `, ...letterLinks(h, e.object_id, l.sequence, `beschikking ${l.sequence}`));
        }))
        : p('Geen beschikking: een besluit van de gecertificeerde instelling binnen haar maatregel, of van vóór de beschikkingen.')));
  }
  section.append(items.length ? h('ul', { class: 'letter-allocations' }, items) : p('Geen beschikkingen die u kunt inzien.'));
  return section;
}

// The letter screen: letter `n` of allocation `allocation` as kept, with print, PDF and the
// other letters of the allocation.
export async function letterScreen(ui, allocation, n) {
  const { h, p, show, alertBox, api, errorText } = ui;
  const title = `Beschikking ${n} van toewijzing ${allocation}`;
  const res = await fetch(letterUrl(allocation, n), { credentials: 'same-origin' });
  if (!res.ok) {
    let data = null;
    try { data = await res.json(); } catch { data = null; }
    show(title, alertBox('error', errorText({ status: res.status, data })));
    return;
  }
  letterStyle();
  const sha = res.headers.get('X-Letter-SHA256') || '';
  const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
  const kept = doc.querySelector('main.letter');
  // the letter's own nodes, as an article inside the page's main; its headings one level down
  // under the page's heading
  const article = h('article', { class: 'letter', 'aria-label': 'De beschikking' });
  if (kept) {
    for (const el of kept.querySelectorAll('h2')) {
      const h3 = document.createElement('h3');
      h3.append(...el.childNodes);
      el.replaceWith(h3);
    }
    for (const el of kept.querySelectorAll('h1')) {
      const h2 = document.createElement('h2');
      h2.append(...el.childNodes);
      el.replaceWith(h2);
    }
    article.append(...[...kept.childNodes].map((c) => document.importNode(c, true)));
  }
  const print = h('button', { class: 'utrecht-button utrecht-button--primary-action', type: 'button' }, 'Afdrukken');
  print.addEventListener('click', () => window.print());
  const list = await api('GET', `/api/v1/allocations/${allocation}/letters`);
  const others = list.ok ? list.data.letters.filter((l) => String(l.sequence) !== String(n)) : [];
  const back = list.ok && list.data.help_request_id
    ? p(h('a', { class: 'utrecht-link', href: `#/hulpvraag/${list.data.help_request_id}` }, `Terug naar hulpvraag ${list.data.help_request_id}`))
    : null;
  show(title,
    h('div', { class: 'no-print letter-actions' },
      back,
      p('Deze brief is bewaard zoals hij is gemaakt. Opnieuw afdrukken geeft hetzelfde document.'),
      h('p', { class: 'utrecht-paragraph' }, print, ' ',
        h('a', { class: 'utrecht-link', href: `${letterUrl(allocation, n)}?format=pdf`, download: `beschikking-${allocation}-${n}.pdf` }, 'PDF downloaden')),
      sha ? h('p', { class: 'utrecht-paragraph letter-hash' }, 'Vingerafdruk (SHA-256) van het bewaarde document: ', h('code', {}, sha)) : null,
      others.length
        ? h('p', { class: 'utrecht-paragraph' }, 'Andere beschikkingen van deze toewijzing: ',
          ...others.flatMap((l, i) => [i ? ', ' : '', h('a', { class: 'utrecht-link', href: `#/beschikking/${allocation}/${l.sequence}` },
            `beschikking ${l.sequence} (${KIND[l.kind] || l.kind}, ${dutchDate(l.issued_on)})`)]), '.')
        : null),
    kept ? article : alertBox('error', 'De beschikking kon niet worden gelezen.'));
}
