// The lifecycle drawing's text (GET /api/lifecycle.mmd) made ready for the case page.

/**
 * The id the drawing gives a state (libs/application/src/lifecycle/lifecycle-mermaid.ts): nested
 * states join their path with `_` under their parent ("open_classified_withConditions").
 */
export const diagramIdOf = (mmd: string, state: string): string | undefined => {
  const flat = state.replace(/\./g, '_');
  return [flat, `open_${flat}`].find((id) => new RegExp(`\\sas ${id}$`, 'm').test(mmd));
};

/** The lifecycle drawing (GET /api/lifecycle.mmd) with the current state marked by a classDef. */
export const withCurrentState = (mmd: string, state: string): string => {
  const id = diagramIdOf(mmd, state);
  if (!id) return mmd;
  return `${mmd.trimEnd()}\n  classDef current fill:#a61d24,color:#ffffff,stroke:#5c0f12,stroke-width:3px,font-weight:bold\n  class ${id} current\n`;
};

/**
 * The drawing's note (the guards and their legal basis) apart from the drawing: as a note it
 * draws as a narrow column of tiny text; beside the drawing it reads as a legend.
 */
export const splitLegend = (mmd: string): { drawing: string; legend: string[] } => {
  const lines = mmd.split('\n');
  const start = lines.findIndex((l) => /^\s*note (right|left) of /.test(l));
  const end = lines.findIndex((l, i) => i > start && /^\s*end note\s*$/.test(l));
  if (start < 0 || end < 0) return { drawing: mmd, legend: [] };
  return {
    drawing: [...lines.slice(0, start), ...lines.slice(end + 1)].join('\n'),
    legend: lines
      .slice(start + 1, end)
      .map((l) => l.trim())
      .filter(Boolean),
  };
};
