import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, launchBrowser } from './support/browser.ts';
import { DEMO_ROLES, type DemoRole } from './support/demo-credentials.ts';
import { VI, signIn, submitSignIn, textOf } from './support/pages.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { startServer, type RunningServer } from './support/server.ts';

const ROLE_LABELS_VI: Record<DemoRole, string> = {
  admin: 'Quản trị viên',
  supervisor: 'Giám sát viên',
  analyst: 'Chuyên viên phân tích',
  platform_operator: 'Nhân viên xử lý của nền tảng',
  partner_admin: 'Quản trị viên đối tác',
};

const ORGANIZATION_KIND_LABELS_VI: Record<DemoRole, string> = {
  admin: 'Cơ quan chức năng',
  supervisor: 'Cơ quan chức năng',
  analyst: 'Cơ quan chức năng',
  platform_operator: 'Nền tảng trực tuyến',
  partner_admin: 'Ngân hàng',
};

interface MeBody {
  user: { email: string; name: string; role: string; organization: { name: string; kind: string } };
}

describe('signing in and out', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: DESKTOP });
  });

  afterEach(async () => {
    await context.close();
  });

  it.each(DEMO_ROLES)('signs in as the demo %s and shows who they are', async (role) => {
    const user = server.users[role];
    const page = await context.newPage();
    await signIn(page, server.url, user);

    const me = (await (await page.request.get(`${server.url}/api/v1/auth/me`)).json()) as MeBody;
    expect(me.user.role).toBe(role);
    expect(await textOf(page, 'account-email')).toBe(user.email);
    expect(await textOf(page, 'account-name')).toBe(me.user.name);
    expect(await textOf(page, 'account-role')).toBe(ROLE_LABELS_VI[role]);
    expect(await textOf(page, 'account-organization')).toBe(me.user.organization.name);
    expect(await textOf(page, 'account-organization-kind')).toBe(ORGANIZATION_KIND_LABELS_VI[role]);
    if (role === 'analyst') {
      expect(me.user.organization.name).toBe('Trung tâm Canh Giác (demo)');
      await saveScreenshot(page, 'console');
    }
    if (role === 'platform_operator') expect(me.user.organization.name).toMatch(/meta|facebook/i);
    // The header greets the user and the console link is now offered.
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Bảng điều khiển' }).waitFor();
  });

  it('says in Vietnamese that the password is wrong, and stays on the form', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/sign-in`);
    await saveScreenshot(page, 'sign-in');
    await submitSignIn(page, server.users.analyst.email, 'not-the-password');

    const alert = page.getByTestId('sign-in-error');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Email hoặc mật khẩu không đúng');
    expect(page.url()).toBe(`${server.url}/sign-in`);
    // The password is cleared so the next attempt starts clean.
    expect(await page.getByLabel(VI.password, { exact: true }).inputValue()).toBe('');
  });

  it('asks for the email and password before sending anything', async () => {
    const page = await context.newPage();
    let requests = 0;
    page.on('request', (request) => {
      if (request.url().endsWith('/api/v1/auth/sign-in')) requests += 1;
    });
    await page.goto(`${server.url}/sign-in`);
    await page.getByRole('main').getByRole('button', { name: VI.signIn }).click();

    await page.getByText('Vui lòng nhập email.').waitFor();
    await page.getByText('Vui lòng nhập mật khẩu.').waitFor();
    expect(await page.getByLabel(VI.email, { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(requests).toBe(0);
  });

  it('explains throttling and network failures', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/sign-in`);

    // Provoking the real limiter would lock the demo account for the other tests, so the
    // browser answers the request the way the server does when throttling.
    await page.route('**/api/v1/auth/sign-in', (route) =>
      route.fulfill({
        status: 429,
        headers: { 'content-type': 'application/problem+json', 'retry-after': '120' },
        body: JSON.stringify({ type: '/problems/throttled', title: 'Too many requests', status: 429, detail: 'Slow down' }),
      }),
    );
    await submitSignIn(page, server.users.analyst.email, 'whatever');
    await page.getByText('Vui lòng đợi 2 phút rồi thử lại.').waitFor();

    await page.unroute('**/api/v1/auth/sign-in');
    await page.route('**/api/v1/auth/sign-in', (route) => route.abort('internetdisconnected'));
    await submitSignIn(page, server.users.analyst.email, 'whatever');
    await page.getByText('Không kết nối được tới máy chủ.', { exact: false }).waitFor();
  });

  it('sends a signed-out visitor of /console to sign-in and back after signing in', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/console`);
    await page.waitForURL(`${server.url}/sign-in?next=%2Fconsole`);

    const user = server.users.supervisor;
    await submitSignIn(page, user.email, user.password);
    await page.waitForURL(`${server.url}/console`);
    expect(await textOf(page, 'account-email')).toBe(user.email);
  });

  it('never follows ?next= off the site after signing in', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/sign-in?next=${encodeURIComponent('//evil.example/phish')}`);
    const user = server.users.analyst;
    await submitSignIn(page, user.email, user.password);
    await page.waitForURL(`${server.url}/console`);
  });

  it('signs out, and /console is closed again afterwards', async () => {
    const page = await context.newPage();
    await signIn(page, server.url, server.users.admin);

    await page.getByRole('main').getByRole('button', { name: VI.signOut, exact: true }).click();
    await page.waitForURL(`${server.url}/sign-in`);
    await page.getByText('Bạn đã đăng xuất.').waitFor();

    const me = await page.request.get(`${server.url}/api/v1/auth/me`);
    expect(me.status()).toBe(401);
    await page.goto(`${server.url}/console`);
    await page.waitForURL(`${server.url}/sign-in?next=%2Fconsole`);
  });

  it('signs out everywhere: another browser of the same user loses its session too', async () => {
    const user = server.users.partner_admin;
    const other = await browser.newContext({ viewport: DESKTOP });
    try {
      const otherPage = await other.newPage();
      await signIn(otherPage, server.url, user);

      const page = await context.newPage();
      await signIn(page, server.url, user);
      await page.getByRole('button', { name: VI.signOutEverywhere }).click();
      await page.waitForURL(`${server.url}/sign-in`);
      await page.getByText('Bạn đã đăng xuất trên tất cả các thiết bị.').waitFor();

      await otherPage.reload();
      await otherPage.waitForURL(`${server.url}/sign-in?next=%2Fconsole`);
    } finally {
      await other.close();
    }
  });

  it('works on a phone: sign in through the folded menu', async () => {
    const phone = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    try {
      const page = await phone.newPage();
      await page.goto(server.url);
      const signInLink = page.getByRole('link', { name: VI.signIn });
      expect(await signInLink.isVisible()).toBe(false);

      await page.getByRole('button', { name: VI.menu }).click();
      await signInLink.click();
      await page.waitForURL(`${server.url}/sign-in`);

      const user = server.users.platform_operator;
      await submitSignIn(page, user.email, user.password);
      await page.waitForURL(`${server.url}/console`);
      expect(await textOf(page, 'account-role')).toBe(ROLE_LABELS_VI.platform_operator);
      await saveScreenshot(page, 'console-mobile');
    } finally {
      await phone.close();
    }
  });
});
