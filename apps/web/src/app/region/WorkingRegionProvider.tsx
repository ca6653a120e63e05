import { useMemo, useState, type ReactNode } from 'react';
import { WorkingRegionContext, type WorkingRegion } from './working-region-context';

export function WorkingRegionProvider({ scopeCode, children }: { scopeCode: string; children: ReactNode }) {
  const [chosen, setChosen] = useState<{ scope: string; code: string } | null>(null);
  // A choice made under another scope (another user, or a changed scope) does not carry over.
  const code = chosen && chosen.scope === scopeCode ? chosen.code : scopeCode;
  const value = useMemo<WorkingRegion>(
    () => ({ code, setCode: (next) => setChosen({ scope: scopeCode, code: next }) }),
    [code, scopeCode],
  );
  return <WorkingRegionContext.Provider value={value}>{children}</WorkingRegionContext.Provider>;
}
