// What the build does to the text of `css` and `html` tagged templates. No imports: the browser
// tests load this file too, to check that the minified styles parse to the same rules.

/**
 * CSS: no comments, one space at most; none around braces, semicolons, commas and `>`, after `:`,
 * before `}`, or around `*` and `/` after a closing parenthesis (our `calc()`s; no selector here
 * puts `*` after one); no zero before a decimal point.
 */
export function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,>]) ?/g, '$1')
    .replace(/: /g, ':')
    .replace(/;}/g, '}')
    .replace(/([\s:(,/])0\.(\d)/g, '$1.$2')
    .replace(/\) ([*/]) /g, ')$1');
}

/** HTML: every run of whitespace that holds a line break becomes one space, which renders the same. */
export function minifyHtml(text) {
  return text.replace(/[ \t]*\n\s*/g, ' ');
}
