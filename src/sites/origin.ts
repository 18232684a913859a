/**
 * The host permission a site needs: its origin only (`https://host/*`), from any address on it. Apart
 * from the settings schema (which re-exports it) so that an added site's content script carries no zod.
 */
export function originPattern(url: string): string {
  return `${new URL(url).origin}/*`;
}
