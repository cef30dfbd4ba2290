import { InvalidCommandError } from './case.errors.js';
import { assertLanguage } from './case-subject.js';
import { isLocalDate, type LocalDate } from './local-date.js';
import { assertReferralTarget, type ReferralTarget } from './referral.js';
import { assertTalkFacts, type Interpreter } from './talk-facts.js';

/** CEFR levels (R9); `none` = no knowledge yet. Oral and written are kept apart. */
export const CEFR_LEVELS = ['none', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export type CefrLevel = (typeof CEFR_LEVELS)[number];

export interface LanguageSkill {
  /** ISO 639-3, e.g. `deu`. */
  readonly language: string;
  readonly oral: CefrLevel;
  readonly written: CefrLevel;
}

/** The three minimum topics of first information (VIntA Art. 8 Abs. 1 lit. a–c, R2). */
export interface Art8Topics {
  /** a: importance of language skills, education and work. */
  readonly languageEducationWork: boolean;
  /** b: suitable language offers. */
  readonly languageOffers: boolean;
  /** c: legal order, consequences of breaking it, basic norms. */
  readonly legalOrderAndNorms: boolean;
}

/** `special` = besonderer Integrationsbedarf (VIntA Art. 8 Abs. 2): Fördern should follow. */
export const SUPPORT_NEEDS = ['none', 'some', 'special'] as const;
export type SupportNeed = (typeof SUPPORT_NEEDS)[number];

export interface InfoFolderInput {
  readonly form: 'info-folder';
  readonly handedOutOn: LocalDate;
  /** Language of the folder, ISO 639-3. */
  readonly language: string;
}

export interface FirstInformationTalkInput {
  readonly form: 'talk';
  /** Shared by every case of a household served by one talk (subsidies count talks, reports persons). */
  readonly talkId: string;
  readonly heldOn: LocalDate;
  /** Municipal premises (R28), e.g. "Gemeindehaus Hubersdorf". */
  readonly place: string;
  readonly interpreter: Interpreter;
  readonly durationMinutes: number;
  readonly topics: Art8Topics;
  readonly languageSkills: readonly LanguageSkill[];
  readonly supportNeed: SupportNeed;
  readonly offersRecommended: readonly ReferralTarget[];
}

export type FirstInformationInput = InfoFolderInput | FirstInformationTalkInput;

/** The stored record: the input plus how many household cases the talk served. */
export type FirstInformationRecord = InfoFolderInput | (FirstInformationTalkInput & { readonly householdSize: number });

export interface FirstInformationState {
  readonly outcome: 'pending' | 'completed' | 'refused';
  readonly record: FirstInformationRecord | null;
  readonly noShows: readonly { readonly missedOn: LocalDate; readonly reinvitedFor: LocalDate | null }[];
  readonly refusal: { readonly on: LocalDate; readonly note: string } | null;
}

export const PENDING_FIRST_INFORMATION: FirstInformationState = {
  outcome: 'pending',
  record: null,
  noShows: [],
  refusal: null,
};

export function completedOn(record: FirstInformationRecord): LocalDate {
  return record.form === 'talk' ? record.heldOn : record.handedOutOn;
}

function assertCefr(field: string, level: string): void {
  if (!(CEFR_LEVELS as readonly string[]).includes(level))
    throw new InvalidCommandError(field, 'keine GER-Stufe', 'not a CEFR level', 'R9');
}

/** Validates a first-information record (R2, R9) and returns a normalised copy. */
export function validateFirstInformation(input: FirstInformationInput, householdSize = 1): FirstInformationRecord {
  if (input.form === 'info-folder') {
    if (!isLocalDate(input.handedOutOn)) throw new InvalidCommandError('handedOutOn', 'kein Datum', 'not a date');
    assertLanguage('language', input.language);
    return { form: 'info-folder', handedOutOn: input.handedOutOn, language: input.language };
  }
  if (input.form !== 'talk') throw new InvalidCommandError('form', 'Mappe oder Gespräch', 'info-folder or talk');
  assertTalkFacts(input);
  const t = input.topics;
  if (!t?.languageEducationWork || !t.languageOffers || !t.legalOrderAndNorms) {
    throw new InvalidCommandError(
      'topics',
      'die Erstinformation umfasst mindestens die drei Themen nach VIntA Art. 8 (a–c)',
      'first information covers at least the three topics of VIntA Art. 8 (a–c)',
      'R2',
    );
  }
  input.languageSkills.forEach((s, i) => {
    assertLanguage(`languageSkills[${i}].language`, s.language);
    assertCefr(`languageSkills[${i}].oral`, s.oral);
    assertCefr(`languageSkills[${i}].written`, s.written);
  });
  if (!(SUPPORT_NEEDS as readonly string[]).includes(input.supportNeed)) {
    throw new InvalidCommandError('supportNeed', 'none, some oder special', 'none, some or special', 'R2');
  }
  const offersRecommended = input.offersRecommended.map((o, i) => assertReferralTarget(`offersRecommended[${i}]`, o));
  return {
    form: 'talk',
    talkId: input.talkId,
    heldOn: input.heldOn,
    place: input.place.trim(),
    interpreter: input.interpreter.used ? { used: true, language: input.interpreter.language } : { used: false },
    durationMinutes: input.durationMinutes,
    topics: { ...t },
    languageSkills: input.languageSkills.map((s) => ({ ...s })),
    supportNeed: input.supportNeed,
    offersRecommended,
    householdSize,
  };
}
