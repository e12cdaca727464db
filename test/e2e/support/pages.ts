import type { Page } from 'playwright-core';
import type { DemoUser } from './demo-credentials.ts';

// Vietnamese is the default language, so the tests find controls by their Vietnamese names;
// that also checks the texts a citizen actually reads.
export const VI = {
  email: 'Email',
  password: 'Mật khẩu',
  signIn: 'Đăng nhập',
  signOut: 'Đăng xuất',
  signOutEverywhere: 'Đăng xuất trên mọi thiết bị',
  menu: 'Danh mục',
} as const;

/** Fills and submits the sign-in form on the current page. */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel(VI.email, { exact: true }).fill(email);
  await page.getByLabel(VI.password, { exact: true }).fill(password);
  await page.getByRole('main').getByRole('button', { name: VI.signIn }).click();
}

/** Opens /sign-in, signs in and waits for the console. */
export async function signIn(page: Page, baseUrl: string, user: DemoUser): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await submitSignIn(page, user.email, user.password);
  await page.waitForURL(`${baseUrl}/console`);
  await page.getByTestId('account-email').waitFor();
}

export async function textOf(page: Page, testId: string): Promise<string> {
  return ((await page.getByTestId(testId).textContent()) ?? '').trim();
}
