import * as z from 'zod/mini';
import { en } from 'zod/v4/locales';

/**
 * zod/mini carries no error messages of its own; the pages that show a validation problem to the user
 * (import, subscriptions) load the English ones. The content script never shows one and does not load them.
 */
z.config(en());
