import type { Problem } from '../api/service-client.js';
import type { T } from '../i18n/i18n.js';
import { chfFieldValue, parseChf } from '../i18n/money.js';
import { many, one, placeField, type FormError, type FormInput } from '../cases/form-spec.js';
import { TEXT_LANGUAGES, type OfferContent, type OfferText, type TextLanguage } from './offers-keeping.api.js';

/** Location rows the editor offers (an offer may name up to 20; more than a few is rare, AGS can add them). */
export const LOCATION_ROWS = 2;

const numberOrRaw = (raw: string): number | string | undefined => {
  if (raw === '') return undefined;
  const n = Number(raw);
  // Not a number: sent as typed, so the service names the field (the form keeps it).
  return Number.isFinite(n) && /^-?\d+(\.\d+)?$/.test(raw) ? n : raw;
};
const checked = (form: FormInput, name: string) => one(form[name]) !== '';
const codes = (raw: string) =>
  raw
    .split(/[,;\s]+/)
    .map((c) => c.trim().toLowerCase())
    .filter(Boolean);

/** Field names the editor has (for placing the service's complaints). */
export function editorFieldNames(): string[] {
  const texts = TEXT_LANGUAGES.flatMap((l) => [
    `texts.${l}`,
    `texts.${l}.title`,
    `texts.${l}.summary`,
    `texts.${l}.description`,
  ]);
  const locations = Array.from({ length: LOCATION_ROWS }, (_, i) =>
    ['street', 'postcode', 'place', 'municipality', 'lat', 'lon'].map((f) => `locations.${i}.${f}`),
  ).flat();
  return [
    'originalLanguage',
    'texts',
    ...texts,
    'category',
    'cefrFrom',
    'cefrTo',
    'tags',
    'languagesHeld',
    'targetGroup',
    'targetGroup.ageFrom',
    'targetGroup.ageTo',
    'locations',
    ...locations,
    'online',
    'regions',
    'schedule',
    'schedule.start',
    'schedule.end',
    'schedule.sessions',
    'schedule.recurrence',
    'schedule.recurrence.frequency',
    'schedule.recurrence.interval',
    'schedule.recurrence.weekdays',
    'schedule.recurrence.times',
    'freePlaces',
    'cost',
    'cost.price',
    'cost.reducedPrice',
    'cost.reductionNote',
    'cost.subsidised',
    'childcare',
    'accessibility',
    'accessibilityNote',
    'registration',
    'registration.deadline',
    'registration.url',
    'registration.email',
    'registration.phone',
  ];
}

/**
 * The offer's body from the submitted editor, and the complaints the editor can make itself (amounts in CHF,
 * which the service takes as Rappen; `message` a catalogue key). Empty optional fields are left out; everything else goes to the service as
 * typed, so that its refusal names the field.
 */
export function formToOffer(form: FormInput): { body: Record<string, unknown>; errors: FormError[] } {
  const errors: FormError[] = [];
  const texts: Partial<Record<TextLanguage, OfferText>> = {};
  for (const l of TEXT_LANGUAGES) {
    const t = {
      title: one(form[`texts.${l}.title`]),
      summary: one(form[`texts.${l}.summary`]),
      description: one(form[`texts.${l}.description`]),
    };
    if (t.title || t.summary || t.description) texts[l] = t;
  }
  const opt = (name: string) => one(form[name]) || undefined;
  const ageFrom = numberOrRaw(one(form['targetGroup.ageFrom']));
  const ageTo = numberOrRaw(one(form['targetGroup.ageTo']));
  const locations = Array.from({ length: LOCATION_ROWS }, (_, i) => i)
    .filter((i) =>
      ['street', 'postcode', 'place', 'municipality', 'lat', 'lon'].some((f) => one(form[`locations.${i}.${f}`])),
    )
    .map((i) => ({
      street: one(form[`locations.${i}.street`]),
      postcode: one(form[`locations.${i}.postcode`]),
      place: one(form[`locations.${i}.place`]),
      municipality: numberOrRaw(one(form[`locations.${i}.municipality`])),
      lat: numberOrRaw(one(form[`locations.${i}.lat`])),
      lon: numberOrRaw(one(form[`locations.${i}.lon`])),
    }));
  const frequency = one(form['schedule.recurrence.frequency']);
  const sessions = numberOrRaw(one(form['schedule.sessions']));
  const freePlaces = numberOrRaw(one(form['freePlaces']));

  const priceRaw = one(form['cost.price']);
  const priceRappen = priceRaw === '' ? undefined : parseChf(priceRaw);
  if (priceRaw !== '' && priceRappen === undefined)
    errors.push({ field: 'cost.price', message: 'providerOffers.error.chf' });
  const reducedRaw = one(form['cost.reducedPrice']);
  const reducedPriceRappen = reducedRaw === '' ? undefined : parseChf(reducedRaw);
  if (reducedRaw !== '' && reducedPriceRappen === undefined)
    errors.push({ field: 'cost.reducedPrice', message: 'providerOffers.error.chf' });

  const body: Record<string, unknown> = {
    originalLanguage: one(form['originalLanguage']),
    texts,
    category: one(form['category']),
    ...(opt('cefrFrom') ? { cefrFrom: opt('cefrFrom') } : {}),
    ...(opt('cefrTo') ? { cefrTo: opt('cefrTo') } : {}),
    tags: one(form['tags'])
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
    languagesHeld: [...new Set([...many(form['languagesHeld']), ...codes(one(form['languagesHeldOther']))])],
    targetGroup: {
      ...(ageFrom !== undefined ? { ageFrom } : {}),
      ...(ageTo !== undefined ? { ageTo } : {}),
      womenOnly: checked(form, 'targetGroup.womenOnly'),
      parents: checked(form, 'targetGroup.parents'),
      refugees: checked(form, 'targetGroup.refugees'),
      everyone: checked(form, 'targetGroup.everyone'),
    },
    locations,
    online: checked(form, 'online'),
    regions: many(form['regions']),
    schedule: {
      start: one(form['schedule.start']),
      end: one(form['schedule.end']),
      ...(sessions !== undefined ? { sessions } : {}),
      ...(frequency
        ? {
            recurrence: {
              frequency,
              interval: numberOrRaw(one(form['schedule.recurrence.interval'])) ?? 1,
              weekdays: many(form['schedule.recurrence.weekdays']),
              ...(opt('schedule.recurrence.times') ? { times: opt('schedule.recurrence.times') } : {}),
            },
          }
        : {}),
    },
    freePlaces: freePlaces ?? null,
    cost: {
      ...(priceRappen !== undefined ? { priceRappen } : {}),
      ...(reducedPriceRappen !== undefined ? { reducedPriceRappen } : {}),
      ...(opt('cost.reductionNote') ? { reductionNote: opt('cost.reductionNote') } : {}),
      subsidised: checked(form, 'cost.subsidised'),
    },
    childcare: one(form['childcare']),
    accessibility: one(form['accessibility']),
    ...(opt('accessibilityNote') ? { accessibilityNote: opt('accessibilityNote') } : {}),
    registration: {
      ...(opt('registration.deadline') ? { deadline: opt('registration.deadline') } : {}),
      ...(opt('registration.url') ? { url: opt('registration.url') } : {}),
      ...(opt('registration.email') ? { email: opt('registration.email') } : {}),
      ...(opt('registration.phone') ? { phone: opt('registration.phone') } : {}),
    },
  };
  return { body, errors };
}

/** An offer's content as the editor's fields (to edit a kept offer). */
export function offerToForm(c: OfferContent, languagesOffered: readonly string[]): FormInput {
  const form: FormInput = {
    originalLanguage: c.originalLanguage,
    category: c.category,
    cefrFrom: c.cefrFrom ?? '',
    cefrTo: c.cefrTo ?? '',
    tags: c.tags.join(', '),
    languagesHeld: c.languagesHeld.filter((l) => languagesOffered.includes(l)),
    languagesHeldOther: c.languagesHeld.filter((l) => !languagesOffered.includes(l)).join(', '),
    'targetGroup.ageFrom': c.targetGroup.ageFrom?.toString() ?? '',
    'targetGroup.ageTo': c.targetGroup.ageTo?.toString() ?? '',
    online: c.online ? 'true' : '',
    regions: c.regions,
    'schedule.start': c.schedule.start,
    'schedule.end': c.schedule.end,
    'schedule.sessions': c.schedule.sessions?.toString() ?? '',
    'schedule.recurrence.frequency': c.schedule.recurrence?.frequency ?? '',
    'schedule.recurrence.interval': c.schedule.recurrence?.interval.toString() ?? '',
    'schedule.recurrence.weekdays': c.schedule.recurrence?.weekdays ?? [],
    'schedule.recurrence.times': c.schedule.recurrence?.times ?? '',
    freePlaces: c.freePlaces === null ? '' : String(c.freePlaces),
    'cost.price': chfFieldValue(c.cost.priceRappen),
    'cost.reducedPrice': c.cost.reducedPriceRappen !== undefined ? chfFieldValue(c.cost.reducedPriceRappen) : '',
    'cost.reductionNote': c.cost.reductionNote ?? '',
    'cost.subsidised': c.cost.subsidised ? 'true' : '',
    childcare: c.childcare,
    accessibility: c.accessibility,
    accessibilityNote: c.accessibilityNote ?? '',
    'registration.deadline': c.registration.deadline ?? '',
    'registration.url': c.registration.url ?? '',
    'registration.email': c.registration.email ?? '',
    'registration.phone': c.registration.phone ?? '',
  };
  for (const flag of ['womenOnly', 'parents', 'refugees', 'everyone'] as const)
    form[`targetGroup.${flag}`] = c.targetGroup[flag] ? 'true' : '';
  for (const l of TEXT_LANGUAGES) {
    const t = c.texts[l];
    form[`texts.${l}.title`] = t?.title ?? '';
    form[`texts.${l}.summary`] = t?.summary ?? '';
    form[`texts.${l}.description`] = t?.description ?? '';
  }
  c.locations.slice(0, LOCATION_ROWS).forEach((loc, i) => {
    form[`locations.${i}.street`] = loc.street;
    form[`locations.${i}.postcode`] = loc.postcode;
    form[`locations.${i}.place`] = loc.place;
    form[`locations.${i}.municipality`] = String(loc.municipality);
    form[`locations.${i}.lat`] = String(loc.lat);
    form[`locations.${i}.lon`] = String(loc.lon);
  });
  return form;
}

/** The service names Rappen; the editor asks for CHF. */
const RENAMED: Record<string, string> = {
  'cost.priceRappen': 'cost.price',
  'cost.reducedPriceRappen': 'cost.reducedPrice',
};

/** A JSON pointer of the service (`/locations/0/municipality`) as the editor's field (`locations.0.municipality`). */
export function fieldOfPointer(pointer: string | undefined, names: readonly string[]): string | null {
  if (!pointer) return null;
  const dotted = pointer
    .replace(/^\//, '')
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
  const renamed = RENAMED[dotted] ?? dotted;
  return placeField(renamed, names);
}

/**
 * Which message key explains a complaint in German: the rule across fields the service named (OF2–OF6, and OF1 for
 * ages and registration), "missing" for an empty required field, else "invalid". The service's own words (English)
 * stay as a detail.
 */
function messageKey(rule: string | undefined, pointer: string, message: string): string {
  if (rule && rule !== 'OF1') return `providerOffers.error.${rule}`;
  if (pointer === '/registration') return 'providerOffers.error.registration';
  if (pointer === '/targetGroup/ageTo' && /ageFrom/.test(message)) return 'providerOffers.error.ages';
  if (/received undefined|must not be empty|Too small: expected (string|array)/i.test(message))
    return 'providerOffers.error.missing';
  return 'providerOffers.error.invalid';
}

/**
 * The service's refusal as complaints next to the editor's fields. A shape problem (400) lists `errors[]`, a rule across
 * fields (422) `details.errors[]`, each with a JSON pointer; a lifecycle refusal (409) has none and goes above the form.
 * `message` is German (`detail` the service's own words, which are English for shape problems).
 */
export function offerProblemToErrors(
  problem: Problem,
  names: readonly string[],
  t: T,
): (FormError & { detail?: string })[] {
  const listed =
    problem.errors ??
    (Array.isArray(problem.details?.['errors'])
      ? (problem.details['errors'] as { pointer?: string; message: string }[])
      : []);
  const rule = problem.rule ? { rule: problem.rule } : {};
  if (listed.length) {
    return listed.map((e) => {
      // Each complaint of a 422 belongs to the rule its field breaks; the problem names only the first rule.
      const ownRule = problem.status === 422 ? ruleOfPointer(e.pointer ?? '', problem.rule) : problem.rule;
      return {
        field: fieldOfPointer(e.pointer, names),
        message: t(messageKey(ownRule, e.pointer ?? '', e.message)),
        detail: e.message,
        ...(ownRule ? { rule: ownRule } : rule),
      };
    });
  }
  const field = typeof problem.details?.['field'] === 'string' ? (problem.details['field'] as string) : undefined;
  return [
    {
      field: field ? placeField(field, names) : null,
      message: problem.title ?? problem.detail ?? t('form.invalidValue'),
      ...rule,
    },
  ];
}

/** The rule a field of an offer falls under (the service's assertOfferRules). */
function ruleOfPointer(pointer: string, fallback: string | undefined): string | undefined {
  if (/^\/texts\//.test(pointer)) return 'OF2';
  if (/^\/cefr/.test(pointer)) return 'OF3';
  if (pointer === '/schedule/end' || pointer === '/registration/deadline') return 'OF4';
  if (/^\/(locations|regions)/.test(pointer)) return 'OF5';
  if (pointer === '/cost/reducedPriceRappen') return 'OF6';
  if (pointer === '/targetGroup/ageTo' || pointer === '/registration') return 'OF1';
  return fallback;
}
