// What the build does to the text of `css` and `html` tagged templates. No imports: the browser
// tests load this file too, to check that the minified styles parse to the same rules.

/** White space as CSS and HTML count it: not the no-break spaces that text may hold. */
const SPACE = /[ \t\n\r\f]+/g;

/**
 * Between quoted strings: one space at most; none around braces, semicolons, commas and `>`, after
 * `:`, before `}`, or between a `)` and the `*` or `/` that follows it inside `calc()`; no zero
 * before a decimal point.
 */
function minifyCssCode(text) {
  return text
    .replace(SPACE, ' ')
    .replace(/ ?([{};,>]) ?/g, '$1')
    .replace(/: /g, ':')
    .replace(/;}/g, '}')
    .replace(/([ :(,/])0\.(\d)/g, '$1.$2')
    .replace(/calc\((?:[^()]|\([^()]*\))*\)/g, (calc) => calc.replace(/\) ([*/]) /g, ')$1'));
}

/** A quoted attribute value that may go unquoted: an identifier (`[part='option']` is `[part=option]`). */
const IDENT = /^(["'])(-?[_a-zA-Z][-\w]*)\1$/;

/**
 * CSS: no comments, and less space outside quoted strings, which stay as written, except for the
 * quotes around an attribute selector's value where it is an identifier.
 */
export function minifyCss(text) {
  const parts = text.replace(/\/\*[\s\S]*?\*\//g, '').split(/("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/);
  return parts
    .map((part, index) => {
      if (index % 2 === 0) return minifyCssCode(part);
      const ident = IDENT.exec(part);
      return ident && parts[index - 1].endsWith('=') && parts[index + 1].startsWith(']') ? ident[2] : part;
    })
    .join('');
}

/** White space that holds a line break, where it starts: in HTML it renders as one space. */
const LINE_BREAK = /[ \t\r\f]*\n[ \t\n\r\f]*/y;

/** In a tag, after a space: an attribute whose value may go unquoted (letters, digits, hyphens). */
const QUOTED_WORD = /^([a-z][-a-z]*)="([-\w]+)"(?=[ \t\n\r\f>])/;

/** Elements whose content is text, not markup: left exactly as written. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);

/**
 * HTML, given the literal parts of one template (the text between its `${}`s): every run of white
 * space that holds a line break becomes one space, which renders the same. In a tag, an attribute's
 * value written whole and made of letters, digits and hyphens only loses its quotes (`role="none"`
 * is `role=none`) where a space or the tag's end follows it, and no space is left before the tag's
 * end. Comments and the content of raw-text elements (`<textarea>`, …) stay as written. Whether a
 * part starts in a tag, a quoted value, a comment or raw text follows from the parts before it.
 */
export function minifyHtml(parts) {
  // 'text', 'tag', a quote, 'comment', or the name of the raw-text element whose content this is.
  let state = 'text';
  let tag = '';
  return parts.map((text) => {
    let out = '';
    for (let at = 0; at < text.length; at += 1) {
      const char = text[at];
      if (state === 'comment' || RAW_TEXT.has(state)) {
        const end = state === 'comment' ? '-->' : `</${state}`;
        if (text.slice(at, at + end.length).toLowerCase() === end) {
          out += text.slice(at, at + end.length);
          at += end.length - 1;
          state = state === 'comment' ? 'text' : 'tag';
          tag = '';
        } else {
          out += char;
        }
        continue;
      }
      LINE_BREAK.lastIndex = at;
      if (LINE_BREAK.test(text)) {
        if (!(state === 'tag' && text[LINE_BREAK.lastIndex] === '>')) out += ' ';
        at = LINE_BREAK.lastIndex - 1;
        continue;
      }
      if (state === 'text') {
        if (text.startsWith('<!--', at)) {
          state = 'comment';
          out += '<!--';
          at += 3;
          continue;
        }
        if (char === '<' && /[a-z/]/i.test(text[at + 1] ?? '')) {
          state = 'tag';
          tag = /^<([a-z][-a-z0-9]*)/i.exec(text.slice(at))?.[1].toLowerCase() ?? '';
        }
      } else if (state === 'tag') {
        const word = out.endsWith(' ') ? QUOTED_WORD.exec(text.slice(at)) : null;
        if (word) {
          out += `${word[1]}=${word[2]}`;
          at += word[0].length - 1;
          continue;
        }
        if (char === ' ' && text[at + 1] === '>') continue;
        if (char === '"' || char === "'") state = char;
        else if (char === '>') state = RAW_TEXT.has(tag) ? tag : 'text';
      } else if (char === state) {
        state = 'tag';
      }
      out += char;
    }
    return out;
  });
}
