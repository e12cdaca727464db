import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalize } from '../../src/domain/identifiers/index.ts';
import { buildVietQrPayload } from '../../src/domain/identifiers/vietqr.ts';
import { DESKTOP, PHONE, launchBrowser } from './support/browser.ts';
import { seriousAxeViolations } from './support/portal.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { startServer, type RunningServer } from './support/server.ts';

/** A screenshot of a payment QR: a VietQR for an invented account at BIN 970436, framed in white. */
async function vietQrScreenshot(): Promise<{ buffer: Buffer; display: string; indicator: string }> {
  const payload = buildVietQrPayload({ bin: '970436', account: '0099887766554', amount: 2_000_000, message: 'NAP TIEN NHIEM VU' });
  const canonical = canonicalize(payload);
  if (!canonical.ok) throw new Error(`the test payload does not canonicalize: ${canonical.error.message}`);
  const buffer = await QRCode.toBuffer(payload, { type: 'png', margin: 4, scale: 6 });
  return { buffer, display: canonical.value.display, indicator: canonical.value.indicator };
}

/** A small plain image standing for a chat screenshot. */
function chatScreenshot(): Buffer {
  const png = new PNG({ width: 120, height: 200 });
  for (let y = 0; y < png.height; y += 1) {
    for (let x = 0; x < png.width; x += 1) {
      const i = (png.width * y + x) << 2;
      png.data[i] = 30 + (y % 40);
      png.data[i + 1] = 90;
      png.data[i + 2] = 160 + (x % 60);
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

async function next(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
}

describe('public portal: report a scam, then track it', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a full report on a phone: category, identifiers with live feedback, a VietQR screenshot, money, an image, contact; draft kept over a reload; tracking code; then tracking it', async () => {
    const qr = await vietQrScreenshot();
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/report`);
      await page.getByRole('heading', { level: 1, name: 'Báo cáo lừa đảo' }).waitFor();

      // Step 1: nothing chosen yet → the step says what is missing and stays.
      await next(page);
      await page.getByText('Vui lòng chọn một hình thức lừa đảo.').waitFor();
      await page.getByRole('radio', { name: /Việc làm, làm nhiệm vụ/ }).check();
      // The complaint goes as soon as it is answered.
      expect(await page.getByText('Vui lòng chọn một hình thức lừa đảo.').count()).toBe(0);
      await page.getByLabel('Mô tả chuyện đã xảy ra').fill(
        'Một người trên Telegram mời làm nhiệm vụ thả tim sản phẩm, trả hoa hồng vài lần rồi bắt nạp tiền qua mã QR để "mở khóa" nhiệm vụ cấp cao; sau đó không rút được tiền.',
      );
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'portal-report-step1-phone');
      await next(page);

      // Step 2: identifiers recognised as they are typed, with the server's own code.
      await page.getByRole('heading', { name: /Bước 2\/6/ }).waitFor();
      const identifiers = page.getByLabel('Số điện thoại, tài khoản, đường link của đối tượng');
      await identifiers.fill('0900 000 303\nhttps://nhiemvu-demo.example/dang-nhap\nanh Tuấn quản lý nhóm');
      const feedback = page.locator('#report-identifiers-feedback');
      await feedback.getByText('Số điện thoại').waitFor();
      await feedback.getByText('Đường link').waitFor();
      await feedback.getByText('Chưa nhận ra “anh Tuấn quản lý nhóm”', { exact: false }).waitFor();

      // A reload keeps the draft (not the files).
      await page.reload();
      await page.getByText('Chúng tôi đã khôi phục bản nháp', { exact: false }).waitFor();
      expect(await page.getByLabel('Số điện thoại, tài khoản, đường link của đối tượng').inputValue()).toContain('0900 000 303');

      // The payment QR is read in the browser with the shared VietQR decoder.
      await page.getByLabel('Chọn ảnh có mã QR').setInputFiles({ name: 'ma-qr.png', mimeType: 'image/png', buffer: qr.buffer });
      await page.getByText(`Đã đọc mã VietQR: ${qr.display}`, { exact: false }).waitFor();
      expect(await page.getByLabel('Số điện thoại, tài khoản, đường link của đối tượng').inputValue()).toContain(qr.display);
      await page.locator('#report-identifiers-feedback').getByText('Tài khoản ngân hàng').waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'portal-report-who-phone');
      await next(page);

      // Step 3: money.
      await page.getByLabel('Số tiền bị mất (nếu có)').fill('12.500.000');
      await page.getByRole('radio', { name: 'Chuyển khoản ngân hàng' }).check();
      await next(page);

      // Step 4: evidence — the QR screenshot is already there; add a chat screenshot.
      await page.getByRole('heading', { name: /Bước 4\/6/ }).waitFor();
      await page.getByLabel('Chọn ảnh hoặc tệp PDF').setInputFiles({ name: 'tin-nhan.png', mimeType: 'image/png', buffer: chatScreenshot() });
      const list = page.getByRole('list', { name: 'Tệp đã chọn' });
      await list.getByRole('img', { name: 'Xem trước: tin-nhan.png' }).waitFor();
      await list.getByRole('img', { name: 'Xem trước: ma-qr.png' }).waitFor();
      // A file of the wrong type is refused before anything is sent.
      await page.getByLabel('Chọn ảnh hoặc tệp PDF').setInputFiles({ name: 'ghi-chu.txt', mimeType: 'text/plain', buffer: Buffer.from('xin chào') });
      await page.getByText('“ghi-chu.txt” không phải ảnh PNG', { exact: false }).waitFor();
      await next(page);

      // Step 5: contact and consent.
      await page.getByLabel('Email').fill('nguoibaocao@mail.example');
      await page.getByRole('checkbox').check();
      await next(page);

      // Step 6: review, then send with upload progress.
      await page.getByRole('heading', { name: /Bước 6\/6/ }).waitFor();
      const review = page.locator('.review');
      expect(await review.textContent()).toContain('Việc làm, làm nhiệm vụ');
      expect(await review.textContent()).toContain('12.500.000');
      expect(await review.textContent()).toContain('tin-nhan.png');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'portal-report-review-phone');
      await page.getByRole('button', { name: 'Gửi báo cáo' }).click();

      const code = page.getByTestId('tracking-code');
      await code.waitFor({ timeout: 30_000 });
      const trackingCode = ((await code.textContent()) ?? '').trim();
      expect(trackingCode).toMatch(/^CG-/);
      // The recorded identifiers include the bank account from the QR code.
      await page.getByText(qr.display, { exact: false }).first().waitFor();
      await saveScreenshot(page, 'portal-report-done-phone');

      // Reloading after sending starts a new, empty report: the draft is gone.
      await page.getByRole('link', { name: 'Theo dõi báo cáo' }).last().click();
      await page.waitForURL(`${server.url}/track/${trackingCode}`);
      const status = page.getByTestId('track-status');
      await status.waitFor();
      expect(await status.textContent()).toContain('Đã tiếp nhận');
      expect(await page.locator('.timeline__step').count()).toBeGreaterThanOrEqual(1);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'portal-track-phone');
    } finally {
      await context.close();
    }
  });

  it('tracking on a desktop: the form, an unknown code, then a known one', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    try {
      const page = await context.newPage();
      // A report sent through the API, as another citizen would.
      const response = await page.request.post(`${server.url}/api/v1/reports`, {
        data: { category: 'online_shopping', narrative: 'Đặt cọc mua điện thoại trên mạng rồi bị chặn liên lạc.', identifiers: ['0900 000 404'] },
      });
      expect(response.status()).toBe(201);
      const { trackingCode } = (await response.json()) as { trackingCode: string };

      await page.goto(`${server.url}/track`);
      await page.getByLabel('Mã tra cứu').fill('CG-KHONG-CO-MA');
      await page.getByRole('button', { name: 'Xem tình trạng' }).click();
      await page.getByText('Không tìm thấy báo cáo với mã này.', { exact: false }).waitFor();

      await page.getByLabel('Mã tra cứu').fill(trackingCode);
      await page.getByRole('button', { name: 'Xem tình trạng' }).click();
      await page.getByTestId('track-status').waitFor();
      expect(await page.getByTestId('track-status').textContent()).toContain('Đã tiếp nhận');
      expect(await page.getByText('Mua bán trực tuyến').count()).toBe(1);
      await saveScreenshot(page, 'portal-track-desktop');
    } finally {
      await context.close();
    }
  });

  it('the wizard on a desktop shows every step name and the categories in two columns', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/report`);
      await page.getByRole('radio', { name: /Đầu tư, tiền ảo/ }).waitFor();
      expect(await page.getByRole('list', { name: 'Các bước báo cáo' }).textContent()).toContain('Xem lại và gửi');
      await saveScreenshot(page, 'portal-report-desktop');
    } finally {
      await context.close();
    }
  });

  it('a lost answer on a slow, flaky network: the draft stays, "send again" gets the same tracking code, and only one report is stored', async () => {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/report`);
      await page.getByRole('radio', { name: /Mua bán trực tuyến/ }).check();
      await page.getByLabel('Mô tả chuyện đã xảy ra').fill(
        'Tôi đặt cọc 2 triệu đồng mua một chiếc xe máy cũ qua một nhóm mua bán trên mạng xã hội; người bán nhận tiền xong thì chặn liên lạc và xóa bài đăng, kèm một đoạn mô tả rất dài để xem giao diện có bị vỡ trên điện thoại hay không: Thànhphốhồchíminhquậnbìnhthạnhphườngmườihaiđườngsốbamươibảy.',
      );
      for (let step = 0; step < 5; step += 1) await next(page);
      await page.getByRole('heading', { name: /Bước 6\/6/ }).waitFor();
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);

      // The server stores the report, but its answer never arrives.
      let attempts = 0;
      await page.route('**/api/v1/reports', async (route) => {
        attempts += 1;
        if (attempts === 1) {
          await route.fetch();
          await route.abort('connectionreset');
        } else {
          await new Promise((resolve) => setTimeout(resolve, 800)); // slow, but it arrives
          await route.continue();
        }
      });
      await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
      await page.getByText('Chưa gửi được do mất kết nối.', { exact: false }).waitFor();

      const replay = page.waitForResponse((response) => response.url().endsWith('/api/v1/reports'));
      await page.getByRole('button', { name: 'Gửi lại' }).click();
      await page.getByRole('status').filter({ hasText: 'Đang gửi…' }).waitFor();
      const response = await replay;
      expect(response.status()).toBe(201);
      expect(response.headers()['idempotent-replayed']).toBe('true');
      await page.getByTestId('tracking-code').waitFor();
    } finally {
      await context.close();
    }
  });
});
