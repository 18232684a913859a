// Imported first by the content script, so this line runs before the other modules set themselves up.
const scriptStart = performance.now();
let startup = 0;

/** Called as the content script's main() begins: its modules' set-up and its context are behind it. */
export function markStarted(): void {
  startup = performance.now() - scriptStart;
}

/** What starting cost on this page, in milliseconds (paid on every page of a supported site). */
export function startupMs(): number {
  return startup;
}
