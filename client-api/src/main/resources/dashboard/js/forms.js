// Action forms. The API validates (the contract's own input records and rules); a refusal is shown
// next to the field it is about: the field whose path the problem's detail starts with
// ("lines[1].hsCode must be ..." is the HS code of the second order line), or whose problem codes
// name it (DATE_IN_PAST is the requested delivery date's), else above the submit button. The field
// at fault gets the focus, so that a keyboard or screen reader user lands on it.

import { h } from './dom.js';

/**
 * form({id, title, description, fields, submitLabel, submit}) where submit(values) is a promise of
 * the message to show when done. A field: {name, label, type, options, value, hint, paths, codes,
 * required, multiple}; type is text (default), number, date, datetime-local, select, textarea,
 * file or rows. A multiple select's value is the list of the values chosen, a file's the file
 * chosen (the list of files when multiple), any other the text entered, trimmed.
 *
 * A rows field is a list the user lengthens and shortens, such as the lines of an order:
 * {name, type: 'rows', label, item, columns: [fields], value: [row values], min, max}; its value is
 * a list of {column name: value}. A problem whose path is `<name or one of paths>[i].<column>` is
 * shown at that column of row i (from 0, as the contract counts).
 */
export function form(spec) {
  const status = h('p', { class: 'result', id: `${spec.id}-result`, role: 'status' });
  const general = problemOf(`${spec.id}-problem`);
  const button = h('button', { type: 'submit', id: `${spec.id}-submit` },
    spec.submitLabel || spec.title);
  const parts = spec.fields.map((field) =>
    (field.type === 'rows' ? rows(spec.id, field) : single(spec.id, field)));
  const node = h(
    'form',
    { class: 'action', id: spec.id, novalidate: true, 'aria-labelledby': `${spec.id}-title` },
    h('h3', { id: `${spec.id}-title` }, spec.title),
    spec.description ? h('p', { class: 'hint' }, spec.description) : null,
    parts.map((part) => part.node),
    general,
    h('div', { class: 'buttons' }, button),
    status,
  );
  node.addEventListener('submit', async (event) => {
    event.preventDefault();
    parts.forEach((part) => part.clear());
    general.hidden = true;
    general.textContent = '';
    button.disabled = true;
    status.textContent = 'Sending…';
    try {
      const values = {};
      parts.forEach((part) => { values[part.field.name] = part.value(); });
      status.textContent = (await spec.submit(values)) || 'Done.';
    } catch (error) {
      status.textContent = '';
      show(error);
    } finally {
      button.disabled = false;
    }
  });

  function show(error) {
    const text = error.code ? `${error.code}: ${error.detail}` : String(error.message || error);
    const found = locate(parts, error);
    const target = found ? found.problem : general;
    target.textContent = text + (error.txId ? ` (transaction ${error.txId})` : '');
    target.hidden = false;
    if (found) {
      found.control.setAttribute('aria-invalid', 'true');
      describe(found.control, target.id);
      found.control.focus();
    }
  }
  return node;
}

/**
 * Where a problem belongs: {control, problem} of the field it names (a check of this page), of the
 * field whose codes include its code, or of the field its detail's path names; null for none.
 */
function locate(parts, error) {
  const byCode = !error.field
    && parts.find((part) => (part.field.codes || []).includes(error.code));
  if (byCode) return byCode.locate(null);
  const lead = error.field || (/^([A-Za-z][\w.[\]]*)/.exec(error.detail || '') || [])[1];
  if (!lead) return null;
  for (const part of parts) {
    const found = part.locate(lead);
    if (found) return found;
  }
  return null;
}

/** One labelled control, with its hint and the place of its problem. */
function single(formId, field) {
  const cell = labelled(`${formId}-${field.name}`, field);
  const names = [field.name, ...(field.paths || [])];
  return {
    field,
    node: cell.node,
    value: () => valueOf(cell.control),
    clear: cell.clear,
    locate(path) {
      if (path === null) return cell;
      const bare = path.replace(/\[\d+\]/g, '');
      return names.some((name) => bare === name || bare.startsWith(`${name}.`)) ? cell : null;
    },
  };
}

/** A list of rows, each a group of labelled controls (a fieldset named "Line 2"). */
function rows(formId, field) {
  const id = `${formId}-${field.name}`;
  const entries = [];
  let made = 0;
  const hint = field.hint ? h('p', { class: 'hint', id: `${id}-hint` }, field.hint) : null;
  const list = h('div', { class: 'rows-list' });
  const problem = problemOf(`${id}-problem`);
  const add = h('button', { type: 'button', class: 'secondary', id: `${id}-add` },
    `Add a ${field.item.toLowerCase()}`);

  function append(values = {}) {
    made += 1;
    const rowId = `${id}-${made}`;
    const legend = h('legend', {});
    const cells = new Map(field.columns.map((column) => [column.name, labelled(
      `${rowId}-${column.name}`,
      { ...column, value: values[column.name] ?? column.value, describedBy: hint && hint.id },
    )]));
    const remove = h('button', { type: 'button', class: 'secondary', id: `${rowId}-remove` });
    const entry = { cells, remove, legend };
    entry.node = h('fieldset', { class: 'row', id: rowId }, legend,
      h('div', { class: 'cells' }, [...cells.values()].map((cell) => cell.node)), remove);
    remove.addEventListener('click', () => {
      const index = entries.indexOf(entry);
      entries.splice(index, 1);
      entry.node.remove();
      renumber();
      // The focus goes to the row that took its place, or to the button that adds one.
      const next = entries[Math.min(index, entries.length - 1)];
      (next ? next.remove : add).focus();
    });
    entries.push(entry);
    list.append(entry.node);
    renumber();
    return entry;
  }

  function renumber() {
    entries.forEach((entry, index) => {
      entry.legend.textContent = `${field.item} ${index + 1}`;
      entry.remove.textContent = `Remove ${field.item.toLowerCase()} ${index + 1}`;
      entry.remove.hidden = entries.length <= (field.min ?? 1);
    });
    add.hidden = entries.length >= (field.max ?? 100);
  }

  const firstCell = (entry) => entry.cells.values().next().value;
  add.addEventListener('click', () => firstCell(append()).control.focus());
  const initial = field.value && field.value.length
    ? field.value : Array.from({ length: field.min ?? 1 }, () => ({}));
  initial.forEach((values) => append(values));
  // A problem of the whole list (or of a row without such a column) is shown below the list, and
  // the focus goes to the first field it concerns.
  const whole = (entry = entries[0]) =>
    ({ control: entry ? firstCell(entry).control : add, problem });
  const names = [field.name, ...(field.paths || [])];
  return {
    field,
    node: h('fieldset', { class: 'rows', id }, h('legend', {}, field.label), hint, list, add,
      problem),
    value: () => entries.map((entry) =>
      Object.fromEntries([...entry.cells].map(([name, cell]) => [name, valueOf(cell.control)]))),
    clear() {
      problem.hidden = true;
      problem.textContent = '';
      entries.forEach((entry) => entry.cells.forEach((cell) => cell.clear()));
    },
    locate(path) {
      if (path === null) return whole();
      for (const name of names) {
        if (path === name || path.startsWith(`${name}.`)) return whole();
        if (!path.startsWith(`${name}[`)) continue;
        const [, index, rest] = /^\[(\d+)\](?:\.(\w+))?/.exec(path.slice(name.length)) || [];
        const entry = entries[Number(index)];
        if (!entry) return whole();
        const column = rest
          && field.columns.find((c) => c.name === rest || (c.paths || []).includes(rest));
        return (column && entry.cells.get(column.name)) || whole(entry);
      }
      return null;
    },
  };
}

/** A label, its control, the control's hint and the place of its problem. */
function labelled(id, field) {
  const problem = problemOf(`${id}-problem`);
  const hint = field.hint ? h('p', { class: 'hint', id: `${id}-hint` }, field.hint) : null;
  const described = [field.describedBy, hint ? hint.id : null].filter(Boolean).join(' ') || null;
  const control = input(field, id, described);
  control.dataset.describedBy = described || '';
  return {
    control,
    problem,
    node: h('div', { class: 'field' }, h('label', { for: id }, field.label), control, hint,
      problem),
    clear() {
      problem.hidden = true;
      problem.textContent = '';
      control.removeAttribute('aria-invalid');
      describe(control, null);
    },
  };
}

/** The control's description: its hints, and its problem when it has one. */
function describe(control, problemId) {
  const ids = [control.dataset.describedBy, problemId].filter(Boolean);
  if (ids.length) control.setAttribute('aria-describedby', ids.join(' '));
  else control.removeAttribute('aria-describedby');
}

function problemOf(id) {
  return h('p', { class: 'problem', id, role: 'alert', hidden: true });
}

function valueOf(control) {
  if (control.type === 'file') return control.multiple ? [...control.files] : control.files[0];
  if (control.multiple) return [...control.selectedOptions].map((option) => option.value);
  return control.value.trim();
}

function input(field, id, describedBy) {
  const common = {
    id, name: field.name, 'aria-describedby': describedBy, required: field.required,
    multiple: field.multiple,
  };
  if (field.type === 'select') {
    const chosen = [].concat(field.value ?? '').map(String);
    return h(
      'select',
      field.multiple ? { ...common, size: Math.min(4, Math.max(2, field.options.length)) } : common,
      field.options.map(([value, text]) =>
        h('option', { value, selected: chosen.includes(String(value)) }, text)),
    );
  }
  if (field.type === 'textarea') {
    const area = h('textarea', { ...common, rows: field.rows || 4 });
    area.value = field.value ?? '';
    return area;
  }
  const control = h('input',
    { ...common, type: field.type || 'text', inputmode: field.inputmode, autocomplete: 'off' });
  if (field.type !== 'file') control.value = field.value ?? '';
  return control;
}

/** A user error found before sending, shown like a problem at `path` ("lines[1].unit"). */
export function invalid(path, detail) {
  return Object.assign(new Error(detail), { code: 'INVALID_INPUT', detail, field: path });
}
