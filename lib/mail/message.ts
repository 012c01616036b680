// A mail as Chancery writes it, whichever way it leaves (SMTP or the outbox).
export interface MailMessage {
  /** "<…@chancery>": the same for every retry of one delivery, so a duplicate is recognisable. */
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}
