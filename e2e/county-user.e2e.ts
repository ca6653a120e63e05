import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, startProduct, type Product } from './harness';

let product: Product;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  product = await startProduct();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
});
afterAll(async () => {
  await browser?.close();
  await product?.stop();
});

it('a county user logs in in Chinese, switches to English and sees only the county', async () => {
  await page.goto(product.url);
  await page.waitForSelector('#username');
  // Chinese by default: the login page speaks Chinese.
  expect(await page.textContent('body')).toContain('登录');
  await page.fill('#username', 'county');
  await page.fill('#password', 'Demo@2026');
  await page.click('[data-testid="login-submit"]');
  await page.waitForSelector('[data-testid="home-identity"]');
  expect(await page.textContent('[data-testid="home-identity"]')).toContain('渭滨区');
  // The menu shows only what a county user may use: no user management, security or audit.
  expect(await page.locator('[data-testid="menu-regions"]').count()).toBe(1);
  expect(await page.locator('[data-testid="menu-users"]').count()).toBe(0);
  expect(await page.locator('[data-testid="menu-audit"]').count()).toBe(0);
  expect(await page.locator('[data-testid="menu-security"]').count()).toBe(0);
  await screenshot(page, 'county-home-zh');

  await page.locator('[data-testid="lang-switch"]').getByText('English').click();
  await page.waitForFunction(() => document.body.innerText.includes('Divisions'));

  await page.click('[data-testid="menu-regions"]');
  const table = page.locator('[data-testid="region-children"]');
  await table.locator('tr[data-row-key="610302001000"]').waitFor();
  await page.waitForFunction(() => {
    const t = document.querySelector('[data-testid="region-children"]');
    return t !== null && t.textContent!.includes('金陵街道');
  });
  const text = (await table.textContent()) ?? '';
  // 渭滨区's townships and streets, and nothing of 金台区 (610303) or 陈仓区 (610304).
  expect(text).toContain('610302001000');
  expect(text).not.toMatch(/61030[3-9]\d{6}/);
  expect(text).not.toContain('金台区');
  // English UI: the level column speaks English.
  expect(await page.textContent('body')).toMatch(/Township|Street/);
  await screenshot(page, 'county-regions-en');

  // The API refuses what the UI does not show: another county is "not found".
  const status = await page.evaluate(
    async () => (await fetch('/api/v1/regions/610304000000/children')).status,
  );
  expect(status).toBe(404);
});
