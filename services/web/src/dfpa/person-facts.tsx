import type { WebContext } from '../shell/web-context.js';
import { formatDate } from '../i18n/format.js';
import { countryName, languageName } from '../shared/reference-data.js';
import type { DfpaPersonView } from './dfpa.api.js';

export const personName = (p: { officialName: string; firstName: string } | null | undefined): string | null =>
  p ? `${p.officialName}, ${p.firstName}` : null;

/** The person as the region holds them (the hand-over's data, or what the canton's assignment named). */
export function PersonFacts({ ctx, p }: { ctx: WebContext; p: DfpaPersonView }) {
  const { t } = ctx;
  return (
    <dl class="facts" data-testid="person">
      <dt>{t('dfpa.person.name')}</dt>
      <dd>{personName(p)}</dd>
      <dt>{t('dfpa.person.dateOfBirth')}</dt>
      <dd>{formatDate(p.dateOfBirth)}</dd>
      <dt>{t('case.sex')}</dt>
      <dd>{t(`sex.${p.sex}`)}</dd>
      {p.nationality ? (
        <>
          <dt>{t('case.nationality')}</dt>
          <dd>{countryName(p.nationality.bfsCode)}</dd>
        </>
      ) : null}
      {p.language ? (
        <>
          <dt>{t('case.language')}</dt>
          <dd>{languageName(p.language)}</dd>
        </>
      ) : null}
      {p.permitCode ? (
        <>
          <dt>{t('dfpa.person.permit')}</dt>
          <dd>{t(`permit.${p.permitCode}`, { defaultValue: p.permitCode })}</dd>
        </>
      ) : null}
      {p.vn ? (
        <>
          <dt>{t('dfpa.person.vn')}</dt>
          <dd>{p.vn}</dd>
        </>
      ) : null}
      {p.address ? (
        <>
          <dt>{t('dfpa.person.address')}</dt>
          <dd>
            {p.address.street} {p.address.houseNumber ?? ''}, {p.address.postalCode} {p.address.town}
          </dd>
        </>
      ) : null}
      {p.phone ? (
        <>
          <dt>{t('dfpa.person.phone')}</dt>
          <dd>{p.phone}</dd>
        </>
      ) : null}
      {p.email ? (
        <>
          <dt>{t('dfpa.person.email')}</dt>
          <dd>{p.email}</dd>
        </>
      ) : null}
    </dl>
  );
}
