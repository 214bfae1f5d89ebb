import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CASE_STATE_NAMES, lifecycleGraph, STATE_LABELS, STEP_NAMES } from '@thads/domain';
import { lifecycleMermaid } from './lifecycle-mermaid';

describe('the lifecycle as Mermaid', () => {
  const graph = lifecycleGraph();
  const text = lifecycleMermaid(graph);

  it('is a stateDiagram-v2 with every state, labelled in Vietnamese', () => {
    expect(text.startsWith('stateDiagram-v2\n')).toBe(true);
    for (const name of CASE_STATE_NAMES) {
      const id = graph.states.find((s) => s.name === name)!.id.replace(/\./g, '_');
      expect(text).toContain(`state "${STATE_LABELS[name]}" as ${id}`);
    }
  });

  it('has an edge for every step (the correction as a note) and cites the guards', () => {
    for (const step of STEP_NAMES) expect(text).toMatch(new RegExp(`( / ${step}\\b| ${step} \\(StepCorrected\\))`));
    expect(text).toContain('received --> refused: RequestRefused / refuse [onRequest]');
    expect(text).toContain('onRequest - chỉ áp dụng cho việc thi hành theo yêu cầu (Luật THADS Điều 31.5)');
    expect(text).not.toMatch(/\.\w+ -->|--> \w+\./);
  });

  it('is the drawing the README shows (regenerate it when the machine changes)', () => {
    const readme = readFileSync(join(__dirname, '../../../../README.md'), 'utf8');
    const drawn = /```mermaid\n(stateDiagram-v2[\s\S]*?)\n```/.exec(readme)?.[1];
    expect(drawn).toBe(text.replace(/\n$/, ''));
  });
});
