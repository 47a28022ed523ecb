/**
 * Once before all suites: the loopback certificate that the workbench and local-library tests serve with,
 * made here so parallel suites never race to create it.
 */
import { ensureCertificate } from '../src/server/certificate';

export default async function globalSetup(): Promise<void> {
  await ensureCertificate();
}
