/**
 * A file that cannot be imported, said in Chinese on the Import page of a Chinese UI: an empty
 * file (the preview fails: the file error in Chinese), and a file with no column a call log needs
 * (the preview says what it understood of the file, in Chinese). Screenshots at 1366×768.
 */
import { expect, screenshot, switchToChinese, test } from './fixtures';

// Two columns of plain text, header-less by content: nothing is a start time.
const NOTES = 'Name,Note\nAlice,call back later\nBob,no answer today\nCarol,left a message\n';

test('an empty file and a file with no usable columns: the Import page says why in Chinese', async ({
  appPage: page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await switchToChinese(page);
  await page.getByTestId('nav-import').click();
  await page
    .getByTestId('import-file')
    .setInputFiles({ name: '空文件.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
  const preview = page.getByTestId('preview');
  await expect(preview).toHaveAttribute('data-state', 'error');
  await expect(preview.getByRole('alert')).toHaveText('!出错了：空文件.csv：文件是空的，没有任何内容重试');
  await screenshot(page, 'import-error-empty-zh-CN');

  await page.getByTestId('import-file').setInputFiles({
    name: 'notes.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(NOTES),
  });
  await expect(preview).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('preview-problem')).toHaveText(
    'notes.csv：已按文本文件（utf-8，","分隔）读取，共 2 列，没有表头（第 1 列：姓名或文字、第 2 列：姓名或文字），但找不到开始时间（日期和时间）所在的列。请在列映射中指定对应的列，或确认这是一份通话记录',
  );
  await expect(page.getByTestId('import-start')).toBeDisabled();
  await screenshot(page, 'import-error-no-columns-zh-CN');
});
