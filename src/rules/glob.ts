/**
 * A glob (`*` for any run of characters, anchored at both ends) as a plain string test. Checked by hand
 * rather than compiled to a RegExp: every pattern a page meets would otherwise be compiled on the first
 * tag it sees, a cold cost of a millisecond or more a pattern on every page load (docs/performance.md).
 */
export function globMatcher(pattern: string): (subject: string) => boolean {
  const parts = pattern.split('*');
  const first = parts[0] ?? '';
  if (parts.length === 1) return (subject) => subject === first;
  const last = parts[parts.length - 1] ?? '';
  const middle = parts.slice(1, -1).filter((part) => part.length > 0);
  const shortest = parts.reduce((sum, part) => sum + part.length, 0);
  return (subject) => {
    if (subject.length < shortest || !subject.startsWith(first) || !subject.endsWith(last)) return false;
    // The leftmost place for each fixed part leaves the most room for the rest; none may reach into the
    // last part (the length check keeps the first and last apart).
    let at = first.length;
    const end = subject.length - last.length;
    for (const part of middle) {
      const found = subject.indexOf(part, at);
      if (found < 0 || found + part.length > end) return false;
      at = found + part.length;
    }
    return true;
  };
}
