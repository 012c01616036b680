// What the serving process (server.ts) and its render process (render-server.ts) say to each
// other (decision 037): requests over the render process's unix socket, and messages over the
// IPC channel of `child_process.fork`.
import { z } from "zod";

/** The render process listens here (a socket in a private directory the serving process made). */
export const RENDER_SOCKET_ENV = "CHANCERY_RENDER_SOCKET";
/** A request carrying this header asks for a hot path's answer (lib/http/hot-produce.ts), not Next. */
export const PRODUCE_HEADER = "x-chancery-produce";
/** The public origin the answer is for, computed by the serving process from the client's Host. */
export const ORIGIN_HEADER = "x-chancery-origin";
/** The cache tags of a produced answer, as JSON. */
export const TAGS_HEADER = "x-chancery-tags";

const DataChangeSchema = z.object({
  missionIds: z.array(z.int()),
  hostCodes: z.array(z.string()),
  sendingCodes: z.array(z.string()),
  everything: z.boolean().optional(),
});

/** From the render process: it is ready to serve, or data changed (a write of its own or another instance's). */
export const RenderMessageSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("ready") }),
  z.object({ kind: z.literal("data-change"), change: DataChangeSchema }),
]);
export type RenderMessage = z.infer<typeof RenderMessageSchema>;

export const TagsSchema = z.array(z.string().regex(/^(?:\*|mission:\d+|(?:host|sending):\S+)$/));
