import { createContext, useContext } from 'react';

export interface WorkingRegion {
  /** The region code pages work in; starts as the user's scope. */
  code: string;
  setCode: (code: string) => void;
}

export const WorkingRegionContext = createContext<WorkingRegion | null>(null);

/** The region chosen in the header picker (or by drilling down on the regions page). */
export function useWorkingRegion(): WorkingRegion {
  const value = useContext(WorkingRegionContext);
  if (!value) throw new Error('useWorkingRegion outside <WorkingRegionProvider>');
  return value;
}
