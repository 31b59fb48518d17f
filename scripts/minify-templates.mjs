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

/** White space that holds a line break: in HTML it renders as one space. */
const LINE_BREAK = /[ \t\r\f]*\n[ \t\n\r\f]*/g;

/** In a tag, outside quotes: an attribute whose value may go unquoted (letters, digits, hyphens). */
const QUOTED_WORD = /^ [a-z][-a-z]*="([-\w]+)"(?=[ >])/;

/**
 * HTML, given the literal parts of one template (the text between its `${}`s): every run of white
 * space that holds a line break becomes one space, which renders the same. In a tag, an attribute's
 * value written whole and made of letters, digits and hyphens only loses its quotes (`role="none"`
 * is `role=none`) where a space or the tag's end follows it, and no space is left before the tag's
 * end. Whether a part starts in a tag, or in a quoted value, follows from the parts before it.
 */
export function minifyHtml(parts) {
  let state = 'text';
  return parts.map((raw) => {
    const text = raw.replace(LINE_BREAK, ' ');
    let out = '';
    for (let at = 0; at < text.length; at += 1) {
      const char = text[at];
      if (state === 'tag') {
        const word = char === ' ' ? QUOTED_WORD.exec(text.slice(at)) : null;
        if (word) {
          out += word[0].replace(`"${word[1]}"`, word[1]);
          at += word[0].length - 1;
          continue;
        }
        if (char === ' ' && text[at + 1] === '>') continue;
        if (char === '"' || char === "'") state = char;
        else if (char === '>') state = 'text';
      } else if (state === 'text') {
        if (char === '<' && /[a-z!/]/i.test(text[at + 1] ?? '')) state = 'tag';
      } else if (char === state) {
        state = 'tag';
      }
      out += char;
    }
    return out;
  });
}
