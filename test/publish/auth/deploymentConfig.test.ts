/**
 * The deployment's config.json leads the task pane to the sign-in page beside it (without the pane's own
 * query, which Office fills with _host_Info), with the app registration the page reads from the same file.
 */
import type { MsalSettings } from '../../../src/publish/auth/msalSettings';
import { deploymentConfig } from '../../../src/taskpane/shared/libraryConfig';

jest.mock('../../../src/publish/auth/msalTokenProvider', () => ({
  // What deploymentConfig hands over, instead of a real MSAL client (which needs a browser).
  msalTokenProvider: async (settings: MsalSettings) => ({ settings, getToken: async () => '', invalidate: () => undefined }),
}));

describe('deploymentConfig', () => {
  it('signs in through signin.html beside the task pane, without the pane\'s query or fragment', async () => {
    const config = deploymentConfig(
      { graph: { url: 'https://graph.microsoft.com/v1.0', siteId: 'site' }, msal: { clientId: ' client ', authority: 'https://login.microsoftonline.com/tid' } },
      'https://tillagg.example.se/tjansteplan/taskpane.html?_host_Info=Excel$Win32$16.01$sv-SE$$$$0#plan',
    );
    const provider = (await config!.tokens()) as unknown as { settings: MsalSettings };
    expect(provider.settings).toEqual({
      clientId: 'client',
      authority: 'https://login.microsoftonline.com/tid',
      dialogUrl: 'https://tillagg.example.se/tjansteplan/signin.html',
    });
  });

  it('is not configured without a client id', async () => {
    expect(deploymentConfig({ graph: { url: 'https://graph.microsoft.com/v1.0', siteId: 'site' }, msal: {} }, 'https://x.example/taskpane.html')).toBeNull();
  });
});
