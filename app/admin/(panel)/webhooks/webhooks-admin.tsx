"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError } from "@/lib/admin/api-client";
import {
  useCreateWebhook,
  useRotateWebhookSecret,
  useSendWebhookTest,
  useSetWebhookActive,
  webhookDeliveriesQuery,
  webhooksQuery,
  type WebhookDelivery as Delivery,
  type WebhookEndpoint as Endpoint,
  type WebhookScope,
} from "@/lib/admin/webhooks";
import { fieldClass } from "../../_components/form-fields";

const SCOPES = [
  { value: "all", label: "All missions" },
  { value: "host", label: "A host country (code)" },
  { value: "sending", label: "A sending country (code)" },
  { value: "mission", label: "One mission (id)" },
];

function scopeBody(kind: string, value: string): WebhookScope {
  if (kind === "host") return { kind, hostCode: value };
  if (kind === "sending") return { kind, sendingCode: value };
  if (kind === "mission") return { kind, missionId: Number(value) };
  return { kind: "all" };
}

export function WebhooksAdmin({ initialEndpoints }: { initialEndpoints: Endpoint[] }) {
  const queryClient = useQueryClient();
  const { data: endpoints } = useQuery({ ...webhooksQuery(), initialData: initialEndpoints });
  const createWebhook = useCreateWebhook();
  const rotateSecret = useRotateWebhookSecret();
  const sendTest = useSendWebhookTest();
  const setActive = useSetWebhookActive();
  const [message, setMessage] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [log, setLog] = useState<{ endpointId: number; deliveries: Delivery[] } | null>(null);

  async function act(work: () => Promise<void>) {
    setMessage(null);
    try {
      await work();
    } catch (caught) {
      setMessage(caught instanceof ApiError ? caught.message : "The request failed");
    }
  }

  async function create(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    await act(async () => {
      const created = await createWebhook.mutateAsync({ url: data.get("url"), description: data.get("description"), scope: scopeBody(String(data.get("scopeKind")), String(data.get("scopeValue") ?? "").trim()) });
      setSecret(`Secret of endpoint ${created.endpoint.id} (shown once): ${created.secret}`);
      form.reset();
    });
  }

  const rotate = (id: number) =>
    act(async () => {
      const rotated = await rotateSecret.mutateAsync(id);
      setSecret(`New secret of endpoint ${id} (shown once): ${rotated.secret}. The old one keeps signing alongside until ${rotated.previousSecretUntil}.`);
    });
  const test = (id: number) =>
    act(async () => {
      await sendTest.mutateAsync(id);
      setMessage(`A test event for endpoint ${id} is on its way; open its delivery log to see the answer.`);
    });
  const toggle = (endpoint: Endpoint) =>
    act(async () => {
      await setActive.mutateAsync({ id: endpoint.id, active: !endpoint.active });
    });
  const showLog = (id: number) =>
    act(async () => {
      setLog({ endpointId: id, deliveries: await queryClient.fetchQuery(webhookDeliveriesQuery(id)) });
    });

  return (
    <div className="space-y-6">
      <div aria-live="polite">
        {message && <p className="rounded bg-slate-100 p-2">{message}</p>}
        {secret && <p className="break-all rounded bg-amber-50 p-2 font-mono text-sm">{secret}</p>}
      </div>
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">Webhook endpoints</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-1 pr-2">URL</th>
            <th scope="col" className="py-1 pr-2">Follows</th>
            <th scope="col" className="py-1 pr-2">State</th>
            <th scope="col" className="py-1">Actions</th>
          </tr>
        </thead>
        <tbody>
          {endpoints.map((endpoint) => (
            <tr key={endpoint.id} className="border-b border-slate-200 align-top">
              <td className="py-2 pr-2 break-all">
                {endpoint.url}
                {endpoint.description && <span className="block text-slate-600">{endpoint.description}</span>}
              </td>
              <td className="py-2 pr-2">{endpoint.scopeKind === "all" ? "All missions" : `${endpoint.scopeKind} ${endpoint.scopeValue}`}</td>
              <td className="py-2 pr-2">{endpoint.active ? "Active" : `Disabled${endpoint.disabledReason ? `: ${endpoint.disabledReason}` : ""}`}</td>
              <td className="flex flex-wrap gap-2 py-2">
                <button type="button" className="rounded border border-slate-400 px-2 py-1" onClick={() => test(endpoint.id)}>Send a test event</button>
                <button type="button" className="rounded border border-slate-400 px-2 py-1" onClick={() => rotate(endpoint.id)}>Rotate secret</button>
                <button type="button" className="rounded border border-slate-400 px-2 py-1" onClick={() => toggle(endpoint)}>{endpoint.active ? "Disable" : "Enable"}</button>
                <button type="button" className="rounded border border-slate-400 px-2 py-1" onClick={() => showLog(endpoint.id)}>Delivery log</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {log && (
        <section aria-labelledby="delivery-log" className="space-y-2">
          <h2 id="delivery-log" className="text-lg font-semibold">Delivery log of endpoint {log.endpointId}</h2>
          {log.deliveries.length === 0 ? (
            <p>Nothing delivered yet.</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {log.deliveries.map((delivery) => (
                <li key={delivery.id} className="rounded border border-slate-200 bg-white p-2">
                  <strong>{delivery.eventType}</strong> · {delivery.state} · {delivery.attempts} {delivery.attempts === 1 ? "try" : "tries"}
                  <ul className="ml-4 list-disc">
                    {delivery.attemptLog.map((attempt, index) => (
                      <li key={index}>
                        {attempt.at}: {attempt.statusCode ? `HTTP ${attempt.statusCode}` : "no answer"} in {attempt.durationMs} ms{attempt.error ? ` (${attempt.error})` : ""}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <form onSubmit={create} className="max-w-xl space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="text-lg font-semibold">Register an endpoint</h2>
        <label className="block text-sm font-medium">
          URL
          <input name="url" type="url" required className={fieldClass} placeholder="https://example.org/hooks/chancery" />
        </label>
        <label className="block text-sm font-medium">
          Description
          <input name="description" className={fieldClass} />
        </label>
        <label className="block text-sm font-medium">
          Follows
          <select name="scopeKind" className={fieldClass} defaultValue="all">
            {SCOPES.map((scope) => (
              <option key={scope.value} value={scope.value}>{scope.label}</option>
            ))}
          </select>
        </label>
        <label className="block text-sm font-medium">
          Code or id (unless all missions)
          <input name="scopeValue" className={fieldClass} />
        </label>
        <button type="submit" className="rounded bg-slate-900 px-4 py-2 font-medium text-white">Register</button>
      </form>
    </div>
  );
}
