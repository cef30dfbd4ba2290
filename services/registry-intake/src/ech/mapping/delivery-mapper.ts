import type { SolothurnMunicipality } from '../../master-data/municipality-directory.js';
import { IntakeRefusedError, refusal, type IntakeRefusal } from '../intake-refusal.js';
import type { DeliveryHeader, EchMunicipality, EchRecord } from '../ech-record.types.js';
import {
  mapRecord,
  personRefsOf,
  type MapOutcome,
  type MapperDependencies,
  type RecordContext,
} from './ech-event.mapper.js';
import { SKIP_REASONS } from './person-event-types.js';

export interface DeliveryMapperOptions {
  /**
   * The municipality the delivery comes from when the message itself does not say (death, permit change … carry
   * no municipality): e.g. from the sedex envelope or the authenticated sender. Used after the eCH-0058 senderId.
   */
  municipalityHint?: number;
}

/** One line of the delivery log about the delivery as a whole. */
export interface DeliveryNote {
  message: string;
}

const FEDERAL_REGISTERS: Record<string, string> = { '1': 'INFOSTAR', '2': 'ORDIPRO', '3': 'ZEMIS' };

/**
 * Maps the records of one delivery, in order, and settles the municipality question for the delivery as a whole:
 * the first record that names a municipality (or the sender id, or the hint) decides it; a municipality that is
 * unknown or outside the canton refuses the delivery (IntakeRefusedError, which readDelivery turns into a refused
 * result), one matched by name only is accepted and noted. Later records naming another Solothurn municipality keep
 * their own; records outside the canton are skipped.
 */
export class DeliveryMapper {
  private deliveryMunicipality: SolothurnMunicipality | undefined;
  private byName = false;
  readonly notes: DeliveryNote[] = [];

  constructor(
    private readonly deps: MapperDependencies,
    private readonly options: DeliveryMapperOptions = {},
  ) {}

  get municipality(): SolothurnMunicipality | undefined {
    return this.deliveryMunicipality;
  }

  /**
   * @param previousPermit the permit known before this record (see RecordContext.previousPermit)
   * @throws IntakeRefusedError when the delivery's municipality is unknown or outside the canton
   */
  map(record: EchRecord, header: DeliveryHeader, previousPermit?: RecordContext['previousPermit']): MapOutcome[] {
    const own = ownMunicipality(record);
    const federal = federalRegisterOf(record);
    const deliveryMunicipality = this.deliveryMunicipality ?? this.settle(own, header);
    const base = { header, previousPermit };
    if (federal !== undefined) {
      return [
        skipOutcome(
          record,
          'federal-register',
          `reported by ${FEDERAL_REGISTERS[federal] ?? `federal register ${federal}`}: ${SKIP_REASONS['federal-register']}`,
          this.deps,
        ),
      ];
    }
    if (!own)
      return mapRecord(record, this.deps, {
        ...base,
        municipality: deliveryMunicipality,
        municipalityMatchedByName: this.byName,
      });
    const r = this.deps.municipalities.resolve(own);
    if (r.status !== 'found') return [skipOutcome(record, 'outside-canton', r.reason, this.deps)];
    const outcomes = mapRecord(record, this.deps, {
      ...base,
      municipality: r.municipality,
      municipalityMatchedByName: r.matchedBy === 'name',
    });
    if (r.note) for (const o of outcomes) o.notes.unshift(r.note);
    return outcomes;
  }

  private settle(own: EchMunicipality | undefined, header: DeliveryHeader): SolothurnMunicipality {
    const fromSender = bfsOfSender(header.senderId);
    const candidate: { ref: EchMunicipality; source: string } | undefined = own
      ? { ref: own, source: 'the message' }
      : fromSender !== undefined
        ? { ref: { bfsNumber: fromSender }, source: `the sender id ${header.senderId}` }
        : this.options.municipalityHint !== undefined
          ? { ref: { bfsNumber: this.options.municipalityHint }, source: 'the delivery channel' }
          : undefined;
    if (!candidate) {
      throw new IntakeRefusedError(
        refusal(
          'municipality-undetermined',
          'the delivery names no municipality, and neither its sender id nor the delivery channel identifies one',
        ),
      );
    }
    const r = this.deps.municipalities.resolve(candidate.ref);
    if (r.status === 'outside-canton')
      throw new IntakeRefusedError(
        municipalityRefusal(
          'municipality-outside-canton',
          `${r.reason} (from ${candidate.source}); registry-intake accepts deliveries of Solothurn municipalities only`,
        ),
      );
    if (r.status === 'unknown')
      throw new IntakeRefusedError(
        municipalityRefusal(
          'municipality-unknown',
          `${r.reason} (from ${candidate.source}); registry-intake accepts deliveries of Solothurn municipalities only`,
        ),
      );
    this.deliveryMunicipality = r.municipality;
    this.byName = r.matchedBy === 'name';
    if (r.note) this.notes.push({ message: r.note });
    const p = header.partialDelivery;
    if (p) {
      // Each package is a complete eCH-0020 message of its own: its persons are taken in as they come; the note
      // lets the log show which packages of a register have arrived.
      this.notes.push({
        message: `package ${p.numberOfActualPackage ?? '?'} of ${p.totalNumberOfPackages ?? '?'} of the partial delivery ${p.uniqueIdDelivery ?? '(no id)'}`,
      });
    }
    return r.municipality;
  }
}

function municipalityRefusal(
  code: 'municipality-outside-canton' | 'municipality-unknown',
  message: string,
): IntakeRefusal {
  return refusal(code, message);
}

/** sedex participant ids of municipalities are `1-<BFS>-<n>` (`T1-…` for test participants). */
export function bfsOfSender(senderId: string | undefined): number | undefined {
  const m = senderId ? /^(?:sedex:\/\/)?T?1-(\d{1,4})-\d+$/.exec(senderId.trim()) : null;
  return m ? Number(m[1]) : undefined;
}

function ownMunicipality(record: EchRecord): EchMunicipality | undefined {
  if (record.kind === 'moveIn' || record.kind === 'baseDeliveryPerson' || record.kind === 'baseDeliveryCitizen')
    return record.residence.reportingMunicipality;
  if (record.kind === 'move' || record.kind === 'moveOut') return record.municipality;
  return undefined;
}

function federalRegisterOf(record: EchRecord): string | undefined {
  if (record.kind === 'moveIn' || record.kind === 'baseDeliveryPerson' || record.kind === 'baseDeliveryCitizen') {
    return record.residence.reportingMunicipality ? undefined : record.residence.federalRegister;
  }
  if (record.kind === 'move' || record.kind === 'moveOut')
    return record.municipality ? undefined : record.federalRegister;
  return undefined;
}

function skipOutcome(
  record: EchRecord,
  reason: 'federal-register' | 'outside-canton',
  detail: string,
  deps: MapperDependencies,
): MapOutcome {
  const refs = personRefsOf(record, deps.personRefs);
  return {
    action: 'skip',
    reason,
    detail,
    personRef: refs?.personRef ?? null,
    echEvent: record.echEvent,
    line: record.line,
    notes: [],
  };
}
