/**
 * Settings open while another process changes the workspace: the command line loads the demo into
 * the empty workspace, which sets the demo's zone (Asia/Shanghai). The open form must show the new
 * zone (live refresh) and saving a new language must send the language only — before, the form kept
 * a copy of every field from when it opened and sent the old zone back, so the save stopped at a
 * zone-change confirmation (the flaky "reads in Chinese" dashboard test).
 */
import { apiCall, expect, test } from './fixtures';

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
