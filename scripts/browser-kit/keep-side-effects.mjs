import { resolve, sep } from 'node:path';

/**
 * An esbuild plugin for bundling src/ where a host would bundle dist/. package.json's `sideEffects`
 * names only dist/ files, so esbuild would drop every module of src/ imported for its side effect,
 * `customElements.define` included (warning "Ignoring this import because … was marked as having
 * no side effects"). This keeps the modules below `dir` as written.
 */
export function keepSideEffects(dir) {
  const inside = resolve(dir) + sep;
  return {
    name: 'keep-side-effects',
    setup(builder) {
      builder.onResolve({ filter: /^\.\.?\// }, async (args) => {
        if (args.pluginData?.keepSideEffects) return undefined;
        const resolved = await builder.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: { keepSideEffects: true },
        });
        if (resolved.errors.length > 0 || !resolved.path.startsWith(inside)) return undefined;
        return { ...resolved, sideEffects: true };
      });
    },
  };
}
