import { formatDateTime } from '../i18n/format.js';
import { formatChf } from '../i18n/money.js';
import type { WebContext } from '../shell/web-context.js';
import { municipalityName } from '../shared/reference-data.js';
import { Notice } from './form-feedback.js';
import type { Claim, PayoutExport } from './subsidies.api.js';

/** AGS Finanzen: the approved claims waiting for payment, the export button, and every export's two files. */
export function PayoutView({
  ctx,
  approved,
  exports,
  notice,
}: {
  ctx: WebContext;
  approved: Claim[];
  exports: PayoutExport[];
  notice?: { ok: boolean; text: string } | undefined;
}) {
  const { t } = ctx;
  const total = approved.reduce((sum, c) => sum + c.payableRappen, 0);
  return (
    <>
      <h1>{t('subsidies.menu.payout')}</h1>
      <p>{t('subsidies.payout.intro')}</p>
      <Notice notice={notice} />
      <h2>{t('subsidies.payout.approved')}</h2>
      {approved.length ? (
        <div class="table-wrap">
          <table data-testid="payout-approved">
            <caption>{t('subsidies.payout.approvedCaption', { total: formatChf(total) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('subsidies.claims.claim')}</th>
                <th scope="col">{t('subsidies.claims.payable')}</th>
              </tr>
            </thead>
            <tbody>
              {approved.map((c) => (
                <tr>
                  <td>
                    <a href={`/subventionen/abrechnungen/${c.id}`}>
                      {t('subsidies.claims.linkText', {
                        municipality: municipalityName(c.municipality),
                        period: c.period,
                      })}
                    </a>
                  </td>
                  <td>{formatChf(c.payableRappen)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p data-testid="payout-approved">{t('subsidies.payout.noneApproved')}</p>
      )}
      <form method="post" action="/subventionen/auszahlung" aria-labelledby="export-title">
        <h2 id="export-title">{t('subsidies.payout.exportTitle')}</h2>
        <input type="hidden" name="_csrf" value={ctx.csrf} />
        <p class="hint">{t('subsidies.payout.exportHint')}</p>
        <button type="submit" disabled={!approved.length}>
          {t('subsidies.payout.export')}
        </button>
      </form>
      <h2>{t('subsidies.payout.exports')}</h2>
      {exports.length ? (
        <div class="table-wrap">
          <table data-testid="payout-exports">
            <caption>{t('subsidies.payout.exportsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('subsidies.payout.createdAt')}</th>
                <th scope="col">{t('subsidies.payout.claims')}</th>
                <th scope="col">{t('subsidies.payout.total')}</th>
                <th scope="col">{t('subsidies.payout.by')}</th>
                <th scope="col">{t('subsidies.payout.files')}</th>
              </tr>
            </thead>
            <tbody>
              {exports.map((e) => (
                <tr>
                  <td>
                    {formatDateTime(e.createdAt)} <span class="hint">{e.messageId}</span>
                  </td>
                  <td>{e.claimIds.length}</td>
                  <td>{formatChf(e.totalRappen)}</td>
                  <td>{e.createdBy}</td>
                  <td>
                    <a href={`/subventionen/auszahlung/${e.id}/buchungsdatei.csv`} download>
                      {t('subsidies.payout.csv', { id: e.messageId })}
                    </a>
                    <br />
                    <a href={`/subventionen/auszahlung/${e.id}/pain001.xml`} download>
                      {t('subsidies.payout.pain001', { id: e.messageId })}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t('subsidies.payout.noExports')}</p>
      )}
    </>
  );
}
