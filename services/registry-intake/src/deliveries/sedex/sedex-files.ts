import { Inject, Injectable } from '@nestjs/common';
import { INTAKE_CONFIG, type IntakeConfig } from '../../config/intake.config.js';
import type { SedexFileLocator } from '../application/delivery-intake.js';
import type { DeliveryRow } from '../infrastructure/delivery-row.js';
import { SedexInbox } from './sedex-inbox.js';

/** The configured sedex inbox (SEDEX_INBOX_DIR), if any, and where a sedex delivery's data file is now. */
@Injectable()
export class SedexFiles implements SedexFileLocator {
  readonly inbox: SedexInbox | undefined;

  constructor(@Inject(INTAKE_CONFIG) config: IntakeConfig) {
    this.inbox = config.sedex.inboxDir ? new SedexInbox(config.sedex.inboxDir) : undefined;
  }

  locate(row: DeliveryRow): string | undefined {
    return row.source === 'sedex' && row.sourceRef ? this.inbox?.locateData(row.sourceRef) : undefined;
  }
}
