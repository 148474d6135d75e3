/** Choose a call log: click to browse or drop a file on the zone. */
import { useState, type DragEvent } from 'react';
import { useFormat, useT } from '../../i18n/language';
import { visibleText } from '../../../src-shared/visible-text';

export const ACCEPTED_FILES = '.csv,.tsv,.txt,.xlsx,.xls,.htm,.html';

interface FileDropZoneProps {
  file: File | null;
  disabled: boolean;
  onFile(file: File): void;
}

export function FileDropZone({ file, disabled, onFile }: FileDropZoneProps) {
  const t = useT();
  const f = useFormat();
  const [dragging, setDragging] = useState(false);

  const onDrop = (e: DragEvent<HTMLLabelElement>) => {
    e.preventDefault();
    setDragging(false);
    const dropped = e.dataTransfer.files[0];
    if (dropped && !disabled) onFile(dropped);
  };

  const className = [
    'drop-zone',
    dragging ? 'is-dragging' : '',
    file ? 'has-file' : '',
    disabled ? 'is-disabled' : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <label
      className={className}
      onDragOver={(e) => {
        e.preventDefault();
        if (!disabled) setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      data-testid="drop-zone"
    >
      <input
        type="file"
        className="visually-hidden"
        accept={ACCEPTED_FILES}
        disabled={disabled}
        onChange={(e) => {
          const chosen = e.target.files?.[0];
          if (chosen) onFile(chosen);
          e.target.value = ''; // choosing the same file again still fires a change
        }}
        data-testid="import-file"
      />
      <span className="drop-zone__icon" aria-hidden="true">
        ⇪
      </span>
      {file ? (
        <span className="drop-zone__file">
          <strong>{visibleText(file.name)}</strong>
          <span className="muted">{t('import.fileSize', { size: f.bytes(file.size) })}</span>
        </span>
      ) : (
        <span className="drop-zone__prompt">
          <strong>{t('import.drop.title')}</strong>
          <span className="muted">{t('import.drop.hint')}</span>
        </span>
      )}
      {file && !disabled ? <span className="drop-zone__change">{t('import.drop.change')}</span> : null}
    </label>
  );
}
