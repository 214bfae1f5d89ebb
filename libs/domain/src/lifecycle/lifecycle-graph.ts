import { STEP_EVENT, stepOfEventType, StepName } from '../events';
import { GUARD_BASIS, GuardBasis, GuardName } from './guard-basis';
import { caseLifecycle } from './machine';
import { STEP_LABELS } from './step-labels';
import { CASE_STATE_NAMES, CaseStateName, STATE_LABELS } from './states';

export interface GraphState {
  /** The machine's own path, dot-joined without the root: `open.classified.withConditions`. */
  id: string;
  /** The API state name (docs/architecture.md §5); null for wrappers and the pre-receipt `new`. */
  name: CaseStateName | null;
  label: string;
  kind: 'atomic' | 'compound' | 'final' | 'history';
  parent: string | null;
  /** For a compound state, the child it enters first. */
  initial: string | null;
}

export interface GraphTransition {
  from: string;
  /** Null when the step is recorded in place: the case stays where it is. */
  to: string | null;
  event: string;
  step: StepName | 'receive';
  stepLabel: string;
  guard: GuardName | null;
  guardMeaning: string | null;
  legalBasis: string | null;
  actions: string[];
}

export interface LifecycleGraph {
  initial: string;
  states: GraphState[];
  transitions: GraphTransition[];
  /** Every guard the transitions use, with what it asks and its legal basis. */
  guards: Array<{ name: GuardName } & GuardBasis>;
  /** Steps that act on the history rather than on one state (a correction refolds without its target). */
  outsideTheMachine: Array<{ step: StepName; event: string; stepLabel: string; effect: string }>;
}

// States the API does not name: the wrapper of the active caseload and the case before receipt.
const WRAPPER_LABELS: Record<string, string> = {
  new: 'Chưa tiếp nhận',
  open: 'Đang thi hành (đã thụ lý)',
  classified: 'Đã xác định điều kiện thi hành',
  'open.resumePoint': 'Tiếp tục từ nơi đã dừng',
};

type StateNode = typeof caseLifecycle.root;

const pathOf = (node: StateNode) => node.path.join('.');
const apiName = (id: string): CaseStateName | null => {
  const name = id.startsWith('open.') ? id.slice('open.'.length) : id;
  return (CASE_STATE_NAMES as ReadonlyArray<string>).includes(name) ? (name as CaseStateName) : null;
};

const stateOf = (node: StateNode): GraphState => {
  const id = pathOf(node);
  const name = apiName(id);
  const kind =
    node.type === 'history'
      ? 'history'
      : node.type === 'final'
        ? 'final'
        : node.type === 'compound'
          ? 'compound'
          : 'atomic';
  const initial = kind === 'compound' ? (node.initial.target.map(pathOf)[0] ?? null) : null;
  const parent = node.parent && node.parent !== caseLifecycle.root ? pathOf(node.parent) : null;
  return {
    id,
    name,
    label: name ? STATE_LABELS[name] : (WRAPPER_LABELS[id] ?? WRAPPER_LABELS[node.key] ?? id),
    kind,
    parent,
    initial,
  };
};

const transitionsOf = (node: StateNode): GraphTransition[] =>
  [...node.transitions.entries()].flatMap(([event, definitions]) =>
    definitions.map((t) => {
      const guard = (typeof t.guard === 'string' ? t.guard : null) as GuardName | null;
      const step = stepOfEventType(event) ?? 'receive';
      return {
        from: pathOf(node),
        to: t.target?.length ? pathOf(t.target[0]) : null,
        event,
        step,
        stepLabel: STEP_LABELS[step],
        guard,
        guardMeaning: guard ? GUARD_BASIS[guard].meaning : null,
        legalBasis: guard ? GUARD_BASIS[guard].legalBasis : null,
        actions: (t.actions as ReadonlyArray<unknown>).filter((a): a is string => typeof a === 'string'),
      };
    }),
  );

const nodesOf = (node: StateNode): StateNode[] =>
  Object.values(node.states).flatMap((child) => [child, ...nodesOf(child)]);

/**
 * The lifecycle as a graph, read from `caseLifecycle` itself (its state nodes and their
 * transition definitions), so a diagram drawn from it cannot drift from the code.
 */
export const lifecycleGraph = (): LifecycleGraph => {
  const nodes = nodesOf(caseLifecycle.root);
  const transitions = nodes.flatMap(transitionsOf);
  const guards = [...new Set(transitions.flatMap((t) => (t.guard ? [t.guard] : [])))];
  return {
    initial: caseLifecycle.root.initial.target.map(pathOf)[0],
    states: nodes.map(stateOf),
    transitions,
    guards: guards.map((name) => ({ name, ...GUARD_BASIS[name] })),
    outsideTheMachine: [
      {
        step: 'correct',
        event: STEP_EVENT.correct,
        stepLabel: STEP_LABELS.correct,
        effect:
          'hủy hiệu lực bước có hiệu lực gần nhất; việc trở về trạng thái trước bước đó (bước bị đính chính vẫn được lưu)',
      },
    ],
  };
};
