import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed operations from the committed schema.graphql (never introspection): the web app is
 * checked against the same schema file CI checks against the code. CI fails when src/gql is
 * stale (`npm run web:codegen` and commit).
 */
const config: CodegenConfig = {
  schema: '../../schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', LocalDate: 'string', EmailAddress: 'string' },
        skipTypename: false,
      },
    },
  },
};

export default config;
