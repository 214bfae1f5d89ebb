import { Alert, Spin } from 'antd';
import { useEffect, useId, useState } from 'react';
import { useI18n } from '../../i18n/i18n';

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
 * Draws the lifecycle with mermaid, loaded only here (a chunk of its own, never in the first
 * visit's bundle: it is larger than the whole console). Lazy-loaded by the case page.
 */
const LifecycleDrawing = ({ state }: { state: string }) => {
  const { t } = useI18n();
  const [svg, setSvg] = useState<string>();
  const [failed, setFailed] = useState(false);
  const id = `lifecycle-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const [text, { default: mermaid }] = await Promise.all([
        fetch('/api/lifecycle.mmd').then((r) => (r.ok ? r.text() : Promise.reject(new Error(String(r.status))))),
        import('mermaid'),
      ]);
      mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'neutral', fontFamily: 'inherit' });
      const drawn = await mermaid.render(id, withCurrentState(text, state));
      if (!cancelled) setSvg(drawn.svg);
    })().catch(() => !cancelled && setFailed(true));
    return () => { cancelled = true; };
  }, [id, state]);
  if (failed) return <Alert type="warning" showIcon message={t('case.drawing.error')} />;
  if (!svg) return <Spin />;
  // mermaid's strict mode sanitizes the drawing (DOMPurify): no script, no link out.
  return <div data-testid="lifecycle-drawing" style={{ overflowX: 'auto' }} role="img" aria-label={t('case.drawing')} dangerouslySetInnerHTML={{ __html: svg }} />;
};
export default LifecycleDrawing;
