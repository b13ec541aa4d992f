// The Claims view: the grid, one row per claim and one column per outlet,
// with sorting and filters; opening a row shows every outlet's wording with
// its differing words marked, the discrepancies, and links into Read.
// Long lists are paged and, past a couple of dozen outlets, the columns give
// way to a list of the carrying outlets, so the DOM grows with the data, not
// with claims × outlets.
import { el, replace } from '../dom.js';
import { diffMark, highlighted } from '../diff.js';
import { shownText, uniqueSentences, unitRuns } from '../model.js';
import { outletChip, outletColor } from './outlets.js';

const PAGE = 100;
const MAX_COLUMNS = 24;

let view = null; // filter and sort state; kept while the same Report is shown

function freshState(model) {
  return { model, sort: 'support', text: '', min: 2, outlet: '', discrepancy: '', worded: false, open: new Set(), shown: PAGE };
}

/** What each kind of framing difference is called on the page (src/align/framing.rs). */
export const FRAMING_KINDS = {
  label: 'different label',
  reporting_verb: 'reporting verb',
  hedge: 'hedge or attribution',
  evaluative: 'evaluative word',
  detail: 'detail only some include',
};

/** How many "detail only some include" lines an opened claim shows before folding the rest. */
const DETAILS_SHOWN = 3;

/**
 * The kinds of difference between the outlets' wordings of an opened claim,
 * each with every outlet's words ("(none)" where a wording has nothing).
 */
function framingBlock(model, framing) {
  if (!framing.length) return null;
  const order = Object.keys(FRAMING_KINDS);
  const sorted = [...framing].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  const kinds = [...new Set(sorted.map((f) => f.kind))];
  const item = (f) => el('li', { class: `framing-item framing-${f.kind}` },
    el('span', { class: 'framing-kind' }, FRAMING_KINDS[f.kind] || f.kind), ': ',
    (f.wordings || []).map((w, k) => [k ? ' / ' : null, outletChip(model.outlet(w.doc), w.doc), ' ',
      w.text ? el('q', { class: 'framing-term' }, w.text) : el('span', { class: 'note' }, '(none)')]));
  // Choices of words come first and whole; details only some outlets include
  // can run to a dozen fragments, so past the first few they fold away.
  const details = sorted.filter((f) => f.kind === 'detail');
  const shown = sorted.filter((f) => f.kind !== 'detail').concat(details.slice(0, DETAILS_SHOWN));
  const folded = details.slice(DETAILS_SHOWN);
  return el('div', { class: 'framing', role: 'note' },
    el('p', { class: 'framing-kinds' }, el('strong', {}, 'Worded differently: '), kinds.map((k) => FRAMING_KINDS[k] || k).join(', ')),
    el('ul', { class: 'framing-list' }, shown.map(item)),
    folded.length
      ? el('details', { class: 'framing-more' },
        el('summary', {}, `${folded.length} more detail${folded.length > 1 ? 's' : ''} only some outlets include`),
        el('ul', { class: 'framing-list' }, folded.map(item)))
      : null);
}

/** Every row the grid can show: claims, and unshared claim sentences (shown under "only in"). */
function buildRows(model) {
  const rows = model.claims.map((claim, order) => {
    const sentences = (claim.sentences || []).map((id) => model.sentenceById.get(id)).filter(Boolean);
    const docs = [...new Set(claim.docs || sentences.map((s) => s.doc))].sort((a, b) => a - b);
    return {
      key: `c${claim.id}`,
      claim,
      label: claim.label || sentences[0]?.text || '',
      docs,
      sentences,
      discrepancies: Array.isArray(claim.discrepancies) ? claim.discrepancies : [],
      differences: differenceOf(claim.discrepancies),
      framing: model.framingByClaim?.get(claim.id) || [],
      first: Math.min(...sentences.map((s) => s.id), Infinity),
      order,
      search: [claim.label, ...sentences.map((s) => s.text)].join('\n').toLowerCase(),
    };
  });
  const unique = [];
  for (const doc of model.documents) {
    // A quotation over several sentences is one unit (the core's `unit`):
    // one row, its marks made whole (`before` / `after`).
    for (const group of unitRuns(uniqueSentences(model, doc.id))) {
      const label = shownText(group, (s) => s);
      const first = group[0];
      unique.push({ key: `u${first.id}`, claim: null, label, docs: [doc.id], sentences: group, discrepancies: [], differences: 'none', framing: [], first: first.id, order: rows.length + unique.length, search: label.toLowerCase() });
    }
  }
  return { claims: rows, unique };
}


/**
 * What a claim's discrepancies amount to: 'conflict' when any values cannot
 * all be true, 'compatible' when they only round, range or approximate, or
 * 'none'. The filter and the sort keep the two apart: a rounding is not
 * something an editor has to settle (issue 14).
 */
function differenceOf(discrepancies) {
  if (!Array.isArray(discrepancies) || discrepancies.length === 0) return 'none';
  return discrepancies.some((d) => !d.compatible) ? 'conflict' : 'compatible';
}

const DIFFERENCE_RANK = { conflict: 0, compatible: 1, none: 2 };

function matches(row, state) {
  if (state.text && !row.search.includes(state.text.toLowerCase())) return false;
  if (row.docs.length < state.min) return false;
  // "Claims worded differently": a choice of words, not a detail left out.
  if (state.worded && !row.framing.some((f) => f.kind !== 'detail')) return false;
  if (state.discrepancy === 'any' && row.differences === 'none') return false;
  if ((state.discrepancy === 'conflict' || state.discrepancy === 'compatible') && row.differences !== state.discrepancy) return false;
  if (state.outlet) {
    const [mode, id] = state.outlet.split(':');
    const doc = Number(id);
    if (!row.docs.includes(doc)) return false;
    if (mode === 'only' && row.docs.length !== 1) return false;
  }
  return true;
}

const SORTS = {
  support: (a, b) => b.docs.length - a.docs.length || a.first - b.first,
  first: (a, b) => a.first - b.first,
  // Conflicts, then claims only stated differently, then the rest; by support within each.
  differences: (a, b) => DIFFERENCE_RANK[a.differences] - DIFFERENCE_RANK[b.differences] || b.docs.length - a.docs.length || a.first - b.first,
  // Rows carried by the first outlet come first, then by the second, …: rows group by who carries them.
  outlet: (a, b) => {
    for (let i = 0; i < Math.max(a.docs.length, b.docs.length); i++) {
      if (a.docs[i] === undefined) return 1;
      if (b.docs[i] === undefined) return -1;
      if (a.docs[i] !== b.docs[i]) return a.docs[i] - b.docs[i];
    }
    return a.first - b.first;
  },
};

/**
 * For a long sentence that reports several facts: the words that carry this
 * claim (the core's `support` span), and whether the claim is one the
 * sentence supports besides its own.
 */
function supportLine(claim, sentence) {
  const wording = (claim?.wordings || []).find((w) => w.sentence === sentence.id);
  if (!wording || !Array.isArray(wording.support)) return null;
  const [start, end] = wording.support;
  return el('p', { class: 'support-line' },
    wording.also ? 'This sentence reports other facts too; it carries this claim in: ' : 'Carries the claim in: ',
    el('q', { class: 'support-words' }, sentence.text.slice(start, end)));
}

export function renderClaims(panel, model, ctx) {
  if (!view || view.model !== model) view = freshState(model);
  const state = view;
  const all = buildRows(model);
  const compact = model.documents.length > MAX_COLUMNS;
  const maxSupport = Math.max(2, ...all.claims.map((r) => r.docs.length));

  // An opened claim from the hash (#claims/ID), e.g. from the Overview's discrepancy list.
  const wanted = ctx.args[0] !== undefined ? `c${ctx.args[0]}` : null;
  if (wanted) {
    state.open.add(wanted);
    state.text = '';
    state.outlet = '';
    state.discrepancy = '';
    state.worded = false;
    state.min = 2;
  }

  const table = el('table', {
    class: `claims-grid${compact ? ' compact' : ''}`,
    // Up and down move between rows; Enter or Space opens one.
    onkeydown: (e) => {
      if ((e.key !== 'ArrowDown' && e.key !== 'ArrowUp') || !e.target.matches('.claim-toggle')) return;
      const toggles = [...table.querySelectorAll('.claim-toggle')];
      const next = toggles[toggles.indexOf(e.target) + (e.key === 'ArrowDown' ? 1 : -1)];
      if (next) {
        e.preventDefault();
        next.focus();
      }
    },
  });
  const count = el('p', { class: 'grid-count', 'aria-live': 'polite' });
  const more = el('div', { class: 'grid-more' });

  const outletOptions = [
    el('option', { value: '' }, 'Any outlet'),
    el('optgroup', { label: 'Carried by' }, model.documents.map((d) => el('option', { value: `by:${d.id}` }, model.outlet(d.id)))),
    el('optgroup', { label: 'Only in (unshared sentences)' }, model.documents.map((d) => el('option', { value: `only:${d.id}` }, `only in ${model.outlet(d.id)}`))),
  ];

  const controls = el(
    'form',
    { class: 'filters', role: 'search', 'aria-label': 'Filter claims', onsubmit: (e) => e.preventDefault() },
    el('label', {}, 'Find ', el('input', { type: 'search', id: 'claim-text', value: state.text, placeholder: 'words in any wording', oninput: (e) => update({ text: e.target.value.trim() }) })),
    el('label', {}, 'Outlets ', el('select', { id: 'claim-outlet', onchange: (e) => {
      const value = e.target.value;
      // "only in" rows are carried by one outlet: the minimum support must allow them.
      update({ outlet: value, min: value.startsWith('only:') ? 1 : Math.max(state.min, 2) });
    } }, outletOptions)),
    el('label', {}, 'At least ', el('select', { id: 'claim-min', onchange: (e) => update({ min: Number(e.target.value) }) },
      Array.from({ length: maxSupport }, (_, i) => i + 1).map((n) => el('option', { value: n }, n === 1 ? '1 outlet' : `${n} outlets`)))),
    el('label', {}, 'Differences ', el('select', { id: 'claim-discrepancy', onchange: (e) => update({ discrepancy: e.target.value }) },
      el('option', { value: '' }, 'any or none'),
      el('option', { value: 'conflict' }, '⚠ conflicts'),
      el('option', { value: 'compatible' }, '≈ stated differently only'),
      el('option', { value: 'any' }, 'either'))),
    el('label', {}, el('input', { type: 'checkbox', id: 'claim-worded', checked: state.worded, onchange: (e) => update({ worded: e.target.checked }) }), ' claims worded differently'),
    el('label', {}, 'Sort by ', el('select', { id: 'claim-sort', onchange: (e) => update({ sort: e.target.value }) },
      el('option', { value: 'support' }, 'support (most first)'),
      el('option', { value: 'first' }, 'first appearance'),
      el('option', { value: 'differences' }, 'conflicts first'),
      el('option', { value: 'outlet' }, 'outlet'))),
  );
  controls.querySelector('#claim-outlet').value = state.outlet;
  controls.querySelector('#claim-min').value = String(state.min);
  controls.querySelector('#claim-sort').value = state.sort;
  controls.querySelector('#claim-discrepancy').value = state.discrepancy;

  function update(change) {
    Object.assign(state, change, { shown: PAGE });
    if ('outlet' in change) controls.querySelector('#claim-min').value = String(state.min);
    draw();
  }

  function header() {
    const cells = [el('th', { scope: 'col', class: 'claim-col' }, 'Claim')];
    if (compact) cells.push(el('th', { scope: 'col' }, 'Carried by'));
    else {
      for (const d of model.documents) {
        cells.push(el('th', { scope: 'col', class: 'outlet-col', title: model.outlet(d.id), style: { '--outlet': outletColor(d.id) } },
          el('span', { class: 'outlet-col-name' }, model.outlet(d.id))));
      }
    }
    cells.push(el('th', { scope: 'col', class: 'support-col' }, 'Outlets'));
    return el('thead', {}, el('tr', {}, cells));
  }

  function markCells(row) {
    if (compact) {
      const shown = row.docs.slice(0, 12);
      const more = row.docs.length - shown.length;
      return [el('td', { class: 'carriers' }, shown.map((d) => outletChip(model.outlet(d), d)), more > 0 ? el('span', { class: 'note' }, `and ${more} more`) : null)];
    }
    return model.documents.map((d) => {
      const carried = row.docs.includes(d.id);
      return el('td', { class: 'mark-cell' },
        carried
          ? el('span', { class: 'carried', style: { '--outlet': outletColor(d.id) }, title: `${model.outlet(d.id)} carries this` }, el('span', { class: 'visually-hidden' }, `${model.outlet(d.id)}: yes`))
          : el('span', { class: 'absent', title: `not in ${model.outlet(d.id)}` }, el('span', { class: 'visually-hidden' }, `${model.outlet(d.id)}: no`)));
    });
  }

  /** Claims of other stories that look like this one, with their story. */
  function contextOf(claim) {
    const ids = Array.isArray(claim?.context) ? claim.context : [];
    if (!ids.length) return [];
    const all = Array.isArray(model.report.all_claims) ? model.report.all_claims : [];
    const stories = Array.isArray(model.report.stories) ? model.report.stories : [];
    return ids
      .map((id) => all.find((c) => c.id === id))
      .filter(Boolean)
      .map((c) => ({ claim: c, story: stories.find((s) => s.id === c.story) }));
  }

  function detail(row) {
    const parts = [];
    // Conflicts first: the compatible ones (a rounding, "about") read after them.
    const ordered = [...row.discrepancies].sort((a, b) => Boolean(a.compatible) - Boolean(b.compatible));
    if (ordered.length) {
      parts.push(el('div', { class: 'discrepancies', role: 'note' },
        ordered.map((d) => el('div', { class: `discrepancy${d.compatible ? ' compatible' : ''}` },
          el('strong', { class: 'discrepancy-kind' }, `${d.compatible ? '≈' : '⚠'} ${d.summary || d.kind || 'discrepancy'}`),
          d.compatible ? el('span', { class: 'note' }, ' (the values can all hold at once)') : null,
          Array.isArray(d.values) && d.values.length
            ? el('ul', {}, d.values.map((v) => el('li', {}, outletChip(model.outlet(v.doc), v.doc), ' ', el('span', { class: 'value' }, v.value))))
            : null))));
    }
    parts.push(framingBlock(model, row.framing));
    const reference = row.claim ? model.labelSentence(row.claim) : null;
    // The reference wording's outlet first, then the others in outlet order.
    const sentences = [...row.sentences].sort((a, b) => (b.doc === reference?.doc) - (a.doc === reference?.doc) || a.doc - b.doc || a.start - b.start);
    // Where the core located a disputed value in a wording, that value is marked as such.
    const valueSpans = new Map();
    for (const d of row.discrepancies) {
      for (const v of Array.isArray(d.values) ? d.values : []) {
        if (!Array.isArray(v.span)) continue;
        if (!valueSpans.has(v.sentence)) valueSpans.set(v.sentence, []);
        valueSpans.get(v.sentence).push({ start: v.span[0], end: v.span[1], value: true, compatible: Boolean(d.compatible) });
      }
    }
    // Consecutive sentences of one outlet (a quotation cut at its sentence
    // boundaries) are one wording, shown with its quotation marks whole. A
    // headline or caption stays a wording of its own: run into the sentence
    // after it, it would read as one unpunctuated sentence.
    const wordingOf = (s) => (row.claim?.wordings || []).find((w) => w.sentence === s.id);
    const prose = (s) => s.kind !== 'heading' && s.kind !== 'caption';
    const runs = [];
    for (const s of sentences) {
      const last = runs[runs.length - 1];
      const prev = last?.[last.length - 1];
      if (prev && prev.doc === s.doc && prev.id + 1 === s.id && prose(prev) && prose(s)) last.push(s);
      else runs.push([s]);
    }
    const marksOf = (s) => (row.claim ? wordingOf(s) : s);
    const added = (text) => (text ? el('span', { class: 'added-mark', title: 'quotation mark added: the quotation runs on beyond these words' }, text) : null);
    parts.push(el('ul', { class: 'wordings' }, runs.map((run) => {
      const lead = run[0];
      const texts = run.map((s, k) => {
        const values = valueSpans.get(s.id) || [];
        const diffs = (row.claim ? model.claimDiffs(row.claim, s) : []).filter((d) => !values.some((v) => d.start < v.end && v.start < d.end));
        const spans = [...values, ...diffs];
        return [k ? ' ' : null, el('span', { class: 'wording-sentence' }, highlighted(s.text, spans, (span) => {
          if (!span.value) return diffMark();
          const mark = document.createElement('mark');
          // A compatible value is marked too, but not as a disagreement.
          mark.className = span.compatible ? 'value-mark compatible' : 'value-mark';
          mark.title = span.compatible ? 'the value the outlets state differently (they can all hold)' : 'the value the outlets disagree on';
          return mark;
        }))];
      });
      return el('li', { class: 'wording', style: { '--outlet': outletColor(lead.doc) } },
        el('div', { class: 'wording-head' }, outletChip(model.outlet(lead.doc), lead.doc),
          run.includes(reference) && row.sentences.length > 1 ? el('span', { class: 'kind-badge' }, 'reference wording') : null,
          el('a', { class: 'read-link', href: `#read/${lead.doc}/${lead.id}` }, 'Read in context →'),
          ctx.correct && row.claim
            ? el('button', { type: 'button', class: 'detach', title: 'This wording does not say the same thing: take it out of the claim', onclick: () => ctx.correct({ op: 'detach', sentence: model.spanRef(lead) }) }, 'Not this claim')
            : null),
        el('p', { class: 'wording-text' }, added(marksOf(lead)?.before), texts, added(marksOf(run[run.length - 1])?.after)),
        run.map((s) => supportLine(row.claim, s)));
    })));
    const context = contextOf(row.claim);
    if (context.length) {
      parts.push(el('div', { class: 'context-claims', role: 'note' },
        el('p', {}, el('strong', {}, 'Said of another story too'), ' (context, not corroboration):'),
        el('ul', {}, context.map(({ claim, story }) => el('li', {}, el('q', {}, claim.label), story ? ` (${story.label})` : '')))));
    }
    if (ctx.correct) parts.push(correctionControls(row));
    if (row.claim && row.sentences.length > 1) {
      // The legend names only the kinds of mark this claim shows.
      const marked = [...valueSpans.values()].flat();
      parts.push(el('p', { class: 'legend-line' }, el('mark', { class: 'diff' }, 'marked'), ' words differ from the reference wording',
        marked.some((v) => !v.compatible) ? ['; ', el('mark', { class: 'value-mark' }, 'boxed'), ' values are the ones the outlets disagree on'] : null,
        marked.some((v) => v.compatible) ? ['; ', el('mark', { class: 'value-mark compatible' }, 'dashed'), ' values are stated differently but can all hold'] : null, '.'));
    }
    return parts;
  }

  /**
   * Corrections by hand for an opened row: merge the claim with another,
   * add an unshared sentence to it, or (for an unshared sentence) add it to
   * a claim. Each choice is applied at once; the list above the views can
   * undo it.
   */
  function correctionControls(row) {
    const short = (t) => (t.length > 90 ? `${t.slice(0, 89)}…` : t);
    const claimOptions = (except) => all.claims.filter((r) => r !== except).map((r) => el('option', { value: r.key }, short(r.label)));
    const anchor = (r) => model.spanRef(r.claim ? model.labelSentence(r.claim) : r.sentences[0]);
    const byKey = (key) => all.claims.find((r) => r.key === key) || all.unique.find((r) => r.key === key);
    if (!row.claim) {
      const pick = el('select', { class: 'attach-to', 'aria-label': 'Add this sentence to a claim' },
        el('option', { value: '' }, 'Add this sentence to a claim…'), claimOptions(null));
      pick.addEventListener('change', () => {
        const target = byKey(pick.value);
        if (target) ctx.correct({ op: 'attach', sentence: model.spanRef(row.sentences[0]), to: anchor(target) });
      });
      return el('div', { class: 'correct-bar' }, pick);
    }
    const merge = el('select', { class: 'merge-with', 'aria-label': 'Merge this claim with another' },
      el('option', { value: '' }, 'Merge with another claim…'), claimOptions(row));
    merge.addEventListener('change', () => {
      const target = byKey(merge.value);
      if (target) ctx.correct({ op: 'merge', a: anchor(row), b: anchor(target) });
    });
    // Unshared sentences by outlet, for "this outlet says it too".
    const add = el('select', { class: 'add-sentence', 'aria-label': 'Add an unshared sentence to this claim' },
      el('option', { value: '' }, 'Add a sentence that says it too…'),
      model.documents.map((d) => {
        const own = all.unique.filter((u) => u.docs[0] === d.id);
        return own.length ? el('optgroup', { label: model.outlet(d.id) }, own.map((u) => el('option', { value: u.key }, short(u.label)))) : null;
      }));
    add.addEventListener('change', () => {
      const loose = byKey(add.value);
      if (loose) ctx.correct({ op: 'attach', sentence: model.spanRef(loose.sentences[0]), to: anchor(row) });
    });
    return el('div', { class: 'correct-bar' }, el('span', { class: 'correct-title' }, 'Correct by hand: '), merge, add);
  }

  /** The row's flag: ⚠ and the kinds in conflict, then ≈ and those only stated differently. */
  function flag(row) {
    const hard = row.discrepancies.filter((d) => !d.compatible).map((d) => d.kind);
    const soft = row.discrepancies.filter((d) => d.compatible).map((d) => d.kind);
    const text = [hard.length ? `⚠ conflict: ${hard.join(', ')}` : '', soft.length ? `≈ stated differently: ${soft.join(', ')}` : ''].filter(Boolean).join(' · ');
    return el('span', { class: `flag${row.differences === 'compatible' ? ' soft' : ''}`, dataset: { differences: row.differences }, title: row.discrepancies.map((d) => d.summary).join('; ') }, text);
  }

  function rowNodes(row) {
    const open = state.open.has(row.key);
    const detailId = `detail-${row.key}`;
    const toggle = () => {
      if (state.open.has(row.key)) state.open.delete(row.key);
      else state.open.add(row.key);
      const fresh = rowNodes(row);
      const current = table.querySelectorAll(`[data-key="${row.key}"]`);
      current[0].replaceWith(...fresh);
      for (const node of [...current].slice(1)) node.remove();
      fresh[0].querySelector('button').focus();
    };
    const tr = el('tr', { class: `claim-row${open ? ' open' : ''}${row.claim ? '' : ' unique'}`, dataset: { key: row.key } },
      el('td', { class: 'claim-cell' },
        el('button', { type: 'button', class: 'claim-toggle', 'aria-expanded': String(open), 'aria-controls': detailId, onclick: toggle },
          el('span', { class: 'chevron', 'aria-hidden': 'true' }),
          el('span', { class: 'claim-label' }, row.label)),
        row.differences === 'none' ? null : flag(row),
        row.claim ? null : el('span', { class: 'flag unique-flag' }, `only in ${model.outlet(row.docs[0])}`)),
      markCells(row),
      el('td', { class: 'support' }, String(row.docs.length)));
    if (!open) return [tr];
    const colspan = (compact ? 1 : model.documents.length) + 2;
    return [tr, el('tr', { class: 'claim-detail', id: detailId, dataset: { key: row.key } }, el('td', { colspan }, detail(row)))];
  }

  function draw() {
    const pool = state.outlet.startsWith('only:') || state.min <= 1 ? [...all.claims, ...all.unique] : all.claims;
    const rows = pool.filter((r) => matches(r, state)).sort(SORTS[state.sort]);
    const visible = rows.slice(0, state.shown);
    replace(table, header(), el('tbody', {}, visible.flatMap(rowNodes)));
    const uniqueCount = all.unique.length;
    count.textContent = rows.length === 0
      ? 'No claim matches these filters.'
      : `${rows.length} ${rows.length === 1 ? 'row' : 'rows'}` + (pool.length < all.claims.length + uniqueCount ? ` (${uniqueCount} unshared sentences: choose "only in" an outlet or "at least 1 outlet")` : '');
    replace(more, rows.length > state.shown
      ? el('button', { type: 'button', class: 'more', onclick: () => { state.shown += PAGE; draw(); } }, `Show ${Math.min(PAGE, rows.length - state.shown)} more (${state.shown} of ${rows.length} shown)`)
      : null);
  }

  draw();
  const legend = el('p', { class: 'legend-line' },
    el('span', { class: 'carried demo', 'aria-hidden': 'true' }), ' the outlet carries the claim; ',
    el('span', { class: 'absent demo', 'aria-hidden': 'true' }), ' it does not. Open a row (click, or Enter) to compare the wordings.');
  replace(panel, el('h2', { class: 'view-title' }, 'Claims'), el('p', { class: 'view-intro' }, 'Statements that several outlets carry, one row each.'), controls, count, el('div', { class: 'grid-scroll' }, table), more, legend);
  if (wanted) {
    const row = table.querySelector(`[data-key="${wanted}"]`);
    if (row) {
      row.scrollIntoView({ block: 'center' });
      row.querySelector('button').focus({ preventScroll: true });
    }
  }
}
