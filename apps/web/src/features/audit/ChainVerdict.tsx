import { Alert } from 'antd';
import { isMessageKey } from '../../app/i18n/dictionary';
import { useT } from '../../app/i18n/useT';

/** The first bad row the `audit.verify` job found. `reason`: altered | missing | broken-link | head-missing. */
export interface ChainProblem {
  seq: number;
  id: string | null;
  reason: string;
}

/** The result of an `audit.verify` job. */
export interface ChainVerdict {
  ok: boolean;
  checked: number;
  problem: ChainProblem | null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** A job result read as a chain verdict; null when it has another shape (then show it as it is). */
export function readChainVerdict(result: unknown): ChainVerdict | null {
  if (!isRecord(result) || typeof result.ok !== 'boolean' || typeof result.checked !== 'number') return null;
  const p = result.problem;
  if (result.ok) return { ok: true, checked: result.checked, problem: null };
  if (!isRecord(p) || typeof p.seq !== 'number' || typeof p.reason !== 'string') return null;
  const id = typeof p.id === 'string' || typeof p.id === 'number' ? String(p.id) : null;
  return { ok: false, checked: result.checked, problem: { seq: p.seq, id, reason: p.reason } };
}

/**
 * The verdict as a sentence: 审计链完整：已校验 15 条记录, or 审计链被破坏：第 7 条（记录 7）被篡改.
 * A reason without a text shows as the server wrote it.
 */
export function useChainVerdictText(): (verdict: ChainVerdict) => string {
  const t = useT();
  return ({ ok, checked, problem }) => {
    if (ok || !problem) return t('audit.verify.intact', { checked });
    const key = `audit.verify.reason.${problem.reason}`;
    const reason = isMessageKey(key) ? t(key) : problem.reason;
    return problem.id === null
      ? t('audit.verify.brokenAt', { seq: problem.seq, reason })
      : t('audit.verify.broken', { seq: problem.seq, id: problem.id, reason });
  };
}

/** Green when the chain is whole, red naming the first bad row otherwise. */
export function ChainVerdictAlert({ verdict }: { verdict: ChainVerdict }) {
  const text = useChainVerdictText();
  return (
    <Alert
      data-testid="chain-verdict"
      data-ok={String(verdict.ok)}
      type={verdict.ok ? 'success' : 'error'}
      showIcon
      title={text(verdict)}
    />
  );
}
