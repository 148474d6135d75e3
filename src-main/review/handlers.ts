/** The morning review's share of the API (contract-review.ts). */
import type { ReviewMethod } from '../../src-shared/api';
import type { HandlersFor } from '../dispatch';
import { renderPng } from '../reports/pdf-render';
import type { Workspace } from '../workspace';
import { needsAttention } from './attention';
import { battleReportData } from './battle-data';
import { battleHtml } from './battle-html';
import { battleText } from './battle-text';
import { exportTable } from './export';

const PNG_TIMEOUT_MS = 60_000;

export function reviewHandlers(ws: Workspace): HandlersFor<ReviewMethod> {
  return {
    'review.attention': ({ filter, auditsPerMonth }) => needsAttention(ws, filter, auditsPerMonth),
    'review.battleReport': async ({ day, teamId, teamIds, language }) => {
      const data = await battleReportData(ws, day, { teamId, teamIds }, language);
      const page = battleHtml(data);
      const png = await renderPng(page.html, page, AbortSignal.timeout(PNG_TIMEOUT_MS));
      return {
        day,
        text: battleText(data),
        fileName: `${language === 'zh-CN' ? '战报' : 'battle-report'}-${day}${data.teamName ? `-${data.teamName}` : ''}.png`,
        png: { base64: png.toString('base64'), width: page.width, height: page.height },
      };
    },
    'review.export': (input) => exportTable(ws, input),
  };
}
