/**
 * "Import a holiday file": a year's 放假安排 as an .ics or JSON file (src-shared/holiday-file.ts),
 * read in the page and marked on the calendar being edited; saving it is the editor's Save. For
 * the years this version does not ship, the day the State Council publishes them.
 */
import { useState } from 'react';
import {
  HOLIDAY_FILE_LIMITS,
  HOLIDAY_FILE_TOO_LARGE,
  readHolidayFile,
  type HolidaySchedule,
} from '../../../src-shared/holiday-file';
import { useFilePicker } from '../../components/FilePicker';
import { useT } from '../../i18n/language';

type Said = { kind: 'applied' | 'problem'; text: string };

export function HolidayFileImport({ onSchedule }: { onSchedule(schedule: HolidaySchedule): void }) {
  const t = useT();
  const [said, setSaid] = useState<Said | null>(null);

  const read = async (file: File) => {
    // The size is known before reading: a wrong file of gigabytes is never read into the page.
    const result =
      file.size > HOLIDAY_FILE_LIMITS.bytes ? HOLIDAY_FILE_TOO_LARGE : readHolidayFile(await file.text());
    if (!result.ok) {
      const { code, ...params } = result.problem;
      setSaid({ kind: 'problem', text: t(`calendar.holidayFile.${code}`, { file: file.name, ...params }) });
      return;
    }
    const { off, work, years } = result.schedule;
    onSchedule(result.schedule);
    setSaid({
      kind: 'applied',
      text: t('calendar.holidayFile.applied', {
        file: file.name,
        off: off.length,
        work: work.length,
        years: years.join(', '),
      }),
    });
  };

  const picker = useFilePicker({
    accept: '.ics,.json,text/calendar,application/json',
    testId: 'calendar-holiday-file',
    onFile: (file) => void read(file),
  });

  return (
    <>
      {picker.input}
      <button
        type="button"
        className="button button--small"
        onClick={picker.choose}
        data-testid="calendar-holiday-file-choose"
      >
        {t('calendar.holidayFile.choose')}
      </button>
      {said ? (
        <p
          className={`field__hint calendar-holidays__said${said.kind === 'problem' ? ' is-problem' : ''}`}
          role={said.kind === 'problem' ? 'alert' : 'status'}
          data-testid={`calendar-holiday-file-${said.kind}`}
        >
          {said.text}
        </p>
      ) : null}
    </>
  );
}
