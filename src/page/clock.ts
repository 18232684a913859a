// Imported first by the content script, so this line runs before the other modules set themselves up.
const scriptStart = performance.now();
let startup = 0;

/**
 * Called as the content script's main() returns: its modules' set-up, its context and its own start (the
 * holds put in, the settings asked for) are behind it, all of it paid while the page parses.
 */
export function markStarted(): void {
  startup = performance.now() - scriptStart;
}

/** What starting cost on this page, in milliseconds (paid on every page of a supported site). */
export function startupMs(): number {
  return startup;
}
