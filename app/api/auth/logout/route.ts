import { z } from "zod";
import { appendAudit } from "@/lib/audit/audit";
import { clearedSessionCookie, isHttps } from "@/lib/auth/cookie";
import { deleteSession } from "@/lib/auth/sessions";
import { defineRoute, json } from "@/lib/http/route";

const LogoutSchema = z.object({ everywhere: z.boolean({ error: "must be true or false" }).default(false) });

export const POST = defineRoute({ access: "public", maxBodyBytes: 1024 }, async ({ request, db, user, sessionToken, bytes, json: body }) => {
  const { everywhere } = (await bytes()).byteLength ? await body(LogoutSchema) : { everywhere: false };
  if (user && everywhere) {
    await db.$transaction(async (tx) => {
      const { count } = await tx.session.deleteMany({ where: { userId: user.id } });
      await appendAudit(tx, { id: user.id, name: user.name }, { action: "user.logout-everywhere", entityType: "user", entityId: user.id, after: { sessionsEnded: count } });
    });
  } else {
    await deleteSession(db, sessionToken);
  }
  return json({ ok: true }, 200, { "Set-Cookie": clearedSessionCookie(isHttps(request)) });
});
