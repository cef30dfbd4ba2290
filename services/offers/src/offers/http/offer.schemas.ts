import { isLocalDate, type LocalDate } from '@si/kernel';
import { z } from 'zod';
import { ACCESSIBILITY, CATEGORIES, CEFR_LEVELS, CHILDCARE, TEXT_LANGUAGES } from '../domain/offer-content.js';

const date = z
  .string()
  .refine(isLocalDate, 'must be a calendar date YYYY-MM-DD')
  .transform((v) => v as LocalDate);
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
const rappen = z.number().int('integer Rappen').min(0).max(100_000_000);

const offerText = z.strictObject({ title: text(160), summary: text(500), description: text(10_000) });

/** The body of an offer (create and edit): shapes and ranges; the rules across fields are the domain's (OF2–OF6). */
export const offerContentSchema = z.strictObject({
  originalLanguage: z.enum(TEXT_LANGUAGES),
  texts: z.strictObject({
    de: offerText.optional(),
    fr: offerText.optional(),
    it: offerText.optional(),
    en: offerText.optional(),
  }),
  category: z.enum(CATEGORIES),
  cefrFrom: z.enum(CEFR_LEVELS).optional(),
  cefrTo: z.enum(CEFR_LEVELS).optional(),
  tags: z.array(text(40)).max(20).default([]),
  languagesHeld: z
    .array(z.string().regex(/^[a-z]{3}$/, 'ISO 639-3 code, e.g. deu'))
    .min(1)
    .max(20),
  targetGroup: z.strictObject({
    ageFrom: z.number().int().min(0).max(120).optional(),
    ageTo: z.number().int().min(0).max(120).optional(),
    womenOnly: z.boolean().default(false),
    parents: z.boolean().default(false),
    refugees: z.boolean().default(false),
    everyone: z.boolean().default(false),
  }),
  locations: z
    .array(
      z.strictObject({
        street: text(120),
        postcode: z.string().regex(/^[1-9][0-9]{3}$/, 'Swiss postcode of four digits'),
        place: text(80),
        municipality: z.number().int(),
        lat: z.number().min(45.8).max(47.9),
        lon: z.number().min(5.9).max(10.5),
      }),
    )
    .max(20),
  online: z.boolean().default(false),
  regions: z.array(z.string().max(60)).max(13).default([]),
  schedule: z.strictObject({
    start: date,
    end: date,
    sessions: z.number().int().min(1).max(1000).optional(),
    recurrence: z
      .strictObject({
        frequency: z.enum(['weekly', 'monthly']),
        interval: z.number().int().min(1).max(12),
        weekdays: z
          .array(z.enum(['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su']))
          .min(1)
          .max(7),
        times: z.string().max(80).optional(),
      })
      .optional(),
  }),
  freePlaces: z.number().int().min(0).max(10_000).nullable().default(null),
  cost: z.strictObject({
    priceRappen: rappen,
    reducedPriceRappen: rappen.optional(),
    reductionNote: z.string().max(300).optional(),
    subsidised: z.boolean(),
  }),
  childcare: z.enum(CHILDCARE),
  accessibility: z.enum(ACCESSIBILITY),
  accessibilityNote: z.string().max(300).optional(),
  registration: z.strictObject({
    deadline: date.optional(),
    url: z
      .url({ protocol: /^https?$/ })
      .max(500)
      .optional(),
    email: z.email().max(200).optional(),
    phone: z
      .string()
      .regex(/^\+?[0-9 ]{7,20}$/, 'a phone number')
      .optional(),
  }),
});

export const createOfferSchema = offerContentSchema.extend({ providerId: z.string().max(63).optional() });

export const stepSchema = z.strictObject({ comment: z.string().max(2000).optional() });
