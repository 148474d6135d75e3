/**
 * Names come from files anyone can write. A right-to-left override (U+202E) makes `‮gnp.exe`
 * read as `exe.png`; other bidirectional controls reorder or hide text the same way. Wherever a
 * name is shown (the UI, the PDF), these characters are shown as what they are instead.
 */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export function visibleText(text: string): string {
  return text.replace(
    BIDI_CONTROLS,
    (c) => `[U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`,
  );
}

/** `visibleText` for an optional name. */
export function visibleName<T extends string | null | undefined>(text: T): T {
  return (typeof text === 'string' ? visibleText(text) : text) as T;
}
