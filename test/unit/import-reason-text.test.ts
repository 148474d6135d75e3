/** Reject and warning reasons in the UI's language: the Chinese UI shows the ones it knows in Chinese. */
import { describe, expect, it } from 'vitest';
import { reasonText } from '../../src-renderer/pages/import/reason-text';
import type { MessageKey } from '../../src-shared/i18n/en';
import { translate } from '../../src-shared/i18n';

const zh = (key: MessageKey, params?: Record<string, string | number>) => translate('zh-CN', key, params);

describe('reasons in the UI language', () => {
  it('translates the reasons the import writes, keeping the file’s texts', () => {
    expect(
      reasonText(zh, { reason: 'unknown status "挂断" read as connected (talk time > 0)' }, 'zh-CN'),
    ).toBe('未知的呼叫结果“挂断”：按通话时长记为接通');
    expect(reasonText(zh, { reason: 'skipped: a totals row ("合计")' }, 'zh-CN')).toBe(
      '已跳过合计行（“合计”）',
    );
    expect(reasonText(zh, { reason: 'agent code (工号) is empty' }, 'zh-CN')).toBe('工号为空');
    expect(reasonText(zh, { reason: '"2026-11-31 10:00:00" is not a valid date' }, 'zh-CN')).toBe(
      '“2026-11-31 10:00:00”不是有效的日期',
    );
    expect(
      reasonText(
        zh,
        {
          reason:
            'cannot read "n/a" as a duration (seconds, HH:MM:SS, MM:SS, 1h 2m 3s or 3分25秒); stored without it',
        },
        'zh-CN',
      ),
    ).toBe('无法把“n/a”读成时长，该字段留空入库');
    // English stays as written; an unknown reason is shown as it is.
    expect(reasonText(zh, { reason: 'skipped: a totals row ("Totals")' }, 'en')).toBe(
      'skipped: a totals row ("Totals")',
    );
    expect(reasonText(zh, { reason: 'something new' }, 'zh-CN')).toBe('something new');
  });

  it('translates a reason stored with its catalogue key, in either language', () => {
    const stored = {
      reason: 'talk time 90,000 s is longer than 86,400 s',
      reasonCode: { key: 'importReason.durationTooLong', params: { value: '90,000', max: '86,400' } },
    };
    expect(reasonText(zh, stored, 'zh-CN')).toBe(
      translate('zh-CN', 'importReason.durationTooLong', stored.reasonCode.params),
    );
    expect(reasonText(zh, stored, 'zh-CN')).not.toBe(stored.reason);
  });
});
