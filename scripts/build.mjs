// Compiles src/ into dist/ as tsconfig.build.json says, and shrinks what hosts download: the text
// of `css` and `html` tagged templates loses comments and indentation. Only the literal parts of a
// template change; its expressions, and so what Lit renders, stay as written.
import ts from 'typescript';
import { minifyCss, minifyHtml } from './minify-templates.mjs';

const MINIFIERS = { css: minifyCss, html: minifyHtml };

/** Rewrites the raw text of each literal part of `css` and `html` tagged templates. */
function minifyTemplates(context) {
  const { factory } = context;
  const rewrite = (literal, minify) => {
    const raw = minify(literal.rawText ?? literal.text);
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
    const template = ts.isNoSubstitutionTemplateLiteral(node.template)
      ? rewrite(node.template, minify)
      : factory.updateTemplateExpression(
          node.template,
          rewrite(node.template.head, minify),
          node.template.templateSpans.map((span) => factory.updateTemplateSpan(span, span.expression, rewrite(span.literal, minify))),
        );
    return factory.updateTaggedTemplateExpression(node, node.tag, node.typeArguments, template);
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
