// End-to-end: the release build (dist/) served on localhost, opened in
// Debian's Chromium. The front page must render the default dataset, pass
// axe-core with no violation and log no console error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, open, axe, screenshot } from './browser.mjs';

const site = useSite();

/** Opens the front page and waits until its widget has rendered its data. */
async function frontPage(options) {
  const { page, errors } = await open(site.browser.context, `${site.server.url}/`, options);
  await page.waitForSelector('#widget[data-ms-state="ready"]', { timeout: 30_000 });
  return { page, errors };
}

test('front page shows Azerbaijan at Paris 2024 from the default data', async () => {
  const { page, errors } = await frontPage();
  const card = page.locator('#widget .ms-card');
  await card.waitFor();
  const text = (await card.innerText()).replace(/\s+/g, ' ');
  assert.match(text, /Azerbaijan/);
  assert.match(text, /Paris 2024/);
  // The tally as the card shows it: gold, silver, bronze, total.
  const counts = await page.locator('#widget .ms-tally .ms-count').allInnerTexts();
  assert.deepEqual(counts.map((c) => c.trim()), ['2', '2', '3', '7']);
  assert.match(text, /=30/);
  assert.deepEqual(errors, []);
  await page.close();
});

for (const colorScheme of ['light', 'dark']) {
  test(`front page has no axe-core violation (${colorScheme})`, async () => {
    const { page, errors } = await frontPage({ colorScheme });
    const violations = await axe(page);
    assert.deepEqual(violations, []);
    await screenshot(page, `front-${colorScheme}`);
    assert.deepEqual(errors, []);
    await page.close();
  });
}
