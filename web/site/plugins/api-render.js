// Renders the API reference from the declarations of a .d.ts (see dts-parser.js) as HTML: a table of
// contents and one section per group of SECTIONS (api-sections.js), then "Other" and "Types".
// All text from the .d.ts is HTML-escaped; the only markup added is structure, `code` spans,
// links to other exports and line breaks after a colon that ends a line (formula lines).

import { parseDts, parseFunctionSignature, parseMembers, parseParamTag, splitTags } from './dts-parser.js';
import { OTHER, SECTIONS, TYPES } from './api-sections.js';

const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => ENTITIES[c]);

/** U+2028 marks a kept line break (a line that ends with a colon) until it becomes <br>. */
const BR = '\u2028';
const esc = (s) => escapeHtml(s).replaceAll(BR, '<br />');

// ---------- Sentences ----------

const ABBREVIATIONS = new Set(['e.g', 'i.e', 'etc', 'vs', 'cf', 'al', 'approx', 'resp', 'Trans', 'Inf', 'Fig', 'Eq', 'Vol', 'pp']);

/**
 * Splits prose into sentences at ". " outside brackets, "double quotes" and `code`, except after
 * common abbreviations. The pieces keep their trailing whitespace: joined, they give back the text.
 */
export function splitSentences(text) {
  const out = [];
  let start = 0;
  let depth = 0;
  let quote = false;
  let code = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '`') code = !code;
    else if (code) continue;
    else if (c === '"') quote = !quote;
    else if (quote) continue;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth = Math.max(0, depth - 1);
    else if (c === '.' && depth === 0 && /\s/.test(text[i + 1] ?? '')) {
      const word = /[A-Za-z.]*$/.exec(text.slice(start, i))[0];
      if (ABBREVIATIONS.has(word)) continue;
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j])) j++;
      if (j >= text.length) break;
      out.push(text.slice(start, j));
      start = j;
      i = j - 1;
    }
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

const ERROR_SENTENCE = /^(?:Throws|Throw|Raises|Rejects|Errors)\b/;
const LIBRARY_SENTENCE = /\b(?:scipy|numpy|pytorch|torch|ml-distance|math\.js|mathjs|sklearn|scikit-learn|F\.kl_div)\b/i;

/** 'error' for "Throws ..." sentences, 'equivalent' for sentences naming SciPy, PyTorch, ... */
function classify(sentence) {
  const s = sentence.trim();
  if (ERROR_SENTENCE.test(s)) return 'error';
  if (LIBRARY_SENTENCE.test(s)) return 'equivalent';
  return null;
}

// ---------- Blocks and inline text ----------

/** Paragraphs (blank-line separated), "- " bullet lists (indented lines continue an item) and ``` code. */
export function splitBlocks(text) {
  const blocks = [];
  let current = null;
  const lines = text.split('\n');
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    if (/^\s*```/.test(line)) {
      const body = [];
      for (k++; k < lines.length && !/^\s*```/.test(lines[k]); k++) body.push(lines[k]);
      blocks.push({ type: 'code', text: body.join('\n') });
      current = null;
      continue;
    }
    if (line.trim() === '') {
      current = null;
      continue;
    }
    const bullet = /^(\s*)[-•]\s+/.exec(line);
    if (bullet) {
      if (!current || current.type !== 'list') {
        current = { type: 'list', items: [], indent: bullet[1].length };
        blocks.push(current);
      }
      current.items.push(line.slice(bullet[0].length));
      continue;
    }
    const indent = /^\s*/.exec(line)[0].length;
    if (current && current.type === 'list' && indent > current.indent) {
      current.items[current.items.length - 1] += '\n' + line.trim();
    } else if (current && current.type === 'p') {
      current.text += '\n' + line.trim();
    } else {
      current = { type: 'p', text: line.trim() };
      blocks.push(current);
    }
  }
  return blocks;
}

const PLAIN_TOKEN = /\b(?:scipy|numpy|np|torch|F)\.[A-Za-z_][\w.]*(?:\((?:[^()]|\([^()]*\))*\))?|[A-Za-z_$][\w$]*/g;
const LIBRARY_PATH = /^(?:scipy|numpy|np|torch|F)\./;

/** The anchor an identifier in prose links to, or null: exports written as calls, in camelCase, or after "see". */
function proseLink(word, s, index, ctx) {
  const target = ctx.targets.get(word);
  if (!target || word === ctx.self) return null;
  const prev = s[index - 1] ?? '';
  if (prev === '.' || prev === '-' || prev === "'") return null;
  // A call: only after a space or an opening bracket, not inside a formula such as D_KL(P‖softmax(z)).
  if (s[index + word.length] === '(' && target.fn && /^$|[\s([{,]/.test(prev)) return target.fn;
  if (/[a-z][A-Z]/.test(word) || /\bsee\s+$/i.test(s.slice(Math.max(0, index - 5), index))) {
    return target.type ?? target.fn ?? target.other;
  }
  return null;
}

function renderPlain(s, ctx) {
  let out = '';
  let last = 0;
  for (const m of s.matchAll(PLAIN_TOKEN)) {
    out += esc(s.slice(last, m.index));
    const word = m[0];
    if (LIBRARY_PATH.test(word)) {
      const path = word.replace(/\.+$/, '');
      out += `<code>${esc(path).replaceAll('.', '.<wbr />')}</code>${esc(word.slice(path.length))}`; // break after dots only
    } else {
      const href = proseLink(word, s, m.index, ctx);
      out += href ? `<a href="#${escapeHtml(href)}">${esc(word)}</a>` : esc(word);
    }
    last = m.index + word.length;
  }
  return out + esc(s.slice(last));
}

const INLINE = /`([^`]+)`|\{@(?:link|linkcode|linkplain)\s+([^}\s|]+)(?:\s*\|\s*|\s+)?([^}]*)\}/g;

/** One paragraph or list item: `code`, {@link X}, links to exports, a line break after "…:\n". */
export function renderInline(text, ctx) {
  const t = text.replace(/\n[ \t]*/g, (m, offset) => (text[offset - 1] === ':' ? BR : ' '));
  let out = '';
  let last = 0;
  for (const m of t.matchAll(INLINE)) {
    out += renderPlain(t.slice(last, m.index), ctx);
    if (m[1] !== undefined) {
      out += `<code>${escapeHtml(m[1].replaceAll(BR, ' '))}</code>`;
    } else {
      const label = (m[3] || '').trim() || m[2];
      const target = ctx.targets.get(m[2]);
      const href = target ? '#' + (target.fn ?? target.type ?? target.other) : /^https?:\/\//.test(m[2]) ? m[2] : null;
      out += href ? `<a href="${escapeHtml(href)}"><code>${esc(label)}</code></a>` : `<code>${esc(label)}</code>`;
    }
    last = m.index + m[0].length;
  }
  return out + renderPlain(t.slice(last), ctx);
}

function renderBlocks(blocks, ctx) {
  return blocks
    .map((b) => {
      if (b.type === 'code') return codeBlock(b.text, ctx, 'api-code');
      if (b.type === 'list') return `<ul>${b.items.map((item) => `<li>${renderInline(item, ctx)}</li>`).join('')}</ul>`;
      return `<p>${renderInline(b.text, ctx)}</p>`;
    })
    .join('\n');
}

// ---------- Code ----------

const KEYWORDS = new Set(
  ('function interface type extends implements readonly keyof typeof infer is asserts unique declare const let var ' +
    'class enum namespace module new abstract export default import from as in out static private protected public')
    .split(' '),
);
const BUILTINS = new Set('number string boolean void undefined null never unknown any object bigint symbol true false this'.split(' '));

/** TypeScript source as HTML: comments, strings and keywords marked, exported type names linked. */
export function highlight(code, ctx, name = null) {
  let out = '';
  let i = 0;
  let named = false;
  while (i < code.length) {
    const c = code[i];
    if ((c === '/' && (code[i + 1] === '/' || code[i + 1] === '*')) || c === '"' || c === "'" || c === '`') {
      let end;
      if (c === '/' && code[i + 1] === '/') end = code.indexOf('\n', i);
      else if (c === '/') {
        const close = code.indexOf('*/', i + 2);
        end = close === -1 ? code.length : close + 2;
      } else {
        end = i + 1;
        while (end < code.length && code[end] !== c && (c === '`' || code[end] !== '\n')) end += code[end] === '\\' ? 2 : 1;
        end++;
      }
      if (end <= 0 || end > code.length) end = code.length;
      out += `<span class="${c === '/' ? 'tok-com' : 'tok-str'}">${escapeHtml(code.slice(i, end))}</span>`;
      i = end;
      continue;
    }
    const id = /^[A-Za-z_$][\w$]*/.exec(code.slice(i, i + 200));
    if (id) {
      const w = id[0];
      const target = ctx.targets.get(w);
      if (name && w === name && !named) {
        out += `<span class="tok-name">${escapeHtml(w)}</span>`;
        named = true;
      } else if (KEYWORDS.has(w)) out += `<span class="tok-kw">${w}</span>`;
      else if (BUILTINS.has(w)) out += `<span class="tok-builtin">${w}</span>`;
      else if (target && (target.type || target.other) && code[i - 1] !== '.') {
        out += `<a class="tok-ref" href="#${escapeHtml(target.type ?? target.other)}">${escapeHtml(w)}</a>`;
      } else out += escapeHtml(w);
      i += w.length;
      continue;
    }
    out += escapeHtml(c);
    i++;
  }
  return out;
}

/**
 * A <pre> of TypeScript source, one block per source line, so that a line too long for the box wraps
 * with a hanging indent under its own start (class ind-N = N leading spaces, kept in the text).
 */
export function codeBlock(text, ctx, cls, name = null) {
  let named = !name;
  const mentions = name ? new RegExp(`(^|[^\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`) : null;
  const lines = text.split('\n').map((line) => {
    const lead = /^[ \t]*/.exec(line)[0];
    const indent = Math.min(lead.replace(/\t/g, '  ').length, 12);
    const ownName = !named && mentions.test(line);
    if (ownName) named = true;
    const html = highlight(line, ctx, ownName ? name : null);
    return `<span class="code-line ind-${indent}">${html || ' '}</span>`;
  });
  return `<pre class="${cls}"><code>${lines.join('')}</code></pre>`;
}

// ---------- Functions ----------

/** Description, parameters, returns, errors and equivalents of a function's doc comment. */
export function analyzeFunctionDoc(text) {
  const { description, tags } = splitTags(text ?? '');
  const result = { blocks: [], params: [], returns: null, errors: [], equivalents: [], examples: [], see: [], deprecated: null, other: [] };
  let first = true;
  for (const block of splitBlocks(description)) {
    if (block.type !== 'p') {
      result.blocks.push(block);
      first = false;
      continue;
    }
    const keep = [];
    for (const sentence of splitSentences(block.text)) {
      const kind = first ? null : classify(sentence);
      first = false;
      if (kind === 'error') result.errors.push(sentence.trim());
      else if (kind === 'equivalent') result.equivalents.push(sentence.trim());
      else keep.push(sentence);
    }
    const kept = keep.join('').trim();
    if (kept) result.blocks.push({ type: 'p', text: kept });
  }
  for (const { tag, text: body } of tags) {
    switch (tag) {
      case 'param':
      case 'arg':
      case 'argument':
        result.params.push(parseParamTag(body));
        break;
      case 'returns':
      case 'return': {
        const [head, ...rest] = splitSentences(body);
        const keep = [head ?? ''];
        for (const sentence of rest) {
          const kind = classify(sentence);
          if (kind === 'error') result.errors.push(sentence.trim());
          else if (kind === 'equivalent') result.equivalents.push(sentence.trim());
          else keep.push(sentence);
        }
        const kept = keep.join('').trim();
        result.returns = result.returns ? `${result.returns} ${kept}` : kept;
        break;
      }
      case 'throws':
      case 'throw':
      case 'exception':
        result.errors.push(body.replace(/^\{([^}]*)\}\s*/, '$1 ')); // "@throws {RangeError} when ..."
        break;
      case 'example':
        result.examples.push(body.replace(/^```\w*\n?|\n?```$/g, ''));
        break;
      case 'see':
        result.see.push(body);
        break;
      case 'deprecated':
        result.deprecated = body || 'Deprecated.';
        break;
      case 'remarks':
        result.blocks.push(...splitBlocks(body));
        break;
      default:
        result.other.push({ tag, text: body });
    }
  }
  return result;
}

const fact = (label, body, cls = '') => `<div class="api-fact${cls ? ' ' + cls : ''}"><dt>${escapeHtml(label)}</dt><dd>${body}</dd></div>`;

function renderParams(signatures, docParams, ctx, entry, warnings) {
  const sigParams = [];
  for (const sig of signatures) {
    for (const p of sig.params) {
      const seen = sigParams.find((q) => q.name === p.name);
      if (!seen) sigParams.push({ ...p, types: new Set([p.type]) });
      else seen.types.add(p.type);
    }
  }
  const names = new Set(sigParams.map((p) => p.name));
  // "@param p, q text": keep the names that are parameters; a trailing word that is not goes back to the text.
  const docs = docParams.map(({ names: listed, text }) => {
    const own = [];
    let k = 0;
    for (; k < listed.length; k++) {
      if (names.has(listed[k]) || (k === 0 && !names.size)) own.push(listed[k]);
      else if (k > 0) break;
      else {
        own.push(listed[k]);
        warnings.push(`${entry.name}: @param ${listed[k]} names no parameter of the signature`);
      }
    }
    const back = listed.slice(k);
    return { names: own, text: back.length ? `${back.join(', ')} ${text}` : text };
  });
  const code = (p) => {
    const type = p.types.size === 1 && p.type ? `: ${p.type}` : '';
    return `<code>${highlight(`${p.rest ? '...' : ''}${p.name}${p.optional ? '?' : ''}${type}`, ctx)}</code>`;
  };
  const items = [];
  const done = new Set();
  for (const p of sigParams) {
    if (done.has(p.name)) continue;
    const doc = docs.find((d) => d.names.includes(p.name));
    const group = doc ? sigParams.filter((q) => doc.names.includes(q.name)) : [p];
    group.forEach((q) => done.add(q.name));
    const desc = doc && doc.text ? `<div class="api-param-doc">${renderInline(doc.text, ctx)}</div>` : '';
    items.push(`<li>${group.map(code).join(', ')}${desc}</li>`);
  }
  for (const d of docs) {
    if (d.names.some((n) => names.has(n))) continue;
    items.push(`<li><code>${escapeHtml(d.names.join(', '))}</code><div class="api-param-doc">${renderInline(d.text, ctx)}</div></li>`);
  }
  return items.length ? `<ul class="api-params">${items.join('')}</ul>` : '';
}

function renderFunction(entry, ctx, warnings) {
  // Overloads: a declaration without a doc comment shares the one before it.
  const groups = [];
  for (const d of entry.decls) {
    if (!groups.length || d.doc) groups.push({ decls: [d], doc: d.doc });
    else groups[groups.length - 1].decls.push(d);
  }
  const localCtx = { ...ctx, self: entry.name };
  const parts = groups.map((group) => {
    const signatures = group.decls.map((d) => parseFunctionSignature(d.text));
    const doc = analyzeFunctionDoc(group.doc);
    const facts = [];
    const params = renderParams(signatures, doc.params, localCtx, entry, warnings);
    if (params) facts.push(fact('Parameters', params));
    const returnTypes = [...new Set(signatures.map((s) => s.returnType).filter(Boolean))];
    if (returnTypes.length || doc.returns) {
      const types = returnTypes.map((t) => `<code>${highlight(t, localCtx)}</code>`).join(' or ');
      const text = doc.returns ? `<span class="api-returns-doc">${renderInline(doc.returns, localCtx)}</span>` : '';
      facts.push(fact('Returns', `${types}${types && text ? ' ' : ''}${text}`));
    }
    const common =
      ctx.commonErrors && signatures.some((s) => s.params.length)
        ? `<p class="api-common-errors">See also the <a href="#${ctx.commonErrors}">errors common to every function</a>.</p>`
        : '';
    if (doc.errors.length || common) {
      facts.push(fact('Errors', doc.errors.map((e) => `<p>${renderInline(e, localCtx)}</p>`).join('') + common, 'api-errors'));
    }
    if (doc.equivalents.length) facts.push(fact('Equivalents', `<p>${doc.equivalents.map((e) => renderInline(e, localCtx)).join(' ')}</p>`));
    if (doc.see.length) facts.push(fact('See also', doc.see.map((s) => `<p>${renderInline(s, localCtx)}</p>`).join('')));
    for (const o of doc.other) facts.push(fact('@' + o.tag, `<p>${renderInline(o.text, localCtx)}</p>`));
    const examples = doc.examples.map((e) => codeBlock(e, localCtx, 'api-code')).join('');
    if (examples) facts.push(fact(doc.examples.length > 1 ? 'Examples' : 'Example', examples));
    return [
      ...group.decls.map((d) => codeBlock(d.text, localCtx, 'api-sig', entry.name)),
      doc.deprecated ? `<p class="api-deprecated"><strong>Deprecated.</strong> ${renderInline(doc.deprecated, localCtx)}</p>` : '',
      doc.blocks.length ? `<div class="api-doc">${renderBlocks(doc.blocks, localCtx)}</div>` : '',
      facts.length ? `<dl class="api-facts">${facts.join('')}</dl>` : '',
    ].join('\n');
  });
  const overloads = entry.decls.length > 1 ? ` <span class="api-kind">${entry.decls.length} overloads</span>` : '';
  return article(entry, 'function', overloads, parts.join('\n'));
}

function article(entry, kind, extra, body) {
  const id = escapeHtml(entry.id);
  return (
    `<article class="api-entry" id="${id}" aria-labelledby="${id}-heading">\n` +
    `<h3 id="${id}-heading" class="api-name"><a href="#${id}"><code>${escapeHtml(entry.name)}</code></a> ` +
    `<span class="api-kind">${escapeHtml(kind)}</span>${extra}</h3>\n${body}\n</article>`
  );
}

// ---------- Types and other exports ----------

/** A doc comment without the function layout: description blocks, then its tags as labelled rows. */
function renderPlainDoc(text, ctx) {
  if (!text) return '';
  const { description, tags } = splitTags(text);
  const rows = tags.map(({ tag, text: body }) => fact(tag === 'default' || tag === 'defaultValue' ? 'Default' : '@' + tag, renderInline(body, ctx)));
  return [description ? renderBlocks(splitBlocks(description), ctx) : '', rows.length ? `<dl class="api-facts">${rows.join('')}</dl>` : ''].join('\n');
}

function renderType(entry, ctx) {
  const localCtx = { ...ctx, self: entry.name };
  const parts = entry.decls.map((d) => {
    const doc = d.doc ? `<div class="api-doc">${renderPlainDoc(d.doc, localCtx)}</div>` : '';
    if (d.kind !== 'interface' && d.kind !== 'class') {
      return `${codeBlock(d.text, localCtx, 'api-sig', entry.name)}\n${doc}`;
    }
    const members = parseMembers(d.text, d.line);
    const brace = d.text.indexOf('{');
    const head = (brace === -1 ? d.text : d.text.slice(0, brace)).trim();
    const fields = members
      .map((m) => {
        const mdoc = m.doc ? `<div class="api-field-doc">${renderPlainDoc(m.doc, localCtx)}</div>` : '';
        return `<li><code>${highlight(m.text, localCtx, m.name)}</code>${mdoc}</li>`;
      })
      .join('');
    return [
      codeBlock(head, localCtx, 'api-sig', entry.name),
      doc,
      fields ? `<dl class="api-facts">${fact(d.kind === 'class' ? 'Members' : 'Fields', `<ul class="api-fields">${fields}</ul>`)}</dl>` : '',
    ].join('\n');
  });
  return article(entry, entry.decls[0].kind, '', parts.join('\n'));
}

// ---------- Page ----------

/**
 * The API reference of a .d.ts source: { toc, reference, warnings, functions, types }. `source` is
 * the label shown for the file (e.g. "web/src/index.d.ts").
 */
export function renderApi(src, { source = 'index.d.ts' } = {}) {
  const { moduleDoc, declarations, warnings } = parseDts(src.replace(/\r\n?/g, '\n'));
  const functions = new Map();
  const types = new Map();
  const others = new Map();
  for (const d of declarations) {
    const bucket = d.kind === 'function' ? functions : ['interface', 'type', 'enum'].includes(d.kind) ? types : others;
    if (!bucket.has(d.name)) bucket.set(d.name, { name: d.name, decls: [] });
    bucket.get(d.name).decls.push(d);
  }
  // Anchor ids: a function's id is its name; a type or value export with the same name gets a suffix.
  const used = new Set(['main']);
  const targets = new Map();
  const assign = (entry, key, suffix) => {
    let id = entry.name;
    if (used.has(id)) id = `${entry.name}-${suffix}`;
    used.add(id);
    entry.id = id;
    const t = targets.get(entry.name) ?? {};
    t[key] = id;
    targets.set(entry.name, t);
  };
  for (const e of functions.values()) assign(e, 'fn', 'function');
  for (const e of others.values()) assign(e, 'other', e.decls[0].kind);
  for (const e of types.values()) assign(e, 'type', 'type');

  const overview = moduleDoc ? 'section-overview' : null;
  const ctx = { targets, self: null, commonErrors: moduleDoc && /errors common to every function/i.test(moduleDoc) ? overview : null };

  const mapped = new Map();
  for (const s of SECTIONS) {
    for (const name of s.names) {
      if (!functions.has(name)) warnings.push(`api-sections.js lists ${name}, which the .d.ts does not export as a function`);
      else mapped.set(name, s.id);
    }
  }
  const sections = SECTIONS.map((s) => ({ ...s, entries: [] }));
  const other = { ...OTHER, entries: [] };
  for (const e of functions.values()) {
    const s = sections.find((x) => x.id === mapped.get(e.name));
    (s ?? other).entries.push({ entry: e, html: () => renderFunction(e, ctx, warnings) });
  }
  for (const e of others.values()) other.entries.push({ entry: e, html: () => renderType(e, ctx) });
  const typeSection = { ...TYPES, entries: [...types.values()].map((e) => ({ entry: e, html: () => renderType(e, ctx) })) };
  const all = [...sections, other, typeSection].filter((s) => s.entries.length);

  const tocItems = [];
  const body = [];
  if (moduleDoc) {
    tocItems.push(`<li><a href="#${overview}">Overview</a></li>`);
    body.push(
      `<section class="api-section" id="${overview}" aria-labelledby="${overview}-heading">\n` +
        `<h2 id="${overview}-heading">Overview</h2>\n<div class="api-doc api-overview">${renderPlainDoc(moduleDoc, ctx)}</div>\n</section>`,
    );
  }
  for (const s of all) {
    const sid = `section-${s.id}`;
    const names = s.entries.map(({ entry }) => `<li><a href="#${escapeHtml(entry.id)}"><code>${escapeHtml(entry.name)}</code></a></li>`).join('');
    tocItems.push(`<li><a href="#${sid}">${escapeHtml(s.title)}</a><ul class="api-toc-names">${names}</ul></li>`);
    body.push(
      `<section class="api-section" id="${sid}" aria-labelledby="${sid}-heading">\n<h2 id="${sid}-heading">${escapeHtml(s.title)}</h2>\n` +
        s.entries.map(({ html }) => html()).join('\n') +
        '\n</section>',
    );
  }
  const typeCount = types.size;
  const summary =
    `<p class="api-generated">Generated from the doc comments in <code>${escapeHtml(source)}</code>: ` +
    `${functions.size} functions${others.size ? `, ${others.size} other exports` : ''} and ${typeCount} types.</p>`;
  return {
    toc: `<ol class="api-toc-list">${tocItems.join('')}</ol>`,
    reference: [summary, ...body].join('\n'),
    warnings,
    functions: [...functions.keys()],
    types: [...types.keys()],
  };
}
