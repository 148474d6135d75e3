/** Shows a preset id (as stored on a batch) by its name from `import.presets`, when known. */
import { useCallback } from 'react';
import { useApiQuery } from '../../hooks/useApiQuery';

export function usePresetName(): (id: string) => string {
  const presets = useApiQuery('import.presets', {});
  const list = presets.data;
  return useCallback((id: string) => list?.find((p) => p.id === id)?.name ?? id, [list]);
}
