import { chromium } from '@playwright/test';
const base = 'http://127.0.0.1:4810';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--headless','--disable-gpu'] });
const page = await browser.newPage();
for (const path of process.argv.slice(2)) {
  await page.goto(base + path);
  await page.waitForLoadState('networkidle');
  console.log('=====', path, page.url());
  console.log(await page.locator('body').ariaSnapshot());
}
await browser.close();
