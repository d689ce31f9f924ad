// The "Termijnen" block of the case page (issue 14, point 3): the terms that run on a help
// request, from GET /api/v1/help-requests/{id}/deadlines, nearest first. Each shows its state in
// words ("verlopen", "binnenkort", "op tijd") besides its colour, its due date as DD-MM-YYYY, the
// days left (working days where the term counts them) and, behind a disclosure, the sentence
// with its legal source. Every text from the server is put in with textContent.

import { dutchDate } from './dates.js';

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  for (const c of children) {
    if (c === null || c === undefined) continue;
    e.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return e;
}

function daysText(d) {
  const unit = d.unit === 'workdays' ? 'werkdag' : 'dag';
  const n = Math.abs(d.days_left);
  const units = n === 1 ? unit : `${unit}en`;
  if (d.days_left > 0) return `nog ${n} ${units}`;
  if (d.days_left === 0) return 'vandaag';
  return `${n} ${units} geleden`;
}

// The block for help request `id`; `api` is the UI's call to the server. A failure to read the
// deadlines says so in the block, the rest of the page stays.
export async function deadlinesSection(id, api) {
  const box = el('section', { class: 'deadlines', 'aria-labelledby': 'termijnen-kop' },
    el('h2', { class: 'utrecht-heading-2', id: 'termijnen-kop' }, 'Termijnen'));
  const r = await api('GET', `/api/v1/help-requests/${id}/deadlines`);
  if (!r.ok) {
    box.append(el('p', { class: 'utrecht-paragraph' }, 'De termijnen konden niet worden gelezen.'));
    return box;
  }
  const list = r.data.deadlines || [];
  if (!list.length) {
    box.append(el('p', { class: 'utrecht-paragraph' }, 'Er lopen geen termijnen.'));
    return box;
  }
  const c = r.data.counts;
  box.append(el('p', { class: 'utrecht-paragraph' },
    `${c.overdue} verlopen, ${c.warning} binnenkort, ${c.ok} op tijd.`));
  const ul = el('ul', { class: 'deadline-list' });
  for (const d of list) {
    const why = el('details', {}, el('summary', {}, 'Waarom deze termijn'),
      el('p', { class: 'utrecht-paragraph' }, d.text),
      el('p', { class: 'utrecht-paragraph' }, `Bron: ${d.source}`));
    ul.append(el('li', { class: `deadline deadline-${d.state}` },
      el('strong', { class: 'deadline-state' }, d.state_label), ' ',
      el('span', { class: 'deadline-label' }, d.label), ': ',
      `uiterlijk ${dutchDate(d.due)} (${daysText(d)})`, why));
  }
  box.append(ul);
  return box;
}
