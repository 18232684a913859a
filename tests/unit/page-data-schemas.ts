// The zod schemas the content scripts' hand-written checks of page data and look-up answers are held to
// (property tests in src/sites/page-data.test.ts and src/sites/lookups/*.test.ts). Only tests import this
// module: zod is in no content script.
import * as z from 'zod/mini';
import { isUuid } from '../../src/sites/dictionaries/mangadex-tags';
import { MANGADEX_BATCH } from '../../src/sites/lookups/mangadex-manga';
import {
  MAX_CREATORS,
  MAX_TAGS_PER_WORK,
  MAX_TEXT_LENGTH,
  MAX_WORKS_PER_ANSWER,
} from '../../src/sites/page-data';

const Text = z.string().check(z.maxLength(MAX_TEXT_LENGTH));
const TagSchema = z.object({ namespace: z.optional(Text), name: Text, canonical: z.optional(Text) });
const WorkSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(MAX_TEXT_LENGTH)),
  tags: z.array(TagSchema).check(z.maxLength(MAX_TAGS_PER_WORK)),
  title: Text,
  creators: z.array(Text).check(z.maxLength(MAX_CREATORS)),
});
/** What the main-world reader hands over (readPageDataMessage). */
export const PageDataMessageSchema = z.object({
  site: z.string(),
  works: z.array(WorkSchema).check(z.maxLength(MAX_WORKS_PER_ANSWER)),
});

const Flag = z.optional(z.union([z.string(), z.number(), z.boolean(), z.null()]));
const Name = z.string().check(z.maxLength(MAX_TEXT_LENGTH * 4));
/** What Tagveil reads of hitomi.la's `galleryinfo` (isGalleryInfo). */
export const GalleryInfoSchema = z.looseObject({
  id: z.union([z.string().check(z.regex(/^\d{1,12}$/u)), z.number()]),
  title: z.optional(z.nullable(Name)),
  type: z.optional(z.nullable(Name)),
  language: z.optional(z.nullable(Name)),
  tags: z.optional(
    z.nullable(
      z
        .array(z.looseObject({ tag: Name, female: Flag, male: Flag }))
        .check(z.maxLength(MAX_TAGS_PER_WORK * 5)),
    ),
  ),
});

const Localised = z.record(z.string(), z.optional(z.nullable(Name)));
const MangaTagSchema = z.looseObject({
  id: z.string(),
  type: z.optional(z.string()),
  attributes: z.optional(z.looseObject({ name: z.optional(Localised) })),
});
const MangaSchema = z.looseObject({
  id: z.string().check(z.refine(isUuid)),
  type: z.literal('manga'),
  attributes: z.looseObject({
    title: z.optional(Localised),
    contentRating: z.optional(z.nullable(z.string().check(z.maxLength(40)))),
    tags: z.optional(z.array(MangaTagSchema).check(z.maxLength(MAX_TAGS_PER_WORK))),
  }),
});
/** A MangaDex `/manga` list answer (isMangaList). */
export const MangaListSchema = z.looseObject({
  result: z.literal('ok'),
  data: z.array(MangaSchema).check(z.maxLength(MANGADEX_BATCH)),
});
