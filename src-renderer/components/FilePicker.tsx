/**
 * A file chosen through buttons of the page's own look: a hidden file input that any button opens
 * (`choose`), handing the chosen file to `onFile`. Choosing the same file again is still a choice.
 */
import { useRef, type ReactElement } from 'react';

export function useFilePicker({
  accept,
  testId,
  onFile,
}: {
  accept: string;
  testId: string;
  onFile(file: File): void;
}): { input: ReactElement; choose(): void } {
  const ref = useRef<HTMLInputElement>(null);
  const input = (
    <input
      ref={ref}
      type="file"
      accept={accept}
      className="visually-hidden"
      data-testid={testId}
      onChange={(e) => {
        const file = e.target.files?.[0];
        e.target.value = '';
        if (file) onFile(file);
      }}
    />
  );
  return { input, choose: () => ref.current?.click() };
}
