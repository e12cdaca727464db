import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, launchBrowser } from './support/browser.ts';
import { signIn } from './support/pages.ts';
import { seriousAxeViolations } from './support/portal.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { startServer, type RunningServer } from './support/server.ts';

// The demo campaign running now (content/campaigns/mua-sam-tet-an-toan.yaml, seeded on a new database).
const SLUG = 'mua-sam-tet-an-toan';
const FIGURES = ['views', 'quizStarts', 'quizCompletions', 'shares', 'lookups'] as const;
type Totals = Record<(typeof FIGURES)[number], number>;

interface QuizItem {
  id: string;
  answer: 'scam' | 'legit';
  signs: string[];
  explanation: string;
  articleSlug?: string;
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(0, 8).equals(signature)).toBe(true);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function metaContent(html: string, property: string): string | null {
  const match = new RegExp(`<meta[^>]+property="${property}"[^>]+content="([^"]*)"`).exec(html);
  return match?.[1]?.replace(/&amp;/g, '&') ?? null;
}

const digits = (text: string | null) => Number((text ?? '').replace(/\D/g, ''));

describe('awareness campaigns: landing page, quiz, shared result and figures', () => {
  let server: RunningServer;
  let browser: Browser;
  let quiz: QuizItem[];
  let campaignId: string;
  let before: Totals;

  async function readTotals(page: Page): Promise<Totals> {
    await page.goto(`${server.url}/console/campaigns/${campaignId}/figures`);
    await page.getByTestId('campaign-totals').waitFor();
    const totals = {} as Totals;
    for (const key of FIGURES) totals[key] = digits(await page.getByTestId(`total-${key}`).textContent());
    return totals;
  }

  async function supervisorPage(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    await signIn(page, server.url, server.users.supervisor);
    return { context, page };
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const answer = await fetch(`${server.url}/api/v1/public/campaigns/${SLUG}/quiz?lang=vi`);
    quiz = ((await answer.json()) as { items: QuizItem[] }).items;
    expect(quiz.length).toBe(12);

    // The figures before anyone plays, as the supervisor sees them.
    const { context, page } = await supervisorPage();
    try {
      await page.goto(`${server.url}/console/campaigns`);
      const row = page.locator(`[data-testid="campaign-row"][data-slug="${SLUG}"]`);
      const href = await row.getByRole('link', { name: 'Số liệu' }).getAttribute('href');
      campaignId = href!.split('/')[3]!;
      before = await readTotals(page);
    } finally {
      await context.close();
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('plays the quiz to the end on a phone, explains a wrong answer, and shares the result with its card', async () => {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, permissions: ['clipboard-read', 'clipboard-write'] });
    try {
      const page = await context.newPage();
      // No share sheet here: sharing falls back to copying the link.
      await page.addInitScript('Object.defineProperty(navigator, "share", { value: undefined, configurable: true })');

      await page.goto(`${server.url}/`);
      await page.getByTestId('campaign-banner').waitFor();
      await page.goto(`${server.url}/campaigns`);
      await page.getByTestId('campaign-card').first().waitFor();
      await page.getByTestId('campaign-card').first().getByRole('link').tap();
      await page.getByTestId('campaign-landing').waitFor();
      expect(page.url()).toBe(`${server.url}/campaigns/${SLUG}`);
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'campaign-landing-phone');

      await page.getByTestId('play').tap();
      await page.getByTestId('quiz').waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.screenshot({ path: new URL('../../docs/screenshots/campaign-quiz-phone.png', import.meta.url).pathname, animations: 'disabled' });

      for (const [index, item] of quiz.entries()) {
        expect(await page.getByTestId('quiz-progress').textContent()).toBe(`Câu ${index + 1}/12`);
        // The buttons are big enough to touch.
        const box = await page.getByRole('button', { name: 'Lừa đảo', exact: true }).boundingBox();
        expect(box!.height).toBeGreaterThanOrEqual(44);
        const wrong = index === 0;
        const choice = (item.answer === 'scam') !== wrong ? 'Lừa đảo' : 'An toàn';
        await page.getByRole('button', { name: choice, exact: true }).tap();
        await page.getByTestId('quiz-feedback').waitFor();
        if (wrong) {
          expect(await page.locator('.quiz-feedback__verdict').textContent()).toContain('Chưa đúng.');
          expect(await page.getByTestId('quiz-explanation').textContent()).toBe(item.explanation);
          expect(await page.getByTestId('quiz-signs').locator('li').allTextContents()).toEqual(item.signs);
          expect((await page.getByTestId('quiz-live').textContent())!.trim()).not.toBe('');
          expect(await seriousAxeViolations(page)).toEqual([]);
          await saveScreenshot(page, 'campaign-explanation-phone');
        } else {
          expect(await page.locator('.quiz-feedback__verdict').textContent()).toContain('Chính xác!');
        }
        await page.getByRole('button', { name: index === 11 ? 'Xem kết quả' : 'Câu tiếp theo' }).tap();
      }

      await page.getByTestId('quiz-end').waitFor();
      expect(await page.getByTestId('quiz-score').textContent()).toBe('Bạn đúng 11/12 câu');
      if (quiz[0]!.articleSlug) {
        expect(await page.getByTestId('read-next').locator('a').first().getAttribute('href')).toBe(`/library/${quiz[0]!.articleSlug}`);
      }
      await page.getByRole('button', { name: 'Chia sẻ', exact: true }).tap();
      await page.getByText('Đã sao chép đường link.', { exact: false }).waitFor();
      const shared = `${server.url}/campaigns/${SLUG}/result?score=11&of=12`;
      expect(await page.evaluate('navigator.clipboard.readText()')).toBe(shared);
      expect(await page.getByTestId('share-link').inputValue()).toBe(shared);

      // The shared link as a social network fetches it: Open Graph tags naming the result card.
      const html = await (await fetch(shared)).text();
      expect(metaContent(html, 'og:title')).toBeTruthy();
      const image = metaContent(html, 'og:image');
      expect(image).toMatch(/\/api\/v1\/public\/campaigns\/mua-sam-tet-an-toan\/result-card\.png\?.*score=11.*of=12/);
      expect(metaContent(html, 'og:url')).toContain('/campaigns/mua-sam-tet-an-toan/result');
      const card = await fetch(new URL(new URL(image!).pathname + new URL(image!).search, server.url));
      expect(card.status).toBe(200);
      expect(card.headers.get('content-type')).toContain('image/png');
      expect(pngSize(Buffer.from(await card.arrayBuffer()))).toEqual({ width: 1200, height: 630 });

      await page.goto(shared);
      await page.getByTestId('result-page').waitFor();
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Kết quả: 11/12 câu đúng');
      await page.waitForFunction('document.querySelector("[data-testid=result-card]")?.naturalWidth === 1200');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'campaign-result-phone');

      // From the campaign page to the check page: the look-up counts for the campaign.
      await page.goto(`${server.url}/campaigns/${SLUG}`);
      await page.getByRole('link', { name: 'Kiểm tra trước khi chuyển tiền' }).tap();
      await page.getByRole('textbox', { name: 'Tra cứu trước khi chuyển tiền' }).fill('0900 000 202');
      await page.getByRole('button', { name: 'Kiểm tra', exact: true }).tap();
      await page.waitForURL(/\/check\?q=/);
      await page.locator('.result').first().waitFor();
    } finally {
      await context.close();
    }
  });

  it('plays a few items by keyboard alone, focus following the play', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/campaigns/${SLUG}/quiz`);
      await page.getByTestId('quiz').waitFor();
      const focused = () => page.evaluate('document.activeElement?.textContent?.trim() ?? ""') as Promise<string>;
      const tabTo = async (name: string) => {
        for (let i = 0; i < 40; i += 1) {
          if ((await focused()) === name) return;
          await page.keyboard.press('Tab');
        }
        throw new Error(`Tab never reached "${name}"`);
      };
      for (const [index, item] of quiz.slice(0, 3).entries()) {
        await tabTo(item.answer === 'scam' ? 'Lừa đảo' : 'An toàn');
        await page.keyboard.press('Enter');
        await page.getByTestId('quiz-feedback').waitFor();
        // Focus moves to the verdict, which is announced.
        expect(await page.evaluate('document.activeElement?.className')).toContain('quiz-feedback__verdict');
        expect(await focused()).toContain('Chính xác!');
        await tabTo('Câu tiếp theo');
        await page.keyboard.press('Enter');
        await page.waitForFunction(`document.activeElement?.textContent === "Câu ${index + 2}/12"`);
      }
      // Switching to English mid-game keeps the game: same item, English texts.
      await page.getByRole('group', { name: 'Ngôn ngữ' }).getByRole('button', { name: 'English' }).click();
      await page.getByRole('button', { name: 'Scam', exact: true }).waitFor();
      expect(await page.getByTestId('quiz-progress').textContent()).toBe('Item 4/12');
    } finally {
      await context.close();
    }
  });

  it('shows the supervisor the figures moving, the list and the editor; analysts read, platforms are refused', async () => {
    const { context, page } = await supervisorPage();
    try {
      const after = await readTotals(page);
      expect(after.views).toBeGreaterThan(before.views);
      expect(after.quizStarts).toBeGreaterThanOrEqual(before.quizStarts + 2);
      expect(after.quizCompletions).toBeGreaterThan(before.quizCompletions);
      expect(after.shares).toBeGreaterThan(before.shares);
      expect(after.lookups).toBeGreaterThan(before.lookups);
      expect(await page.getByTestId('campaign-days').locator('tbody tr').count()).toBeGreaterThan(0);
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(DESKTOP.width);
      await saveScreenshot(page, 'campaign-console-figures');

      await page.goto(`${server.url}/console/campaigns`);
      await page.getByTestId('campaign-table').waitFor();
      expect(await page.getByTestId('campaign-row').count()).toBeGreaterThanOrEqual(2);
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(DESKTOP.width);
      await saveScreenshot(page, 'campaign-console-list');

      await page.goto(`${server.url}/console/campaigns/${campaignId}`);
      await page.getByTestId('campaign-status').waitFor();
      expect(await page.getByTestId('quiz-editor-item').count()).toBe(12);
      await page.getByRole('button', { name: 'Xem trước' }).first().click();
      await page.locator('.campaign-preview h2').first().waitFor();
      expect(await page.getByRole('button', { name: 'Lưu thay đổi' }).isEnabled()).toBe(true);
      await page.getByTestId('quiz-editor-item').first().locator('summary').click();
      await page.getByTestId('quiz-editor-item').first().getByLabel('Giải thích').first().waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(DESKTOP.width);
      await saveScreenshot(page, 'campaign-console-editor');
      // Tablet width: the two languages stack, nothing scrolls sideways.
      await page.setViewportSize({ width: 820, height: 1100 });
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(820);
    } finally {
      await context.close();
    }

    const analyst = await browser.newContext({ viewport: DESKTOP });
    try {
      const page = await analyst.newPage();
      await signIn(page, server.url, server.users.analyst);
      await page.goto(`${server.url}/console/campaigns/${campaignId}`);
      await page.getByTestId('read-only').waitFor();
      expect(await page.getByRole('button', { name: 'Lưu thay đổi' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Công bố' }).count()).toBe(0);
      expect(await page.locator('fieldset.campaign-form__all').getAttribute('disabled')).not.toBeNull();
    } finally {
      await analyst.close();
    }

    const platform = await browser.newContext({ viewport: DESKTOP });
    try {
      const page = await platform.newPage();
      await signIn(page, server.url, server.users.platform_operator);
      await page.goto(`${server.url}/console/campaigns`);
      await page.getByTestId('not-allowed').waitFor();
    } finally {
      await platform.close();
    }
  });
});
