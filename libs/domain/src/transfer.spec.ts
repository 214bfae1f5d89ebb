import { caseDecider } from './decider';
import { CASE_ID, history, step, stepped } from './testing/builders';
import { given } from './testing/decider-spec';
import { stateNameOf } from './lifecycle/states';

// Chuyển giao hồ sơ (docs/reorganisation.md): the case moves to another unit and keeps its state.
describe('transferring a case to another unit', () => {
  const transfer = (on: string, data = {}) => step('transfer', on, { toUnitId: 'u-ag', ...data });

  it('records the unit it leaves, and keeps the state', () =>
    given(history.withConditions())
      .when(transfer('2025-07-01', { reorganisationId: 'r-2025' }))
      .then([
        {
          type: 'CaseTransferred',
          on: '2025-07-01',
          data: { caseId: CASE_ID, toUnitId: 'u-ag', reorganisationId: 'r-2025', fromUnitId: 'u-hcm-q1' },
        },
      ]));

  it('moves the case to its new unit, state and amounts unchanged', () => {
    const events = [...history.seized(), stepped('transfer', '2025-07-01', { toUnitId: 'u-ag' })];
    const state = events.reduce(caseDecider.evolve, caseDecider.initialState());
    if (state.status !== 'known') throw new Error('unknown');
    expect(state.unitId).toBe('u-ag');
    expect(state.lifecycle.context.unitId).toBe('u-ag');
    expect(stateNameOf(state.lifecycle)).toBe('seized');
  });

  it.each([
    ['received', history.received()],
    ['postponed', [...history.decided(), stepped('postpone', '2024-10-05')]],
    ['suspended', [...history.decided(), stepped('suspend', '2024-10-05')]],
    ['classified.withoutConditions', history.withoutConditions()],
  ])('is allowed while %s, and the case stays there', (name, past) =>
    given(past)
      .when(transfer('2025-07-01'))
      .thenState(name as never),
  );

  it('refuses a transfer to the unit that already holds the case', () => {
    given(history.decided())
      .when(transfer('2025-07-01', { toUnitId: 'u-hcm-q1' }))
      .refusal('case.step-not-allowed', 'transfer-to-own-unit');
  });

  it.each([
    ['completed', [...history.decided(), stepped('collect', '2024-10-05'), stepped('complete', '2024-10-06')]],
    ['terminated', [...history.decided(), stepped('terminate', '2024-10-05')]],
    ['entrusted', [...history.decided(), stepped('entrust', '2024-10-05')]],
  ])('refuses a transfer of a case that has ended (%s): it stays where it ended', (_name, past) =>
    given(past).when(transfer('2025-07-01')).thenThrows('case.step-not-allowed'),
  );

  it('is voided by a correction, the case back in its first unit', () => {
    const events = [...history.decided(), { ...stepped('transfer', '2025-07-01'), id: 'e-t' }];
    const state = events.reduce(caseDecider.evolve, caseDecider.initialState());
    const corrected = caseDecider.evolve(state, stepped('correct', '2025-07-02', { correctsEventId: 'e-t' }));
    if (corrected.status !== 'known') throw new Error('unknown');
    expect(corrected.unitId).toBe('u-hcm-q1');
  });
});
