import type { Metadata } from "next";
import { AdminProviders } from "./providers";

export const metadata: Metadata = { title: { default: "Editor", template: "%s · Chancery editor" }, robots: { index: false } };

export default function AdminLayout({ children }: { children: React.ReactNode }) {
  return <AdminProviders>{children}</AdminProviders>;
}
