/**
 * Behaviour ratings end to end on a generated workspace: the lead rates agents from the keyboard,
 * a self-rating and two peers' ratings show beside the lead's, a training logged for two agents
 * shows beside their learning rating, and a weight on a rating re-ranks the month in the what-if
 * editor and, once saved, in the stored profile. The campaign picker keeps a campaign's own profile.
 * Screenshots in both languages and themes at 1366 and 1920.
 */
import { addMonthsTo, monthOf } from '../../src-shared/targets-calendar';
import { expect, holdBackNext, screenshot, test } from './fixtures';
import { inEachLook, openRaw } from './raw-db';
import { rankingOrder } from './targets-ranking';

test('rate agents, log a training, weigh the ratings and see the ranking change', async ({
  app,
  appPage: page,
}) => {
  test.setTimeout(240_000);
  app.cli(['demo', '--agents', '8', '--days', '100']);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${app.url}#/targets`);
  await page.reload();
  // Last month: complete, with history before it for the suggestions.
  const db = openRaw(app.db);
  const lastDay = db.prepare('SELECT max(day) FROM calls').pluck().get() as string;
  const month = addMonthsTo(monthOf(lastDay), -1);
  await page.getByTestId('targets-month').fill(month);

  // Targets from suggestions, so the KPIs score.
  await page.getByTestId('plan-fill').click();
  await page.getByTestId('plan-save').click();
  await expect(page.locator('.targets-status')).toHaveText(/Saved/);

  // The ranking on KPIs alone.
  await page.getByTestId('targets-tab-scoring').click();
  const before = await rankingOrder(page);
  expect(before.length).toBe(8);

  // The lead rates professionalism against that ranking (the best gets 1, the worst 5), typing a
  // digit and Enter to move down; reasons by Tab.
  await page.getByTestId('targets-tab-ratings').click();
  const grid = page.getByTestId('ratings-table');
  await expect(grid.locator('tbody tr')).toHaveCount(8);
  const rowOrder = await grid
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-agent-id') ?? ''));
  const ratingOf = (agentId: string) => Math.min(5, 1 + Math.floor((before.indexOf(agentId) * 5) / 8));
  await page.getByTestId(`rating-${rowOrder[0]}-professionalism`).focus();
  for (const agentId of rowOrder) {
    await page.keyboard.type(String(ratingOf(agentId)));
    await page.keyboard.press('Enter');
  }
  for (const agentId of rowOrder.slice(0, 3)) {
    await page.getByTestId(`rating-${agentId}-professionalism`).focus();
    await page.keyboard.press('Tab');
    await page.keyboard.type('Knows the plans; quotes prices right');
  }
  await page.getByTestId(`rating-${rowOrder[0]}-learning`).fill('4');
  await expect(page.getByTestId('ratings-status')).toHaveText(/9 unsaved · 6 without a reason/);
  // A 7 is not a rating: saving waits.
  await page.getByTestId(`rating-${rowOrder[1]}-attitude`).fill('7');
  await expect(page.getByTestId('ratings-save')).toBeDisabled();
  await page.getByTestId(`rating-${rowOrder[1]}-attitude`).fill('');
  await page.getByTestId('ratings-save').click();
  await expect(page.getByTestId('ratings-status')).toHaveText(/8 of 8 agents rated by the lead/);
  const stored = db
    .prepare(
      "SELECT agent_id AS agentId, score, reason FROM behaviour_ratings WHERE month = ? AND rater_kind = 'lead' AND dimension = 'professionalism'",
    )
    .all(month) as { agentId: number; score: number; reason: string }[];
  expect(stored).toHaveLength(8);
  for (const r of stored) expect(r.score).toBe(ratingOf(String(r.agentId)));
  expect(stored.find((r) => String(r.agentId) === rowOrder[0])!.reason).toBe(
    'Knows the plans; quotes prices right',
  );

  // A self-rating and two peers' ratings of the first agent, then side by side in the lead's grid.
  const [rated, peerA, peerB] = rowOrder as [string, string, string];
  await page.getByTestId('ratings-kind-self').click();
  await page.getByTestId(`rating-${rated}-professionalism`).fill('5');
  // The month re-read after this save arrives late (as on a loaded machine), while the first peer's
  // score is being typed: the self-rating it brings must not wipe that score.
  const reread = await holdBackNext(page, 'ratings.month');
  await page.getByTestId('ratings-save').click();
  await page.getByTestId('ratings-kind-peer').click();
  for (const [peer, score] of [
    [peerA, '3'],
    [peerB, '4'],
  ] as const) {
    await page.getByTestId('ratings-peer').selectOption(peer);
    await expect(page.getByTestId(`rating-${peer}-professionalism`)).toHaveCount(0); // no rating of oneself
    await page.getByTestId(`rating-${rated}-professionalism`).fill(score);
    if (peer === peerA) {
      await reread.arrived;
      await expect(page.getByTestId(`others-self-${rated}-professionalism`)).toHaveText('self 5');
      await expect(page.getByTestId(`rating-${rated}-professionalism`)).toHaveValue(score);
    }
    await page.getByTestId('ratings-save').click();
    await expect(page.getByTestId('ratings-status')).toHaveText(/rated by the lead/);
  }
  await page.getByTestId('ratings-kind-lead').click();
  await expect(page.getByTestId(`others-self-${rated}-professionalism`)).toHaveText('self 5');
  await expect(page.getByTestId(`others-peer-${rated}-professionalism`)).toHaveText('peers 3.5 (2)');

  // A training for two agents shows beside their learning rating.
  await page.getByTestId('training-topic').fill('Handling price objections');
  await page.getByTestId('training-hours').fill('1.5');
  await page.getByTestId(`attendee-${rated}`).check();
  await page.getByTestId(`attendee-${peerA}`).check();
  await page.getByTestId('training-save').click();
  await expect(page.getByTestId('training-table').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId(`trainings-${rated}`)).toHaveText(
    'Trainings: 1 · 1.5 h: Handling price objections',
  );
  await expect(page.getByTestId(`trainings-${peerB}`)).toHaveCount(0);
  expect(db.prepare('SELECT count(*) FROM training_attendees').pluck().get()).toBe(2);
  await page.getByTestId('ratings-table').scrollIntoViewIfNeeded();
  await screenshot(page, 'ratings-grid-en-light-1366');
  await page.getByTestId('training-panel').scrollIntoViewIfNeeded();
  await screenshot(page, 'ratings-training-en-light-1366');

  // A weight on professionalism re-ranks the month before anything is saved, and the breakdown says so.
  await page.getByTestId('targets-tab-scoring').click();
  await expect.poll(() => rankingOrder(page)).toEqual(before);
  await page.getByTestId('weight-professionalism').fill('300');
  await expect.poll(() => rankingOrder(page), { timeout: 15_000 }).not.toEqual(before);
  const after = await rankingOrder(page);
  // The worst on KPIs, rated 5, climbs; the best, rated 1, falls.
  expect(after.indexOf(before[7]!)).toBeLessThan(7);
  expect(after.indexOf(before[0]!)).toBeGreaterThan(0);
  await expect(page.locator('.breakdown-legend')).toContainText('Professionalism (rating)');
  await expect(page.locator('.rank-move').first()).toBeVisible();
  await page.getByTestId('scoring-ranking').scrollIntoViewIfNeeded();
  await screenshot(page, 'ratings-whatif-en-light-1366');
  await page.getByTestId('profile-save').click();
  await expect(page.getByTestId('profile-save')).toBeDisabled();
  const profile = JSON.parse(
    db.prepare("SELECT value FROM targets_config WHERE key = 'profile'").pluck().get() as string,
  ) as { ratingWeights: Record<string, number> };
  expect(profile.ratingWeights.professionalism).toBe(300);

  // A campaign's own profile: picked, saved apart, marked, dropped back to the default.
  const campaign = db.prepare('SELECT id, name FROM campaigns ORDER BY id LIMIT 1').get() as {
    id: number;
    name: string;
  };
  await page.getByTestId('scoring-campaign').selectOption(String(campaign.id));
  await expect(page.getByTestId('scoring-campaign-note')).toContainText('no profile of its own');
  await expect(page.getByTestId('weight-professionalism')).toHaveValue('300');
  await page.getByTestId('weight-professionalism').fill('0');
  await page.getByTestId('profile-save').click();
  await expect(page.getByTestId('scoring-campaign-note')).toContainText('only its calls count');
  await expect(page.getByTestId('scoring-campaign').locator('option:checked')).toHaveText(
    `${campaign.name} (own profile)`,
  );
  expect(
    db
      .prepare('SELECT count(*) FROM targets_config WHERE key = ?')
      .pluck()
      .get(`profile:campaign:${campaign.id}`),
  ).toBe(1);
  await screenshot(page, 'ratings-campaign-en-light-1366');
  // Coming back to the campaign from the default, its own profile arrives late (as on a loaded
  // machine): a weight typed meanwhile goes into the campaign's profile, not into the default's
  // weights still on screen, to be wiped when the campaign's arrive.
  await page.getByTestId('scoring-campaign').selectOption('');
  await expect(page.getByTestId('weight-professionalism')).toHaveValue('300');
  const campaignProfile = await holdBackNext(page, 'targets.profile');
  await page.getByTestId('scoring-campaign').selectOption(String(campaign.id));
  await page.getByTestId('weight-professionalism').fill('50');
  await campaignProfile.arrived;
  await expect(page.getByTestId('scoring-campaign-note')).toContainText('only its calls count');
  await expect(page.getByTestId('weight-professionalism')).toHaveValue('50');
  await expect(page.getByTestId('profile-save')).toBeEnabled();
  await page.getByTestId('profile-drop').click();
  await expect(page.getByTestId('scoring-campaign-note')).toContainText('no profile of its own');
  await expect(page.getByTestId('weight-professionalism')).toHaveValue('300');
  await page.getByTestId('scoring-campaign').selectOption('');
  await expect(page.getByTestId('scoring-campaign-note')).toHaveCount(0);
  db.close();

  // Both languages and themes, both sizes.
  await inEachLook(page, '#/targets', async (tag) => {
    await page.getByTestId('targets-month').fill(month);
    await page.getByTestId('targets-tab-ratings').click();
    await expect(page.getByTestId('ratings-table')).toBeVisible();
    await screenshot(page, `ratings-grid-${tag}`);
    await page.getByTestId('training-panel').scrollIntoViewIfNeeded();
    await screenshot(page, `ratings-training-${tag}`);
    await page.getByTestId('targets-tab-scoring').click();
    await expect(page.getByTestId('ranking-table')).toBeVisible();
    await screenshot(page, `ratings-scoring-${tag}`);
  });
});
