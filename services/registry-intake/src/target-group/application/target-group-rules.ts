import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditLog } from '@si/audit';
import type { Principal } from '@si/auth';
import { ProblemError } from '@si/http';
import { DEFAULT_TARGET_GROUP_RULE } from '../../rules/target-group-default.rule.js';
import { parseTargetGroupRule, type TargetGroupRule } from '../../rules/target-group-rule.js';
import { auditActor } from '../../shared/audit-actor.js';
import { swissDay } from '@si/kernel';
import { RuleVersionRepository, type RuleVersionRow } from '../infrastructure/rule-version.repository.js';

/** How long an instance reuses the rule it read: another instance's change reaches it within this time. */
const CACHE_MS = 2_000;

export interface RuleInForce extends RuleVersionRow {
  /** The day the answer was computed for. */
  asOf: string;
}

/**
 * The versioned target-group rule (issue 3, item 4): which version is in force, its history, and changes by AGS.
 * The default rule of rules/target-group-default.rule.ts is the first version of every database.
 */
@Injectable()
export class TargetGroupRules implements OnModuleInit {
  private readonly versions: RuleVersionRepository;
  private cached?: { at: number; value: RuleInForce };

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {
    this.versions = new RuleVersionRepository(dataSource);
  }

  async onModuleInit(): Promise<void> {
    await this.versions.insert(this.dataSource, DEFAULT_TARGET_GROUP_RULE, {
      username: 'registry-intake (default rule)',
      subject: 'system:registry-intake',
    });
  }

  /**
   * The version in force today: the latest whose validFrom has come. Before the first version's validFrom the first
   * version applies, so that there is always a rule.
   */
  async inForce(): Promise<RuleInForce> {
    const now = Date.now();
    if (this.cached && now - this.cached.at < CACHE_MS) return this.cached.value;
    const asOf = swissDay();
    const row = (await this.versions.inForce(asOf)) ?? (await this.versions.history())[0];
    if (!row) throw new Error('no target-group rule version stored');
    const value = { ...row, asOf };
    this.cached = { at: now, value };
    return value;
  }

  async current(): Promise<TargetGroupRule> {
    return (await this.inForce()).rule;
  }

  history(): Promise<RuleVersionRow[]> {
    return this.versions.history();
  }

  /**
   * Stores a new version. Refused with 422 (with every problem listed) when the rule is incomplete, and with 409 when
   * the version name exists; a validFrom before the latest version's would never come into force and is refused too.
   */
  async change(input: unknown, principal: Principal): Promise<RuleVersionRow> {
    const parsed = parseTargetGroupRule(input);
    if (!parsed.ok) {
      throw new ProblemError({
        status: 422,
        title: 'Invalid target-group rule',
        detail: parsed.errors.join('; '),
        errors: parsed.errors.map((message) => ({ message })),
      });
    }
    const rule = parsed.rule;
    const history = await this.versions.history();
    const latest = history.reduce<RuleVersionRow | undefined>(
      (a, b) => (!a || b.validFrom >= a.validFrom ? b : a),
      undefined,
    );
    if (latest && rule.validFrom < latest.validFrom) {
      throw new ProblemError({
        status: 422,
        title: 'Invalid target-group rule',
        detail: `validFrom ${rule.validFrom} lies before ${latest.validFrom}, the start of version ${latest.version}: the new version would never be in force`,
      });
    }
    const stored = await this.dataSource.transaction(async (em) => {
      if (!(await this.versions.insert(em, rule, { username: principal.username, subject: principal.subject })))
        return false;
      await this.audit.record(em, {
        actor: auditActor(principal),
        action: 'target-group-rule.change',
        objectType: 'target-group-rule',
        objectId: rule.version,
        outcome: 'granted',
        detail: { validFrom: rule.validFrom, previousVersion: latest?.version ?? null },
      });
      return true;
    });
    if (!stored)
      throw new ProblemError({
        status: 409,
        title: 'Version exists',
        detail: `target-group rule version "${rule.version}" exists already; versions are never changed, choose a new name`,
      });
    this.cached = undefined;
    const row = (await this.versions.history()).find((r) => r.version === rule.version);
    if (!row) throw new Error(`version ${rule.version} vanished after insert`);
    return row;
  }
}
