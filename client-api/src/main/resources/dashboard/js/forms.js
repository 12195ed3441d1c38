// Action forms. The API validates (the contract's own input records and rules); a refusal is shown
// next to the field it is about: the field whose name the problem's detail starts with
// ("lines[0].hsCode must be ..." is the field of path lines.hsCode), or whose problem codes name
// it (DATE_IN_PAST is the requested delivery date's), else above the submit button.

import { h } from './dom.js';

/**
 * form({id, title, description, fields, submitLabel, submit}) where submit(values) is a promise of
 * the message to show when done. A field: {name, label, type, options, value, hint, paths, codes,
 * required, multiple}; type is text (default), number, date, datetime-local, select, textarea or
 * file. A multiple select's value is the list of the values chosen, a file's the file chosen (the
 * list of files when multiple), any other the text entered, trimmed.
 */
export function form(spec) {
  const controls = new Map();
  const problems = new Map();
  const status = h('p', { class: 'result', id: `${spec.id}-result`, role: 'status' });
  const general = h('p', { class: 'problem', id: `${spec.id}-problem`, role: 'alert', hidden: true });
  const button = h('button', { type: 'submit', id: `${spec.id}-submit` }, spec.submitLabel || spec.title);
  const fields = spec.fields.map((field) => {
    const id = `${spec.id}-${field.name}`;
    const problem = h('p', { class: 'problem', id: `${id}-problem`, role: 'alert', hidden: true });
    const hint = field.hint ? h('p', { class: 'hint', id: `${id}-hint` }, field.hint) : null;
    const control = input(field, id, hint ? `${id}-hint` : null);
    controls.set(field.name, control);
    problems.set(field.name, problem);
    return h('div', { class: 'field' }, h('label', { for: id }, field.label), control, hint, problem);
  });
  const node = h(
    'form',
    { class: 'action', id: spec.id, novalidate: true, 'aria-labelledby': `${spec.id}-title` },
    h('h3', { id: `${spec.id}-title` }, spec.title),
    spec.description ? h('p', { class: 'hint' }, spec.description) : null,
    fields,
    general,
    h('div', { class: 'buttons' }, button),
    status,
  );
  node.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear();
    button.disabled = true;
    status.textContent = 'Sending…';
    try {
      const values = {};
      for (const [name, control] of controls) values[name] = valueOf(control);
      status.textContent = (await spec.submit(values)) || 'Done.';
    } catch (error) {
      status.textContent = '';
      show(error);
    } finally {
      button.disabled = false;
    }
  });

  function clear() {
    for (const [name, problem] of problems) {
      problem.hidden = true;
      problem.textContent = '';
      controls.get(name).removeAttribute('aria-invalid');
      describe(controls.get(name), spec.fields.find((f) => f.name === name), null);
    }
    general.hidden = true;
    general.textContent = '';
  }

  function show(error) {
    const text = error.code ? `${error.code}: ${error.detail}` : String(error.message || error);
    const name = error.field || fieldOf(spec.fields, error);
    const target = name ? problems.get(name) : general;
    target.textContent = text + (error.txId ? ` (transaction ${error.txId})` : '');
    target.hidden = false;
    if (name) {
      const control = controls.get(name);
      control.setAttribute('aria-invalid', 'true');
      describe(control, spec.fields.find((f) => f.name === name), target.id);
      control.focus();
    }
  }
  return node;
}

function describe(control, field, problemId) {
  const ids = [field && field.hint ? `${control.id}-hint` : null, problemId].filter(Boolean);
  if (ids.length) control.setAttribute('aria-describedby', ids.join(' '));
  else control.removeAttribute('aria-describedby');
}

function valueOf(control) {
  if (control.type === 'file') return control.multiple ? [...control.files] : control.files[0];
  if (control.multiple) return [...control.selectedOptions].map((option) => option.value);
  return control.value.trim();
}

function input(field, id, hintId) {
  const common = {
    id, name: field.name, 'aria-describedby': hintId, required: field.required,
    multiple: field.multiple,
  };
  if (field.type === 'select') {
    const chosen = [].concat(field.value ?? '').map(String);
    return h(
      'select',
      field.multiple ? { ...common, size: Math.min(4, Math.max(2, field.options.length)) } : common,
      field.options.map(([value, text]) => h('option', { value, selected: chosen.includes(String(value)) }, text)),
    );
  }
  if (field.type === 'textarea') {
    const area = h('textarea', { ...common, rows: field.rows || 4 });
    area.value = field.value ?? '';
    return area;
  }
  const control = h('input', { ...common, type: field.type || 'text', inputmode: field.inputmode, autocomplete: 'off' });
  if (field.type !== 'file') control.value = field.value ?? '';
  return control;
}

/** The field a problem is about: named by its codes, or by the path its detail starts with. */
export function fieldOf(fields, problem) {
  const byCode = fields.find((field) => (field.codes || []).includes(problem.code));
  if (byCode) return byCode.name;
  const lead = /^([A-Za-z][\w.[\]]*)/.exec(problem.detail || '');
  if (!lead) return null;
  const detailPath = lead[1].replace(/\[\d+\]/g, '');
  const byPath = fields.find((field) => [field.name, ...(field.paths || [])].some((p) => p === detailPath || detailPath.startsWith(p + '.')));
  return byPath ? byPath.name : null;
}

/** A user error found before sending, shown like a problem of the field. */
export function invalid(field, detail) {
  return Object.assign(new Error(detail), { code: 'INVALID_INPUT', detail, field });
}
