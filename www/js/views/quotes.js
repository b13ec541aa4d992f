// The Quotes view: quotations grouped by speaker (canonical name and
// aliases); in each group every outlet's wording, with the words that differ
// marked; scare quotes and terms separable from statements; the same words
// given to different speakers flagged.
import { el, replace } from '../dom.js';
import { diffMark, differingSpans, highlighted } from '../diff.js';
import { outletChip, outletColor } from './outlets.js';

const SPEAKERS_PAGE = 40;
const UNATTRIBUTED = '\u0000unattributed';

let view = null;

/** Quote groups (the core's, plus one per ungrouped quote), each placed under one speaker. */
function buildGroups(model) {
  const groups = [];
  const grouped = new Set();
  const quoteById = new Map(model.quotes.map((q) => [q.id, q]));
  for (const g of model.quoteGroups) {
    // members [{quote, differing}] carry the core's own word differences (UTF-16, relative to the quote's text).
    const spansOf = (m) => (Array.isArray(m?.differing) ? m.differing : Array.isArray(m?.differs) ? m.differs : null);
    const differs = new Map((Array.isArray(g.members) ? g.members : []).filter((m) => spansOf(m)).map((m) => [m.quote, spansOf(m)]));
    // piece_of: the member quotes the remark in pieces where another outlet gives it whole (issue 16, point 6).
    const pieceOf = new Map((Array.isArray(g.members) ? g.members : []).filter((m) => Number.isInteger(m?.piece_of)).map((m) => [m.quote, m.piece_of]));
    const quotes = (g.quotes || []).map((id) => quoteById.get(id)).filter(Boolean)
      .map((q) => (differs.has(q.id) && !Array.isArray(q.differs) ? { ...q, differs: differs.get(q.id) } : q))
      .map((q) => (pieceOf.has(q.id) ? { ...q, piece_of: pieceOf.get(q.id) } : q));
    if (quotes.length === 0) continue;
    for (const q of quotes) grouped.add(q.id);
    groups.push({ id: `g${g.id}`, source: g, quotes });
  }
  for (const q of model.quotes) if (!grouped.has(q.id)) groups.push({ id: `q${q.id}`, source: null, quotes: [q] });
  for (const group of groups) {
    const speakers = [...new Set(group.quotes.map((q) => q.speaker).filter(Boolean))];
    group.speakers = speakers;
    group.speaker = group.source?.speaker || mostCommon(group.quotes.map((q) => q.speaker).filter(Boolean)) || null;
    // The core says so (conflict, conflicting_speakers); else two speakers for one quotation is a conflict too.
    const named = group.source?.conflicting_speakers;
    group.conflict = group.source?.conflict
      ? (Array.isArray(named) && named.length ? named : speakers.length > 1 ? speakers : true)
      : speakers.length > 1 ? speakers : null;
    group.link = typeof group.source?.link === 'string' ? group.source.link : null;
    group.kinds = new Set(group.quotes.map((q) => q.kind));
    group.docs = new Set(group.quotes.map((q) => q.doc));
    group.search = group.quotes.map((q) => q.text).join('\n').toLowerCase();
    group.first = Math.min(...group.quotes.map((q) => q.id));
  }
  return groups;
}

function mostCommon(values) {
  const counts = new Map();
  for (const v of values) counts.set(v, (counts.get(v) || 0) + 1);
  let best = null;
  for (const [v, n] of counts) if (best === null || n > counts.get(best)) best = v;
  return best;
}

// How the core says a group holds together, in a reader's words.
const LINKS = {
  'same words': 'the same words',
  contained: 'one wording inside another',
  'same remark': 'the same remark, worded differently',
};

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

function kindMatches(group, filter) {
  if (filter === 'all') return true;
  if (filter === 'terms') return group.kinds.has('term');
  return group.kinds.has('statement') || group.kinds.has('fragment');
}

export function renderQuotes(panel, model, ctx) {
  if (!view || view.model !== model) view = { model, kind: 'statements', text: '', shown: SPEAKERS_PAGE };
  const state = view;
  const groups = buildGroups(model);
  const speakerInfo = new Map(model.speakers.map((s) => [s.name, s]));
  const body = el('div', { class: 'speakers' });
  const count = el('p', { class: 'grid-count', 'aria-live': 'polite' });
  const more = el('div');

  const quoteItem = (q, reference, group) => {
    const spans = Array.isArray(q.differs)
      ? q.differs.map(([start, end]) => ({ start, end }))
      : reference && reference.id !== q.id ? differingSpans(q.text, reference.text).map(([start, end]) => ({ start, end })) : [];
    const speakerNote = group.conflict && q.speaker ? el('span', { class: 'quote-speaker' }, `given to ${q.speaker}`) : null;
    // How the outlet itself names the speaker ("he", "the Iranian leader"), when that differs from the canonical name.
    const given = q.speaker_given && q.speaker_given !== q.speaker ? el('span', { class: 'cue' }, `as “${q.speaker_given}”`) : null;
    const piece = Number.isInteger(q.piece_of) ? el('span', { class: 'kind-badge', title: 'This outlet quotes the remark in pieces; another outlet quotes it whole' }, 'one piece of the remark') : null;
    const unclosed = q.closed === false ? el('span', { class: 'kind-badge', title: 'The closing quotation mark is missing; the paragraph end closed it' }, 'no closing mark') : null;
    return el('li', { class: `quote-item kind-${q.kind}`, style: { '--outlet': outletColor(q.doc) } },
      el('div', { class: 'wording-head' }, outletChip(model.outlet(q.doc), q.doc),
        q.kind !== 'statement' ? el('span', { class: `kind-badge kind-${q.kind}` }, q.kind === 'term' ? 'term / scare quote' : q.kind) : null,
        speakerNote,
        q.cue ? el('span', { class: 'cue' }, q.cue) : null,
        given,
        piece,
        unclosed,
        el('a', { class: 'read-link', href: `#read/${q.doc}/${q.sentence}` }, 'In context →'),
        ctx.correct ? speakerButton(q) : null),
      el('blockquote', { class: 'quote-text' }, highlighted(q.text, spans, diffMark)));
  };

  // Every speaker the corpus names, offered when a quotation's speaker is changed by hand.
  const speakerList = el('datalist', { id: 'speaker-names' }, model.speakers.map((s) => el('option', { value: s.name })));
  /** "Change speaker": a field with the known names; saving is a correction by hand. */
  const speakerButton = (q) => {
    const button = el('button', { type: 'button', class: 'change-speaker', 'aria-label': `Change the speaker of “${q.text.slice(0, 40)}”` }, q.speaker ? 'Change speaker' : 'Give a speaker');
    button.addEventListener('click', () => {
      const input = el('input', { type: 'text', list: 'speaker-names', value: q.speaker || '', 'aria-label': 'Speaker', placeholder: 'name, or empty for no one' });
      const form = el('form', { class: 'speaker-form', onsubmit: (e) => {
        e.preventDefault();
        const speaker = input.value.trim();
        if (speaker !== (q.speaker || '')) ctx.correct({ op: 'speaker', quote: model.spanRef(q), speaker });
        else form.replaceWith(button);
      } }, input, el('button', { type: 'submit' }, 'Save'), el('button', { type: 'button', onclick: () => form.replaceWith(button) }, 'Cancel'));
      button.replaceWith(form);
      input.focus();
    });
    return button;
  };

  const groupCard = (group) => {
    // Differences are marked against the longest wording, the likeliest full version.
    const reference = group.quotes.length > 1 ? [...group.quotes].sort((a, b) => b.text.length - a.text.length)[0] : null;
    const conflict = group.conflict;
    return el('article', { class: `quote-group${conflict ? ' conflict' : ''}`, dataset: { group: group.id } },
      conflict
        ? el('p', { class: 'conflict-flag', role: 'note' }, '⚠ The same words are given to different speakers',
          Array.isArray(conflict) ? `: ${conflict.join(' / ')}` : typeof conflict === 'string' ? `: ${conflict}` : '')
        : null,
      group.quotes.length > 1
        ? el('p', { class: 'group-meta' }, `${group.docs.size} outlets, ${group.quotes.length} wordings`, group.link ? ` · ${LINKS[group.link] || group.link}` : '')
        : null,
      el('ul', { class: 'quote-list' }, [...group.quotes].sort((a, b) => a.doc - b.doc).map((q) => quoteItem(q, reference, group))));
  };

  // Quotations only one outlet carries share one card per speaker: nothing to compare, less to scan.
  // A long list shows its first SINGLES_SHOWN; the rest on request.
  const SINGLES_SHOWN = 30;
  const singles = (gs) => {
    if (!gs.length) return null;
    const list = el('ul', { class: 'quote-list' }, gs.slice(0, SINGLES_SHOWN).map((g) => quoteItem(g.quotes[0], null, g)));
    const rest = gs.length > SINGLES_SHOWN
      ? el('button', { type: 'button', class: 'more', onclick: (e) => {
        list.append(...gs.slice(SINGLES_SHOWN).map((g) => quoteItem(g.quotes[0], null, g)));
        e.target.remove();
      } }, `Show all ${gs.length}`)
      : null;
    return el('article', { class: 'quote-group singles' },
      el('p', { class: 'group-meta' }, gs.length === 1 ? 'In one outlet only' : `${gs.length} quotations, each in one outlet only`),
      list, rest);
  };

  function draw() {
    const visible = groups.filter((g) => kindMatches(g, state.kind) && (!state.text || g.search.includes(state.text.toLowerCase()) || (g.speaker || '').toLowerCase().includes(state.text.toLowerCase())));
    const bySpeaker = new Map();
    for (const g of visible) {
      const key = g.speaker || UNATTRIBUTED;
      if (!bySpeaker.has(key)) bySpeaker.set(key, []);
      bySpeaker.get(key).push(g);
    }
    // Speakers quoted by most outlets first; unattributed quotations last.
    const speakers = [...bySpeaker.entries()].sort(([a, ga], [b, gb]) => {
      if (a === UNATTRIBUTED) return 1;
      if (b === UNATTRIBUTED) return -1;
      const reach = (gs) => new Set(gs.flatMap((g) => [...g.docs])).size;
      return reach(gb) - reach(ga) || gb.length - ga.length || a.localeCompare(b);
    });
    const sections = speakers.slice(0, state.shown).map(([name, gs]) => {
      const info = speakerInfo.get(name);
      const aliases = (info?.aliases || []).filter((a) => a !== name);
      gs.sort((a, b) => b.docs.size - a.docs.size || a.first - b.first);
      return el('section', { class: 'speaker', dataset: { speaker: name === UNATTRIBUTED ? '' : name } },
        el('h3', { class: 'speaker-name' }, name === UNATTRIBUTED ? 'Speaker not identified' : name,
          el('span', { class: 'speaker-count' }, ` · ${plural(gs.reduce((n, g) => n + g.quotes.length, 0), 'quotation')}`)),
        aliases.length ? el('p', { class: 'aliases' }, 'Also named: ', aliases.join(', ')) : null,
        gs.filter((g) => g.quotes.length > 1 || g.conflict).map(groupCard),
        singles(gs.filter((g) => g.quotes.length === 1 && !g.conflict)));
    });
    replace(body, sections.length ? sections : el('p', { class: 'note' }, 'No quotation matches.'));
    const quoteCount = visible.reduce((n, g) => n + g.quotes.length, 0);
    count.textContent = `${plural(quoteCount, 'quotation')} in ${plural(visible.length, 'group')}, ${plural(speakers.length, 'speaker')}`;
    replace(more, speakers.length > state.shown
      ? el('button', { type: 'button', class: 'more', onclick: () => { state.shown += SPEAKERS_PAGE; draw(); } }, `Show more speakers (${state.shown} of ${speakers.length} shown)`)
      : null);
  }

  const kindRadio = (value, label) => el('label', { class: 'segment' },
    el('input', { type: 'radio', name: 'quote-kind', value, checked: state.kind === value, onchange: () => { state.kind = value; draw(); } }), label);
  const controls = el('form', { class: 'filters', role: 'search', 'aria-label': 'Filter quotations', onsubmit: (e) => e.preventDefault() },
    el('fieldset', { class: 'segmented' }, el('legend', { class: 'visually-hidden' }, 'Kind of quotation'),
      kindRadio('statements', 'Statements'), kindRadio('terms', 'Terms and scare quotes'), kindRadio('all', 'All')),
    el('label', {}, 'Find ', el('input', { type: 'search', id: 'quote-text', value: state.text, placeholder: 'words or a speaker', oninput: (e) => { state.text = e.target.value.trim(); draw(); } })));
  draw();
  replace(panel, el('h2', { class: 'view-title' }, 'Quotes'),
    el('p', { class: 'view-intro' }, 'Who said what, and in which words each outlet reports it. ', el('mark', { class: 'diff' }, 'Marked'), ' words differ between outlets.'),
    controls, count, body, more, ctx.correct ? speakerList : null);
}
