import { type ImportFormat, type ImportNames, readImport } from './foreign';
import { type Message, msg } from './message';
import type { Settings } from './schema';
import { changeSettings } from './store';
import { type ImportMode, type ImportPlan, planImport, type ReadResult } from './transfer';

export type Preview = { ok: true; plan: ImportPlan; notes: Message[] } | { ok: false; errors: Message[] };

/** What an import would change, on the given settings. Writes nothing. */
export function previewImport(
  current: Settings,
  text: string,
  format: ImportFormat,
  mode: ImportMode,
  names: ImportNames,
): Preview {
  const read: ReadResult = readImport(text, format, names);
  if (!read.ok) return read;
  return { ok: true, plan: planImport(current, read.incoming, mode), notes: read.incoming.notes };
}

/**
 * Imports a file: validated first, nothing written when it fails; then merged into (or put in place of)
 * the newest stored settings, under the same lock as every other edit.
 */
export async function applyImport(
  text: string,
  format: ImportFormat,
  mode: ImportMode,
  names: ImportNames,
): Promise<Preview> {
  const read = readImport(text, format, names);
  if (!read.ok) return read;
  let preview: Preview = { ok: false, errors: [msg('msg_importNotApplied')] };
  // Replacing everything with a file may be saved over a copy in sync that could not be read.
  const replacing = mode === 'replace' && read.incoming.settings !== undefined;
  const { cut } = await changeSettings(
    (settings) => {
      const plan = planImport(settings, read.incoming, mode);
      preview = { ok: true, plan, notes: read.incoming.notes };
      return plan.result;
    },
    { replacing },
  );
  // Set inside the change; TypeScript cannot see that it ran.
  const done = preview as Preview;
  if (done.ok && cut.length > 0) done.notes.push(...cut.map((c) => msg('msg_planLeftOut', c)));
  return done;
}
