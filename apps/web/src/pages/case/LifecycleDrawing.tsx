import { Alert, Spin } from 'antd';
import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { splitLegend, withCurrentState } from './lifecycle-text';

/**
 * Draws the lifecycle with mermaid, loaded only here (a chunk of its own, never in the first
 * visit's bundle: it is larger than the whole console). Lazy-loaded by the case page.
 */
const LifecycleDrawing = ({ state }: { state: string }) => {
  const { t } = useI18n();
  const [svg, setSvg] = useState<string>();
  const [legend, setLegend] = useState<string[]>([]);
  const frame = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const id = `lifecycle-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const [text, { default: mermaid }] = await Promise.all([
        fetch('/api/lifecycle.mmd').then((r) => (r.ok ? r.text() : Promise.reject(new Error(String(r.status))))),
        import('mermaid'),
      ]);
      // At its own size, scrolled in its frame: shrunk to the page's width its words are unreadable.
      mermaid.initialize({
        startOnLoad: false,
        securityLevel: 'strict',
        theme: 'neutral',
        fontFamily: 'inherit',
        state: { useMaxWidth: false },
      });
      const { drawing, legend: guards } = splitLegend(text);
      const drawn = await mermaid.render(id, withCurrentState(drawing, state));
      if (!cancelled) {
        setSvg(drawn.svg);
        setLegend(guards);
      }
    })().catch(() => !cancelled && setFailed(true));
    return () => {
      cancelled = true;
    };
  }, [id, state]);
  // The drawing is larger than its frame: bring the current state to the frame's middle.
  useEffect(() => {
    const box = frame.current;
    const current = box?.querySelector('g.current');
    if (!box || !current) return;
    const [b, c] = [box.getBoundingClientRect(), current.getBoundingClientRect()];
    box.scrollLeft += c.left - b.left - (b.width - c.width) / 2;
    box.scrollTop += c.top - b.top - (b.height - c.height) / 2;
  }, [svg]);
  if (failed) return <Alert type="warning" showIcon message={t('case.drawing.error')} />;
  if (!svg) return <Spin />;
  // mermaid's strict mode sanitizes the drawing (DOMPurify): no script, no link out.
  return (
    <>
      <div
        ref={frame}
        data-testid="lifecycle-drawing"
        style={{ overflow: 'auto', maxHeight: 560, border: '1px solid #eee' }}
        tabIndex={0}
        role="region"
        aria-label={t('case.drawing')}
        dangerouslySetInnerHTML={{ __html: svg }}
      />
      <ul style={{ fontSize: 12, marginTop: 8 }} data-testid="lifecycle-legend">
        {legend.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </>
  );
};
export default LifecycleDrawing;
