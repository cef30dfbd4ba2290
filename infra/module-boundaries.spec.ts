import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ESLint } from 'eslint';

// The architecture rule the lint step enforces, proven on code that breaks it: a service may use libs
// and contracts, never another service; a domain folder imports no framework.
const root = join(import.meta.dirname, '..');

describe('module boundaries', () => {
  let eslint: ESLint;
  beforeAll(() => {
    execFileSync('npx', ['nx', 'show', 'projects'], {
      cwd: root,
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
      stdio: 'ignore',
    });
    eslint = new ESLint({ cwd: root });
  }, 60_000);

  const lint = async (file: string, code: string) =>
    (await eslint.lintText(code, { filePath: join(root, file) }))[0].messages.map((m) => m.ruleId);

  it('refuses a service importing another service', async () => {
    expect(
      await lint(
        'services/offers/src/leak.ts',
        "import { definition } from '@si/case-management';\nexport const d = definition;\n",
      ),
    ).toContain('@nx/enforce-module-boundaries');
  });

  it('allows a service to import a lib', async () => {
    expect(
      await lint(
        'services/offers/src/ok.ts',
        "import { correlation } from '@si/observability';\nexport const c = correlation;\n",
      ),
    ).not.toContain('@nx/enforce-module-boundaries');
  });

  it('keeps domain folders framework-free', async () => {
    expect(
      await lint(
        'services/offers/src/things/domain/thing.ts',
        "import { Injectable } from '@nestjs/common';\nexport const i = Injectable;\n",
      ),
    ).toContain('no-restricted-imports');
  });
});
