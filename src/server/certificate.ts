/**
 * The localhost certificate: the same one office-addin-dev-certs makes for sideloading into Office, made
 * (offline, in JavaScript) when missing. It is never installed into a trust store from here; the CA's path
 * is printed so Node clients and browsers can trust it for loopback.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Certificate {
  key: Buffer;
  cert: Buffer;
  caPath: string;
}

export const CERT_DIR = path.join(os.homedir(), '.office-addin-dev-certs');

export async function ensureCertificate(dir = CERT_DIR): Promise<Certificate> {
  const caPath = path.join(dir, 'ca.crt');
  const certPath = path.join(dir, 'localhost.crt');
  const keyPath = path.join(dir, 'localhost.key');
  if (!(await valid(certPath))) {
    const certs = await import('office-addin-dev-certs');
    await certs.generateCertificates(caPath, certPath, keyPath, 30);
  }
  // The private key is the server's identity on loopback: its owner's only (the package writes it 0644).
  await fs.chmod(keyPath, 0o600);
  return { key: await fs.readFile(keyPath), cert: await fs.readFile(certPath), caPath };
}

async function valid(certPath: string): Promise<boolean> {
  try {
    const { X509Certificate } = await import('node:crypto');
    const x = new X509Certificate(await fs.readFile(certPath));
    // Renew a day early so a long session never runs into an expired certificate.
    return Date.parse(x.validTo) - Date.now() > 86_400_000;
  } catch {
    return false;
  }
}
