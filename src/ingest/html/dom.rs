//! A small, forgiving HTML tree: markup in, an arena of elements and text
//! nodes out, built in one linear pass.
//!
//! It follows the parts of the HTML parsing rules that shape the text of
//! news pages (raw-text elements, void elements, `p`/`li`/`td` closing
//! themselves, end tags without a start ignored) and no more. Nodes are
//! stored in document order, so a parent's id is always lower than its
//! children's: a reverse pass over ids is a post-order walk. Nesting deeper
//! than [`MAX_DEPTH`] is flattened, so nothing built on the tree can recurse
//! deeply or go quadratic.

use super::entities::decode_entities;

/// Elements open at once beyond this depth become siblings instead.
pub const MAX_DEPTH: usize = 256;

/// How far down the stack of open elements an end tag looks for its start
/// tag; a mismatch deeper than that is ignored, which keeps parsing linear.
const MATCH_WINDOW: usize = 64;

/// Elements whose content is raw text, not markup.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
];

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen",
];

/// Block elements whose start tag closes an open `p`.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "details",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
];

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
    pub fn parse(html: &str) -> Dom {
        Builder::new(html).run()
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

struct Builder<'a> {
    html: &'a str,
    lower: String,
    nodes: Vec<Node>,
    open: Vec<usize>,
    /// Raw-text elements with no end tag after the current position.
    unclosed: Vec<String>,
}

impl<'a> Builder<'a> {
    fn new(html: &'a str) -> Self {
        Builder {
            html,
            lower: html.to_ascii_lowercase(),
            nodes: vec![Node {
                kind: Kind::Element {
                    name: "#root".to_string(),
                    attrs: Vec::new(),
                },
                parent: 0,
                children: Vec::new(),
            }],
            open: vec![0],
            unclosed: Vec::new(),
        }
    }

    fn current(&self) -> usize {
        self.open.last().copied().unwrap_or(0)
    }

    fn add(&mut self, kind: Kind) -> usize {
        let parent = self.current();
        let id = self.nodes.len();
        self.nodes.push(Node {
            kind,
            parent,
            children: Vec::new(),
        });
        self.nodes[parent].children.push(id);
        id
    }

    fn add_text(&mut self, raw: &str, decode: bool) {
        if raw.is_empty() {
            return;
        }
        let text = if decode {
            decode_entities(raw)
        } else {
            raw.to_string()
        };
        let parent = self.current();
        if let Some(&last) = self.nodes[parent].children.last() {
            if let Kind::Text(t) = &mut self.nodes[last].kind {
                t.push_str(&text);
                return;
            }
        }
        self.add(Kind::Text(text));
    }

    /// Pops to (and including) the nearest open `name` within `window`
    /// entries of the top; false when there is none.
    fn close(&mut self, name: &str, window: usize) -> bool {
        let floor = self.open.len().saturating_sub(window).max(1);
        let found = self.open[floor..]
            .iter()
            .rposition(|&id| self.nodes[id].kind_name() == name);
        match found {
            Some(pos) => {
                self.open.truncate(floor + pos);
                true
            }
            None => false,
        }
    }

    fn run(mut self) -> Dom {
        let html = self.html;
        let len = html.len();
        let mut i = 0;
        while i < len {
            let Some(offset) = html[i..].find('<') else {
                self.add_text(&html[i..], true);
                break;
            };
            let at = i + offset;
            self.add_text(&html[i..at], true);
            let rest = &self.lower[at..];
            if let Some(comment) = rest.strip_prefix("<!--") {
                i = comment.find("-->").map_or(len, |e| at + 4 + e + 3);
                continue;
            }
            if rest.starts_with("<!") || rest.starts_with("<?") {
                i = rest.find('>').map_or(len, |e| at + e + 1);
                continue;
            }
            let closing = rest.starts_with("</");
            let name_start = at + if closing { 2 } else { 1 };
            let name_len = self.lower[name_start..]
                .bytes()
                .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b':')
                .count();
            if name_len == 0 || !self.lower.as_bytes()[name_start].is_ascii_alphabetic() {
                // A lone "<" in text, as browsers read it.
                self.add_text("<", false);
                i = at + 1;
                continue;
            }
            let name = self.lower[name_start..name_start + name_len].to_string();
            let (attrs, self_closing, end) = parse_attrs(html, name_start + name_len);
            i = end;
            if closing {
                self.close(&name, MATCH_WINDOW);
                continue;
            }
            self.start_tag(name, attrs, self_closing, &mut i);
        }
        Dom { nodes: self.nodes }
    }

    fn start_tag(
        &mut self,
        name: String,
        attrs: Vec<(String, String)>,
        self_closing: bool,
        i: &mut usize,
    ) {
        match name.as_str() {
            "li" => {
                self.close_in_scope("li", &["ul", "ol", "menu"]);
            }
            "dt" | "dd" if !self.close_in_scope("dd", &["dl"]) => {
                self.close_in_scope("dt", &["dl"]);
            }
            "td" | "th" if !self.close_in_scope("td", &["tr", "table"]) => {
                self.close_in_scope("th", &["tr", "table"]);
            }
            "tr" => {
                self.close_in_scope("tr", &["table", "tbody", "thead", "tfoot"]);
            }
            "option" => {
                self.close_in_scope("option", &["select"]);
            }
            _ => {}
        }
        if CLOSES_P.contains(&name.as_str()) {
            self.close_in_scope(
                "p",
                &["div", "td", "li", "blockquote", "section", "article"],
            );
        }
        // `<title/>` inside SVG is empty; a raw-text element never closed is
        // read as empty too rather than swallowing the rest of the page.
        // Once an end tag is known to be absent from here on, it is not
        // searched for again, which keeps many unclosed tags linear.
        let is_raw = RAW_TEXT.contains(&name.as_str());
        let end_tag = format!("</{name}");
        let raw_end = if is_raw && !self_closing && !self.unclosed.contains(&name) {
            let found = self.lower[*i..].find(&end_tag).map(|e| *i + e);
            if found.is_none() {
                self.unclosed.push(name.clone());
            }
            found
        } else {
            None
        };
        let void = VOID.contains(&name.as_str()) || self_closing || is_raw;
        let id = self.add(Kind::Element {
            name: name.clone(),
            attrs,
        });
        if let Some(end) = raw_end {
            let content = &self.html[*i..end];
            self.open.push(id);
            // Scripts and styles keep their text as written; a title or
            // textarea holds entity-encoded text.
            let decode = matches!(name.as_str(), "title" | "textarea");
            self.add_text(content, decode);
            self.open.pop();
            *i = self.lower[end..]
                .find('>')
                .map_or(self.html.len(), |e| end + e + 1);
            return;
        }
        if !void && self.open.len() <= MAX_DEPTH {
            self.open.push(id);
        }
    }

    /// Closes an open `name` unless one of `scope` is nearer the top.
    fn close_in_scope(&mut self, name: &str, scope: &[&str]) -> bool {
        let floor = self.open.len().saturating_sub(MATCH_WINDOW).max(1);
        for pos in (floor..self.open.len()).rev() {
            let open_name = self.nodes[self.open[pos]].kind_name();
            if open_name == name {
                self.open.truncate(pos);
                return true;
            }
            if scope.contains(&open_name) {
                return false;
            }
        }
        false
    }
}

impl Node {
    fn kind_name(&self) -> &str {
        match &self.kind {
            Kind::Element { name, .. } => name,
            Kind::Text(_) => "",
        }
    }
}

/// Reads a start tag's attributes from `i` (just after its name): the
/// attributes (names lowercased, values decoded), whether it ends in `/>`,
/// and the offset after its `>`. Quoted values may hold `>`.
fn parse_attrs(html: &str, mut i: usize) -> (Vec<(String, String)>, bool, usize) {
    let bytes = html.as_bytes();
    let len = bytes.len();
    let mut attrs = Vec::new();
    let mut self_closing = false;
    loop {
        while i < len && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            self_closing = bytes[i] == b'/';
            i += 1;
        }
        if i >= len {
            return (attrs, self_closing, len);
        }
        if bytes[i] == b'>' {
            return (attrs, self_closing, i + 1);
        }
        self_closing = false;
        let name_start = i;
        while i < len && !matches!(bytes[i], b'=' | b'>' | b'/') && !bytes[i].is_ascii_whitespace()
        {
            i += 1;
        }
        let name = html[name_start..i].to_ascii_lowercase();
        while i < len && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if i < len && bytes[i] == b'=' {
            i += 1;
            while i < len && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < len && (bytes[i] == b'"' || bytes[i] == b'\'') {
                let quote = bytes[i];
                let start = i + 1;
                let end = html[start..]
                    .bytes()
                    .position(|b| b == quote)
                    .map_or(len, |e| start + e);
                value = decode_entities(&html[start..end]);
                i = (end + 1).min(len);
            } else {
                let start = i;
                while i < len && bytes[i] != b'>' && !bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                value = decode_entities(&html[start..i]);
            }
        }
        if !name.is_empty() && attrs.len() < 64 {
            attrs.push((name, value));
        }
    }
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

    #[test]
    fn trees_follow_the_parsing_rules_that_matter() {
        let cases: &[(&str, &str)] = &[
            ("<p>a<b>b</b></p>", r#"#root(p("a"b("b")))"#),
            ("<p>a<p>b", r#"#root(p("a")p("b"))"#),
            ("<ul><li>a<li>b</ul>", r#"#root(ul(li("a")li("b")))"#),
            ("<p>a<div>b</div>", r#"#root(p("a")div("b"))"#),
            ("<div>a</span>b</div>", r#"#root(div("ab"))"#),
            ("a<br>b<img src=x>c", r#"#root("a"br()"b"img()"c")"#),
            (
                "<script>if (a<b) x='</p>'</script>t",
                r#"#root(script("if (a<b) x='</p>'")"t")"#,
            ),
            ("<title>A &amp; B</title>", r#"#root(title("A & B"))"#),
            ("x < y &lt; z", r#"#root("x < y < z")"#),
            ("<!-- <p>no</p> -->yes", r#"#root("yes")"#),
            (
                "<table><tr><td>a<td>b<tr><td>c</table>",
                r#"#root(table(tr(td("a")td("b"))tr(td("c"))))"#,
            ),
            ("<a title='x > y' href=\"u\">l</a>", r#"#root(a("l"))"#),
            (
                "<svg><title/><path/></svg><p>x</p>",
                r#"#root(svg(title()path())p("x"))"#,
            ),
            (
                "<title>never closed<p>x</p>",
                r#"#root(title()"never closed"p("x"))"#,
            ),
        ];
        for (html, want) in cases {
            assert_eq!(shape(&Dom::parse(html), 0), *want, "{html}");
        }
    }

    #[test]
    fn attributes_are_read_and_decoded() {
        let dom =
            Dom::parse(r#"<meta PROPERTY="og:title" content='Tom &amp; Jerry' data-x=1 hidden>"#);
        assert_eq!(dom.attr(1, "property"), Some("og:title"));
        assert_eq!(dom.attr(1, "content"), Some("Tom & Jerry"));
        assert_eq!(dom.attr(1, "data-x"), Some("1"));
        assert_eq!(dom.attr(1, "hidden"), Some(""));
    }

    #[test]
    fn depth_is_capped_and_ids_are_in_document_order() {
        let dom = Dom::parse(&"<div>".repeat(10_000));
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
