// Builds DOM nodes; text is always set as text, never parsed as HTML.

/** h('a', {href: '#/x', class: 'y'}, 'text', child, [more]) */
export function h(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.slice(2), value);
    } else if (value === true) {
      node.setAttribute(name, '');
    } else {
      node.setAttribute(name, String(value));
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else node.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces the children of a node. */
export function replace(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

/**
 * A table with a caption; rows are arrays of cells. Each cell carries its column's name
 * (data-label), which a narrow screen shows beside it when rows are stacked (style.css); the roles
 * are explicit so that the stacked rows stay a table for assistive technology.
 */
export function table(caption, head, rows, attributes = {}) {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { role: 'table', ...attributes },
      h('caption', {}, caption),
      h('thead', { role: 'rowgroup' }, h('tr', { role: 'row' },
        head.map((cell) => h('th', { scope: 'col', role: 'columnheader' }, cell)))),
      h('tbody', { role: 'rowgroup' }, rows.map((row) => h('tr', { role: 'row' },
        row.map((cell, index) => h('td', { role: 'cell', 'data-label': head[index] }, cell))))),
    ),
  );
}

let ids = 0;
export function uniqueId(prefix) {
  ids += 1;
  return `${prefix}-${ids}`;
}
