import nodemailer from 'nodemailer';
import type { OutboundGuard } from '../../outbound/outbound-guard.js';
import type { AlertNotice } from '../alert-templates.js';
import { emailMessage } from '../alert-templates.js';
import { DeliveryError, SEND_TIMEOUT_MS, type ChannelSender, type SendResult } from './channel-sender.js';

/**
 * E-mail over SMTP with nodemailer: `tls` (implicit TLS, usually port 465), `starttls` (upgrade
 * required, usually 587) or `none`; optional AUTH; the server certificate is verified unless the
 * channel turns that off, against the system CAs or the channel's own CA certificate.
 */
/** The reply code of an SMTP answer ("SMTP 250"); the server's words stay out of the history. */
function smtpReply(response: unknown): string | null {
  const code = /^\d{3}/.exec(String(response ?? ''))?.[0];
  return code ? `SMTP ${code}` : null;
}

/**
 * A fixed reason per failure kind. nodemailer's messages quote what the server said; the host is
 * the caller's choice and may be a private service (a cache, an HTTP admin page) whose answer must
 * not come back through a test message or the history. Errors of Weir's own side (connection
 * refused, certificate checks) carry no answer text and keep their message.
 */
function smtpFailure(err: Error & { code?: string }): string {
  switch (err.code) {
    case 'EAUTH':
      return 'the server refused the login';
    case 'EENVELOPE':
      return 'the server refused the sender or a recipient';
    case 'EPROTOCOL':
    case 'EMESSAGE':
      return 'the server did not answer as an SMTP server does';
    case 'ETIMEDOUT':
      return 'no answer in time';
    default:
      return /response|greeting|\d{3} /i.test(err.message) ? 'the server did not answer as an SMTP server does' : err.message;
  }
}

export class EmailSender implements ChannelSender {
  readonly type = 'email' as const;

  constructor(private readonly outbound: OutboundGuard) {}

  async send(notice: AlertNotice, config: Record<string, unknown>, signal: AbortSignal): Promise<SendResult> {
    const host = String(config.host);
    const port = Number(config.port);
    const security = String(config.security) as 'tls' | 'starttls' | 'none';
    const to = (config.to as string[]) ?? [];
    const username = typeof config.username === 'string' && config.username !== '' ? config.username : null;
    const password = typeof config.password === 'string' ? config.password : '';
    const ca = typeof config.caCertificate === 'string' && config.caCertificate.trim() !== '' ? config.caCertificate : undefined;
    const request = `SMTP ${host}:${port} (${security}${username ? ', auth' : ''}) to ${to.join(', ')}`;
    // Connect to the address the guard checked; TLS still verifies the certificate against `host`.
    let address: string;
    try {
      address = await this.outbound.resolve(host);
    } catch (error) {
      throw new DeliveryError((error as Error).message, request, null, { cause: error });
    }
    const transport = nodemailer.createTransport({
      host: address,
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
    const sent = `${request}: "${message.subject}"`;
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
        throw new DeliveryError(`the server refused ${rejected.join(', ')}`, sent, smtpReply(info.response));
      }
      return { request: sent, response: smtpReply(info.response) ?? 'accepted' };
    } catch (error) {
      if (error instanceof DeliveryError) throw error;
      const err = error as Error & { code?: string; responseCode?: number };
      const code = typeof err.responseCode === 'number' ? ` (SMTP ${err.responseCode})` : '';
      throw new DeliveryError(`${err.code ? `${err.code}: ` : ''}${smtpFailure(err)}${code}`, sent, code ? `SMTP ${err.responseCode}` : null, { cause: error });
    } finally {
      signal.removeEventListener('abort', abort);
      transport.close();
    }
  }
}
