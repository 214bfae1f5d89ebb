import { runFuzz } from '../support/route-fuzzer';

// 600 requests one at a time, with scrypt logins among them, on a busy machine.
jest.setTimeout(180_000);

/** Issue 19: a bounded run of scripts/fuzz-routes.ts over every route (the full run is `npm run fuzz`). */
describe('hostile requests on every route', () => {
  it('answers no 5xx, and no refused request appends an event', async () => {
    const report = await runFuzz({ requests: 600, seed: 19 });
    expect(report.routes).toBeGreaterThan(15);
    expect(report.sent).toBe(600);
    expect({ serverErrors: report.serverErrors, examples: report.serverErrorExamples }).toEqual({
      serverErrors: 0,
      examples: [],
    });
    expect({ appended: report.rejectedThatAppended, examples: report.rejectedThatAppendedExamples }).toEqual({
      appended: 0,
      examples: [],
    });
    expect(report.projectorAtHead).toBe(true);
    // The run reached past the guard and the validation: some requests were answered, some refused.
    expect(Object.keys(report.byStatus)).toEqual(expect.arrayContaining(['200', '400', '403']));
  });
});
