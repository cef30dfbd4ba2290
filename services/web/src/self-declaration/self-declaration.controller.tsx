import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Roles } from '@si/auth';
import { ReportingApi } from '../api/clients.js';
import { ServiceRefusal, type Problem } from '../api/service-client.js';
import { one, type FormInput } from '../cases/form-spec.js';
import { seeOther, sendPage } from '../shell/page.js';
import { webContext, type WebContext } from '../shell/web-context.js';
import { ForbiddenPage, NotFoundPage } from '../shell/web-errors.js';
import { formToAnswers, keyFromLabel, parseOptions, violationsByQuestion } from './answers-form.js';
import { EditorView } from './editor.view.js';
import { AgsOverview, OfficerOverview, type Notice } from './overview.view.js';
import { ResponseFormView, ResponseReviewView } from './response.view.js';
import { RoundView } from './round.view.js';
import {
  QUESTION_TYPES,
  type Question,
  type Questionnaire,
  type QuestionnaireDefinition,
  type QuestionType,
  type ResponseSummary,
  type ResponseView,
  type Round,
  type RoundResults,
} from './self-declaration.api.js';
import { UUID } from '../api/uuid.js';

const API = '/api/v1/self-declarations';

const isAgs = (ctx: WebContext) => !!ctx.user?.roles.includes('ags');
const refusalText = (p: Problem) => `${p.title ?? p.detail ?? ''}${p.rule ? ` (${ruleName(p.rule)})` : ''}`.trim();
const ruleName = (rule: string) => `Regel ${rule}`;
const saved = (q: Record<string, unknown>, key: string) => q[key] !== undefined;

/**
 * The yearly self-declaration (issue 14 points 7 and 8): AGS edits the questionnaire versions, opens the round,
 * follows the responses and decides on each; the municipality's IB fills in its prefilled draft and submits it.
 * The reporting service checks role and municipality on every call; a refusal is shown where it belongs.
 */
@Controller('selbstdeklaration')
@Roles('ags', 'gemeinde')
export class SelfDeclarationController {
  constructor(@Inject(ReportingApi) private readonly reporting: ReportingApi) {}

  @Get()
  async overview(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.renderOverview(request, reply);
  }

  @Post('frageboegen')
  @Roles('ags')
  async createVersion(@Body() form: FormInput, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const ctx = webContext(request);
    const year = Number(one(form['year']));
    const basis = one(form['basis']);
    const title = one(form['title']);
    let definition: QuestionnaireDefinition;
    if (basis && UUID.test(basis)) {
      const from = await this.reporting.get<Questionnaire>(request, `${API}/questionnaires/${basis}`);
      definition = { ...from.definition, ...(title ? { title } : {}) };
    } else {
      // A questionnaire needs a section with a question (SD2): an empty start gets one to edit or replace.
      definition = {
        title: title || ctx.t('selfDeclaration.defaultTitle'),
        sections: [
          {
            key: 'organisation',
            title: ctx.t('selfDeclaration.defaultSection'),
            questions: [
              {
                key: 'organisation-model',
                type: 'text',
                label: ctx.t('selfDeclaration.defaultQuestion'),
                required: true,
              },
            ],
          },
        ],
      };
    }
    try {
      const created = await this.reporting.post<Questionnaire>(request, `${API}/questionnaires`, {
        year,
        ...definition,
      });
      return seeOther(reply, `/selbstdeklaration/frageboegen/${created.id}?angelegt`);
    } catch (error) {
      if (!(error instanceof ServiceRefusal)) throw error;
      return this.renderOverview(request, reply, { ok: false, text: refusalText(error.problem) }, 422, {
        qyear: one(form['year']),
        title,
      });
    }
  }

  @Get('frageboegen/:id')
  @Roles('ags')
  async editor(
    @Param('id') id: string,
    @Query() query: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const ctx = webContext(request);
    const notice = saved(query, 'angelegt')
      ? { ok: true, text: ctx.t('selfDeclaration.created') }
      : saved(query, 'gespeichert')
        ? { ok: true, text: ctx.t('selfDeclaration.savedQuestionnaire') }
        : saved(query, 'veroeffentlicht')
          ? { ok: true, text: ctx.t('selfDeclaration.published') }
          : undefined;
    return this.renderEditor(request, reply, this.uuid(id), notice);
  }

  @Post('frageboegen/:id/fragen')
  @Roles('ags')
  async addQuestion(
    @Param('id') id: string,
    @Body() form: FormInput,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const ctx = webContext(request);
    const q = await this.reporting.get<Questionnaire>(request, `${API}/questionnaires/${this.uuid(id)}`);
    const values: Record<string, string> = {};
    for (const k of ['section', 'sectionTitle', 'label', 'type', 'required', 'options', 'min', 'max', 'maxLength'])
      values[k] = one(form[k]);
    const v = (k: string): string => values[k] ?? '';
    const errors: Record<string, string> = {};
    const type = (QUESTION_TYPES as readonly string[]).includes(v('type')) ? (values['type'] as QuestionType) : 'text';
    if (!values['label']) errors['label'] = ctx.t('selfDeclaration.labelRequired');
    if (!values['section'] && !values['sectionTitle'])
      errors['sectionTitle'] = ctx.t('selfDeclaration.sectionTitleRequired');
    const options = parseOptions(values['options'] ?? '');
    if ((type === 'single' || type === 'multi') && options.length < 2)
      errors['options'] = ctx.t('selfDeclaration.optionsRequired');
    const num = (k: string): number | undefined => (v(k) === '' ? undefined : Number(v(k)));
    const [min, max, maxLength] = [num('min'), num('max'), num('maxLength')];
    for (const k of ['min', 'max', 'maxLength'])
      if (num(k) !== undefined && !Number.isFinite(num(k))) errors[k] = ctx.t('form.invalidValue');
    if (Object.keys(errors).length) return this.renderEditor(request, reply, q.id, undefined, values, errors, 422, q);
    const taken = new Set(q.definition.sections.flatMap((s) => s.questions.map((x) => x.key)));
    const question: Question = {
      key: keyFromLabel(v('label'), taken),
      type,
      label: v('label'),
      required: values['required'] === '1',
      ...(type === 'single' || type === 'multi' ? { options } : {}),
      ...(type === 'number' && min !== undefined ? { min } : {}),
      ...(type === 'number' && max !== undefined ? { max } : {}),
      ...(type === 'text' && maxLength !== undefined ? { maxLength } : {}),
    };
    const sections = q.definition.sections.map((s) => ({ ...s, questions: [...s.questions] }));
    const target = sections.find((s) => s.key === values['section']);
    if (target) target.questions.push(question);
    else {
      const keys = new Set(sections.map((s) => s.key));
      sections.push({
        key: keyFromLabel(v('sectionTitle'), keys),
        title: v('sectionTitle'),
        questions: [question],
      });
    }
    return this.putDefinition(request, reply, q, { ...q.definition, sections }, values);
  }

  @Post('frageboegen/:id/fragen/:key/entfernen')
  @Roles('ags')
  async removeQuestion(
    @Param('id') id: string,
    @Param('key') key: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const q = await this.reporting.get<Questionnaire>(request, `${API}/questionnaires/${this.uuid(id)}`);
    const sections = q.definition.sections
      .map((s) => ({ ...s, questions: s.questions.filter((x) => x.key !== key) }))
      .filter((s) => s.questions.length > 0);
    return this.putDefinition(request, reply, q, { ...q.definition, sections });
  }

  @Post('frageboegen/:id/veroeffentlichung')
  @Roles('ags')
  async publish(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const qid = this.uuid(id);
    try {
      await this.reporting.post(request, `${API}/questionnaires/${qid}/publication`);
    } catch (error) {
      if (!(error instanceof ServiceRefusal)) throw error;
      return this.renderEditor(request, reply, qid, { ok: false, text: refusalText(error.problem) }, {}, {}, 409);
    }
    return seeOther(reply, `/selbstdeklaration/frageboegen/${qid}?veroeffentlicht`);
  }

  @Post('runden')
  @Roles('ags')
  async openRound(@Body() form: FormInput, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const values = {
      questionnaireId: one(form['questionnaireId']),
      year: one(form['year']),
      deadline: one(form['deadline']),
    };
    try {
      const round = await this.reporting.post<Round>(request, `${API}/rounds`, {
        questionnaireId: values.questionnaireId,
        year: Number(values.year),
        deadline: values.deadline,
      });
      return seeOther(reply, `/selbstdeklaration/runden/${round.id}`);
    } catch (error) {
      if (!(error instanceof ServiceRefusal)) throw error;
      return this.renderOverview(request, reply, { ok: false, text: refusalText(error.problem) }, 422, values);
    }
  }

  @Get('runden/:roundId')
  async round(@Param('roundId') roundId: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const ctx = webContext(request);
    const id = this.uuid(roundId);
    if (!isAgs(ctx)) return seeOther(reply, '/selbstdeklaration');
    const [rounds, results, responses] = await Promise.all([
      this.reporting.get<Round[]>(request, `${API}/rounds`),
      this.reporting.get<RoundResults>(request, `${API}/rounds/${id}/results`),
      this.reporting.get<ResponseSummary[]>(request, `${API}/rounds/${id}/responses`),
    ]);
    const round = rounds.find((r) => r.id === id);
    if (!round) throw new NotFoundPage();
    return sendPage(
      request,
      reply,
      { title: ctx.t('selfDeclaration.roundOf', { year: round.year }) },
      <RoundView ctx={ctx} round={round} results={results} responses={responses} />,
    );
  }

  @Get('runden/:roundId/:bfs')
  async response(
    @Param('roundId') roundId: string,
    @Param('bfs') bfs: string,
    @Query() query: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const ctx = webContext(request);
    const notice = saved(query, 'gespeichert')
      ? { ok: true, text: ctx.t('selfDeclaration.draftSaved') }
      : saved(query, 'eingereicht')
        ? { ok: true, text: ctx.t('selfDeclaration.submitted') }
        : saved(query, 'entschieden')
          ? { ok: true, text: ctx.t('selfDeclaration.decided') }
          : undefined;
    return this.renderResponse(request, reply, this.uuid(roundId), this.bfs(bfs), { notice });
  }

  @Post('runden/:roundId/:bfs')
  @Roles('gemeinde')
  async answer(
    @Param('roundId') roundId: string,
    @Param('bfs') bfsParam: string,
    @Body() form: FormInput,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const id = this.uuid(roundId);
    const bfs = this.bfs(bfsParam);
    const response = await this.reporting.get<ResponseView>(request, `${API}/rounds/${id}/responses/${bfs}`);
    const questionnaire = await this.reporting.get<Questionnaire>(
      request,
      `${API}/questionnaires/${response.questionnaireId}`,
    );
    const answers = formToAnswers(questionnaire.definition, form);
    const submit = one(form['aktion']) === 'einreichen';
    const path = `${API}/rounds/${id}/responses/${bfs}`;
    try {
      await this.reporting.put(request, path, { answers });
      if (submit) await this.reporting.post(request, `${path}/submission`);
    } catch (error) {
      if (!(error instanceof ServiceRefusal)) throw error;
      const { byKey, general } = violationsByQuestion(error.problem);
      const ctx = webContext(request);
      const fresh = await this.reporting.get<ResponseView>(request, path);
      return this.renderResponse(request, reply, id, bfs, {
        answers,
        errors: byKey,
        status: 422,
        notice: general.length
          ? {
              ok: false,
              text: `${general.join('; ')}${error.problem.rule ? ` (${ruleName(error.problem.rule)})` : ''}`,
            }
          : {
              ok: false,
              text: `${ctx.t(submit ? 'selfDeclaration.notSubmitted' : 'selfDeclaration.notSaved')} (${ruleName(error.problem.rule ?? 'SD2')})`,
            },
        response: fresh,
        questionnaire,
      });
    }
    return seeOther(reply, `/selbstdeklaration/runden/${id}/${bfs}?${submit ? 'eingereicht' : 'gespeichert'}`);
  }

  @Post('runden/:roundId/:bfs/entscheid')
  @Roles('ags')
  async decide(
    @Param('roundId') roundId: string,
    @Param('bfs') bfsParam: string,
    @Body() form: FormInput,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const id = this.uuid(roundId);
    const bfs = this.bfs(bfsParam);
    const action = one(form['aktion']);
    const comment = one(form['comment']);
    if (action !== 'annehmen' && action !== 'zurueckweisen') throw new NotFoundPage();
    try {
      await this.reporting.post(
        request,
        `${API}/rounds/${id}/responses/${bfs}/${action === 'annehmen' ? 'acceptance' : 'return'}`,
        comment ? { comment } : {},
      );
    } catch (error) {
      if (!(error instanceof ServiceRefusal)) throw error;
      const text = refusalText(error.problem);
      const onComment = error.problem.details?.['field'] === 'comment';
      return this.renderResponse(request, reply, id, bfs, {
        status: 422,
        notice: { ok: false, text },
        comment,
        ...(onComment ? { commentError: error.problem.title ?? text } : {}),
      });
    }
    return seeOther(reply, `/selbstdeklaration/runden/${id}/${bfs}?entschieden`);
  }

  private async renderOverview(
    request: FastifyRequest,
    reply: FastifyReply,
    notice?: Notice,
    status = 200,
    values: Record<string, string> = {},
  ) {
    const ctx = webContext(request);
    const rounds = await this.reporting.get<Round[]>(request, `${API}/rounds`);
    if (isAgs(ctx)) {
      const questionnaires = await this.reporting.get<Questionnaire[]>(request, `${API}/questionnaires`);
      return sendPage(
        request,
        reply,
        { title: ctx.t('selfDeclaration.title'), status },
        <AgsOverview ctx={ctx} questionnaires={questionnaires} rounds={rounds} notice={notice} values={values} />,
      );
    }
    const own = await Promise.all(
      rounds.map(async (round) => ({
        round,
        responses: await this.reporting.get<ResponseSummary[]>(request, `${API}/rounds/${round.id}/responses`),
      })),
    );
    return sendPage(
      request,
      reply,
      { title: ctx.t('selfDeclaration.title'), status },
      <OfficerOverview ctx={ctx} rounds={own} />,
    );
  }

  private async renderEditor(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    notice?: Notice,
    values: Record<string, string> = {},
    errors: Record<string, string> = {},
    status = 200,
    known?: Questionnaire,
  ) {
    const ctx = webContext(request);
    const questionnaire = known ?? (await this.reporting.get<Questionnaire>(request, `${API}/questionnaires/${id}`));
    return sendPage(
      request,
      reply,
      { title: questionnaire.definition.title, status },
      <EditorView ctx={ctx} questionnaire={questionnaire} notice={notice} values={values} errors={errors} />,
    );
  }

  private async putDefinition(
    request: FastifyRequest,
    reply: FastifyReply,
    q: Questionnaire,
    definition: QuestionnaireDefinition,
    values: Record<string, string> = {},
  ) {
    try {
      await this.reporting.put(request, `${API}/questionnaires/${q.id}`, definition);
    } catch (error) {
      if (!(error instanceof ServiceRefusal)) throw error;
      const { general, byKey } = violationsByQuestion(error.problem);
      const text = [...general, ...[...byKey.values()].flat()].join('; ');
      return this.renderEditor(
        request,
        reply,
        q.id,
        { ok: false, text: `${text} (${ruleName(error.problem.rule ?? 'SD2')})` },
        values,
        {},
        422,
        q,
      );
    }
    return seeOther(reply, `/selbstdeklaration/frageboegen/${q.id}?gespeichert`);
  }

  private async renderResponse(
    request: FastifyRequest,
    reply: FastifyReply,
    roundId: string,
    bfs: number,
    extra: {
      notice?: Notice | undefined;
      answers?: ResponseView['answers'];
      errors?: Map<string, string[]>;
      status?: number;
      response?: ResponseView;
      questionnaire?: Questionnaire;
      comment?: string;
      commentError?: string;
    },
  ) {
    const ctx = webContext(request);
    const response =
      extra.response ?? (await this.reporting.get<ResponseView>(request, `${API}/rounds/${roundId}/responses/${bfs}`));
    const questionnaire =
      extra.questionnaire ??
      (await this.reporting.get<Questionnaire>(request, `${API}/questionnaires/${response.questionnaireId}`));
    const title = ctx.t('selfDeclaration.responseTitle', { name: response.name, year: response.year });
    if (isAgs(ctx)) {
      return sendPage(
        request,
        reply,
        { title, status: extra.status ?? 200 },
        <ResponseReviewView
          ctx={ctx}
          response={response}
          questionnaire={questionnaire}
          notice={extra.notice}
          comment={extra.comment ?? ''}
          commentError={extra.commentError}
        />,
      );
    }
    if (!ctx.user?.roles.includes('gemeinde')) throw new ForbiddenPage();
    return sendPage(
      request,
      reply,
      { title, status: extra.status ?? 200 },
      <ResponseFormView
        ctx={ctx}
        response={response}
        questionnaire={questionnaire}
        notice={extra.notice}
        {...(extra.answers ? { answers: extra.answers } : {})}
        {...(extra.errors ? { errors: extra.errors } : {})}
      />,
    );
  }

  private uuid(raw: string): string {
    if (!UUID.test(raw)) throw new NotFoundPage();
    return raw;
  }

  private bfs(raw: string): number {
    if (!/^\d{4}$/.test(raw)) throw new NotFoundPage();
    return Number(raw);
  }
}
