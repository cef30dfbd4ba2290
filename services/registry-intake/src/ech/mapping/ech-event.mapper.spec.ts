import { describe, expect, it } from '@jest/globals';
import {
  fixture,
  intake,
  mapperDependencies,
  only,
  TEST_PERSON_REF_KEY,
} from '../../../test/fixtures/intake-harness.js';
import { generateEventDeliveries, generateEventDelivery, type EventKind } from '../generator/delivery-generator.js';
import type { MapOutcome } from './ech-event.mapper.js';
import { PersonRefFactory } from './person-ref.js';
import type { PersonEventDataMap } from './person-event.types.js';
import type { PersonEventType } from './person-event-types.js';

function emitted<T extends PersonEventType>(outcome: MapOutcome, type: T): PersonEventDataMap[T] {
  if (outcome.action !== 'emit') throw new Error(`expected ${type}, got skip ${outcome.reason}: ${outcome.detail}`);
  expect(outcome.type).toBe(type);
  expect(outcome.subject).toBe(outcome.data.personRef);
  return outcome.data as PersonEventDataMap[T];
}

async function single(kind: EventKind, options: Parameters<typeof generateEventDelivery>[1] = {}) {
  const delivery = generateEventDelivery(kind, { seed: 5, ...options });
  return { delivery, outcome: only(await intake(delivery.xml)) };
}

describe('person.arrived.v1', () => {
  it('is emitted for a foreign national moving in from abroad, with permit, nationality, household and decision', async () => {
    const { delivery, outcome } = await single('moveIn-abroad', { municipality: 2581 });
    const p = delivery.persons[0];
    const data = emitted(outcome, 'person.arrived.v1');
    expect(data).toMatchObject({
      bfsNumber: 2581,
      municipalityName: 'Olten',
      municipalityMatchedByName: false,
      arrivalDate: p.arrivalDate,
      eventDate: p.arrivalDate,
      comesFrom: { kind: 'foreignCountry' },
      comesFromUnknown: false,
      residenceType: 'main',
      householdId: p.household.id,
      residencePermit: { code: p.permit!.code },
      sex: p.sex === '1' ? 'male' : 'female',
      dateOfBirth: p.dateOfBirth,
      yearOfBirth: Number(p.dateOfBirth.slice(0, 4)),
      source: { echEvent: 'moveIn', messageId: delivery.messageId },
      personalData: {
        officialName: p.officialName,
        firstName: p.firstName,
        vn: p.vn ?? null,
        localPersonId: p.localId,
        address: { street: p.household.address.street },
      },
    });
    expect(data.targetGroup).toMatchObject({
      ruleVersion: mapperDependencies().rule.version,
      permitCode: p.permit!.code,
    });
  });

  it('flags an arrival whose origin is unknown', async () => {
    const data = emitted((await single('moveIn-abroad-unknown-origin')).outcome, 'person.arrived.v1');
    expect(data).toMatchObject({ comesFromUnknown: true, comesFrom: { kind: 'unknown', country: null } });
  });

  it('treats a "foreign country" that is Switzerland as unknown origin and notes it', async () => {
    const { xml } = generateEventDelivery('moveIn-abroad', { seed: 5, prefixStyle: 'e20' });
    const swiss = xml.replace(
      /(<e20:comesFrom><e11:foreignCountry><e11:country>)[\s\S]*?(<\/e11:country>)/,
      '$1<e8:countryId>8100</e8:countryId><e8:countryIdISO2>CH</e8:countryIdISO2><e8:countryNameShort>Schweiz</e8:countryNameShort>$2',
    );
    const outcome = only(await intake(swiss));
    expect(emitted(outcome, 'person.arrived.v1')).toMatchObject({ comesFromUnknown: true });
    expect(outcome.notes.join(' ')).toMatch(/Switzerland as a foreign country/);
  });

  it('records the decision: an asylum seeker (N) arrives but opens no case', async () => {
    const { xml } = generateEventDelivery('moveIn-abroad', { seed: 5, prefixStyle: 'e20' });
    const asylum = xml.replace(
      /<e11:residencePermit>\d+<\/e11:residencePermit>/,
      '<e11:residencePermit>0804</e11:residencePermit>',
    );
    expect(emitted(only(await intake(asylum)), 'person.arrived.v1').targetGroup).toMatchObject({
      opensCase: false,
      category: 'N',
      basis: 'category',
    });
  });

  it('is not emitted for a Swiss citizen arriving from abroad: skipped with the reason', async () => {
    const { outcome } = await single('moveIn-abroad-swiss-citizen');
    expect(outcome).toMatchObject({
      action: 'skip',
      reason: 'swiss-citizen',
      echEvent: 'moveIn',
      personRef: expect.stringMatching(/^p-/),
    });
  });

  it('is not emitted for a move from a Swiss town: that is person.moved.v1', async () => {
    const data = emitted((await single('moveIn-swissTown-other-canton')).outcome, 'person.moved.v1');
    expect(data).toMatchObject({
      moveKind: 'into-canton',
      from: { inCanton: false },
      to: { bfsNumber: 2601, inCanton: true },
    });
  });

  it('is not emitted for a secondary residence', async () => {
    const { xml } = generateEventDelivery('moveIn-abroad', { seed: 5, prefixStyle: 'e20' });
    const secondary = xml
      .replace('<e20:hasMainResidence>', '<e20:hasSecondaryResidence>')
      .replace(
        '</e20:hasMainResidence>',
        '<e20:mainResidence><e7:municipalityName>Bern</e7:municipalityName></e20:mainResidence></e20:hasSecondaryResidence>',
      );
    expect(only(await intake(secondary))).toMatchObject({ action: 'skip', reason: 'not-main-residence' });
  });

  it('reads a hand-written delivery: no AHV number, municipality and countries by name only, all noted', async () => {
    const outcome = only(await intake(fixture('v3/move-in-edge-cases.xml')));
    const data = emitted(outcome, 'person.arrived.v1');
    expect(data).toMatchObject({
      bfsNumber: 2425,
      municipalityName: 'Holderbank (SO)',
      municipalityMatchedByName: true,
      arrivalDate: '2026-02-01',
      entryDate: '2026-01-28',
      dateOfBirth: '1991-11-30',
      language: 'de',
      householdId: 'H-2425-77',
      alternatePersonRefs: [],
      nationality: { status: 'known', countries: [{ bfsCode: 8231, iso2: 'PT', euEfta: true, matchedByName: true }] },
      comesFrom: { kind: 'foreignCountry', country: { bfsCode: 8231, matchedByName: true }, town: 'Braga' },
      residencePermit: { code: '0201', category: 'B', euEfta: true },
      targetGroup: { opensCase: true, category: 'B' },
      personalData: {
        vn: null,
        callName: 'Maria',
        localPersonId: { category: 'MU.2425', id: 'A-000815' },
        address: { houseNumber: '12a', postalCode: '4718' },
      },
    });
    expect(outcome.notes.join('\n')).toMatch(
      /matched by name to Holderbank \(SO\) \(BFS 2425\)[\s\S]*nationality "Portugal" had no code/,
    );
  });
});

describe('person references', () => {
  const refs = new PersonRefFactory(TEST_PERSON_REF_KEY);

  it('are stable across deliveries and municipalities for the same AHV number, and keep the local id as alternate', () => {
    const a = refs.refsOf({ vn: '7561234567897', localPersonId: { category: 'MU.2601', id: '1' } });
    const b = refs.refsOf({ vn: '7561234567897', localPersonId: { category: 'MU.2581', id: '99' } });
    expect(a.personRef).toBe(b.personRef);
    expect(a.basis).toBe('vn');
    expect(a.alternatePersonRefs).toEqual([refs.refsOf({ localPersonId: { category: 'MU.2601', id: '1' } }).personRef]);
  });

  it('fall back to the local person id without AHV number, or with an invalid one (noted)', () => {
    const local = refs.refsOf({ localPersonId: { category: 'CH.ORDIPRO', id: '4711' } });
    const mistyped = refs.refsOf({ vn: '7561234567898', localPersonId: { category: 'CH.ORDIPRO', id: '4711' } });
    expect(mistyped.personRef).toBe(local.personRef);
    expect(mistyped.notes[0]).toMatch(/invalid check digit/);
    expect(refs.refsOf({ localPersonId: { category: 'CH.INFOSTAR', id: '4711' } }).personRef).not.toBe(local.personRef);
  });

  it('depend on the key and reveal nothing of the number', () => {
    const other = new PersonRefFactory('another-key-for-person-refs-0123456789abcdef');
    const id = { vn: '7561234567897', localPersonId: { category: 'MU.2601', id: '1' } };
    expect(other.refsOf(id).personRef).not.toBe(refs.refsOf(id).personRef);
    expect(refs.refsOf(id).personRef).toMatch(/^p-[0-9a-f]{32}$/);
    expect(() => new PersonRefFactory('short')).toThrow(/32 bytes/);
  });

  it('follow the same person from arrival to a later event', async () => {
    const subjects = new Map<string, string>();
    let followed = 0;
    for (const d of generateEventDeliveries(60, { seed: 9, kinds: ['moveIn-abroad', 'moveOut-abroad', 'death'] })) {
      const outcome = only(await intake(d.xml));
      const subject = outcome.action === 'emit' ? outcome.subject : outcome.personRef;
      const id = `${d.persons[0].localId.category}/${d.persons[0].localId.id}`;
      if (d.kind === 'moveIn-abroad') subjects.set(id, subject!);
      else if (subjects.has(id)) {
        expect(subject).toBe(subjects.get(id));
        followed++;
      }
    }
    expect(followed).toBeGreaterThan(5);
  });
});

describe('person.moved.v1', () => {
  it('moveIn from another Solothurn municipality: between Solothurn municipalities', async () => {
    expect(emitted((await single('moveIn-swissTown-solothurn')).outcome, 'person.moved.v1')).toMatchObject({
      moveKind: 'between-solothurn-municipalities',
      from: { inCanton: true, canton: 'SO' },
    });
  });

  it('moveOut to another Solothurn municipality: between Solothurn municipalities, not departed', async () => {
    const data = emitted((await single('moveOut-solothurn')).outcome, 'person.moved.v1');
    expect(data).toMatchObject({
      moveKind: 'between-solothurn-municipalities',
      from: { bfsNumber: 2601 },
      to: { inCanton: true },
    });
    expect(data.to.bfsNumber).not.toBe(2601);
  });

  it('move within the municipality, with the new address', async () => {
    const { delivery, outcome } = await single('move');
    expect(emitted(outcome, 'person.moved.v1')).toMatchObject({
      moveKind: 'within-municipality',
      to: { bfsNumber: 2601 },
      personalData: { address: { street: delivery.persons[0].household.address.street } },
    });
  });
});

describe('person.departed.v1', () => {
  it.each([
    ['moveOut-abroad', 'abroad'],
    ['moveOut-other-canton', 'other-canton'],
    ['moveOut-unknown', 'unknown'],
  ] as const)('%s → destination %s, without personal data', async (kind, destination) => {
    const data = emitted((await single(kind)).outcome, 'person.departed.v1');
    expect(data.destination.kind).toBe(destination);
    expect(data).not.toHaveProperty('personalData');
    if (destination === 'abroad') expect(data.destination.country?.bfsCode).toEqual(expect.any(Number));
    if (destination === 'other-canton') expect(data.destination.canton).not.toBe('SO');
  });
});

describe('person.residence-permit-changed.v1', () => {
  it('carries the new permit with category and EU/EFTA ruling, and the previous one when known', async () => {
    const { delivery } = await single('changeResidencePermit');
    const previous = mapperDependencies().permits.describe('0701');
    const data = emitted(
      only(await intake(delivery.xml, { previousPermit: previous })),
      'person.residence-permit-changed.v1',
    );
    expect(data).toMatchObject({
      residencePermit: { code: delivery.persons[0].permit!.code },
      previousPermit: { code: '0701', category: 'L', euEfta: true },
    });
    expect(data.categoryChanged).toBe(data.residencePermit!.category !== 'L');
  });

  it('says so when the previous permit is not known', async () => {
    expect(
      emitted((await single('changeResidencePermit')).outcome, 'person.residence-permit-changed.v1'),
    ).toMatchObject({ previousPermit: null, categoryChanged: null });
  });
});

describe('negative cases of the short events', () => {
  it('naturalizeSwiss (a Swiss citizen gains a further place of origin) emits nothing', async () => {
    const { xml } = generateEventDelivery('naturalizeForeigner', { seed: 5, prefixStyle: 'e20' });
    const swiss = xml
      .replace(/<e20:naturalizeForeigner>/, '<e20:naturalizeSwiss>')
      .replace(/<\/e20:naturalizeForeigner>/, '</e20:naturalizeSwiss>')
      .replace('<e20:naturalizeForeignerPerson>', '<e20:naturalizeSwissPerson>')
      .replace('</e20:naturalizeForeignerPerson>', '</e20:naturalizeSwissPerson>')
      .replace(/<e20:nationality>[\s\S]*?<\/e20:nationality>/, '');
    expect(only(await intake(swiss))).toMatchObject({
      action: 'skip',
      reason: 'not-used',
      echEvent: 'naturalizeSwiss',
    });
  });

  it('a permit change without permit code (xsi:nil) emits nothing and says why', async () => {
    const { xml } = generateEventDelivery('changeResidencePermit', { seed: 5, prefixStyle: 'e20' });
    const nil = xml
      .replace('<e20:delivery ', '<e20:delivery xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ')
      .replace(/<e11:residencePermit>\d+<\/e11:residencePermit>/, '<e11:residencePermit xsi:nil="true"/>');
    expect(only(await intake(nil))).toMatchObject({
      action: 'skip',
      reason: 'no-change',
      detail: expect.stringMatching(/no code/),
    });
  });

  it('a departure reported by a federal register instead of a municipality is skipped with the register named', async () => {
    const { xml } = generateEventDelivery('moveOut-abroad', { seed: 5, prefixStyle: 'e20' });
    const federal = xml.replace(
      /<e20:reportingMunicipality>[\s\S]*?<\/e20:reportingMunicipality>/,
      '<e20:federalRegister>3</e20:federalRegister>',
    );
    expect(only(await intake(federal))).toMatchObject({
      action: 'skip',
      reason: 'federal-register',
      detail: expect.stringMatching(/ZEMIS/),
    });
  });
});

describe('person.naturalized.v1 and person.died.v1', () => {
  it('naturalizeForeigner → naturalized with the date', async () => {
    const { delivery, outcome } = await single('naturalizeForeigner');
    expect(emitted(outcome, 'person.naturalized.v1')).toMatchObject({
      naturalizationDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      sex: delivery.persons[0].sex === '1' ? 'male' : 'female',
    });
  });

  it('death → died with the date of death', async () => {
    expect(emitted((await single('death')).outcome, 'person.died.v1')).toMatchObject({
      dateOfDeath: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
  });
});

describe('person.corrected.v1', () => {
  it.each([
    ['correctName', ['name']],
    ['correctNationality', ['nationality']],
    ['correctResidencePermit', ['residencePermit']],
    ['correctBirthInfo', ['dateOfBirth']],
  ] as const)('%s → changes %j', async (kind, changes) => {
    const { delivery, outcome } = await single(kind);
    const data = emitted(outcome, 'person.corrected.v1');
    expect(data).toMatchObject({ correctionKind: 'correction', changes, previousPersonRef: null });
    if (kind === 'correctName') expect(data.personalData.firstName).toBe(delivery.persons[0].firstName);
    if (kind === 'correctBirthInfo') expect(data.dateOfBirth).toBe(delivery.persons[0].dateOfBirth);
  });

  it('an identification change gives the new reference and the previous one', async () => {
    const { xml } = generateEventDelivery('death', { seed: 5, prefixStyle: 'e20', withoutVnShare: 1 });
    const person = /<e20:deathPerson>([\s\S]*?)<\/e20:deathPerson>/.exec(xml)![1];
    const correction = xml.replace(
      /<e20:death>[\s\S]*<\/e20:death>/,
      `<e20:correctIdentification><e20:correctIdentificationPerson><e20:personIdentificationBefore>${person}</e20:personIdentificationBefore><e20:personIdentificationAfter><e20:localPersonId><e44:personIdCategory>MU.2601</e44:personIdCategory><e44:personId>NEW-1</e44:personId></e20:localPersonId></e20:personIdentificationAfter></e20:correctIdentificationPerson></e20:correctIdentification>`,
    );
    const outcome = only(await intake(correction));
    const data = emitted(outcome, 'person.corrected.v1');
    expect(data.changes).toEqual(['identification']);
    expect(data.previousPersonRef).toMatch(/^p-/);
    expect(data.previousPersonRef).not.toBe(data.personRef);
    expect(data.alternatePersonRefs).toContain(data.previousPersonRef);
  });

  it('a key exchange is validated and logged as one unused event', async () => {
    const { xml } = generateEventDelivery('death', { seed: 5, prefixStyle: 'e20' });
    const person = /<e20:deathPerson>([\s\S]*?)<\/e20:deathPerson>/.exec(xml)?.[1] ?? '';
    const keyExchange = xml.replace(
      /<e20:death>[\s\S]*<\/e20:death>/,
      `<e20:keyExchange><e20:messages><e20:keyExchangePerson>${person}</e20:keyExchangePerson></e20:messages></e20:keyExchange>`,
    );
    expect(only(await intake(keyExchange))).toMatchObject({
      action: 'skip',
      reason: 'not-used',
      echEvent: 'keyExchange',
    });
  });

  it('events start.integration does not use are skipped with the reason', async () => {
    expect((await single('changeReligion')).outcome).toMatchObject({
      action: 'skip',
      reason: 'not-used',
      detail: expect.stringMatching(/changeReligion/),
    });
  });
});

describe('municipality of the delivery', () => {
  it('is taken from the sender id when the event names none, and refused when outside the canton', async () => {
    const { xml } = generateEventDelivery('death', { seed: 5 });
    expect(emitted(only(await intake(xml)), 'person.died.v1').bfsNumber).toBe(2601);
    const run = await intake(xml.replace('sedex://T1-2601-1', 'sedex://T1-351-1'));
    expect(run.result).toMatchObject({ status: 'refused', refusal: { code: 'municipality-outside-canton' } });
    expect(run.outcomes).toEqual([]);
  });

  it('uses the delivery channel hint, or refuses when nothing says which municipality', async () => {
    const { xml } = generateEventDelivery('death', { seed: 5 });
    const anonymous = xml.replace('sedex://T1-2601-1', 'sedex://3-CH-6');
    expect(
      emitted(only(await intake(anonymous, { mapper: { municipalityHint: 2546 } })), 'person.died.v1').bfsNumber,
    ).toBe(2546);
    expect((await intake(anonymous)).result).toMatchObject({
      status: 'refused',
      refusal: { code: 'municipality-undetermined' },
    });
  });

  it('refuses a municipality name that matches no Solothurn municipality', async () => {
    const { xml } = generateEventDelivery('moveIn-abroad', {
      seed: 5,
      municipality: 2601,
      variations: { municipalityNameOnly: true },
    });
    const run = await intake(
      xml.replace('>Solothurn</eCH-0007:municipalityName>', '>Zürich</eCH-0007:municipalityName>'),
    );
    expect(run.result).toMatchObject({
      status: 'refused',
      refusal: {
        code: 'municipality-unknown',
        message: expect.stringMatching(/"Zürich".*unknown or outside the canton/),
      },
    });
  });
});
