//! The page's tree: markup in, an arena of elements and text nodes out.
//!
//! Parsing is the WHATWG HTML algorithm as html5ever (Servo's parser)
//! implements it: character references, implied end tags, misnested
//! formatting, tables, `<template>` and foreign content follow the standard.
//! Its tree is copied into an arena in document order, so a parent's id is
//! always lower than its children's: a reverse pass over ids is a post-order
//! walk. Comments, doctypes and template contents (never rendered) are left
//! out. Nesting deeper than [`MAX_DEPTH`] is flattened, and start tags are
//! not passed to the parser once the page is that deep, so a hostile page
//! cannot make the parser's scope checks quadratic nor anything built on
//! the tree recurse deeply.

use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};
use std::collections::HashMap;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::tree_builder::{
    ElementFlags, NodeOrText, QuirksMode, TreeBuilder, TreeBuilderOpts, TreeSink,
};
use html5ever::{Attribute, LocalName, Namespace, QualName};

/// Elements open at once beyond this depth become siblings instead.
pub const MAX_DEPTH: usize = 256;

#[derive(Debug, Clone)]
pub enum Kind {
    Element {
        name: String,
        attrs: Vec<(String, String)>,
    },
    Text(String),
}

#[derive(Debug, Clone)]
pub struct Node {
    pub kind: Kind,
    pub parent: usize,
    pub children: Vec<usize>,
}

/// The parsed page. Node 0 is the document root, an element named `#root`.
#[derive(Debug, Clone)]
pub struct Dom {
    pub nodes: Vec<Node>,
}

impl Dom {
    /// Parses a page as a browser does. Never panics; any input gives a
    /// tree with at least the root.
    pub fn parse(html: &str) -> Dom {
        let builder = TreeBuilder::new(
            Sink::new(),
            TreeBuilderOpts {
                // As a browser with scripts on reads `<noscript>`: raw text,
                // which extraction leaves out.
                scripting_enabled: true,
                ..TreeBuilderOpts::default()
            },
        );
        let guard = DepthGuard {
            inner: builder,
            dropped: RefCell::new(HashMap::new()),
        };
        let tokenizer = Tokenizer::new(guard, TokenizerOpts::default());
        let input = BufferQueue::default();
        input.push_back(StrTendril::from_slice(html));
        // A `</script>` pauses the tokenizer so a browser can run it; there
        // is nothing to run, so feeding simply goes on.
        while !matches!(tokenizer.feed(&input), html5ever::TokenizerResult::Done) {}
        tokenizer.end();
        tokenizer.sink.inner.sink.into_dom()
    }

    pub fn name(&self, id: usize) -> &str {
        match &self.nodes[id].kind {
            Kind::Element { name, .. } => name,
            Kind::Text(_) => "",
        }
    }

    pub fn is_text(&self, id: usize) -> bool {
        matches!(self.nodes[id].kind, Kind::Text(_))
    }

    pub fn attr(&self, id: usize, key: &str) -> Option<&str> {
        match &self.nodes[id].kind {
            Kind::Element { attrs, .. } => attrs
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str()),
            Kind::Text(_) => None,
        }
    }

    /// The element's `class` and `id` together, lowercased: what
    /// Readability-style rules match words against.
    pub fn class_and_id(&self, id: usize) -> String {
        let mut s = String::new();
        for key in ["class", "id"] {
            if let Some(v) = self.attr(id, key) {
                s.push_str(&v.to_ascii_lowercase());
                s.push(' ');
            }
        }
        s
    }

    /// Every element with this name, in document order.
    pub fn elements_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = usize> + 'a {
        (0..self.nodes.len()).filter(move |&id| self.name(id) == name)
    }

    /// The ids under `id` (not `id` itself), in document order.
    pub fn descendants(&self, id: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut stack: Vec<usize> = self.nodes[id].children.iter().rev().copied().collect();
        while let Some(n) = stack.pop() {
            out.push(n);
            stack.extend(self.nodes[n].children.iter().rev());
        }
        out
    }

    /// The text under `id`, raw (whitespace as written).
    pub fn text(&self, id: usize) -> String {
        if let Kind::Text(t) = &self.nodes[id].kind {
            return t.clone();
        }
        let mut out = String::new();
        for n in self.descendants(id) {
            if let Kind::Text(t) = &self.nodes[n].kind {
                out.push_str(t);
            }
        }
        out
    }

    /// The last id under `id` (itself when it has no children): ids are in
    /// document order and a subtree's ids are contiguous, so `id..=last`
    /// is the whole subtree.
    pub fn last_descendant(&self, id: usize) -> usize {
        let mut last = id;
        while let Some(&child) = self.nodes[last].children.last() {
            last = child;
        }
        last
    }

    /// Ancestors of `id`, nearest first, not counting the root.
    pub fn ancestors(&self, id: usize) -> impl Iterator<Item = usize> + '_ {
        let mut current = id;
        std::iter::from_fn(move || {
            if current == 0 {
                return None;
            }
            current = self.nodes[current].parent;
            (current != 0).then_some(current)
        })
    }
}

/// A node of the parser's working tree, before it is laid out in document
/// order.
struct Working {
    /// The element's name; empty for other nodes.
    name: QualName,
    kind: WorkingKind,
    parent: Option<usize>,
    children: Vec<usize>,
    /// A template element's contents, a fragment outside the tree.
    template_contents: Option<usize>,
}

enum WorkingKind {
    Document,
    Element(Vec<(String, String)>),
    Text(String),
    /// Comments, processing instructions, template contents: never text.
    Hidden,
}

/// Receives html5ever's tree operations. Handles are indexes into `nodes`;
/// the parser may move nodes (misnested tags, foster parenting), so the
/// order of `nodes` is creation order, not document order.
struct Sink {
    nodes: RefCell<Vec<Working>>,
    /// The depth of the parser's insertion point as last seen, an estimate
    /// of its stack of open elements that [`DepthGuard`] reads.
    depth: Cell<usize>,
}

/// Attributes kept per element; a page that writes thousands on one tag
/// gains nothing from them.
const MAX_ATTRIBUTES: usize = 64;

impl Sink {
    fn new() -> Sink {
        Sink {
            nodes: RefCell::new(vec![Working::new(WorkingKind::Document, unnamed())]),
            depth: Cell::new(0),
        }
    }

    fn add(&self, kind: WorkingKind, name: QualName) -> usize {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(Working::new(kind, name));
        nodes.len() - 1
    }

    fn detach(nodes: &mut [Working], child: usize) {
        if let Some(parent) = nodes[child].parent.take() {
            nodes[parent].children.retain(|&c| c != child);
        }
    }

    fn depth_of(nodes: &[Working], mut id: usize) -> usize {
        let mut depth = 0;
        while let Some(parent) = nodes[id].parent {
            depth += 1;
            id = parent;
        }
        depth
    }

    /// Notes where the parser inserts: an element becomes the current node,
    /// text leaves it where it was.
    fn inserted_under(&self, nodes: &[Working], parent: usize, element: bool) {
        self.depth
            .set(Self::depth_of(nodes, parent) + usize::from(element));
    }

    /// The working tree laid out in document order, as the arena the
    /// extraction reads: adjacent text joined, hidden nodes left out,
    /// nesting past [`MAX_DEPTH`] flattened.
    fn into_dom(self) -> Dom {
        let mut working = self.nodes.into_inner();
        let mut out = vec![Node {
            kind: Kind::Element {
                name: "#root".to_string(),
                attrs: Vec::new(),
            },
            parent: 0,
            children: Vec::new(),
        }];
        // (working id, parent in `out`, depth)
        let mut stack: Vec<(usize, usize, usize)> = working[0]
            .children
            .iter()
            .rev()
            .map(|&c| (c, 0, 1))
            .collect();
        while let Some((id, parent, depth)) = stack.pop() {
            let kind = std::mem::replace(&mut working[id].kind, WorkingKind::Hidden);
            match kind {
                WorkingKind::Text(text) => {
                    if let Some(&last) = out[parent].children.last() {
                        if let Kind::Text(t) = &mut out[last].kind {
                            t.push_str(&text);
                            continue;
                        }
                    }
                    out.push(Node {
                        kind: Kind::Text(text),
                        parent,
                        children: Vec::new(),
                    });
                    let new = out.len() - 1;
                    out[parent].children.push(new);
                }
                WorkingKind::Element(attrs) => {
                    out.push(Node {
                        kind: Kind::Element {
                            name: working[id].name.local.to_ascii_lowercase().to_string(),
                            attrs,
                        },
                        parent,
                        children: Vec::new(),
                    });
                    let new = out.len() - 1;
                    out[parent].children.push(new);
                    let (under, child_depth) = if depth < MAX_DEPTH {
                        (new, depth + 1)
                    } else {
                        (parent, depth)
                    };
                    stack.extend(
                        working[id]
                            .children
                            .iter()
                            .rev()
                            .map(|&c| (c, under, child_depth)),
                    );
                }
                WorkingKind::Document | WorkingKind::Hidden => {}
            }
        }
        Dom { nodes: out }
    }
}

impl Working {
    fn new(kind: WorkingKind, name: QualName) -> Working {
        Working {
            name,
            kind,
            parent: None,
            children: Vec::new(),
            template_contents: None,
        }
    }
}

fn unnamed() -> QualName {
    QualName::new(None, Namespace::from(""), LocalName::from(""))
}

fn attribute_pairs(attrs: Vec<Attribute>) -> Vec<(String, String)> {
    attrs
        .into_iter()
        .take(MAX_ATTRIBUTES)
        .map(|a| {
            let local = a.name.local.to_ascii_lowercase().to_string();
            let name = match &a.name.prefix {
                Some(prefix) => format!("{prefix}:{local}"),
                None => local,
            };
            (name, a.value.to_string())
        })
        .collect()
}

impl TreeSink for Sink {
    type Handle = usize;
    type Output = Dom;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Dom {
        self.into_dom()
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> usize {
        0
    }

    fn elem_name<'a>(&'a self, target: &'a usize) -> Ref<'a, QualName> {
        Ref::map(self.nodes.borrow(), |nodes| &nodes[*target].name)
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> usize {
        let id = self.add(WorkingKind::Element(attribute_pairs(attrs)), name);
        if flags.template {
            let contents = self.add(WorkingKind::Hidden, unnamed());
            self.nodes.borrow_mut()[id].template_contents = Some(contents);
        }
        id
    }

    fn create_comment(&self, _text: StrTendril) -> usize {
        self.add(WorkingKind::Hidden, unnamed())
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> usize {
        self.add(WorkingKind::Hidden, unnamed())
    }

    fn append(&self, parent: &usize, child: NodeOrText<usize>) {
        let mut nodes = self.nodes.borrow_mut();
        let parent = *parent;
        match child {
            NodeOrText::AppendNode(child) => {
                Self::detach(&mut nodes, child);
                nodes[child].parent = Some(parent);
                nodes[parent].children.push(child);
                let element = matches!(nodes[child].kind, WorkingKind::Element(_));
                self.inserted_under(&nodes, parent, element);
            }
            NodeOrText::AppendText(text) => {
                if let Some(&last) = nodes[parent].children.last() {
                    if let WorkingKind::Text(t) = &mut nodes[last].kind {
                        t.push_str(&text);
                        self.inserted_under(&nodes, parent, false);
                        return;
                    }
                }
                nodes.push(Working::new(WorkingKind::Text(text.to_string()), unnamed()));
                let id = nodes.len() - 1;
                nodes[id].parent = Some(parent);
                nodes[parent].children.push(id);
                self.inserted_under(&nodes, parent, false);
            }
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &usize,
        prev_element: &usize,
        child: NodeOrText<usize>,
    ) {
        let has_parent = self.nodes.borrow()[*element].parent.is_some();
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn get_template_contents(&self, target: &usize) -> usize {
        let existing = self.nodes.borrow()[*target].template_contents;
        existing.unwrap_or_else(|| {
            let contents = self.add(WorkingKind::Hidden, unnamed());
            self.nodes.borrow_mut()[*target].template_contents = Some(contents);
            contents
        })
    }

    fn same_node(&self, x: &usize, y: &usize) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &usize, new_node: NodeOrText<usize>) {
        let mut nodes = self.nodes.borrow_mut();
        let Some(parent) = nodes[*sibling].parent else {
            return;
        };
        match new_node {
            NodeOrText::AppendNode(child) => {
                Self::detach(&mut nodes, child);
                let at = nodes[parent]
                    .children
                    .iter()
                    .position(|c| c == sibling)
                    .unwrap_or(nodes[parent].children.len());
                nodes[child].parent = Some(parent);
                nodes[parent].children.insert(at, child);
            }
            NodeOrText::AppendText(text) => {
                let at = nodes[parent]
                    .children
                    .iter()
                    .position(|c| c == sibling)
                    .unwrap_or(nodes[parent].children.len());
                if at > 0 {
                    let before = nodes[parent].children[at - 1];
                    if let WorkingKind::Text(t) = &mut nodes[before].kind {
                        t.push_str(&text);
                        return;
                    }
                }
                nodes.push(Working::new(WorkingKind::Text(text.to_string()), unnamed()));
                let id = nodes.len() - 1;
                nodes[id].parent = Some(parent);
                nodes[parent].children.insert(at, id);
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &usize, attrs: Vec<Attribute>) {
        let mut nodes = self.nodes.borrow_mut();
        if let WorkingKind::Element(existing) = &mut nodes[*target].kind {
            for (name, value) in attribute_pairs(attrs) {
                if existing.len() < MAX_ATTRIBUTES && !existing.iter().any(|(n, _)| *n == name) {
                    existing.push((name, value));
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &usize) {
        Self::detach(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &usize, new_parent: &usize) {
        let mut nodes = self.nodes.borrow_mut();
        let children = std::mem::take(&mut nodes[*node].children);
        for &c in &children {
            nodes[c].parent = Some(*new_parent);
        }
        nodes[*new_parent].children.extend(children);
    }
}

/// Stands between the tokenizer and the tree builder: once the page is
/// [`MAX_DEPTH`] elements deep, further start tags (and the end tags that
/// close them) are not passed on, so their content joins the element above.
/// Without it every start tag on a page nested 100,000 deep makes the
/// parser walk its whole stack of open elements.
struct DepthGuard {
    inner: TreeBuilder<usize, Sink>,
    /// Tags held back, by name, whose end tags are still to come.
    dropped: RefCell<HashMap<LocalName, usize>>,
}

impl TokenSink for DepthGuard {
    type Handle = usize;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<usize> {
        if let Token::TagToken(tag) = &token {
            let depth = &self.inner.sink.depth;
            match tag.kind {
                TagKind::StartTag if !tag.self_closing && depth.get() >= MAX_DEPTH => {
                    *self
                        .dropped
                        .borrow_mut()
                        .entry(tag.name.clone())
                        .or_insert(0) += 1;
                    return TokenSinkResult::Continue;
                }
                TagKind::EndTag => {
                    let mut dropped = self.dropped.borrow_mut();
                    if let Some(n) = dropped.get_mut(&tag.name).filter(|n| **n > 0) {
                        *n -= 1;
                        return TokenSinkResult::Continue;
                    }
                    depth.set(depth.get().saturating_sub(1));
                }
                TagKind::StartTag => {}
            }
        }
        self.inner.process_token(token, line_number)
    }

    fn end(&self) {
        self.inner.end()
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.inner
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

/// Text that may hold character references (`&amp;`, `&#147;`, `&eacute`)
/// in, the characters out, decoded by the standard tokenizer as it decodes
/// them in a page's text: markup-looking text stays text.
pub fn decode_references(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let dom = Dom::parse(&format!("<body>{}", text.replace('<', "&lt;")));
    let body = dom.elements_named("body").next();
    body.map(|b| dom.text(b)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tree as a compact string: `name(children)`, text in quotes.
    fn shape(dom: &Dom, id: usize) -> String {
        let mut out = String::new();
        let mut stack = vec![(id, false)];
        while let Some((n, leaving)) = stack.pop() {
            if leaving {
                out.push(')');
                continue;
            }
            match &dom.nodes[n].kind {
                Kind::Text(t) => out.push_str(&format!("{t:?}")),
                Kind::Element { name, .. } => {
                    out.push_str(name);
                    out.push('(');
                    stack.push((n, true));
                    for &c in dom.nodes[n].children.iter().rev() {
                        stack.push((c, false));
                    }
                }
            }
        }
        out
    }

    /// The shape of what the page's `<body>` holds.
    fn body(html: &str) -> String {
        let dom = Dom::parse(html);
        let body = dom.elements_named("body").next().expect("a body");
        let shape = shape(&dom, body);
        shape["body(".len()..shape.len() - 1].to_string()
    }

    #[test]
    fn trees_follow_the_standard_parsing_algorithm() {
        let cases: &[(&str, &str)] = &[
            ("<p>a<b>b</b></p>", r#"p("a"b("b"))"#),
            ("<p>a<p>b", r#"p("a")p("b")"#),
            ("<ul><li>a<li>b</ul>", r#"ul(li("a")li("b"))"#),
            ("<p>a<div>b</div>", r#"p("a")div("b")"#),
            ("<div>a</span>b</div>", r#"div("ab")"#),
            ("a<br>b<img src=x>c", r#""a"br()"b"img()"c""#),
            (
                "<body><script>if (a<b) x='</p>'</script>t",
                r#"script("if (a<b) x='</p>'")"t""#,
            ),
            ("x < y &lt; z", r#""x < y < z""#),
            ("<!-- <p>no</p> -->yes", r#""yes""#),
            (
                "<table><tr><td>a<td>b<tr><td>c</table>",
                r#"table(tbody(tr(td("a")td("b"))tr(td("c"))))"#,
            ),
            ("<a title='x > y' href=\"u\">l</a>", r#"a("l")"#),
            (
                "<svg><title/><path/></svg><p>x</p>",
                r#"svg(title()path())p("x")"#,
            ),
            // Misnested formatting: the adoption agency algorithm.
            ("<b>1<i>2</b>3</i>", r#"b("1"i("2"))i("3")"#),
            // Text inside a table but outside a cell is moved before it.
            (
                "<table><tr><td>a</td></tr>stray</table>",
                r#""stray"table(tbody(tr(td("a"))))"#,
            ),
            // Template contents are never rendered.
            (
                "<body><template><p>hidden</p></template><p>shown</p>",
                r#"template()p("shown")"#,
            ),
            // Character references as the tokenizer reads them: legacy names
            // without a semicolon (even as a prefix, as `&not` in text),
            // windows-1252 numbers, unknown names kept.
            (
                "&copy 2020 &#147;Hi&#148; &notanentity; &zzz; &amp;",
                r#""© 2020 “Hi” ¬anentity; &zzz; &""#,
            ),
        ];
        for (html, want) in cases {
            assert_eq!(body(html), *want, "{html}");
        }
    }

    #[test]
    fn references_in_loose_text_decode_as_in_a_page() {
        assert_eq!(
            decode_references("&#147;Hi&#148; &amp; a < b &lt;p&gt; &eacute;t&eacute; &zzz;"),
            "“Hi” & a < b <p> été &zzz;"
        );
        assert_eq!(decode_references("no references"), "no references");
    }

    #[test]
    fn head_elements_go_to_the_head() {
        let dom = Dom::parse("<title>A &amp; B</title><p>x</p>");
        assert_eq!(
            shape(&dom, 0),
            r#"#root(html(head(title("A & B"))body(p("x"))))"#
        );
        // An unclosed title holds the rest of the page, as in a browser.
        let dom = Dom::parse("<title>never closed<p>x</p>");
        let title = dom.elements_named("title").next().unwrap();
        assert_eq!(dom.text(title), "never closed<p>x</p>");
    }

    #[test]
    fn attributes_are_read_and_decoded() {
        let dom =
            Dom::parse(r#"<meta PROPERTY="og:title" content='Tom &amp; Jerry' data-x=1 hidden>"#);
        let meta = dom.elements_named("meta").next().unwrap();
        assert_eq!(dom.attr(meta, "property"), Some("og:title"));
        assert_eq!(dom.attr(meta, "content"), Some("Tom & Jerry"));
        assert_eq!(dom.attr(meta, "data-x"), Some("1"));
        assert_eq!(dom.attr(meta, "hidden"), Some(""));
    }

    #[test]
    fn depth_is_capped_and_ids_are_in_document_order() {
        let dom = Dom::parse(&"<div>".repeat(100_000));
        let deepest = (0..dom.nodes.len())
            .map(|id| dom.ancestors(id).count())
            .max()
            .unwrap_or(0);
        assert!(deepest <= MAX_DEPTH + 1, "{deepest}");
        for (id, node) in dom.nodes.iter().enumerate().skip(1) {
            assert!(node.parent < id);
        }
    }
}
