import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

// Lint is about architecture and obvious mistakes, not taste: module boundaries by Nx tags
// (a service never imports another service), framework-free domain layers, no stray console output.
export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/generated/**',
      '.platform/**',
      '**/*.mjs',
      '**/*.cjs',
      'out-tsc/**',
    ],
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:lib', 'type:contracts'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib', 'type:contracts'] },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:lib', 'type:contracts'] },
            {
              sourceTag: 'type:e2e',
              onlyDependOnLibsWithTags: ['type:lib', 'type:contracts', 'type:tool', 'type:service'],
            },
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
      'max-lines': ['warn', { max: 400, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // Domain code: the domain/ folders, and registry-intake's eCH reading, master data and rules, which are domain
    // code by another name. Only the shared kernel (calendar days, domain error base) and the contracts (event types,
    // reference data) may come in from @si; the worker-thread plumbing of the XSD validation is infrastructure.
    files: ['**/domain/**/*.ts', 'services/registry-intake/src/{ech,master-data,rules}/**/*.ts'],
    ignores: ['services/registry-intake/src/ech/xsd-validation-{thread,worker}.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@nestjs/*',
                'typeorm',
                'amqplib',
                'bullmq',
                'ioredis',
                'fastify',
                'pg',
                '@si/*',
                '!@si/kernel',
                '!@si/contracts',
              ],
              message: 'The domain layer stays framework-free.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      '**/*.spec.ts',
      '**/*.int-spec.ts',
      '**/*.e2e-spec.ts',
      '**/*.fault-spec.ts',
      'test/**/*.ts',
      '**/scripts/**/*.ts',
      'infra/**/*.ts',
    ],
    // Tests may assert presence with `!` after they checked it: an extra guard would only hide the failure line.
    rules: { 'no-console': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
