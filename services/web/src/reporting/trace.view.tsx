import type { WebContext } from '../shell/web-context.js';
import { formatDate } from '../i18n/format.js';
import { municipalityName } from '../shared/reference-data.js';
import { columnLabel } from './figure-format.js';
import type { Trace } from './reporting.api.js';

/** How many events one page lists: the API answers a cell whole; a canton's year can hold thousands. */
export const TRACE_ROWS = 500;

/**
 * The drill-down: the events that make a figure's cell (ids, types, dates, pseudonymous case references). The
 * municipality's IB, whom the service grants the case, gets the link on to the case page; nobody else does.
 */
export function TraceView({ ctx, trace, title, back }: { ctx: WebContext; trace: Trace; title: string; back: string }) {
  const { t } = ctx;
  const shown = trace.events.slice(0, TRACE_ROWS);
  return (
    <>
      <h1>{t('reporting.traceTitle')}</h1>
      <p>
        <a href={back}>{t('reporting.backToFigures')}</a>
      </p>
      <p data-testid="trace-summary">
        {t('reporting.traceIntro', {
          figure: title,
          period: trace.period.label,
          area: trace.area.name,
          column: trace.column !== null ? ` · ${columnLabel(ctx, trace.column)}` : '',
          count: trace.count,
        })}
      </p>
      {trace.events.length === 0 ? (
        <p data-testid="trace-empty">{t('reporting.noEvents')}</p>
      ) : (
        <div class="table-wrap">
          {shown.length < trace.events.length ? (
            <p class="hint">{t('reporting.traceShown', { shown: shown.length, count: trace.events.length })}</p>
          ) : null}
          <table data-testid="trace-events">
            <caption>{t('reporting.traceCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reporting.eventDate')}</th>
                <th scope="col">{t('reporting.eventType')}</th>
                <th scope="col">{t('reporting.eventId')}</th>
                <th scope="col">{t('reporting.municipality')}</th>
                <th scope="col">{t('reporting.variant')}</th>
                <th scope="col">{t('reporting.caseRef')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((e) => (
                <tr>
                  <td>{formatDate(e.date)}</td>
                  <td>
                    <code>{e.type}</code>
                  </td>
                  <td>
                    <code data-testid="event-id">{e.eventId}</code>
                  </td>
                  <td>{municipalityName(e.municipality)}</td>
                  <td>{columnLabel(ctx, e.variant)}</td>
                  <td>
                    {e.caseRef === null ? (
                      '–'
                    ) : e.caseUrl ? (
                      <a href={`/faelle/${encodeURIComponent(e.caseRef)}`} data-testid="case-link">
                        <code>{e.caseRef}</code>
                        <span class="visually-hidden"> {t('reporting.openCase')}</span>
                      </a>
                    ) : (
                      <code>{e.caseRef}</code>
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
