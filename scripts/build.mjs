// Compiles src/ into dist/ as tsconfig.build.json says, and shrinks what hosts download: the text
// of `css` and `html` tagged templates loses comments and indentation. Only the literal parts of a
// template change; its expressions, and so what Lit renders, stay as written.
import ts from 'typescript';
import { minifyCss, minifyHtml } from './minify-templates.mjs';

/** Each tag's minifier takes the raw text of a template's literal parts and returns them rewritten. */
const MINIFIERS = { css: (parts) => parts.map(minifyCss), html: minifyHtml };

/** Rewrites the raw text of each literal part of `css` and `html` tagged templates. */
function minifyTemplates(context) {
  const { factory } = context;
  const create = (literal, raw) => {
    switch (literal.kind) {
      case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
        return factory.createNoSubstitutionTemplateLiteral(undefined, raw);
      case ts.SyntaxKind.TemplateHead:
        return factory.createTemplateHead(undefined, raw);
      case ts.SyntaxKind.TemplateMiddle:
        return factory.createTemplateMiddle(undefined, raw);
      default:
        return factory.createTemplateTail(undefined, raw);
    }
  };
  const visit = (node) => {
    node = ts.visitEachChild(node, visit, context);
    if (!ts.isTaggedTemplateExpression(node) || !ts.isIdentifier(node.tag)) return node;
    const minify = MINIFIERS[node.tag.text];
    if (!minify) return node;
    const { template } = node;
    const literals = ts.isNoSubstitutionTemplateLiteral(template) ? [template] : [template.head, ...template.templateSpans.map((span) => span.literal)];
    const raw = minify(literals.map((literal) => literal.rawText ?? literal.text));
    const rewritten = ts.isNoSubstitutionTemplateLiteral(template)
      ? create(template, raw[0])
      : factory.updateTemplateExpression(
          template,
          create(template.head, raw[0]),
          template.templateSpans.map((span, index) => factory.updateTemplateSpan(span, span.expression, create(span.literal, raw[index + 1]))),
        );
    return factory.updateTaggedTemplateExpression(node, node.tag, node.typeArguments, rewritten);
  };
  return (sourceFile) => ts.visitNode(sourceFile, visit);
}

const configFile = ts.readConfigFile('tsconfig.build.json', ts.sys.readFile);
const config = ts.parseJsonConfigFileContent(configFile.config, ts.sys, process.cwd());
const program = ts.createProgram(config.fileNames, config.options);
const emitted = program.emit(undefined, undefined, undefined, false, { before: [minifyTemplates] });
const diagnostics = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics];
if (diagnostics.length > 0) {
  const host = { getCanonicalFileName: (name) => name, getCurrentDirectory: ts.sys.getCurrentDirectory, getNewLine: () => '\n' };
  console.error(ts.formatDiagnosticsWithColorAndContext(diagnostics, host));
  process.exit(1);
}
