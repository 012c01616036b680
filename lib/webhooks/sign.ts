// Standard Webhooks signatures (the `standardwebhooks` package): HMAC-SHA256 over
// "<webhook-id>.<webhook-timestamp>.<body>" with the endpoint's secret. During a rotation's
// overlap the previous secret signs too: the header carries both signatures, space-separated,
// and a receiver that knows either secret verifies the message.
import crypto from "node:crypto";
import { Webhook } from "standardwebhooks";

export const newWebhookSecret = () => `whsec_${crypto.randomBytes(24).toString("base64")}`;

export interface SigningSecrets {
  secret: string;
  previousSecret: string | null;
  previousSecretUntil: Date | null;
}

export function signatureHeaders(secrets: SigningSecrets, messageId: string, at: Date, body: string): Record<string, string> {
  const keys = [secrets.secret, ...(secrets.previousSecret && secrets.previousSecretUntil && secrets.previousSecretUntil > at ? [secrets.previousSecret] : [])];
  return {
    "webhook-id": messageId,
    "webhook-timestamp": Math.floor(at.getTime() / 1000).toString(),
    "webhook-signature": keys.map((key) => new Webhook(key).sign(messageId, at, body)).join(" "),
  };
}
