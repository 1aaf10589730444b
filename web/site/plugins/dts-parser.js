// Parser of a TypeScript declaration file (.d.ts) for the generated API reference (api-docs.js).
// No dependencies: a small scanner that knows strings, comments and bracket depth, enough for
// declaration files. It finds every top-level `export function | interface | type | enum | class |
// const | let | var | namespace` with the /** */ comment right before it, multi-line declarations
// and overloads included, and splits doc comments into description and @tags.

const IDENT_START = /[A-Za-z_$]/;
const OPEN = '([{';
const CLOSE = ')]}';

/** Index after the string, template literal or comment starting at i, or -1 if none starts there. */
function skipNonCode(src, i) {
  const c = src[i];
  const n = src[i + 1];
  if (c === '/' && n === '/') {
    const e = src.indexOf('\n', i);
    return e === -1 ? src.length : e; // the newline itself is left for the caller
  }
  if (c === '/' && n === '*') {
    const e = src.indexOf('*/', i + 2);
    return e === -1 ? src.length : e + 2;
  }
  if (c === '"' || c === "'" || c === '`') {
    let j = i + 1;
    while (j < src.length && src[j] !== c && (c === '`' || src[j] !== '\n')) j += src[j] === '\\' ? 2 : 1;
    return Math.min(j + 1, src.length);
  }
  return -1;
}

/** The code with every comment replaced by spaces of the same length (strings kept). */
export function stripComments(code) {
  let out = '';
  let i = 0;
  while (i < code.length) {
    const end = skipNonCode(code, i);
    if (end === -1) {
      out += code[i++];
    } else {
      const piece = code.slice(i, end);
      out += code[i] === '/' ? piece.replace(/[^\n]/g, ' ') : piece;
      i = end;
    }
  }
  return out;
}

/** 1-based line number of an index. */
function lineAt(src, index) {
  let line = 1;
  for (let i = 0; i < index; i++) if (src[i] === '\n') line++;
  return line;
}

/** After a `;` or `}` that ends a declaration: also take a `;` (after `}`) and a same-line // comment. */
function extendOverTrailing(src, j, allowSemicolon) {
  let k = j;
  while (src[k] === ' ' || src[k] === '\t') k++;
  if (allowSemicolon && src[k] === ';') {
    j = k + 1;
    k = j;
    while (src[k] === ' ' || src[k] === '\t') k++;
  }
  if (src.startsWith('//', k)) {
    const e = src.indexOf('\n', k);
    return e === -1 ? src.length : e;
  }
  return j;
}

const STATEMENT_START = /^(?:export|import|declare|interface|type|function|const|let|var|class|enum|namespace|module|abstract|default)\b/;

/** True when the code at j (after whitespace) begins another top-level statement (or the file ends). */
function startsNewStatement(src, j) {
  while (j < src.length && /\s/.test(src[j])) j++;
  if (j >= src.length) return true;
  const rest = src.slice(j, j + 20);
  return STATEMENT_START.test(rest) || rest.startsWith('/**') || rest.startsWith('}');
}

/**
 * End index (exclusive) of the statement starting at `start`. Block declarations (interface, class,
 * enum, namespace) end at the brace that closes their body; others at a `;` at depth 0, or, in files
 * without semicolons, at a line break after a complete statement followed by another statement.
 */
function findStatementEnd(src, start, block) {
  let depth = 0;
  let last = ''; // last two significant code characters
  let i = start;
  while (i < src.length) {
    const skip = skipNonCode(src, i);
    if (skip !== -1) {
      if (src[i] !== '/') last = (last + src[skip - 1]).slice(-2);
      i = skip;
      continue;
    }
    const c = src[i];
    if (OPEN.includes(c)) depth++;
    else if (CLOSE.includes(c)) {
      depth = Math.max(0, depth - 1);
      if (block && depth === 0 && c === '}') return extendOverTrailing(src, i + 1, true);
    } else if (c === ';' && depth === 0) return extendOverTrailing(src, i + 1, false);
    else if (c === '\n' && depth === 0 && !block && last !== '' && !/[|&=,:(<[{.]$/.test(last) && last !== '=>' && startsNewStatement(src, i + 1)) {
      return i;
    }
    if (!/\s/.test(c)) last = (last + c).slice(-2);
    i++;
  }
  return src.length;
}

/**
 * Text of a doc comment: the part between the opening marker and the closing one, without the
 * leading asterisks, dedented, with blank lines at either end removed.
 */
export function cleanDocComment(inner) {
  const raw = inner.split(/\r?\n/);
  const lines = raw.map((line, k) => {
    if (k === 0) return line.trim();
    const m = /^\s*\*(?!\/) ?/.exec(line);
    return (m ? line.slice(m[0].length) : line).replace(/\s+$/, '');
  });
  const indents = lines.slice(1).filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)[0].length);
  const common = indents.length ? Math.min(...indents) : 0;
  const out = lines.map((l, k) => (k === 0 ? l : l.slice(common)));
  while (out.length && out[0].trim() === '') out.shift();
  while (out.length && out[out.length - 1].trim() === '') out.pop();
  return out.join('\n');
}

/**
 * Splits a doc comment into description and block tags. A tag is `@name` at the start of the text
 * or after whitespace, outside `code` spans and {@link ...}; tags in the middle of a line count too,
 * since the comments write "@param p ... @param q ..." on one line.
 */
export function splitTags(text) {
  const starts = [];
  let code = false;
  let brace = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '`') code = !code;
    else if (code) continue;
    else if (c === '{') brace++;
    else if (c === '}') brace = Math.max(0, brace - 1);
    else if (c === '@' && brace === 0 && (i === 0 || /\s/.test(text[i - 1])) && /[A-Za-z]/.test(text[i + 1] ?? '')) starts.push(i);
  }
  const description = text.slice(0, starts.length ? starts[0] : text.length).trim();
  const tags = starts.map((s, k) => {
    const chunk = text.slice(s, k + 1 < starts.length ? starts[k + 1] : text.length);
    const m = /^@([A-Za-z][\w-]*)\s*/.exec(chunk);
    return { tag: m[1], text: chunk.slice(m[0].length).trim() };
  });
  return { description, tags };
}

/**
 * The names an @param documents and its description. Accepts "{Type} name", "[name=default]",
 * "name - text" and a comma list "p, q text" (one description for several parameters).
 */
export function parseParamTag(text) {
  let rest = text;
  if (rest.startsWith('{')) {
    let depth = 0;
    let k = 0;
    for (; k < rest.length; k++) {
      if (rest[k] === '{') depth++;
      else if (rest[k] === '}' && --depth === 0) break;
    }
    rest = rest.slice(k + 1).trimStart();
  }
  const m = /^\[?((?:\.\.\.)?[A-Za-z_$][\w$.]*(?:\s*,\s*[A-Za-z_$][\w$]*)*)(?:=[^\]]*)?\]?(?:\s+-(?=\s))?\s*/.exec(rest);
  if (!m) return { names: [], text: rest };
  return { names: m[1].split(/\s*,\s*/), text: rest.slice(m[0].length) };
}

/** Splits `text` at `sep` characters at depth 0 (brackets and type arguments; `=>` is not a bracket). */
export function splitTopLevel(text, sep) {
  const parts = [];
  let depth = 0;
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const skip = skipNonCode(text, i);
    if (skip !== -1) {
      i = skip;
      continue;
    }
    const c = text[i];
    if (OPEN.includes(c) || c === '<') depth++;
    else if (CLOSE.includes(c) || (c === '>' && text[i - 1] !== '=')) depth = Math.max(0, depth - 1);
    else if (c === sep && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
    i++;
  }
  parts.push(text.slice(start));
  return parts;
}

/** Index of the bracket that closes the one at `open` (same kind), or -1. */
function matchBracket(text, open) {
  const pairs = { '(': ')', '[': ']', '{': '}', '<': '>' };
  const o = text[open];
  const c = pairs[o];
  let depth = 0;
  let i = open;
  while (i < text.length) {
    const skip = skipNonCode(text, i);
    if (skip !== -1) {
      i = skip;
      continue;
    }
    if (text[i] === o) depth++;
    else if (text[i] === c && !(c === '>' && text[i - 1] === '=')) {
      depth--;
      if (depth === 0) return i;
    }
    i++;
  }
  return -1;
}

const collapse = (s) => s.replace(/\s+/g, ' ').trim();

/** Parameters and return type of a function declaration `[export] [declare] function name<T>(...): R;`. */
export function parseFunctionSignature(text) {
  const code = stripComments(text);
  const head = /function\s*\*?\s*[A-Za-z_$][\w$]*\s*/.exec(code);
  if (!head) return { params: [], returnType: null };
  let i = head.index + head[0].length;
  if (code[i] === '<') i = matchBracket(code, i) + 1;
  while (/\s/.test(code[i] ?? '')) i++;
  if (code[i] !== '(') return { params: [], returnType: null };
  const close = matchBracket(code, i);
  if (close === -1) return { params: [], returnType: null };
  const params = splitTopLevel(code.slice(i + 1, close), ',')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const rest = p.startsWith('...');
      const body = rest ? p.slice(3).trim() : p;
      const [namePart, ...typeParts] = splitTopLevel(body, ':');
      let name = splitTopLevel(namePart, '=')[0].trim();
      const optional = name.endsWith('?');
      if (optional) name = name.slice(0, -1).trim();
      const type = typeParts.length ? collapse(typeParts.join(':')) : null;
      return { name: collapse(name), optional, rest, type };
    })
    .filter((p) => p.name !== 'this');
  const after = code.slice(close + 1).trim();
  const returnType = after.startsWith(':') ? collapse(after.slice(1).replace(/;\s*$/, '')) || null : null;
  return { params, returnType };
}

/**
 * Members of an interface body (or of a class), each with its doc comment (or a same-line //
 * comment after it): { name, text, doc, line }. `text` is the member's code, whitespace collapsed.
 */
export function parseMembers(declText, lineOffset = 0) {
  const code = declText;
  let openIndex = -1;
  {
    let i = 0;
    let depth = 0;
    while (i < code.length) {
      const skip = skipNonCode(code, i);
      if (skip !== -1) {
        i = skip;
        continue;
      }
      if (code[i] === '{' && depth === 0) {
        openIndex = i;
        break;
      }
      if ('(['.includes(code[i])) depth++;
      else if (')]'.includes(code[i])) depth--;
      i++;
    }
  }
  if (openIndex === -1) return [];
  const closeIndex = matchBracket(code, openIndex);
  const end = closeIndex === -1 ? code.length : closeIndex;
  const members = [];
  let doc = null;
  let memberStart = -1;
  let depth = 0;
  let last = '';
  const finish = (at) => {
    if (memberStart === -1) return;
    const raw = code.slice(memberStart, at);
    const text = collapse(stripComments(raw));
    if (text) {
      const m = /^(?:readonly\s+)?((?:[A-Za-z_$][\w$]*|"[^"]*"|'[^']*'|\[[^\]]*\])\??|(?:new\s*)?[(<])/.exec(text);
      members.push({ name: m ? m[1].replace(/\?$/, '') : text, text, doc, line: lineOffset + lineAt(code, memberStart) - 1 });
    }
    memberStart = -1;
    doc = null;
    last = '';
  };
  let i = openIndex + 1;
  while (i < end) {
    const c = code[i];
    if (depth === 0 && code.startsWith('/**', i) && !code.startsWith('/**/', i)) {
      if (memberStart !== -1) finish(i);
      const close = code.indexOf('*/', i + 3);
      const stop = close === -1 ? end : close;
      doc = cleanDocComment(code.slice(i + 3, stop));
      i = close === -1 ? end : close + 2;
      continue;
    }
    if (depth === 0 && code.startsWith('//', i)) {
      const nl = code.indexOf('\n', i);
      const stop = nl === -1 ? end : Math.min(nl, end);
      // A same-line comment after a finished member documents it when it has no doc comment.
      const prev = members[members.length - 1];
      const lineStart = code.lastIndexOf('\n', i - 1) + 1;
      if (memberStart === -1 && prev && !prev.doc && code.slice(lineStart, i).trim() !== '' && lineAt(code, i) - 1 + lineOffset === prev.line) {
        prev.doc = code.slice(i + 2, stop).trim();
      }
      i = stop;
      continue;
    }
    const skip = skipNonCode(code, i);
    if (skip !== -1) {
      if (memberStart === -1) memberStart = i;
      last = code[skip - 1];
      i = skip;
      continue;
    }
    if (OPEN.includes(c)) depth++;
    else if (CLOSE.includes(c)) depth = Math.max(0, depth - 1);
    if (depth === 0 && (c === ';' || c === ',')) {
      finish(i);
      i++;
      continue;
    }
    if (c === '\n' && depth === 0 && memberStart !== -1) {
      let j = i + 1;
      while (j < end && /\s/.test(code[j])) j++;
      if (!/[|&=,:(<.]$/.test(last) && !/^[|&.]/.test(code[j] ?? '') && !code.startsWith('=>', j)) {
        finish(i);
        i++;
        continue;
      }
    }
    if (!/\s/.test(c)) {
      if (memberStart === -1) memberStart = i;
      last = c === '>' && code[i - 1] === '=' ? '=>' : c;
    }
    i++;
  }
  finish(end);
  return members;
}

const DECLARATION = /^export\s+(?:declare\s+)?(?:default\s+)?(?:abstract\s+)?(?:async\s+)?(function\s*\*?|interface|type|class|const\s+enum|enum|namespace|module|const|let|var)\s*([A-Za-z_$][\w$]*)/;
const BLOCK = /^(?:export\s+)?(?:declare\s+)?(?:default\s+)?(?:abstract\s+)?(?:interface|class|const\s+enum|enum|namespace|module|global)\b/;
const MODULE_TAGS = /(^|\s)@(packageDocumentation|module|file|fileoverview|overview)\b/;

/**
 * Parses a declaration file. Returns
 *   { moduleDoc, declarations, warnings }
 * where each declaration is { kind, name, text, line, doc } in source order (overloads appear once
 * per declaration; group them by name), `text` is the declaration as written without `export` /
 * `declare`, `doc` the cleaned doc comment or null, and warnings lists doc comments that are
 * unterminated or attached to nothing and exports that have none.
 */
export function parseDts(src) {
  const warnings = [];
  const declarations = [];
  let moduleDoc = null;
  let pending = null;
  const orphan = (doc) => {
    if (moduleDoc === null && declarations.length === 0) moduleDoc = doc.text;
    else warnings.push(`line ${doc.line}: doc comment not attached to any export ("${doc.text.slice(0, 50)}…")`);
  };
  let i = 0;
  while (i < src.length) {
    if (/\s/.test(src[i])) {
      i++;
      continue;
    }
    if (src.startsWith('/**', i) && !src.startsWith('/**/', i)) {
      const end = src.indexOf('*/', i + 3);
      if (end === -1) {
        warnings.push(`line ${lineAt(src, i)}: unterminated doc comment; the rest of the file was skipped`);
        break;
      }
      const doc = { line: lineAt(src, i), text: cleanDocComment(src.slice(i + 3, end)) };
      if (MODULE_TAGS.test(doc.text) && moduleDoc === null) {
        moduleDoc = doc.text.replace(MODULE_TAGS, '$1').trim();
      } else {
        if (pending) orphan(pending);
        pending = doc;
      }
      i = end + 2;
      continue;
    }
    if (src.startsWith('/*', i) || src.startsWith('//', i)) {
      i = skipNonCode(src, i);
      continue;
    }
    const head = src.slice(i, i + 400);
    const end = findStatementEnd(src, i, BLOCK.test(head));
    const m = DECLARATION.exec(head);
    if (m) {
      const kind = m[1].replace(/[\s*]+$/, '').replace(/\s+/g, ' ').replace('const enum', 'enum');
      const text = src
        .slice(i, end)
        .replace(/^export\s+/, '')
        .replace(/^declare\s+/, '')
        .replace(/\s+$/, '');
      const line = lineAt(src, i);
      if (!pending) warnings.push(`line ${line}: export ${kind} ${m[2]} has no doc comment`);
      declarations.push({ kind, name: m[2], text, line, doc: pending ? pending.text : null });
    } else if (/^export\b/.test(head)) {
      warnings.push(`line ${lineAt(src, i)}: export not documented by the reference: ${collapse(src.slice(i, Math.min(end, i + 60)))}`);
      if (pending) orphan(pending);
    } else if (pending && moduleDoc === null && declarations.length === 0) {
      orphan(pending);
    }
    pending = null;
    i = Math.max(end, i + 1);
  }
  if (pending) orphan(pending);
  return { moduleDoc, declarations, warnings };
}
