import type { WebContext } from '../shell/web-context.js';
import { formatDate, formatNumber } from '../i18n/format.js';
import {
  countryName,
  countryOptions,
  languageName,
  languageOptions,
  municipalityName,
} from '../shared/reference-data.js';
import { PHASES, STATUSES, type WorkListItem, type WorkListPage } from './work-list.api.js';
import { groupHouseholds, listUrl, type WorkListFilters } from './work-list.query.js';

export interface Counters {
  overdue: number;
  dueThisWeek: number;
  /** The counts stop at this many (the service pages by 100). */
  capped: number;
}

export interface WorkListProps {
  ctx: WebContext;
  title: string;
  filters: WorkListFilters;
  page: WorkListPage;
  counters: Counters | null;
  /** The user's municipalities, when there is more than one (Leitgemeinde): a filter by member. */
  municipalities: number[];
}

const count = (n: number, cap: number, ctx: WebContext) =>
  n >= cap ? `${formatNumber(cap, ctx.lang)}+` : formatNumber(n, ctx.lang);

export function WorkListView({ ctx, title, filters, page, counters, municipalities }: WorkListProps) {
  const { t } = ctx;
  return (
    <>
      <h1>{title}</h1>
      {counters ? (
        <ul class="counters" aria-label={t('worklist.counters')}>
          <li class="counter counter-overdue">
            <a href={listUrl(filters, { overdue: true, due: '', cursor: '', prev: [] })}>
              <strong data-testid="count-overdue">{count(counters.overdue, counters.capped, ctx)}</strong>
              {t('worklist.overdue')}
            </a>
          </li>
          <li class="counter">
            <strong data-testid="count-due-week">{count(counters.dueThisWeek, counters.capped, ctx)}</strong>
            {t('worklist.dueThisWeek')}
          </li>
        </ul>
      ) : null}
      <form
        method="get"
        action="/faelle"
        class="filters"
        role="search"
        aria-label={t('worklist.filters')}
        hx-get="/faelle"
        hx-target="#results"
        hx-select="#results"
        hx-swap="outerHTML"
        hx-push-url="true"
        hx-trigger="change, input changed delay:400ms from:#q, submit"
      >
        <div>
          <label for="q">{t('worklist.search')}</label>
          <input type="search" id="q" name="q" value={filters.q} autocomplete="off" />
        </div>
        <div>
          <label for="phase">{t('worklist.phase')}</label>
          <select id="phase" name="phase">
            <option value="">{t('worklist.all')}</option>
            {PHASES.map((p) => (
              <option value={p} selected={filters.phase === p}>
                {t(`phase.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="status">{t('worklist.status')}</label>
          <select id="status" name="status">
            <option value="">{t('worklist.notClosed')}</option>
            {STATUSES.map((s) => (
              <option value={s} selected={filters.status === s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        {municipalities.length > 1 ? (
          <div>
            <label for="municipality">{t('worklist.municipality')}</label>
            <select id="municipality" name="municipality">
              <option value="">{t('worklist.allMunicipalities')}</option>
              {municipalities.map((m) => (
                <option value={String(m)} selected={filters.municipality === String(m)}>
                  {municipalityName(m)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div>
          <label for="due">{t('worklist.dueBy')}</label>
          <input type="date" id="due" name="due" value={filters.due} />
        </div>
        <div>
          <label for="nationality">{t('worklist.nationality')}</label>
          <select id="nationality" name="nationality">
            <option value="">{t('worklist.all')}</option>
            {countryOptions().map((c) => (
              <option value={c.code} selected={filters.nationality === c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="language">{t('worklist.language')}</label>
          <select id="language" name="language">
            <option value="">{t('worklist.all')}</option>
            {languageOptions().map((l) => (
              <option value={l.code} selected={filters.language === l.code}>
                {l.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="sort">{t('worklist.sort')}</label>
          <select id="sort" name="sort">
            {['due', '-due', 'name', '-name', 'registrationDate', '-registrationDate'].map((s) => (
              <option value={s} selected={filters.sort === s}>
                {t(`worklist.sortBy.${s.replace('-', 'desc_')}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label class="check">
            <input type="checkbox" name="overdue" value="true" checked={filters.overdue} />
            {t('worklist.onlyOverdue')}
          </label>
          {filters.household ? <input type="hidden" name="household" value={filters.household} /> : null}
          <button type="submit">{t('worklist.apply')}</button>
        </div>
      </form>
      <Results ctx={ctx} filters={filters} page={page} />
    </>
  );
}

function Results({ ctx, filters, page }: { ctx: WebContext; filters: WorkListFilters; page: WorkListPage }) {
  const { t } = ctx;
  const rows = groupHouseholds(page.items);
  const back = filters.prev.length
    ? listUrl(filters, {
        cursor: filters.prev.at(-1) === '-' ? '' : (filters.prev.at(-1) ?? ''),
        prev: filters.prev.slice(0, -1),
      })
    : null;
  return (
    <div id="results" aria-live="polite">
      {filters.household ? (
        <p class="alert alert-ok">
          {t('worklist.householdShown')}{' '}
          <a href={listUrl(filters, { household: '', cursor: '', prev: [] })}>{t('worklist.householdAll')}</a>
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p data-testid="empty">{t('worklist.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table data-testid="work-list">
            <caption>{t('worklist.caption', { count: rows.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('worklist.col.person')}</th>
                <th scope="col">{t('worklist.col.municipality')}</th>
                <th scope="col">{t('worklist.col.phase')}</th>
                <th scope="col">{t('worklist.col.due')}</th>
                <th scope="col">{t('worklist.col.registered')}</th>
                <th scope="col">{t('worklist.col.nationality')}</th>
                <th scope="col">{t('worklist.col.language')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ item, household }) => (
                <Row ctx={ctx} item={item} household={household} filters={filters} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav class="paging" aria-label={t('worklist.paging')}>
        {back !== null ? (
          <a href={back} rel="prev">
            {t('worklist.previous')}
          </a>
        ) : null}
        {page.nextCursor ? (
          <a
            href={listUrl(filters, { cursor: page.nextCursor, prev: [...filters.prev, filters.cursor || '-'] })}
            rel="next"
          >
            {t('worklist.next')}
          </a>
        ) : null}
      </nav>
    </div>
  );
}

function Row({
  ctx,
  item,
  household,
  filters,
}: {
  ctx: WebContext;
  item: WorkListItem;
  household: 'first' | 'member' | null;
  filters: WorkListFilters;
}) {
  const { t } = ctx;
  const name = item.person ? `${item.person.officialName}, ${item.person.firstName}` : t('worklist.pseudonymous');
  return (
    <tr class={household === 'first' ? 'household-first' : household === 'member' ? 'household-member' : undefined}>
      <td>
        <a href={`/faelle/${item.id}`}>{name}</a>
        {household === 'first' && item.householdRef ? (
          <span class="hint">
            <a href={listUrl(filters, { household: item.householdRef, cursor: '', prev: [] })}>
              {t('worklist.household')}
            </a>
          </span>
        ) : null}
        {household === 'member' ? <span class="hint">{t('worklist.sameHousehold')}</span> : null}
      </td>
      <td>{municipalityName(item.municipality)}</td>
      <td>
        {t(`phase.${item.phase}`)}
        {item.status !== 'open' ? <span class="hint">{t(`status.${item.status}`)}</span> : null}
      </td>
      <td>
        {item.due ? <time datetime={item.due}>{formatDate(item.due, ctx.lang)}</time> : '–'}
        {item.dueKind ? <span class="hint">{t(`worklist.dueKind.${item.dueKind}`)}</span> : null}
        {item.overdue ? <span class="badge badge-overdue">{t('worklist.overdueBadge')}</span> : null}
      </td>
      <td>
        <time datetime={item.registrationDate}>{formatDate(item.registrationDate, ctx.lang)}</time>
      </td>
      <td>{countryName(item.nationality.bfsCode, ctx.lang)}</td>
      <td>{languageName(item.language)}</td>
    </tr>
  );
}
