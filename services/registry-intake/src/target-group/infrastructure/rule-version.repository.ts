import type { TargetGroupRule } from '../../rules/target-group-rule.js';
import type { Queryable } from '../../deliveries/infrastructure/queryable.js';

export interface RuleVersionRow {
  version: string;
  validFrom: string;
  rule: TargetGroupRule;
  createdAt: string;
  createdBy: string;
}

const COLUMNS = `version, to_char(valid_from, 'YYYY-MM-DD') AS "validFrom", rule, created_at AS "createdAt", created_by AS "createdBy"`;

/** The target-group rule versions (append-only table). */
export class RuleVersionRepository {
  constructor(private readonly db: Queryable) {}

  /** The version in force on `day`: the latest valid_from on or before it, the newest entry winning a tie. */
  async inForce(day: string): Promise<RuleVersionRow | undefined> {
    const rows = await this.db.query<RuleVersionRow[]>(
      `SELECT ${COLUMNS} FROM target_group_rule_version WHERE valid_from <= $1::date ORDER BY valid_from DESC, seq DESC LIMIT 1`,
      [day],
    );
    return rows[0];
  }

  async history(): Promise<RuleVersionRow[]> {
    return this.db.query<RuleVersionRow[]>(`SELECT ${COLUMNS} FROM target_group_rule_version ORDER BY seq`);
  }

  /** Inserts a version; false when the version name exists already. */
  async insert(q: Queryable, rule: TargetGroupRule, by: { username: string; subject: string }): Promise<boolean> {
    const rows = await q.query<unknown[]>(
      `INSERT INTO target_group_rule_version (version, valid_from, rule, created_by, created_by_subject)
       VALUES ($1, $2::date, $3, $4, $5) ON CONFLICT (version) DO NOTHING RETURNING version`,
      [rule.version, rule.validFrom, JSON.stringify(rule), by.username, by.subject],
    );
    return rows.length === 1;
  }
}
