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

/**
 * Preact writes `innerHTML` for one prop only, `dangerouslySetInnerHTML`, which Tagveil never uses (every
 * string reaches the page as text). Taking the assignment out leaves no HTML sink in the shipped code,
 * so `web-ext lint` (which flags any dynamic innerHTML write) has nothing to warn about; a use of the
 * prop would now throw instead of parsing HTML.
 */
export function noInnerHtmlInPreact(): Plugin {
  const sink = /\b([A-Za-z_$][\w$]*)\.innerHTML\s*=\s*([A-Za-z_$][\w$]*)\.__html\b/gu;
  return {
    name: 'tagveil:no-innerhtml-in-preact',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]preact[\\/]/u.test(id) || !sink.test(code)) return null;
      sink.lastIndex = 0;
      const replaced = code.replace(
        sink,
        () => '(()=>{throw new Error("dangerouslySetInnerHTML is not supported")})()',
      );
      return { code: replaced, map: null };
    },
  };
}
