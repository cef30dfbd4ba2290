import type { EntityManager } from 'typeorm';

export interface Provider {
  readonly id: string;
  readonly name: string;
  readonly kind: 'association' | 'school' | 'ngo' | 'public-body' | 'company';
  /** BFS number where the provider is a municipality itself (its officers keep its offers). */
  readonly municipality: number | null;
  readonly contact: { readonly person?: string; readonly email: string; readonly phone?: string };
  readonly address: { readonly street: string; readonly postcode: string; readonly place: string };
  /** For later subsidy payments. */
  readonly iban: string | null;
}

interface Row {
  id: string;
  name: string;
  kind: Provider['kind'];
  municipality: number | null;
  contact: Provider['contact'];
  address: Provider['address'];
  iban: string | null;
}

const toProvider = (r: Row): Provider => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  municipality: r.municipality,
  contact: r.contact,
  address: r.address,
  iban: r.iban,
});

export class ProviderRepository {
  async find(em: EntityManager, id: string): Promise<Provider | undefined> {
    const rows: Row[] = await em.query(
      'SELECT id, name, kind, municipality, contact, address, iban FROM provider WHERE id = $1',
      [id],
    );
    return rows[0] ? toProvider(rows[0]) : undefined;
  }

  async list(em: EntityManager): Promise<Provider[]> {
    const rows: Row[] = await em.query(
      'SELECT id, name, kind, municipality, contact, address, iban FROM provider ORDER BY name',
    );
    return rows.map(toProvider);
  }

  /** Inserts or replaces; returns false when `onlyNew` and the id exists. */
  async save(em: EntityManager, p: Provider, onlyNew: boolean): Promise<boolean> {
    const result: unknown[] = await em.query(
      `INSERT INTO provider (id, name, kind, municipality, contact, address, iban) VALUES ($1,$2,$3,$4,$5,$6,$7)
       ON CONFLICT (id) DO ${onlyNew ? 'NOTHING' : 'UPDATE SET name=EXCLUDED.name, kind=EXCLUDED.kind, municipality=EXCLUDED.municipality, contact=EXCLUDED.contact, address=EXCLUDED.address, iban=EXCLUDED.iban, updated_at=now()'}
       RETURNING id`,
      [p.id, p.name, p.kind, p.municipality, JSON.stringify(p.contact), JSON.stringify(p.address), p.iban],
    );
    return result.length > 0;
  }
}
