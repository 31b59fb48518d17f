import { expect } from '@open-wc/testing';
import { html, render, type CSSResult } from 'lit';
import { minifyCss, minifyHtml } from '../../scripts/minify-templates.mjs';
import { styles as picker } from '../../src/components/country-picker/country-picker.styles.js';
import { styles as dialog } from '../../src/components/invite-dialog/invite-dialog.styles.js';
import { styles as composer } from '../../src/components/sms-composer/sms-composer.styles.js';
import { tokens } from '../../src/styles/tokens.styles.js';

/**
 * What the browser makes of a style sheet: selectors and conditions as it parsed them, and each
 * declaration's value with the spacing that values holding var() keep as written evened out.
 */
function parsed(text: string): unknown[] {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  const even = (value: string) =>
    value
      .replace(/\s*([*/(),])\s*/g, '$1')
      .replace(/(^|[^\d])\.(\d)/g, '$10.$2')
      .trim();
  const read = (rules: CSSRuleList): unknown[] =>
    [...rules].map((rule) => {
      if (rule instanceof CSSStyleRule) {
        return [rule.selectorText, [...rule.style].map((property) => [property, even(rule.style.getPropertyValue(property))])];
      }
      if (rule instanceof CSSMediaRule) return [rule.conditionText, read(rule.cssRules)];
      // An @supports condition is kept as written: "(a: b)" and the minified "(a:b)" are one condition.
      if (rule instanceof CSSSupportsRule) return [rule.conditionText.replace(/\s*:\s*/g, ':'), read(rule.cssRules)];
      return rule.cssText;
    });
  return read(sheet.cssRules);
}

describe('the build’s template minification', () => {
  const sheets: Record<string, CSSResult> = { tokens, picker, dialog, composer };
  for (const [name, result] of Object.entries(sheets)) {
    it(`leaves the ${name} styles as the browser reads them`, () => {
      const original = parsed(result.cssText);
      expect(original.length).to.be.greaterThan(0);
      expect(parsed(minifyCss(result.cssText))).to.deep.equal(original);
    });
  }

  it('leaves quoted strings, and a `*` after a parenthesis outside calc(), as they were', () => {
    const tricky = `.a::before { content: 'a , b : c > d  0.5'; }
      :is(.a) * { width: calc(var(--x) * 2 - 1px); }
      .b { margin: 0.5rem calc(100% / 3); font-family: "Some Font", serif; }`;
    expect(parsed(minifyCss(tricky))).to.deep.equal(parsed(tricky));
    expect(minifyCss(tricky)).to.contain(`'a , b : c > d  0.5'`);
  });

  it('unquotes an attribute selector’s value only where it is an identifier', () => {
    const sheet = `[part='option'] { color: red; } [title="a b"] { color: blue; } [data-x='1a'] { color: green; } .a::before { content: 'x'; }`;
    expect(minifyCss(sheet)).to.equal(`[part=option]{color:red}[title="a b"]{color:blue}[data-x='1a']{color:green}.a::before{content:'x'}`);
    expect(parsed(minifyCss(sheet))).to.deep.equal(parsed(sheet));
  });

  it('unquotes a static attribute value of letters, digits and hyphens, in tags only', () => {
    const template = `<div role="none" class="a b" data-k="x-1" >say a="b" here</div ><input type="text"/><p title="one">`;
    const [minified] = minifyHtml([template]);
    expect(minified).to.equal(`<div role=none class="a b" data-k=x-1>say a="b" here</div><input type="text"/><p title=one>`);
    const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html').body;
    expect(parse(minified).isEqualNode(parse(template))).to.equal(true);
  });

  it('knows from the parts before it whether a part of a template starts in a tag or in a quoted value', () => {
    // html`<input id="${a}-number" part="number" .value=${b} > ${c} "d" <b title="e ${f} g" lang="en">`
    const parts = ['<input id="', '-number" part="number" .value=', ' > ', ' "d" <b title="e ', ' g" lang="en">'];
    expect(minifyHtml(parts)).to.deep.equal(['<input id="', '-number" part=number .value=', '> ', ' "d" <b title="e ', ' g" lang=en>']);
  });

  it('leaves comments and the content of raw-text elements as written', () => {
    const template = `<!-- it's "quoted" --><p title='a b="c" d' class="x">it's 5 > 3</p><textarea class="t" ><b class="x" >\n  two</textarea>`;
    expect(minifyHtml([template])).to.deep.equal([
      `<!-- it's "quoted" --><p title='a b="c" d' class=x>it's 5 > 3</p><textarea class=t><b class="x" >\n  two</textarea>`,
    ]);
  });

  it('gives Lit the same parts and the same DOM as the template written out', () => {
    const literal = (parts: readonly string[]) => Object.assign([...parts], { raw: [...parts] }) as unknown as TemplateStringsArray;
    const cases: Array<[string[], unknown[]]> = [
      [['<input id="', '-n" part="number-input" .value=', ' ?disabled=', ' @input=', '\n  />'], ['call', 'x', true, () => {}]],
      [['<!-- a "b" --><p title=\'a b="c"\' class="x"\n>', ' > 3</p>'], ['5']],
      [['<textarea class="t" ><b class="x" ></textarea><span role="none" aria-label="', '">', '</span>'], ['y', 'z']],
    ];
    for (const [parts, values] of cases) {
      const rendered = (strings: readonly string[]) => {
        const container = document.createElement('div');
        render(html(literal(strings), ...values), container);
        return container;
      };
      const minified = rendered(minifyHtml(parts));
      expect(minified.isEqualNode(rendered(parts)), parts.join('${…}')).to.equal(true);
      expect(minified.querySelector('input')?.disabled ?? true).to.equal(true);
    }
  });

  it('keeps the space a line break made between inline elements, and no-break spaces', () => {
    expect(minifyHtml(['<b>a</b>\u00a0\n <i>b</i>'])).to.deep.equal(['<b>a</b>\u00a0 <i>b</i>']);
    expect(minifyHtml(['<span>Canada</span>\n      <span>+1</span>'])).to.deep.equal(['<span>Canada</span> <span>+1</span>']);
    expect(minifyHtml(['<b>one two</b>'])).to.deep.equal(['<b>one two</b>']);
  });
});
