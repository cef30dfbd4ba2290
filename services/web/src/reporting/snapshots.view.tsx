import type { WebContext } from '../shell/web-context.js';
import { formatDateTime, formatNumber } from '../i18n/format.js';
import { columnLabel } from './figure-format.js';
import type { PeriodOption } from './periods.js';
import type { SnapshotSummary, Verification } from './reporting.api.js';

export function SnapshotsView({
  ctx,
  snapshots,
  periods,
  message,
  period,
}: {
  ctx: WebContext;
  snapshots: SnapshotSummary[];
  periods: PeriodOption[];
  message?: { ok: boolean; text: string };
  period: string;
}) {
  const { t } = ctx;
  return (
    <>
      <h1>{t('reporting.snapshotsTitle')}</h1>
      <p>{t('reporting.snapshotsIntro')}</p>
      {message ? (
        <p
          class={`alert ${message.ok ? 'alert-ok' : 'alert-error'}`}
          role={message.ok ? 'status' : 'alert'}
          data-testid="snapshot-message"
        >
          {message.text}
        </p>
      ) : null}
      <h2>{t('reporting.freeze')}</h2>
      <form method="post" action="/kennzahlen/stichtage" class="filters">
        <input type="hidden" name="_csrf" value={ctx.csrf} />
        <div>
          <label for="s-period">{t('reporting.period.label')}</label>
          <select id="s-period" name="period">
            {periods.map((p) => (
              <option value={p.value} selected={p.value === period}>
                {t(p.key, p.params)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button type="submit">{t('reporting.freezeButton')}</button>
        </div>
      </form>
      {snapshots.length === 0 ? (
        <p data-testid="no-snapshots">{t('reporting.noSnapshots')}</p>
      ) : (
        <div class="table-wrap">
          <table data-testid="snapshots">
            <caption>{t('reporting.snapshotsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reporting.period.label')}</th>
                <th scope="col">{t('reporting.version')}</th>
                <th scope="col">{t('reporting.hash')}</th>
                <th scope="col">{t('reporting.catalogueVersion')}</th>
                <th scope="col">{t('reporting.frozenBy')}</th>
                <th scope="col" class="num">
                  {t('reporting.changes')}
                </th>
                <th scope="col" class="num">
                  {t('reporting.lateEvents')}
                </th>
              </tr>
            </thead>
            <tbody>
              {[...snapshots].reverse().map((s) => (
                <tr>
                  <td>{s.period}</td>
                  <td>
                    <a href={`/kennzahlen/stichtage/${s.id}`}>
                      {t('reporting.version')} {s.version}
                    </a>
                  </td>
                  <td>
                    <code class="hash">{s.contentHash}</code>
                  </td>
                  <td>{s.catalogueVersion}</td>
                  <td>
                    {s.createdBy} <span class="hint">{formatDateTime(s.createdAt)}</span>
                  </td>
                  <td class="num">{s.difference === null ? '–' : formatNumber(s.difference.length)}</td>
                  <td class="num">{formatNumber(s.lateEvents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export function SnapshotView({
  ctx,
  snapshot,
  verification,
  titles,
}: {
  ctx: WebContext;
  snapshot: SnapshotSummary;
  verification?: Verification;
  titles: Map<string, string>;
}) {
  const { t } = ctx;
  return (
    <>
      <h1>{t('reporting.snapshotTitle', { period: snapshot.period, version: snapshot.version })}</h1>
      <p>
        <a href="/kennzahlen/stichtage">{t('reporting.backToSnapshots')}</a>
      </p>
      <dl class="facts" data-testid="snapshot-facts">
        <dt>{t('reporting.hash')}</dt>
        <dd>
          <code class="hash" data-testid="snapshot-hash">
            {snapshot.contentHash}
          </code>
        </dd>
        <dt>{t('reporting.catalogueVersion')}</dt>
        <dd>{snapshot.catalogueVersion}</dd>
        <dt>{t('reporting.logPosition')}</dt>
        <dd>{formatNumber(snapshot.logPosition)}</dd>
        <dt>{t('reporting.frozenBy')}</dt>
        <dd>
          {snapshot.createdBy}, {formatDateTime(snapshot.createdAt)}
        </dd>
      </dl>
      {snapshot.lateEvents > 0 ? (
        <p class="alert alert-warn">{t('reporting.lateHint', { count: snapshot.lateEvents })}</p>
      ) : null}
      {verification ? (
        <p
          class={`alert ${verification.matches ? 'alert-ok' : 'alert-error'}`}
          role="status"
          data-testid="verification"
        >
          {verification.matches
            ? t('reporting.verified', { hash: verification.recomputedHash })
            : t('reporting.notVerified', { hash: verification.recomputedHash })}
        </p>
      ) : (
        <p>
          <a class="button button-secondary" href={`/kennzahlen/stichtage/${snapshot.id}?pruefen`}>
            {t('reporting.verify')}
          </a>
        </p>
      )}
      <h2>{t('reporting.differenceCaption')}</h2>
      {snapshot.difference === null ? (
        <p>{t('reporting.noDifference')}</p>
      ) : (
        <div class="table-wrap">
          <table data-testid="difference">
            <caption>{t('reporting.differenceCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reporting.figure')}</th>
                <th scope="col">{t('reporting.cell')}</th>
                <th scope="col" class="num">
                  {t('reporting.before')}
                </th>
                <th scope="col" class="num">
                  {t('reporting.after')}
                </th>
              </tr>
            </thead>
            <tbody>
              {snapshot.difference.slice(0, 500).map((d) => (
                <tr>
                  <td>{titles.get(d.figure) ?? d.figure}</td>
                  <td>
                    {t(`reporting.level.${d.level}`)} {d.area}
                    {d.breakdown ? ` · ${t(`reporting.breakdown.${d.breakdown}`)}` : ''} ·{' '}
                    {d.column === 'total' ? t('reporting.total') : columnLabel(ctx, d.column)}
                  </td>
                  <td class="num">{d.before === null ? '–' : formatNumber(d.before)}</td>
                  <td class="num">{d.after === null ? '–' : formatNumber(d.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
