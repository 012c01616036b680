import Link from "next/link";
import { requireUser } from "@/lib/auth/current-user";
import { LogoutButtons } from "./_components/logout-buttons";

export default async function PanelLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const link = "rounded px-2 py-1 underline-offset-4 hover:underline";
  return (
    <div className="space-y-6">
      <nav aria-label="Editor" className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-200 bg-white px-3 py-2">
        <ul className="flex flex-wrap gap-1">
          <li><Link href="/admin" className={link}>Missions</Link></li>
          <li><Link href="/admin/verify" className={link}>Verify</Link></li>
          <li><Link href="/admin/missions/new" className={link}>New mission</Link></li>
          <li><Link href="/admin/audit" className={link}>Audit log</Link></li>
          {user.role === "admin" && <li><Link href="/admin/import" className={link}>Import</Link></li>}
          {user.role === "admin" && <li><Link href="/admin/users" className={link}>Users</Link></li>}
          {user.role === "admin" && <li><Link href="/admin/freshness" className={link}>Freshness</Link></li>}
          {user.role === "admin" && <li><Link href="/admin/webhooks" className={link}>Webhooks</Link></li>}
          {user.role === "admin" && <li><Link href="/admin/outbox" className={link}>Outbox</Link></li>}
          {user.role === "admin" && <li><Link href="/admin/sources" className={link}>Sources</Link></li>}
        </ul>
        <div className="flex items-center gap-3 text-sm">
          <span>
            {user.name} ({user.role}
            {user.hostScope ? `, ${user.hostScope.join(", ")}` : ""})
          </span>
          <LogoutButtons />
        </div>
      </nav>
      {children}
    </div>
  );
}
