import nodemailer from 'nodemailer';
import type { AlertNotice } from '../alert-templates.js';
import { emailMessage } from '../alert-templates.js';
import { DeliveryError, SEND_TIMEOUT_MS, type ChannelSender, type SendResult } from './channel-sender.js';

/**
 * E-mail over SMTP with nodemailer: `tls` (implicit TLS, usually port 465), `starttls` (upgrade
 * required, usually 587) or `none`; optional AUTH; the server certificate is verified unless the
 * channel turns that off, against the system CAs or the channel's own CA certificate.
 */
export class EmailSender implements ChannelSender {
  readonly type = 'email' as const;

  async send(notice: AlertNotice, config: Record<string, unknown>, signal: AbortSignal): Promise<SendResult> {
    const host = String(config.host);
    const port = Number(config.port);
    const security = String(config.security) as 'tls' | 'starttls' | 'none';
    const to = (config.to as string[]) ?? [];
    const username = typeof config.username === 'string' && config.username !== '' ? config.username : null;
    const password = typeof config.password === 'string' ? config.password : '';
    const ca = typeof config.caCertificate === 'string' && config.caCertificate.trim() !== '' ? config.caCertificate : undefined;
    const transport = nodemailer.createTransport({
      host,
      port,
      secure: security === 'tls',
      requireTLS: security === 'starttls',
      ignoreTLS: security === 'none',
      ...(username ? { auth: { user: username, pass: password } } : {}),
      tls: { rejectUnauthorized: config.verifyCertificate !== false, servername: host, ...(ca ? { ca } : {}) },
      connectionTimeout: SEND_TIMEOUT_MS,
      greetingTimeout: SEND_TIMEOUT_MS,
      socketTimeout: SEND_TIMEOUT_MS,
    });
    const message = emailMessage(notice);
    const request = `SMTP ${host}:${port} (${security}${username ? ', auth' : ''}) to ${to.join(', ')}: "${message.subject}"`;
    const abort = () => transport.close();
    signal.addEventListener('abort', abort, { once: true });
    try {
      const info = await transport.sendMail({
        from: String(config.from),
        to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        headers: notice.incidentId ? { 'X-Weir-Incident': notice.incidentId } : {},
      });
      const rejected = (info.rejected ?? []).map(String);
      if (rejected.length > 0) {
        throw new DeliveryError(`the server refused ${rejected.join(', ')}`, request, String(info.response ?? ''));
      }
      return { request, response: String(info.response ?? 'accepted') };
    } catch (error) {
      if (error instanceof DeliveryError) throw error;
      const err = error as Error & { code?: string; response?: string };
      const detail = err.response && !err.message.includes(err.response) ? ` (${err.response})` : '';
      throw new DeliveryError(`${err.code ? `${err.code}: ` : ''}${err.message}${detail}`, request, err.response ?? null);
    } finally {
      signal.removeEventListener('abort', abort);
      transport.close();
    }
  }
}
