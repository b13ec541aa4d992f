// The Compare view: two documents side by side; sentences that carry the
// same claim share a number (colours stay the outlets' own), hovering or
// focusing one lights its partner, and scrolling one column brings the
// other to the partner.
import { el, replace } from '../dom.js';
import { documentBody, firstText } from './read.js';
import { outletChip, outletColor } from './outlets.js';


/** The most similar pair of documents, for a first visit to Compare. */
function defaultPair(model) {
  const sim = Array.isArray(model.report.similarity) ? model.report.similarity : [];
  let best = [model.documents[0]?.id ?? 0, model.documents[1]?.id ?? model.documents[0]?.id ?? 0];
  let bestScore = -1;
  sim.forEach((row, a) => (row || []).forEach((v, b) => {
    if (a < b && typeof v === 'number' && v > bestScore && model.docById.has(a) && model.docById.has(b)) {
      bestScore = v;
      best = [a, b];
    }
  }));
  return best;
}

export function renderCompare(panel, model, ctx) {
  if (model.documents.length === 0) {
    replace(panel, el('p', { class: 'note' }, 'No document to compare.'));
    return;
  }
  const [defA, defB] = defaultPair(model);
  const a = model.docById.get(Number(ctx.args[0])) ?? model.docById.get(defA);
  const b = model.docById.get(Number(ctx.args[1])) ?? model.docById.get(defB);

  // Claims both documents carry, numbered in A's order.
  const claimsOf = (doc) => new Map((model.sentencesByDoc.get(doc.id) || []).filter((s) => model.claimOfSentence.has(s.id)).map((s) => [s.id, model.claimOfSentence.get(s.id)]));
  const claimsA = claimsOf(a);
  const claimsB = new Set(claimsOf(b).values());
  const pairOfClaim = new Map();
  for (const claim of claimsA.values()) if (claimsB.has(claim) && !pairOfClaim.has(claim) && a.id !== b.id) pairOfClaim.set(claim, pairOfClaim.size + 1);

  const picker = (id, value, which) => {
    const select = el('select', { id, onchange: (e) => ctx.navigate(which === 'a' ? `compare/${e.target.value}/${b.id}` : `compare/${a.id}/${e.target.value}`) },
      model.documents.map((d) => el('option', { value: d.id }, `${model.outlet(d.id)}: ${d.title || d.file}`)));
    select.value = String(value);
    return select;
  };

  const column = (doc, side) => {
    const body = el('div', { class: 'compare-body', tabindex: '-1', dataset: { side } }, documentBody(model, doc, { label: false, onSelect: (s) => jump(s, side) }));
    for (const node of body.querySelectorAll('.sent')) {
      const pair = pairOfClaim.get(model.claimOfSentence.get(Number(node.dataset.sentence)));
      if (!pair) continue;
      node.dataset.pair = pair;
      node.classList.add('paired');
      node.prepend(el('span', { class: 'pair-badge', 'aria-label': `aligned pair ${pair}` }, String(pair)));
    }
    return el('section', { class: 'compare-col', style: { '--outlet': outletColor(doc.id) }, 'aria-label': model.outlet(doc.id) },
      el('header', { class: 'reader-head' }, outletChip(model.outlet(doc.id), doc.id),
        firstText(model, doc) === (doc.title || '').trim() ? null : el('h3', { class: 'reader-title' }, doc.title || doc.file)),
      body);
  };

  const colA = column(a, 'a');
  const colB = column(b, 'b');
  const bodies = { a: colA.querySelector('.compare-body'), b: colB.querySelector('.compare-body') };

  const light = (pair, on) => {
    for (const node of panel.querySelectorAll(`.sent[data-pair="${pair}"]`)) node.classList.toggle('linked', on);
  };
  for (const body of Object.values(bodies)) {
    body.addEventListener('mouseover', (e) => { const s = e.target.closest('.sent[data-pair]'); if (s) light(s.dataset.pair, true); });
    body.addEventListener('mouseout', (e) => { const s = e.target.closest('.sent[data-pair]'); if (s) light(s.dataset.pair, false); });
    body.addEventListener('focusin', (e) => { const s = e.target.closest('.sent[data-pair]'); if (s) light(s.dataset.pair, true); });
    body.addEventListener('focusout', (e) => { const s = e.target.closest('.sent[data-pair]'); if (s) light(s.dataset.pair, false); });
  }

  // Scrolling one column brings the partner of its topmost paired sentence level with it.
  let driven = null;
  const offsetIn = (body, node) => node.getBoundingClientRect().top - body.getBoundingClientRect().top;
  const sync = (from) => {
    if (driven === from) {
      driven = null;
      return;
    }
    const source = bodies[from];
    const other = bodies[from === 'a' ? 'b' : 'a'];
    const anchor = [...source.querySelectorAll('.sent[data-pair]')].find((n) => offsetIn(source, n) >= -4);
    if (!anchor) return;
    const partner = other.querySelector(`.sent[data-pair="${anchor.dataset.pair}"]`);
    if (!partner) return;
    const target = other.scrollTop + offsetIn(other, partner) - offsetIn(source, anchor);
    if (Math.abs(target - other.scrollTop) < 2) return;
    driven = from === 'a' ? 'b' : 'a';
    other.scrollTop = target;
  };
  const frames = { a: 0, b: 0 };
  for (const side of ['a', 'b']) {
    bodies[side].addEventListener('scroll', () => {
      cancelAnimationFrame(frames[side]);
      frames[side] = requestAnimationFrame(() => sync(side));
    });
  }

  // Selecting a paired sentence scrolls its partner level with it and focuses nothing else.
  const jump = (s, side) => {
    const node = bodies[side].querySelector(`.sent[data-sentence="${s.id}"]`);
    const other = bodies[side === 'a' ? 'b' : 'a'];
    if (!node?.dataset.pair) return;
    const partner = other.querySelector(`.sent[data-pair="${node.dataset.pair}"]`);
    if (!partner) return;
    driven = side === 'a' ? 'b' : 'a';
    other.scrollTop += offsetIn(other, partner) - offsetIn(bodies[side], node);
    light(node.dataset.pair, true);
    setTimeout(() => light(node.dataset.pair, false), 1200);
  };

  replace(panel,
    el('div', { class: 'compare-toolbar' },
      el('label', {}, 'Left ', picker('compare-a', a.id, 'a')),
      el('button', { type: 'button', class: 'swap', 'aria-label': 'Swap the two documents', onclick: () => ctx.navigate(`compare/${b.id}/${a.id}`) }, '⇄'),
      el('label', {}, 'Right ', picker('compare-b', b.id, 'b')),
      el('p', { class: 'compare-count' }, a.id === b.id ? 'Pick two different documents.' : `${pairOfClaim.size} aligned claim${pairOfClaim.size === 1 ? '' : 's'}. Numbered sentences carry the same claim; scroll either side, or select a numbered sentence, to bring its partner level.`)),
    el('div', { class: 'compare-layout' }, colA, colB));

  // Open on the first aligned pair, level on both sides.
  requestAnimationFrame(() => {
    const first = bodies.a.querySelector('.sent[data-pair]');
    if (!first) return;
    // Only when it is out of sight: otherwise both open at their headlines.
    if (offsetIn(bodies.a, first) <= bodies.a.clientHeight * 0.6) return;
    bodies.a.scrollTop += offsetIn(bodies.a, first) - 24;
    sync('a');
  });
}
