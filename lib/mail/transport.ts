// How mails leave: through SMTP (nodemailer) when SMTP_URL is set, else into the OutboxMail
// table that admins read at /admin/outbox. The outbox is written in the delivery's own
// transaction; SMTP is called before it, outside any transaction (lib/jobs prepare step).
import nodemailer from "nodemailer";
import type { Tx } from "@/lib/db/create";
import { env } from "@/lib/env";
import type { MailMessage } from "./message";

export interface SmtpTransport {
  kind: "smtp";
  send(message: MailMessage): Promise<void>;
}
export type MailTransport = SmtpTransport | { kind: "outbox" };

const SMTP_TIMEOUT_MS = 15_000;

export function smtpTransport(url: URL, from: string): SmtpTransport {
  const transporter = nodemailer.createTransport({
    url: url.href,
    connectionTimeout: SMTP_TIMEOUT_MS,
    greetingTimeout: SMTP_TIMEOUT_MS,
    socketTimeout: SMTP_TIMEOUT_MS,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    kind: "smtp",
    async send(message) {
      await transporter.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: message.messageId,
        headers: message.headers,
      });
    },
  };
}

const registry = globalThis as unknown as { chanceryMailTransport?: MailTransport };

/** The configured transport (tests and scripts may replace it with configureMailTransport). */
export function mailTransport(): MailTransport {
  if (!registry.chanceryMailTransport) {
    const config = env();
    registry.chanceryMailTransport = config.SMTP_URL ? smtpTransport(config.SMTP_URL, config.MAIL_FROM) : { kind: "outbox" };
  }
  return registry.chanceryMailTransport;
}

export function configureMailTransport(transport: MailTransport | undefined): void {
  registry.chanceryMailTransport = transport;
}

export async function writeToOutbox(tx: Tx, message: MailMessage): Promise<void> {
  await tx.outboxMail.upsert({
    where: { messageId: message.messageId },
    create: { messageId: message.messageId, to: message.to, subject: message.subject, text: message.text, html: message.html, headers: JSON.stringify(message.headers) },
    update: {},
  });
}
