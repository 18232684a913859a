/**
 * A regular expression made the first time it is asked for, then kept. Creating one with a Unicode
 * property class (`\p{…}`) costs 0.1–0.5 ms (the property's code points are gathered then): made when
 * their modules load, the rules' few cost every page of a supported site ~1.4 ms before the content
 * script looks at anything (docs/performance.md). Made lazily, a page pays for each only when it first
 * folds or matches a text that needs it: with its first pass, once its settings are in (nhentai's script
 * folds its bundled tag ids as it starts, and pays then).
 */
export function lazyRegExp(make: () => RegExp): () => RegExp {
  let made: RegExp | undefined;
  return () => {
    made ??= make();
    return made;
  };
}
