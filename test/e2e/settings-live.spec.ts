/**
 * Settings open while another process changes the workspace: the command line loads the demo into
 * the empty workspace, which sets the demo's zone (Asia/Shanghai). The open form must show the new
 * zone (live refresh) and saving a new language must send the language only — before, the form kept
 * a copy of every field from when it opened and sent the old zone back, so the save stopped at a
 * zone-change confirmation (the flaky "reads in Chinese" dashboard test).
 */
import { importCsv } from './call-files';
import { apiCall, expect, screenshot, switchToChinese, test } from './fixtures';

test('the open Settings form follows a change made elsewhere and saves only what the user changed', async ({
  appPage: page,
  app,
}) => {
  const zoneRequests: string[] = [];
  page.on('request', (r) => {
    if (/\/api\/zone\./.test(r.url())) zoneRequests.push(r.url());
  });
  await page.getByTestId('nav-settings').click();
  const before = await apiCall(page, 'settings.get', {});
  expect(before.timeZone).not.toBe('Asia/Shanghai');
  await expect(page.getByTestId('settings-timezone')).toHaveValue(before.timeZone);

  app.cli(['demo', '--agents', '4', '--days', '10', '--seed', '2']);
  // The live refresh (every 3 s) brings the demo's zone into the open form.
  await expect(page.getByTestId('settings-timezone')).toHaveValue('Asia/Shanghai', { timeout: 10_000 });

  await page.getByTestId('settings-language').selectOption('zh-CN');
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('nav-dashboard')).toHaveText(/数据看板/);
  await expect(page.getByTestId('settings-status')).toHaveAttribute('data-state', 'saved');
  expect(await apiCall(page, 'settings.get', {})).toMatchObject({
    timeZone: 'Asia/Shanghai',
    language: 'zh-CN',
  });
  expect(zoneRequests).toEqual([]);
});

// UTC instants; in Shanghai (+8 h) 16:00 UTC and later is the next day. Each agent's 12-04 holds a sale
// on a 5-second call (a "sale without talk" alert): Wang's calls stay on 12-04, Zhao's split 1 + 1.
const CALLS = [
  'call_id,agent_code,agent_name,started_at,phone,direction,disposition,ring_seconds,talk_seconds,outcome,sale_amount',
  'A1,8001,Wang,2026-12-04 02:00:00,13800000001,outbound,connected,5,5,sale,99',
  'A2,8001,Wang,2026-12-04 03:00:00,13800000002,outbound,no_answer,20,0,,',
  'B1,8003,Zhao,2026-12-04 10:00:00,13800000021,outbound,connected,5,5,sale,10',
  'B2,8003,Zhao,2026-12-04 20:00:00,13800000022,outbound,connected,5,6,sale,10',
];

test('the zone change confirmation says which acknowledged alerts will show again, in both languages', async ({
  appPage: page,
  app,
}) => {
  importCsv(app, 'calls.csv', CALLS, '--preset', 'callscope', '--tz', 'UTC');
  await page.reload();
  const agents = await apiCall(page, 'agents.list', {});
  for (const code of ['8001', '8003']) {
    const agent = agents.find((a) => a.code === code)!;
    await apiCall(page, 'targets.ack', { key: `2026-12-04:${agent.id}:salesWithoutTalk`, acked: true });
  }

  await page.getByTestId('nav-settings').click();
  await page.getByTestId('zone-search').fill('shanghai');
  await expect(page.getByTestId('settings-timezone')).toHaveValue('Asia/Shanghai');
  await page.getByTestId('settings-save').click();
  // Wang's alert stays on 12-04 and stays acknowledged; Zhao's day splits: it shows again.
  await expect(page.getByTestId('zone-moves')).toContainText('Acknowledged alerts that will show again: 1');
  await screenshot(page, 'zone-confirm-acks-en');
  await page.getByTestId('zone-confirm-cancel').click();

  await page.reload(); // the form forgets the zone it was about to save
  await switchToChinese(page);
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('zone-search').fill('shanghai');
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('zone-moves')).toContainText('1 条已处理的异常提醒将重新出现');
  await screenshot(page, 'zone-confirm-acks-zh-CN');
});
