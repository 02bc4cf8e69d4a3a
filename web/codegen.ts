import type { CodegenConfig } from '@graphql-codegen/cli';

// Types for every operation written beside the component that uses it, from the
// committed schema (the server writes it with `npm run schema`). `npm test` runs
// this with --check, so stale generated files fail the build.
const config: CodegenConfig = {
  schema: '../schema.gql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    './src/gql/': {
      preset: 'client',
      config: {
        // Plain strings instead of parsed documents: no GraphQL runtime in the bundle.
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: 'string' },
      },
      presetConfig: { fragmentMasking: false },
    },
  },
};
export default config;
