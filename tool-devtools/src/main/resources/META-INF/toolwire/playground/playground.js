// The Toolwire playground: a form per tool, built from its JSON Schema, that calls the tool over
// HTTP exactly as Hamsa does and shows the answer with the JSONPath of any value clicked.
'use strict';

const state = { tools: [], current: null, credentials: { token: null, header: null } };
const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children) node.append(child);
  return node;
}

async function load() {
  const response = await fetch('/toolwire/playground/tools', { cache: 'no-store' });
  const data = await response.json();
  state.tools = data.tools;
  state.credentials = data.credentials;
  $('token').value = data.credentials.token || '';
  $('header-value').value = data.credentials.header.value;
  $('header-label').textContent = data.credentials.header.name + ' (header tools)';
  const list = $('tool-list');
  for (const tool of state.tools) {
    const button = el('button', { type: 'button', 'data-tool': tool.name },
      el('span', { class: 'method ' + tool.method.toLowerCase(), text: tool.method }),
      el('span', { class: 'tool-label', text: tool.name }));
    button.addEventListener('click', () => select(tool.name));
    list.append(el('li', {}, button));
  }
  const wanted = decodeURIComponent(location.hash.slice(1));
  if (state.tools.some((t) => t.name === wanted)) select(wanted);
}

function select(name) {
  const tool = state.tools.find((t) => t.name === name);
  state.current = tool;
  history.replaceState(null, '', '#' + encodeURIComponent(name));
  for (const b of document.querySelectorAll('#tool-list button')) {
    b.setAttribute('aria-current', String(b.dataset.tool === name));
  }
  $('empty').hidden = true;
  $('tool').hidden = false;
  $('result').hidden = true;
  $('tool-name').textContent = tool.name;
  $('tool-route').textContent = tool.method + ' ' + tool.path;
  $('tool-auth').textContent = 'auth: ' + tool.auth + (tool.async ? ' · async' : '');
  $('tool-description').textContent = tool.description;
  const fields = $('fields');
  fields.replaceChildren();
  const required = new Set(tool.params.required || []);
  for (const [prop, schema] of Object.entries(tool.params.properties || {})) {
    fields.append(field(prop, schema, required.has(prop)));
  }
  if (!fields.children.length) fields.append(el('p', { class: 'empty', text: 'This tool takes no arguments.' }));
}

function typeLabel(schema) {
  let label = schema.type || 'any';
  if (schema.format) label += ' · ' + schema.format;
  if (schema.type === 'array' && schema.items) label += ' of ' + (schema.items.type || 'any');
  return label;
}

function field(name, schema, required) {
  const id = 'arg-' + name;
  const label = el('label', { for: id }, name);
  if (required) label.append(el('span', { class: 'required', title: 'required', text: '*' }));
  label.append(el('span', { class: 'type', text: typeLabel(schema) }));
  const input = control(id, schema, required);
  input.dataset.arg = name;
  input.dataset.kind = kindOf(schema);
  const hints = [];
  if (schema.description) hints.push(schema.description);
  if (schema.pattern) hints.push('pattern ' + schema.pattern);
  if (schema.minimum !== undefined) hints.push('min ' + schema.minimum);
  if (schema.maximum !== undefined) hints.push('max ' + schema.maximum);
  return el('div', { class: 'field' }, label, input, el('div', { class: 'hint', text: hints.join(' · ') }));
}

function kindOf(schema) {
  if (schema.enum) return 'string';
  if (schema.type === 'object' || schema.type === 'array') return 'json';
  return schema.type || 'string';
}

function control(id, schema, required) {
  const initial = schema.default;
  if (schema.enum || schema.type === 'boolean') {
    const options = schema.enum ? schema.enum.map(String) : ['true', 'false'];
    const select = el('select', { id });
    select.append(el('option', { value: '', text: required ? 'choose…' : '(not sent)' }));
    for (const option of options) select.append(el('option', { value: option, text: option }));
    if (initial !== undefined) select.value = String(initial);
    return select;
  }
  if (schema.type === 'object' || schema.type === 'array') {
    const area = el('textarea', { id, rows: 3, spellcheck: 'false', placeholder: schema.type === 'array' ? '[ ]' : '{ }' });
    if (initial !== undefined) area.value = JSON.stringify(initial, null, 2);
    return area;
  }
  const attrs = { id, type: 'text', spellcheck: 'false' };
  if (schema.type === 'integer' || schema.type === 'number') {
    Object.assign(attrs, { type: 'number', step: schema.type === 'integer' ? '1' : 'any', min: schema.minimum, max: schema.maximum });
  } else if (schema.format === 'date') {
    attrs.type = 'date';
  } else if (schema.format === 'email') {
    attrs.type = 'email';
  } else if (schema.format) {
    attrs.placeholder = schema.format;
  }
  const input = el('input', attrs);
  if (initial !== undefined) input.value = String(initial);
  return input;
}

function readArguments() {
  const args = {};
  for (const input of document.querySelectorAll('#fields [data-arg]')) {
    const raw = input.value.trim();
    if (raw === '') continue;
    const kind = input.dataset.kind;
    if (kind === 'integer' || kind === 'number') args[input.dataset.arg] = Number(raw);
    else if (kind === 'boolean') args[input.dataset.arg] = raw === 'true';
    else if (kind === 'json') {
      try { args[input.dataset.arg] = JSON.parse(raw); } catch (e) {
        throw new Error(input.dataset.arg + ' is not valid JSON: ' + e.message);
      }
    } else args[input.dataset.arg] = raw;
  }
  return args;
}

function buildRequest(tool, args) {
  const rest = Object.assign({}, args);
  const path = tool.path.replace(/\{([^}]+)\}/g, (match, name) => {
    const value = rest[name];
    delete rest[name];
    return encodeURIComponent(value === undefined ? '' : String(value));
  });
  const headers = {};
  if (tool.auth === 'jwt' && $('token').value.trim()) headers.Authorization = 'Bearer ' + $('token').value.trim();
  if (tool.auth === 'header') headers[state.credentials.header.name] = $('header-value').value;
  if (tool.method === 'GET' || tool.method === 'DELETE') {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(rest)) {
      for (const item of Array.isArray(value) ? value : [value]) {
        query.append(name, typeof item === 'object' ? JSON.stringify(item) : String(item));
      }
    }
    const qs = query.toString();
    return { url: path + (qs ? '?' + qs : ''), init: { method: tool.method, headers } };
  }
  headers['Content-Type'] = 'application/json';
  return { url: path, init: { method: tool.method, headers, body: JSON.stringify(rest) } };
}

async function callTool(event) {
  event.preventDefault();
  const tool = state.current;
  const button = $('call');
  let request;
  try {
    request = buildRequest(tool, readArguments());
  } catch (e) {
    showResult(null, 0, null, e.message, request);
    return;
  }
  button.disabled = true;
  const started = performance.now();
  try {
    const response = await fetch(request.url, Object.assign({ cache: 'no-store' }, request.init));
    const text = await response.text();
    const elapsed = Math.round(performance.now() - started);
    showResult(response, elapsed, text, null, request);
  } catch (e) {
    showResult(null, Math.round(performance.now() - started), null, 'The call failed: ' + e.message, request);
  } finally {
    button.disabled = false;
  }
}

function showResult(response, elapsed, text, problem, request) {
  $('result').hidden = false;
  const status = $('status');
  status.textContent = response ? response.status + ' ' + (response.statusText || '') : 'not sent';
  status.className = 'status ' + (response && response.ok ? 'ok' : 'error');
  status.dataset.status = response ? String(response.status) : '';
  $('timing').textContent = response ? elapsed + ' ms' : '';
  $('request-id').textContent = response && response.headers.get('X-Request-Id') ? 'request ' + response.headers.get('X-Request-Id') : '';
  $('request-line').textContent = request ? request.init.method + ' ' + request.url + (request.init.body ? '  ' + request.init.body : '') : '';
  $('json-path').textContent = 'click a value in the response';
  const out = $('response');
  out.replaceChildren();
  if (problem) {
    out.append(el('span', { class: 'error-text', text: problem }));
    return;
  }
  let parsed;
  try { parsed = JSON.parse(text); } catch (e) { out.textContent = text; return; }
  out.append(render(parsed, '$', ''));
}

function childPath(parent, key) {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? parent + '.' + key : parent + "['" + key.replace(/\\/g, '\\\\').replace(/'/g, "\\'") + "']";
}

function pick(node, path) {
  for (const old of document.querySelectorAll('#response .selected')) old.classList.remove('selected');
  node.classList.add('selected');
  $('json-path').textContent = path;
}

function render(value, path, indent) {
  const fragment = document.createDocumentFragment();
  const inner = indent + '  ';
  if (Array.isArray(value) || (value !== null && typeof value === 'object')) {
    const isArray = Array.isArray(value);
    const entries = isArray ? value.map((v, i) => [i, v]) : Object.entries(value);
    fragment.append(isArray ? '[' : '{');
    entries.forEach(([key, child], index) => {
      const path2 = isArray ? path + '[' + key + ']' : childPath(path, key);
      fragment.append('\n' + inner);
      if (!isArray) {
        const keyNode = el('span', { class: 'key', 'data-path': path2, text: JSON.stringify(key) });
        keyNode.addEventListener('click', () => pick(keyNode, path2));
        fragment.append(keyNode, ': ');
      }
      fragment.append(render(child, path2, inner));
      if (index < entries.length - 1) fragment.append(',');
    });
    fragment.append((entries.length ? '\n' + indent : '') + (isArray ? ']' : '}'));
    return fragment;
  }
  const type = value === null ? 'null' : typeof value;
  const node = el('span', { class: 'value ' + type, 'data-path': path, text: JSON.stringify(value) });
  node.addEventListener('click', () => pick(node, path));
  fragment.append(node);
  return fragment;
}

document.addEventListener('DOMContentLoaded', () => {
  $('tool-form').addEventListener('submit', callTool);
  load().catch((e) => {
    $('empty').textContent = 'Could not load the tools: ' + e.message;
  });
});
