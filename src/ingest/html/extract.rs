//! Main-text selection: a parsed page in, the ids of the elements that hold
//! its article out (everything else is page furniture).
//!
//! The method is the one Arc90's Readability made common (and Mozilla's
//! reader view keeps): score paragraphs by length and commas, credit their
//! parent and grandparent, damp by link density, take the best container
//! plus its siblings that look like article text, then drop what inside it
//! looks like furniture (share bars, link lists, forms). Every walk is a
//! loop over the arena, never recursion.

use super::dom::{Dom, Kind};

/// Elements whose content is never article text.
pub const NEVER_TEXT: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "svg", "button", "select", "object",
    "embed", "canvas", "audio", "video", "input", "textarea", "head", "title", "math", "link",
    "meta", "nav", "aside", "footer", "dialog", "menu",
];

/// Words in a `class` or `id` that mark furniture...
const UNLIKELY: &[&str] = &[
    "-ad-",
    "ad-break",
    "agegate",
    "banner",
    "breadcrumb",
    "combx",
    "comment",
    "community",
    "cookie",
    "consent",
    "cover-wrap",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "pagination",
    "pager",
    "popup",
    "yom-remote",
    "newsletter",
    "subscribe",
    "share",
    "promo",
    "outbrain",
    "taboola",
    "recommend",
    "most-read",
    "trending",
];
/// ...unless these say it may be the article after all.
const MAYBE: &[&str] = &[
    "and", "article", "body", "column", "content", "main", "shadow",
];

/// Class or id words that raise or lower a container's score.
const POSITIVE: &[&str] = &[
    "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text",
    "blog", "story",
];
const NEGATIVE: &[&str] = &[
    "-ad-",
    "hidden",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "footer",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "widget",
    "caption-credit",
    "byline",
    "author",
    "dateline",
    "newsletter",
    "subscribe",
];

/// Roles that mark furniture.
const UNLIKELY_ROLES: &[&str] = &[
    "menu",
    "menubar",
    "complementary",
    "navigation",
    "alert",
    "alertdialog",
    "dialog",
    "banner",
    "contentinfo",
];

const BLOCK_CHILDREN: &[&str] = &[
    "a",
    "blockquote",
    "dl",
    "div",
    "img",
    "ol",
    "p",
    "pre",
    "table",
    "ul",
    "section",
    "article",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "footer",
    "aside",
    "nav",
];

/// Per-element sums over the element's subtree, computed in one reverse
/// pass over the arena.
#[derive(Default, Clone, Copy)]
struct Sums {
    text: usize,
    link_text: usize,
    commas: usize,
    paragraphs: usize,
    images: usize,
    list_items: usize,
    inputs: usize,
    embeds: usize,
    heading_text: usize,
}

/// The article: the container chosen and which nodes inside it are kept.
pub struct Article {
    /// Top-level elements of the article, in document order.
    pub roots: Vec<usize>,
    /// `true` for every node dropped as furniture.
    pub dropped: Vec<bool>,
}

/// Which heuristics a pass uses. Readability retries with fewer of them
/// when a pass finds too little text; so does [`extract`].
#[derive(Clone, Copy)]
struct Flags {
    strip_unlikely: bool,
    weight_classes: bool,
    clean_conditionally: bool,
}

/// An article shorter than this (in characters) makes [`extract`] retry
/// with fewer heuristics.
const ENOUGH_TEXT: usize = 500;

/// Folded length of a text: whitespace runs count as one character.
fn folded_len(t: &str) -> usize {
    let mut n = 0;
    let mut space = true;
    for c in t.chars() {
        if c.is_whitespace() {
            if !space {
                n += 1;
                space = true;
            }
        } else {
            n += 1;
            space = false;
        }
    }
    n
}

fn has_word(haystack: &str, words: &[&str]) -> bool {
    words.iter().any(|w| haystack.contains(w))
}

fn class_weight(dom: &Dom, id: usize, flags: Flags) -> f64 {
    if !flags.weight_classes {
        return 0.0;
    }
    let ci = dom.class_and_id(id);
    if ci.is_empty() {
        return 0.0;
    }
    let mut w = 0.0;
    if has_word(&ci, NEGATIVE) {
        w -= 25.0;
    }
    if has_word(&ci, POSITIVE) {
        w += 25.0;
    }
    w
}

/// Whether an element is furniture before any scoring: unlikely class,
/// furniture role, hidden, or never text.
fn unlikely(dom: &Dom, id: usize, flags: Flags) -> bool {
    let name = dom.name(id);
    if NEVER_TEXT.contains(&name) {
        return true;
    }
    if !flags.strip_unlikely {
        return false;
    }
    if matches!(name, "body" | "html" | "article" | "main" | "#root") {
        return false;
    }
    if dom.attr(id, "hidden").is_some() || dom.attr(id, "aria-hidden") == Some("true") {
        return true;
    }
    if let Some(style) = dom.attr(id, "style") {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if style.contains("display:none") || style.contains("visibility:hidden") {
            return true;
        }
    }
    if let Some(role) = dom.attr(id, "role") {
        if UNLIKELY_ROLES.contains(&role.trim().to_ascii_lowercase().as_str()) {
            return true;
        }
    }
    let ci = dom.class_and_id(id);
    !ci.is_empty() && has_word(&ci, UNLIKELY) && !has_word(&ci, MAYBE)
}

/// Whether an element is a readers' comment section: a class or id token
/// that names the comments as a whole ("comments", "comment-list",
/// "comments-area", "disqus_thread", "replies", `id="respond"`). Unlike the
/// other furniture words, this holds in every pass: when a short article is
/// retried with fewer heuristics, a longer comment section must not win.
/// A single "comment" token is not enough (some sites mark opinion articles
/// so).
pub(super) fn comment_section(dom: &Dom, id: usize) -> bool {
    let ci = dom.class_and_id(id);
    ci.split(|c: char| c.is_whitespace()).any(|token| {
        token.starts_with("comments")
            || token.starts_with("comment-list")
            || token.starts_with("commentlist")
            || token.starts_with("comment-section")
            || token.starts_with("comment-thread")
            || token.starts_with("disqus")
            || token == "replies"
            || token == "respond"
    })
}

/// Words of the action under each reader comment ("Reply", "Répondre"),
/// in the languages the date reader knows.
const REPLY_WORDS: &[&str] = &[
    "reply",
    "respond",
    "responder",
    "responde",
    "répondre",
    "repondre",
    "antworten",
    "beantworten",
    "rispondi",
    "reageer",
    "reageren",
    "responder",
];

/// Reader comments found by their shape rather than their class names: two
/// or more sibling elements that each hold a reply action (an `a`,
/// `button` or short `span` reading "Reply", "Reply (3)", "Répondre") are
/// comments. They are dropped; so is their container when little else is in
/// it (the "42 comments" heading, "Load more comments"), or else the short
/// siblings right around them. An article never offers a reply under each
/// of its paragraphs, so the shape does not occur in reporting.
fn comment_threads(dom: &Dom) -> Vec<bool> {
    let n = dom.nodes.len();
    let is_reply_action = |id: usize| -> bool {
        if !matches!(dom.name(id), "a" | "button" | "span") {
            return false;
        }
        // Ids of a subtree are contiguous: a small subtree is a few ids.
        if dom.last_descendant(id) - id > 8 {
            return false;
        }
        let text = dom.text(id);
        if text.len() > 40 {
            return false;
        }
        let words: String = text
            .to_lowercase()
            .chars()
            .map(|c| if c.is_alphabetic() { c } else { ' ' })
            .collect();
        let mut words = words.split_whitespace();
        matches!((words.next(), words.next()), (Some(w), None) if REPLY_WORDS.contains(&w))
    };
    // Children have larger ids than their parent: one pass from the end
    // carries "holds a reply action" up the tree.
    let mut holds_reply = vec![false; n];
    for id in (0..n).rev() {
        if !dom.is_text(id) && (holds_reply[id] || is_reply_action(id)) {
            holds_reply[id] = true;
            if id > 0 {
                holds_reply[dom.nodes[id].parent] = true;
            }
        }
    }
    let mut thread = vec![false; n];
    for id in 0..n {
        let children = &dom.nodes[id].children;
        let items: Vec<usize> = children
            .iter()
            .copied()
            .filter(|&c| !dom.is_text(c) && holds_reply[c] && !is_reply_action(c))
            .collect();
        if items.len() < 2 {
            continue;
        }
        let item_text: usize = items.iter().map(|&c| folded_len(&dom.text(c))).sum();
        let rest = folded_len(&dom.text(id)).saturating_sub(item_text);
        if rest < 200 && id > 0 && !matches!(dom.name(id), "body" | "html") {
            thread[id] = true;
            continue;
        }
        let at = |x: usize| children.iter().position(|&c| c == x).unwrap_or(0);
        let (first_at, last_at) = (at(items[0]), at(items[items.len() - 1]));
        for (i, &c) in children.iter().enumerate() {
            let around = i + 1 >= first_at && i <= last_at + 1;
            if around && (items.contains(&c) || folded_len(&dom.text(c)) < 80) {
                thread[c] = true;
            }
        }
    }
    thread
}

/// A card of links set inline in a paragraph (a hover card after a name:
/// the person's full name, their other stories, "MORE"): a `span` inside
/// a `<p>` holding three or more links and almost nothing else. Browsers
/// show it only on hover; read as text it glues headlines into the
/// sentence ("Gov. Jane RoeJane Lynn RoeGovernor doubles down on … MORE
/// (R) is defending"). The caller keeps the innermost such span.
fn inline_link_card(dom: &Dom, id: usize) -> bool {
    if dom.name(id) != "span" || !dom.ancestors(id).take(4).any(|a| dom.name(a) == "p") {
        return false;
    }
    let last = dom.last_descendant(id);
    if last - id > 400 {
        return false;
    }
    let (mut links, mut text, mut linked) = (0usize, 0usize, 0usize);
    for n in id..=last {
        match &dom.nodes[n].kind {
            Kind::Element { name, .. } if name == "a" => links += 1,
            Kind::Text(t) => {
                let len = folded_len(t);
                text += len;
                if dom
                    .ancestors(n)
                    .take_while(|&a| a != id)
                    .any(|a| dom.name(a) == "a")
                {
                    linked += len;
                }
            }
            _ => {}
        }
    }
    links >= 3 && text > 0 && linked * 10 >= text * 9
}

/// Picks the article, retrying with fewer heuristics while it is short, and
/// keeping the longest result (as Readability does).
pub fn extract(dom: &Dom) -> Article {
    let passes = [
        Flags {
            strip_unlikely: true,
            weight_classes: true,
            clean_conditionally: true,
        },
        Flags {
            strip_unlikely: false,
            weight_classes: true,
            clean_conditionally: true,
        },
        Flags {
            strip_unlikely: false,
            weight_classes: false,
            clean_conditionally: true,
        },
        Flags {
            strip_unlikely: false,
            weight_classes: false,
            clean_conditionally: false,
        },
    ];
    let mut threads = comment_threads(dom);
    // The innermost card only: the span around it also holds the name the
    // sentence needs ("Gov. Jane Roe").
    let mut card_below = vec![false; threads.len()];
    for id in (1..threads.len()).rev() {
        let card = !card_below[id] && inline_link_card(dom, id);
        threads[id] = threads[id] || card;
        let parent = dom.nodes[id].parent;
        card_below[parent] = card_below[parent] || card_below[id] || card;
    }
    let mut best: Option<(usize, Article)> = None;
    for flags in passes {
        let article = extract_with(dom, flags, &threads);
        let len = kept_len(dom, &article);
        if len >= ENOUGH_TEXT {
            return article;
        }
        if best.as_ref().map_or(true, |(l, _)| len > *l) {
            best = Some((len, article));
        }
    }
    best.map(|(_, a)| a).unwrap_or(Article {
        roots: Vec::new(),
        dropped: vec![false; dom.nodes.len()],
    })
}

/// Characters of text an article keeps.
fn kept_len(dom: &Dom, article: &Article) -> usize {
    let mut len = 0;
    for &root in &article.roots {
        let mut stack = vec![root];
        while let Some(id) = stack.pop() {
            if article.dropped[id] {
                continue;
            }
            match &dom.nodes[id].kind {
                Kind::Text(t) => len += folded_len(t),
                Kind::Element { .. } => stack.extend(&dom.nodes[id].children),
            }
        }
    }
    len
}

fn extract_with(dom: &Dom, flags: Flags, threads: &[bool]) -> Article {
    let n = dom.nodes.len();
    // Furniture found before scoring: the element and all below it.
    let mut dropped = vec![false; n];
    for id in 1..n {
        let parent = dom.nodes[id].parent;
        if dropped[parent]
            || threads[id]
            || (!dom.is_text(id) && (unlikely(dom, id, flags) || comment_section(dom, id)))
        {
            dropped[id] = true;
        }
    }
    let sums = subtree_sums(dom, &dropped);

    // Score paragraphs into their ancestors.
    let mut score: Vec<Option<f64>> = vec![None; n];
    let init = |score: &mut Vec<Option<f64>>, id: usize| {
        if score[id].is_none() {
            let base = match dom.name(id) {
                "div" | "article" | "main" => 5.0,
                "pre" | "td" | "blockquote" => 3.0,
                "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
                _ => 0.0,
            };
            score[id] = Some(base + class_weight(dom, id, flags));
        }
    };
    for id in 1..n {
        if dropped[id] || dom.is_text(id) {
            continue;
        }
        let name = dom.name(id);
        let paragraph_like = match name {
            "p" | "pre" | "td" | "section" | "h2" | "h3" | "h4" | "h5" | "h6" => true,
            "div" => !dom.nodes[id]
                .children
                .iter()
                .any(|&c| BLOCK_CHILDREN.contains(&dom.name(c))),
            _ => false,
        };
        // Text written straight into a container, beside its blocks,
        // counts as a paragraph of that container.
        let (len, commas, first) = if paragraph_like {
            (sums[id].text, sums[id].commas, dom.nodes[id].parent)
        } else if name == "div" {
            let mut len = 0;
            let mut commas = 0;
            for &c in &dom.nodes[id].children {
                if let Kind::Text(t) = &dom.nodes[c].kind {
                    len += folded_len(t.trim());
                    commas += count_commas(t);
                }
            }
            (len, commas, id)
        } else {
            continue;
        };
        if len < 25 {
            continue;
        }
        let content = 1.0 + commas as f64 + (len as f64 / 100.0).floor().min(3.0);
        let mut ancestor = first;
        for level in 0..5 {
            if ancestor == 0 || dom.name(ancestor) == "html" {
                break;
            }
            init(&mut score, ancestor);
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f64 * 3.0,
            };
            if let Some(s) = score[ancestor].as_mut() {
                *s += content / divider;
            }
            ancestor = dom.nodes[ancestor].parent;
        }
    }

    let link_density = |id: usize| -> f64 {
        let s = sums[id];
        if s.text == 0 {
            0.0
        } else {
            s.link_text as f64 / s.text as f64
        }
    };
    let mut candidates: Vec<(usize, f64)> = score
        .iter()
        .enumerate()
        .filter_map(|(id, s)| s.map(|s| (id, s * (1.0 - link_density(id)))))
        .collect();
    crate::order::sort_by(&mut candidates, |a, b| b.1.total_cmp(&a.1));
    let final_score =
        |id: usize| -> Option<f64> { score[id].map(|s| s * (1.0 - link_density(id))) };

    let body = dom.elements_named("body").next().unwrap_or(0);
    let Some(&(mut top, top_score)) = candidates.first() else {
        return Article {
            roots: vec![body],
            dropped,
        };
    };

    // Several strong candidates under one ancestor: the article is split
    // into sections, so take the ancestor.
    let strong: Vec<usize> = candidates
        .iter()
        .skip(1)
        .take(4)
        .filter(|(_, s)| *s >= top_score * 0.75)
        .map(|(id, _)| *id)
        .collect();
    if strong.len() >= 2 {
        let top_ancestors: Vec<usize> = dom.ancestors(top).collect();
        for &ancestor in &top_ancestors {
            if dom.name(ancestor) == "body" {
                break;
            }
            let containing = strong
                .iter()
                .filter(|&&c| dom.ancestors(c).any(|a| a == ancestor))
                .count();
            if containing >= 2 {
                top = ancestor;
                break;
            }
        }
    }

    // Climb while the parent scores about as well: the article's own
    // container holds more than its best paragraph group.
    let mut last = final_score(top).unwrap_or(top_score);
    let threshold = last / 3.0;
    let mut parent = dom.nodes[top].parent;
    while parent != 0 && dom.name(parent) != "body" {
        match final_score(parent) {
            None => {}
            Some(s) if s < threshold => break,
            Some(s) if s > last => {
                top = parent;
                break;
            }
            Some(s) => last = s,
        }
        parent = dom.nodes[parent].parent;
    }
    // A container that is its parent's only element child says nothing.
    loop {
        let parent = dom.nodes[top].parent;
        if parent == 0 || matches!(dom.name(parent), "body" | "html") {
            break;
        }
        let element_children = dom.nodes[parent]
            .children
            .iter()
            .filter(|&&c| !dom.is_text(c) && !dropped[c])
            .count();
        if element_children != 1 {
            break;
        }
        top = parent;
    }

    // Siblings that look like more of the article.
    let top_final = final_score(top).unwrap_or(top_score);
    let sibling_threshold = (top_final * 0.2).max(10.0);
    let top_class = dom.attr(top, "class").unwrap_or("").to_string();
    let parent = dom.nodes[top].parent;
    let mut roots = Vec::new();
    for &sibling in &dom.nodes[parent].children {
        if sibling == top {
            roots.push(sibling);
            continue;
        }
        if dropped[sibling] || dom.is_text(sibling) {
            continue;
        }
        let mut bonus = 0.0;
        if !top_class.is_empty() && dom.attr(sibling, "class") == Some(top_class.as_str()) {
            bonus = top_final * 0.2;
        }
        let keep = match final_score(sibling) {
            Some(s) if s + bonus >= sibling_threshold => true,
            _ if dom.name(sibling) == "p" => {
                let len = sums[sibling].text;
                let density = link_density(sibling);
                let text = dom.text(sibling);
                let text = text.trim();
                (len > 80 && density < 0.25)
                    || (len > 0
                        && len <= 80
                        && density == 0.0
                        && (text.contains(". ") || text.ends_with('.')))
            }
            _ => false,
        };
        if keep {
            roots.push(sibling);
        }
    }

    clean(dom, &roots, &sums, &score, flags, &mut dropped);
    Article { roots, dropped }
}

/// Whether an element sits in a figure or caption, where a `©` credit is
/// part of the caption.
fn in_caption(dom: &Dom, id: usize) -> bool {
    std::iter::once(id)
        .chain(dom.ancestors(id).take(4))
        .any(|a| {
            matches!(dom.name(a), "figure" | "figcaption")
                || dom.class_and_id(a).contains("caption")
        })
}

fn count_commas(t: &str) -> usize {
    t.chars()
        .filter(|c| {
            matches!(
                c,
                ',' | '，' | '、' | '،' | '︐' | '﹐' | '︑' | '⹁' | '⸴' | '⸲'
            )
        })
        .count()
}

/// Sums over each subtree, not counting dropped nodes.
fn subtree_sums(dom: &Dom, dropped: &[bool]) -> Vec<Sums> {
    let n = dom.nodes.len();
    let mut sums = vec![Sums::default(); n];
    for id in (1..n).rev() {
        if dropped[id] {
            continue;
        }
        let mut s = sums[id];
        match &dom.nodes[id].kind {
            Kind::Text(t) => {
                s.text = folded_len(t);
                s.commas = count_commas(t);
            }
            Kind::Element { name, .. } => match name.as_str() {
                "a" => s.link_text = s.text,
                "p" => s.paragraphs += 1,
                "img" => s.images += 1,
                "li" => s.list_items += 1,
                "input" | "select" | "textarea" | "button" => s.inputs += 1,
                "embed" | "object" | "iframe" | "video" | "audio" => s.embeds += 1,
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => s.heading_text = s.text,
                _ => {}
            },
        }
        sums[id] = s;
        let p = dom.nodes[id].parent;
        let parent = &mut sums[p];
        parent.text += s.text;
        parent.link_text += s.link_text;
        parent.commas += s.commas;
        parent.paragraphs += s.paragraphs;
        parent.images += s.images;
        parent.list_items += s.list_items;
        parent.inputs += s.inputs;
        parent.embeds += s.embeds;
        parent.heading_text += s.heading_text;
    }
    sums
}

/// Drops furniture inside the chosen article: containers that score badly
/// or look like link lists, image galleries or forms ("clean
/// conditionally"), and headings marked as furniture.
fn clean(
    dom: &Dom,
    roots: &[usize],
    sums: &[Sums],
    score: &[Option<f64>],
    flags: Flags,
    dropped: &mut [bool],
) {
    for &root in roots {
        let mut stack = vec![root];
        while let Some(id) = stack.pop() {
            if dropped[id] || dom.is_text(id) {
                continue;
            }
            if id != root && drop_inside_article(dom, id, sums, score, flags) {
                dropped[id] = true;
                continue;
            }
            stack.extend(dom.nodes[id].children.iter().rev());
        }
    }
    // Children of dropped nodes are dropped too.
    for id in 1..dom.nodes.len() {
        if dropped[dom.nodes[id].parent] {
            dropped[id] = true;
        }
    }
}

fn drop_inside_article(
    dom: &Dom,
    id: usize,
    sums: &[Sums],
    score: &[Option<f64>],
    flags: Flags,
) -> bool {
    let name = dom.name(id);
    let weight = class_weight(dom, id, flags);
    if matches!(name, "h1" | "h2" | "h3") && weight < 0.0 {
        return true;
    }
    let ci = dom.class_and_id(id);
    if sums[id].text < 500 && (ci.contains("share") || ci.contains("sharedaddy")) {
        return true;
    }
    if !flags.clean_conditionally {
        return false;
    }
    // A short copyright or rights notice is the site's, not the article's.
    if sums[id].text < 300 && matches!(name, "p" | "div" | "small") && !in_caption(dom, id) {
        let text = dom.text(id).to_lowercase();
        if text.contains('©') || text.contains("all rights reserved") {
            return true;
        }
    }
    // A short paragraph that is all link inside the article is a promo
    // ("READ MORE ...", "CLICK HERE TO GET THE APP").
    if matches!(name, "p" | "li") {
        let s = sums[id];
        return s.text > 0 && s.text < 200 && s.link_text * 10 >= s.text * 8;
    }
    if !matches!(
        name,
        "div" | "section" | "ul" | "ol" | "table" | "form" | "fieldset" | "header" | "figure"
    ) {
        return false;
    }
    let content_score = score[id].unwrap_or(0.0);
    if weight + content_score < 0.0 {
        return true;
    }
    let s = sums[id];
    if s.commas >= 10 {
        return false;
    }
    let is_list = matches!(name, "ul" | "ol");
    let in_figure = name == "figure" || dom.ancestors(id).take(3).any(|a| dom.name(a) == "figure");
    let p = s.paragraphs as f64;
    let img = s.images as f64;
    let li = s.list_items as f64 - 100.0;
    let density = if s.text == 0 {
        0.0
    } else {
        s.link_text as f64 / s.text as f64
    };
    let heading_density = if s.text == 0 {
        0.0
    } else {
        s.heading_text as f64 / s.text as f64
    };
    let len = s.text;
    (img > 1.0 && p / img < 0.5 && !in_figure)
        || (!is_list && li > p)
        || (s.inputs as f64 > (p / 3.0).floor())
        || (!is_list
            && heading_density < 0.9
            && len < 25
            && (img == 0.0 || img > 2.0)
            && !in_figure)
        || (!is_list && weight < 25.0 && density > 0.2)
        || (weight >= 25.0 && density > 0.5)
        || ((s.embeds == 1 && len < 75) || s.embeds > 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept_text(html: &str) -> String {
        let dom = Dom::parse(html);
        let article = extract(&dom);
        let mut out = String::new();
        for &root in &article.roots {
            let mut ids = vec![root];
            ids.extend(dom.descendants(root));
            for id in ids {
                if let (false, Kind::Text(t)) = (article.dropped[id], &dom.nodes[id].kind) {
                    out.push_str(t);
                    out.push(' ');
                }
            }
        }
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn the_paragraph_container_wins_over_link_lists() {
        let para = "<p>This is a sentence of the article, long enough to count, with commas, and more words.</p>";
        let html = format!(
            "<body><div class='menu'><a href=/>Home</a> <a href=/w>World</a></div>\
             <div class='links'><ul><li><a href=/1>One link to another page of the site</a></li>\
             <li><a href=/2>Two links to another page of the site</a></li></ul></div>\
             <div class='story-body'>{}</div><div id='comments'>{}</div></body>",
            para.repeat(8),
            "<p>A comment that is long enough to be scored as a paragraph, yes.</p>".repeat(3)
        );
        let text = kept_text(&html);
        assert!(text.contains("This is a sentence"));
        assert!(!text.contains("Home"));
        assert!(!text.contains("One link"));
        assert!(!text.contains("A comment"));
    }

    #[test]
    fn comments_are_found_by_their_shape_inside_the_article() {
        let article = "<p>The ferry service to the island resumes on Monday after a month of \
            repairs to the harbour wall, the port authority said, with four sailings a day.</p>"
            .repeat(3);
        let comment = |who: &str, said: &str| {
            format!(
                "<div><div><b>{who}</b> <span>2 hours ago</span></div><p>{said} {}</p>\
                 <a href='#'>Reply</a> <span>3 likes</span></div>",
                "It has taken far too long and the timetable is still not posted anywhere. "
                    .repeat(3)
            )
        };
        // Nested in a container of their own, and loose beside the article's
        // paragraphs: both go, with their heading and "load more" link.
        let own = format!(
            "<article><h1>Ferry returns</h1>{article}<section><h2>17 comments</h2>{}{}\
             <a href='#'>Load more comments</a></section></article>",
            comment("islander", "About time."),
            comment("Mo", "Finally."),
        );
        let loose = format!(
            "<article><h1>Ferry returns</h1>{article}<h3>Join the discussion</h3>{}{}{}\
             <p><a href='#'>Show more</a></p></article>",
            comment("islander", "About time."),
            comment("Mo", "Finally."),
            comment("Kit", "Good news."),
        );
        for page in [own, loose] {
            let text = kept_text(&page);
            assert!(text.contains("The ferry service"), "{text}");
            for gone in [
                "About time",
                "Finally",
                "Good news",
                "comments",
                "discussion",
                "Show more",
                "Reply",
            ] {
                assert!(!text.contains(gone), "{gone} kept in: {text}");
            }
        }
        // One reply link (a letter to the editor's "Reply to this letter")
        // is no comment thread.
        let single = format!("<article>{article}<p><a href='#'>Reply</a></p></article>");
        assert!(kept_text(&single).contains("The ferry service"));
    }

    #[test]
    fn a_hover_card_of_links_inside_a_paragraph_is_not_text() {
        let body = "<p>The ferry service to the island resumes on Monday after a month of \
            repairs to the harbour wall, the port authority said, with four sailings a day.</p>"
            .repeat(3);
        let page = format!(
            "<article><p>Harbour master <span><a href='/p/jr'>Jane Roe</a><span><span>\
             <img src='x.jpg'><a href='/p/jr'>Jane Lynn Roe</a><a href='/a/1'>Harbour wall to cost twice \
             the estimate</a> <a href='/a/2'>Island school gets new roof</a> <a href='/p/jr'>MORE</a>\
             </span></span></span> (Port Authority) welcomed the news.</p>{body}</article>"
        );
        let text = kept_text(&page);
        assert!(
            text.contains("Harbour master Jane Roe (Port Authority) welcomed"),
            "{text}"
        );
        assert!(!text.contains("MORE"), "{text}");
        // Links that are the sentence's own words stay.
        let page = format!(
            "<article><p>The <a href='/a'>council</a>, the <a href='/b'>port</a> and the \
             <a href='/c'>ferry company</a> agreed.</p>{body}</article>"
        );
        let text = kept_text(&page);
        assert!(text.contains("ferry company agreed"), "{text}");
    }

    #[test]
    fn related_links_share_bars_and_sign_ups_go_without_class_names() {
        let article = "<p>The ferry service to the island resumes on Monday after a month of \
            repairs to the harbour wall, the port authority said, with four sailings a day.</p>"
            .repeat(4);
        let page = format!(
            "<main><article><h1>Ferry returns</h1>\
             <div><a href='/f'>Facebook</a> <a href='/t'>Twitter</a> <a href='/e'>Email</a></div>\
             {article}\
             <div><h4>Read next</h4><ul><li><a href='/1'>Harbour wall to cost twice the estimate</a></li>\
             <li><a href='/2'>Island school gets new roof</a></li>\
             <li><a href='/3'>Bridge plan shelved again</a></li></ul></div>\
             <div><p>Get the morning briefing</p><form><input type='email'><button>Sign up</button></form></div>\
             </article></main>"
        );
        let text = kept_text(&page);
        assert!(text.contains("The ferry service"), "{text}");
        for gone in [
            "Facebook",
            "Harbour wall to cost",
            "Bridge plan",
            "Sign up",
            "briefing",
        ] {
            assert!(!text.contains(gone), "{gone} kept in: {text}");
        }
    }

    #[test]
    fn a_page_without_paragraphs_falls_back_to_the_body() {
        let dom = Dom::parse("<html><body><span>Hi</span></body></html>");
        let article = extract(&dom);
        assert_eq!(article.roots.len(), 1);
        assert_eq!(dom.name(article.roots[0]), "body");
    }
}
