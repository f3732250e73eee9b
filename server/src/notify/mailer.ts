import type { Transporter } from 'nodemailer';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** Sends mail, or — without SMTP_URL — logs what it would have sent. */
export interface Mailer {
  readonly kind: 'smtp' | 'log';
  send(message: MailMessage, context?: Record<string, unknown>): Promise<void>;
  close(): void;
}

/**
 * SMTP_URL as nodemailer takes it (smtp://user:pass@host:587, smtps://… for implicit TLS),
 * plus an optional `from` query parameter: smtp://host:587?from=roster@district.org.
 */
export function parseSmtpUrl(smtpUrl: string, publicUrl: string): { url: string; from: string } {
  const u = new URL(smtpUrl);
  const from = u.searchParams.get('from');
  u.searchParams.delete('from');
  let host = 'localhost';
  try {
    host = new URL(publicUrl).hostname || host;
  } catch {
    // keep localhost
  }
  return { url: u.toString(), from: from || `Homeroom <homeroom@${host}>` };
}

class SmtpMailer implements Mailer {
  readonly kind = 'smtp' as const;
  private transport: Promise<Transporter> | null = null;
  private readonly url: URL;
  private readonly from: string;

  constructor(
    smtpUrl: string,
    publicUrl: string,
    private readonly logger: Logger,
  ) {
    const { url, from } = parseSmtpUrl(smtpUrl, publicUrl);
    this.from = from;
    this.url = new URL(url);
  }

  /** nodemailer is loaded on the first email: a command that sends none never loads it. */
  private connect(): Promise<Transporter> {
    this.transport ??= this.createTransport();
    return this.transport;
  }

  private async createTransport(): Promise<Transporter> {
    const { default: nodemailer } = await import('nodemailer');
    // Short timeouts: a dead mail server must not hold a worker for minutes.
    const u = this.url;
    return nodemailer.createTransport({
      host: u.hostname,
      port: u.port ? Number(u.port) : u.protocol === 'smtps:' ? 465 : 587,
      secure: u.protocol === 'smtps:',
      auth: u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : undefined,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  async send(message: MailMessage, context: Record<string, unknown> = {}): Promise<void> {
    const info = await (await this.connect()).sendMail({ from: this.from, ...message });
    this.logger.info({ ...context, to: message.to, subject: message.subject, messageId: info.messageId }, 'email sent');
  }

  close(): void {
    void this.transport?.then((t) => t.close());
  }
}

class LogMailer implements Mailer {
  readonly kind = 'log' as const;
  constructor(private readonly logger: Logger) {}

  async send(message: MailMessage, context: Record<string, unknown> = {}): Promise<void> {
    this.logger.info({ ...context, to: message.to, subject: message.subject, text: message.text }, 'email not sent (SMTP_URL is not set); logged instead');
  }

  close(): void {}
}

export function createMailer(config: Pick<Config, 'smtpUrl' | 'publicUrl'>, logger: Logger): Mailer {
  return config.smtpUrl ? new SmtpMailer(config.smtpUrl, config.publicUrl, logger) : new LogMailer(logger);
}
