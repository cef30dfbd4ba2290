import type { ComponentChildren } from 'preact';
import { formatDateTime } from '../i18n/format.js';
import type { WebContext } from './web-context.js';

/**
 * A case's history, newest first: when, what was done, then who and the details as a hint. The case screens of
 * case-management and of DFPA share it, so that "Verlauf" is the same jump target (`#verlauf`) and reads alike.
 */
export function HistoryTimeline<H extends { readonly at: string }>({
  ctx,
  history,
  label,
  hint,
}: {
  ctx: WebContext;
  history: readonly H[];
  /** What was done, in words. */
  label: (h: H) => string;
  /** Who did it and the details. */
  hint: (h: H) => ComponentChildren;
}) {
  return (
    <section aria-labelledby="verlauf">
      <h2 id="verlauf" tabIndex={-1}>
        {ctx.t('case.history')}
      </h2>
      <ol class="timeline" data-testid="history" reversed>
        {[...history].reverse().map((h) => (
          <li>
            <time datetime={h.at}>{formatDateTime(h.at)}</time>
            <strong>{label(h)}</strong>
            <span class="hint">{hint(h)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
