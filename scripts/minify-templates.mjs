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

/** CSS: no comments, and less space outside quoted strings, which stay as written. */
export function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split(/("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/)
    .map((part, index) => (index % 2 === 1 ? part : minifyCssCode(part)))
    .join('');
}

/** HTML: every run of white space that holds a line break becomes one space, which renders the same. */
export function minifyHtml(text) {
  return text.replace(/[ \t\r\f]*\n[ \t\n\r\f]*/g, ' ');
}
