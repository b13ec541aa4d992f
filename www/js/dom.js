// Small DOM helpers. Text only ever goes in as text nodes: `el` takes
// strings as children and never parses HTML.

/** el('p', {class: 'x', onclick: f}, 'text', child, ...) */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (key === 'class') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key === 'style' && typeof value === 'object') {
      // setProperty, because custom properties (--outlet) ignore plain assignment.
      for (const [prop, v] of Object.entries(value)) node.style.setProperty(prop, v);
    }
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else if (child instanceof Node) node.appendChild(child);
    else node.appendChild(document.createTextNode(String(child)));
  }
}

/** Replaces a node's children. */
export function replace(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

/** "1 source", "2 sources": a count with its noun, plural by the English -s. */
export const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
