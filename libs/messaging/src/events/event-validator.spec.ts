import { fileURLToPath } from 'node:url';
import { buildCloudEvent } from './cloud-event.js';
import { EventValidationError, EventValidator } from './event-validator.js';

const validator: EventValidator = new EventValidator({
  schemasRoot: fileURLToPath(new URL('../../test/fixtures/events', import.meta.url)),
});

describe('EventValidator', () => {
  it('accepts a valid envelope and data', () => {
    const event = buildCloudEvent(
      'registry-intake',
      { type: 'test.thing-happened.v1', subject: 's-1', data: { n: 1, on: '2026-11-21' } },
      { correlationId: 'c-1' },
    );
    expect(() => validator.validate(event)).not.toThrow();
    expect(event).toMatchObject({
      specversion: '1.0',
      source: '/si/registry-intake',
      correlationid: 'c-1',
      datacontenttype: 'application/json',
    });
    expect(validator.types()).toEqual(['test.other-happened.v1', 'test.thing-happened.v1']);
  });

  it('names the failing path of data in readable text', () => {
    const event = buildCloudEvent('registry-intake', {
      type: 'test.thing-happened.v1',
      subject: 's-1',
      data: { n: -1, on: '21.11.2026' },
    });
    expect(() => validator.validate(event)).toThrow(EventValidationError);
    try {
      validator.validate(event);
    } catch (err) {
      expect((err as EventValidationError).errors).toEqual(['data/n must be >= 0', 'data/on must match format "date"']);
      expect((err as Error).message).toContain('data/on must match format "date"');
    }
  });

  it('rejects a broken envelope and an unknown type', () => {
    expect(() => validator.validate({ specversion: '1.0', id: 'nope' })).toThrow(
      /must have required property 'source'/,
    );
    const unknown = buildCloudEvent('registry-intake', { type: 'test.never-heard-of.v1', subject: 's', data: {} });
    expect(() => validator.validate(unknown)).toThrow(/no schema for event type test.never-heard-of.v1/);
    const badId = {
      ...buildCloudEvent('registry-intake', { type: 'test.thing-happened.v1', subject: 's', data: { n: 0 } }),
      id: 'not-a-uuid',
    };
    expect(() => validator.validate(badId)).toThrow(/id must match format "uuid"/);
  });

  it('compiles every contract in contracts/events', () => {
    expect(() => new EventValidator()).not.toThrow();
  });
});
