import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

describe('CHROMIUM_PATH', () => {
  it('defaults to Debian\'s Chromium and takes an absolute path only', () => {
    expect(loadConfig({}).chromiumPath).toBe('/usr/bin/chromium');
    expect(loadConfig({ CHROMIUM_PATH: '/opt/chromium/chrome' }).chromiumPath).toBe('/opt/chromium/chrome');
    expect(() => loadConfig({ CHROMIUM_PATH: 'chromium' })).toThrow(ConfigError);
    expect(() => loadConfig({ CHROMIUM_PATH: 'chromium' })).toThrow(/CHROMIUM_PATH/);
  });
});
