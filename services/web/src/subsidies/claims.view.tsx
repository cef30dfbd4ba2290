import type { FormError } from '../cases/form-spec.js';
import { formatDate, formatDateTime } from '../i18n/format.js';
import { formatChf } from '../i18n/money.js';
import type { WebContext } from '../shell/web-context.js';
import { hasAnyRole } from '../auth/session.js';
import { municipalityName } from '../shared/reference-data.js';
import { ErrorSummary, fieldErrors, Notice } from './form-feedback.js';
import type { Claim, ClaimDetail, ClaimLine } from './subsidies.api.js';

export type ClaimAction = 'submit' | 'check' | 'approve' | 'return' | 'payment' | `dispute-${number}`;

/** A refused step: which form it came from and what the service said, shown in that form. */
export interface ClaimActionErrors {
  action: ClaimAction;
  errors: FormError[];
  values?: Record<string, string>;
}

const claimHref = (c: Pick<Claim, 'id'>) => `/subventionen/abrechnungen/${c.id}`;

function ClaimTable({
  ctx,
  claims,
  caption,
  testId,
  showChecker = false,
}: {
  ctx: WebContext;
  claims: Claim[];
  caption: string;
  testId: string;
  showChecker?: boolean;
}) {
  const { t } = ctx;
  if (!claims.length)
    return (
      <p data-testid={testId}>
        {caption}: {t('subsidies.claims.none')}
      </p>
    );
  return (
    <div class="table-wrap">
      <table data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('subsidies.claims.claim')}</th>
            <th scope="col">{t('subsidies.claims.status')}</th>
            <th scope="col">{t('subsidies.claims.total')}</th>
            <th scope="col">{t('subsidies.claims.payable')}</th>
            {showChecker ? <th scope="col">{t('subsidies.claims.checkedBy')}</th> : null}
            <th scope="col">{t('subsidies.claims.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {claims.map((c) => (
            <tr>
              <td>
                <a href={claimHref(c)}>
                  {t('subsidies.claims.linkText', { municipality: municipalityName(c.municipality), period: c.period })}
                </a>{' '}
                <span class="hint">
                  {formatDate(c.periodFrom)} – {formatDate(c.periodTo)}
                </span>
              </td>
              <td>{t(`subsidies.status.${c.status}`)}</td>
              <td>{formatChf(c.totalRappen)}</td>
              <td>{formatChf(c.payableRappen)}</td>
              {showChecker ? <td>{c.checkedBy ? t('subsidies.claims.checkedYes') : '–'}</td> : null}
              <td>{formatDateTime(c.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The municipality's claims per period (an IB of a Leitgemeinde sees its members' too). */
export function ClaimListView({ ctx, claims }: { ctx: WebContext; claims: Claim[] }) {
  const { t } = ctx;
  const open = claims.filter((c) => c.status === 'draft' || c.status === 'returned');
  const rest = claims.filter((c) => !open.includes(c));
  return (
    <>
      <h1>{t('subsidies.menu.claims')}</h1>
      <p>{t('subsidies.claims.intro')}</p>
      <h2>{t('subsidies.claims.open')}</h2>
      <ClaimTable ctx={ctx} claims={open} caption={t('subsidies.claims.open')} testId="claims-open" />
      <h2>{t('subsidies.claims.done')}</h2>
      <ClaimTable ctx={ctx} claims={rest} caption={t('subsidies.claims.done')} testId="claims-done" />
    </>
  );
}

/** AGS: the two steps of the four eyes as two queues, and the claim run by hand. */
export function ApprovalQueueView({
  ctx,
  submitted,
  checked,
  notice,
}: {
  ctx: WebContext;
  submitted: Claim[];
  checked: Claim[];
  notice?: { ok: boolean; text: string } | undefined;
}) {
  const { t } = ctx;
  return (
    <>
      <h1>{t('subsidies.menu.approval')}</h1>
      <p>{t('subsidies.queue.intro')}</p>
      <Notice notice={notice} />
      <h2>{t('subsidies.queue.toCheck')}</h2>
      <ClaimTable ctx={ctx} claims={submitted} caption={t('subsidies.queue.toCheck')} testId="queue-check" />
      <h2>{t('subsidies.queue.toApprove')}</h2>
      <ClaimTable
        ctx={ctx}
        claims={checked}
        caption={t('subsidies.queue.toApprove')}
        testId="queue-approve"
        showChecker
      />
      <h2 id="claim-run">{t('subsidies.queue.run')}</h2>
      <form method="post" action="/subventionen/freigabe/abrechnungslauf" aria-labelledby="claim-run">
        <input type="hidden" name="_csrf" value={ctx.csrf} />
        <p class="hint">{t('subsidies.queue.runHint')}</p>
        <button type="submit" class="button-secondary">
          {t('subsidies.queue.runButton')}
        </button>
      </form>
    </>
  );
}

function CommentForm({
  ctx,
  claim,
  action,
  path,
  title,
  button,
  required,
  hint,
  refused,
}: {
  ctx: WebContext;
  claim: ClaimDetail;
  action: ClaimAction;
  path: string;
  title: string;
  button: string;
  required: boolean;
  hint?: string;
  refused?: ClaimActionErrors | undefined;
}) {
  const errors = refused?.action === action ? refused.errors : [];
  const f = fieldErrors(ctx, action, errors);
  const hintId = hint ? `${action}-hint` : undefined;
  return (
    <form method="post" action={`${claimHref(claim)}/${path}`} aria-labelledby={`${action}-title`}>
      <h3 id={`${action}-title`}>{title}</h3>
      <input type="hidden" name="_csrf" value={ctx.csrf} />
      <ErrorSummary ctx={ctx} errors={errors} />
      {hint ? (
        <p class="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <div class="field">
        <label for={`${action}-comment`}>
          {required ? ctx.t('subsidies.detail.commentRequired') : ctx.t('subsidies.detail.comment')}
        </label>
        <textarea
          id={`${action}-comment`}
          name="comment"
          required={required}
          aria-invalid={f.invalid('comment')}
          aria-describedby={[hintId, f.describedBy('comment')].filter(Boolean).join(' ') || undefined}
        >
          {refused?.action === action ? (refused.values?.['comment'] ?? '') : ''}
        </textarea>
        <f.FieldError field="comment" />
      </div>
      <button type="submit">{button}</button>
    </form>
  );
}

function LineRow({
  ctx,
  claim,
  line,
  index,
  disputable,
  refused,
}: {
  ctx: WebContext;
  claim: ClaimDetail;
  line: ClaimLine;
  index: number;
  disputable: boolean;
  refused?: ClaimActionErrors | undefined;
}) {
  const { t } = ctx;
  const action: ClaimAction = `dispute-${line.entryId}`;
  const errors = refused?.action === action ? refused.errors : [];
  const f = fieldErrors(ctx, action, errors);
  return (
    <tr data-testid={`line-${line.caseId}`}>
      <td>{index + 1}</td>
      <td>
        <code>{line.caseId}</code>
      </td>
      <td>{formatDate(line.serviceDate)}</td>
      <td>
        {t(`subsidies.item.${line.item}`, { defaultValue: line.item })}
        {line.correction ? (
          <span class="hint">
            {' '}
            {t('subsidies.detail.correction')}: {line.correction}
          </span>
        ) : null}
        {line.late ? (
          <>
            {' '}
            <span class="badge">{t('subsidies.detail.late')}</span>
          </>
        ) : null}
      </td>
      <td>{formatChf(line.rateRappen)}</td>
      <td>{formatChf(line.amountRappen)}</td>
      <td>
        {line.disputedReason ? (
          <p>
            <strong>{t('subsidies.detail.disputed')}</strong> {line.disputedReason}
          </p>
        ) : null}
        {disputable ? (
          <form method="post" action={`${claimHref(claim)}/zeilen/${line.entryId}/beanstanden`}>
            <input type="hidden" name="_csrf" value={ctx.csrf} />
            {line.disputedReason ? (
              <>
                <input type="hidden" name="withdraw" value="true" />
                <button type="submit" class="button-secondary">
                  {t('subsidies.detail.withdraw', { line: index + 1 })}
                </button>
              </>
            ) : (
              <>
                <ErrorSummary ctx={ctx} errors={errors} />
                <label for={`${action}-reason`}>{t('subsidies.detail.disputeReason', { line: index + 1 })}</label>
                <input
                  type="text"
                  id={`${action}-reason`}
                  name="reason"
                  value={refused?.action === action ? (refused.values?.['reason'] ?? '') : ''}
                  aria-invalid={f.invalid('reason')}
                  aria-describedby={f.describedBy('reason')}
                />
                <f.FieldError field="reason" />
                <button type="submit" class="button-secondary">
                  {t('subsidies.detail.dispute', { line: index + 1 })}
                </button>
              </>
            )}
          </form>
        ) : line.disputedReason ? null : (
          '–'
        )}
      </td>
    </tr>
  );
}

/** One claim: its lines (case reference, date, item, rate, amount; no names), its steps, and the next step's form. */
export function ClaimDetailView({
  ctx,
  claim,
  notice,
  refused,
}: {
  ctx: WebContext;
  claim: ClaimDetail;
  notice?: { ok: boolean; text: string } | undefined;
  refused?: ClaimActionErrors | undefined;
}) {
  const { t } = ctx;
  const officer = hasAnyRole(ctx.user, ['gemeinde']);
  const ags = hasAnyRole(ctx.user, ['ags']);
  const finance = hasAnyRole(ctx.user, ['ags-finanzen']);
  const withMunicipality = claim.status === 'draft' || claim.status === 'returned';
  const lastReturn = [...claim.steps].reverse().find((s) => s.step === 'return');
  return (
    <>
      <h1>
        {t('subsidies.detail.title', { municipality: municipalityName(claim.municipality), period: claim.period })}
      </h1>
      <p>
        <a href={officer ? '/subventionen/abrechnungen' : '/subventionen/freigabe'}>{t('subsidies.detail.back')}</a>
      </p>
      <Notice notice={notice} />
      {claim.status === 'returned' && lastReturn?.comment ? (
        <p class="alert alert-warn" data-testid="returned">
          {t('subsidies.detail.returnedWith', { comment: lastReturn.comment })}
        </p>
      ) : null}
      <dl class="panel" data-testid="claim-summary">
        <dt>{t('subsidies.detail.municipality')}</dt>
        <dd>
          {municipalityName(claim.municipality)} <span class="hint">BFS {claim.municipality}</span>
        </dd>
        <dt>{t('subsidies.detail.period')}</dt>
        <dd>
          {claim.period} ({formatDate(claim.periodFrom)} – {formatDate(claim.periodTo)})
        </dd>
        <dt>{t('subsidies.claims.status')}</dt>
        <dd data-testid="claim-status">{t(`subsidies.status.${claim.status}`)}</dd>
        <dt>{t('subsidies.claims.total')}</dt>
        <dd data-testid="claim-total">{formatChf(claim.totalRappen)}</dd>
        <dt>{t('subsidies.claims.payable')}</dt>
        <dd data-testid="claim-payable">{formatChf(claim.payableRappen)}</dd>
        {claim.paidOn ? (
          <>
            <dt>{t('subsidies.detail.paidOn')}</dt>
            <dd>{formatDate(claim.paidOn)}</dd>
          </>
        ) : null}
      </dl>
      <h2>{t('subsidies.detail.lines')}</h2>
      {claim.lines.length ? (
        <div class="table-wrap">
          <table data-testid="claim-lines">
            <caption>{t('subsidies.detail.linesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('subsidies.detail.no')}</th>
                <th scope="col">{t('subsidies.detail.caseRef')}</th>
                <th scope="col">{t('subsidies.detail.date')}</th>
                <th scope="col">{t('subsidies.detail.item')}</th>
                <th scope="col">{t('subsidies.detail.rate')}</th>
                <th scope="col">{t('subsidies.amount')}</th>
                <th scope="col">{t('subsidies.detail.disputeColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {claim.lines.map((line, i) => (
                <LineRow
                  ctx={ctx}
                  claim={claim}
                  line={line}
                  index={i}
                  disputable={officer && withMunicipality}
                  refused={refused}
                />
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t('subsidies.detail.noLines')}</p>
      )}
      {officer && withMunicipality ? (
        <form method="post" action={`${claimHref(claim)}/einreichen`} aria-labelledby="submit-title">
          <h2 id="submit-title">{t('subsidies.detail.submitTitle')}</h2>
          <input type="hidden" name="_csrf" value={ctx.csrf} />
          <ErrorSummary ctx={ctx} errors={refused?.action === 'submit' ? refused.errors : []} />
          <p class="hint">{t('subsidies.detail.submitHint')}</p>
          <button type="submit">{t('subsidies.detail.submit')}</button>
        </form>
      ) : null}
      {ags && (claim.status === 'submitted' || claim.status === 'checked') ? (
        <section aria-labelledby="next-step">
          <h2 id="next-step">{t('subsidies.detail.nextStep')}</h2>
          {claim.status === 'submitted' ? (
            <CommentForm
              ctx={ctx}
              claim={claim}
              action="check"
              path="pruefen"
              title={t('subsidies.detail.checkTitle')}
              button={t('subsidies.detail.check')}
              required={false}
              hint={t('subsidies.detail.checkHint')}
              refused={refused}
            />
          ) : (
            <CommentForm
              ctx={ctx}
              claim={claim}
              action="approve"
              path="freigeben"
              title={t('subsidies.detail.approveTitle')}
              button={t('subsidies.detail.approve')}
              required={false}
              hint={t('subsidies.detail.approveHint')}
              refused={refused}
            />
          )}
          <CommentForm
            ctx={ctx}
            claim={claim}
            action="return"
            path="zurueckweisen"
            title={t('subsidies.detail.returnTitle')}
            button={t('subsidies.detail.return')}
            required
            refused={refused}
          />
        </section>
      ) : null}
      {finance && claim.status === 'exported' ? <PaymentForm ctx={ctx} claim={claim} refused={refused} /> : null}
      <h2>{t('subsidies.detail.steps')}</h2>
      {claim.steps.length ? (
        <div class="table-wrap">
          <table data-testid="claim-steps">
            <caption>{t('subsidies.detail.stepsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('subsidies.detail.when')}</th>
                <th scope="col">{t('subsidies.detail.step')}</th>
                <th scope="col">{t('subsidies.detail.who')}</th>
                <th scope="col">{t('subsidies.detail.comment')}</th>
              </tr>
            </thead>
            <tbody>
              {claim.steps.map((s) => (
                <tr>
                  <td>{formatDateTime(s.at)}</td>
                  <td>{t(`subsidies.step.${s.step}`, { defaultValue: s.step })}</td>
                  <td>{s.actorName}</td>
                  <td>{s.comment ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t('subsidies.detail.noSteps')}</p>
      )}
    </>
  );
}

function PaymentForm({
  ctx,
  claim,
  refused,
}: {
  ctx: WebContext;
  claim: ClaimDetail;
  refused?: ClaimActionErrors | undefined;
}) {
  const { t } = ctx;
  const errors = refused?.action === 'payment' ? refused.errors : [];
  const f = fieldErrors(ctx, 'payment', errors);
  return (
    <form method="post" action={`${claimHref(claim)}/zahlung`} aria-labelledby="payment-title">
      <h2 id="payment-title">{t('subsidies.detail.paymentTitle')}</h2>
      <input type="hidden" name="_csrf" value={ctx.csrf} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <f.Input
        type="date"
        name="paidOn"
        label={t('subsidies.detail.paidOn')}
        required
        value={refused?.values?.['paidOn'] ?? ''}
      />
      <button type="submit">{t('subsidies.detail.confirmPayment')}</button>
    </form>
  );
}
