import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, screenshot, startProduct, type Product } from './harness';

const INITIAL = 'Admin#Initial1';
const SYS_PASSWORD = 'Sys#Admin2026';
const AUDIT_PASSWORD = 'Aud#Admin2026';
const TOWN_INITIAL = 'Town#Start2026';
const TOWN_PASSWORD = 'Town#Mine2026';

let product: Product;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  product = await startProduct({ MINZHENG_ADMIN_PASSWORD: INITIAL });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
});
afterAll(async () => {
  await browser?.close();
  await product?.stop();
});

const menu = (id: string) => page.locator(`[data-testid="menu-${id}"]`);
/** The open (visible) dropdown of an antd Select or Cascader. */
const openDropdown = (kind: 'select' | 'cascader') => page.locator(`.ant-${kind}-dropdown:visible`);

async function login(username: string, password: string) {
  await page.goto(`${product.url}/login`);
  await page.waitForSelector('#username');
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('[data-testid="login-submit"]');
}

/** On the forced change-password page: no menu, the warning, then the form. */
async function expectForcedChange() {
  await page.waitForURL(/\/change-password$/);
  await page.locator('[data-testid="change-password-submit"]').waitFor();
  expect(await page.textContent('body')).toContain('请先修改密码');
  expect(await page.locator('.ant-menu').count()).toBe(0);
  expect(await page.locator('[data-testid="user-menu"]').count()).toBe(0);
}

async function changePassword(current: string, next: string) {
  await page.fill('#currentPassword', current);
  await page.fill('#newPassword', next);
  await page.fill('#confirm', next);
  await page.click('[data-testid="change-password-submit"]');
}

/** After a successful change: the shell with its menu and the user menu appear. */
async function expectShell() {
  await page.locator('[data-testid="user-menu"]').waitFor();
  await menu('home').waitFor();
  expect(new URL(page.url()).pathname).toBe('/');
}

async function logout() {
  await page.click('[data-testid="user-menu"]');
  await page.locator('.ant-dropdown:visible .ant-dropdown-menu-item', { hasText: '退出登录' }).click();
  await page.waitForURL(/\/login$/);
  await page.waitForSelector('#username');
}

async function pickRole(name: string) {
  await page.click('[data-testid="user-form"] #roles');
  await openDropdown('select').locator('.ant-select-item-option', { hasText: name }).first().click();
  await page.keyboard.press('Escape');
}

async function pickCascaderPath(field: Locator, names: string[]) {
  await field.click();
  const dropdown = openDropdown('cascader');
  for (const name of names) {
    await dropdown.locator('.ant-cascader-menu-item', { hasText: name }).first().click();
  }
  await page.keyboard.press('Escape');
}

// One product, one browser, four steps that build on each other (run in order).

it('sysadmin must change the initial password; weak ones are refused; then user management but no audit', async () => {
  await login('sysadmin', INITIAL);
  await expectForcedChange();
  await screenshot(page, 'admin-forced-change');

  await changePassword(INITIAL, 'abcdefgh');
  const newPasswordItem = page.locator('.ant-form-item', { has: page.locator('#newPassword') });
  await newPasswordItem.locator('.ant-form-item-explain-error').waitFor();
  expect(await newPasswordItem.textContent()).toContain('密码不符合复杂度要求');
  expect(new URL(page.url()).pathname).toBe('/change-password');
  await screenshot(page, 'admin-weak-password');

  // One that passes the page's check but not the server's (it contains the username): the server's reason shows.
  await changePassword(INITIAL, 'Sysadmin#2026');
  await expect.poll(() => newPasswordItem.textContent()).toContain('密码不能包含用户名');
  expect(new URL(page.url()).pathname).toBe('/change-password');

  await changePassword(INITIAL, SYS_PASSWORD);
  await expectShell();
  await menu('users').waitFor();
  expect(await menu('users').textContent()).toBe('用户管理');
  expect(await menu('audit').count()).toBe(0);
  expect(await menu('security').count()).toBe(0);
  const sysMenu = (await page.locator('.ant-menu').textContent()) ?? '';
  expect(sysMenu).not.toContain('审计日志');
  expect(sysMenu).not.toContain('安全管理');
});

it('sysadmin creates 张三 for 金陵街道; an administrator role next to a business role is refused', async () => {
  await menu('users').click();
  await page.locator('[data-testid="users-table"]').waitFor();
  await page.click('[data-testid="user-create"]');
  const form = page.locator('[data-testid="user-form"]');
  await form.waitFor();
  await form.locator('#username').fill('zhangsan');
  await form.locator('#displayName').fill('张三');
  await pickRole('乡镇（街道）工作人员');
  await pickRole('系统管理员');
  const scopeField = form.locator('.ant-form-item', { has: page.locator('#scopeCode') });
  await pickCascaderPath(scopeField.locator('.ant-cascader'), ['宝鸡市', '渭滨区', '金陵街道']);
  await expect.poll(() => scopeField.textContent()).toContain('宝鸡市 / 渭滨区 / 金陵街道');
  await form.locator('#initialPassword').fill(TOWN_INITIAL);
  await page.click('.ant-modal-footer .ant-btn-primary');

  const rolesItem = form.locator('.ant-form-item', { has: page.locator('#roles') });
  await rolesItem.locator('.ant-form-item-explain-error').waitFor();
  expect(await rolesItem.textContent()).toContain('三员分立');
  await page.waitForTimeout(300); // let the error finish sliding in
  await screenshot(page, 'admin-role-mix-refused');

  // Remove the administrator role again and save.
  await rolesItem
    .locator('.ant-select-selection-item', { hasText: '系统管理员' })
    .locator('.ant-select-selection-item-remove')
    .click();
  await page.click('.ant-modal-footer .ant-btn-primary');
  await form.waitFor({ state: 'hidden' });

  const table = page.locator('[data-testid="users-table"]');
  const row = table.locator('tr[data-row-key]', { hasText: 'zhangsan' });
  await row.waitFor();
  const rowText = (await row.textContent()) ?? '';
  expect(rowText).toContain('张三');
  expect(rowText).toContain('乡镇（街道）工作人员');
  expect(rowText).not.toContain('系统管理员');
  expect(rowText).toContain('金陵街道');
  expect(await row.locator('[data-testid="tag-must-change"]').textContent()).toBe('待改密码');
  await screenshot(page, 'admin-users');
  await logout();
});

it('auditadmin sees user.create by sysadmin in the audit log and verifies the chain', async () => {
  await login('auditadmin', INITIAL);
  await expectForcedChange();
  await changePassword(INITIAL, AUDIT_PASSWORD);
  await expectShell();
  await menu('audit').waitFor();
  expect(await menu('audit').textContent()).toBe('审计日志');
  expect(await menu('users').count()).toBe(0);
  expect(await menu('security').count()).toBe(0);

  await menu('audit').click();
  const audit = page.locator('[data-testid="audit-table"]');
  // sysadmin's creation of 张三 (in 金陵街道), not the start-up's creations by the system.
  const createRow = audit
    .locator('tr[data-row-key]', { hasText: 'user.create' })
    .filter({ has: page.locator('td', { hasText: /^sysadmin$/ }) })
    .filter({ hasText: '610302001000' });
  await createRow.first().waitFor();
  expect(await createRow.count()).toBe(1);
  expect(await createRow.first().textContent()).toContain('成功');

  await page.click('[data-testid="audit-verify"]');
  const verifyJob = page.locator('[data-testid="audit-verify-job"]');
  await verifyJob.locator('[data-status="succeeded"]').waitFor({ timeout: 20_000 });
  const verifyText = (await verifyJob.textContent()) ?? '';
  expect(verifyText).toContain('已完成');
  expect(verifyText).toMatch(/审计链完整：已校验 \d+ 条记录/);
  await screenshot(page, 'admin-audit-verified');

  // The same job in 任务.
  await menu('jobs').click();
  const jobs = page.locator('[data-testid="jobs-table"]');
  const jobRow = jobs.locator('tr[data-row-key]', { hasText: '审计链校验' }).first();
  await jobRow.locator('[data-status="succeeded"]').waitFor();
  await logout();
});

it('zhangsan changes the initial password and sees only 金陵街道 and its communities', async () => {
  await login('zhangsan', TOWN_INITIAL);
  await expectForcedChange();
  await changePassword(TOWN_INITIAL, TOWN_PASSWORD);
  await expectShell();
  expect(await page.textContent('[data-testid="user-menu"]')).toContain('张三');
  expect(await menu('users').count()).toBe(0);
  expect(await menu('audit').count()).toBe(0);
  expect(await menu('regions').textContent()).toBe('区划');
  await menu('regions').click();
  const children = page.locator('[data-testid="region-children"]');
  await children.locator('tr[data-row-key="610302001001"]').waitFor();
  const childCodes = await children
    .locator('tr[data-row-key]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row-key')));
  expect(childCodes.length).toBeGreaterThan(0);
  for (const code of childCodes) expect(code).toMatch(/^610302001\d{3}$/);
  expect(await children.textContent()).not.toMatch(/610302002\d{3}/);
  expect(await page.textContent('[data-testid="region-picker"]')).toContain('金陵街道');

  // The header picker offers 金陵街道 as its top, nothing above or beside it.
  await page.click('[data-testid="region-picker"]');
  const top = openDropdown('cascader').locator('.ant-cascader-menu').first();
  await top.locator('.ant-cascader-menu-item').first().waitFor();
  // The menu may re-render once its options load: wait for the settled list rather than read it once.
  await expect
    .poll(() => top.locator('.ant-cascader-menu-item').allTextContents(), { timeout: 10_000 })
    .toEqual(['金陵街道']);
  await screenshot(page, 'admin-township-regions');
  await page.keyboard.press('Escape');

  // The API agrees: a sibling township is out of reach.
  const status = await page.evaluate(
    async () => (await fetch('/api/v1/regions/610302002000/children')).status,
  );
  expect(status).toBe(404);
});
