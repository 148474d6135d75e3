/**
 * How the Import page names a layout and a column. Layouts are named by their product (the same in
 * every language), except those named for what they are, which the catalogue names; a header-less
 * file's columns come as `Column N` and are named by their place in the user's language.
 */
import { useCallback } from 'react';
import { useApiQuery } from '../../hooks/useApiQuery';
import type { MessageKey } from '../../../src-shared/i18n';
import { useT, type Translate } from '../../i18n/language';

/** The layouts named for what they are (not for a product): the catalogue names them. */
const DESCRIBED_PRESETS = new Map<string, MessageKey>([
  ['inferred', 'import.presetName.inferred'],
  ['generic-en', 'import.presetName.generic-en'],
  ['zh-generic', 'import.presetName.zh-generic'],
  ['pbx-numbers', 'import.presetName.pbx-numbers'],
  ['en-orders', 'import.presetName.en-orders'],
  ['zh-orders', 'import.presetName.zh-orders'],
  // A Chinese product: its English name reads differently from its Chinese one.
  ['yunke', 'import.presetName.yunke'],
  ['byrobot', 'import.presetName.byrobot'],
]);

export function presetLabel(t: Translate, id: string, name: string): string {
  const key = DESCRIBED_PRESETS.get(id);
  return key ? t(key) : name;
}

/** A column's name as shown: the header's own, or its place when the file has none. */
export function columnLabel(t: Translate, name: string, index: number): string {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed === `Column ${index + 1}`) return t('import.infer.columnN', { n: index + 1 });
  return trimmed;
}

/** Shows a preset id (as stored on a batch) by its name from `import.presets`, when known. */
export function usePresetName(): (id: string) => string {
  const t = useT();
  const presets = useApiQuery('import.presets', {});
  const list = presets.data;
  return useCallback(
    (id: string) => {
      const preset = list?.find((p) => p.id === id);
      return preset ? presetLabel(t, id, preset.name) : id;
    },
    [list, t],
  );
}
