// Opens the playground of a running example server in headless Chromium (Debian's, driven by
// playwright-core) and checks what a developer would see. Usage:
//   PLAYGROUND_URL=http://127.0.0.1:8080/toolwire/playground CHROMIUM=$(command -v chromium) node playground.test.mjs
// Prints "browser: N passed, M failed" and exits non-zero on any failure. Screenshots go to
// SCREENSHOT_DIR (default ../../target).
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const url = process.env.PLAYGROUND_URL || 'http://127.0.0.1:8080/toolwire/playground';
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const screenshots = process.env.SCREENSHOT_DIR || path.resolve(here, '../../target');
const wait = { timeout: 15000 };

let passed = 0;
let failed = 0;
async function check(name, body) {
  try {
    await body();
    passed++;
    console.log('ok   ' + name);
  } catch (e) {
    failed++;
    console.log('FAIL ' + name + ': ' + (e && e.message ? e.message.split('\n')[0] : e));
  }
}
function expect(condition, message) {
  if (!condition) throw new Error(message);
}

async function callLookup(page, phone) {
  await page.fill('#arg-phone_number', phone);
  await page.click('#call');
}

mkdirSync(screenshots, { recursive: true });
const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'], // launch() always starts from a new, empty profile
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (e) => console.log('page error: ' + e.message));
  await page.goto(url);

  await check('the tool list shows lookup_customer', async () => {
    await page.locator('#tool-list button[data-tool="lookup_customer"]').waitFor(wait);
    await page.click('#tool-list button[data-tool="lookup_customer"]');
    await page.locator('#arg-phone_number').waitFor(wait);
  });

  await check('a known number answers status 200', async () => {
    await callLookup(page, '+971501234567');
    await page.locator('#status[data-status="200"]').waitFor(wait);
  });

  await check('the call shows its timing in ms', async () => {
    const timing = await page.textContent('#timing');
    expect(/^\d+ ms$/.test(timing.trim()), 'timing was "' + timing + '"');
  });

  await check('the response shows Layla Haddad', async () => {
    const response = await page.textContent('#response');
    expect(response.includes('"Layla Haddad"'), 'response was ' + response);
  });

  await check('clicking a value shows its JSONPath', async () => {
    await page.click('#response .value[data-path="$.preferences.preferred_contact_time"]');
    const shown = (await page.textContent('#json-path')).trim();
    expect(shown === '$.preferences.preferred_contact_time', 'JSONPath shown was "' + shown + '"');
    await page.screenshot({ path: path.join(screenshots, 'playground.png'), fullPage: true });
  });

  await check('an unknown number answers 404 NOT_FOUND', async () => {
    await callLookup(page, '+15550000000');
    await page.locator('#status[data-status="404"]').waitFor(wait);
    const response = await page.textContent('#response');
    expect(response.includes('"NOT_FOUND"'), 'response was ' + response);
    await page.setViewportSize({ width: 420, height: 900 });
    await page.screenshot({ path: path.join(screenshots, 'playground-narrow.png'), fullPage: true });
  });
} catch (e) {
  failed++;
  console.log('FAIL the page could not be driven: ' + e.message);
} finally {
  await browser.close();
}

console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
