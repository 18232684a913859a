import type { Plugin } from 'vite';

/**
 * zod 4 probes for `new Function` (to compile fast parsers) in three places. Extension pages forbid
 * eval anyway, so zod would fall back at run time; this takes the constructor out of the bundle so
 * the shipped code holds no eval at all (and `web-ext lint` has nothing to warn about). zod then
 * validates with its interpreter, as it does under any strict Content-Security-Policy.
 */
export function noEvalInZod(): Plugin {
  return {
    name: 'tagveil:no-eval-in-zod',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]zod[\\/]/u.test(id) || !code.includes('const F = Function;')) return null;
      return { code: code.replaceAll('const F = Function;', 'const F = undefined;'), map: null };
    },
  };
}
