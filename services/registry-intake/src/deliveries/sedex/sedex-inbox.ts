import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export type InboxFolder = 'inbox' | 'processing' | 'processed' | 'failed';

const PAIR_ID = /^envl_([A-Za-z0-9._-]{1,120})\.xml$/;

/**
 * The sedex inbox on disk. sedex drops `envl_<id>.xml` and `data_<id>.xml` into the inbox folder; registry-intake
 * moves each pair through `processing/` to `processed/` or `failed/`, always by rename within one file system
 * (atomic), so that a pair is in exactly one folder at any time, whatever crashes when.
 *
 * The envelope is the pair's marker: claiming renames it first (whoever renames it owns the pair), finishing renames
 * it last, so an envelope in processing/ means unfinished work, and a data file alone in processing/ means a move
 * that was cut off.
 */
export class SedexInbox {
  constructor(readonly root: string) {}

  folder(which: InboxFolder): string {
    return which === 'inbox' ? this.root : join(this.root, which);
  }

  envelope(id: string, where: InboxFolder): string {
    return join(this.folder(where), `envl_${id}.xml`);
  }

  data(id: string, where: InboxFolder): string {
    return join(this.folder(where), `data_${id}.xml`);
  }

  async ensureFolders(): Promise<void> {
    for (const f of ['processing', 'processed', 'failed'] as const) await mkdir(this.folder(f), { recursive: true });
  }

  /** Complete pairs waiting in the inbox, oldest name first. */
  async waiting(): Promise<string[]> {
    return this.pairs('inbox', true);
  }

  /** Pairs claimed but not finished (after a crash, or in progress here). */
  async claimed(): Promise<string[]> {
    return this.pairs('processing', false);
  }

  /**
   * Takes a pair: renames the envelope, then the data file, into processing/. False when another instance took it
   * first. A claim cut off between the two renames is completed by `repairClaim`.
   */
  async claim(id: string): Promise<boolean> {
    try {
      await rename(this.envelope(id, 'inbox'), this.envelope(id, 'processing'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
    await this.repairClaim(id);
    return true;
  }

  /** Brings the data file of a claimed pair into processing/ if it is still in the inbox. */
  async repairClaim(id: string): Promise<void> {
    if (!existsSync(this.data(id, 'processing')) && existsSync(this.data(id, 'inbox'))) {
      await rename(this.data(id, 'inbox'), this.data(id, 'processing'));
    }
  }

  /** Where a pair's data file is now, if anywhere. */
  locateData(id: string): string | undefined {
    for (const where of ['processing', 'processed', 'failed', 'inbox'] as const) {
      const path = this.data(id, where);
      if (existsSync(path)) return path;
    }
    return undefined;
  }

  /** Moves a claimed pair to its final folder: data first, the envelope last; a reason file goes beside failed pairs. */
  async finish(id: string, to: 'processed' | 'failed', reason?: Record<string, unknown>): Promise<void> {
    if (reason) await writeFile(join(this.folder(to), `reason_${id}.json`), `${JSON.stringify(reason, null, 1)}\n`);
    if (existsSync(this.data(id, 'processing'))) await rename(this.data(id, 'processing'), this.data(id, to));
    if (existsSync(this.envelope(id, 'processing')))
      await rename(this.envelope(id, 'processing'), this.envelope(id, to));
  }

  /** Data files in processing/ whose envelope already reached a final folder: a finish cut off half-way. */
  async repairFinishes(): Promise<number> {
    let repaired = 0;
    for (const name of await readdir(this.folder('processing'))) {
      const m = /^data_(.+)\.xml$/.exec(name);
      if (!m || existsSync(this.envelope(m[1], 'processing'))) continue;
      for (const to of ['processed', 'failed'] as const) {
        if (existsSync(this.envelope(m[1], to))) {
          await rename(this.data(m[1], 'processing'), this.data(m[1], to));
          repaired++;
          break;
        }
      }
    }
    return repaired;
  }

  private async pairs(where: InboxFolder, needData: boolean): Promise<string[]> {
    const names = await readdir(this.folder(where));
    const present = new Set(names);
    return names
      .map((n) => PAIR_ID.exec(n)?.[1])
      .filter((id): id is string => id !== undefined && (!needData || present.has(`data_${id}.xml`)))
      .sort();
  }
}
