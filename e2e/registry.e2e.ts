import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, startProduct, type Product } from './harness';

/**
 * The registry pages as a township worker sees them, in Chinese. The data is made through the API first;
 * the product may seed a demo population of its own, so the test finds its people by their ids (table rows
 * carry `data-row-key`), never by counting rows or by names alone.
 */

const PASSWORD = 'Demo@2026';
/** A community of 金陵街道, within the township user's scope. */
const VILLAGE = '610302001003';

let product: Product;
let browser: Browser;
let page: Page;
let token = '';

interface Created {
  id: string;
  name: string;
  idNumber: string;
}
const people: Record<'zhang' | 'zhang2' | 'wife' | 'son' | 'daughter' | 'mother', Created> = {} as never;
let householdId = '';

/** GB 11643 check character of the first 17 characters. */
function withCheck(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * weights[i]!;
  return first17 + '10X98765432'[sum % 11]!;
}

const masked = (id: string) => `${id.slice(0, 6)}********${id.slice(14)}`;

async function api<T>(method: string, url: string, body?: unknown): Promise<T> {
  const response = await fetch(`${product.url}/api/v1${url}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

async function createPerson(name: string, first17: string, extra: Record<string, unknown> = {}) {
  const idNumber = withCheck(first17);
  const p = await api<{ id: string }>('POST', '/persons', {
    idNumber,
    name,
    hukouRegionCode: VILLAGE,
    ...extra,
  });
  return { id: p.id, name, idNumber };
}

beforeAll(async () => {
  product = await startProduct();
  const login = await fetch(`${product.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'township', password: PASSWORD }),
  });
  expect(login.status).toBe(200);
  token = ((await login.json()) as { token: string }).token;

  // Address code 610322 (the former 凤翔县, kept for life in old numbers) and unusual birth dates make
  // these numbers unlikely to meet any seeded ones; the test still tells its people apart by id only.
  people.zhang = await createPerson('张三', '61032219870707931', { phone: '13912345678' });
  people.zhang2 = await createPerson('章三', '61032219870707953');
  people.wife = await createPerson('李秀兰', '61032219880808962', { disabilityCategory: '4' });
  people.son = await createPerson('张小军', '61032220120909971');
  people.daughter = await createPerson('张小红', '61032220151010982', { seriousIllness: true });
  people.mother = await createPerson('王桂芝', '61032219600606940');
  const household = await api<{ id: string; version: number }>('POST', '/households', {
    headPersonId: people.zhang.id,
    address: '金陵街道金渭路 8 号 2 单元 301',
    regionCode: VILLAGE,
    urbanRural: 'urban',
    members: [
      { personId: people.wife.id, relation: '10' },
      { personId: people.son.id, relation: '20' },
      { personId: people.daughter.id, relation: '30' },
      { personId: people.mother.id, relation: '50', joinedOn: '2019-04-01', reason: '投靠' },
    ],
  });
  householdId = household.id;
  // The mother moved out: she stays in the member history, greyed, with her leaving date.
  await api('POST', `/households/${householdId}/members/${people.mother.id}/leave`, {
    leftOn: '2024-03-15',
    reason: '迁出',
    version: household.version,
  });

  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
});

afterAll(async () => {
  await browser?.close();
  await product?.stop();
});

/** Loads more pages of the people table until the person's row shows (or there is nothing more). */
async function findRow(personId: string) {
  const row = page.locator(`[data-testid="persons-table"] tr[data-row-key="${personId}"]`);
  for (;;) {
    if ((await row.count()) > 0) return row;
    const more = page.locator('[data-testid="load-more"]');
    if ((await more.count()) === 0) {
      await row.waitFor({ timeout: 5_000 });
      return row;
    }
    await more.click();
    await page.waitForTimeout(300);
  }
}

it('lists and searches people with masked ID numbers, never the plain ones', async () => {
  // The API itself sends masked values only.
  const listed = await fetch(`${product.url}/api/v1/persons?q=zhangsan`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const raw = await listed.text();
  expect(raw).toContain(masked(people.zhang.idNumber));
  expect(raw).not.toContain(people.zhang.idNumber);
  expect(raw).not.toContain('13912345678');

  await page.goto(`${product.url}/login`);
  await page.waitForSelector('#username');
  await page.fill('#username', 'township');
  await page.fill('#password', PASSWORD);
  await page.click('[data-testid="login-submit"]');
  await page.waitForSelector('[data-testid="home-identity"]');

  await page.click('[data-testid="menu-people"]');
  await page.waitForURL(/\/people$/);
  await page.locator('[data-testid="persons-table"]').waitFor();
  expect(await page.getAttribute('[data-testid="person-search"] input', 'placeholder')).toBe(
    '公民身份号码、姓名或拼音',
  );

  // Pinyin finds both 张三 and 章三.
  await page.fill('[data-testid="person-search"] input', 'zhangsan');
  await page.keyboard.press('Enter');
  const zhang = await findRow(people.zhang.id);
  const zhang2 = await findRow(people.zhang2.id);
  expect(await zhang.textContent()).toContain('张三');
  expect(await zhang.textContent()).toContain('zhangsan');
  expect(await zhang.textContent()).toContain(masked(people.zhang.idNumber));
  expect(await zhang.textContent()).toContain('男');
  expect(await zhang2.textContent()).toContain('章三');
  expect(await zhang2.textContent()).toContain(masked(people.zhang2.idNumber));
  // Names not matching the pinyin are not listed.
  expect(await page.locator(`tr[data-row-key="${people.wife.id}"]`).count()).toBe(0);
  const body = (await page.textContent('body')) ?? '';
  expect(body).not.toContain(people.zhang.idNumber);
  await screenshot(page, 'registry-people-zh');

  // A name prefix finds the children, with their status tags.
  await page.fill('[data-testid="person-search"] input', '张小');
  await page.keyboard.press('Enter');
  const daughter = await findRow(people.daughter.id);
  expect(await daughter.textContent()).toContain('重病');
});

it('shows a person with masked values and reveals the ID number for a reason, on the record', async () => {
  await page.goto(`${product.url}/people`);
  await page.fill('[data-testid="person-search"] input', 'zhangsan');
  await page.keyboard.press('Enter');
  const row = await findRow(people.zhang.id);
  await row.locator('[data-testid="person-link"]').click();
  await page.waitForURL(new RegExp(`/people/${people.zhang.id}$`));
  await page.locator('[data-testid="person-detail"]').waitFor();

  expect(await page.textContent('[data-testid="person-name"]')).toBe('张三');
  expect(await page.textContent('[data-testid="idNumber-masked"]')).toBe(masked(people.zhang.idNumber));
  expect(await page.textContent('[data-testid="phone-masked"]')).toBe('139****5678');
  const detail = (await page.textContent('[data-testid="person-detail"]')) ?? '';
  expect(detail).not.toContain(people.zhang.idNumber);
  expect(detail).toContain('1987-07-07');
  expect(detail).toContain('记入审计日志');
  // No programme module reports this person yet.
  const noProgrammes = page.locator('[data-testid="person-programmes"]', {
    hasText: '暂无参与的救助或服务项目',
  });
  await noProgrammes.waitFor();
  await screenshot(page, 'registry-person-zh');

  // 显示 asks for a reason first, then shows the value and says the viewing is recorded.
  await page.click('[data-testid="reveal-idNumber"]');
  await page.locator('[data-testid="reveal-reason"]').waitFor();
  expect(await page.locator('.ant-modal:visible').textContent()).toContain('审计日志');
  await page.click('[data-testid="reveal-submit"]');
  await page.locator('.ant-modal:visible .ant-form-item-explain-error').waitFor();
  await page.fill('[data-testid="reveal-reason"]', '核对低保申请人身份');
  await page.click('[data-testid="reveal-submit"]');
  const value = page.locator('[data-testid="revealed-value"]');
  await value.waitFor();
  expect((await value.textContent())?.trim()).toBe(people.zhang.idNumber);
  expect(await page.textContent('[data-testid="reveal-recorded"]')).toContain('已记入审计日志');
  await screenshot(page, 'registry-reveal-zh');
  await page.click('[data-testid="reveal-close"]');
  await value.waitFor({ state: 'detached' });
  expect((await page.textContent('[data-testid="person-detail"]')) ?? '').not.toContain(
    people.zhang.idNumber,
  );
});

it("opens the person's household: members with relation names, the former one greyed", async () => {
  await page.click('[data-testid="person-household-link"]');
  await page.waitForURL(new RegExp(`/households/${householdId}$`));
  const table = page.locator('[data-testid="household-members"]');
  await table.locator('tbody tr.ant-table-row').first().waitFor();

  const rowOf = (p: Created) => table.locator(`tr[data-row-key^="${p.id}"]`);
  const expectations: [Created, string][] = [
    [people.zhang, '户主'],
    [people.wife, '配偶'],
    [people.son, '子'],
    [people.daughter, '女'],
    [people.mother, '父母'],
  ];
  for (const [person, relation] of expectations) {
    const text = (await rowOf(person).textContent()) ?? '';
    expect(text).toContain(person.name);
    expect(text).toContain(masked(person.idNumber));
    expect(await rowOf(person).locator('[data-testid="member-relation-name"]').textContent()).toContain(
      relation,
    );
  }
  // The mother left: greyed, with the date and reason she left.
  expect(await rowOf(people.mother).getAttribute('class')).toContain('mz-former-member');
  const mother = (await rowOf(people.mother).textContent()) ?? '';
  expect(mother).toContain('2024-03-15');
  expect(mother).toContain('迁出');
  expect(mother).toContain('已离户');
  expect(await rowOf(people.wife).getAttribute('class')).not.toContain('mz-former-member');
  const detail = (await page.textContent('[data-testid="household-detail"]')) ?? '';
  expect(detail).toContain('张三');
  expect(detail).toContain('金渭路 8 号');
  expect(detail).toContain('现有 4 人，已离户 1 人');
  await screenshot(page, 'registry-household-zh');
});

/** The downloaded template with rows added under its header row, found by the column names. */
async function fillTemplate(template: string, rows: Record<string, string>[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(template);
  const sheet = wb.worksheets[0]!;
  let headerRow = 0;
  const columns = new Map<string, number>();
  for (let r = 1; r <= 3 && headerRow === 0; r++) {
    sheet.getRow(r).eachCell((cell, col) => {
      columns.set(String(cell.value ?? '').trim(), col);
    });
    if (columns.has('姓名')) headerRow = r;
    else columns.clear();
  }
  if (headerRow === 0) throw new Error('the import template has no 姓名 column in its first rows');
  let at = Math.max(sheet.actualRowCount, headerRow) + 1;
  for (const row of rows) {
    for (const [header, value] of Object.entries(row)) {
      const col = columns.get(header);
      if (!col) throw new Error(`the import template has no column ${header}`);
      sheet.getRow(at).getCell(col).value = value;
    }
    at++;
  }
  const filled = path.join(path.dirname(template), 'filled.xlsx');
  await wb.xlsx.writeFile(filled);
  return filled;
}

it('imports through the wizard (with the error workbook) and exports the list', async (ctx) => {
  const template = await fetch(`${product.url}/api/v1/persons/import/template`, {
    headers: { authorization: `Bearer ${token}` },
  });
  // Built by another change; until it is there, this part of the page has nothing to talk to.
  if (template.status === 404) ctx.skip();

  await page.goto(`${product.url}/people`);
  await page.locator('[data-testid="persons-table"]').waitFor();
  const exported = page.waitForEvent('download');
  await page.click('[data-testid="person-export"]');
  expect((await exported).suggestedFilename()).toMatch(/\.xlsx$/);

  await page.click('[data-testid="person-import"]');
  const templateDownload = page.waitForEvent('download');
  await page.click('[data-testid="import-template"]');
  const templateFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mz-import-')), 'template.xlsx');
  await (await templateDownload).saveAs(templateFile);
  const good = withCheck('61032219770303995');
  const wrongCheck = withCheck('61032219770303986');
  const bad = wrongCheck.slice(0, 17) + (wrongCheck[17] === '0' ? '1' : '0');
  const file = await fillTemplate(templateFile, [
    { 姓名: '欧阳导一', 公民身份号码: good, 户籍地区划代码: VILLAGE },
    { 姓名: '欧阳导二', 公民身份号码: bad, 户籍地区划代码: VILLAGE },
  ]);
  await page.click('[data-testid="import-next"]');
  await page.setInputFiles('[data-testid="import-upload"] input[type="file"]', file);
  await page.click('[data-testid="import-start"]');
  await page.locator('[data-testid="import-progress"]').waitFor();
  await page.locator('[data-testid="import-result"]').waitFor({ timeout: 60_000 });
  expect(await page.textContent('[data-testid="import-progress"] [data-status]')).toContain('已完成');
  expect(await page.textContent('[data-testid="import-result"] [data-count="created"]')).toContain('1');
  expect(await page.textContent('[data-testid="import-result"] [data-count="failed"]')).toContain('1');
  await screenshot(page, 'registry-import-zh');
  const errors = page.waitForEvent('download');
  await page.click('[data-testid="import-errors"]');
  expect((await errors).suggestedFilename()).toMatch(/\.xlsx$/);
  await page.click('[data-testid="import-close"]');

  // The imported person is in the list.
  const found = await api<{ items: { id: string }[] }>('GET', `/persons?q=${good}`);
  expect(found.items).toHaveLength(1);
  await page.fill('[data-testid="person-search"] input', '欧阳导');
  await page.keyboard.press('Enter');
  expect(await (await findRow(found.items[0]!.id)).textContent()).toContain('欧阳导一');
});
