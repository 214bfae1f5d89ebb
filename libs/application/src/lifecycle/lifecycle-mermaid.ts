import { GraphState, LifecycleGraph } from '@thads/domain';

// Mermaid ids admit neither dots nor spaces; the machine path joined by '_' stays unique.
const idOf = (stateId: string) => stateId.replace(/\./g, '_');
const quoted = (text: string) => `"${text.replace(/"/g, "'")}"`;

/**
 * The lifecycle graph as a Mermaid `stateDiagram-v2`: compound states nest, in-place steps are
 * self-loops, guards are bracketed after the event, and a note cites each guard's legal basis.
 */
export const lifecycleMermaid = (graph: LifecycleGraph): string => {
  const lines = ['stateDiagram-v2', '  direction LR'];
  const children = (parent: string | null) => graph.states.filter((s) => s.parent === parent);
  const declare = (state: GraphState, indent: string) => {
    const label = state.kind === 'history' ? `${state.label} (H*)` : state.label;
    lines.push(`${indent}state ${quoted(label)} as ${idOf(state.id)}`);
    if (state.kind !== 'compound') return;
    lines.push(`${indent}state ${idOf(state.id)} {`);
    if (state.initial) lines.push(`${indent}  [*] --> ${idOf(state.initial)}`);
    for (const child of children(state.id)) declare(child, `${indent}  `);
    lines.push(`${indent}}`);
  };
  lines.push(`  [*] --> ${idOf(graph.initial)}`);
  for (const state of children(null)) declare(state, '  ');
  for (const t of graph.transitions) {
    const guard = t.guard ? ` [${t.guard}]` : '';
    lines.push(`  ${idOf(t.from)} --> ${idOf(t.to ?? t.from)}: ${t.event} / ${t.step}${guard}`);
  }
  for (const state of graph.states.filter((s) => s.kind === 'final')) lines.push(`  ${idOf(state.id)} --> [*]`);
  lines.push(`  note right of ${idOf(graph.initial)}`);
  lines.push('    Điều kiện và căn cứ pháp lý');
  for (const g of graph.guards) lines.push(`    ${g.name} - ${g.meaning} (${g.legalBasis})`);
  for (const o of graph.outsideTheMachine) lines.push(`    ${o.step} (${o.event}) - ${o.effect}`);
  lines.push('  end note');
  return `${lines.join('\n')}\n`;
};
