import type { Words } from '../reports/report-status.ts';

/** What a platform can answer to an escalation. */
export const PLATFORM_ACTIONS = ['removed', 'restricted', 'no_violation', 'needs_more_information'] as const;
export type PlatformAction = (typeof PLATFORM_ACTIONS)[number];

export function isPlatformAction(value: string): value is PlatformAction {
  return (PLATFORM_ACTIONS as readonly string[]).includes(value);
}

/** Removing or restricting an account is the platform confirming it was used for fraud. */
export function confirmsFraud(action: PlatformAction): boolean {
  return action === 'removed' || action === 'restricted';
}

/** The outcome a reporter reads on the tracking page, in plain words. */
export function actionOutcome(action: PlatformAction, platform: string): Words {
  const name = platformName(platform);
  switch (action) {
    case 'removed':
      return { vi: `${name} đã gỡ bỏ tài khoản/trang bị báo cáo.`, en: `${name} removed the reported account or page.` };
    case 'restricted':
      return { vi: `${name} đã hạn chế tài khoản/trang bị báo cáo.`, en: `${name} restricted the reported account or page.` };
    case 'no_violation':
      return { vi: `${name} đã xem xét nhưng chưa thấy vi phạm chính sách của họ; cơ quan chức năng tiếp tục theo dõi.`, en: `${name} reviewed it and found no violation of its policies; the agency keeps following the case.` };
    case 'needs_more_information':
      return { vi: `${name} cần thêm thông tin; cơ quan chức năng đang bổ sung hồ sơ.`, en: `${name} asked for more information; the agency is following up.` };
  }
}

const NAMES: Readonly<Record<string, string>> = { facebook: 'Facebook', zalo: 'Zalo', tiktok: 'TikTok', telegram: 'Telegram', instagram: 'Instagram', x: 'X', youtube: 'YouTube' };

export function platformName(platform: string): string {
  return NAMES[platform] ?? platform;
}
