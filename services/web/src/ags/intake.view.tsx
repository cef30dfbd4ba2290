import type { WebContext } from '../shell/web-context.js';
import { formatDate, formatDateTime } from '../i18n/format.js';
import { municipalityName } from '../shared/reference-data.js';
import type { DeliveryPage, RuleVersion } from './ags.api.js';

export function QuarantineView({
  ctx,
  page,
  message,
}: {
  ctx: WebContext;
  page: DeliveryPage;
  message?: { ok: boolean; text: string };
}) {
  const { t } = ctx;
  return (
    <>
      <h1>{t('menu.quarantine')}</h1>
      <p>{t('ags.quarantineIntro')}</p>
      {message ? (
        <p
          class={message.ok ? 'alert alert-ok' : 'alert alert-error'}
          role={message.ok ? 'status' : 'alert'}
          data-testid="reprocess-result"
        >
          {message.text}
        </p>
      ) : null}
      {page.items.length === 0 ? (
        <p data-testid="empty">{t('ags.quarantineEmpty')}</p>
      ) : (
        <div class="table-wrap">
          <table data-testid="quarantine">
            <caption>{t('ags.quarantineCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ags.received')}</th>
                <th scope="col">{t('ags.municipality')}</th>
                <th scope="col">{t('ags.refusal')}</th>
                <th scope="col">{t('ags.action')}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((d) => (
                <tr>
                  <td>
                    {formatDateTime(d.receivedAt)}{' '}
                    <span class="hint">
                      {d.source} · {d.submittedBy}
                    </span>
                  </td>
                  <td>{d.municipality ? municipalityName(d.municipality) : '–'}</td>
                  <td>
                    <strong>{d.refusal?.code ?? '–'}</strong> {d.refusal?.message ?? ''}
                    {d.refusal?.issues.slice(0, 3).map((i) => (
                      <span class="hint">
                        {t('ags.issueAt', { line: i.line, column: i.column })}: {i.message}
                      </span>
                    ))}
                  </td>
                  <td>
                    {d.reprocessable ? (
                      <form method="post" action={`/lieferungen/${d.id}/neu-verarbeiten`}>
                        <input type="hidden" name="_csrf" value={ctx.csrf} />
                        <button type="submit" class="button-secondary">
                          {t('ags.reprocess')}
                        </button>
                      </form>
                    ) : (
                      <span class="hint">{t('ags.notReprocessable')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

const CATEGORY_ORDER = [
  'B',
  'C',
  'Ci',
  'F',
  'L',
  'S',
  'N',
  'G',
  'A',
  'registration-only',
  'diplomatic-immunity',
  'international-official',
  'unassigned',
];

export function TargetGroupRuleView({
  ctx,
  inForce,
  versions,
}: {
  ctx: WebContext;
  inForce: RuleVersion;
  versions: RuleVersion[];
}) {
  const { t } = ctx;
  const byCategory = inForce.rule.byCategory ?? {};
  const categories = [
    ...CATEGORY_ORDER.filter((c) => c in byCategory),
    ...Object.keys(byCategory).filter((c) => !CATEGORY_ORDER.includes(c)),
  ];
  return (
    <>
      <h1>{t('menu.targetGroupRule')}</h1>
      <p>{t('ags.ruleInForce', { version: inForce.version, from: formatDate(inForce.validFrom) })}</p>
      {inForce.rule.description ? <p>{inForce.rule.description}</p> : null}
      <div class="table-wrap">
        <table data-testid="rule">
          <caption>{t('ags.ruleCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ags.permit')}</th>
              <th scope="col">{t('ags.opensCase')}</th>
            </tr>
          </thead>
          <tbody>
            {categories.map((c) => (
              <tr>
                <td>{t(`permit.${c}`, { defaultValue: c })}</td>
                <td>{byCategory[c] ? t('case.yes') : t('case.no')}</td>
              </tr>
            ))}
            <tr>
              <td>{t('ags.withoutPermit')}</td>
              <td>{inForce.rule.withoutPermit ? t('case.yes') : t('case.no')}</td>
            </tr>
            {Object.entries(inForce.rule.byCode ?? {}).map(([code, opens]) => (
              <tr>
                <td>{t('ags.permitCode', { code })}</td>
                <td>{opens ? t('case.yes') : t('case.no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('ags.ruleHistory')}</h2>
      <div class="table-wrap">
        <table>
          <caption>{t('ags.ruleHistoryCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ags.version')}</th>
              <th scope="col">{t('ags.validFrom')}</th>
              <th scope="col">{t('ags.recorded')}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr>
                <td>{v.version}</td>
                <td>{formatDate(v.validFrom)}</td>
                <td>
                  {v.createdBy} <span class="hint">{formatDateTime(v.createdAt)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
