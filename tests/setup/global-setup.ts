import type { TestProject } from "vitest/node";
import { createTemplate, type Provider } from "./databases";

/** Migrates one template database per provider before any test file runs. */
export default async function globalSetup(project: TestProject) {
  const provider = project.config.env?.TEST_DB_PROVIDER as Provider | undefined;
  if (provider) await createTemplate(provider);
}
